package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtPhysdev;

/**
 * extensions/libxt_physdev.c: [!] --physdev-in NAME[+], [!] --physdev-out NAME[+],
 * [!] --physdev-is-in, [!] --physdev-is-out, [!] --physdev-is-bridged (at least one). Save and
 * print list them in the order is-in, in, is-out, out, is-bridged ("PHYSDEV match ..." for -L).
 * The kernel refuses --physdev-out / --physdev-is-out without --physdev-is-bridged in OUTPUT.
 */
final class LibxtPhysdev extends XtMatchExt {
    private static final Spec[] SPEC = {
        new Spec("physdev-in", 0, INVERT), new Spec("physdev-out", 1, INVERT), new Spec("physdev-is-in", 2, INVERT),
        new Spec("physdev-is-out", 3, INVERT), new Spec("physdev-is-bridged", 4, INVERT),
    };
    String in, out;
    int bitmask, invert;

    String name() { return "physdev"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        int op = switch (o.name) {
            case "physdev-in" -> XtPhysdev.OP_IN;
            case "physdev-out" -> XtPhysdev.OP_OUT;
            case "physdev-is-in" -> XtPhysdev.OP_ISIN;
            case "physdev-is-out" -> XtPhysdev.OP_ISOUT;
            default -> XtPhysdev.OP_BRIDGED;
        };
        if (op == XtPhysdev.OP_IN || op == XtPhysdev.OP_OUT) {
            String v = o.arg();
            if (v.length() >= 16) throw XtError.param("interface name `" + v + "' must be shorter than IFNAMSIZ (15)");
            if (op == XtPhysdev.OP_IN) in = v;
            else out = v;
        }
        bitmask |= op;
        if (o.invert) invert |= op;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (xflags == 0) throw XtError.param("PHYSDEV: no physdev option specified");
        return new XtPhysdev(stem(in), wild(in), stem(out), wild(out), bitmask, invert);
    }

    private static String stem(String n) { return n == null ? null : n.endsWith("+") ? n.substring(0, n.length() - 1) : n; }

    private static boolean wild(String n) { return n != null && n.endsWith("+"); }

    @Override
    void checkEntry(XtRuleCtx ctx, XtMatch m) {
        XtPhysdev p = (XtPhysdev) m;
        boolean outOps = (p.bitmask() & (XtPhysdev.OP_OUT | XtPhysdev.OP_ISOUT)) != 0;
        boolean bridged = (p.bitmask() & XtPhysdev.OP_BRIDGED) != 0 && (p.invert() & XtPhysdev.OP_BRIDGED) == 0;
        if (outOps && !bridged && ctx.chainIn("OUTPUT")) throw ctx.invalid();
    }

    private static void body(StringBuilder sb, XtPhysdev p) {
        if ((p.bitmask() & XtPhysdev.OP_ISIN) != 0) sb.append(inv(p, XtPhysdev.OP_ISIN)).append(" --physdev-is-in");
        if ((p.bitmask() & XtPhysdev.OP_IN) != 0)
            sb.append(inv(p, XtPhysdev.OP_IN)).append(" --physdev-in ").append(p.physIn()).append(p.inWild() ? "+" : "");
        if ((p.bitmask() & XtPhysdev.OP_ISOUT) != 0) sb.append(inv(p, XtPhysdev.OP_ISOUT)).append(" --physdev-is-out");
        if ((p.bitmask() & XtPhysdev.OP_OUT) != 0)
            sb.append(inv(p, XtPhysdev.OP_OUT)).append(" --physdev-out ").append(p.physOut()).append(p.outWild() ? "+" : "");
        if ((p.bitmask() & XtPhysdev.OP_BRIDGED) != 0) sb.append(inv(p, XtPhysdev.OP_BRIDGED)).append(" --physdev-is-bridged");
    }

    private static String inv(XtPhysdev p, int op) { return (p.invert() & op) != 0 ? " !" : ""; }

    void save(StringBuilder sb, XtMatch m) { body(sb, (XtPhysdev) m); }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        sb.append(" PHYSDEV match");
        body(sb, (XtPhysdev) m);
    }
}
