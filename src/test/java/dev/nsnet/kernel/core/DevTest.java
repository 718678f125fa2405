package dev.nsnet.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nsnet.kernel.drivers.Veth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device registration rules, checked against what the real kernel (6.18) did in a sandbox. */
class DevTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final NetNamespace root = host.rootNs;

    private NetDevice veth(NetNamespace ns, String a, String b) {
        return Veth.create(ns, a, 0x020000000001L, 0, ns, b, 0x020000000002L, 0);
    }

    private List<String> names(NetNamespace ns) {
        return ns.devices().stream().map(d -> d.ifindex + ":" + d.name).toList();
    }

    @Test
    void freshNamespaceHasOnlyLoopbackDown() {
        assertEquals(List.of("1:lo"), names(root));
        NetDevice lo = root.dev("lo");
        assertEquals(OperState.DOWN, lo.reportedOperstate());
        assertEquals(If.IFF_LOOPBACK, lo.reportedFlags());
        assertEquals(65536, lo.mtu);
    }

    /*
     * scripts/sandbox.sh 'ip link add v1 type veth peer name v2; ip link add v3 type veth peer name v4;
     *   ip link del v1; ip link add v5 type veth peer name v6; ip -o link'
     * gave 4:v4 5:v3 6:v6 7:v5 - the peer registers first and indexes are allocated cyclically.
     */
    @Test
    void ifindexIsCyclicAndVethPeerComesFirst() {
        veth(root, "v1", "v2");
        veth(root, "v3", "v4");
        Dev.unregister(root.dev("v1"));
        veth(root, "v5", "v6");
        assertEquals(List.of("1:lo", "4:v4", "5:v3", "6:v6", "7:v5"), names(root));
    }

    /* Moving keeps the ifindex when it is free in the target; the target's cursor is not moved by it. */
    @Test
    void movedDeviceKeepsIfindexWhenFree() {
        NetNamespace x = host.createNetns();
        veth(root, "c", "d");                 // d=2, c=3
        Dev.changeNetNamespace(root.dev("c"), x, null);
        veth(x, "e", "f");                    // f=2, e=4 in x
        assertEquals(List.of("1:lo", "2:f", "3:c", "4:e"), names(x));
        NetDevice f = x.dev("f");
        Dev.changeNetNamespace(f, root, "f");  // 2 is taken by d in root: gets a new index
        assertEquals(4, root.dev("f").ifindex);
    }

    /*
     * __dev_change_net_namespace() refusals, each with its extack message (fuzz seed 462;
     * golden/501-fuzz-netns-move-name-clash recorded on kernel 6.18): the name taken in the target,
     * the fallback name taken too, an altname of the device taken, the requested ifindex taken.
     */
    @Test
    void moveIntoNamespaceWithClashesExplainsWhy() {
        NetNamespace x = host.createNetns();
        veth(x, "veth0", "eth0");
        NetDevice v = veth(root, "veth0", "peer0");
        KernelException e = assertThrows(KernelException.class, () -> Dev.changeNetNamespace(v, x, null));
        assertEquals(Errno.EEXIST, e.errno);
        assertEquals("An interface with the same name exists in the target netns", e.extack);
        e = assertThrows(KernelException.class, () -> Dev.changeNetNamespace(v, x, "eth0"));
        assertEquals("Unable to use 'eth0' for the new interface name in the target netns", e.extack);
        NetDevice w = veth(root, "x0", "x1");
        w.altnames.add("eth0");
        host.altnamesAdded++;
        e = assertThrows(KernelException.class, () -> Dev.changeNetNamespace(w, x, null));
        assertEquals("An interface with the altname eth0 exists in the target netns", e.extack);
        e = assertThrows(KernelException.class, () -> Dev.changeNetNamespace(Veth.peer(w), x, null, 1));
        assertEquals("The ifindex 1 is not available in the target netns", e.extack);
        Dev.changeNetNamespace(v, x, "veth9");
        assertSame(v, x.dev("veth9"));
    }

    @Test
    void vethCarrierNeedsBothEndsUp() {
        NetDevice a = veth(root, "a0", "b0");
        NetDevice b = Veth.peer(a);
        Dev.open(a);
        assertEquals(OperState.LOWERLAYERDOWN, a.reportedOperstate());
        assertEquals(0, a.reportedFlags() & If.IFF_LOWER_UP);
        Dev.open(b);
        assertEquals(OperState.UP, a.reportedOperstate());
        assertEquals(OperState.UP, b.reportedOperstate());
        assertEquals("noqueue", a.qdisc);
        Dev.close(b);
        assertEquals(OperState.LOWERLAYERDOWN, a.reportedOperstate());
        assertEquals(OperState.DOWN, b.reportedOperstate());
    }

    @Test
    void deletingOneVethEndDeletesThePeerAndNamesMustBeUnique() {
        NetDevice a = veth(root, "a0", "b0");
        assertThrows(KernelException.class, () -> veth(root, "a0", "zz"));
        assertNull(root.dev("zz"), "a failed create leaves nothing behind");
        Dev.unregister(a);
        assertNull(root.dev("b0"));
        assertEquals(List.of("1:lo"), names(root));
    }

    @Test
    void destroyingANamespaceTakesItsVethPeerAlong() {
        NetNamespace x = host.createNetns();
        NetDevice a = Veth.create(root, "host0", 2, 0, x, "eth0", 4, 0);
        assertSame(x, Veth.peer(a).ns);
        host.destroyNetns(x);
        assertNull(root.dev("host0"));
    }
}
