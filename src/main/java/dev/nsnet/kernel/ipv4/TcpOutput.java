package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.trace.Tracepoints;

/**
 * Building and sending TCP segments (net/ipv4/tcp_output.c: {@code tcp_transmit_skb} with
 * {@code tcp_options_write}, {@code tcp_connect}, {@code tcp_make_synack}, {@code tcp_write_xmit},
 * {@code tcp_send_ack}, {@code tcp_send_fin}, {@code tcp_send_active_reset}; tcp_ipv4.c's
 * {@code tcp_v4_send_reset}) and the timers of tcp_timer.c ({@code tcp_retransmit_timer} with
 * the SYN's linear then exponential backoff, {@code tcp_delack_timer}).
 */
final class TcpOutput {
    private TcpOutput() { }

    /** The option block of a SYN or SYN-ACK: MSS, SACK-permitted + timestamps, window scale. */
    private static final int SYN_OPTS = 1;

    static int tsNow(TcpSock sk) { return (int) (sk.ns.emulation().now() / TcpSock.MS) + sk.tsOffset; }

    /** tcp_connect(): the SYN with every option the namespace's sysctls enable. */
    static void sendSyn(TcpSock sk) {
        sk.tsOk = sk.sysctlInt("net/ipv4/tcp_timestamps", 1) != 0;
        sk.sackOk = sk.sysctlInt("net/ipv4/tcp_sack", 1) != 0;
        sk.wscaleOk = sk.wscaleEnabled();
        transmit(sk, sk.iss, Tcp.SYN, 0, 0, SYN_OPTS, false);
        sk.sndNxt = sk.iss + 1;
        sk.rttStart = sk.ns.emulation().now();
        sk.rto = TcpSock.TIMEOUT_INIT;
        sk.retransmitTimer.afterOnWheel(sk.rto);
    }

    /** tcp_make_synack(): id 0 (no connected socket yet), the options the SYN asked for. */
    static void sendSynAck(TcpSock c) {
        transmit(c, c.iss, Tcp.SYN | Tcp.ACK, 0, 0, SYN_OPTS, true);
    }

    static void sendAck(TcpSock sk) {
        if (sk.state == TcpSock.CLOSE || sk.state == TcpSock.LISTEN || sk.state == TcpSock.SYN_SENT) return;
        transmit(sk, sk.sndNxt, Tcp.ACK, 0, 0, 0, false);
    }

    /** tcp_send_active_reset(): RST|ACK at snd_nxt (close with unread data, a listener's unaccepted children). */
    static void sendActiveReset(TcpSock sk) {
        transmit(sk, sk.sndNxt, Tcp.RST | Tcp.ACK, 0, 0, 0, false);
    }

    /**
     * tcp_write_xmit() + tcp_send_fin(): new data within the peer's window and the congestion
     * window, MSS-sized, PSH on the segment that empties the queue; the FIN rides on the last data
     * segment or goes alone.
     */
    static void writeXmit(TcpSock sk, boolean push) {
        int st = sk.state;
        if (st != TcpSock.ESTABLISHED && st != TcpSock.CLOSE_WAIT && st != TcpSock.FIN_WAIT1 && st != TcpSock.LAST_ACK
                && st != TcpSock.CLOSING) return;
        int mss = Math.max(sk.mss(), 1);
        while (true) {
            int inflight = sk.sndNxt - sk.sndUna - (sk.finSent ? 1 : 0);
            int unsent = sk.sbufLen - inflight;
            if (unsent <= 0 || sk.finSent) break;
            int rwndLimit = sk.sndUna + sk.sndWnd - sk.sndNxt;
            int cwndLimit = sk.cwnd * mss - TcpCong.pipe(sk);
            int len = Math.min(Math.min(unsent, mss), Math.min(rwndLimit, cwndLimit));
            if (len <= 0) {
                if (cwndLimit < rwndLimit) sk.cwndLimited = true;
                if (!sk.retransmitTimer.pending()) sk.retransmitTimer.afterOnWheel(sk.rto); // persist probe
                return;
            }
            int flags = Tcp.ACK;
            boolean last = len == unsent;
            if (last && push) flags |= Tcp.PSH;
            if (last && sk.finQueued) flags |= Tcp.FIN;
            if (sk.busyStart < 0) sk.busyStart = sk.ns.emulation().now();
            transmit(sk, sk.sndNxt, flags, inflight, len, 0, false);
            sk.sndNxt += len;
            // tcp_cwnd_validate(): is the window what limits us, and the most ever in flight
            int pkts = TcpCong.packets(sk, sk.sndNxt - sk.sndUna);
            if (pkts > sk.maxPacketsOut) sk.maxPacketsOut = pkts;
            sk.cwndLimited = pkts >= sk.cwnd;
            if ((flags & Tcp.FIN) != 0) {
                sk.sndNxt++;
                sk.finSent = true;
            }
            armRetransmit(sk);
        }
        int inflight = sk.sndNxt - sk.sndUna - (sk.finSent ? 1 : 0);
        if (sk.finQueued && !sk.finSent && inflight == sk.sbufLen) {
            transmit(sk, sk.sndNxt, Tcp.FIN | Tcp.ACK, 0, 0, 0, false);
            sk.sndNxt++;
            sk.finSent = true;
            armRetransmit(sk);
        }
    }

