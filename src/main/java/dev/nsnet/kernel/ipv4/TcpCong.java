package dev.nsnet.kernel.ipv4;

/**
 * The sender's clocks and windows: the RTT estimator and RTO ({@code tcp_rtt_estimator},
 * {@code tcp_set_rto}, {@code tcp_bound_rto} in net/ipv4/tcp_input.c; RTOs are whole jiffies of a
 * HZ=250 kernel), the congestion window in Reno's form ({@code tcp_reno_cong_avoid}: slow start,
 * then one MSS per window; it grows only while the window is what limits the sender,
 * {@code tcp_is_cwnd_limited}), loss recovery ({@code tcp_fastretrans_alert}: recovery when
 * SACKed or duplicate-ACKed segments exceed tcp_reordering, ssthresh halved as
 * {@code tcp_reno_ssthresh}; {@code tcp_enter_loss} on RTO), and on the receiving side window
 * growth ({@code tcp_grow_window}) and receive buffer auto-tuning ({@code tcp_rcv_space_adjust}).
 *
 * <p>Linux's default module is CUBIC (bbr on the recording host); nsnet models every algorithm
 * with Reno's arithmetic and reports the configured name (docs/fidelity.md).
 */
final class TcpCong {
    private TcpCong() { }

    static final int INFINITE_SSTHRESH = 0x7fffffff;
    /** icsk_ca_state values (TCP_CA_Open, TCP_CA_Recovery, TCP_CA_Loss). */
    static final int CA_OPEN = 0, CA_RECOVERY = 3, CA_LOSS = 4;
    static final long RTO_MIN_US = 200_000, RTO_MAX = 120_000 * TcpSock.MS;

    /** usecs_to_jiffies() rounds up; the RTO is kept in ns of whole jiffies. */
    static long usToJiffyNs(long us) {
        long j = (us * 1000 + TcpSock.JIFFY - 1) / TcpSock.JIFFY;
        return j * TcpSock.JIFFY;
    }

    /** tcp_rtt_estimator() with one sample of {@code mUs} microseconds, then tcp_set_rto(). */
    static void rttSample(TcpSock sk, long mUs) {
        long m = Math.max(mUs, 0);
        // tcp_update_rtt_min(): a zero sample counts as one jiffy
        long minCand = m == 0 ? TcpSock.JIFFY / 1000 : m;
        if (sk.minRttUs < 0 || minCand < sk.minRttUs) sk.minRttUs = minCand;
        long srtt = sk.srttUs;
        if (srtt != 0) {
            m -= srtt >> 3;
            srtt += m;
            if (m < 0) {
                m = -m;
                m -= sk.mdevUs >> 2;
                if (m > 0) m >>= 3;
            } else {
                m -= sk.mdevUs >> 2;
            }
            sk.mdevUs += m;
            if (sk.mdevUs > sk.mdevMaxUs) {
                sk.mdevMaxUs = sk.mdevUs;
                if (sk.mdevMaxUs > sk.rttvarUs) sk.rttvarUs = sk.mdevMaxUs;
            }
            if (TcpSack.after(sk.sndUna, sk.rttSeq)) {
                if (sk.mdevMaxUs < sk.rttvarUs) sk.rttvarUs -= (sk.rttvarUs - sk.mdevMaxUs) >> 2;
                sk.rttSeq = sk.sndNxt;
                sk.mdevMaxUs = RTO_MIN_US;
            }
        } else {
            srtt = m << 3;
            sk.mdevUs = m << 1;
            sk.rttvarUs = Math.max(sk.mdevUs, RTO_MIN_US);
            sk.mdevMaxUs = sk.rttvarUs;
            sk.rttSeq = sk.sndNxt;
        }
        sk.srttUs = Math.max(1, srtt);
        sk.backoff = 0;
        setRto(sk);
    }

    /** tcp_set_rto() + tcp_bound_rto(). */
    static void setRto(TcpSock sk) {
        sk.rto = Math.min(usToJiffyNs((sk.srttUs >> 3) + sk.rttvarUs), RTO_MAX);
    }

    /** packets_out in MSS units (how many segments the bytes in flight are). */
    static int packets(TcpSock sk, int bytes) {
        int mss = Math.max(sk.mss(), 1);
        return (bytes + mss - 1) / mss;
    }

    /**
     * tcp_packets_in_flight() in bytes: sent and not acknowledged, less what was SACKed and less
     * the holes below the highest SACK not retransmitted yet (presumed lost).
     */
    static int pipe(TcpSock sk) {
        int out = sk.sndNxt - sk.sndUna - (sk.finSent ? 1 : 0);
        int p = out - sk.sackedBytes;
        if (sk.caState != CA_OPEN) {
            int high = sk.sackOk ? TcpSack.highSacked(sk) : sk.highSeq;
            if (sk.caState == CA_LOSS) high = sk.highSeq;
            int from = TcpSack.after(sk.rtxNext, sk.sndUna) ? sk.rtxNext : sk.sndUna;
            if (TcpSack.after(high, from)) p -= lostBytes(sk, from, high);
            if (!sk.sackOk && sk.caState == CA_RECOVERY) p -= sk.dupAcks * Math.max(sk.mss(), 1);
        }
        return Math.max(p, 0);
    }

