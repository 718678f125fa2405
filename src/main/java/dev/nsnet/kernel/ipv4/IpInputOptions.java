package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * IPv4 options (net/ipv4/ip_options.c), the record-route option only (what {@code ping -R}
 * sends): recorded on input ({@code ip_options_compile} with a route: the local address), by a
 * router on output ({@code ip_forward_options}: its egress address), by a sender
 * ({@code ip_options_build}) and echoed back by {@code icmp_reply} ({@code ip_options_echo}).
 * Other options are carried untouched.
 */
public final class IpInputOptions {
    private IpInputOptions() { }

    static final int IPOPT_END = 0, IPOPT_NOOP = 1, IPOPT_RR = 7;

    /** Offset (from the IP header) of the RR option, or -1. */
    static int findRr(byte[] b, int nh) {
        int ihl = Ipv4.ihl(b, nh);
        int i = Ipv4.HLEN;
        while (i < ihl) {
            int t = b[nh + i] & 0xff;
            if (t == IPOPT_END) return -1;
            if (t == IPOPT_NOOP) {
                i++;
                continue;
            }
            if (i + 1 >= ihl) return -1;
            int len = b[nh + i + 1] & 0xff;
            if (len < 2 || i + len > ihl) return -1;
            if (t == IPOPT_RR) return i;
            i += len;
        }
        return -1;
    }

    /**
     * Records {@code addr} in the next free RR slot and advances the pointer; returns the slot's
     * offset from the header (so a router can overwrite it on output), or -1 when full/absent.
     */
    static int recordRoute(byte[] b, int nh, int addr) {
        int rr = findRr(b, nh);
        if (rr < 0) return -1;
        int len = b[nh + rr + 1] & 0xff;
        int ptr = b[nh + rr + 2] & 0xff;
        if (ptr + 3 > len) return -1;
        int slot = rr + ptr - 1;
        Bytes.put32(b, nh + slot, addr);
        b[nh + rr + 2] = (byte) (ptr + 4);
        Ipv4.setChecksum(b, nh);
        return slot;
    }

    /**
     * ip_rcv_options() for a routed packet: a local delivery records our address as the sender
     * sees it; a forwarded one records (ip_forward_options() overwriting the same slot) the
     * address of the egress side.
     */
    static void compileInput(SkBuff skb, NetDevice dev) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int addr;
        if (skb.routeType == RouteInput.UNICAST && skb.outDev != null) {
            FibResult res = Fib.lookup(dev.ns, Ipv4.dst(b, nh), Ipv4.src(b, nh), Ipv4.tos(b, nh), skb.outDev.ifindex,
                    dev.ifindex, 0);
            addr = res != null && Fib.errnoOf(res) == null ? RouteOutput.prefsrc(res)
                    : Inet.selectAddr(skb.outDev, skb.nexthop != 0 ? skb.nexthop : Ipv4.dst(b, nh), Route.SCOPE_UNIVERSE);
        } else {
            addr = specDst(skb, dev);
        }
        recordRoute(b, nh, addr);
    }

    /** fib_compute_spec_dst(): our address as seen by the sender. */
    private static int specDst(SkBuff skb, NetDevice dev) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        if (skb.routeType == RouteInput.LOCAL || skb.routeType == RouteInput.BROADCAST || skb.rtLocal) return Ipv4.dst(b, nh);
        int src = Ipv4.src(b, nh);
        FibResult res = Fib.lookup(dev.ns, src, 0, Ipv4.tos(b, nh), 0, dev.ifindex, 0);
        if (res != null && Fib.errnoOf(res) == null) return RouteOutput.prefsrc(res);
        return Inet.selectAddr(dev, src, Route.SCOPE_UNIVERSE);
    }
}
