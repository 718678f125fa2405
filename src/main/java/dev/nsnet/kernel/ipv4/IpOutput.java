package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.Netfilter;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * The IPv4 output path (net/ipv4/ip_output.c): {@code ip_local_out}, {@code ip_output},
 * {@code ip_finish_output} (fragmenting what exceeds the MTU, {@code ip_do_fragment}) and
 * {@code ip_finish_output2}, which hands the packet to the neighbour of the next hop.
 * Packets carry their route in {@code skb.outDev}, {@code skb.nexthop} (0: on-link) and
 * {@code skb.routeType}.
 */
public final class IpOutput {
    private IpOutput() { }

    /** IP_MAX_MTU: ipv4_mtu() never reports more. */
    static final int IP_MAX_MTU = 0xffff;

    /** dst_mtu(): the device MTU, lowered by a learnt path MTU for the destination. */
    public static int mtu(Rtable rt) {
        int p = IpOutputExceptions.of(rt.dev().ns).mtu(rt.dst());
        if (p > 0) return p;
        long m = metric(rt, RouteMetrics.RTAX_MTU);
        if (m > 0) return (int) Math.min(m, IP_MAX_MTU);
        return Math.min(rt.dev().mtu, IP_MAX_MTU);
    }

    /** A route metric (RTA_METRICS), 0 when the route sets none. */
    static long metric(Rtable rt, int type) {
        FibResult res = rt.res();
        Route r = res == null ? null : res.route();
        RouteMetrics m = r == null ? null : r.metrics();
        return m == null || !m.has(type) ? 0 : m.get(type);
    }

    /** ip4_dst_hoplimit(): the route's hoplimit metric, else net.ipv4.ip_default_ttl. */
    static int hoplimit(Rtable rt, Ipv4Net net) {
        long h = metric(rt, RouteMetrics.RTAX_HOPLIMIT);
        return h > 0 ? (int) h : net.ipDefaultTtl;
    }

    /**
     * The MTU for a packet that is not a socket's own (forwarded, or an ICMP message from the
     * control socket, which does not use path MTU discovery): the device's
     * (ip_dst_mtu_maybe_forward() / ip_skb_dst_mtu()).
     */
    static int mtu(NetDevice dev, int dst) {
        return Math.min(dev.mtu, IP_MAX_MTU);
    }

    /**
     * Writes the IPv4 header in front of the payload already in {@code skb} (data at the header's
     * place, {@code len} covering header and payload) and sends it: ip_push_pending_frames() +
     * ip_local_out().
     */
    public static void buildAndSend(SkBuff skb, Rtable rt, int src, int dst, int tos, int ttl, int proto, boolean df) {
        buildAndSend(skb, rt, src, dst, tos, ttl, proto, df, null);
    }

    /**
     * As above with IP options ({@code opts}, a multiple of 4 bytes, room for them already in
     * {@code skb} after the 20-byte header): ip_options_build() records our address in a
     * record-route option.
     */
    public static void buildAndSend(SkBuff skb, Rtable rt, int src, int dst, int tos, int ttl, int proto, boolean df,
                                    byte[] opts) {
        NetNamespace ns = rt.dev().ns;
        int id = df ? 0 : selectIdent(ns);
        byte[] b = skb.buf;
        int o = skb.data;
        Ipv4.write(b, o, tos, skb.len, id, df ? Ipv4.DF : 0, ttl, proto, src, dst);
        if (opts != null && opts.length > 0) {
            b[o] = (byte) (0x40 | ((Ipv4.HLEN + opts.length) / 4));
            System.arraycopy(opts, 0, b, o + Ipv4.HLEN, opts.length);
            Ipv4.setChecksum(b, o);
            IpInputOptions.recordRoute(b, o, src);
        }
        localOut(skb, rt);
    }

    /** ip_select_ident() for a packet that may be fragmented: a pseudo-random id per packet. */
    static int selectIdent(NetNamespace ns) { return ns.emulation().random().nextInt(0x10000); }

    /**
     * ip_local_out(): the header is complete; attaches the route and goes to dst_output().
     * Returns false when netfilter's LOCAL_OUT hook dropped the packet (the -EPERM that
     * udp_sendmsg() hands back to the writer).
     */
    public static boolean localOut(SkBuff skb, Rtable rt) {
        skb.networkHeader = skb.data;
        skb.protocol = Ether.P_IP;
        skb.outDev = rt.dev();
        skb.dev = rt.dev();
        int gw = rt.gateway();
        if (gw != 0) {
            // rt_bind_exception(): a redirect learnt for this destination replaces the gateway.
            int r = IpOutputExceptions.of(rt.dev().ns).gateway(rt.dst());
            if (r != 0) gw = r;
        }
        skb.nexthop = gw;
        skb.routeType = rt.type().ordinal();
        skb.rtLocal = (rt.dev().flags & dev.nsnet.kernel.core.If.IFF_LOOPBACK) != 0;
        Tracepoints tp = rt.dev().ns.emulation().trace;
        if (tp.on) tp.step(skb, rt.dev(), "ip_local_out", Inet4.format(rt.src()) + " > " + Inet4.format(rt.dst())
                + " dev " + rt.dev().name + (gw != 0 ? " via " + Inet4.format(gw) : ""));
        if (rt.dev().ns.netfilter != null && !Netfilter.hook(NfHook.LOCAL_OUT, skb, null, rt.dev())) return false;
        output(skb);
        return true;
    }

