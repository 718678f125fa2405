package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.Netfilter;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * net/ipv4/ip_forward.c {@code ip_forward}: TTL expiry answered with ICMP time exceeded from this
 * router, DF packets larger than the egress MTU answered with ICMP fragmentation needed, then the
 * TTL is decreased and the packet goes out (ip_forward_finish -> ip_output).
 */
public final class IpForward {
    private IpForward() { }

    public static void forward(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.emulation().trace;
        byte[] b = skb.buf;
        int o = skb.networkHeader;
        if (skb.pktType != SkBuff.PACKET_HOST) {
            Dev.drop(skb, dev, "ip_forward", DropReason.OTHERHOST, "not addressed to this host at layer 2");
            return;
        }
        // The packet is forwarded as a whole: data back at the IP header.
        skb.data = o;
        skb.len = Ipv4.totLen(b, o);
        if (Ipv4.ttl(b, o) <= 1) {
            if (tp.on) tp.step(skb, dev, "ip_forward", "TTL " + Ipv4.ttl(b, o) + " expires here");
            IcmpSend.send(skb, Icmp.TIME_EXCEEDED, Icmp.EXC_TTL, 0);
            Dev.drop(skb, dev, "ip_forward", DropReason.IP_INHDR, "TTL exceeded");
            return;
        }
        NetDevice out = skb.outDev;
        int mtu = IpOutput.mtu(out, Ipv4.dst(b, o));
        if (skb.len > mtu && Ipv4.df(b, o)) {
            if (tp.on) tp.step(skb, dev, "ip_forward", skb.len + " bytes with DF > mtu " + mtu + " of " + out.name);
            IcmpSend.send(skb, Icmp.DEST_UNREACH, Icmp.FRAG_NEEDED, mtu);
            Dev.drop(skb, dev, "ip_forward", DropReason.PKT_TOO_BIG, null);
            return;
        }
        Ipv4.decreaseTtl(b, o);
        if (tp.on) tp.step(skb, dev, "ip_forward", "to " + out.name + ", ttl now " + Ipv4.ttl(b, o));
        if (out == dev) maybeRedirect(skb, dev);
        if (dev.ns.netfilter != null && !Netfilter.hook(NfHook.FORWARD, skb, dev, out)) return;
        skb.sk = null;
        IpOutput.output(skb);
    }

    /**
     * IPSKB_DOREDIRECT (set by __mkroute_input when a packet leaves by the device it came in on,
     * from an on-link source, with send_redirects) -> ip_rt_send_redirect(): tell the sender the
     * better next hop, rate limited per source.
     */
    private static void maybeRedirect(SkBuff skb, NetDevice dev) {
        InDevice in = InDevice.of(dev);
        if (in == null || !in.sendRedirects()) return;
        byte[] b = skb.buf;
        int o = skb.networkHeader;
        int src = Ipv4.src(b, o);
        if (RouteInput.validateSource(skb, src, Ipv4.dst(b, o), Ipv4.tos(b, o), dev.ifindex, dev, in) != 1) return;
        int gw = skb.nexthop != 0 ? skb.nexthop : Ipv4.dst(b, o);
        if (!IcmpPeers.of(dev.ns).redirectAllow(src)) return;
        IcmpSend.send(skb, Icmp.REDIRECT, 1 /* ICMP_REDIR_HOST */, gw);
    }
}
