package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;

/**
 * The sockets of a path prober (traceroute): it sends UDP datagrams or ICMP echo requests with a
 * chosen TTL ({@code setsockopt(IP_TTL)} before each {@code sendto}) and hears every ICMP message
 * that reaches its namespace, echo replies and the errors (time exceeded, unreachable) about its
 * probes, through a raw ICMP socket ({@code raw_local_deliver} copies each one to it).
 *
 * <p>Linux traceroute's default method reads the errors from the UDP sockets' error queues
 * (IP_RECVERR, {@code __udp4_lib_err}); what it learns is the same: who answered, what type and
 * code, and which probe (by the ports, or the echo sequence, of the embedded header). The UDP
 * datagram is built here as {@code udp_sendmsg()} would (header and checksum over the
 * pseudo-header), with the source port the caller picked from the ephemeral range.
 */
public final class ProbeSocket {
    public final NetNamespace ns;
    private final PingSocket icmp;
    /** The TCP method's raw IPPROTO_TCP socket (connected, IP_RECVERR), or null. */
    private PingSocket tcp;
    /** SO_BINDTODEVICE, bind() address: as for any socket. */
    private int boundAddr, boundIfindex;
    public int tos;
    public int mark;
    /** IP_MTU_DISCOVER: traceroute sets IP_PMTUDISC_DONT unless -F (then DF is set). */
    public boolean dontFragment;

    private ProbeSocket(NetNamespace ns) {
        this.ns = ns;
        this.icmp = PingSocket.open(ns, true);
    }

    /** The sockets of one traceroute run in {@code ns}. */
    public static ProbeSocket open(NetNamespace ns) { return new ProbeSocket(ns); }

    public void close() {
        icmp.close();
        if (tcp != null) tcp.close();
    }

    /**
     * The TCP method's socket: {@code socket(AF_INET, SOCK_RAW, IPPROTO_TCP)} connected to
     * {@code dst} with IP_RECVERR, so it hears every TCP segment from {@code dst} (a copy, before
     * TCP itself sees it) and, on its error queue, the ICMP errors about its probes. Returns the
     * path MTU (IP_MTU) of the route to {@code dst}.
     */
    public int openTcp(int dst) {
        Rtable rt = RouteOutput.resolve(ns, dst, boundAddr, tos, boundIfindex, mark);
        if (rt.isBroadcast()) throw new KernelException(Errno.EACCES);
        tcp = PingSocket.openRaw(ns, Ipv4.PROTO_TCP);
        tcp.boundAddr = boundAddr;
        tcp.boundIfindex = boundIfindex;
        tcp.connectedAddr = dst;
        tcp.recverr = true;
        icmp.close(); // this method reads no ICMP socket
        return IpOutput.mtu(rt);
    }

    /**
     * Sends a TCP segment (a prober's SYN: header and {@code opts} as given, checksum over the
     * pseudo-header) {@code sport -> dst:dport} with TTL {@code ttl} through the raw socket.
     */
    public int sendTcp(int sport, int dst, int dport, int seq, int flags, int window, byte[] opts, int ttl) {
        int thl = Tcp.HLEN + opts.length;
        return send(Ipv4.PROTO_TCP, dst, ttl, thl, (b, o, src) -> {
            Tcp.write(b, o, sport, dport, seq, 0, thl, flags, window);
            System.arraycopy(opts, 0, b, o + Tcp.HLEN, opts.length);
            Tcp.setChecksum(b, o, thl, src, dst);
        });
    }

    /** SO_BINDTODEVICE: ENODEV for an unknown name. */
    public void bindToDevice(String name) {
        icmp.bindToDevice(name);
        boundIfindex = icmp.boundIfindex;
    }

    /** bind(): EADDRNOTAVAIL unless the address is ours. */
    public void bind(int addr) {
        icmp.bind(addr);
        boundAddr = addr;
    }

    /** connect(): the source address the route gives, or the routing error. */
    public int connect(int dst) {
        Rtable rt = RouteOutput.resolve(ns, dst, boundAddr, tos, boundIfindex, mark);
        if (rt.isBroadcast()) throw new KernelException(Errno.EACCES);
        return boundAddr != 0 ? boundAddr : rt.src();
    }

    /**
     * Sends {@code dataLen} zero bytes in a UDP datagram {@code sport -> dst:dport} with IP TTL
     * {@code ttl}. Returns 0 or a negative errno.
     */
    public int sendUdp(int sport, int dst, int dport, int dataLen, int ttl) {
        return send(Ipv4.PROTO_UDP, dst, ttl, dataLen + 8, (b, o, src) -> {
            Bytes.put16(b, o, sport);
            Bytes.put16(b, o + 2, dport);
            Bytes.put16(b, o + 4, dataLen + 8);
            Bytes.put16(b, o + 6, 0);
            long s = Bytes.sum(b, o, dataLen + 8) + (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff)
                    + Ipv4.PROTO_UDP + dataLen + 8;
            int c = Bytes.fold(s);
            Bytes.put16(b, o + 6, c == 0 ? 0xffff : c);
        });
    }

    /** Sends an ICMP echo request (identifier, sequence, {@code dataLen} zero bytes) with TTL {@code ttl}. */
    public int sendEcho(int id, int seq, int dst, int dataLen, int ttl) {
        return send(Ipv4.PROTO_ICMP, dst, ttl, dataLen + Icmp.HLEN, (b, o, src) -> {
            b[o] = (byte) Icmp.ECHO;
            b[o + 1] = 0;
            Bytes.put16(b, o + 4, id);
            Bytes.put16(b, o + 6, seq);
            Icmp.setChecksum(b, o, dataLen + Icmp.HLEN);
        });
    }

