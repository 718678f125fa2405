package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.List;

/**
 * TCP's inet protocol handler (net/ipv4/tcp_ipv4.c {@code tcp_v4_rcv}, {@code tcp_v4_err};
 * tcp_input.c {@code tcp_rcv_state_process}, {@code tcp_rcv_synsent_state_process},
 * {@code tcp_ack}, {@code tcp_data_queue}, {@code tcp_fin}; tcp_minisocks.c for TIME_WAIT).
 * The socket is looked up in the namespace of the receiving device: established 4-tuple first,
 * then the best listener. Out-of-order data is not queued (it is dropped and dup-acked, the
 * sender retransmits), which on the emulation's loss-free links only matters under injected loss.
 */
public final class TcpInput implements Ipv4Sockets.Protocol {
    public static final TcpInput INSTANCE = new TcpInput();
    static final long RTO_MIN = 200 * TcpSock.MS, RTO_MAX = 120_000 * TcpSock.MS;

    private TcpInput() { }

    @Override
    public void rcv(SkBuff skb) {
        NetDevice dev = skb.dev;
        byte[] b = skb.buf;
        int o = skb.data;
        int nh = skb.networkHeader;
        if (skb.len < Tcp.HLEN) {
            Dev.drop(skb, dev, "tcp_v4_rcv", DropReason.PKT_TOO_SMALL, "shorter than a TCP header");
            return;
        }
        int doff = Tcp.doff(b, o);
        if (doff < Tcp.HLEN || doff > skb.len) {
            Dev.drop(skb, dev, "tcp_v4_rcv", DropReason.PKT_TOO_SMALL, "bad data offset");
            return;
        }
        int saddr = Ipv4.src(b, nh), daddr = Ipv4.dst(b, nh);
        if (!Tcp.checksumOk(b, o, skb.len, saddr, daddr)) {
            Dev.drop(skb, dev, "tcp_v4_rcv", DropReason.TCP_CSUM, "bad TCP checksum");
            return;
        }
        skb.transportHeader = o;
        if (skb.routeType != RouteInput.LOCAL) {
            Dev.drop(skb, dev, "tcp_v4_rcv", DropReason.NOT_SPECIFIED, "TCP to a broadcast address");
            return;
        }
        int sport = Tcp.srcPort(b, o), dport = Tcp.dstPort(b, o);
        int ifindex = skb.iif != 0 ? skb.iif : dev.ifindex;
        TcpSock sk = lookup(InetHashtables.of(dev.ns), saddr, sport, daddr, dport, ifindex);
        Tracepoints tp = dev.ns.emulation().trace;
        if (sk == null) {
            if (tp.on) tp.step(skb, dev, "tcp_v4_rcv", "no socket for " + Inet4.format(daddr) + ":" + dport);
            TcpOutput.sendReset(skb);
            Dev.drop(skb, dev, "tcp_v4_rcv", DropReason.NO_SOCKET, "port " + dport + " closed");
            return;
        }
        if (tp.on) tp.step(skb, dev, "tcp_v4_rcv", Inet4.format(saddr) + "." + sport + " > " + Inet4.format(daddr) + "."
                + dport + " [" + Tcp.flagText(Tcp.flags(b, o)) + "] " + TcpSock.stateName(sk.state));
        process(sk, skb, o, doff);
        Dev.consume(skb);
    }

    /** __inet_lookup(): the connection with this 4-tuple, else the most specific listener. */
    static TcpSock lookup(InetHashtables h, int saddr, int sport, int daddr, int dport, int ifindex) {
        List<TcpSock> socks = h.tcpOnPort(dport);
        if (socks == null) return null;
        TcpSock listener = null;
        int best = -1;
        for (int i = 0; i < socks.size(); i++) {
            TcpSock s = socks.get(i);
            if (s.num != dport) continue;
            if (s.state == TcpSock.LISTEN) {
                if (s.rcvSaddr != 0 && s.rcvSaddr != daddr) continue;
                if (s.boundDevIf != 0 && s.boundDevIf != ifindex) continue;
                int score = (s.rcvSaddr != 0 ? 2 : 1) + (s.boundDevIf != 0 ? 2 : 0);
                if (score > best) {
                    best = score;
                    listener = s;
                }
            } else if (s.state != TcpSock.CLOSE && s.dport == sport && s.daddr == saddr && s.rcvSaddr == daddr) {
                return s;
            }
        }
        return listener;
    }

