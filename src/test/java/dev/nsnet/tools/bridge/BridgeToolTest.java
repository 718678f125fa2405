package dev.nsnet.tools.bridge;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import dev.nsnet.scenario.TranscriptDiff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bridge} and {@code ip link ... type bridge} against transcripts recorded on the real
 * kernel (Debian 12 iproute2 6.1, kernel 6.18): each NAME.sh beside this test's resources was
 * recorded with {@code scripts/record-golden.sh -o src/test/resources/dev/nsnet/tools/bridge
 * src/test/resources/dev/nsnet/tools/bridge/NAME.sh} into NAME.out, and nsnet must print the same.
 */
class BridgeToolTest {
    @ParameterizedTest
    @ValueSource(strings = {"bridge-basics", "bridge-errors-fdb", "bridge-ip-options", "bridge-learning-ageing",
        "bridge-addresses", "bridge-counters", "bridge-port-flags", "bridge-fdb-self",
        "bridge-nf-sysctl", "bridge-mcast-options", "bridge-stp",
        "bridge-mtu-forward", "bridge-vlan"})
    void matchesTheRealKernel(String name) throws IOException {
        String script = resource(name + ".sh");
        String want = resource(name + ".out");
        String got = Transcript.run(Script.parse(name, script), new Session(1));
        assertNull(TranscriptDiff.diff(want, got), () -> name + " differs from the real kernel:\n" + TranscriptDiff.diff(want, got));
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = BridgeToolTest.class.getResourceAsStream(file)) {
            if (in == null) throw new IOException("missing test resource " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
