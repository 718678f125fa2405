package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/** net/netfilter/xt_comment.c: always matches; the text is for people. */
public record XtComment(String text) implements XtMatch {
    public String name() { return "comment"; }

    public boolean match(SkBuff skb, XtActionParam par) { return true; }
}