    // per-segment option values (single-threaded: set by parseOptions, read right after)
    private static int optMss, optWscale, optTsval, optTsecr;
    private static boolean optSack, optTs;

    /** tcp_parse_options(). */
    private static void parseOptions(byte[] b, int p, int end) {
        optMss = 0;
        optWscale = -1;
        optSack = false;
        optTs = false;
        while (p < end) {
            int kind = b[p] & 0xff;
            if (kind == Tcp.OPT_EOL) break;
            if (kind == Tcp.OPT_NOP) {
                p++;
                continue;
            }
            if (p + 1 >= end) break;
            int len = b[p + 1] & 0xff;
            if (len < 2 || p + len > end) break;
            switch (kind) {
                case Tcp.OPT_MSS -> { if (len == 4) optMss = Bytes.u16(b, p + 2); }
                case Tcp.OPT_WINDOW -> { if (len == 3) optWscale = Math.min(b[p + 2] & 0xff, 14); }
                case Tcp.OPT_SACK_PERM -> optSack = len == 2;
                case Tcp.OPT_TIMESTAMP -> {
                    if (len == 10) {
                        optTs = true;
                        optTsval = Bytes.i32(b, p + 2);
                        optTsecr = Bytes.i32(b, p + 6);
                    }
                }
                default -> { }
            }
            p += len;
        }
    }

    /** Applies a SYN's (or SYN-ACK's) options to what we enabled ourselves. */
    private static void applySynOptions(TcpSock sk) {
        sk.mssClamp = optMss != 0 ? Math.min(optMss, sk.advmss) : 536;
        sk.tsOk &= optTs;
        sk.sackOk &= optSack;
        if (sk.wscaleOk && optWscale >= 0) {
            sk.sndWscale = optWscale;
        } else {
            sk.wscaleOk = false;
            sk.sndWscale = 0;
            sk.rcvWscale = 0;
        }
        if (optTs) sk.tsRecent = optTsval;
    }

    private static boolean after(int a, int b) { return a - b > 0; }

    static void process(TcpSock sk, SkBuff skb, int o, int doff) {
        byte[] b = skb.buf;
        int flags = Tcp.flags(b, o);
        int seq = Tcp.seq(b, o), ack = Tcp.ackSeq(b, o);
        int window = Tcp.window(b, o);
        int dataOff = o + doff;
        int len = skb.len - doff;
        parseOptions(b, o + Tcp.HLEN, o + doff);
        switch (sk.state) {
            case TcpSock.LISTEN -> listenRcv(sk, skb, flags, seq, window);
            case TcpSock.SYN_SENT -> synSentRcv(sk, skb, flags, seq, ack, window);
            case TcpSock.TIME_WAIT -> timewaitRcv(sk, skb, flags, seq, len);
            default -> established(sk, skb, flags, seq, ack, window, dataOff, len);
        }
    }

