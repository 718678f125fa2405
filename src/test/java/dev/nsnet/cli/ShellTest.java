package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.scenario.Session;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's namespace handling and prompt, and TAB completion from the live world. */
class ShellTest {
    @Test
    void enterAndLeaveANamespace() throws Exception {
        Session s = new Session(1);
        NetNamespace a = s.host.createNetns();
        s.host.nameNetns("a", a);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ShellSession sh = new ShellSession(s, ps, ps);
        assertEquals("nsnet:root# ", sh.prompt());
        sh.accept("ip netns exec a bash");
        assertEquals("nsnet:a# ", sh.prompt());
        assertEquals(a, sh.current());
        sh.accept("ip netns exec nope sh");
        assertEquals(255, sh.lastStatus);
        assertEquals("nsnet:a# ", sh.prompt());
        sh.accept("exit");
        assertEquals("nsnet:root# ", sh.prompt());
        assertTrue(!sh.done);
        sh.runPlain(new BufferedReader(new StringReader("echo hello\n# comment\nnosuch\nexit 3\necho never\n")));
        assertTrue(sh.done);
        assertEquals(3, sh.lastStatus);
        assertEquals("Cannot open network namespace \"nope\": No such file or directory\nhello\n"
                + "bash: line 1: nosuch: command not found\n", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void completionFromTheLiveWorld() {
        Session s = new Session(1);
        NetNamespace a = s.host.createNetns();
        s.host.nameNetns("pod1", a);
        s.host.nameNetns("pod2", s.host.createNetns());
        ShellCompletion c = new ShellCompletion(s.host, s.registry);
        NetNamespace root = s.host.rootNs;
        assertTrue(c.candidates(List.of(), root).containsAll(List.of("echo", "exit", "help")));
        assertTrue(c.candidates(List.of("ip"), root).containsAll(List.of("link", "address", "route", "netns", "-n")));
        assertEquals(List.of("add", "delete", "set", "show", "help"), c.candidates(List.of("ip", "link"), root));
        assertEquals(List.of("add", "delete", "set", "show", "help"), c.candidates(List.of("ip", "l"), root));
        assertEquals(List.of("pod1", "pod2"), c.candidates(List.of("ip", "netns", "exec"), root));
        assertEquals(List.of("pod1", "pod2"), c.candidates(List.of("ip", "-n"), root));
        assertEquals(List.of("lo"), c.candidates(List.of("ip", "-n", "pod1", "addr", "show", "dev"), root));
        assertEquals(List.of("lo"), c.candidates(List.of("ip", "netns", "exec", "pod1", "ip", "link", "set", "dev"), root));
        assertTrue(c.candidates(List.of("ip", "netns", "exec", "pod1"), root).contains("echo"));
        assertTrue(c.candidates(List.of("ip", "link", "add", "x", "type"), root).contains("veth"));
        assertTrue(c.candidates(List.of("ip", "link", "set"), root).contains("lo"));
    }
}
