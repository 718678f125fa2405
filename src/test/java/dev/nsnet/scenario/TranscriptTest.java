package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.echo.Echo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript format of CONFORMANCE.md, with tools whose behaviour the test controls. */
class TranscriptTest {
    /** Writes out and err interleaved, then exits with the status given as first argument. */
    static final class Chatty implements Tool {
        @Override public String name() { return "chatty"; }

        @Override public int run(ToolContext ctx, List<String> args) {
            ctx.out().print("out1\n");
            ctx.err().print("err1\n");
            ctx.out().print("out2\n");
            ctx.err().print("no newline at end");
            return Integer.parseInt(args.get(0));
        }
    }

    /** Prints its standard input and the namespace it ran in. */
    static final class Cat implements Tool {
        @Override public String name() { return "cat"; }

        @Override public int run(ToolContext ctx, List<String> args) {
            ctx.out().print(ctx.stdin() == null ? "(no stdin)\n" : ctx.stdin());
            ctx.out().println(ctx.netns() == ctx.host().rootNs ? "root" : "other");
            return 0;
        }
    }

    static final class Boom implements Tool {
        @Override public String name() { return "boom"; }

        @Override public int run(ToolContext ctx, List<String> args) { throw new IllegalStateException("bug"); }
    }

    /** Prints a tick every virtual second, for ever (like ping without -c). */
    static final class Forever implements Tool {
        @Override public String name() { return "forever"; }

        @Override public int run(ToolContext ctx, List<String> args) {
            for (int i = 1; ; i++) {
                ctx.emulation().scheduler.sleep(1_000_000_000L);
                ctx.out().println("tick " + i);
            }
        }
    }

    private static Session session() {
        return new Session(1, new ToolRegistry().register(new Chatty()).register(new Cat())
                .register(new Echo()).register(new Boom()).register(new Forever()));
    }

    @Test
    void aLineStillRunningAfter20VirtualSecondsIsKilledLikeTimeout20() {
        Session s = session();
        long t0 = s.emulation.now();
        String t = Transcript.run(Script.parse("t", "forever\necho next\n"), s);
        assertTrue(t.startsWith("$ forever\ntick 1\n"), t);
        assertTrue(t.endsWith("tick 19\n[exit 124]\n$ echo next\nnext\n"), t);
        assertEquals(t0 + 2 * Session.LINE_GAP_NS + Session.LINE_TIMEOUT_NS, s.emulation.now());
        assertTrue(s.host.processes().isEmpty(), "the killed process is gone");
    }

    @Test
    void mergesStreamsInWriteOrderAndAddsExitLines() {
        Script s = Script.parse("t", "# comment\n  chatty 0  \n\nchatty 3\necho done\n");
        assertEquals("""
                $ chatty 0
                out1
                err1
                out2
                no newline at end
                $ chatty 3
                out1
                err1
                out2
                no newline at end
                [exit 3]
                $ echo done
                done
                """, Transcript.run(s, session()));
    }

    @Test
    void unknownCommandIsBashsCommandNotFound() {
        assertEquals("""
                $ frobnicate --now
                bash: line 1: frobnicate: command not found
                [exit 127]
                $ echo still running
                still running
                """, Transcript.run(Script.parse("t", "frobnicate --now\necho still running\n"), session()));
    }

    @Test
    void syntaxErrorsAreReportedAndTheScriptGoesOn() {
        String t = Transcript.run(Script.parse("t", "echo 'open\necho a; echo b\necho ok # trailing comment\n"), session());
        assertEquals("""
                $ echo 'open
                bash: -c: line 1: unexpected EOF while looking for matching `''
                [exit 2]
                $ echo a; echo b
                nsnet: unsupported shell syntax `;' (nsnet runs one simple command per line, optionally `A | B')
                [exit 2]
                $ echo ok # trailing comment
                ok
                """, t);
    }

    @Test
    void pipeFeedsStandardInput() {
        assertEquals("""
                $ echo a b | cat
                a b
                root
                $ cat
                (no stdin)
                root
                """, Transcript.run(Script.parse("t", "echo a b | cat\ncat\n"), session()));
    }

    @Test
    void aCrashingToolIsAnInternalErrorNotAnAbort() {
        String t = Transcript.run(Script.parse("t", "boom x\necho after\n"), session());
        assertTrue(t.startsWith("$ boom x\nnsnet: internal error in `boom x': java.lang.IllegalStateException: bug\n[exit 70]\n"), t);
        assertTrue(t.endsWith("$ echo after\nafter\n"), t);
    }

    @Test
    void eachLineIsANewProcessAndVirtualTimePasses() {
        Session s = session();
        long t0 = s.emulation.now();
        s.capture("echo a");
        s.capture("echo b");
        assertEquals(t0 + 2 * Session.LINE_GAP_NS, s.emulation.now());
        assertTrue(s.host.processes().isEmpty(), "processes exit when their line ends");
    }

    @Test
    void freshWorldHasOnlyLoopbackDown() {
        Session s = new Session(7);
        assertEquals(1, s.host.rootNs.devices().size());
        assertEquals("lo", s.host.rootNs.devices().iterator().next().name);
        assertTrue(s.host.namedNetns().isEmpty());
    }
}
