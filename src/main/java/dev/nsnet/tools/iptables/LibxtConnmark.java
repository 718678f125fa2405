package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtConnmark;

/** extensions/libxt_connmark.c: --mark value[/mask] (required, invertible); save "--mark 0x1[/0xff]", list "connmark match [!] 0x1". */
final class LibxtConnmark extends XtMatchExt {
    private long mark, mask = 0xffffffffL;
    private boolean invert, given;

    String name() { return "connmark"; }

    String[] options() { return new String[] {"mark"}; }

    void parse(XtOpt o) {
        String v = o.arg();
        if (given) throw XtError.param("connmark: option \"--mark\" can only be used once.\n");
        given = true;
        invert = o.invert;
        long[] mm = LibxtCONNMARK.markMask(v, "connmark", "mark");
        mark = mm[0];
        mask = mm[1];
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (!given) throw XtError.param("connmark: option \"--mark\" must be specified\n");
        return new XtConnmark((int) mark, (int) mask, invert);
    }

    private static String mm(XtConnmark c) {
        String s = "0x" + Integer.toHexString(c.mark());
        return c.mask() == -1 ? s : s + "/0x" + Integer.toHexString(c.mask());
    }

    void save(StringBuilder sb, XtMatch m) {
        XtConnmark c = (XtConnmark) m;
        sb.append(c.invert() ? " ! --mark " : " --mark ").append(mm(c));
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtConnmark c = (XtConnmark) m;
        sb.append(" connmark match ").append(c.invert() ? "!" : "").append(' ').append(mm(c));
    }
}
