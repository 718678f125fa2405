package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nsnet.scenario.Normalizer;
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
 * {@code ip address}, {@code ip route}, {@code ip rule} and {@code sysctl} corners the golden
 * scenarios do not reach (peer addresses, noprefixroute, metrics, brd -, /31, label filters,
 * flush statistics, route proto/scope/type filters, -d, onlink and host-scope errors, rule
 * actions, fwmark masks, detached iif, goto, sysctl -e/-N/-n, directory and read-only writes,
 * rp_filter inheritance, renames), compared byte for byte with transcripts recorded on the real
 * kernel. Each NAME.out was produced by
 * {@code scripts/sandbox.sh 'bash LINES'} where every line of NAME.sh ran as
 * {@code printf '%s\n' "$ LINE"; LINE 2>&1; r=$?; [ $r != 0 ] && echo "[exit $r]"}.
 */
class IpL3TranscriptTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = IpL3TranscriptTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "l3-addr-route",
        "l3-rule-sysctl",
        "l3-forward-linkdown",
        "l3-tables-ipv6-lo",
        "l3-addr-stats",
        "l3-promote-flush",
        "l3-usage-errors",
        "l3-details-tos-ipv6",
        "l3-sysctl-slashdot",
        "l3-rule-actions",
        "l3-addr-lifetimes",
        "l3-addr-expiry"})
    void matchesTheRealKernel(String name) throws IOException {
        String want = resource(name + ".out");
        String got = Transcript.run(Script.parse(name, resource(name + ".sh")), new Session(1));
        // compared after the conformance normaliser (ping times are the only thing it blanks)
        assertNull(TranscriptDiff.diff(want, got), () -> TranscriptDiff.diff(want, got));
        assertEquals(Normalizer.normalize(want), Normalizer.normalize(got));
    }
}
