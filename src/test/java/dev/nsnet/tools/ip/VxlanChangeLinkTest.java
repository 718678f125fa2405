package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link set DEV type vxlan ...}: vxlan_changelink / vxlan_nl2conf(changelink) as the 6.18
 * recording kernel answers (golden 652 pins the same end to end; found by fuzz generator v7).
 */
class VxlanChangeLinkTest {
    private static final String WORLD = """
            ip link add eth0 address 02:00:00:77:00:01 type veth peer name eth1 address 02:00:00:77:00:02
            ip link add vx0 address 02:00:00:77:01:01 type vxlan id 42 remote 192.168.77.2 dstport 4789 dev eth0 ttl 64
            """;

    private static String after(String script, String cmd) {
        String t = Transcript.run(Script.parse("t", WORLD + script), new Session(1));
        int i = t.indexOf("$ " + cmd + "\n");
        assertTrue(i >= 0, t);
        String rest = t.substring(i + cmd.length() + 3);
        int j = rest.indexOf("\n$ ");
        return j < 0 ? rest : rest.substring(0, j + 1);
    }

    @Test
    void whatCannotChangeIsRefusedWithTheKernelsMessage() {
        assertEquals("Error: Cannot change VNI.\n[exit 2]\n", after("ip link set vx0 type vxlan id 99\n", "ip link set vx0 type vxlan id 99"));
        assertEquals("", after("ip link set vx0 type vxlan id 42\n", "ip link set vx0 type vxlan id 42"));
        assertEquals("Error: Cannot change port.\n[exit 2]\n",
                after("ip link set vx0 type vxlan dstport 4789\n", "ip link set vx0 type vxlan dstport 4789"));
        assertEquals("Error: vxlan: cannot change TTL_INHERIT flag.\n[exit 2]\n",
                after("ip link set vx0 type vxlan ttl inherit\n", "ip link set vx0 type vxlan ttl inherit"));
        assertEquals("Error: Cannot change UDP_CSUM flag.\n[exit 2]\n",
                after("ip link set vx0 type vxlan noudpcsum\n", "ip link set vx0 type vxlan noudpcsum"));
    }

    @Test
    void aNewRemoteMovesTheDefaultDestination() {
        String fdb = after("""
                bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.77.5
                ip link set vx0 type vxlan remote 192.168.77.3
                bridge fdb show dev vx0
                """, "bridge fdb show dev vx0");
        assertEquals("00:00:00:00:00:00 dst 192.168.77.5 self permanent\n"
                + "00:00:00:00:00:00 dst 192.168.77.3 via eth0 self permanent\n", fdb);
    }
}
