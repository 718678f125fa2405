package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtMarkTarget;

/**
 * extensions/libxt_MARK.c (revision 2): --set-xmark v[/m], --set-mark v[/m], --and-mark,
 * --or-mark, --xor-mark (exactly one); all become one (mark, mask) pair. Save is always
 * "--set-xmark 0xV/0xM"; print names the operation it amounts to ("MARK set 0x1", "MARK and 0xf0",
 * "MARK or 0x3", "MARK xor 0x7", "MARK xset 0x10/0xff").
 */
final class LibxtMarkTarget extends XtTargetExt {
    private static final int ANY = 0x1f;
    private static final Spec[] SPEC = {
        new Spec("set-xmark", 0, 0, ANY, 0), new Spec("set-mark", 1, 0, ANY, 0), new Spec("and-mark", 2, 0, ANY, 0),
        new Spec("or-mark", 3, 0, ANY, 0), new Spec("xor-mark", 4, 0, ANY, 0),
    };
    int mark, mask;

    String name() { return "MARK"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String arg = o.arg();
        String bad = "MARK: bad integer value for option \"--" + o.name + "\", or out of range.\n";
        switch (o.name) {
            case "set-xmark", "set-mark" -> {
                int[] mm = parseMarkMask(arg);
                if (mm == null) throw XtError.param(bad);
                mark = mm[0];
                mask = o.name.equals("set-mark") ? mm[0] | mm[1] : mm[1];
            }
            default -> {
                long v = parseU32(arg);
                // XTTYPE_UINT32's own message, unlike XTTYPE_MARKMASK32's.
                if (v < 0) throw XtError.param("MARK: bad value for option \"--" + o.name + "\", or out of range (0-4294967295).\n");
                int u = (int) v;
                switch (o.name) {
                    case "and-mark" -> {
                        mark = 0;
                        mask = ~u;
                    }
                    case "or-mark" -> mark = mask = u;
                    default -> {
                        mark = u;
                        mask = 0;
                    }
                }
            }
        }
    }

    XtTarget finalCheck(XtRuleCtx ctx) {
        if (xflags == 0) throw XtError.param("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
        return new XtMarkTarget(mark, mask);
    }

    void save(StringBuilder sb, XtTarget t) {
        XtMarkTarget m = (XtMarkTarget) t;
        sb.append(" --set-xmark ").append(hex(m.mark())).append('/').append(hex(m.mask()));
    }

    void print(StringBuilder sb, XtTarget t, boolean numeric) {
        XtMarkTarget m = (XtMarkTarget) t;
        if (m.mark() == 0) sb.append(" MARK and ").append(hex(~m.mask()));
        else if (m.mark() == m.mask()) sb.append(" MARK or ").append(hex(m.mark()));
        else if (m.mask() == 0) sb.append(" MARK xor ").append(hex(m.mark()));
        else if (m.mask() == -1) sb.append(" MARK set ").append(hex(m.mark()));
        else sb.append(" MARK xset ").append(hex(m.mark())).append('/').append(hex(m.mask()));
    }
}
