package dev.nsnet.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    @Test
    void eventsRunInTimeOrderAndTiesInArmingOrder() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        s.schedule(30, () -> log.add("c@" + s.now()));
        s.schedule(10, () -> log.add("a@" + s.now()));
        s.schedule(30, () -> log.add("d@" + s.now()));
        s.schedule(10, () -> log.add("b@" + s.now()));
        s.runUntil(100);
        assertEquals(List.of("a@10", "b@10", "c@30", "d@30"), log);
        assertEquals(100, s.now());
    }

    @Test
    void rearmingMovesATimerAndDelDisarmsIt() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        Timer t = s.newTimer(() -> fired.add(s.now()));
        t.after(50);
        t.mod(20);
        assertTrue(t.pending());
        s.runUntil(30);
        assertEquals(List.of(20L), fired);
        assertFalse(t.pending());
        t.after(10);
        assertTrue(t.del());
        s.runUntil(1000);
        assertEquals(List.of(20L), fired);
    }

    @Test
    void eventsMayArmEventsAndConditionWaitStopsEarly() {
        Scheduler s = new Scheduler();
        int[] n = {0};
        Timer[] t = new Timer[1];
        t[0] = s.newTimer(() -> { n[0]++; t[0].after(1_000_000_000L); });
        t[0].after(1_000_000_000L);
        boolean done = s.runUntil(() -> n[0] == 100, Long.MAX_VALUE);
        assertTrue(done);
        assertEquals(100, n[0]);
        assertEquals(100_000_000_000L, s.now());
    }

    @Test
    void heapStaysConsistentUnderManyRandomOperations() {
        Scheduler s = new Scheduler();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        List<Long> fired = new ArrayList<>();
        Timer[] ts = new Timer[200];
        for (int i = 0; i < ts.length; i++) ts[i] = s.newTimer(() -> fired.add(s.now()));
        for (int k = 0; k < 5000; k++) {
            Timer t = ts[r.nextInt(ts.length)];
            if (r.nextInt(4) == 0) t.del(); else t.mod(r.nextLong(1, 1_000_000));
        }
        s.runUntil(2_000_000);
        for (int i = 1; i < fired.size(); i++) assertTrue(fired.get(i - 1) <= fired.get(i));
        assertEquals(0, s.pendingEvents());
    }
}
