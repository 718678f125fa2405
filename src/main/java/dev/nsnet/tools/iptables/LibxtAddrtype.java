package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtAddrtype;

/**
 * extensions/libxt_addrtype.c (revision 1): [!] --src-type T[,T...], [!] --dst-type T[,T...]
 * (names of RTN_* types, any case), --limit-iface-in | --limit-iface-out. Save
 * "--src-type LOCAL ! --dst-type UNICAST --limit-iface-in", print
 * "ADDRTYPE match src-type LOCAL dst-type !UNICAST limit-in" (types in RTN order).
 */
final class LibxtAddrtype extends XtMatchExt {
    private static final Spec[] SPEC = {
        new Spec("src-type", 0, INVERT), new Spec("dst-type", 1, INVERT),
        new Spec("limit-iface-in", 2, 0, 1 << 3, 0), new Spec("limit-iface-out", 3, 0, 1 << 2, 0),
    };
    static final String[] TYPES = {"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE",
        "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"};
    int source, dest, flags;

    String name() { return "addrtype"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        switch (o.name) {
            case "src-type" -> {
                source = types(o.arg());
                if (o.invert) flags |= XtAddrtype.INVERT_SOURCE;
            }
            case "dst-type" -> {
                dest = types(o.arg());
                if (o.invert) flags |= XtAddrtype.INVERT_DEST;
            }
            case "limit-iface-in" -> flags |= XtAddrtype.LIMIT_IFACE_IN;
            default -> flags |= XtAddrtype.LIMIT_IFACE_OUT;
        }
    }

    private static int types(String arg) {
        int mask = 0;
        for (String t : arg.split(",", -1)) {
            int bit = -1;
            for (int i = 0; i < TYPES.length; i++) if (TYPES[i].equalsIgnoreCase(t)) bit = i;
            if (bit < 0) throw XtError.param("addrtype: bad type \"" + t + "\"");
            mask |= 1 << bit;
        }
        return mask;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if ((xflags & 3) == 0) throw XtError.param("addrtype: you must specify --src-type or --dst-type");
        return new XtAddrtype(source, dest, flags);
    }

    @Override
    void checkEntry(XtRuleCtx ctx, XtMatch m) {
        // addrtype_mt_checkentry_v1: no input interface in OUTPUT/POSTROUTING, no output one in PREROUTING/INPUT.
        int f = ((XtAddrtype) m).flags();
        if ((f & XtAddrtype.LIMIT_IFACE_IN) != 0 && ctx.chainIn("OUTPUT", "POSTROUTING")) throw ctx.invalid();
        if ((f & XtAddrtype.LIMIT_IFACE_OUT) != 0 && ctx.chainIn("PREROUTING", "INPUT")) throw ctx.invalid();
    }

    private static void typeNames(StringBuilder sb, int mask) {
        String sep = "";
        for (int i = 0; i < TYPES.length; i++) {
            if ((mask & (1 << i)) != 0) {
                sb.append(sep).append(TYPES[i]);
                sep = ",";
            }
        }
    }

    void save(StringBuilder sb, XtMatch m) {
        XtAddrtype x = (XtAddrtype) m;
        if (x.source() != 0) {
            if ((x.flags() & XtAddrtype.INVERT_SOURCE) != 0) sb.append(" !");
            sb.append(" --src-type ");
            typeNames(sb, x.source());
        }
        if (x.dest() != 0) {
            if ((x.flags() & XtAddrtype.INVERT_DEST) != 0) sb.append(" !");
            sb.append(" --dst-type ");
            typeNames(sb, x.dest());
        }
        if ((x.flags() & XtAddrtype.LIMIT_IFACE_IN) != 0) sb.append(" --limit-iface-in");
        if ((x.flags() & XtAddrtype.LIMIT_IFACE_OUT) != 0) sb.append(" --limit-iface-out");
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtAddrtype x = (XtAddrtype) m;
        sb.append(" ADDRTYPE match");
        if (x.source() != 0) {
            sb.append(" src-type ");
            if ((x.flags() & XtAddrtype.INVERT_SOURCE) != 0) sb.append('!');
            typeNames(sb, x.source());
        }
        if (x.dest() != 0) {
            sb.append(" dst-type ");
            if ((x.flags() & XtAddrtype.INVERT_DEST) != 0) sb.append('!');
            typeNames(sb, x.dest());
        }
        if ((x.flags() & XtAddrtype.LIMIT_IFACE_IN) != 0) sb.append(" limit-in");
        if ((x.flags() & XtAddrtype.LIMIT_IFACE_OUT) != 0) sb.append(" limit-out");
    }
}
