package dev.nsnet.tools.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/** coreutils sleep on the virtual clock and bash's exit (expectations from bash 5.2 / coreutils 9.1, LC_ALL=C). */
class SleepExitTest {
    private static final long S = 1_000_000_000L;

    /** Virtual nanoseconds the line took, beyond the start-up gap. */
    private static long slept(String line) {
        Session s = new Session(1);
        long t0 = s.emulation.now();
        assertEquals(new Session.Result(0, ""), s.capture(line), line);
        return s.emulation.now() - t0 - Session.LINE_GAP_NS;
    }

    @Test
    void sleepsVirtualTime() {
        assertEquals(S, slept("sleep 1"));
        assertEquals(S, slept("sleep 0.5s 0.5"));
        assertEquals(15 * S, slept("sleep 0.25m"));
        assertEquals(1_000_000, slept("sleep 1e-3"));
        assertEquals(0, slept("sleep 0"));
        assertEquals(3 * S, slept("sleep 0x3"));
    }

    @Test
    void sleepingPastTwentySecondsIsKilledLikeTheRecorder() {
        Session s = new Session(1);
        assertEquals(new Session.Result(124, ""), s.capture("sleep inf"));
        assertEquals(new Session.Result(124, ""), s.capture("sleep 1d"));
        assertEquals(new Session.Result(124, ""), s.capture("sleep 0x1d")); // 29 s: d is a hex digit
    }

    @Test
    void sleepErrors() {
        Session s = new Session(1);
        assertEquals(new Session.Result(1, "sleep: missing operand\nTry 'sleep --help' for more information.\n"),
                s.capture("sleep"));
        assertEquals(new Session.Result(1, "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n"),
                s.capture("sleep abc"));
        assertEquals(new Session.Result(1, "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n"),
                s.capture("sleep 1x"));
        assertEquals(new Session.Result(1, "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n"),
                s.capture("sleep -1"));
        assertEquals(0, s.capture("sleep --help").exitStatus());
    }

    @Test
    void exitStatus() {
        Session s = new Session(1);
        assertEquals(new Session.Result(0, ""), s.capture("exit"));
        assertEquals(new Session.Result(3, ""), s.capture("exit 3"));
        assertEquals(new Session.Result(44, ""), s.capture("exit 300"));
        assertEquals(new Session.Result(255, ""), s.capture("exit -1"));
        assertEquals(new Session.Result(2, "bash: line 1: exit: abc: numeric argument required\n"), s.capture("exit abc"));
        assertEquals(new Session.Result(1, "bash: line 1: exit: too many arguments\n"), s.capture("exit 1 2"));
    }
}
