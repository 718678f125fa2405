package dev.nsnet.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bucket expiries of kernel/time/timer.c at HZ=250, worked out by hand from calc_wheel_index. */
class TimerWheelTest {
    private static final long MS = 1_000_000L;

    @Test
    void levelZeroFiresOneJiffyLate() {
        // 200 ms = 50 jiffies < 63: level 0, expiry + 1 jiffy
        assertEquals(204 * MS, TimerWheel.expiry(0, 200 * MS));
        // armed 1 ms into jiffy 0: still filed from clk 0
        assertEquals(1 * MS + 203 * MS, TimerWheel.expiry(1 * MS, 200 * MS));
    }

    @Test
    void oneSecondRoundsUpToTheLevelOneBucket() {
        // 250 jiffies: level 1 (8-jiffy buckets): ((250 >> 3) + 1) << 3 = 256 jiffies
        assertEquals(1024 * MS, TimerWheel.expiry(0, 1000 * MS));
        // from jiffy 7 (28 ms): expires 257 -> bucket 264 -> 1.056 s, i.e. 1.028 s after arming
        assertEquals(1056 * MS, TimerWheel.expiry(28 * MS, 1000 * MS));
        // never early
        for (long t = 0; t < 100 * MS; t += 3 * MS) {
            long e = TimerWheel.expiry(t, 1000 * MS);
            assert e - t > 1000 * MS && e - t <= 1036 * MS : (e - t);
        }
    }

    @Test
    void levelTwoUses64JiffyBuckets() {
        // 3 s = 750 jiffies: level 2: ((750 >> 6) + 1) << 6 = 768 jiffies
        assertEquals(3072 * MS, TimerWheel.expiry(0, 3000 * MS));
    }
}
