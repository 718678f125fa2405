package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * KernelConfig: the reference kernel (the one goldens are recorded on) has no ipvlan and no 8021q,
 * so those kinds answer as rtnl_newlink() does without their ops (recorded on that kernel:
 * {@code Error: Unknown device type.}, status 2, nothing created, the kind's validate never
 * reached); {@code nsnet-world kernel HOST full} and {@code --kernel full} add them.
 */
class KernelConfigTest {
    private static final String WORLD = """
            ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
            """;

    @Test
    void theReferenceKernelHasNeitherIpvlanNorVlan() {
        String t = Transcript.run(Script.parse("t", WORLD + """
                ip link add link up0 name ipv1 type ipvlan mode l2
                ip link add link up0 name up0.10 type vlan id 10
                ip link add link up0 name up0.9 type vlan id 4095
                ip link add link up0 name up0 type vlan id 10
                ip -br link
                nsnet-world kernel nsnet
                """), new Session(1));
        assertEquals(("$ ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02\n"
                + "$ ip link add link up0 name ipv1 type ipvlan mode l2\nError: Unknown device type.\n[exit 2]\n"
                + "$ ip link add link up0 name up0.10 type vlan id 10\nError: Unknown device type.\n[exit 2]\n"
                + "$ ip link add link up0 name up0.9 type vlan id 4095\nError: Unknown device type.\n[exit 2]\n"
                + "$ ip link add link up0 name up0 type vlan id 10\nRTNETLINK answers: File exists\n[exit 2]\n"
                + "$ ip -br link\n"
                + "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n"
                + "up1@up0          DOWN           02:00:00:00:00:02 <BROADCAST,MULTICAST,M-DOWN> \n"
                + "up0@up1          DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n"
                + "$ nsnet-world kernel nsnet\nreference\n"), t);
    }

    @Test
    void aFullKernelHasThem() {
        String t = Transcript.run(Script.parse("t", WORLD + """
                nsnet-world kernel nsnet full
                ip link add link up0 name up0.9 type vlan id 4095
                ip link add link up0 name up0.10 type vlan id 10
                ip link add link up0 name ipv1 type ipvlan mode l2
                ip -br link show type vlan
                ip -br link show type ipvlan
                nsnet-world kernel nsnet
                nsnet-world kernel nsnet huge
                """), new Session(1));
        assertEquals(("$ ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02\n"
                + "$ nsnet-world kernel nsnet full\n"
                + "$ ip link add link up0 name up0.9 type vlan id 4095\nError: 8021q: Invalid VLAN id.\n[exit 2]\n"
                + "$ ip link add link up0 name up0.10 type vlan id 10\n"
                + "$ ip link add link up0 name ipv1 type ipvlan mode l2\n"
                + "$ ip -br link show type vlan\n"
                + "up0.10@up0       DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n"
                + "$ ip -br link show type ipvlan\n"
                + "ipv1@up0         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n"
                + "$ nsnet-world kernel nsnet\nfull\n"
                + "$ nsnet-world kernel nsnet huge\n"
                + "nsnet-world kernel: unknown kernel \"huge\" (expected reference or full)\n[exit 1]\n"), t);
    }

    @Test
    void runTakesKernelFull() {
        Session s = new Session(1);
        assertEquals("reference", s.host.kernel.name);
        s.withKernel(dev.nsnet.kernel.core.KernelConfig.FULL);
        assertEquals("full", s.host.kernel.name);
        assertEquals("full", s.emulation.newHost("other").kernel.name);
    }
}