    /** tcp_v4_conn_request(): a SYN makes a child in SYN_RECV and a SYN-ACK, unless the accept queue is full. */
    private static void listenRcv(TcpSock l, SkBuff skb, int flags, int seq, int window) {
        if ((flags & Tcp.RST) != 0) return;
        if ((flags & Tcp.ACK) != 0) {
            TcpOutput.sendReset(skb);
            return;
        }
        if ((flags & Tcp.SYN) == 0) return;
        Tracepoints tp = l.ns.emulation().trace;
        if (l.acceptQueue.size() > l.backlog) {
            if (tp.on) tp.drop(skb, skb.dev, "tcp_conn_request", DropReason.NOT_SPECIFIED, "accept queue full (backlog "
                    + l.backlog + ")");
            return;
        }
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        TcpSock c = TcpSock.child(l);
        c.rcvSaddr = c.saddr = Ipv4.dst(b, nh);
        c.daddr = Ipv4.src(b, nh);
        c.dport = Tcp.srcPort(b, skb.transportHeader);
        Rtable rt;
        try {
            rt = RouteOutput.resolve(l.ns, c.daddr, c.saddr, 0, l.boundDevIf, 0);
        } catch (KernelException e) {
            return;
        }
        c.route = rt;
        c.tsOk = c.sysctlInt("net/ipv4/tcp_timestamps", 1) != 0;
        c.sackOk = c.sysctlInt("net/ipv4/tcp_sack", 1) != 0;
        c.wscaleOk = c.wscaleEnabled();
        c.initRcv(IpOutput.mtu(rt) - 40, c.tsOk && optTs);
        applySynOptions(c);
        var rnd = l.ns.emulation().random();
        c.irs = seq;
        c.rcvNxt = seq + 1;
        c.iss = rnd.nextInt();
        c.tsOffset = rnd.nextInt();
        c.inetId = rnd.nextInt(0x10000);
        c.sndUna = c.iss;
        c.sndNxt = c.iss + 1;
        c.sndWnd = window;
        c.state = TcpSock.SYN_RECV;
        c.hashChild();
        l.synRecvCount++;
        TcpOutput.sendSynAck(c);
        c.rto = TcpSock.TIMEOUT_INIT;
        c.rttStart = l.ns.emulation().now();
        c.retransmitTimer.after(c.rto);
    }

    /** tcp_rcv_synsent_state_process(). */
    private static void synSentRcv(TcpSock sk, SkBuff skb, int flags, int seq, int ack, int window) {
        if ((flags & Tcp.ACK) != 0 && ack != sk.sndNxt) {
            if ((flags & Tcp.RST) == 0) TcpOutput.sendReset(skb);
            return;
        }
        if ((flags & Tcp.RST) != 0) {
            if ((flags & Tcp.ACK) != 0) {
                sk.skErr = Errno.ECONNREFUSED.code;
                sk.done();
            }
            return;
        }
        if ((flags & Tcp.SYN) == 0 || (flags & Tcp.ACK) == 0) return;
        applySynOptions(sk);
        sk.irs = seq;
        sk.rcvNxt = seq + 1;
        sk.sndUna = ack;
        sk.sndWnd = window;
        sk.sndWl1 = seq;
        sk.sndWl2 = ack;
        rttSample(sk);
        sk.retransmitTimer.del();
        sk.retransmits = 0;
        sk.state = TcpSock.ESTABLISHED;
        TcpOutput.sendAck(sk);
        TcpOutput.writeXmit(sk, true);
    }

    private static void rttSample(TcpSock sk) {
        long now = sk.ns.emulation().now();
        if (sk.rttStart >= 0 && sk.retransmits == 0) {
            sk.srttNs = now - sk.rttStart;
            sk.rto = Math.min(Math.max(RTO_MIN + sk.srttNs, RTO_MIN), RTO_MAX);
        } else if (sk.state == TcpSock.SYN_SENT || sk.state == TcpSock.SYN_RECV) {
            sk.rto = RTO_MIN + sk.srttNs; // tcp_init_transfer(): back from the SYN's backoff
        }
        sk.rttStart = -1;
    }

    /** tcp_timewait_state_process(): re-ACK a retransmitted FIN, a RST ends it, anything else is ACKed. */
    private static void timewaitRcv(TcpSock sk, SkBuff skb, int flags, int seq, int len) {
        if ((flags & Tcp.RST) != 0) {
            sk.done();
            return;
        }
        if ((flags & Tcp.SYN) != 0 && (flags & Tcp.ACK) == 0 && after(seq, sk.rcvNxt)) {
            // a new incarnation of the connection: the TIME_WAIT socket gives way to a listener
            sk.done();
            NetDevice dev = skb.dev;
            byte[] b = skb.buf;
            TcpSock l = lookup(InetHashtables.of(dev.ns), Ipv4.src(b, skb.networkHeader), sk.dport,
                    Ipv4.dst(b, skb.networkHeader), sk.num, dev.ifindex);
            if (l != null && l.state == TcpSock.LISTEN) listenRcv(l, skb, flags, seq, Tcp.window(b, skb.transportHeader));
            else TcpOutput.sendReset(skb);
            return;
        }
        if ((flags & Tcp.FIN) != 0) sk.timewaitTimer.after(TcpSock.TIMEWAIT_LEN);
        if ((flags & Tcp.FIN) != 0 || len > 0) TcpOutput.sendAck(sk);
    }

