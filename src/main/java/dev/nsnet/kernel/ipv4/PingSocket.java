package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import java.util.ArrayDeque;

/**
 * An ICMP socket of a process's namespace: {@code SOCK_RAW/IPPROTO_ICMP} (net/ipv4/raw.c, what
 * ping uses as root) or {@code SOCK_DGRAM/IPPROTO_ICMP} (net/ipv4/ping.c, where the kernel fills
 * in the identifier and checksum). Received datagrams and the error queue (IP_RECVERR) are kept
 * in arrival order as {@link Message}s, like what recvmsg() and MSG_ERRQUEUE would return.
 */
public final class PingSocket {
    public static final int PMTUDISC_DONT = 0, PMTUDISC_WANT = 1, PMTUDISC_DO = 2, PMTUDISC_PROBE = 3;
    /** SO_EE_ORIGIN_LOCAL, SO_EE_ORIGIN_ICMP. */
    public static final int ORIGIN_LOCAL = 1, ORIGIN_ICMP = 2;

    /** What the socket has to read. */
    public sealed interface Message permits Datagram, ErrorMsg { long time(); }

    /**
     * A received packet: for a raw socket the whole IP datagram ({@code icmpOffset} past its header),
     * for a ping socket the ICMP message only; {@code ttl} is IP_TTL / the header's TTL.
     */
    public record Datagram(long time, int from, int ttl, byte[] data, int icmpOffset) implements Message { }

    /**
     * An entry of the error queue ({@code struct sock_extended_err}): {@code offender} is who sent
     * the ICMP error, {@code target} the destination of the packet it is about, {@code payload}
     * that packet's ICMP header (id and sequence).
     */
    public record ErrorMsg(long time, int origin, int errno, int type, int code, int info, int offender, int target,
                           byte[] payload, int ttl) implements Message { }

    public final NetNamespace ns;
    public final boolean raw;
    /** The IP protocol of a raw socket (socket()'s third argument): ICMP, or TCP for a TCP prober. */
    public final int protocol;
    /** connect() of a raw socket: only packets from this address are delivered (0: any). */
    public int connectedAddr;
    /** The echo identifier (a ping socket's port); raw sockets leave it to the sender. */
    public int ident;
    public int boundAddr;
    public int boundIfindex;
    /** IP_TTL; -1 uses net.ipv4.ip_default_ttl. */
    public int ttl = -1;
    public int tos;
    public int pmtudisc;
    public boolean recverr;
    public boolean broadcast;
    public int mark;
    /** IP_OPTIONS: options for every packet sent (a multiple of 4 bytes), or null. */
    public byte[] ipOptions;
    /** ICMP_FILTER (raw): a set bit drops that type. */
    public int icmpFilter;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    /** The transmit verdict of the packet being sent (errno, 0 when it left). */
    int xmitError;
    /** dst_mtu() of the route of the packet being sent. */
    int pathMtu;
    private boolean closed;

    private PingSocket(NetNamespace ns, boolean raw, int protocol) {
        this.ns = ns;
        this.raw = raw;
        this.protocol = protocol;
        this.pmtudisc = Ipv4Net.of(ns).ipNoPmtuDisc != 0 ? PMTUDISC_DONT : PMTUDISC_WANT;
    }

    /** socket(AF_INET, SOCK_RAW or SOCK_DGRAM, IPPROTO_ICMP). */
    public static PingSocket open(NetNamespace ns, boolean raw) {
        PingSocket s = new PingSocket(ns, raw, Ipv4.PROTO_ICMP);
        Ipv4Sockets.of(ns).sockets.add(s);
        return s;
    }

    /** socket(AF_INET, SOCK_RAW, protocol) for another protocol than ICMP (receive only here). */
    public static PingSocket openRaw(NetNamespace ns, int protocol) {
        PingSocket s = new PingSocket(ns, true, protocol);
        Ipv4Sockets.of(ns).sockets.add(s);
        return s;
    }

    public void close() {
        if (closed) return;
        closed = true;
        Ipv4Sockets.of(ns).sockets.remove(this);
        queue.clear();
    }

    /** SO_BINDTODEVICE: ENODEV for an unknown name. */
    public void bindToDevice(String name) {
        NetDevice d = ns.dev(name);
        if (d == null) throw new KernelException(Errno.ENODEV);
        boundIfindex = d.ifindex;
    }