    private static void armRetransmit(TcpSock sk) {
        if (!sk.retransmitTimer.pending()) {
            sk.retransmitTimer.afterOnWheel(sk.rto);
            sk.rttStart = sk.ns.emulation().now();
        }
    }

    /** tcp_retransmit_timer() / tcp_write_timeout(). */
    static void retransmitTimer(TcpSock sk) {
        NetNamespace ns = sk.ns;
        switch (sk.state) {
            case TcpSock.SYN_SENT -> {
                int linear = sk.sysctlInt("net/ipv4/tcp_syn_linear_timeouts", 4);
                int retries = sk.sysctlInt("net/ipv4/tcp_syn_retries", 6) + linear;
                if (sk.retransmits >= retries) {
                    sk.skErr = Errno.ETIMEDOUT.code;
                    sk.done();
                    return;
                }
                sk.retransmits++;
                sk.rttStart = -1;
                transmit(sk, sk.iss, Tcp.SYN, 0, 0, SYN_OPTS, false);
                if (sk.retransmits > linear) sk.rto = Math.min(sk.rto * 2, 120_000 * TcpSock.MS);
                sk.retransmitTimer.afterOnWheel(sk.rto);
            }
            case TcpSock.SYN_RECV -> {
                if (sk.retransmits >= sk.sysctlInt("net/ipv4/tcp_synack_retries", 5)) {
                    if (sk.parent != null) sk.parent.synRecvCount--;
                    sk.done();
                    return;
                }
                sk.retransmits++;
                transmit(sk, sk.iss, Tcp.SYN | Tcp.ACK, 0, 0, SYN_OPTS, true);
                sk.rto = Math.min(sk.rto * 2, 120_000 * TcpSock.MS);
                sk.retransmitTimer.afterOnWheel(sk.rto);
            }
            case TcpSock.ESTABLISHED, TcpSock.CLOSE_WAIT, TcpSock.FIN_WAIT1, TcpSock.LAST_ACK, TcpSock.CLOSING -> {
                int inflight = sk.sndNxt - sk.sndUna;
                if (inflight == 0) {
                    // tcp_probe_timer(): the peer's window is closed; look again later, backing off
                    sk.rto = Math.min(sk.rto * 2, 120_000 * TcpSock.MS);
                    writeXmit(sk, true);
                    return;
                }
                if (sk.retransmits >= sk.sysctlInt("net/ipv4/tcp_retries2", 15)) {
                    sk.skErr = Errno.ETIMEDOUT.code;
                    sk.done();
                    return;
                }
                sk.retransmits++;
                sk.rttStart = -1;
                TcpCong.enterLoss(sk);
                // back off first: on the emulation's links the ACK may come back within the send
                sk.backoff++;
                sk.rto = Math.min(sk.rto * 2, 120_000 * TcpSock.MS);
                sk.retransmitTimer.afterOnWheel(sk.rto);
                sk.rtxNext = retransmitSkb(sk, sk.sndUna);
            }
            default -> { }
        }
    }

