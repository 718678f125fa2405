package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Task;
import dev.nsnet.scenario.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Background jobs at the shell's prompt, inside an entered namespace too, and Ctrl-C's SIGINT. */
class ShellJobsTest {
    @Test
    void jobsAtThePrompt() {
        Session s = new Session(1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ShellSession sh = new ShellSession(s, ps, ps);
        sh.accept("ip netns add a");
        sh.accept("ip netns exec a bash");
        sh.accept("ip link set lo up");
        sh.accept("ping -c 2 127.0.0.1 &");
        sh.accept("jobs");
        sh.accept("wait %1");
        assertEquals(0, sh.lastStatus);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[1]+  Running                 ping -c 2 127.0.0.1 &\n"), out);
        assertTrue(out.contains("2 packets transmitted, 2 received"), out);
        sh.accept("sleep 100 &");
        sh.accept("kill %1");
        sh.accept("jobs");
        assertEquals(0, sh.lastStatus);
        assertEquals(0, s.jobs.jobs().size());
    }

    @Test
    void ctrlCInterruptsTheForegroundPing() {
        Session s = new Session(1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream term = new PrintStream(buf, true, StandardCharsets.UTF_8);
        s.execute("ip link set lo up", term, term);
        // what the terminal's INT handler does while a line runs: SIGINT to the task, delivered
        // by the driver between events (here in the 1 ms gap before the next line)
        s.execute("ping -c 100 127.0.0.1 &", term, term);
        Task job = s.jobs.current().task();
        s.emulation.processes.killAsync(job, Task.SIGINT);
        assertEquals(0, s.execute("true", term, term));
        assertTrue(job.done());
        assertEquals(0, job.exitStatus());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 received"), out);
    }
}
