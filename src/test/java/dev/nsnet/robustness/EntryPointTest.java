package dev.nsnet.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nsnet command line given bad options, bad subcommands and bad files, and the shell and
 * {@code run -} given garbage on standard input: a clear message (picocli's for usage mistakes,
 * with status 2; bash's for scripts bash cannot run) and never a Java stack trace.
 */
class EntryPointTest {
    private static final Pattern CRASH = Pattern.compile(
            "Exception|\tat |at dev\\.nsnet|java\\.(lang|util|io|nio)\\.|internal error");

    record Ran(int status, String out, String err) {
        String all() { return out + err; }
    }

    static Ran nsnet(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Ran r = new Ran(rc, out.toString(), err.toString());
        assertFalse(CRASH.matcher(r.all()).find(), () -> String.join(" ", args) + " crashed:\n" + r.all());
        return r;
    }

    /** Runs nsnet with {@code stdin} as its standard input. */
    static Ran withStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return nsnet(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void usageMistakesGetPicocliMessagesAndStatus2() {
        String[][] bad = {
            {"--bogus"}, {"-x"}, {"frobnicate"}, {""}, {"-"}, {"run"}, {"run", "--seed"},
            {"run", "--seed", "99999999999999999999", "x.sh"}, {"run", "--seed", "abc", "x.sh"},
            {"run", "--transcript=maybe", "x.sh"}, {"run", "a.sh", "b.sh"}, {"check"}, {"check", "--seed", "-"},
            {"shell", "--nope"}, {"shell", "extra"}, {"help", "nope"}, {"--seed", "1"}, {"run", "--", "--seed"},
        };
        for (String[] args : bad) {
            Ran r = nsnet(args);
            String what = "nsnet " + String.join(" ", args);
            if (args.length == 3 && args[1].equals("--")) { // `--` makes --seed a FILE name: bash's message
                assertEquals(127, r.status(), what);
                continue;
            }
            assertEquals(2, r.status(), what + "\n" + r.all());
            assertFalse(r.err().isEmpty(), what);
            assertTrue(r.err().contains("Usage: nsnet") || r.err().contains("is not an nsnet command. See 'nsnet --help'."),
                    what + "\n" + r.err());
        }
    }

    @Test
    void demoAndBenchRejectUnknownOptions() {
        // their own parsers (cli/Demo.java, cli/Bench.java): status 2 and the usage, before any work
        assertEquals(2, nsnet("demo", "--bogus").status());
        assertEquals(2, nsnet("bench", "--bogus").status());
        assertEquals(2, nsnet("bench", "--only").status());
        assertEquals(2, nsnet("bench", "--only", "nope").status());
    }

    @Test
    void filesBashCannotRunGetBashsMessageAndStatus(@TempDir Path dir) throws IOException {
        Ran empty = nsnet("run", "");
        assertEquals(127, empty.status()); // bash '': No such file or directory
        assertEquals("nsnet: : No such file or directory\n", empty.err());

        Path bin = dir.resolve("bin.sh");
        byte[] b = new byte[4096];
        new Random(7).nextBytes(b);
        b[0] = 'x';
        b[1] = 0; // bash: a NUL before the first newline of the first 80 bytes makes it a binary file
        Files.write(bin, b);
        Ran r = nsnet("run", bin.toString());
        assertEquals(126, r.status());
        assertEquals("nsnet: " + bin + ": cannot execute binary file\n", r.err());
        assertEquals(126, nsnet("run", "--transcript", bin.toString()).status());
        assertEquals(1, nsnet("check", bin.toString()).status());

        Path latin1 = dir.resolve("latin1.sh");
        Files.write(latin1, "echo caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Ran l = nsnet("run", latin1.toString());
        assertEquals(126, l.status());
        assertEquals("nsnet: " + latin1 + ": not a UTF-8 text file\n", l.err());
    }

    @Test
    void checkWithBadTranscriptsSaysFailNotCrash(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("s.sh");
        Files.writeString(s, "echo hi\n");
        Ran missing = nsnet("check", s.toString());
        assertEquals(1, missing.status());
        assertEquals("nsnet: " + dir.resolve("s.out") + ": No such file or directory\n", missing.err());
        byte[] junk = new byte[3000];
        new Random(3).nextBytes(junk);
        Files.write(dir.resolve("s.out"), junk);
        Ran bin = nsnet("check", s.toString());
        assertEquals(1, bin.status());
        assertEquals("nsnet: " + dir.resolve("s.out") + ": not a UTF-8 text file\n", bin.err());
        Files.delete(dir.resolve("s.out"));
        Files.createDirectory(dir.resolve("s.out"));
        Ran d = nsnet("check", s.toString());
        assertEquals(1, d.status());
        assertEquals("nsnet: " + dir.resolve("s.out") + ": Is a directory\n", d.err());
        Files.delete(dir.resolve("s.out"));
        Files.writeString(dir.resolve("s.out"), "$ echo hi\nhi\n");
        assertEquals(0, nsnet("check", "-q", s.toString()).status());
    }

    @Test
    void oddButValidScriptsRunLikeBash(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.sh");
        Files.writeString(empty, "");
        Ran e = nsnet("run", empty.toString());
        assertEquals(0, e.status());
        assertEquals("", e.all());

        // NUL bytes after the first line are dropped, as bash drops them
        Path nul = dir.resolve("nul.sh");
        Files.writeString(nul, "echo one\necho a\0b\nip link show l\0o\n");
        Ran n = nsnet("run", nul.toString());
        assertEquals(0, n.status(), n.all());
        assertTrue(n.out().startsWith("one\nab\n1: lo: <LOOPBACK>"), n.out());

        // CRLF line ends: nsnet reads them as LF (CONFORMANCE.md), so the scenario still runs
        Path crlf = dir.resolve("crlf.sh");
        Files.writeString(crlf, "echo a\r\nip link show lo\r\n");
        Path lf = dir.resolve("lf.sh");
        Files.writeString(lf, "echo a\nip link show lo\n");
        assertEquals(nsnet("run", lf.toString()), nsnet("run", crlf.toString()));

        // unclosed quotes: bash -c's syntax error (status 2) for that line, the others run
        Path quotes = dir.resolve("quotes.sh");
        Files.writeString(quotes, "echo 'abc\necho ok\necho \"x\n");
        Ran q = nsnet("run", quotes.toString());
        assertEquals(2, q.status());
        assertEquals("ok\n", q.out());
        assertEquals("bash: -c: line 1: unexpected EOF while looking for matching `''\n"
                + "bash: -c: line 1: unexpected EOF while looking for matching `\"'\n", q.err());

        // very long lines: a 1 MB word is echoed, a 200 000-character device name is "not found"
        Path longLines = dir.resolve("long.sh");
        String big = "x".repeat(1_000_000), name = "y".repeat(200_000);
        Files.writeString(longLines, "echo " + big + "\nip link show " + name + "\nip link add " + name + " type dummy\n"
                + "ip link set dev " + name + " up\n");
        Ran lr = nsnet("run", longLines.toString());
        assertTrue(lr.out().startsWith(big + "\n"));
        assertTrue(lr.err().startsWith("Device \"" + name + "\" does not exist.\n"), lr.err().substring(0, 100));
        assertTrue(lr.status() != 0);
    }

    /** Seeded garbage: random bytes, then lines of nasty tokens and half-finished shell syntax. */
    static byte[] garbage(long seed) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder();
        byte[] raw = new byte[2000];
        rnd.nextBytes(raw);
        s.append(new String(raw, StandardCharsets.ISO_8859_1)).append('\n');
        String[] bits = {"ip", "link", "add", "type", "veth", "peer", "name", "netns", "exec", "bash", "'", "\"", "\\",
            "|", "&", ";", "$(", "`", "{a,b}", "~", "#", "exit", "-1", "4294967296", "%d", "\u202e", "\0", "\t", "x".repeat(300)};
        for (int i = 0; i < 300; i++) {
            int n = rnd.nextInt(8);
            for (int j = 0; j < n; j++) s.append(bits[rnd.nextInt(bits.length)]).append(rnd.nextBoolean() ? " " : "");
            s.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void runFromStdinSurvivesGarbage() {
        for (long seed = 1; seed <= 5; seed++) {
            Ran r = withStdin(garbage(seed), "run", "-");
            assertTrue(r.status() >= 0 && r.status() <= 255, "status " + r.status());
            Ran t = withStdin(garbage(seed), "run", "--transcript", "-");
            assertEquals(0, t.status());
        }
    }

    @Test
    void shellReadingGarbageFromStdinNeverCrashes() {
        for (long seed = 1; seed <= 5; seed++) {
            byte[] g = garbage(seed);
            // no exit in the garbage may end the shell before the end: drop the word
            String text = new String(g, StandardCharsets.ISO_8859_1).replace("exit", "tixe") + "ip link show lo\n";
            Ran r = withStdin(text.getBytes(StandardCharsets.ISO_8859_1), "shell");
            assertTrue(r.out().contains("1: lo: <LOOPBACK"), "the shell ran on to the end:\n" + r.out());
        }
    }

    @Test
    void shellExitChecksItsArgumentLikeBash() {
        Ran bad = withStdin("exit abc\necho after\n".getBytes(StandardCharsets.UTF_8), "shell");
        assertEquals(2, bad.status());
        assertEquals("bash: exit: abc: numeric argument required\n", bad.err());
        assertEquals("", bad.out());
        Ran big = withStdin("exit 99999999999999999999\n".getBytes(StandardCharsets.UTF_8), "shell");
        assertEquals(2, big.status());
        Ran many = withStdin("exit 1 2\necho still\nexit 300\n".getBytes(StandardCharsets.UTF_8), "shell");
        assertEquals("bash: exit: too many arguments\n", many.err());
        assertEquals("still\n", many.out());
        assertEquals(44, many.status());
        assertEquals(255, withStdin("exit -1\n".getBytes(StandardCharsets.UTF_8), "shell").status());
    }
}
