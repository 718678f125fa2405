package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 transport demux of one namespace: the protocol handlers ({@code inet_protos[]}, where
 * UDP and TCP plug in with {@link #addProtocol}) and the namespace's ICMP sockets, raw
 * ({@code raw_v4_input}, {@code raw_icmp_error}) and ping ({@code ping_rcv}, {@code ping_err}).
 */
public final class Ipv4Sockets {
    /** {@code struct net_protocol}: a transport's receive and ICMP error handlers. */
    public interface Protocol {
        /** {@code skb.data} at the transport header; the handler owns the packet. */
        void rcv(SkBuff skb);

        /** An ICMP error about a packet of this protocol; {@code skb.data} at the ICMP header. */
        default void err(SkBuff skb, int info) { }
    }

    private static final Protocol[] PROTOS = new Protocol[256];

    /** inet_add_protocol(). */
    public static void addProtocol(int proto, Protocol p) { PROTOS[proto] = p; }

    static Protocol protocol(int proto) { return PROTOS[proto & 0xff]; }

    final NetNamespace ns;
    final List<PingSocket> sockets = new ArrayList<>();

    private Ipv4Sockets(NetNamespace ns) { this.ns = ns; }

    public static Ipv4Sockets of(NetNamespace ns) {
        Ipv4Sockets s = ns.subsys(Ipv4Sockets.class);
        if (s == null) {
            s = new Ipv4Sockets(ns);
            ns.setSubsys(Ipv4Sockets.class, s);
        }
        return s;
    }

    /**
     * raw_local_deliver() / raw_v4_input(): a copy to every raw socket of this protocol that
     * matches (bound address, connected peer, device; ICMP_FILTER for ICMP); true when one matched.
     */
    boolean rawDeliver(SkBuff skb, int proto) {
        if (sockets.isEmpty()) return false;
        boolean delivered = false;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int type = proto == Ipv4.PROTO_ICMP && skb.len > 0 ? Icmp.type(b, skb.transportHeader) : -1;
        for (int i = 0; i < sockets.size(); i++) {
            PingSocket s = sockets.get(i);
            if (!s.raw || s.protocol != proto || !s.matches(Ipv4.dst(b, nh), Ipv4.src(b, nh), skb.dev.ifindex)) continue;
            delivered = true;
            if (type >= 0 && type < 32 && (s.icmpFilter & (1 << type)) != 0) continue;
            Tracepoints tp = ns.emulation().trace;
            if (tp.on) tp.step(skb, skb.dev, "raw_local_deliver", "copy to a raw socket (protocol " + proto + ")");
            s.queueDatagram(skb);
        }
        return delivered;
    }

    /** ping_rcv(): an echo reply for the ping socket with its identifier. */
    void pingRcv(SkBuff skb) {
        byte[] b = skb.buf;
        int id = Icmp.id(b, skb.transportHeader);
        int nh = skb.networkHeader;
        for (int i = 0; i < sockets.size(); i++) {
            PingSocket s = sockets.get(i);
            if (s.raw || s.ident != id || !s.matches(Ipv4.dst(b, nh), Ipv4.src(b, nh), skb.dev.ifindex)) continue;
            Tracepoints tp = ns.emulation().trace;
            if (tp.on) tp.step(skb, skb.dev, "ping_rcv", "to ping socket id " + id);
            s.queueDatagram(skb);
            return;
        }
    }

    /** raw_icmp_error(): every raw ICMP socket that sent to the offending packet's destination. */
    void rawIcmpError(SkBuff skb, int info) {
        byte[] b = skb.buf;
        int inner = skb.data + Icmp.HLEN;
        for (int i = 0; i < sockets.size(); i++) {
            PingSocket s = sockets.get(i);
            if (!s.raw || Ipv4.protocol(b, inner) != s.protocol) continue;
            if (!s.matches(Ipv4.src(b, inner), Ipv4.dst(b, inner), skb.dev.ifindex)) continue;
            s.icmpError(skb, info);
        }
    }

    /** ping_err(): the ping socket whose echo (by identifier) caused the error. */
    void pingErr(SkBuff skb, int info) {
        byte[] b = skb.buf;
        int inner = skb.data + Icmp.HLEN;
        int innerIcmp = inner + Ipv4.ihl(b, inner);
        if (Icmp.type(b, innerIcmp) != Icmp.ECHO) return;
        int id = Icmp.id(b, innerIcmp);
        for (int i = 0; i < sockets.size(); i++) {
            PingSocket s = sockets.get(i);
            if (s.raw || s.ident != id) continue;
            if (!s.matches(Ipv4.src(b, inner), Ipv4.dst(b, inner), skb.dev.ifindex)) continue;
            s.icmpError(skb, info);
            return;
        }
    }
}