    private interface Filler { void fill(byte[] b, int o, int src); }

    private int send(int proto, int dst, int ttl, int len, Filler f) {
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, dst, boundAddr, tos, boundIfindex, mark);
        } catch (KernelException e) {
            return -e.errno.code;
        }
        if (rt.isBroadcast()) return -Errno.EACCES.code;
        int total = Ipv4.HLEN + len;
        if (total > 0xffff) return -Errno.EMSGSIZE.code;
        if (dontFragment && total > IpOutput.mtu(rt)) return -Errno.EMSGSIZE.code;
        int src = boundAddr != 0 ? boundAddr : rt.src();
        SkBuff skb = ns.emulation().pool.alloc(total + 16);
        int o = skb.put(total);
        java.util.Arrays.fill(skb.buf, o, o + total, (byte) 0);
        f.fill(skb.buf, o + Ipv4.HLEN, src);
        skb.mark = mark;
        ns.emulation().localBhDisable();
        try {
            IpOutput.buildAndSend(skb, rt, src, dst, tos, ttl, proto, dontFragment);
        } finally {
            ns.emulation().localBhEnable();
        }
        return 0;
    }

    /** One ICMP message that reached the namespace: who sent it, and the probe it is about. */
    public record Reply(long time, int from, int ttl, int type, int code, int info,
                        /** the embedded (or, for an echo reply, the own) header: */
                        int innerProto, int innerDst, int innerSport, int innerDport, int echoId, int echoSeq) { }

    /** A TCP segment from the destination, as Reply.type (it is no ICMP type). */
    public static final int TCP_REPLY = 256;

    public boolean readable() { return tcp != null ? tcp.readable() : icmp.readable(); }

    /**
     * The next ICMP message (one recvmsg()), or null when none is queued. A message that is
     * neither an echo reply nor an error with a complete embedded header comes back with
     * {@code innerProto} -1: it was read, and matches no probe.
     */
    public Reply poll() {
        if (tcp != null) return pollTcp();
        PingSocket.Message m;
        while ((m = icmp.poll()) != null) {
            if (!(m instanceof PingSocket.Datagram d)) continue;
            byte[] b = d.data();
            int o = d.icmpOffset();
            if (b.length < o + Icmp.HLEN) return other(d, -1, -1);
            int type = Icmp.type(b, o);
            int code = Icmp.code(b, o);
            if (type == Icmp.ECHOREPLY) {
                return new Reply(d.time(), d.from(), d.ttl(), type, code, 0, Ipv4.PROTO_ICMP, d.from(), 0, 0,
                        Icmp.id(b, o), Icmp.seq(b, o));
            }
            int inner = o + Icmp.HLEN;
            if ((type != Icmp.DEST_UNREACH && type != Icmp.TIME_EXCEEDED && type != Icmp.PARAMETERPROB)
                    || b.length < inner + Ipv4.HLEN || b.length < inner + Ipv4.ihl(b, inner) + 8) {
                return other(d, type, code);
            }
            int t = inner + Ipv4.ihl(b, inner);
            int proto = Ipv4.protocol(b, inner);
            int info = type == Icmp.DEST_UNREACH && code == Icmp.FRAG_NEEDED ? Icmp.mtu(b, o) : 0;
            return new Reply(d.time(), d.from(), d.ttl(), type, code, info, proto, Ipv4.dst(b, inner),
                    Bytes.u16(b, t), Bytes.u16(b, t + 2), Icmp.id(b, t), Icmp.seq(b, t));
        }
        return null;
    }

    /**
     * One recvmsg() of the TCP method: the error queue first (poll() reports POLLERR, and the
     * prober then reads MSG_ERRQUEUE), else the next segment from the destination ({@code
     * innerSport} is then the segment's destination port, the probe's source).
     */
    private Reply pollTcp() {
        PingSocket.ErrorMsg e = tcp.pollError();
        if (e != null) {
            byte[] p = e.payload();
            if (e.origin() != PingSocket.ORIGIN_ICMP || p.length < 4) {
                return new Reply(e.time(), e.offender(), e.ttl(), e.type(), e.code(), e.info(), -1, e.target(), 0, 0, -1,
                        -1);
            }
            // the IP_TTL of an error queue entry is the ICMP message's own TTL (ip_recv_error + ip_cmsg_recv)
            return new Reply(e.time(), e.offender(), e.ttl(), e.type(), e.code(), e.info(), Ipv4.PROTO_TCP, e.target(),
                    Bytes.u16(p, 0), Bytes.u16(p, 2), -1, -1);
        }
        if (!(tcp.poll() instanceof PingSocket.Datagram d)) return null;
        byte[] b = d.data();
        int o = d.icmpOffset();
        if (b.length < o + 8) return other(d, -1, -1);
        return new Reply(d.time(), d.from(), d.ttl(), TCP_REPLY, Tcp.flags(b, o), 0, Ipv4.PROTO_TCP, d.from(),
                Bytes.u16(b, o + 2), Bytes.u16(b, o), -1, -1);
    }

    private static Reply other(PingSocket.Datagram d, int type, int code) {
        return new Reply(d.time(), d.from(), d.ttl(), type, code, 0, -1, 0, 0, 0, -1, -1);
    }
}
