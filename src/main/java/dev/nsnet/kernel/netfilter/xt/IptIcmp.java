package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * The icmp match of net/ipv4/netfilter/ip_tables.c ({@code icmp_match()}, struct ipt_icmp): type
 * (0xff: any type) and code range, optionally inverted (IPT_ICMP_INV). {@code 0xff} matches every
 * ICMP packet, as icmp_type_code_match() does.
 */
public record IptIcmp(int type, int codeMin, int codeMax, boolean invert) implements XtMatch {
    public String name() { return "icmp"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if (par.fragoff != 0) return false;
        int th = par.thoff;
        if (th + 2 > skb.tail()) return false;
        int t = skb.buf[th] & 0xff, c = skb.buf[th + 1] & 0xff;
        boolean m = type == 0xff || (t == type && c >= codeMin && c <= codeMax);
        return m ^ invert;
    }
}
