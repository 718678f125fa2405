package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Sysctl;

/**
 * {@code struct neigh_parms} of the ARP table: the knobs of net.ipv4.neigh.{default,DEV}.*, with
 * the kernel's defaults (net/ipv4/arp.c arp_tbl). Times are kept in milliseconds; the sysctl
 * files show some in seconds and some in USER_HZ ticks, as the kernel's proc handlers do.
 */
public final class NeighParms {
    public static final long MS = 1_000_000L;

    public int mcastProbes = 3, ucastProbes = 3, appProbes = 0, mcastReprobes = 0;
    public long retransTimeMs = 1000, baseReachableTimeMs = 30_000, delayProbeTimeMs = 5000,
            gcStaleTimeMs = 60_000, intervalProbeTimeMs = 5000, anycastDelayMs = 1000,
            proxyDelayMs = 800, locktimeMs = 1000;
    public int queueLenBytes = 212_992, proxyQlen = 64;
    /** reachable_time: base_reachable_time randomised to [base/2, 3*base/2) by neigh_rand_reach_time(). */
    public long reachableTimeMs;

    NeighParms copy() {
        NeighParms p = new NeighParms();
        p.mcastProbes = mcastProbes; p.ucastProbes = ucastProbes; p.appProbes = appProbes;
        p.mcastReprobes = mcastReprobes; p.retransTimeMs = retransTimeMs;
        p.baseReachableTimeMs = baseReachableTimeMs; p.delayProbeTimeMs = delayProbeTimeMs;
        p.gcStaleTimeMs = gcStaleTimeMs; p.intervalProbeTimeMs = intervalProbeTimeMs;
        p.anycastDelayMs = anycastDelayMs; p.proxyDelayMs = proxyDelayMs; p.locktimeMs = locktimeMs;
        p.queueLenBytes = queueLenBytes; p.proxyQlen = proxyQlen; p.reachableTimeMs = reachableTimeMs;
        return p;
    }

    /** SKB_TRUESIZE(ETH_FRAME_LEN): how unres_qlen (packets) converts to unres_qlen_bytes. */
    static final int ETH_FRAME_TRUESIZE = 2104;

    /** Registers this parms' files below {@code prefix} ("net/ipv4/neigh/eth0/"). */
    void registerSysctl(Sysctl s, String prefix, NeighTable tbl) {
        s.registerInt(prefix + "anycast_delay", () -> (int) (anycastDelayMs / 10), v -> anycastDelayMs = v * 10L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "app_solicit", () -> appProbes, v -> appProbes = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "base_reachable_time_ms", () -> (int) baseReachableTimeMs, v -> {
            baseReachableTimeMs = v;
            reachableTimeMs = tbl.randReachTime(v);
        }, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "delay_first_probe_time", () -> (int) (delayProbeTimeMs / 1000), v -> delayProbeTimeMs = v * 1000L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "gc_stale_time", () -> (int) (gcStaleTimeMs / 1000), v -> gcStaleTimeMs = v * 1000L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "interval_probe_time_ms", () -> (int) intervalProbeTimeMs, v -> intervalProbeTimeMs = v, 1, Integer.MAX_VALUE);
        s.registerInt(prefix + "locktime", () -> (int) (locktimeMs / 10), v -> locktimeMs = v * 10L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "mcast_resolicit", () -> mcastReprobes, v -> mcastReprobes = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "mcast_solicit", () -> mcastProbes, v -> mcastProbes = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "proxy_delay", () -> (int) (proxyDelayMs / 10), v -> proxyDelayMs = v * 10L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "proxy_qlen", () -> proxyQlen, v -> proxyQlen = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "retrans_time", () -> (int) (retransTimeMs / 10), v -> retransTimeMs = v * 10L, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "retrans_time_ms", () -> (int) retransTimeMs, v -> retransTimeMs = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "base_reachable_time", () -> (int) (baseReachableTimeMs / 1000), v -> {
            baseReachableTimeMs = v * 1000L;
            reachableTimeMs = tbl.randReachTime(baseReachableTimeMs);
        }, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "ucast_solicit", () -> ucastProbes, v -> ucastProbes = v, 0, Integer.MAX_VALUE);
        s.registerInt(prefix + "unres_qlen", () -> queueLenBytes / ETH_FRAME_TRUESIZE,
                v -> queueLenBytes = v * ETH_FRAME_TRUESIZE, 0, Integer.MAX_VALUE / ETH_FRAME_TRUESIZE);
        s.registerInt(prefix + "unres_qlen_bytes", () -> queueLenBytes, v -> queueLenBytes = v, 0, Integer.MAX_VALUE);
    }
}
