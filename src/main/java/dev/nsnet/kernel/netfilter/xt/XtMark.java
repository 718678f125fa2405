package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * net/netfilter/xt_mark.c {@code mark_mt()} (struct xt_mark_mtinfo1): {@code (skb->mark & mask) ==
 * mark}, optionally inverted. (iptables-nft compiles it to "meta mark and MASK == MARK": same test.)
 */
public record XtMark(int mark, int mask, boolean invert) implements XtMatch {
    public String name() { return "mark"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        return ((skb.mark & mask) == mark) ^ invert;
    }
}
