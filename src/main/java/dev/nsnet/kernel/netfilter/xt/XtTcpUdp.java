package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * net/netfilter/xt_tcpudp.c {@code tcp_mt()} / {@code udp_mt()}: source and destination port
 * ranges (inclusive), each optionally inverted (XT_TCP_INV_SRCPT / XT_TCP_INV_DSTPT), and for tcp
 * the flags byte under a mask. {@code proto} is 6 (tcp) or 17 (udp). Non-first fragments never
 * match; a truncated header does not match.
 */
public record XtTcpUdp(int proto, int spMin, int spMax, boolean invSrc, int dpMin, int dpMax, boolean invDst,
                       int flgMask, int flgCmp, boolean invFlags) implements XtMatch {
    /** Ports only (udp, or tcp without --tcp-flags). */
    public XtTcpUdp(int proto, int spMin, int spMax, boolean invSrc, int dpMin, int dpMax, boolean invDst) {
        this(proto, spMin, spMax, invSrc, dpMin, dpMax, invDst, 0, 0, false);
    }

    public String name() { return proto == Ipv4.PROTO_TCP ? "tcp" : "udp"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if (par.fragoff != 0) return false;
        int th = par.thoff;
        if (th + 4 > skb.tail()) return false;
        int sp = Bytes.u16(skb.buf, th), dp = Bytes.u16(skb.buf, th + 2);
        if (!(((sp >= spMin && sp <= spMax) ^ invSrc) && ((dp >= dpMin && dp <= dpMax) ^ invDst))) return false;
        if (!hasFlags()) return true;
        // tcp_mt(): the flags byte under the mask must equal the comparison value.
        if (th + 14 > skb.tail()) return false;
        return ((skb.buf[th + 13] & flgMask) == flgCmp) ^ invFlags;
    }

    /** --tcp-flags / --syn given. */
    public boolean hasFlags() { return flgMask != 0 || flgCmp != 0 || invFlags; }

    public boolean hasSport() { return spMin != 0 || spMax != 0xffff || invSrc; }

    public boolean hasDport() { return dpMin != 0 || dpMax != 0xffff || invDst; }
}