    private static int lostBytes(TcpSock sk, int from, int to) {
        int n = 0;
        int seq = from;
        for (int guard = 0; TcpSack.before(seq, to) && guard <= TcpSack.SB_MAX + 1; guard++) {
            seq = TcpSack.skipSacked(sk, seq);
            if (!TcpSack.before(seq, to)) break;
            int e = TcpSack.holeEnd(sk, seq, to);
            n += e - seq;
            seq = e;
        }
        return n;
    }

    /**
     * tcp_cong_avoid() for {@code ackedPkts} newly acknowledged segments: slow start below
     * ssthresh, then additive increase; only while cwnd-limited.
     */
    static void congAvoid(TcpSock sk, int ackedPkts) {
        boolean slowStart = sk.cwnd < sk.ssthresh;
        boolean limited = sk.cwndLimited || (slowStart && sk.cwnd < 2 * sk.maxPacketsOut);
        if (!limited) return;
        if (slowStart) {
            int c = Math.min(sk.cwnd + ackedPkts, sk.ssthresh);
            ackedPkts -= c - sk.cwnd;
            sk.cwnd = c;
            if (ackedPkts <= 0) return;
        }
        sk.cwndCnt += ackedPkts;
        if (sk.cwndCnt >= sk.cwnd) {
            int delta = sk.cwndCnt / sk.cwnd;
            sk.cwndCnt -= delta * sk.cwnd;
            sk.cwnd += delta;
        }
        sk.cwnd = Math.min(sk.cwnd, 0x7fff);
    }

    /** tcp_enter_recovery(): ssthresh = max(cwnd/2, 2) (tcp_reno_ssthresh), cwnd down to it. */
    static void enterRecovery(TcpSock sk) {
        sk.ssthresh = Math.max(sk.cwnd >> 1, 2);
        sk.cwnd = sk.ssthresh;
        sk.cwndCnt = 0;
        sk.caState = CA_RECOVERY;
        sk.highSeq = sk.sndNxt;
        sk.rtxNext = sk.sndUna;
    }

    /** tcp_enter_loss(): on RTO, ssthresh halved, cwnd 1, everything not SACKed is lost. */
    static void enterLoss(TcpSock sk) {
        if (sk.caState != CA_LOSS) sk.ssthresh = Math.max(sk.cwnd >> 1, 2);
        sk.cwnd = 1;
        sk.cwndCnt = 0;
        sk.caState = CA_LOSS;
        sk.highSeq = sk.sndNxt;
        sk.rtxNext = sk.sndUna;
        sk.dupAcks = 0;
    }

    /**
     * tcp_time_to_recover(): SACKed segments (or duplicate ACKs without SACK) beyond
     * tcp_reordering mean the first hole is lost.
     */
    static boolean timeToRecover(TcpSock sk) {
        int evidence = sk.sackOk ? packets(sk, sk.sackedBytes) : sk.dupAcks;
        return evidence + 1 > sk.reordering && TcpSack.after(sk.sndNxt, sk.sndUna);
    }

    /** Leaving recovery (the ACK passed high_seq): cwnd = ssthresh (tcp_end_cwnd_reduction). */
    static void exitRecovery(TcpSock sk) {
        if (sk.caState == CA_RECOVERY) sk.cwnd = Math.max(sk.ssthresh, 1);
        sk.caState = CA_OPEN;
        sk.retransOut = 0;
        sk.dupAcks = 0;
    }

    // ---- receiver

    /** tcp_grow_window(): in-order data lets rcv_ssthresh grow by two MSS up to window_clamp. */
    static void growWindow(TcpSock sk) {
        int space = (sk.rcvbuf >> 1) - sk.rbufLen - TcpSack.ofoBytes(sk);
        if (sk.rcvSsthresh < sk.windowClamp && sk.rcvSsthresh < space) {
            sk.rcvSsthresh = Math.min(sk.rcvSsthresh + 2 * sk.advmss, sk.windowClamp);
        }
    }

    /**
     * tcp_rcv_space_adjust() on each read: once per receive RTT (nsnet's is the virtual RTT, often
     * zero), when the application read more than rcvq_space in it, sk_rcvbuf grows to twice what
     * that takes (up to tcp_rmem[2]) and window_clamp with it.
     */
    static void rcvSpaceAdjust(TcpSock sk) {
        long now = sk.ns.emulation().now();
        if (now - sk.rcvqTime < sk.srttUs / 8 * 1000) return;
        long copied = sk.copied - sk.rcvqCopied;
        if (copied > sk.rcvSpace) {
            long rcvwin = (copied << 1) + 16L * sk.advmss;
            long grow = rcvwin * (copied - sk.rcvSpace) / Math.max(sk.rcvSpace, 1);
            rcvwin += grow << 1;
            int[] rmem = sk.sysctlInts("net/ipv4/tcp_rmem", new int[] {4096, 131072, 33554432});
            long buf = Math.min(rcvwin * 2, rmem[2]);
            if (buf > sk.rcvbuf) {
                sk.rcvbuf = (int) buf;
                sk.windowClamp = sk.rcvbuf / 2;
            }
            sk.rcvSpace = (int) Math.min(copied, Integer.MAX_VALUE);
        }
        sk.rcvqCopied = sk.copied;
        sk.rcvqTime = now;
    }
}
