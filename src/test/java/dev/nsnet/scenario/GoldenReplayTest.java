package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The referee: every golden/NAME.sh (recorded on a real Debian 12 kernel as golden/NAME.out) is
 * replayed through nsnet, and the normalised transcripts must be equal line for line.
 *
 * The examples/*.sh (recorded the same way) are replayed too, named {@code examples/NAME}.
 *
 * <p>Scenarios listed in golden/EXPECTED_FAILURES still run; their failure is reported as skipped
 * with the listed reason and the first difference. A listed scenario that passes FAILS the test,
 * so the list can only shrink, honestly.
 */
class GoldenReplayTest {
    private static final Duration PER_SCENARIO = Duration.ofSeconds(60);
    private static int passed, expectedFailures, failed;

    @AfterAll
    static void summary() {
        System.out.println("golden replay: " + passed + " match the real kernel, " + expectedFailures
                + " expected failures (golden/EXPECTED_FAILURES), " + failed + " unexpected failures");
    }

    @TestFactory
    List<DynamicTest> replay() throws IOException {
        Map<String, String> expected = Golden.expectedFailures();
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> all = new ArrayList<>(Golden.scenarios());
        all.addAll(Golden.examples());
        for (Path script : all) {
            String name = Golden.name(script);
            tests.add(DynamicTest.dynamicTest(name, script.toUri(), () -> check(script, name, expected.get(name))));
        }
        return tests;
    }

    private static void check(Path script, String name, String knownFailure) throws IOException {
        Path out = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.sh$", ".out"));
        Assumptions.assumeTrue(Files.exists(out), name + ".out is not recorded yet (scripts/record-golden.sh " + name + ")");
        String want = Files.readString(out, StandardCharsets.UTF_8);
        String diff;
        try {
            String got = Assertions.assertTimeoutPreemptively(PER_SCENARIO, () -> {
                Session session = new Session(1);
                // the recorder runs each line in the scenario's directory (companion files such as NNN.rules)
                session.host.workingDirectory = script.toAbsolutePath().getParent();
                return Transcript.run(Script.read(script), session);
            });
            diff = TranscriptDiff.diff(want, got);
        } catch (Throwable t) {
            if (t instanceof Error && !(t instanceof AssertionError) && !(t instanceof StackOverflowError)) throw t;
            diff = "the replay itself failed: " + t;
        }
        if (knownFailure != null) {
            if (diff == null) {
                failed++;
                fail(name + " now passes: remove it from golden/EXPECTED_FAILURES");
            }
            expectedFailures++;
            Assumptions.abort("expected failure (" + knownFailure + "); " + diff);
        }
        if (diff != null) {
            failed++;
            fail(name + ": nsnet's transcript differs from the real kernel's\n" + diff);
        }
        passed++;
    }

    @Test
    void expectedFailuresNameExistingScenarios() throws IOException {
        Set<String> names = java.util.stream.Stream.concat(Golden.scenarios().stream(), Golden.examples().stream())
                .map(Golden::name).collect(Collectors.toSet());
        List<String> stale = Golden.expectedFailures().keySet().stream().filter(n -> !names.contains(n)).toList();
        assertTrue(stale.isEmpty(), "golden/EXPECTED_FAILURES lists scenarios that do not exist: " + stale);
    }
}
