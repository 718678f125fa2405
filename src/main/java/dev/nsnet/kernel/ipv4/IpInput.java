package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.Netfilter;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * The IPv4 receive path (net/ipv4/ip_input.c): {@code ip_rcv} header checks, {@code ip_rcv_finish}
 * with the input route, {@code ip_local_deliver} (reassembly, raw sockets, protocol demux) and
 * route.c's {@code ip_error} for packets that have nowhere to go.
 */
public final class IpInput {
    private IpInput() { }

    /** ip_rcv(): the ptype handler for ETH_P_IP; {@code skb.data} at the IP header. */
    public static void ipRcv(SkBuff skb, NetDevice dev) {
        Tracepoints tp = dev.ns.emulation().trace;
        if (skb.pktType == SkBuff.PACKET_OTHERHOST) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.OTHERHOST, "frame for another host's MAC");
            return;
        }
        byte[] b = skb.buf;
        int o = skb.data;
        if (skb.len < Ipv4.HLEN) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.PKT_TOO_SMALL, "shorter than an IP header");
            return;
        }
        int ihl = Ipv4.ihl(b, o);
        if (ihl < Ipv4.HLEN || Ipv4.version(b, o) != 4 || skb.len < ihl) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.IP_INHDR, "bad version or header length");
            return;
        }
        if (!Ipv4.checksumOk(b, o)) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.IP_CSUM, "bad header checksum");
            return;
        }
        int totLen = Ipv4.totLen(b, o);
        if (skb.len < totLen) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.PKT_TOO_SMALL, "truncated: " + skb.len + " < tot_len " + totLen);
            return;
        }
        if (totLen < ihl) {
            Dev.drop(skb, dev, "ip_rcv_core", DropReason.IP_INHDR, "tot_len shorter than header");
            return;
        }
        skb.trim(totLen);
        skb.networkHeader = o;
        skb.transportHeader = o + ihl;
        if (tp.on) tp.step(skb, dev, "ip_rcv", Inet4.format(Ipv4.src(b, o)) + " > " + Inet4.format(Ipv4.dst(b, o))
                + " proto " + Ipv4.protocol(b, o) + " ttl " + Ipv4.ttl(b, o) + " len " + totLen);
        if (dev.ns.netfilter != null && !Netfilter.hook(NfHook.PRE_ROUTING, skb, dev, null)) return;
        rcvFinish(skb, dev);
    }

    /**
     * ip_rcv_finish(): routes the packet unless it already carries a route (a loopback packet keeps
     * the one its sender's output lookup attached), then dst_input().
     */
    static void rcvFinish(SkBuff skb, NetDevice dev) {
        byte[] b = skb.buf;
        int o = skb.networkHeader;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_rcv_finish", null);
        // l3mdev_ip_rcv(): an l3mdev rx handler (ipvlan l3s) may route the packet in another namespace
        if (dev.rxHandlerData instanceof L3mdevRx l3 && l3.l3Rcv(skb, dev)) return;
        boolean keep = (dev.flags & If.IFF_LOOPBACK) != 0 && skb.routeType >= 0;
        if (!keep) {
            int err = RouteInput.routeInput(skb, Ipv4.dst(b, o), Ipv4.src(b, o), Ipv4.tos(b, o), dev);
            if (err != 0) {
                int e = RouteInput.errno(err);
                DropReason r = e == -Errno.EXDEV.code ? DropReason.IP_RPFILTER
                        : RouteInput.isMartianDest(err) ? DropReason.IP_INVALID_DEST : DropReason.IP_INVALID_SOURCE;
                Dev.drop(skb, dev, "ip_rcv_finish_core", r, null);
                return;
            }
        }
        int t = skb.routeType;
        if (Ipv4.ihl(b, o) > Ipv4.HLEN && t != RouteInput.UNREACHABLE) IpInputOptions.compileInput(skb, dev);
        if (keep && t != RouteInput.LOCAL && t != RouteInput.BROADCAST && skb.rtLocal) {
            // An output route out of lo carries RTCF_LOCAL: its input handler is ip_local_deliver().
            localDeliver(skb);
            return;
        }
        if (keep && t != RouteInput.LOCAL && t != RouteInput.BROADCAST) {
            // A route without RTCF_LOCAL looped back by lo: its input handler is dst_discard().
            Dev.drop(skb, dev, "dst_discard", DropReason.NOT_SPECIFIED, "output route looped back on " + dev.name);
            return;
        }
        if (t == RouteInput.LOCAL || t == RouteInput.BROADCAST || (t == RouteInput.MULTICAST && skb.rtLocal)) {
            localDeliver(skb);
        } else if (t == RouteInput.UNICAST) {
            IpForward.forward(skb);
        } else {
            ipError(skb);
        }
    }

    /** ip_error(): no route (or forwarding off): ICMP unreachable, rate limited per source. */
    static void ipError(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.emulation().trace;
        InDevice in = InDevice.of(dev);
        int err = skb.nexthop;
        if (in == null) {
            Dev.drop(skb, dev, "ip_error", DropReason.NOT_SPECIFIED, null);
            return;
        }
        if (!in.forwarding()) {
            DropReason r = err == Errno.ENETUNREACH.code ? DropReason.IP_INNOROUTES : DropReason.IP_INADDRERRORS;
            Dev.drop(skb, dev, "ip_error", r, tp.on ? "not for us and forwarding is disabled on " + dev.name : null);
            return;
        }
        int code;
        DropReason reason = DropReason.NOT_SPECIFIED;
        if (err == Errno.EHOSTUNREACH.code) {
            code = Icmp.HOST_UNREACH;
        } else if (err == Errno.ENETUNREACH.code) {
            code = Icmp.NET_UNREACH;
            reason = DropReason.IP_INNOROUTES;
        } else if (err == Errno.EACCES.code) {
            code = Icmp.PKT_FILTERED;
        } else {
            Dev.drop(skb, dev, "ip_error", DropReason.NOT_SPECIFIED, "blackhole");
            return;
        }
        int saddr = Ipv4.src(skb.buf, skb.networkHeader);
        if (IcmpPeers.of(dev.ns).ipErrorAllow(saddr)) {
            IcmpSend.send(skb, Icmp.DEST_UNREACH, code, 0);
        } else if (tp.on) {
            tp.step(skb, dev, "ip_error", "ICMP suppressed by the per-source error rate limit");
        }
        Dev.drop(skb, dev, "ip_error", reason, code == Icmp.NET_UNREACH ? "no route" : "unreachable");
    }

    /** ip_local_deliver(): reassembles fragments, then hands the datagram to its protocol. */
    public static void localDeliver(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.emulation().trace;
        byte[] b = skb.buf;
        int o = skb.networkHeader;
        if (Ipv4.mf(b, o) || Ipv4.fragOffset(b, o) != 0) {
            skb = IpFragment.defrag(skb);
            if (skb == null) return;
            b = skb.buf;
            o = skb.networkHeader;
        }
        if (tp.on) tp.step(skb, dev, "ip_local_deliver", null);
        if (dev.ns.netfilter != null && !Netfilter.hook(NfHook.LOCAL_IN, skb, dev, null)) return;
        if (dev.rxHandlerData instanceof L3mdevRx l3) dev = l3.nfLocalIn(skb, dev); // ipvlan_nf_input (l3s)
        int ihl = Ipv4.ihl(b, o);
        skb.data = o + ihl;
        skb.len = Ipv4.totLen(b, o) - ihl;
        skb.transportHeader = skb.data;
        int proto = Ipv4.protocol(b, o);
        boolean raw = Ipv4Sockets.of(dev.ns).rawDeliver(skb, proto);
        Ipv4Sockets.Protocol handler = Ipv4Sockets.protocol(proto);
        if (handler != null) {
            handler.rcv(skb);
            return;
        }
        if (!raw) {
            IcmpSend.send(skb, Icmp.DEST_UNREACH, Icmp.PROT_UNREACH, 0);
            Dev.drop(skb, dev, "ip_local_deliver_finish", DropReason.UNHANDLED_PROTO,
                    tp.on ? "no handler for protocol " + proto : null);
        } else {
            Dev.consume(skb);
        }
    }
}
