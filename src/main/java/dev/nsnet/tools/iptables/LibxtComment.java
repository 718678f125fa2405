package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtComment;

/** extensions/libxt_comment.c: --comment TEXT (at most 255 characters, required, not invertible). */
final class LibxtComment extends XtMatchExt {
    String text;

    String name() { return "comment"; }

    String[] options() { return new String[] {"comment"}; }

    void parse(XtOpt o) {
        String v = o.arg();
        if (text != null) throw XtError.param("multiple --comment flags not allowed");
        if (o.invert) throw XtError.param("cannot have ! before --comment");
        if (v.length() > 255) throw XtError.param("comment: option \"--comment\" must be at most 255 characters");
        text = v;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (text == null) throw XtError.param("comment: option \"--comment\" must be specified");
        return new XtComment(text);
    }

    void save(StringBuilder sb, XtMatch m) {
        sb.append(" --comment");
        IptFormat.saveString(sb, ((XtComment) m).text());
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        sb.append(" /* ").append(((XtComment) m).text()).append(" */");
    }
}
