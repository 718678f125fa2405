package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * An xtables match extension ({@code struct xt_match}'s {@code match()} with its compiled
 * {@code matchinfo}): net/netfilter/xt_tcpudp.c (tcp, udp), xt_comment.c, and the icmp match of
 * net/ipv4/netfilter/ip_tables.c. Matches see the IP header at {@code nh} and the transport header
 * at {@code th}; none allocates.
 */
public sealed interface XtMatch {
    /** Name as {@code -m NAME} gives it. */
    String name();

    /** @return whether the packet matches; {@code fragoff} is the IP fragment offset in bytes */
    boolean match(SkBuff skb, int nh, int th, int fragoff);

    /**
     * xt_tcpudp: source and destination port ranges (inclusive), each optionally inverted
     * (XT_TCP_INV_SRCPT / XT_TCP_INV_DSTPT). {@code proto} is 6 (tcp) or 17 (udp). Non-first
     * fragments never match; a truncated header does not match.
     */
    record TcpUdp(int proto, int spMin, int spMax, boolean invSrc, int dpMin, int dpMax, boolean invDst,
                  int flgMask, int flgCmp, boolean invFlags) implements XtMatch {
        /** Ports only (udp, or tcp without --tcp-flags). */
        public TcpUdp(int proto, int spMin, int spMax, boolean invSrc, int dpMin, int dpMax, boolean invDst) {
            this(proto, spMin, spMax, invSrc, dpMin, dpMax, invDst, 0, 0, false);
        }

        public String name() { return proto == Ipv4.PROTO_TCP ? "tcp" : "udp"; }

        public boolean match(SkBuff skb, int nh, int th, int fragoff) {
            if (fragoff != 0) return false;
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

    /**
     * ipt_icmp: type (0xff: any type) and code range, optionally inverted (IPT_ICMP_INV).
     * {@code 0xff} matches every ICMP packet, as the kernel's icmp_type_code_match() does.
     */
    record Icmp(int type, int codeMin, int codeMax, boolean invert) implements XtMatch {
        public String name() { return "icmp"; }

        public boolean match(SkBuff skb, int nh, int th, int fragoff) {
            if (fragoff != 0) return false;
            if (th + 2 > skb.tail()) return false;
            int t = skb.buf[th] & 0xff, c = skb.buf[th + 1] & 0xff;
            boolean m = type == 0xff || (t == type && c >= codeMin && c <= codeMax);
            return m ^ invert;
        }
    }

    /** xt_comment: always matches; the text is for people. */
    record Comment(String text) implements XtMatch {
        public String name() { return "comment"; }

        public boolean match(SkBuff skb, int nh, int th, int fragoff) { return true; }
    }
}
