package dev.nsnet.kernel.ipv4;

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
 * Scenario scripts of the IPv4 data path recorded on the real kernel (Linux 6.18, iputils
 * 20221126, iproute2 6.1) with {@code scripts/record-golden.sh -o DIR FILE.sh}, replayed through
 * nsnet and compared after the conformance normaliser, as the golden scenarios are.
 */
class IpInputScenarioTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = IpInputScenarioTest.class.getResourceAsStream("scenarios/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"neigh-timeline", "ping-corners", "ping-options", "redirect", "arp-notify", "route-mtu", "ping-flood", "ping-record-route"})
    void replaysLikeTheRealKernel(String name) throws IOException {
        String got = Transcript.run(Script.parse(name, resource(name + ".sh")), new Session(1));
        assertNull(TranscriptDiff.diff(resource(name + ".out"), got));
    }
}
