package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Udp;
import java.util.ArrayDeque;

/**
 * A UDP socket (net/ipv4/udp.c, datagram.c): bind, connect ({@code ip4_datagram_connect}, which
 * picks the source address from the route and autobinds a port), sendto/sendmsg
 * ({@code udp_sendmsg} -> {@code udp_send_skb}) and a receive queue of datagrams. An ICMP error
 * about a connected socket's datagram becomes its {@code sk_err} (ECONNREFUSED for port
 * unreachable), reported by the next send or receive.
 */
public final class UdpSock extends InetSock {
    /** TCP_ESTABLISHED / TCP_CLOSE as ss shows a UDP socket (ESTAB when connected, else UNCONN). */
    public static final int ESTABLISHED = 1, CLOSE = 7;

    /** A received datagram (recvfrom()). */
    public record Datagram(int from, int fromPort, byte[] data) { }

    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private int queuedBytes;
    /** inet_saddr: the source address used when sending (set by connect). */
    int saddr;
    private boolean connected;
    private Rtable cachedRoute;
    /**
     * udp_sk(sk)->encap_rcv: a tunnel's receive function (vxlan_rcv) that takes every datagram
     * of this socket instead of its receive queue; null for ordinary sockets.
     */
    public EncapRcv encapRcv;

    /** The encap_rcv hook of a UDP tunnel socket (setup_udp_tunnel_sock). */
    public interface EncapRcv {
        /** Takes the datagram ({@code skb.data} at its UDP header, checksum verified); always consumes it. */
        void rcv(SkBuff skb);
    }

    private UdpSock(NetNamespace ns, Process owner) { super(ns, owner); }

    /** socket(AF_INET, SOCK_DGRAM, 0) in {@code owner}'s namespace. */
    public static UdpSock open(NetNamespace ns, Process owner) { return new UdpSock(ns, owner); }

    @Override public int protocol() { return Ipv4.PROTO_UDP; }

    @Override public int state() { return connected ? ESTABLISHED : CLOSE; }

    /** Recv-Q: the bytes queued (the kernel counts skb truesize; the payload is what nsnet keeps). */
    @Override public int recvQ() { return queuedBytes; }

    @Override public int sendQ() { return 0; }

    @Override boolean reuseAllowed(InetSock other) { return reuse && other.reuse; }

    public boolean connected() { return connected; }

    /**
     * ip4_datagram_connect(): routes to the peer (ENETUNREACH etc. from the lookup), autobinds,
     * fixes the local address if it was wildcard.
     */
    public void connect(int addr, int port) {
        Rtable rt = RouteOutput.resolve(ns, addr, rcvSaddr, 0, boundDevIf, 0);
        if (rt.isBroadcast()) throw new KernelException(Errno.EACCES);
        if (num == 0) bind(0, 0);
        if (saddr == 0) saddr = rt.src();
        if (rcvSaddr == 0) rcvSaddr = rt.src();
        daddr = addr;
        dport = port;
        connected = true;
        cachedRoute = rt;
        inetId = ns.emulation().random().nextInt(0x10000);
    }

    /** send() on a connected socket: pending sk_err first (ECONNREFUSED after a port unreachable). */
    public int send(byte[] data, int off, int len) {
        if (!connected) return -Errno.ENOTCONN.code;
        int e = takeError();
        if (e != 0) return -e;
        return sendto(data, off, len, daddr, dport);
    }

    /**
     * udp_sendmsg(): returns the byte count or a negative errno (routing errors, EMSGSIZE).
     */
    public int sendto(byte[] data, int off, int len, int dst, int port) {
        if (len > 0xffff - Ipv4.HLEN - Udp.HLEN) return -Errno.EMSGSIZE.code;
        if (port == 0) return -Errno.EINVAL.code;
        if (num == 0) {
            try {
                bind(0, 0);
            } catch (KernelException e) {
                return -e.errno.code;
            }
        }
        Rtable rt = connected && dst == daddr ? cachedRoute : null;
        if (rt == null) {
            try {
                rt = RouteOutput.resolve(ns, dst, rcvSaddr, 0, boundDevIf, 0);
            } catch (KernelException e) {
                return -e.errno.code;
            }
        }
        if (rt.isBroadcast()) return -Errno.EACCES.code;
        int src = saddr != 0 ? saddr : rt.src();
        int ulen = Udp.HLEN + len;
        int total = Ipv4.HLEN + ulen;
        int mtu = IpOutput.mtu(rt);
        boolean df = total <= mtu && Ipv4Net.of(ns).ipNoPmtuDisc == 0;
        SkBuff skb = ns.emulation().pool.alloc(total + 16);
        int o = skb.put(total);
        byte[] b = skb.buf;
        System.arraycopy(data, off, b, o + Ipv4.HLEN + Udp.HLEN, len);
        Udp.write(b, o + Ipv4.HLEN, num, port, ulen, src, dst);
        int id;
        if (!df) id = IpOutput.selectIdent(ns);
        else if (daddr != 0) id = inetId++ & 0xffff;
        else id = 0;
        Ipv4.write(b, o, 0, total, id, df ? Ipv4.DF : 0, IpOutput.hoplimit(rt, Ipv4Net.of(ns)), Ipv4.PROTO_UDP, src, dst);
        skb.sk = this;
        skb.transportHeader = o + Ipv4.HLEN;
        var tp = ns.emulation().trace;
        if (tp.on) tp.step(skb, rt.dev(), "udp_send_skb", Inet4.format(src) + ":" + num + " > " + Inet4.format(dst)
                + ":" + port + " len " + len);
        boolean sent;
        ns.emulation().localBhDisable();
        try {
            sent = IpOutput.localOut(skb, rt);
        } finally {
            ns.emulation().localBhEnable();
        }
        return sent ? len : -Errno.EPERM.code; // a netfilter drop on the way out fails the write
    }

    /** Whether a datagram (or an error) waits. */
    public boolean readable() { return !queue.isEmpty() || skErr != 0; }

    /** recvfrom(): the next datagram or null. */
    public Datagram recv() {
        Datagram d = queue.pollFirst();
        if (d != null) queuedBytes -= d.data().length;
        return d;
    }

    /** Peeks at the next datagram (MSG_PEEK). */
    public Datagram peek() { return queue.peekFirst(); }

    public void close() {
        if (closed) return;
        closed = true;
        InetHashtables.of(ns).unhash(this);
        queue.clear();
        queuedBytes = 0;
    }

    void enqueue(SkBuff skb, int payloadOff, int payloadLen) {
        byte[] data = new byte[payloadLen];
        System.arraycopy(skb.buf, payloadOff, data, 0, payloadLen);
        int nh = skb.networkHeader;
        queue.add(new Datagram(Ipv4.src(skb.buf, nh), Udp.srcPort(skb.buf, skb.transportHeader), data));
        queuedBytes += payloadLen;
    }

    /**
     * compute_score(): -1 when the socket does not take the packet, higher for more exact matches
     * (bound address, connected peer, bound device).
     */
    int score(int saddrIn, int sport, int daddrIn, int dportIn, int ifindex) {
        if (num != dportIn) return -1;
        int score = 0;
        if (rcvSaddr != 0) {
            if (rcvSaddr != daddrIn) return -1;
            score += 4;
        }
        if (daddr != 0) {
            if (daddr != saddrIn) return -1;
            score += 4;
        }
        if (dport != 0) {
            if (dport != sport) return -1;
            score += 4;
        }
        if (boundDevIf != 0) {
            if (boundDevIf != ifindex) return -1;
            score += 4;
        }
        return score;
    }
}
