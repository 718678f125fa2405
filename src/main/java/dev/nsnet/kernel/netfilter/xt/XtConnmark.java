package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;

/** net/netfilter/xt_connmark.c {@code connmark_mt()}: (ct->mark &amp; mask) == mark, inverted by "!"; no entry: no match. */
public record XtConnmark(int mark, int mask, boolean invert) implements XtMatch, XtNeedsConntrack {
    public String name() { return "connmark"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        NfConn ct = (NfConn) skb.nfct;
        if (ct == null) return false;
        return ((ct.mark & mask) == mark) ^ invert;
    }
}
