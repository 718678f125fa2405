package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Udp;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.List;

/**
 * UDP's inet protocol handler (net/ipv4/udp.c): {@code __udp4_lib_rcv} checks length and
 * checksum, finds the socket of the packet's namespace ({@code __udp4_lib_lookup}, best score
 * wins) and queues the payload; with no socket it answers ICMP port unreachable. {@code udp_err}
 * turns ICMP errors into the connected socket's error.
 */
public final class UdpProtocol implements Ipv4Sockets.Protocol {
    public static final UdpProtocol INSTANCE = new UdpProtocol();

    private UdpProtocol() { }

    @Override
    public void rcv(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.emulation().trace;
        byte[] b = skb.buf;
        int o = skb.data;
        int nh = skb.networkHeader;
        if (skb.len < Udp.HLEN) {
            Dev.drop(skb, dev, "__udp4_lib_rcv", DropReason.PKT_TOO_SMALL, "shorter than a UDP header");
            return;
        }
        int ulen = Udp.len(b, o);
        if (ulen > skb.len || ulen < Udp.HLEN) {
            Dev.drop(skb, dev, "__udp4_lib_rcv", DropReason.PKT_TOO_SMALL, "bad UDP length " + ulen);
            return;
        }
        int saddr = Ipv4.src(b, nh);
        int daddr = Ipv4.dst(b, nh);
        if (!Udp.checksumOk(b, o, ulen, saddr, daddr)) {
            Dev.drop(skb, dev, "__udp4_lib_rcv", DropReason.UDP_CSUM, "bad UDP checksum");
            return;
        }
        int sport = Udp.srcPort(b, o);
        int dport = Udp.dstPort(b, o);
        UdpSock sk = lookup(InetHashtables.of(dev.ns).udp, saddr, sport, daddr, dport, skb.iif != 0 ? skb.iif : dev.ifindex);
        if (sk != null && sk.encapRcv != null) {
            // udp_queue_rcv_one_skb(): an encapsulation socket hands the datagram to its tunnel
            skb.transportHeader = o;
            sk.encapRcv.rcv(skb);
            return;
        }
        if (sk != null) {
            if (tp.on) tp.step(skb, dev, "udp_queue_rcv_skb", Inet4.format(saddr) + ":" + sport + " > "
                    + Inet4.format(daddr) + ":" + dport + " len " + (ulen - 8));
            sk.enqueue(skb, o + Udp.HLEN, ulen - Udp.HLEN);
            Dev.consume(skb);
            return;
        }
        if (skb.routeType == RouteInput.BROADCAST || Inet4.isMulticast(daddr)) {
            Dev.consume(skb);
            return;
        }
        if (tp.on) tp.step(skb, dev, "__udp4_lib_rcv", "no socket for port " + dport);
        IcmpSend.send(skb, Icmp.DEST_UNREACH, Icmp.PORT_UNREACH, 0);
        Dev.drop(skb, dev, "__udp4_lib_rcv", DropReason.NO_SOCKET, tp.on ? "port " + dport + " closed" : null);
    }

    static UdpSock lookup(List<UdpSock> socks, int saddr, int sport, int daddr, int dport, int ifindex) {
        UdpSock best = null;
        int bestScore = -1;
        for (int i = 0; i < socks.size(); i++) {
            UdpSock s = socks.get(i);
            int sc = s.score(saddr, sport, daddr, dport, ifindex);
            // ties go to the socket bound last: udp_lib_get_port() adds it at the head of the chain
            if (sc >= 0 && sc >= bestScore) {
                best = s;
                bestScore = sc;
            }
        }
        return best;
    }

    /** __udp4_lib_err(): a hard error (port/protocol unreachable) reaches a connected socket. */
    @Override
    public void err(SkBuff skb, int info) {
        NetDevice dev = skb.dev;
        byte[] b = skb.buf;
        int o = skb.data;
        int inner = o + Icmp.HLEN;
        int uh = inner + Ipv4.ihl(b, inner);
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        // the offending datagram went from us (its source) to the peer (its destination)
        UdpSock sk = lookup(InetHashtables.of(dev.ns).udp, Ipv4.dst(b, inner), Udp.dstPort(b, uh),
                Ipv4.src(b, inner), Udp.srcPort(b, uh), 0);
        if (sk == null) return;
        int err;
        boolean harderr = false;
        switch (type) {
            case Icmp.TIME_EXCEEDED -> err = Errno.EHOSTUNREACH.code;
            case Icmp.SOURCE_QUENCH -> { return; }
            case Icmp.PARAMETERPROB -> { err = 71; harderr = true; }
            case Icmp.DEST_UNREACH -> {
                if (code == Icmp.FRAG_NEEDED) {
                    IpOutputExceptions.of(dev.ns).updatePmtu(Ipv4.dst(b, inner), dev.mtu, info);
                    return;
                }
                err = Errno.EHOSTUNREACH.code;
                if (code <= 15) {
                    err = icmpErrConvert(code);
                    harderr = code == Icmp.PROT_UNREACH || code == Icmp.PORT_UNREACH || code == Icmp.FRAG_NEEDED
                            || code == Icmp.SR_FAILED || code == Icmp.NET_ANO || code == 10 || code == Icmp.PKT_FILTERED
                            || code == 14 || code == 15;
                }
            }
            default -> err = Errno.EHOSTUNREACH.code;
        }
        if (!harderr || !sk.connected()) return;
        sk.skErr = err;
    }

    /** icmp_err_convert[code].errno. */
    static int icmpErrConvert(int code) {
        return switch (code) {
            case Icmp.NET_UNREACH, Icmp.NET_UNKNOWN, Icmp.NET_ANO, Icmp.NET_UNR_TOS -> Errno.ENETUNREACH.code;
            case Icmp.PROT_UNREACH -> Errno.ENOPROTOOPT.code;
            case Icmp.PORT_UNREACH -> Errno.ECONNREFUSED.code;
            case Icmp.SR_FAILED -> Errno.EOPNOTSUPP.code;
            case Icmp.HOST_UNKNOWN -> Errno.EHOSTDOWN.code;
            case Icmp.HOST_ISOLATED -> 64;
            default -> Errno.EHOSTUNREACH.code;
        };
    }
}
