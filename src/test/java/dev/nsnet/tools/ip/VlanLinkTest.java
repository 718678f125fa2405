package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link ... type vlan}: iproute2 6.1's iplink_vlan.c parser and printer over the
 * kernel's vlan_validate / vlan_newlink / vlan_fill_info (net/8021q/vlan_netlink.c, read for
 * facts: the recording kernel has no 8021q module).
 */
class VlanLinkTest {
    private static final String WORLD = """
            ip netns add ext
            ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns ext
            """;

    private static String run(String script) {
        return Transcript.run(Script.parse("t", WORLD + script), new Session(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL));
    }

    private static String after(String transcript, String cmd) {
        int i = transcript.indexOf("$ " + cmd + "\n");
        assertTrue(i >= 0, transcript);
        String rest = transcript.substring(i + cmd.length() + 3);
        int j = rest.indexOf("\n$ ");
        return j < 0 ? rest : rest.substring(0, j + 1);
    }

    @Test
    void detailsAsVlanPrintOptPrintsThem() {
        String t = run("""
                ip link add link eth0 name eth0.10 type vlan id 10
                ip -d link show eth0.10
                ip link add link eth0 name eth0.20 type vlan id 20 protocol 802.1ad reorder_hdr off gvrp on ingress-qos-map 1:2 3:4 egress-qos-map 0:5 2:1
                ip -d link show eth0.20
                ip -j -d link show eth0.20
                ip -d -N link show eth0.10
                """);
        assertEquals("""
                3: eth0.10@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 0 maxmtu 65535 \n\
                    vlan protocol 802.1Q id 10 <REORDER_HDR> addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 \n\
                """, after(t, "ip -d link show eth0.10"));
        assertTrue(after(t, "ip -d link show eth0.20").contains("    vlan protocol 802.1ad id 20 <GVRP> \n"
                + "      ingress-qos-map { 1:2 3:4 } \n      egress-qos-map { 0:5 2:1 } addrgenmode eui64 "), t);
        assertTrue(after(t, "ip -j -d link show eth0.20").contains("\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":"
                + "{\"protocol\":\"802.1ad\",\"id\":20,\"flags\":[\"GVRP\"],\"ingress_qos\":[{\"from\":1,\"to\":2},"
                + "{\"from\":3,\"to\":4}],\"egress_qos\":[{\"from\":0,\"to\":5},{\"from\":2,\"to\":1}]}}"), t);
        assertTrue(after(t, "ip -d -N link show eth0.10").contains("    vlan protocol [33024] id 10 <REORDER_HDR> "), t);
    }

    @Test
    void errorsOfIproute2AndOfTheKernel() {
        String t = run("""
                ip link add link eth0 name eth0.10 type vlan id 10
                ip link add link eth0 name x type vlan id 10
                ip link add link eth0 name x type vlan id 4095
                ip link add link eth0 name x type vlan id 70000
                ip link add link eth0 name x type vlan protocol ip id 3
                ip link add link eth0 name x type vlan protocol foo id 3
                ip link add link eth0 name x type vlan
                ip link add link eth0 name x type vlan reorder_hdr maybe
                ip link add link eth0 name x type vlan ingress-qos-map 1:x
                ip link add link lo name x type vlan id 3
                ip link add name x type vlan id 3
                ip link add link eth0 name x type vlan protocol 802.1Q
                ip link add link eth0 name x address 01:00:00:00:00:01 type vlan id 3
                ip link set eth0.10 mtu 1600
                ip link set eth0.10 up
                ip link add link eth0 name eth0.10 type vlan id 11
                """);
        assertEquals("Error: 8021q: VLAN device already exists.\n[exit 2]\n", after(t, "ip link add link eth0 name x type vlan id 10"));
        assertEquals("Error: 8021q: Invalid VLAN id.\n[exit 2]\n", after(t, "ip link add link eth0 name x type vlan id 4095"));
        assertEquals("Error: argument \"70000\" is wrong: id is invalid\n[exit 255]\n",
                after(t, "ip link add link eth0 name x type vlan id 70000"));
        assertEquals("Error: 8021q: Invalid VLAN protocol.\n[exit 2]\n",
                after(t, "ip link add link eth0 name x type vlan protocol ip id 3"));
        assertEquals("Error: argument \"foo\" is wrong: protocol is invalid\n[exit 255]\n",
                after(t, "ip link add link eth0 name x type vlan protocol foo id 3"));
        assertEquals("Error: 8021q: VLAN properties not specified.\n[exit 2]\n", after(t, "ip link add link eth0 name x type vlan"));
        assertEquals("Error: argument of \"reorder_hdr\" must be \"on\" or \"off\", not \"maybe\"\n[exit 1]\n",
                after(t, "ip link add link eth0 name x type vlan reorder_hdr maybe"));
        assertEquals("Error: argument \"1\" is wrong: invalid ingress-qos-map\n[exit 255]\n",
                after(t, "ip link add link eth0 name x type vlan ingress-qos-map 1:x"));
        assertEquals("Error: 8021q: VLANs not supported on device.\n[exit 2]\n", after(t, "ip link add link lo name x type vlan id 3"));
        assertEquals("Error: 8021q: link not specified.\n[exit 2]\n", after(t, "ip link add name x type vlan id 3"));
        assertEquals("Error: 8021q: VLAN id not specified.\n[exit 2]\n",
                after(t, "ip link add link eth0 name x type vlan protocol 802.1Q"));
        assertEquals("Error: 8021q: Invalid link address.\n[exit 2]\n",
                after(t, "ip link add link eth0 name x address 01:00:00:00:00:01 type vlan id 3"));
        assertEquals("RTNETLINK answers: Numerical result out of range\n[exit 2]\n", after(t, "ip link set eth0.10 mtu 1600"));
        assertEquals("RTNETLINK answers: Network is down\n[exit 2]\n", after(t, "ip link set eth0.10 up"));
        // vlan_validate() runs before the name is found taken
        assertEquals("RTNETLINK answers: File exists\n[exit 2]\n", after(t, "ip link add link eth0 name eth0.10 type vlan id 11"));
    }

    @Test
    void changelinkSetsFlagsAndMapsButNotTheId() {
        String t = run("""
                ip link add link eth0 name eth0.10 type vlan id 10
                ip link set eth0.10 type vlan id 20 reorder_hdr off mvrp on bridge_binding on egress-qos-map 1:7
                ip -d link show eth0.10
                ip link set eth0.10 type vlan
                ip link set eth0.10 type vlan id 5000
                """);
        assertEquals("Error: 8021q: VLAN properties not specified.\n[exit 2]\n", after(t, "ip link set eth0.10 type vlan"));
        assertEquals("Error: 8021q: Invalid VLAN id.\n[exit 2]\n", after(t, "ip link set eth0.10 type vlan id 5000"));
        assertTrue(after(t, "ip -d link show eth0.10").contains(
                "    vlan protocol 802.1Q id 10 <MVRP,BRIDGE_BINDING> \n      egress-qos-map { 1:7 } addrgenmode"), t);
    }
}
