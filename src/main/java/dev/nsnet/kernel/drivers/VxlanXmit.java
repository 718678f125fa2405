package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IpOutput;
import dev.nsnet.kernel.ipv4.IpOutputExceptions;
import dev.nsnet.kernel.ipv4.Neigh;
import dev.nsnet.kernel.ipv4.NeighTable;
import dev.nsnet.kernel.ipv4.Ipv4Net;
import dev.nsnet.kernel.ipv4.RouteOutput;
import dev.nsnet.kernel.ipv4.Rtable;
import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.kernel.wire.Udp;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * The vxlan transmit path (drivers/net/vxlan/vxlan_core.c {@code vxlan_xmit},
 * {@code vxlan_xmit_one}, {@code vxlan_build_skb}; net/ipv4/udp_tunnel_core.c
 * {@code udp_tunnel_xmit_skb}; net/ipv4/ip_tunnel_core.c {@code iptunnel_xmit}). The inner
 * frame's destination MAC selects an FDB entry (else the all-zeros default entry, else the frame
 * is dropped and counted in tx_dropped); every remote of the entry gets a copy (the first remote
 * last, as the kernel clones for the others first). Each copy gets a VXLAN, UDP and IPv4 header
 * (real bytes, UDP checksum on unless {@code noudpcsum}) and leaves through
 * {@code ip_local_out()} of the underlay namespace, so iptables OUTPUT and POSTROUTING see it.
 */
final class VxlanXmit {
    private VxlanXmit() { }

    /** vxlan_xmit(). */
    static void xmit(NetDevice dev, SkBuff skb) {
        Vxlan.VxlanDev v = Vxlan.vxlan(dev);
        Tracepoints tp = dev.ns.host.emulation.trace;
        long now = v.now();
        if (v.cfg.proxy && skb.len >= Ether.HLEN && Ether.type(skb.buf, skb.data) == Ether.P_ARP) {
            arpReduce(v, skb, now);
            return;
        }
        long dst = Ether.dst(skb.buf, skb.data);
        VxlanFdb.Entry f = v.fdb.findUse(dst, now);
        if (f == null) {
            f = v.fdb.findUse(0, now);
            if (f == null) {
                dev.stats.txDropped++;
                Dev.drop(skb, dev, "vxlan_xmit", DropReason.NO_TX_TARGET, "no fdb entry, no default destination");
                return;
            }
        }
        if (tp.on) tp.step(skb, dev, "vxlan_xmit", "vni " + v.cfg.vni + " fdb " + Mac.format(f.mac)
                + " (" + f.remotes.size() + " remote" + (f.remotes.size() == 1 ? ")" : "s)"));
        int n = f.remotes.size();
        for (int i = 1; i < n; i++) xmitOne(v, skb.copy(), f.remotes.get(i));
        if (n > 0) xmitOne(v, skb, f.remotes.get(0));
        else Dev.drop(skb, dev, "vxlan_xmit", DropReason.NO_TX_TARGET, "entry without remotes");
    }

    /**
     * arp_reduce() ({@code proxy}): an ARP request never crosses the overlay. When the device's
     * neighbour table has a connected entry for the target whose MAC is not bridge-local, the
     * device answers it itself (arp_create + netif_rx: the reply is received on the vxlan device,
     * uncounted); otherwise the request is just consumed.
     */
    static void arpReduce(Vxlan.VxlanDev v, SkBuff skb, long now) {
        NetDevice dev = v.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        byte[] b = skb.buf;
        int a = skb.data + Ether.HLEN;
        if ((dev.flags & If.IFF_NOARP) != 0 || skb.len < Ether.HLEN + Arp.LEN) {
            if (skb.len < Ether.HLEN + Arp.LEN) dev.stats.txDropped++;
            Dev.consume(skb);
            return;
        }
        if (Arp.hwType(b, a) != 1 && Arp.hwType(b, a) != 6 || Arp.protoType(b, a) != Ether.P_IP
                || Arp.op(b, a) != Arp.OP_REQUEST || Arp.hwLen(b, a) != 6 || Arp.protoLen(b, a) != 4) {
            Dev.consume(skb);
            return;
        }
        long sha = Arp.sha(b, a);
        int sip = Arp.spa(b, a);
        int tip = Arp.tpa(b, a);
        if ((tip >>> 24) == 127 || Inet4.isMulticast(tip)) {
            Dev.consume(skb);
            return;
        }
        Neigh n = NeighTable.of(dev.ns).lookup(dev, tip);
        if (n == null || !n.connected()) {
            if (tp.on) tp.step(skb, dev, "arp_reduce", "no neighbour for " + Inet4.format(tip) + ": request dropped");
            Dev.consume(skb);
            return;
        }
        VxlanFdb.Entry f = v.fdb.findUse(n.ha, now);
        VxlanFdb.Remote rd = f == null ? null : f.first();
        if (rd != null && rd.ip == 0) { // a bridge-local neighbour
            Dev.consume(skb);
            return;
        }
        if (tp.on) tp.step(skb, dev, "arp_reduce", "reply " + Inet4.format(tip) + " is-at " + Mac.format(n.ha));
        SkBuff reply = dev.ns.emulation().pool.alloc(Ether.HLEN + Arp.LEN);
        int o = reply.put(Ether.HLEN + Arp.LEN);
        Ether.write(reply.buf, o, sha, n.ha, Ether.P_ARP);
        Arp.write(reply.buf, o + Ether.HLEN, Arp.OP_REPLY, n.ha, tip, sha, sip);
        Dev.consume(skb);
        Dev.ethTypeTrans(reply, dev);
        reply.pktType = SkBuff.PACKET_HOST;
        Dev.netifRx(reply);
    }