    /** tcp_rcv_state_process() for synchronized states: RST, ACK, data, FIN. */
    private static void established(TcpSock sk, SkBuff skb, int flags, int seq, int ack, int window, int dataOff, int len) {
        if ((flags & Tcp.RST) != 0) {
            if (seq != sk.rcvNxt) {
                if (after(seq, sk.rcvNxt) && after(sk.rcvNxt + sk.rcvWnd, seq)) TcpOutput.sendAck(sk); // challenge ACK
                return;
            }
            if (sk.state == TcpSock.SYN_RECV) {
                if (sk.parent != null) sk.parent.synRecvCount--;
            } else {
                sk.skErr = sk.state == TcpSock.CLOSE_WAIT ? 32 : Errno.ECONNRESET.code;
            }
            sk.done();
            return;
        }
        if ((flags & Tcp.SYN) != 0) {
            if (sk.state == TcpSock.SYN_RECV && seq == sk.irs) {
                TcpOutput.transmit(sk, sk.iss, Tcp.SYN | Tcp.ACK, 0, 0, 1, true);
            } else {
                TcpOutput.sendAck(sk);
            }
            return;
        }
        if ((flags & Tcp.ACK) == 0) return;
        boolean inOrder = seq == sk.rcvNxt;
        if (optTs && sk.tsOk && inOrder) sk.tsRecent = optTsval;
        if (sk.state == TcpSock.SYN_RECV) {
            if (ack != sk.sndNxt) {
                TcpOutput.sendReset(skb);
                return;
            }
            TcpSock parent = sk.parent;
            if (parent != null && parent.acceptQueue.size() > parent.backlog) return; // tcp_abort_on_overflow = 0
            rttSample(sk);
            sk.sndUna = ack;
            sk.sndWnd = window << sk.sndWscale;
            sk.retransmitTimer.del();
            sk.retransmits = 0;
            sk.state = TcpSock.ESTABLISHED;
            if (parent != null) {
                parent.synRecvCount--;
                parent.acceptQueue.add(sk);
            }
        } else {
            if (after(ack, sk.sndNxt)) {
                TcpOutput.sendAck(sk);
                return;
            }
            if (after(ack, sk.sndUna)) {
                int acked = ack - sk.sndUna;
                boolean finAcked = sk.finSent && ack == sk.sndNxt;
                int dataAcked = Math.min(acked - (finAcked ? 1 : 0), sk.sbufLen);
                sk.sbufOff += dataAcked;
                sk.sbufLen -= dataAcked;
                if (sk.sbufLen == 0) sk.sbufOff = 0;
                sk.sndUna = ack;
                rttSample(sk);
                sk.retransmits = 0;
                if (sk.cwnd < 65535) sk.cwnd++;
                if (sk.sndUna == sk.sndNxt) {
                    sk.retransmitTimer.del();
                } else {
                    sk.retransmitTimer.after(sk.rto);
                    sk.rttStart = sk.ns.emulation().now();
                }
                if (finAcked) {
                    switch (sk.state) {
                        case TcpSock.FIN_WAIT1 -> {
                            sk.state = TcpSock.FIN_WAIT2;
                            if (sk.orphan) armFinTimeout(sk);
                        }
                        case TcpSock.CLOSING -> {
                            enterTimewait(sk);
                            return;
                        }
                        case TcpSock.LAST_ACK -> {
                            sk.done();
                            return;
                        }
                        default -> { }
                    }
                }
            }
            if (!after(sk.sndUna, ack)) {
                sk.sndWnd = window << sk.sndWscale;
                sk.sndWl1 = seq;
                sk.sndWl2 = ack;
            }
        }
        boolean fin = (flags & Tcp.FIN) != 0;
        if (!inOrder) {
            if (len > 0 || fin) TcpOutput.sendAck(sk); // out of order or a duplicate: dup ACK
            TcpOutput.writeXmit(sk, true);
            return;
        }
        boolean ackNow = false;
        int st = sk.state;
        boolean canRecv = st == TcpSock.ESTABLISHED || st == TcpSock.FIN_WAIT1 || st == TcpSock.FIN_WAIT2;
        if (len > 0 && canRecv) {
            if (sk.rbufLen + len > sk.rbuf.length) {
                byte[] n = new byte[Math.max(sk.rbuf.length * 2, sk.rbufLen + len)];
                System.arraycopy(sk.rbuf, 0, n, 0, sk.rbufLen);
                sk.rbuf = n;
            }
            System.arraycopy(skb.buf, dataOff, sk.rbuf, sk.rbufLen, len);
            sk.rbufLen += len;
            sk.rcvNxt += len;
            ackNow = true;
        }
        if (fin && canRecv) {
            sk.rcvNxt++;
            sk.rcvFin = true;
            switch (st) {
                case TcpSock.ESTABLISHED -> {
                    sk.state = TcpSock.CLOSE_WAIT;
                    if (!ackNow) {
                        // inet_csk_enter_pingpong_mode(): the ACK waits for the application's answer
                        sk.ackPending = true;
                        sk.delackTimer.after(TcpSock.DELACK_MIN);
                    }
                }
                case TcpSock.FIN_WAIT1 -> {
                    ackNow = true;
                    if (sk.sndUna == sk.sndNxt) {
                        TcpOutput.sendAck(sk);
                        enterTimewait(sk);
                        return;
                    }
                    sk.state = TcpSock.CLOSING;
                }
                case TcpSock.FIN_WAIT2 -> {
                    TcpOutput.sendAck(sk);
                    enterTimewait(sk);
                    return;
                }
                default -> { }
            }
        }
        if (ackNow) TcpOutput.sendAck(sk);
        TcpOutput.writeXmit(sk, true);
    }