    /**
     * __tcp_retransmit_skb(): the segment at {@code seq} again (up to one MSS, not past the next
     * SACKed range), with the FIN if it reaches the end. Returns the sequence after it.
     */
    static int retransmitSkb(TcpSock sk, int seq) {
        int dataEnd = sk.sndUna + sk.sbufLen;
        int mss = Math.max(sk.mss(), 1);
        int limit = TcpSack.holeEnd(sk, seq, sk.sndNxt);
        int len = Math.min(Math.min(mss, dataEnd - seq), limit - seq);
        if (len < 0) len = 0;
        int flags = Tcp.ACK;
        boolean toEnd = seq + len == dataEnd;
        if (toEnd && sk.finSent) flags |= Tcp.FIN;
        if (len > 0 && toEnd) flags |= Tcp.PSH;
        if (len == 0 && (flags & Tcp.FIN) == 0) return seq;
        transmit(sk, seq, flags, seq - sk.sndUna, len, 0, false);
        sk.totalRetrans++;
        sk.retransOut++;
        sk.bytesRetrans += len;
        return seq + len + ((flags & Tcp.FIN) != 0 ? 1 : 0);
    }

    /**
     * tcp_xmit_retransmit_queue(): in recovery, the holes below the highest SACK (with SACK) or
     * the segment at snd_una (NewReno), then after an RTO everything up to high_seq not SACKed,
     * as far as the congestion window lets (packet conservation: the pipe must stay below cwnd).
     */
    static void xmitRetransmitQueue(TcpSock sk) {
        int mss = Math.max(sk.mss(), 1);
        int limit;
        if (sk.caState == TcpCong.CA_LOSS) limit = sk.highSeq;
        else if (sk.sackOk) limit = TcpSack.highSacked(sk);
        else limit = TcpSack.after(sk.rtxNext, sk.sndUna) ? sk.sndUna : sk.sndUna + mss;
        if (TcpSack.after(limit, sk.sndNxt)) limit = sk.sndNxt;
        if (TcpSack.before(sk.rtxNext, sk.sndUna)) sk.rtxNext = sk.sndUna;
        for (int guard = 0; guard < 4096; guard++) {
            int seq = TcpSack.skipSacked(sk, sk.rtxNext);
            if (!TcpSack.before(seq, limit)) {
                sk.rtxNext = seq;
                break;
            }
            if (TcpCong.pipe(sk) >= sk.cwnd * mss) {
                sk.rtxNext = seq;
                break;
            }
            int next = retransmitSkb(sk, seq);
            if (next == seq) break;
            sk.rtxNext = next;
        }
        writeXmit(sk, true);
    }

    static void delackTimer(TcpSock sk) {
        if (sk.ackPending) sendAck(sk);
    }

    /** Window field of a non-SYN segment (tcp_select_window()): free receive space, rounded up to the scale. */
    static int selectWindow(TcpSock sk) {
        int free = Math.min((sk.rcvbuf >> 1) - sk.rbufLen - TcpSack.ofoBytes(sk), sk.rcvSsthresh); // payload against half the buffer (truesize ~ 2x)
        if (free < 0) free = 0;
        if (sk.rcvWscale == 0) return Math.min(free, 65535);
        int unit = 1 << sk.rcvWscale;
        return Math.min((free + unit - 1) >>> sk.rcvWscale, 65535);
    }

