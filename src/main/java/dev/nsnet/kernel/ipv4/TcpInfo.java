package dev.nsnet.kernel.ipv4;

/**
 * {@code struct tcp_info} as {@code tcp_get_info()} (net/ipv4/tcp.c) fills it for inet_diag, plus
 * the congestion control name (INET_DIAG_CONG) and the socket memory of INET_DIAG_SKMEMINFO
 * ({@code sk_get_meminfo}). Units as the kernel's: times in microseconds (rto, ato, rtt, rttvar,
 * min_rtt, busy_time), the "last" times in milliseconds, rates in bytes per second; ~0 means
 * unset where the kernel uses it so. Times run on the virtual clock in whole jiffies (HZ=250).
 */
public record TcpInfo(int state, int caState, int backoff, boolean ts, boolean sack, boolean wscale,
                      int sndWscale, int rcvWscale, long rto, long ato, int sndMss, int rcvMss, int unacked,
                      int sacked, int lost, int retrans, long lastDataSent, long lastDataRecv, long lastAckRecv,
                      int pmtu, int rcvSsthresh, long rtt, long rttvar, int sndSsthresh, int sndCwnd, int advmss,
                      int reordering, int rcvSpace, int totalRetrans, long pacingRate, long bytesAcked,
                      long bytesReceived, int segsOut, int segsIn, int notsentBytes, long minRtt, int dataSegsIn,
                      int dataSegsOut, long deliveryRate, boolean appLimited, long busyTime, int delivered,
                      long bytesSent, long bytesRetrans, int dsackDups, int rcvOoopack, int sndWnd, String cong,
                      int rmemAlloc, int rcvbuf, int wmemAlloc, int sndbuf, int fwdAlloc, int wmemQueued) {

    /** tcp_get_info() of {@code sk} now. */
    public static TcpInfo of(TcpSock sk) {
        long now = sk.ns.emulation().now();
        String cong = sk.congName();
        int[] wmem = sk.sysctlInts("net/ipv4/tcp_wmem", new int[] {4096, 16384, 4194304});
        if (sk.state == TcpSock.LISTEN) {
            // a listener reports its accept queue in unacked, its backlog in sacked (ss shows neither sacked)
            return new TcpInfo(sk.state, 0, 0, false, false, false, 0, 0, 0, 0, 0, 0, sk.acceptQueue.size(),
                    sk.backlog, 0, 0, 0, 0, 0, 0, 0, 0, 0, TcpCong.INFINITE_SSTHRESH, TcpSock.INIT_CWND, 0, 3,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, cong,
                    0, sk.rcvbuf, 0, sk.sndbuf0, 0, 0);
        }
        int mss = Math.max(sk.mss(), 1);
        int outBytes = sk.sndNxt - sk.sndUna;
        int unacked = outBytes <= 0 ? 0 : (outBytes + mss - 1) / mss;
        int sacked = (sk.sackedBytes + mss - 1) / mss;
        // tcp_bound_to_half_wnd(): mss_cache is at most half the largest window the peer offered
        int sndMss = mss;
        if (sk.maxWindow > 536 && sndMss > sk.maxWindow >> 1) sndMss = Math.max(sk.maxWindow >> 1, 68 - 40);
        int advmss = sk.advmss - (sk.tsOk ? 12 : 0);
        long srtt = sk.srttUs >> 3;
        // tcp_update_pacing_rate(): 200% of cwnd*mss per RTT in slow start, 120% after
        long pacing = 0;
        if (sk.srttUs != 0) {
            long ratio = sk.cwnd < sk.ssthresh / 2 ? 200 : 120;
            pacing = (long) mss * Math.max(sk.cwnd, unacked) * ratio * 8 * 10_000L / sk.srttUs;
        }
        int notsent = Math.max(sk.sbufLen - Math.max(outBytes - (sk.finSent ? 1 : 0), 0), 0);
        long busy = sk.busyNs + (sk.busyStart >= 0 ? now - sk.busyStart : 0);
        int rmemAlloc = sk.rbufLen + TcpSack.ofoBytes(sk);
        int sndbuf = sk.sndbuf(wmem);
        boolean synced = sk.state != TcpSock.SYN_SENT && sk.state != TcpSock.SYN_RECV;
        return new TcpInfo(sk.state, sk.caState, sk.backoff, sk.tsOk, sk.sackOk, sk.wscaleOk && synced,
                sk.sndWscale, sk.rcvWscale, sk.rto / 1000, sk.ato / 1000, sndMss, sk.rcvMss, unacked, sacked,
                sk.lostOut, sk.retransOut,
                sinceMs(now, sk.lastDataSent), sinceMs(now, sk.lastDataRecv), sinceMs(now, sk.lastAckRecv),
                sk.route == null ? 0 : IpOutput.mtu(sk.route), sk.rcvSsthresh, srtt, sk.mdevUs >> 2, sk.ssthresh,
                sk.cwnd, advmss, sk.reordering, sk.rcvSpace, sk.totalRetrans, pacing, sk.bytesAcked,
                sk.bytesReceived, sk.segsOut, sk.segsIn, notsent, sk.minRttUs < 0 ? -1 : sk.minRttUs,
                sk.dataSegsIn, sk.dataSegsOut, 0, !sk.cwndLimited, busy / 1000, sk.delivered, sk.bytesSent,
                sk.bytesRetrans, sk.dsackDups, sk.rcvOoopack, sk.sndWnd, cong, rmemAlloc, sk.rcvbuf, 0, sndbuf, 0,
                sk.sbufLen);
    }

    /** jiffies_to_msecs(now - then) in whole jiffies. */
    private static long sinceMs(long now, long then) {
        return (now / TcpSock.JIFFY - then / TcpSock.JIFFY) * (TcpSock.JIFFY / TcpSock.MS);
    }
}