    /** bind(): the address must be ours (or ip_nonlocal_bind). */
    public void bind(int addr) {
        if (addr != 0 && Fib.addrType(ns, addr) != RouteType.LOCAL && Ipv4Net.of(ns).ipNonlocalBind == 0
                && !(Fib.addrType(ns, addr) == RouteType.BROADCAST || dev.nsnet.kernel.wire.Inet4.isMulticast(addr))) {
            throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        boundAddr = addr;
        if (!raw && ident == 0) ident = 1 + ns.emulation().random().nextInt(0xfffe);
    }

    boolean matches(int laddr, int raddr, int ifindex) {
        if (boundAddr != 0 && boundAddr != laddr) return false;
        if (connectedAddr != 0 && connectedAddr != raddr) return false;
        return boundIfindex == 0 || boundIfindex == ifindex;
    }

    /**
     * A UDP-style connect() probe (what ping does to learn its source address): the route's
     * source, or the routing error (ENETUNREACH, EHOSTUNREACH, EACCES for broadcast...).
     */
    public static int probeSource(NetNamespace ns, int dst, int oif, int tos, int mark, boolean broadcast) {
        Rtable rt = RouteOutput.resolve(ns, dst, 0, tos, oif, mark);
        if (rt.isBroadcast() && !broadcast) throw new KernelException(Errno.EACCES);
        return rt.src();
    }

    /**
     * sendto(): an ICMP message of {@code len} bytes to {@code dst}. Returns 0, or a negative errno
     * (with a local error queued for EMSGSIZE when IP_RECVERR is on, as ip_local_error() does).
     */
    public int sendto(byte[] icmp, int len, int dst) {
        if (len > 0xffff) return -Errno.EMSGSIZE.code;
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, dst, boundAddr, tos, boundIfindex, mark);
        } catch (KernelException e) {
            return -e.errno.code;
        }
        if (rt.isBroadcast() && !broadcast) return -Errno.EACCES.code;
        int mtu = IpOutput.mtu(rt);
        int hlen = Ipv4.HLEN + (ipOptions == null ? 0 : ipOptions.length);
        int total = hlen + len;
        // ip_append_data(): beyond IP_MAX_MTU nothing can go, beyond the MTU only what may fragment.
        int maxNonFrag = pmtudisc >= PMTUDISC_DO ? mtu : 0xffff;
        if (total > maxNonFrag) {
            if (recverr) {
                queue.add(new ErrorMsg(ns.emulation().now(), ORIGIN_LOCAL, Errno.EMSGSIZE.code, 0, 0, mtu, 0, dst,
                        new byte[0], 0));
            }
            return -Errno.EMSGSIZE.code;
        }
        boolean df = pmtudisc >= PMTUDISC_DO || (pmtudisc == PMTUDISC_WANT && total <= mtu);
        SkBuff skb = ns.emulation().pool.alloc(total + 16);
        int o = skb.put(total);
        System.arraycopy(icmp, 0, skb.buf, o + hlen, len);
        if (!raw) {
            dev.nsnet.kernel.wire.Bytes.put16(skb.buf, o + hlen + 4, ident);
            Icmp.setChecksum(skb.buf, o + hlen, len);
        }
        skb.sk = this;
        skb.mark = mark;
        int t = ttl >= 0 ? ttl : IpOutput.hoplimit(rt, Ipv4Net.of(ns));
        xmitError = 0;
        pathMtu = mtu;
        ns.emulation().localBhDisable();
        try {
            IpOutput.buildAndSend(skb, rt, rt.src(), dst, tos, t, Ipv4.PROTO_ICMP, df, ipOptions);
        } finally {
            ns.emulation().localBhEnable();
        }
        int err = xmitError;
        xmitError = 0;
        return -err;
    }

    /** Whether something waits to be read. */
    public boolean readable() { return !queue.isEmpty(); }

    /** The next datagram or error, or null. */
    public Message poll() { return queue.pollFirst(); }

    /** The next datagram or error, left queued, or null. */
    public Message peek() { return queue.peekFirst(); }

    /** recvmsg(MSG_ERRQUEUE): the oldest error entry, or null. */
    public ErrorMsg pollError() {
        for (var it = queue.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (m instanceof ErrorMsg e) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    void queueDatagram(SkBuff skb) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int from = Ipv4.src(b, nh);
        int ttlIn = Ipv4.ttl(b, nh);
        byte[] data;
        int off;
        if (raw) {
            int tot = Ipv4.totLen(b, nh);
            data = new byte[tot];
            System.arraycopy(b, nh, data, 0, tot);
            off = Ipv4.ihl(b, nh);
        } else {
            data = new byte[skb.tail() - skb.transportHeader];
            System.arraycopy(b, skb.transportHeader, data, 0, data.length);
            off = 0;
        }
        queue.add(new Datagram(ns.emulation().now(), from, ttlIn, data, off));
    }

    /** raw_err() / ping_err() + ip_icmp_error(): queue the error when IP_RECVERR is on. */
    void icmpError(SkBuff skb, int info) {
        byte[] b = skb.buf;
        int o = skb.data;
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        int inner = o + Icmp.HLEN;
        int err;
        switch (type) {
            case Icmp.SOURCE_QUENCH: return;
            case Icmp.PARAMETERPROB: err = 71; break; // EPROTO
            case Icmp.DEST_UNREACH:
                if (code == Icmp.FRAG_NEEDED) {
                    err = Errno.EMSGSIZE.code;
                    NetDevice d = skb.dev;
                    IpOutputExceptions.of(ns).updatePmtu(Ipv4.dst(b, inner), d.mtu, info);
                } else {
                    err = unreachErrno(code);
                }
                break;
            default: err = Errno.EHOSTUNREACH.code;
        }
        if (!recverr) return;
        int innerT = inner + Ipv4.ihl(b, inner);
        int plen = Math.min(8, skb.tail() - innerT);
        byte[] payload = new byte[Math.max(plen, 0)];
        if (plen > 0) System.arraycopy(b, innerT, payload, 0, plen);
        queue.add(new ErrorMsg(ns.emulation().now(), ORIGIN_ICMP, err, type, code, info,
                Ipv4.src(b, skb.networkHeader), Ipv4.dst(b, inner), payload, Ipv4.ttl(b, skb.networkHeader)));
    }

    /** icmp_err_convert[]. */
    private static int unreachErrno(int code) {
        return switch (code) {
            case Icmp.NET_UNREACH, Icmp.NET_UNKNOWN, Icmp.NET_ANO, Icmp.NET_UNR_TOS -> Errno.ENETUNREACH.code;
            case Icmp.PROT_UNREACH -> Errno.ENOPROTOOPT.code;
            case Icmp.PORT_UNREACH -> Errno.ECONNREFUSED.code;
            case Icmp.SR_FAILED -> Errno.EOPNOTSUPP.code;
            case Icmp.HOST_UNKNOWN -> Errno.EHOSTDOWN.code;
            case Icmp.HOST_ISOLATED -> 64; // ENONET
            default -> Errno.EHOSTUNREACH.code;
        };
    }
}
