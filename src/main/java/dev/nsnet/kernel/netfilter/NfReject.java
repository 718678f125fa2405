package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IcmpSend;
import dev.nsnet.kernel.ipv4.IpOutput;
import dev.nsnet.kernel.ipv4.RouteOutput;
import dev.nsnet.kernel.ipv4.Rtable;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.trace.Tracepoints;

/**
 * The REJECT target's replies (net/ipv4/netfilter/nf_reject_ipv4.c): {@code nf_send_unreach()} (an
 * ICMP destination unreachable through icmp_send, with its rate limits) and {@code nf_send_reset()}
 * (a TCP RST to the sender: from the rejected segment's destination, seq = its ack when it had
 * ACK, else an RST|ACK acknowledging its sequence space; DF, default TTL, sent with ip_local_out).
 */
public final class NfReject {
    private NfReject() { }

    /** reject_tg(): an ICMP unreachable with {@code icmpCode} (when >= 0), or a TCP reset. */
    public static void send(SkBuff skb, NetDevice dev, int icmpCode, boolean tcpReset) {
        if (icmpCode >= 0) IcmpSend.send(skb, Icmp.DEST_UNREACH, icmpCode, 0);
        else if (tcpReset) sendReset(skb, dev);
    }

    static void sendReset(SkBuff old, NetDevice dev) {
        byte[] b = old.buf;
        int nh = old.networkHeader;
        if (Ipv4.fragOffset(b, nh) != 0 || Ipv4.protocol(b, nh) != Ipv4.PROTO_TCP) return;
        int ihl = Ipv4.ihl(b, nh);
        int th = nh + ihl;
        if (th + Tcp.HLEN > old.tail()) return;
        int flags = Tcp.flags(b, th);
        if ((flags & Tcp.RST) != 0) return;
        int saddr = Ipv4.dst(b, nh), daddr = Ipv4.src(b, nh);
        int seq, ack, nflags;
        if ((flags & Tcp.ACK) != 0) {
            seq = Tcp.ackSeq(b, th);
            ack = 0;
            nflags = Tcp.RST;
        } else {
            int payload = Ipv4.totLen(b, nh) - ihl - Tcp.doff(b, th);
            seq = 0;
            ack = Tcp.seq(b, th) + payload + ((flags & Tcp.SYN) != 0 ? 1 : 0) + ((flags & Tcp.FIN) != 0 ? 1 : 0);
            nflags = Tcp.RST | Tcp.ACK;
        }
        Tracepoints tp = dev.ns.emulation().trace;
        Rtable rt;
        try {
            // ip_route_me_harder() with FLOWI_FLAG_ANYSRC: the source need not be ours (FORWARD).
            rt = RouteOutput.resolve(dev.ns, daddr, 0, 0, 0, 0);
        } catch (KernelException e) {
            if (tp.on) tp.step(old, dev, "nf_send_reset", "no route back to " + Inet4.format(daddr));
            return;
        }
        SkBuff skb = dev.ns.emulation().pool.alloc(Ipv4.HLEN + Tcp.HLEN + 16);
        int o = skb.put(Ipv4.HLEN + Tcp.HLEN);
        int to = o + Ipv4.HLEN;
        Tcp.write(skb.buf, to, Tcp.dstPort(b, th), Tcp.srcPort(b, th), seq, ack, Tcp.HLEN, nflags, 0);
        Tcp.setChecksum(skb.buf, to, Tcp.HLEN, saddr, daddr);
        if (tp.on) tp.step(old, dev, "nf_send_reset", "RST to " + Inet4.format(daddr) + ":" + Tcp.srcPort(b, th));
        IpOutput.buildAndSend(skb, rt, saddr, daddr, 0, 64, Ipv4.PROTO_TCP, true);
    }
}
