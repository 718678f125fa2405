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

    /** A parms as its sysctl directory sees it, with the table whose random source rerolls reachable_time. */
    record Ref(NeighTable tbl, NeighParms p) { }

    /**
     * The files of a net.ipv4.neigh.{default,DEV} directory (neigh_sysctl_template), as a schema
     * shared by every table and device; the table mounts it, so a device costs no entries.
     */
    static Sysctl.Table<Ref> sysctlTable() {
        int max = Integer.MAX_VALUE;
        return new Sysctl.Table<Ref>()
                .addInt("anycast_delay", r -> (int) (r.p.anycastDelayMs / 10), (r, v) -> r.p.anycastDelayMs = v * 10L, 0, max)
                .addInt("app_solicit", r -> r.p.appProbes, (r, v) -> r.p.appProbes = v, 0, max)
                .addInt("base_reachable_time_ms", r -> (int) r.p.baseReachableTimeMs, (r, v) -> {
                    r.p.baseReachableTimeMs = v;
                    r.p.reachableTimeMs = r.tbl.randReachTime(v);
                }, 0, max)
                .addInt("delay_first_probe_time", r -> (int) (r.p.delayProbeTimeMs / 1000),
                        (r, v) -> r.p.delayProbeTimeMs = v * 1000L, 0, max)
                .addInt("gc_stale_time", r -> (int) (r.p.gcStaleTimeMs / 1000), (r, v) -> r.p.gcStaleTimeMs = v * 1000L, 0, max)
                .addInt("interval_probe_time_ms", r -> (int) r.p.intervalProbeTimeMs, (r, v) -> r.p.intervalProbeTimeMs = v, 1, max)
                .addInt("locktime", r -> (int) (r.p.locktimeMs / 10), (r, v) -> r.p.locktimeMs = v * 10L, 0, max)
                .addInt("mcast_resolicit", r -> r.p.mcastReprobes, (r, v) -> r.p.mcastReprobes = v, 0, max)
                .addInt("mcast_solicit", r -> r.p.mcastProbes, (r, v) -> r.p.mcastProbes = v, 0, max)
                .addInt("proxy_delay", r -> (int) (r.p.proxyDelayMs / 10), (r, v) -> r.p.proxyDelayMs = v * 10L, 0, max)
                .addInt("proxy_qlen", r -> r.p.proxyQlen, (r, v) -> r.p.proxyQlen = v, 0, max)
                .addInt("retrans_time", r -> (int) (r.p.retransTimeMs / 10), (r, v) -> r.p.retransTimeMs = v * 10L, 0, max)
                .addInt("retrans_time_ms", r -> (int) r.p.retransTimeMs, (r, v) -> r.p.retransTimeMs = v, 0, max)
                .addInt("base_reachable_time", r -> (int) (r.p.baseReachableTimeMs / 1000), (r, v) -> {
                    r.p.baseReachableTimeMs = v * 1000L;
                    r.p.reachableTimeMs = r.tbl.randReachTime(r.p.baseReachableTimeMs);
                }, 0, max)
                .addInt("ucast_solicit", r -> r.p.ucastProbes, (r, v) -> r.p.ucastProbes = v, 0, max)
                .addInt("unres_qlen", r -> r.p.queueLenBytes / ETH_FRAME_TRUESIZE,
                        (r, v) -> r.p.queueLenBytes = v * ETH_FRAME_TRUESIZE, 0, max / ETH_FRAME_TRUESIZE)
                .addInt("unres_qlen_bytes", r -> r.p.queueLenBytes, (r, v) -> r.p.queueLenBytes = v, 0, max);
    }
}