    /** vxlan_xmit_one() for an IPv4 remote. */
    static void xmitOne(Vxlan.VxlanDev v, SkBuff skb, VxlanFdb.Remote rd) {
        NetDevice dev = v.dev;
        VxlanConfig cfg = v.cfg;
        NetNamespace net = v.net;
        Tracepoints tp = net.emulation().trace;
        int dstIp = rd.ip;
        if (dstIp == 0) {
            dev.stats.txErrors++;
            Dev.drop(skb, dev, "vxlan_xmit_one", DropReason.VXLAN_NO_REMOTE, "remote 0.0.0.0");
            return;
        }
        int dport = rd.port != 0 ? rd.port : cfg.dstPort;
        int vni = rd.vni;
        int ttl = cfg.ttl;
        boolean mcast = Inet4.isMulticast(dstIp);
        if (ttl == 0 && mcast) ttl = 1;
        byte[] b = skb.buf;
        int innerNh = skb.data + Ether.HLEN;
        boolean innerIp = skb.len >= Ether.HLEN + Ipv4.HLEN && Ether.type(b, skb.data) == Ether.P_IP;
        int tos = cfg.tos;
        if (tos == 1) tos = innerIp ? Ipv4.tos(b, innerNh) : 0;
        if (cfg.ttlInherit) ttl = innerIp ? Ipv4.ttl(b, innerNh) : 0;
        int sport = srcPort(v, skb);
        Rtable rt;
        try {
            rt = RouteOutput.resolve(net, dstIp, cfg.saddr, tos & 0x1c, rd.ifindex, skb.mark);
        } catch (KernelException e) {
            dev.stats.txCarrierErrors++;
            dev.stats.txErrors++;
            Dev.drop(skb, dev, "vxlan_xmit_one", DropReason.IP_OUTNOROUTES,
                    tp.on ? "no route to " + Inet4.format(dstIp) : null);
            return;
        }
        if (rt.dev() == dev) {
            dev.stats.collisions++;
            dev.stats.txErrors++;
            Dev.drop(skb, dev, "vxlan_xmit_one", DropReason.IP_OUTNOROUTES, "circular route");
            return;
        }
        // skb_tunnel_check_pmtu(): an inner IPv4 packet routed out of this device that does not fit
        // the underlay's MTU minus the encapsulation teaches its route that path MTU (the packet
        // itself still goes, its outer header fragmented unless df is set)
        int pmtu = IpOutput.mtu(rt) - Vxlan.HEADROOM;
        if (innerIp && skb.outDev == dev && skb.len - Ether.HLEN > pmtu) {
            IpOutputExceptions.of(dev.ns).updatePmtu(Ipv4.dst(b, innerNh), dev.mtu, pmtu);
            if (tp.on) tp.step(skb, dev, "skb_tunnel_check_pmtu", (skb.len - Ether.HLEN) + " > " + pmtu
                    + ": path MTU of " + Inet4.format(Ipv4.dst(b, innerNh)) + " lowered");
        }
        int saddr = cfg.saddr != 0 ? cfg.saddr : rt.src();
        if (ttl == 0) ttl = hoplimit(net);
        // ip_tunnel_ecn_encap(): ECT/CE of the inner packet copied into the outer TOS
        if (innerIp) tos = (tos & ~3) | (Ipv4.tos(b, innerNh) & 3);
        boolean df = cfg.df == VxlanConfig.DF_SET
                || cfg.df == VxlanConfig.DF_INHERIT && innerIp && Ipv4.df(b, innerNh);
        int innerL3 = skb.len - Ether.HLEN;
        makeHeadroom(skb);
        b = skb.buf;
        // vxlan_build_skb(): the VXLAN header
        int vh = skb.push(VxlanSock.VXLAN_HLEN);
        Bytes.put32(b, vh, VxlanSock.VXLAN_HF_VNI);
        Bytes.put32(b, vh + 4, vni << 8);
        // udp_tunnel_xmit_skb(): UDP header and checksum (udp_set_csum)
        int uh = skb.push(Udp.HLEN);
        int ulen = skb.len;
        if (cfg.udpCsum) {
            Udp.write(b, uh, sport, dport, ulen, saddr, dstIp);
        } else {
            Bytes.put16(b, uh, sport);
            Bytes.put16(b, uh + 2, dport);
            Bytes.put16(b, uh + 4, ulen);
            Bytes.put16(b, uh + 6, 0);
        }
        // iptunnel_xmit(): skb_scrub_packet(), the outer IPv4 header, ip_local_out()
        skb.resetCt();
        if (net != dev.ns) skb.mark = 0;
        skb.transportHeader = uh;
        skb.sk = null;
        int ih = skb.push(Ipv4.HLEN);
        Ipv4.write(b, ih, tos, skb.len, net.emulation().random().nextInt(0x10000), df ? Ipv4.DF : 0, ttl,
                Ipv4.PROTO_UDP, saddr, dstIp);
        if (tp.on) tp.step(skb, dev, "udp_tunnel_xmit_skb", "vni " + vni + " " + Inet4.format(saddr) + ":" + sport
                + " > " + Inet4.format(dstIp) + ":" + dport + " via " + rt.dev().name);
        if (IpOutput.localOut(skb, rt)) {
            dev.stats.txPackets++;
            dev.stats.txBytes += innerL3;
        } else {
            dev.stats.txErrors++;
            dev.stats.txAbortedErrors++;
        }
    }

