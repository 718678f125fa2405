package dev.nsnet.tools.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * Background jobs in scripts (golden/300-302 hold the kernel-recorded cases): the job table,
 * wait's status, kill, and the processes that ip netns pids / identify see while a job runs.
 */
class JobsTest {
    private static String run(String script) {
        return Transcript.run(Script.parse("t", script), new Session(1));
    }

    @Test
    void waitReturnsTheJobsStatusAndForgetsIt() {
        assertEquals("""
                $ sleep 1 &
                $ jobs
                [1]+  Running                 sleep 1 &
                $ wait %1
                $ wait %1
                bash: line 1: wait: %1: no such job
                [exit 127]
                $ sleep x &
                sleep: invalid time interval 'x'
                Try 'sleep --help' for more information.
                $ jobs
                """, run("sleep 1 &\njobs\nwait %1\nwait %1\nsleep x &\njobs\n"));
    }

    @Test
    void jobNumbersAndCurrentMarks() {
        // as bash 5.2 in a script (checked with the recorder's shell loop): %- is resolved before the
        // job dies, so both name [2]; a new job gets the highest number in use plus one
        assertEquals("""
                $ sleep 5 &
                $ sleep 5 &
                $ sleep 5 &
                $ jobs
                [1]   Running                 sleep 5 &
                [2]-  Running                 sleep 5 &
                [3]+  Running                 sleep 5 &
                $ kill %2 %-
                $ jobs
                [1]-  Running                 sleep 5 &
                [3]+  Running                 sleep 5 &
                $ sleep 5 &
                $ jobs %2
                bash: line 1: jobs: %2: no such job
                [exit 1]
                $ jobs
                [1]   Running                 sleep 5 &
                [3]-  Running                 sleep 5 &
                [4]+  Running                 sleep 5 &
                """, run("sleep 5 &\nsleep 5 &\nsleep 5 &\njobs\nkill %2 %-\njobs\nsleep 5 &\njobs %2\njobs\n"));
    }

    @Test
    void sigkillIsReportedWithThePidLikeBash() {
        // bash reports a job's death after it next waits for a foreground process: in the recorder
        // that is the 0.1 s sleep after `kill`, so the line lands under the kill line itself
        Session s = new Session(1);
        s.capture("sleep 30 &");
        int pid = s.jobs.current().pid();
        assertEquals(new Session.Result(0, "bash: line 1: " + pid + " Killed                  sleep 30\n"),
                s.capture("kill -9 %1"));
        assertEquals(new Session.Result(0, ""), s.capture("true"));
    }

    /** Recorded with scripts/record-golden.sh on the real kernel (bash 5.2), PIDs blanked. */
    @Test
    void reportedSignalDeathsLandUnderTheLineDuringWhichTheJobDied() {
        String t = run("""
                ip link set lo up
                sleep 5 &
                kill -9 %1
                echo after-kill
                sleep 5 &
                kill -9 %1
                jobs
                echo third
                ping -c 30 -i 0.2 -q 127.0.0.1 &
                kill -KILL %1
                wait
                sleep 3 &
                kill -HUP %1
                sleep 0.5
                echo y
                """).replaceAll("line 1: \\d+ ", "line 1: PID ");
        assertEquals("""
                $ ip link set lo up
                $ sleep 5 &
                $ kill -9 %1
                bash: line 1: PID Killed                  sleep 5
                $ echo after-kill
                after-kill
                $ sleep 5 &
                $ kill -9 %1
                bash: line 1: PID Killed                  sleep 5
                $ jobs
                $ echo third
                third
                $ ping -c 30 -i 0.2 -q 127.0.0.1 &
                PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
                $ kill -KILL %1
                bash: line 1: PID Killed                  ping -c 30 -i 0.2 -q 127.0.0.1
                $ wait
                $ sleep 3 &
                $ kill -HUP %1
                bash: line 1: PID Hangup                  sleep 3
                $ sleep 0.5
                $ echo y
                y
                """, t);
    }

    @Test
    void ipNetnsPidsAndIdentifySeeARunningJob() {
        Session s = new Session(1);
        s.capture("ip netns add ns1");
        s.capture("ip netns exec ns1 sleep 10 &");
        String pids = s.capture("ip netns pids ns1").output();
        assertEquals(1, pids.lines().count(), pids);
        int pid = Integer.parseInt(pids.strip());
        assertEquals(new Session.Result(0, "ns1\n"), s.capture("ip netns identify " + pid));
        assertEquals(new Session.Result(0, ""), s.capture("kill " + pid));
        assertEquals(new Session.Result(0, ""), s.capture("ip netns pids ns1"));
        assertEquals(new Session.Result(1, "bash: line 1: kill: (" + pid + ") - No such process\n"),
                s.capture("kill " + pid));
    }

    @Test
    void jobsStillRunningAtTheEndOfAScriptAreKilledSilently() {
        Session s = new Session(1);
        String t = Transcript.run(Script.parse("t", "ip netns add a\nip netns exec a sleep 100 &\n"), s);
        assertEquals("$ ip netns add a\n$ ip netns exec a sleep 100 &\n", t);
        assertEquals(new Session.Result(0, ""), s.capture("ip netns pids a"));
    }

    @Test
    void aForegroundLineLetsBackgroundJobsRun() {
        // the job's pings land under the line that is running when they are written
        String t = run("""
                ip link set lo up
                ping -c 3 -i 0.5 127.0.0.1 &
                sleep 0.7
                wait
                """);
        String[] parts = t.split("\\$ ");
        assertEquals(1, parts[2].lines().filter(l -> l.startsWith("64 bytes")).count(), t);
        assertEquals(1, parts[3].lines().filter(l -> l.startsWith("64 bytes")).count(), t);
        assertEquals(1, parts[4].lines().filter(l -> l.startsWith("64 bytes")).count(), t);
    }
}