    /** ip_output(): {@code skb.outDev} is the egress device. */
    public static void output(SkBuff skb) {
        NetDevice dev = skb.outDev;
        // ip_output()'s indev: the input device of a forwarded packet; none for our own (localOut
        // already pointed skb.dev at the egress device).
        NetDevice indev = skb.dev == dev ? null : skb.dev;
        skb.dev = dev;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_output", null);
        if (dev.ns.netfilter != null && !Netfilter.hook(NfHook.POST_ROUTING, skb, indev, dev)) return;
        finishOutput(skb);
    }

    /** ip_finish_output(): fragments what is larger than the MTU. */
    static void finishOutput(SkBuff skb) {
        NetDevice dev = skb.outDev;
        // ip_skb_dst_mtu(): a local socket's packet uses its route's MTU (route metric included).
        int mtu = skb.sk instanceof PingSocket ps && ps.pathMtu > 0 ? ps.pathMtu : mtu(dev, Ipv4.dst(skb.buf, skb.networkHeader));
        if (skb.len > mtu) {
            fragment(skb, mtu);
            return;
        }
        finishOutput2(skb);
    }

    /**
     * ip_fragment(): with DF set the packet cannot go (ICMP frag needed to the source); otherwise
     * ip_do_fragment() cuts it into MTU-sized pieces on 8-byte boundaries, sent in order.
     */
    static void fragment(SkBuff skb, int mtu) {
        NetDevice dev = skb.outDev;
        NetNamespace ns = dev.ns;
        Tracepoints tp = ns.emulation().trace;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        if (Ipv4.df(b, nh)) {
            IcmpSend.send(skb, Icmp.DEST_UNREACH, Icmp.FRAG_NEEDED, mtu);
            Dev.drop(skb, dev, "ip_fragment", DropReason.PKT_TOO_BIG, "DF set, " + skb.len + " > mtu " + mtu);
            return;
        }
        int hlen = Ipv4.ihl(b, nh);
        int left = skb.len - hlen;
        int ptr = nh + hlen;
        int offset = Ipv4.fragOffset(b, nh);
        boolean notLast = Ipv4.mf(b, nh);
        if (tp.on) tp.step(skb, dev, "ip_do_fragment", skb.len + " bytes > mtu " + mtu);
        while (left > 0) {
            int len = left;
            if (len > mtu - hlen) len = mtu - hlen;
            if (len < left) len &= ~7;
            SkBuff f = ns.emulation().pool.alloc(hlen + len + 16);
            int fo = f.put(hlen + len);
            System.arraycopy(b, nh, f.buf, fo, hlen);
            System.arraycopy(b, ptr, f.buf, fo + hlen, len);
            int frag = (offset >> 3) & 0x1fff;
            if (left - len > 0 || notLast) frag |= Ipv4.MF;
            frag |= Ipv4.fragField(b, nh) & Ipv4.DF;
            Bytes.put16(f.buf, fo + 6, frag);
            Bytes.put16(f.buf, fo + 2, hlen + len);
            Ipv4.setChecksum(f.buf, fo);
            f.networkHeader = fo;
            f.protocol = skb.protocol;
            f.outDev = skb.outDev;
            f.dev = skb.outDev;
            f.nexthop = skb.nexthop;
            f.routeType = skb.routeType;
            f.mark = skb.mark;
            f.sk = skb.sk;
            f.iif = skb.iif;
            ptr += len;
            offset += len;
            left -= len;
            finishOutput2(f);
        }
        Dev.consume(skb);
    }

    /** neigh_output() of a frame whose route is already attached (br_netfilter's bridged DNAT slow path). */
    public static void neighOutput(SkBuff skb) {
        skb.data = skb.networkHeader;
        skb.len = Ipv4.totLen(skb.buf, skb.networkHeader);
        finishOutput2(skb);
    }

    /** ip_finish_output2(): the neighbour of the next hop (created on first use) sends it. */
    static void finishOutput2(SkBuff skb) {
        NetDevice dev = skb.outDev;
        int nexthop = NeighTable.keyFor(dev, skb.nexthop != 0 ? skb.nexthop : Ipv4.dst(skb.buf, skb.networkHeader));
        NeighTable tbl = NeighTable.of(dev.ns);
        Neigh n = tbl.lookup(dev, nexthop);
        if (n == null) n = tbl.create(dev, nexthop);
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_finish_output2", "next hop " + Inet4.format(nexthop) + " "
                + NeighState.name(n.nudState));
        tbl.output(n, skb);
    }
}
