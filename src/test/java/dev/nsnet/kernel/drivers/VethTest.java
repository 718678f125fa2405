package dev.nsnet.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.OperState;
import dev.nsnet.kernel.core.RtnlLink;
import org.junit.jupiter.api.Test;

/**
 * veth_newlink/veth_open/veth_close as the 6.18 recording kernel showed them (sandbox runs noted
 * in src/test/resources/dev/nsnet/tools/ip/ip-link-more.out and golden/010, 015, 018).
 */
class VethTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final NetNamespace root = host.rootNs;

    private NetDevice pair(NetNamespace ns, String a, NetNamespace peerNs, String b) {
        return Veth.create(ns, a, 0x020000000001L, 0, peerNs, b, 0x020000000002L, 0);
    }

    @Test
    void newPairCountsOneCarrierTransitionPerEnd() {
        // `ip -s -s link show v1` right after creation: "transns 1"; after both ends up: 2
        NetDevice v1 = pair(root, "v1", root, "v2");
        NetDevice v2 = Veth.peer(v1);
        assertEquals(1, v1.carrierChanges);
        RtnlLink.changeFlags(v1, 1, 1);
        RtnlLink.changeFlags(v2, 1, 1);
        assertEquals(2, v1.carrierChanges);
        assertEquals(OperState.UP, v1.reportedOperstate());
    }

    @Test
    void upEndWithDownPeerIsLowerLayerDown() {
        // golden/010: veth0 up, veth1 never up -> LOWERLAYERDOWN; then both up, veth1 down -> LOWERLAYERDOWN
        NetDevice v0 = pair(root, "veth0", root, "veth1");
        NetDevice v1 = Veth.peer(v0);
        RtnlLink.changeFlags(v0, 1, 1);
        assertEquals(OperState.LOWERLAYERDOWN, v0.reportedOperstate());
        RtnlLink.changeFlags(v1, 1, 1);
        RtnlLink.changeFlags(v1, 0, 1);
        assertEquals(OperState.LOWERLAYERDOWN, v0.reportedOperstate());
        assertEquals(OperState.DOWN, v1.reportedOperstate());
    }

    @Test
    void peerMovedAwayLeavesDownNotLowerLayerDown() {
        // golden/015: after `ip link set veth1 netns a`, veth0 (up) reports state DOWN
        NetNamespace a = host.createNetns();
        NetDevice v0 = pair(root, "veth0", root, "veth1");
        NetDevice v1 = Veth.peer(v0);
        RtnlLink.changeFlags(v0, 1, 1);
        RtnlLink.changeFlags(v1, 1, 1);
        Dev.changeNetNamespace(v1, a, null);
        assertEquals(OperState.DOWN, v0.reportedOperstate());
        assertEquals("noop", v1.qdisc);
        assertEquals(2, v1.ifindex);
    }

    @Test
    void crossNetnsEndLooksUpThePeerIndexInItsOwnNamespace() {
        // golden/101: veth2 (root, 4) with its peer eth0 (netns a, 2) set up: default_operstate()
        // finds root's ifindex 2 (veth1, without carrier) and reports LOWERLAYERDOWN
        NetNamespace a = host.createNetns();
        NetDevice v0 = pair(root, "veth0", root, "veth1");
        NetDevice v1 = Veth.peer(v0);
        NetDevice v2 = Veth.create(root, "veth2", 0x020000000003L, 0, a, "eth0", 0x020000000004L, 0);
        NetDevice eth0 = Veth.peer(v2);
        assertEquals(2, eth0.ifindex);
        assertEquals(2, v1.ifindex);
        RtnlLink.changeFlags(v2, 1, 1);
        assertEquals(OperState.LOWERLAYERDOWN, v2.reportedOperstate());
        // eth0 looks up index 4 in netns a: no such device -> DOWN
        RtnlLink.changeFlags(eth0, 1, 1);
        RtnlLink.changeFlags(v2, 0, 1);
        assertEquals(OperState.DOWN, eth0.reportedOperstate());
    }

    @Test
    void crossNetnsEndWithACarrierAtThePeerIndexIsDown() {
        // sandbox: the device found at the peer's index (veth1, 2) has carrier -> `veth2@if2 DOWN`
        // with <NO-CARRIER,...,UP>, not LOWERLAYERDOWN
        NetNamespace a = host.createNetns();
        NetDevice v0 = pair(root, "veth0", root, "veth1");
        RtnlLink.changeFlags(v0, 1, 1);
        RtnlLink.changeFlags(Veth.peer(v0), 1, 1);
        NetDevice v2 = Veth.create(root, "veth2", 0x020000000003L, 0, a, "eth0", 0x020000000004L, 0);
        RtnlLink.changeFlags(v2, 1, 1);
        assertEquals(OperState.DOWN, v2.reportedOperstate());
    }

    @Test
    void peerConfiguredUpBeforeTheDeviceExistsIsNotConnected() {
        // `ip link add v4 ... up type veth peer name v5 ... up` -> "RTNETLINK answers: Transport
        // endpoint is not connected", and the peer's ifindex stays consumed
        KernelException e = assertThrows(KernelException.class, () -> Veth.newLink(root, "v4", null, 0,
                emu.random(), root, "v5", null, 0, peer -> RtnlLink.changeFlags(peer, 1, 1)));
        assertEquals(Errno.ENOTCONN, e.errno);
        assertNull(root.dev("v5"));
        NetDevice v = pair(root, "v4", root, "v5");
        assertEquals(4, v.ifindex);
        assertEquals(3, Veth.peer(v).ifindex);
    }

    @Test
    void deletingOneEndDeletesTheOtherAcrossNamespaces() {
        NetNamespace a = host.createNetns();
        NetDevice v0 = pair(root, "veth0", a, "eth0");
        Dev.unregister(v0);
        assertNull(a.dev("eth0"));
    }

    @Test
    void randomAddressesAreLocalUnicastAndSeeded() {
        long m1 = EtherDevice.randomAddr(new Emulation(7).random());
        long m2 = EtherDevice.randomAddr(new Emulation(7).random());
        assertEquals(m1, m2);
        assertEquals(0x02, (m1 >>> 40) & 0x03);
    }
}
