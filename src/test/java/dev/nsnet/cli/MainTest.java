package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nsnet command line: help, usage errors, files it cannot read, run with and without --transcript. */
class MainTest {
    record Ran(int status, String out, String err) { }

    static Ran nsnet(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(rc, out.toString(), err.toString());
    }

    @Test
    void helpOnEveryCommand() {
        Ran r = nsnet("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: nsnet "), r.out());
        for (String sub : new String[] {"run", "check", "shell", "demo", "bench"}) {
            assertTrue(r.out().contains(sub), sub);
            Ran h = nsnet(sub, "--help");
            assertEquals(0, h.status(), sub);
            assertTrue(h.out().startsWith("Usage: nsnet " + sub), h.out());
        }
        assertEquals(0, nsnet("help", "run").status());
        assertTrue(nsnet("--version").out().startsWith("nsnet "));
    }

    @Test
    void badOptionsGetPicocliMessageAndStatus2WithoutStackTrace() {
        Ran r = nsnet("run", "--bogus", "x.sh");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Usage: nsnet run"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(2, nsnet("run").status()); // missing FILE
        assertTrue(nsnet("run").err().startsWith("Missing required parameter: 'FILE'"));
        assertEquals(2, nsnet("run", "--seed", "abc", "x.sh").status());
        assertEquals(2, nsnet("frobnicate").status());
    }

    @Test
    void unknownSubcommandIsNamed() {
        Ran r = nsnet("rn", "x.sh");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("nsnet: 'rn' is not an nsnet command. See 'nsnet --help'.\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownFileIsAClearError(@TempDir Path dir) {
        Ran r = nsnet("run", "no-such-file.sh");
        assertEquals(127, r.status());
        assertEquals("nsnet: no-such-file.sh: No such file or directory\n", r.err());
        assertEquals("", r.out());
        Ran d = nsnet("run", dir.toString());
        assertEquals(126, d.status());
        assertEquals("nsnet: " + dir + ": Is a directory\n", d.err());
    }

    @Test
    void runPrintsOutputAndExitsWithTheLastStatus(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.sh");
        Files.writeString(f, "# a script\necho one\nnosuchcmd\necho 'two  words'\n");
        Ran r = nsnet("run", f.toString());
        assertEquals(0, r.status());
        assertEquals("one\ntwo  words\n", r.out());
        assertEquals("bash: line 1: nosuchcmd: command not found\n", r.err());
        Files.writeString(f, "echo one\nnosuchcmd\n");
        assertEquals(127, nsnet("run", f.toString()).status());
    }

    @Test
    void runTranscriptPrintsTheConformanceFormatAndExits0(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.sh");
        Files.writeString(f, "echo one\n\n   nosuchcmd a   \necho -n x\n");
        Ran r = nsnet("run", "--transcript", f.toString());
        assertEquals(0, r.status());
        assertEquals("""
                $ echo one
                one
                $ nosuchcmd a
                bash: line 1: nosuchcmd: command not found
                [exit 127]
                $ echo -n x
                x
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void traceGoesToStderrAndLeavesTheOutputAlone(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.sh");
        Files.writeString(f, "ip link set lo up\nping -c 1 127.0.0.1\n");
        Ran plain = nsnet("run", "--transcript", f.toString());
        Ran traced = nsnet("run", "--transcript", "--trace", f.toString());
        assertEquals(plain.out(), traced.out());
        assertEquals("", plain.err());
        assertTrue(traced.err().contains("ICMP echo request 127.0.0.1 > 127.0.0.1"), traced.err());
    }

    @Test
    void checkComparesWithTheRecordedTranscript(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.sh"), "echo hi\n");
        Files.writeString(dir.resolve("a.out"), "$ echo hi\nhi\n");
        Files.writeString(dir.resolve("b.sh"), "echo hi\n");
        Files.writeString(dir.resolve("b.out"), "$ echo hi\nho\n");
        Ran r = nsnet("check", dir.resolve("a.sh").toString(), dir.resolve("b.sh").toString());
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("PASS a\nFAIL b\n"), r.out());
        assertTrue(r.out().contains("first difference at line 2, in the output of `echo hi`"), r.out());
        assertTrue(r.out().contains("  - ho") && r.out().contains("  + hi"), r.out());
        assertTrue(r.out().endsWith("1 passed, 1 failed\n"), r.out());
        assertEquals(0, nsnet("check", dir.resolve("a.sh").toString()).status());
        Ran l = nsnet("check", "--expected-failures", dir.resolve("a.sh").toString(), dir.resolve("b.sh").toString());
        assertEquals("b  first difference at line 2, in the output of `echo hi`\n", l.out());
    }
}
