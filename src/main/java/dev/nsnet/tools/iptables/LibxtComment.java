package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtComment;

/**
 * extensions/libxt_comment.c: --comment TEXT (mandatory, once, not invertible; stored in 256 bytes,
 * so a longer text is cut to 255 characters).
 */
final class LibxtComment extends XtMatchExt {
    private static final Spec[] SPEC = {new Spec("comment", 0, MAND)};
    String text;

    String name() { return "comment"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String v = o.arg();
        text = v.length() > 255 ? v.substring(0, 255) : v;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        // xtables_options_fcheck() says "must be specified" when text is still null.
        return new XtComment(text == null ? "" : text);
    }

    void save(StringBuilder sb, XtMatch m) {
        sb.append(" --comment");
        IptFormat.saveString(sb, ((XtComment) m).text());
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        sb.append(" /* ").append(((XtComment) m).text()).append(" */");
    }
}
