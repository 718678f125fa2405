package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * net/netfilter/xt_mac.c {@code mac_mt()}: the Ethernet source address of a received frame (the
 * device must be ARPHRD_ETHER and the MAC header present before the data), optionally inverted.
 * Valid in PREROUTING, INPUT and FORWARD only.
 */
public record XtMac(long mac, boolean invert) implements XtMatch {
    public String name() { return "mac"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if (skb.dev == null || skb.dev.type != If.ARPHRD_ETHER) return false;
        int m = skb.macHeader;
        if (m < 0 || m + 14 > par.nh) return false;
        long src = 0;
        for (int i = 6; i < 12; i++) src = (src << 8) | (skb.buf[m + i] & 0xff);
        return (src == mac) ^ invert;
    }
}
