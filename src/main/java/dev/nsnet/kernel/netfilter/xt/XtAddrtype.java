package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.Fib;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * net/netfilter/xt_addrtype.c {@code addrtype_mt_v1()} (struct xt_addrtype_info_v1): the route
 * type of the source and/or destination address ({@code inet_dev_addr_type()} over the local
 * table: LOCAL, BROADCAST, MULTICAST, else UNICAST, ...) must be in the given set of
 * {@code 1 << RTN_*} bits; each test may be inverted; --limit-iface-in/out count a local address
 * only when it is on the packet's in/out device.
 */
public record XtAddrtype(int source, int dest, int flags) implements XtMatch {
    /** XT_ADDRTYPE_INVERT_SOURCE, _INVERT_DEST, _LIMIT_IFACE_IN, _LIMIT_IFACE_OUT. */
    public static final int INVERT_SOURCE = 1, INVERT_DEST = 2, LIMIT_IFACE_IN = 4, LIMIT_IFACE_OUT = 8;

    public String name() { return "addrtype"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        NetDevice dev = null;
        if ((flags & LIMIT_IFACE_IN) != 0) dev = par.in;
        else if ((flags & LIMIT_IFACE_OUT) != 0) dev = par.out;
        boolean ret = true;
        if (source != 0) ret = type(par, dev, Ipv4.src(skb.buf, par.nh), source) ^ ((flags & INVERT_SOURCE) != 0);
        if (ret && dest != 0) ret = type(par, dev, Ipv4.dst(skb.buf, par.nh), dest) ^ ((flags & INVERT_DEST) != 0);
        return ret;
    }

    private static boolean type(XtActionParam par, NetDevice dev, int addr, int mask) {
        return (mask & (1 << Fib.devAddrType(par.net, dev, addr).ordinal())) != 0;
    }
}
