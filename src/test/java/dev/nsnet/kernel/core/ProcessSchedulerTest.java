package dev.nsnet.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baton scheduler: tasks block on the virtual clock, interleave deterministically, take signals. */
class ProcessSchedulerTest {
    private static final long MS = 1_000_000L;

    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final ProcessScheduler ps = emu.processes;

    /** A task that logs "name@ms" every {@code step} ms, {@code n} times. */
    private Task ticker(List<String> log, String name, long step, int n) {
        Process p = host.spawn(name, host.rootNs);
        return ps.start(p, () -> {
            for (int i = 0; i < n; i++) {
                ps.sleepUntil(emu.now() + step * MS);
                log.add(name + "@" + emu.now() / MS);
            }
            return 7;
        });
    }

    @Test
    void tasksInterleaveByVirtualTimeAndStartOrder() {
        List<String> log = new ArrayList<>();
        Task a = ticker(log, "a", 10, 3);
        Task b = ticker(log, "b", 15, 2);
        assertFalse(a.done());
        assertNull(ps.current());
        assertTrue(ps.waitFor(() -> a.done() && b.done(), Long.MAX_VALUE));
        // at 30 ms both wake; a went to sleep first (at 20 ms, b at 15 ms... b's second sleep began at 15)
        assertEquals(List.of("a@10", "b@15", "a@20", "b@30", "a@30"), log);
        assertEquals(7, a.exitStatus());
        assertEquals(30 * MS, emu.now());
    }

    @Test
    void sameRunTwiceGivesTheSameOrder() {
        List<String> first = run();
        assertEquals(first, run());
    }

    private static List<String> run() {
        ProcessSchedulerTest t = new ProcessSchedulerTest();
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 5; i++) t.ticker(log, "t" + i, 3 + i, 4);
        t.ps.sleepUntil(100 * MS);
        return log;
    }

    @Test
    void aTaskRunsUntilItFirstBlocksWhenStarted() {
        List<String> log = new ArrayList<>();
        Process p = host.spawn("x", host.rootNs);
        ps.start(p, () -> {
            log.add("before");
            ps.sleepUntil(emu.now() + MS);
            log.add("after");
            return 0;
        });
        assertEquals(List.of("before"), log);
        ps.sleepUntil(emu.now() + MS);
        assertEquals(List.of("before", "after"), log);
    }

    @Test
    void waitForWakesOnAConditionSetByATimer() {
        boolean[] flag = {false};
        emu.scheduler.schedule(5 * MS, () -> flag[0] = true);
        long[] woke = {-1};
        Process p = host.spawn("w", host.rootNs);
        Task t = ps.start(p, () -> {
            boolean ok = ps.waitFor(() -> flag[0], emu.now() + 100 * MS);
            woke[0] = emu.now();
            return ok ? 0 : 1;
        });
        ps.waitFor(t::done, Long.MAX_VALUE);
        assertEquals(0, t.exitStatus());
        assertEquals(5 * MS, woke[0]);
    }

    @Test
    void waitForTimesOutAtTheDeadline() {
        Process p = host.spawn("w", host.rootNs);
        Task t = ps.start(p, () -> ps.waitFor(() -> false, emu.now() + 7 * MS) ? 0 : 1);
        ps.waitFor(t::done, Long.MAX_VALUE);
        assertEquals(1, t.exitStatus());
        assertEquals(7 * MS, emu.now());
    }

    @Test
    void aSignalWithoutHandlerKillsWithStatus128PlusN() {
        List<String> log = new ArrayList<>();
        Task t = ticker(log, "k", 10, 100);
        ps.sleepUntil(25 * MS);
        ps.kill(t, Task.SIGTERM);
        assertTrue(t.done());
        assertEquals(128 + 15, t.exitStatus());
        assertEquals(List.of("k@10", "k@20"), log);
    }

    @Test
    void aHandledSignalRunsTheHandlerInTheTask() {
        boolean[] stop = {false};
        Process p = host.spawn("h", host.rootNs);
        Task t = ps.start(p, () -> {
            ps.onSignal(Task.SIGINT, () -> stop[0] = true);
            ps.waitFor(() -> stop[0], Long.MAX_VALUE);
            return stop[0] ? 3 : 4;
        });
        ps.sleepUntil(50 * MS);
        assertFalse(t.done());
        ps.kill(t, Task.SIGINT);
        assertTrue(t.done());
        assertEquals(3, t.exitStatus());
        assertEquals(50 * MS, emu.now());
    }

    @Test
    void killAllEndsEverySleepingTask() {
        List<String> log = new ArrayList<>();
        Task a = ticker(log, "a", 10, 100);
        Task b = ticker(log, "b", 10, 100);
        ps.killAll();
        assertTrue(a.done() && b.done());
        assertEquals(128 + 9, a.exitStatus());
    }

    @Test
    void theDriverReturnsWhenNothingCanHappen() {
        Process p = host.spawn("stuck", host.rootNs);
        Task t = ps.start(p, () -> ps.waitFor(() -> false, Long.MAX_VALUE) ? 0 : 1);
        assertFalse(ps.waitFor(t::done, Long.MAX_VALUE));
        assertFalse(t.done());
        ps.kill(t, Task.SIGKILL);
        assertTrue(t.done());
    }
}