    /**
     * tcp_transmit_skb(): header, options, data from the send queue at {@code dataOff}, checksum,
     * then the IPv4 header (DF; id from the socket's counter, 0 for a SYN-ACK) and ip_local_out().
     */
    static void transmit(TcpSock sk, int seq, int flags, int dataOff, int dataLen, int optSet, boolean synack) {
        NetNamespace ns = sk.ns;
        Rtable rt = sk.route;
        if (rt == null) {
            try {
                rt = RouteOutput.resolve(ns, sk.daddr, sk.saddr, 0, sk.boundDevIf, 0);
            } catch (KernelException e) {
                return;
            }
            sk.route = rt;
        }
        boolean syn = optSet == SYN_OPTS;
        int optlen;
        if (syn) {
            optlen = 4; // MSS
            if (sk.tsOk) optlen += 12 - 2 + 2; // (SACK-permitted | NOP NOP) + timestamp: 12
            else if (sk.sackOk) optlen += 4;
            if (sk.wscaleOk) optlen += 4;
        } else {
            optlen = sk.tsOk ? 12 : 0;
        }
        int sacks = syn || (flags & Tcp.ACK) == 0 ? 0 : TcpSack.blocksToSend(sk);
        if (sacks > 0) optlen += 4 + 8 * sacks;
        int thl = Tcp.HLEN + optlen;
        int total = Ipv4.HLEN + thl + dataLen;
        SkBuff skb = ns.emulation().pool.alloc(total + 16);
        int o = skb.put(total);
        int t = o + Ipv4.HLEN;
        byte[] b = skb.buf;
        int window = syn ? Math.min(sk.rcvWnd, 65535) : selectWindow(sk);
        int ack = (flags & Tcp.ACK) != 0 ? sk.rcvNxt : 0;
        Tcp.write(b, t, sk.num, sk.dport, seq, ack, thl, flags, window);
        int p = t + Tcp.HLEN;
        if (syn) {
            b[p] = Tcp.OPT_MSS;
            b[p + 1] = 4;
            Bytes.put16(b, p + 2, sk.advmss);
            p += 4;
            if (sk.tsOk) {
                if (sk.sackOk) {
                    b[p] = Tcp.OPT_SACK_PERM;
                    b[p + 1] = 2;
                } else {
                    b[p] = Tcp.OPT_NOP;
                    b[p + 1] = Tcp.OPT_NOP;
                }
                b[p + 2] = Tcp.OPT_TIMESTAMP;
                b[p + 3] = 10;
                Bytes.put32(b, p + 4, tsNow(sk));
                Bytes.put32(b, p + 8, synack ? sk.tsRecent : 0);
                p += 12;
            } else if (sk.sackOk) {
                b[p] = Tcp.OPT_NOP;
                b[p + 1] = Tcp.OPT_NOP;
                b[p + 2] = Tcp.OPT_SACK_PERM;
                b[p + 3] = 2;
                p += 4;
            }
            if (sk.wscaleOk) {
                b[p] = Tcp.OPT_NOP;
                b[p + 1] = Tcp.OPT_WINDOW;
                b[p + 2] = 3;
                b[p + 3] = (byte) sk.rcvWscale;
                p += 4;
            }
        } else if (sk.tsOk) {
            b[p] = Tcp.OPT_NOP;
            b[p + 1] = Tcp.OPT_NOP;
            b[p + 2] = Tcp.OPT_TIMESTAMP;
            b[p + 3] = 10;
            Bytes.put32(b, p + 4, tsNow(sk));
            Bytes.put32(b, p + 8, sk.tsRecent);
            p += 12;
        }
        if (sacks > 0) {
            // tcp_options_write(): NOP NOP SACK, the D-SACK block first, then the most recent ones
            b[p] = Tcp.OPT_NOP;
            b[p + 1] = Tcp.OPT_NOP;
            b[p + 2] = Tcp.OPT_SACK;
            b[p + 3] = (byte) (2 + 8 * sacks);
            p += 4;
            int k = 0;
            if (sk.dsack) {
                Bytes.put32(b, p, sk.dsackS);
                Bytes.put32(b, p + 4, sk.dsackE);
                p += 8;
                k++;
                sk.dsack = false;
            }
            for (int i = 0; k < sacks; i++, k++) {
                Bytes.put32(b, p, sk.sackS[i]);
                Bytes.put32(b, p + 4, sk.sackE[i]);
                p += 8;
            }
        }
        if (dataLen > 0) System.arraycopy(sk.sbuf, sk.sbufOff + dataOff, b, p, dataLen);
        if (!synack) sk.segsOut++; // a SYN-ACK leaves from the request sock, which tcp_info does not see
        if (dataLen > 0) {
            sk.dataSegsOut++;
            sk.bytesSent += dataLen;
            sk.lastDataSent = ns.emulation().now();
        }
        Tcp.setChecksum(b, t, thl + dataLen, sk.saddr, sk.daddr);
        int id = synack ? 0 : (sk.inetId++ & 0xffff);
        Ipv4.write(b, o, 0, total, id, Ipv4.DF, IpOutput.hoplimit(rt, Ipv4Net.of(ns)), Ipv4.PROTO_TCP, sk.saddr, sk.daddr);
        skb.sk = sk;
        skb.transportHeader = t;
        if ((flags & Tcp.ACK) != 0) {
            sk.ackPending = false;
            sk.delackTimer.del();
        }
        Tracepoints tp = ns.emulation().trace;
        if (tp.on) tp.step(skb, rt.dev(), "tcp_transmit_skb", Inet4.format(sk.saddr) + "." + sk.num + " > "
                + Inet4.format(sk.daddr) + "." + sk.dport + " [" + Tcp.flagText(flags) + "] len " + dataLen);
        IpOutput.localOut(skb, rt);
    }

