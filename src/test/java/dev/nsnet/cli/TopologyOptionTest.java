package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nsnet run --topology FILE SCRIPT} loads the world before the script's first line. */
class TopologyOptionTest {
    static String home() { return System.getenv().getOrDefault("NSNET_HOME", "."); }

    @Test
    void runLoadsTheTopologyFirst(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "ping -c 1 10.1.2.11\nnsnet-world exec r2s1 ip -br addr show eth0\n");
        String topo = Path.of(home(), "examples/topologies/datacenter.yaml").toString();
        MainTest.Ran r = MainTest.nsnet("run", "--transcript", "--topology", topo, script.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("$ ping -c 1 10.1.2.11\nPING 10.1.2.11 (10.1.2.11) 56(84) bytes of data.\n64 bytes from 10.1.2.11: icmp_seq=1 ttl=63"), r.out());
        assertTrue(r.out().contains("$ nsnet-world exec r2s1 ip -br addr show eth0\neth0             UP             10.1.2.11/24 \n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aBadTopologyStopsBeforeTheScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "echo never\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "hosts:\n  a:\n    colour: red\n");
        MainTest.Ran r = MainTest.nsnet("run", "--topology", bad.toString(), script.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("nsnet: " + bad + ": host a: unknown key \"colour\" (expected nics, commands, router, internet, kernel)\n", r.err());
        r = MainTest.nsnet("run", "--topology", dir.resolve("none.yaml").toString(), script.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("nsnet: " + dir.resolve("none.yaml") + ": cannot read"), r.err());
    }

    @Test
    void failingHostCommandsAreReportedAndTheScriptRuns(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "echo ran\n");
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "hosts:\n  r:\n    router: true\n    commands: [ip link set nosuch up]\n");
        MainTest.Ran r = MainTest.nsnet("run", "--topology", t.toString(), script.toString());
        assertEquals(0, r.status());
        assertEquals("ran\n", r.out());
        assertEquals("Cannot find device \"nosuch\"\nnsnet-world: r: `ip link set nosuch up` exited 1\n", r.err());
    }
}
