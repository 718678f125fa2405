package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link ... type ipvlan}: iproute2 6.1's iplink_ipvlan.c texts and the refusals of
 * ipvlan_link_new / the address validator (a model checked against the kernel source: the
 * recording kernel has no ipvlan).
 */
class IpvlanLinkTest {
    private static final String WORLD = """
            ip netns add ext
            ip link add up0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns ext
            ip netns add pod1
            ip netns add pod2
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
    void detailsPrintModeWithItsLeadingBlankAndTheFlag() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l2
                ip -n pod1 -d link show ipv1
                ip -n pod1 -j -d link show ipv1
                ip link add link up0 name ipv2 type ipvlan mode l3s private
                ip -d link show ipv2
                """);
        assertTrue(after(t, "ip -n pod1 -d link show ipv1").contains("\n    ipvlan  mode l2 bridge addrgenmode"), t);
        assertTrue(after(t, "ip -n pod1 -j -d link show ipv1")
                .contains("\"linkinfo\":{\"info_kind\":\"ipvlan\",\"info_data\":{\"mode\":\"l2\",\"bridge\":true}}"), t);
        assertTrue(after(t, "ip -d link show ipv2").contains("\n    ipvlan  mode l3s private addrgenmode"), t);
        // the slave shares the lower's MAC, and shows as name@lower
        assertTrue(after(t, "ip -n pod1 -d link show ipv1").startsWith(
                "2: ipv1@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
                        + "    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0"), t);
    }

    @Test
    void theModeIsThePortsAndANewSlaveWithoutModeResetsItToL3() {
        String t = run("""
                ip link set up0 up
                ip -n ext link set eth0 up
                ip link add link up0 name ipv1 type ipvlan mode l2
                ip link set ipv1 up
                ip link show ipv1
                ip link add link up0 name ipv2 type ipvlan
                ip -d link show ipv1
                ip link set ipv2 type ipvlan mode l2 vepa
                ip -d link show ipv1
                ip link show ipv1
                """);
        assertTrue(after(t, "ip link show ipv1").startsWith("3: ipv1@up0: <BROADCAST,MULTICAST,UP,LOWER_UP>"), t);
        // the new slave's default mode l3 is the port's: the existing slave turns NOARP
        assertTrue(after(t, "ip -d link show ipv1").startsWith("3: ipv1@up0: <BROADCAST,MULTICAST,NOARP,UP,LOWER_UP>"), t);
        assertTrue(after(t, "ip -d link show ipv1").contains("ipvlan  mode l3 bridge "), t);
        String last = t.substring(t.lastIndexOf("$ ip link show ipv1\n"));
        assertTrue(last.contains("3: ipv1@up0: <BROADCAST,MULTICAST,UP,LOWER_UP>"), t);
        assertTrue(t.contains("ipvlan  mode l2 vepa "), t);
    }

    @Test
    void parseErrorsAsIproute2PrintsThem() {
        String t = run("""
                ip link add link up0 name ipv3 type ipvlan mode foo
                ip link add link up0 name ipv3 type ipvlan private vepa
                ip link add link up0 name ipv3 type ipvlan help
                ip link add link up0 name ipv3 type ipvlan mode
                ip link help ipvlan
                """);
        assertEquals("Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n[exit 1]\n",
                after(t, "ip link add link up0 name ipv3 type ipvlan mode foo"));
        assertEquals("""
                ipvlan: unknown option "vepa"?
                Usage: ... ipvlan [ mode MODE ] [ FLAGS ]

                MODE: l3 | l3s | l2
                FLAGS: bridge | private | vepa
                (first values are the defaults if nothing is specified).
                [exit 1]
                """, after(t, "ip link add link up0 name ipv3 type ipvlan private vepa"));
        assertEquals(IpvlanLinkKind.HELP + "[exit 1]\n", after(t, "ip link add link up0 name ipv3 type ipvlan help"));
        assertEquals("Command line is not complete. Try option \"help\"\n[exit 255]\n",
                after(t, "ip link add link up0 name ipv3 type ipvlan mode"));
        assertEquals(IpvlanLinkKind.HELP, after(t, "ip link help ipvlan"));
    }

    @Test
    void kernelRefusals() {
        String t = run("""
                ip link add name ipv3 type ipvlan
                ip link add link lo name ipv3 type ipvlan
                ip link add link up0 name ipv1 type ipvlan
                ip link add link up0 name mv0 type macvlan
                ip link add br0 type bridge
                ip link set up0 master br0
                ip link set ipv1 master br0
                ip link set ipv1 address 02:00:00:00:00:09
                ip link set up0 type ipvlan mode l2
                ip link add link ipv1 name ipv4 type ipvlan
                ip -d link show ipv4
                ip link del up0
                ip link show ipv4
                """);
        assertEquals("RTNETLINK answers: Invalid argument\n[exit 2]\n", after(t, "ip link add name ipv3 type ipvlan"));
        assertEquals("RTNETLINK answers: Invalid argument\n[exit 2]\n", after(t, "ip link add link lo name ipv3 type ipvlan"));
        assertEquals("RTNETLINK answers: Device or resource busy\n[exit 2]\n", after(t, "ip link add link up0 name mv0 type macvlan"));
        assertEquals("RTNETLINK answers: Device or resource busy\n[exit 2]\n", after(t, "ip link set up0 master br0"));
        assertEquals("RTNETLINK answers: Device or resource busy\n[exit 2]\n", after(t, "ip link set ipv1 master br0"));
        assertEquals("RTNETLINK answers: Operation not supported\n[exit 2]\n",
                after(t, "ip link set ipv1 address 02:00:00:00:00:09"));
        // an ipvlan given as lower stacks on that ipvlan's own lower
        assertTrue(after(t, "ip -d link show ipv4").startsWith("5: ipv4@up0: <BROADCAST,MULTICAST,M-DOWN>"), t);
        assertEquals("Device \"ipv4\" does not exist.\n[exit 1]\n", after(t, "ip link show ipv4"));
    }

    @Test
    void anAddressOfOneSlaveCannotGoOnAnother() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l2
                ip link add link up0 name ipv2 netns pod2 type ipvlan mode l2
                ip -n pod1 addr add 10.0.0.11/24 dev ipv1
                ip -n pod2 addr add 10.0.0.11/24 dev ipv2
                ip -n pod1 addr add 10.0.0.11/16 dev ipv1
                ip -n pod2 addr show dev ipv2
                ip -n pod1 addr del 10.0.0.11/24 dev ipv1
                ip -n pod2 addr add 10.0.0.11/24 dev ipv2
                ip addr add 10.0.0.11/24 dev up0
                """);
        assertEquals("Error: Address already assigned to an ipvlan device.\n[exit 2]\n",
                after(t, "ip -n pod2 addr add 10.0.0.11/24 dev ipv2"));
        // the same address under another prefix on the same slave is busy too (ipvlan_addr_busy)
        assertEquals("Error: Address already assigned to an ipvlan device.\n[exit 2]\n",
                after(t, "ip -n pod1 addr add 10.0.0.11/16 dev ipv1"));
        assertTrue(!after(t, "ip -n pod2 addr show dev ipv2").contains("inet "), t);
        assertTrue(t.endsWith("$ ip -n pod2 addr add 10.0.0.11/24 dev ipv2\n$ ip addr add 10.0.0.11/24 dev up0\n"), t);
    }
}