    /**
     * tcp_v4_send_reset(): the answer to a segment no socket takes. With ACK set the reset takes
     * its sequence number from the ACK; otherwise it is RST|ACK acknowledging the segment.
     * {@code skbIn} stays the caller's.
     */
    static void sendReset(SkBuff in) {
        byte[] b = in.buf;
        int nh = in.networkHeader;
        int th = in.transportHeader;
        int flagsIn = Tcp.flags(b, th);
        if ((flagsIn & Tcp.RST) != 0) return;
        if (in.routeType != RouteType.LOCAL.ordinal()) return;
        NetNamespace ns = in.dev.ns;
        int src = Ipv4.dst(b, nh), dst = Ipv4.src(b, nh);
        int dataLen = Ipv4.totLen(b, nh) - Ipv4.ihl(b, nh) - Tcp.doff(b, th);
        int seq, ack, flags;
        if ((flagsIn & Tcp.ACK) != 0) {
            seq = Tcp.ackSeq(b, th);
            ack = 0;
            flags = Tcp.RST;
        } else {
            seq = 0;
            ack = Tcp.seq(b, th) + dataLen + ((flagsIn & Tcp.SYN) != 0 ? 1 : 0) + ((flagsIn & Tcp.FIN) != 0 ? 1 : 0);
            flags = Tcp.RST | Tcp.ACK;
        }
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, dst, src, 0, 0, 0);
        } catch (KernelException e) {
            return;
        }
        int total = Ipv4.HLEN + Tcp.HLEN;
        SkBuff skb = ns.emulation().pool.alloc(total + 16);
        int o = skb.put(total);
        int t = o + Ipv4.HLEN;
        byte[] ob = skb.buf;
        Tcp.write(ob, t, Tcp.dstPort(b, th), Tcp.srcPort(b, th), seq, ack, Tcp.HLEN, flags, 0);
        Tcp.setChecksum(ob, t, Tcp.HLEN, src, dst);
        Ipv4.write(ob, o, 0, total, 0, Ipv4.DF, IpOutput.hoplimit(rt, Ipv4Net.of(ns)), Ipv4.PROTO_TCP, src, dst);
        skb.transportHeader = t;
        Tracepoints tp = ns.emulation().trace;
        if (tp.on) tp.step(in, in.dev, "tcp_v4_send_reset", Inet4.format(src) + "." + Tcp.dstPort(b, th) + " > "
                + Inet4.format(dst) + "." + Tcp.srcPort(b, th) + " [" + Tcp.flagText(flags) + "]");
        IpOutput.localOut(skb, rt);
    }
}
