package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards the referee itself: in CI (CI=true, as root) every golden scenario is recorded again on
 * this machine's real kernel with scripts/record-golden.sh, and each fresh recording, normalised,
 * must equal the committed golden/NAME.out (likewise examples/NAME.out). A difference means the committed transcript no longer
 * describes what Linux does here (a flapping scenario, or a different kernel/tool version).
 */
class GoldenDriftTest {
    private static final long RECORD_TIMEOUT_MIN = 10;
    private static final int PARALLEL = 4;

    @TestFactory
    List<DynamicTest> drift() throws Exception {
        String skip = null;
        if (!"true".equals(System.getenv("CI"))) {
            skip = "golden drift check skipped: it runs only in CI (CI=true) as root, because it re-records "
                    + "every scenario on the real kernel (scripts/record-golden.sh)";
        } else if (!isRoot()) {
            skip = "golden drift check skipped: CI=true but not root (recording needs unshare --net --mount)";
        }
        if (skip != null) {
            // one visible skipped test (a skipped factory would not be counted at all)
            System.err.println(skip);
            String why = skip;
            return List.of(DynamicTest.dynamicTest("drift check", () -> Assumptions.abort(why)));
        }
        Path tmp = Files.createTempDirectory("nsnet-drift");
        try {
            List<Path> all = new ArrayList<>(Golden.scenarios());
            all.addAll(Golden.examples());
            record(all, tmp);
            List<DynamicTest> tests = new ArrayList<>();
            for (Path script : all) {
                String name = Golden.name(script);
                String file = script.getFileName().toString().replaceFirst("\\.sh$", ".out");
                Path committed = script.resolveSibling(file);
                if (!Files.exists(committed)) continue;
                String want = Files.readString(committed, StandardCharsets.UTF_8);
                String fresh = Files.readString(tmp.resolve(file), StandardCharsets.UTF_8);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    String d = TranscriptDiff.diff(want, fresh, "committed golden", "fresh recording");
                    assertTrue(d == null, name + ": the real kernel on this machine no longer prints what "
                            + committed + " says\n" + d);
                }));
            }
            return tests;
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a leftover temp dir is harmless
            }
        }
    }

    /**
     * Records {@code scripts} into {@code dir} with {@value #PARALLEL} recorders side by side (each
     * scenario has its own sandbox, so they cannot disturb each other; most of the time is spent
     * waiting in ping), which keeps CI well under its time limit as scenarios are added.
     */
    private static void record(List<Path> scripts, Path dir) throws IOException, InterruptedException {
        List<Process> procs = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int k = 0; k < PARALLEL; k++) {
            List<String> cmd = new ArrayList<>(List.of("bash",
                    Golden.repo().resolve("scripts/record-golden.sh").toString(), "-o", dir.toString()));
            for (int i = k; i < scripts.size(); i += PARALLEL) cmd.add(scripts.get(i).toString());
            if (cmd.size() == 4) continue;
            Path log = dir.resolve("recorder-" + k + ".log");
            logs.add(log);
            procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RECORD_TIMEOUT_MIN);
        for (int k = 0; k < procs.size(); k++) {
            Process p = procs.get(k);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                for (Process q : procs) q.destroyForcibly();
                fail("scripts/record-golden.sh did not finish in " + RECORD_TIMEOUT_MIN + " min:\n"
                        + Files.readString(logs.get(k)));
            }
            assertEquals(0, p.exitValue(), "scripts/record-golden.sh failed:\n" + Files.readString(logs.get(k)));
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[1].equals("0");
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
