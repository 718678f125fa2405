package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * net/netfilter/xt_iprange.c {@code iprange_mt4()} (struct xt_iprange_mtinfo): the source and/or
 * destination address within [min, max] (unsigned, host order), each test optionally inverted.
 */
public record XtIprange(int srcMin, int srcMax, int dstMin, int dstMax, int flags) implements XtMatch {
    /** IPRANGE_SRC, IPRANGE_DST, IPRANGE_SRC_INV, IPRANGE_DST_INV. */
    public static final int SRC = 1, DST = 2, SRC_INV = 0x10, DST_INV = 0x20;

    public String name() { return "iprange"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if ((flags & SRC) != 0) {
            int a = Ipv4.src(skb.buf, par.nh);
            boolean m = Integer.compareUnsigned(a, srcMin) < 0 || Integer.compareUnsigned(a, srcMax) > 0;
            if (m ^ ((flags & SRC_INV) != 0)) return false;
        }
        if ((flags & DST) != 0) {
            int a = Ipv4.dst(skb.buf, par.nh);
            boolean m = Integer.compareUnsigned(a, dstMin) < 0 || Integer.compareUnsigned(a, dstMax) > 0;
            if (m ^ ((flags & DST_INV) != 0)) return false;
        }
        return true;
    }
}