    /** skb_cow_head(): room for the outer headers and the underlay's Ethernet header in front of the frame. */
    static void makeHeadroom(SkBuff skb) {
        int need = Vxlan.HEADROOM + Ether.HLEN;
        if (skb.data >= need) return;
        int delta = need - skb.data;
        int len = skb.len;
        skb.put(delta);
        System.arraycopy(skb.buf, skb.data, skb.buf, skb.data + delta, len);
        skb.data += delta;
        skb.len = len;
        if (skb.macHeader >= 0) skb.macHeader += delta;
        if (skb.networkHeader >= 0) skb.networkHeader += delta;
        if (skb.transportHeader >= 0) skb.transportHeader += delta;
    }

    /** ip4_dst_hoplimit() without a route metric: net.ipv4.ip_default_ttl. */
    private static int hoplimit(NetNamespace net) {
        return Ipv4Net.of(net).ipDefaultTtl;
    }

    /**
     * udp_flow_src_port(): a source port from the inner flow's hash, scaled into the configured
     * range (the namespace's ip_local_port_range when none). The kernel hashes with a boot-time
     * random key; nsnet uses a fixed mix of the inner addresses, protocol and ports, so the port
     * is stable per flow and run.
     */
    static int srcPort(Vxlan.VxlanDev v, SkBuff skb) {
        int min = v.cfg.portMin, max = v.cfg.portMax;
        if (min >= max) {
            min = v.portLow;
            max = v.portHigh + 1;
        }
        byte[] b = skb.buf;
        int o = skb.data;
        int h;
        if (skb.len >= Ether.HLEN + Ipv4.HLEN && Ether.type(b, o) == Ether.P_IP) {
            int nh = o + Ether.HLEN;
            int proto = Ipv4.protocol(b, nh);
            h = mix(Ipv4.src(b, nh), Ipv4.dst(b, nh), proto);
            int th = nh + Ipv4.ihl(b, nh);
            if ((proto == Ipv4.PROTO_UDP || proto == Ipv4.PROTO_TCP) && (Ipv4.fragField(b, nh) & 0x1fff) == 0
                    && th + 4 <= o + skb.len) h = mix(h, Bytes.i32(b, th), 0);
        } else {
            h = mix((int) (Ether.dst(b, o) ^ (Ether.dst(b, o) >>> 32)), (int) (Ether.src(b, o) ^ (Ether.src(b, o) >>> 32)),
                    Ether.type(b, o));
        }
        h ^= h << 16;
        return (int) (((h & 0xffffffffL) * (max - min)) >>> 32) + min;
    }

    private static int mix(int a, int b, int c) {
        long x = (a & 0xffffffffL) * 0x9E3779B97F4A7C15L ^ (b & 0xffffffffL) * 0xC2B2AE3D27D4EB4FL ^ c * 0x165667B19E3779F9L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 32;
        return (int) x;
    }
}
