package dev.nsnet.scenario;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The runner against the real thing: runner-basics.sh (word splitting, comments, echo/true/false/
 * exit/sleep, command not found, bash syntax errors, the 20 s line timeout) was recorded on the
 * real kernel by scripts/record-golden.sh; nsnet must print the same transcript.
 */
class RunnerConformanceTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = RunnerConformanceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runnerBasicsMatchTheRecording() throws IOException {
        String got = Transcript.run(Script.parse("runner-basics.sh", resource("runner-basics.sh")), new Session(1));
        assertNull(TranscriptDiff.diff(resource("runner-basics.out"), got));
    }
}
