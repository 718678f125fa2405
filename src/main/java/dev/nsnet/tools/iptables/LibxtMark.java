package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtMark;

/** extensions/libxt_mark.c (revision 1): [!] --mark value[/mask]; save "--mark 0x1[/0xff]", print "mark match [!] 0x1". */
final class LibxtMark extends XtMatchExt {
    private static final Spec[] SPEC = {new Spec("mark", 0, INVERT | MAND)};
    int mark, mask = -1;
    boolean invert;

    String name() { return "mark"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        int[] mm = parseMarkMask(o.arg());
        if (mm == null) throw XtError.param("mark: bad integer value for option \"--mark\", or out of range.\n");
        mark = mm[0];
        mask = mm[1];
        invert = o.invert;
    }

    XtMatch finalCheck(XtRuleCtx ctx) { return new XtMark(mark, mask, invert); }

    void save(StringBuilder sb, XtMatch m) {
        XtMark x = (XtMark) m;
        if (x.invert()) sb.append(" !");
        sb.append(" --mark");
        value(sb, x);
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtMark x = (XtMark) m;
        sb.append(" mark match");
        if (x.invert()) sb.append(" !");
        value(sb, x);
    }

    private static void value(StringBuilder sb, XtMark x) {
        sb.append(' ').append(hex(x.mark()));
        if (x.mask() != -1) sb.append('/').append(hex(x.mask()));
    }
}