    /** tcp_time_wait(): TIME_WAIT for TCP_TIMEWAIT_LEN (60 s), then the socket is gone. */
    static void enterTimewait(TcpSock sk) {
        sk.state = TcpSock.TIME_WAIT;
        sk.retransmitTimer.del();
        sk.delackTimer.del();
        sk.ackPending = false;
        sk.timewaitTimer.after(TcpSock.TIMEWAIT_LEN);
    }

    /** An orphaned FIN_WAIT2 socket lives net.ipv4.tcp_fin_timeout seconds. */
    static void armFinTimeout(TcpSock sk) {
        sk.timewaitTimer.after(sk.sysctlInt("net/ipv4/tcp_fin_timeout", 60) * 1000L * TcpSock.MS);
    }

    static void timewaitTimer(TcpSock sk) { sk.done(); }

    /** tcp_v4_err(): during the handshake any ICMP error ends the connect() with its errno. */
    @Override
    public void err(SkBuff skb, int info) {
        NetDevice dev = skb.dev;
        byte[] b = skb.buf;
        int o = skb.data;
        int inner = o + Icmp.HLEN;
        int th = inner + Ipv4.ihl(b, inner);
        TcpSock sk = lookup(InetHashtables.of(dev.ns), Ipv4.dst(b, inner), Tcp.dstPort(b, th), Ipv4.src(b, inner),
                Tcp.srcPort(b, th), 0);
        if (sk == null || sk.state == TcpSock.LISTEN || sk.state == TcpSock.TIME_WAIT) return;
        int type = Icmp.type(b, o), code = Icmp.code(b, o);
        int err;
        switch (type) {
            case Icmp.SOURCE_QUENCH -> { return; }
            case Icmp.PARAMETERPROB -> err = 71;
            case Icmp.DEST_UNREACH -> {
                if (code > 15) return;
                if (code == Icmp.FRAG_NEEDED) {
                    IpOutputExceptions.of(dev.ns).updatePmtu(Ipv4.dst(b, inner), dev.mtu, info);
                    return;
                }
                err = UdpProtocol.icmpErrConvert(code);
            }
            case Icmp.TIME_EXCEEDED -> err = Errno.EHOSTUNREACH.code;
            default -> { return; }
        }
        if (sk.state == TcpSock.SYN_SENT || sk.state == TcpSock.SYN_RECV) {
            if (sk.state == TcpSock.SYN_RECV && sk.parent != null) sk.parent.synRecvCount--;
            sk.skErr = err;
            sk.done();
        }
    }
}
