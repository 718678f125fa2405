package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Only the shape of the output: benchmarks are never timed tests. */
class BenchTest {
    static final Pattern LINE = Pattern.compile("bench [a-z0-9_]+: (\\d+(\\.\\d+)? [a-zA-Z/]+|unavailable \\(.+\\))");

    static String run(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Bench.run(new PrintStream(buf, true, StandardCharsets.UTF_8), System.err, args);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickPrintsWellFormedLines() {
        String out = run("--quick");
        assertTrue(out.lines().count() >= 5, out);
        for (String l : out.lines().toList()) assertTrue(LINE.matcher(l).matches(), "bad line: " + l);
        assertTrue(Pattern.compile("(?m)^bench pod_heap: \\d+ bytes/pod$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^bench pod_create: [\\d.]+ us/pod$").matcher(out).find(), out);
        // with ip, bridge and sysctl in the build, every packet path must be measurable
        var reg = dev.nsnet.tools.Tools.standard();
        if (reg.get("ip") != null && reg.get("bridge") != null && reg.get("sysctl") != null) {
            for (String p : new String[] {"veth", "bridge", "redline"}) {
                assertTrue(Pattern.compile("(?m)^bench " + p + "_pps: \\d+ pps$").matcher(out).find(), out);
            }
        }
    }

    @Test
    void onlyAndErrors() {
        String out = run("--quick", "--only", "pod_create");
        for (String l : out.lines().toList()) assertTrue(l.startsWith("bench pod_create"), l);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream ebuf = new ByteArrayOutputStream();
        PrintStream es = new PrintStream(ebuf, true, StandardCharsets.UTF_8);
        assertEquals(2, Bench.run(ps, es, new String[] {"--only", "nope"}));
        assertEquals(2, Bench.run(ps, es, new String[] {"--only"}));
        assertEquals(2, Bench.run(ps, es, new String[] {"--bogus"}));
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "usage errors go to stderr");
        assertTrue(ebuf.toString(StandardCharsets.UTF_8).contains("nsnet bench: unknown option '--bogus'\nUsage: nsnet bench"));
        assertEquals(0, Bench.run(ps, es, new String[] {"--help"}));
        assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("Usage: nsnet bench"), "--help goes to stdout");
    }
}
