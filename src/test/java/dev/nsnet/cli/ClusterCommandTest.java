package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nsnet cluster print|run FILE} and {@code nsnet run --cluster FILE SCRIPT}. */
class ClusterCommandTest {
    static String example(String name) { return Path.of(TopologyOptionTest.home(), "examples/clusters", name).toString(); }

    @Test
    void printShowsThePhysicalNetworkThenEachNode() {
        MainTest.Ran r = MainTest.nsnet("cluster", "print", example("bridge-hostgw.yaml"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("# cluster " + example("bridge-hostgw.yaml") + ": cni bridge, 3 nodes, 3 pods, 1 service\n"
                + "# --- physical network and gateway 192.168.1.1 (run on the scenario's host, nsnet)\n"
                + "nsnet-world switch add tor\nnsnet-world host add node1\n"), r.out());
        assertTrue(r.out().contains("\n# --- node node2 (192.168.1.12, pods 10.244.2.0/24, 1 pod) (run on node2)\n"
                + "sysctl -q -w net.ipv4.ip_forward=1\n"), r.out());
        assertTrue(r.out().contains("\niptables-restore --noflush <<'EOF'\n*filter\n"), r.out());
        assertTrue(r.out().endsWith("COMMIT\nEOF\n"), r.out());
    }

    @Test
    void printOneNode() {
        MainTest.Ran r = MainTest.nsnet("cluster", "print", "--node", "node3", example("flannel-vxlan.yaml"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("# --- node node3 (192.168.1.13, pods 10.244.3.0/24, 1 pod) (run on node3)\n"), r.out());
        assertTrue(r.out().contains("\nbridge fdb append 0e:f1:c0:a8:01:0b dev flannel.1 dst 192.168.1.11\n"), r.out());
        r = MainTest.nsnet("cluster", "print", "--node", "node9", example("flannel-vxlan.yaml"));
        assertEquals(1, r.status());
        assertEquals("nsnet cluster: " + example("flannel-vxlan.yaml") + ": no node \"node9\"\n", r.err());
    }

    @Test
    void runBuildsThenRunsTheScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "nsnet-world exec node1 ip netns exec client ping -c 1 10.244.3.2\n");
        MainTest.Ran r = MainTest.nsnet("run", "--transcript", "--cluster", example("bridge-hostgw.yaml"), script.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("64 bytes from 10.244.3.2: icmp_seq=1 ttl=62"), r.out());
        assertEquals("", r.err());
        r = MainTest.nsnet("cluster", "run", example("macvlan.yaml"));
        assertEquals(0, r.status(), r.err());
        assertEquals("cluster " + example("macvlan.yaml") + ": cni macvlan, 3 nodes, 3 pods, 1 service built\n", r.out());
    }

    @Test
    void mistakesStopBeforeAnythingIsBuilt(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "cni: calico\nnodes: {a: []}\n");
        MainTest.Ran r = MainTest.nsnet("cluster", "print", bad.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("nsnet cluster: " + bad + ": unknown cni \"calico\" (expected bridge, flannel, macvlan, ipvlan-l2, ipvlan-l3)\n", r.err());
        r = MainTest.nsnet("cluster", "run", dir.resolve("none.yaml").toString());
        assertEquals(1, r.status());
        assertEquals("nsnet cluster: " + dir.resolve("none.yaml") + ": cannot read: No such file or directory\n", r.err());
    }
}
