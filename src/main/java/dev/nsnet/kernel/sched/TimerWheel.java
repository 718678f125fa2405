package dev.nsnet.kernel.sched;

/**
 * When a jiffies timer really fires: kernel/time/timer.c's timer wheel ({@code calc_wheel_index},
 * {@code calc_index}). A timer {@code delta} jiffies away is filed in a level whose buckets are
 * 8^level jiffies wide (level 0 below 63 jiffies, level 1 below 504, level 2 below 4032, ...), and
 * its expiry is rounded UP to the next bucket boundary so it never fires early. So at CONFIG_HZ=250
 * (the recording host) a 1 s TCP SYN retransmission timer fires 1.004-1.032 s after it was armed,
 * after a user-space poll() timeout of exactly 1 s (nc -w 1 gives up first, and sends one SYN).
 */
public final class TimerWheel {
    /** One jiffy at CONFIG_HZ=250, in ns. */
    public static final long JIFFY_NS = 4_000_000L;
    private static final int LVL_CLK_SHIFT = 3, LVL_SIZE = 64, LVL_DEPTH = 9;

    private TimerWheel() { }

    /**
     * The virtual time (ns) at which a timer armed at {@code nowNs} with a timeout of
     * {@code delayNs} (a whole number of jiffies, rounded up otherwise) fires.
     */
    public static long expiry(long nowNs, long delayNs) {
        long clk = nowNs / JIFFY_NS;
        long delta = Math.max(0, (delayNs + JIFFY_NS - 1) / JIFFY_NS);
        long expires = clk + delta;
        int lvl = 0;
        while (lvl < LVL_DEPTH - 1 && delta >= levelStart(lvl + 1)) lvl++;
        int shift = lvl * LVL_CLK_SHIFT;
        long bucket = ((expires >> shift) + 1) << shift;
        return bucket * JIFFY_NS;
    }

    /** LVL_START(n): the first delta filed in level n. */
    private static long levelStart(int n) { return (long) (LVL_SIZE - 1) << ((n - 1) * LVL_CLK_SHIFT); }
}
