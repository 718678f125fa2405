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
 * then the best listener. Out-of-order data waits in the out-of-order queue and SACK blocks
 * report it ({@link TcpSack}); duplicate ACKs and SACKs drive fast retransmit ({@link TcpCong}).
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
    /** The SACK blocks of the segment (up to 4). */
    private static final int[] optSackS = new int[4], optSackE = new int[4];
    private static int optSackN;

    /** tcp_parse_options(). */
    private static void parseOptions(byte[] b, int p, int end) {
        optMss = 0;
        optWscale = -1;
        optSack = false;
        optTs = false;
        optSackN = 0;
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
                case Tcp.OPT_SACK -> {
                    for (int q = p + 2; q + 8 <= p + len && optSackN < 4; q += 8) {
                        optSackS[optSackN] = Bytes.i32(b, q);
                        optSackE[optSackN++] = Bytes.i32(b, q + 4);
                    }
                }
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
        if (sk.rxDrop != null && len > 0 && sk.rxDrop.test(sk.rxDataIndex++)) return; // injected loss
        parseOptions(b, o + Tcp.HLEN, o + doff);
        sk.segsIn++;
        if (len > 0) sk.dataSegsIn++;
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
        c.segsIn = 1; // the SYN (tcp_create_openreq_child())
        c.hashChild();
        l.synRecvCount++;
        TcpOutput.sendSynAck(c);
        c.rto = TcpSock.TIMEOUT_INIT;
        c.rttStart = l.ns.emulation().now();
        c.retransmitTimer.afterOnWheel(c.rto);
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
        initBufferSpace(sk);
        sk.bytesAcked++; // the SYN
        sk.delivered = 1;
        sk.maxWindow = window;
        sk.lastAckRecv = sk.lastDataRecv = sk.lastDataSent = sk.ns.emulation().now();
        sk.state = TcpSock.ESTABLISHED;
        TcpOutput.sendAck(sk);
        TcpOutput.writeXmit(sk, true);
    }

    /** An RTT sample from the oldest segment if it was not retransmitted (Karn), tcp_ack_update_rtt(). */
    private static void rttSample(TcpSock sk) {
        long now = sk.ns.emulation().now();
        if (sk.rttStart >= 0 && sk.retransmits == 0) {
            TcpCong.rttSample(sk, (now - sk.rttStart) / 1000);
        } else if (sk.state == TcpSock.SYN_SENT || sk.state == TcpSock.SYN_RECV) {
            // tcp_init_transfer(): back from the SYN's backoff
            if (sk.srttUs != 0) TcpCong.setRto(sk);
            else sk.rto = TcpCong.usToJiffyNs(TcpCong.RTO_MIN_US);
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
            sk.delivered = 1;
            initBufferSpace(sk);
            sk.maxWindow = Math.max(sk.maxWindow, window << sk.sndWscale);
            sk.lastAckRecv = sk.lastDataRecv = sk.lastDataSent = sk.ns.emulation().now();
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
            if (ackRcv(sk, flags, seq, ack, window, len) < 0) return;
        }
        dataRcv(sk, skb, flags, seq, dataOff, len);
    }

    /**
     * tcp_ack(): the cumulative ACK frees the send queue, SACK blocks tag the scoreboard,
     * duplicate ACKs are counted; then congestion avoidance or loss recovery
     * (tcp_fastretrans_alert) and the window update. Returns -1 when the socket is gone.
     */
    private static int ackRcv(TcpSock sk, int flags, int seq, int ack, int window, int len) {
        long now = sk.ns.emulation().now();
        sk.lastAckRecv = now;
        int prevUna = sk.sndUna;
        int newlySacked = sk.sackOk && optSackN > 0 ? TcpSack.sacktag(sk, ack, optSackS, optSackE, optSackN) : 0;
        int nwin = window << sk.sndWscale;
        if (after(ack, sk.sndUna)) {
            int acked = ack - sk.sndUna;
            boolean finAcked = sk.finSent && ack == sk.sndNxt;
            int dataAcked = Math.min(acked - (finAcked ? 1 : 0), sk.sbufLen);
            sk.sbufOff += dataAcked;
            sk.sbufLen -= dataAcked;
            if (sk.sbufLen == 0) sk.sbufOff = 0;
            int sackedBefore = sk.sackedBytes;
            sk.sndUna = ack;
            TcpSack.cleanRtxQueue(sk, ack);
            sk.bytesAcked += acked;
            int pkts = TcpCong.packets(sk, Math.max(acked - (sackedBefore - sk.sackedBytes), 0));
            sk.delivered += pkts;
            if (sk.rttStart < 0 && sk.tsOk && optTs && optTsecr != 0) {
                // tcp_ack_update_rtt(): no clean sample (a retransmission), the echoed timestamp gives one
                TcpCong.rttSample(sk, (long) (TcpOutput.tsNow(sk) - optTsecr) * 1000);
            }
            rttSample(sk);
            sk.retransmits = 0;
            if (sk.caState != TcpCong.CA_OPEN && !before(ack, sk.highSeq)) {
                TcpCong.exitRecovery(sk);
            } else if (sk.caState == TcpCong.CA_OPEN) {
                sk.dupAcks = 0;
                TcpCong.congAvoid(sk, Math.max(pkts, 1));
            } else if (sk.caState == TcpCong.CA_LOSS) {
                TcpCong.congAvoid(sk, Math.max(pkts, 1)); // slow start again after the RTO
            }
            if (before(sk.rtxNext, ack)) sk.rtxNext = ack;
            if (sk.sndUna == sk.sndNxt) {
                sk.retransmitTimer.del();
                sk.retransOut = 0;
                if (sk.busyStart >= 0) {
                    sk.busyNs += now - sk.busyStart;
                    sk.busyStart = -1;
                }
            } else {
                sk.retransmitTimer.afterOnWheel(sk.rto);
                sk.rttStart = now;
            }
            if (finAcked) {
                switch (sk.state) {
                    case TcpSock.FIN_WAIT1 -> {
                        sk.state = TcpSock.FIN_WAIT2;
                        if (sk.orphan) armFinTimeout(sk);
                    }
                    case TcpSock.CLOSING -> {
                        enterTimewait(sk);
                        return -1;
                    }
                    case TcpSock.LAST_ACK -> {
                        sk.done();
                        return -1;
                    }
                    default -> { }
                }
            }
        } else if (ack == prevUna && sk.sndNxt != sk.sndUna && len == 0 && (flags & Tcp.FIN) == 0
                && (nwin == sk.sndWnd || newlySacked > 0)) {
            sk.dupAcks++; // tcp_add_reno_sack() without SACK; with it the scoreboard counts
            sk.delivered += TcpCong.packets(sk, newlySacked);
        }
        if (!after(sk.sndUna, ack)) {
            if (nwin > sk.maxWindow) sk.maxWindow = nwin;
            sk.sndWnd = nwin;
            sk.sndWl1 = seq;
            sk.sndWl2 = ack;
        }
        if (sk.caState == TcpCong.CA_OPEN && TcpCong.timeToRecover(sk)) TcpCong.enterRecovery(sk);
        if (sk.caState != TcpCong.CA_OPEN) TcpOutput.xmitRetransmitQueue(sk);
        return 0;
    }

    private static boolean before(int a, int b) { return a - b < 0; }

    /**
     * tcp_data_queue(): in-order data joins the receive queue (and pulls in what the out-of-order
     * queue holds right after it), data beyond rcv_nxt waits in the out-of-order queue and is
     * answered at once with a duplicate ACK carrying SACK blocks, old data with a D-SACK; the FIN.
     */
    private static void dataRcv(TcpSock sk, SkBuff skb, int flags, int seq, int dataOff, int len) {
        boolean fin = (flags & Tcp.FIN) != 0;
        int st = sk.state;
        boolean canRecv = st == TcpSock.ESTABLISHED || st == TcpSock.FIN_WAIT1 || st == TcpSock.FIN_WAIT2;
        if (len == 0 && !fin) {
            TcpOutput.writeXmit(sk, true);
            return;
        }
        long now = sk.ns.emulation().now();
        if (!canRecv || !after(seq + len + (fin ? 1 : 0), sk.rcvNxt)) {
            // entirely old: a retransmission of what we have (tcp_data_queue's dup path)
            if (len > 0 && canRecv) TcpSack.dsackSet(sk, seq, seq + len);
            TcpOutput.sendAck(sk);
            TcpOutput.writeXmit(sk, true);
            return;
        }
        if (after(seq, sk.rcvNxt)) {
            boolean inWindow = before(seq, sk.rcvNxt + Math.max(TcpOutput.selectWindow(sk) << sk.rcvWscale, sk.rcvWnd));
            if (inWindow && (len == 0 || TcpSack.queueOfo(sk, skb.buf, dataOff, seq, len))) {
                if (fin) {
                    sk.ofoFin = true;
                    sk.ofoFinSeq = seq + len;
                }
                sk.rcvOoopack++;
                sk.lastDataRecv = now;
            }
            TcpOutput.sendAck(sk); // out of order: a duplicate ACK at once (with SACK blocks)
            TcpOutput.writeXmit(sk, true);
            return;
        }
        boolean hadOfo = sk.ofoN > 0 || sk.ofoFin;
        int trim = sk.rcvNxt - seq;
        if (len > 0) {
            if (trim > 0) {
                dataOff += trim;
                len -= trim;
            }
            sk.ensureRbuf(TcpSack.rbufHigh(sk) + len);
            System.arraycopy(skb.buf, dataOff, sk.rbuf, sk.rbufLen, len);
            sk.rbufLen += len;
            sk.rcvNxt += len;
            sk.bytesReceived += len;
            sk.lastDataRecv = now;
            if (len > sk.rcvMss) sk.rcvMss = Math.min(len, sk.advmss);
            if (sk.ato == 0) sk.ato = TcpSock.DELACK_MIN; // tcp_event_data_recv(): ato starts at TCP_ATO_MIN
            TcpCong.growWindow(sk);
        }
        if (hadOfo) {
            int before = sk.rcvNxt;
            TcpSack.ofoQueue(sk);
            sk.bytesReceived += sk.rcvNxt - before;
            if (sk.ofoFin && sk.rcvNxt == sk.ofoFinSeq) fin = true;
        }
        boolean ackNow = len > 0 || hadOfo;
        if (fin) {
            sk.rcvNxt++;
            sk.rcvFin = true;
            sk.ofoFin = false;
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

    /** tcp_init_buffer_space(): rcvq_space = min(rcv_ssthresh, rcv_wnd, TCP_INIT_CWND * advmss). */
    private static void initBufferSpace(TcpSock sk) {
        int advmss = sk.advmss - (sk.tsOk ? 12 : 0);
        sk.rcvSpace = Math.min(Math.min(sk.rcvSsthresh, sk.rcvWnd), TcpSock.INIT_CWND * advmss);
        sk.rcvqTime = sk.ns.emulation().now();
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
