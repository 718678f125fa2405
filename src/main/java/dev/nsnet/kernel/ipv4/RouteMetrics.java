package dev.nsnet.kernel.ipv4;

import java.util.Arrays;
import java.util.Objects;

/**
 * A route's RTA_METRICS ({@code fib_info->fib_metrics}, net/ipv4/metrics.c): mtu, advmss,
 * hoplimit, initcwnd ... with the lock bits, clamped as ip_metrics_convert() does.
 */
public final class RouteMetrics {
    public static final int RTAX_LOCK = 1, RTAX_MTU = 2, RTAX_WINDOW = 3, RTAX_RTT = 4, RTAX_RTTVAR = 5,
            RTAX_SSTHRESH = 6, RTAX_CWND = 7, RTAX_ADVMSS = 8, RTAX_REORDERING = 9, RTAX_HOPLIMIT = 10,
            RTAX_INITCWND = 11, RTAX_FEATURES = 12, RTAX_RTO_MIN = 13, RTAX_INITRWND = 14, RTAX_QUICKACK = 15,
            RTAX_CC_ALGO = 16, RTAX_FASTOPEN_NO_COOKIE = 17, RTAX_MAX = 17;

    private final long[] val = new long[RTAX_MAX + 1];
    private final boolean[] set = new boolean[RTAX_MAX + 1];
    private int lock;
    private String ccAlgo;

    public void put(int type, long value) {
        set[type] = true;
        val[type] = value;
    }

    public void lock(int type) { lock |= 1 << type; }

    public void ccAlgo(String name) {
        ccAlgo = name;
        set[RTAX_CC_ALGO] = true;
    }

    public boolean has(int type) { return set[type]; }

    /** The value, 0 when unset (then the device/protocol default applies). */
    public long get(int type) { return val[type]; }

    public boolean locked(int type) { return (lock & (1 << type)) != 0; }

    public int lockMask() { return lock; }

    public String ccAlgo() { return ccAlgo; }

    public boolean isEmpty() {
        for (boolean b : set) if (b) return false;
        return lock == 0;
    }

    /** ip_metrics_convert()'s clamps. */
    void convert() {
        if (set[RTAX_MTU] && val[RTAX_MTU] > 65535 - 15) val[RTAX_MTU] = 65535 - 15;
        if (set[RTAX_ADVMSS] && val[RTAX_ADVMSS] > 65535 - 40) val[RTAX_ADVMSS] = 65535 - 40;
        if (set[RTAX_HOPLIMIT] && val[RTAX_HOPLIMIT] > 255) val[RTAX_HOPLIMIT] = 255;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteMetrics m && Arrays.equals(val, m.val) && Arrays.equals(set, m.set)
                && lock == m.lock && Objects.equals(ccAlgo, m.ccAlgo);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(val) * 31 + lock; }
}
