package dev.nsnet.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nsnet.kernel.drivers.Veth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rtnetlink.c's link requests as the 6.18 recording kernel answered them in the sandbox
 * (src/test/resources/dev/nsnet/tools/ip/ip-link-props.out).
 */
class RtnlLinkTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final NetNamespace root = host.rootNs;

    private NetDevice pair(String a, String b) {
        return Veth.create(root, a, 0x020000000001L, 0, root, b, 0x020000000002L, 0);
    }

    private static KernelException refused(Runnable r) { return assertThrows(KernelException.class, r::run); }

    @Test
    void altnamesShareTheNameSpaceOfTheNamespace() {
        NetDevice v0 = pair("veth0", "veth1");
        NetDevice v1 = Veth.peer(v0);
        RtnlLink.linkProp(v0, true, List.of("foo0"));
        assertSame(v0, RtnlLink.devGetByName(root, "foo0"));
        // property add of a name in use (an altname, or another device's name): File exists
        assertEquals(Errno.EEXIST, refused(() -> RtnlLink.linkProp(v0, true, List.of("foo0"))).errno);
        assertEquals(Errno.EEXIST, refused(() -> RtnlLink.linkProp(v0, true, List.of("veth1"))).errno);
        // renaming onto an altname: File exists
        assertEquals(Errno.EEXIST, refused(() -> Dev.changeName(v1, "foo0")).errno);
        // deleting another device's altname or the primary name: Invalid argument; absent: ENOENT
        RtnlLink.linkProp(v1, true, List.of("x2"));
        assertEquals(Errno.EINVAL, refused(() -> RtnlLink.linkProp(v0, false, List.of("x2"))).errno);
        assertEquals(Errno.EINVAL, refused(() -> RtnlLink.linkProp(v0, false, List.of("veth0"))).errno);
        RtnlLink.linkProp(v0, false, List.of("foo0"));
        assertEquals(Errno.ENOENT, refused(() -> RtnlLink.linkProp(v0, false, List.of("foo0"))).errno);
    }

    @Test
    void altnamesAddedBeforeARefusalStay() {
        // `altname x1 altname x1`: File exists, x1 stays
        NetDevice v0 = pair("veth0", "veth1");
        refused(() -> RtnlLink.linkProp(v0, true, List.of("x1", "x1")));
        assertEquals(List.of("x1"), v0.altnames);
    }

    @Test
    void altnamesMoveWithTheDevice() {
        NetNamespace b = host.createNetns();
        NetDevice v0 = pair("veth0", "veth1");
        NetDevice v1 = Veth.peer(v0);
        RtnlLink.linkProp(v1, true, List.of("peer1"));
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.netns = b;
        RtnlLink.setlink(v1, s);
        assertSame(v1, RtnlLink.devGetByName(b, "peer1"));
        assertEquals(null, RtnlLink.devGetByName(root, "peer1"));
    }

    @Test
    void linkModeDormantHoldsAnOperationalDeviceInDormant() {
        // mode dormant + up with the peer up: state DORMANT, no RUNNING (printed NO-CARRIER)
        NetDevice v0 = pair("veth0", "veth1");
        NetDevice v1 = Veth.peer(v0);
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.linkMode = 1;
        RtnlLink.setlink(v0, s);
        RtnlLink.changeFlags(v1, If.IFF_UP, If.IFF_UP);
        RtnlLink.changeFlags(v0, If.IFF_UP, If.IFF_UP);
        assertEquals(OperState.DORMANT, v0.reportedOperstate());
        assertEquals(0, v0.reportedFlags() & If.IFF_RUNNING);
        // state up releases it; state testing / dormant only from an operational state
        RtnlLink.setOperstate(v0, OperState.UP.ordinal());
        assertEquals(OperState.UP, v0.reportedOperstate());
        RtnlLink.setOperstate(v0, OperState.TESTING.ordinal());
        assertEquals(OperState.TESTING, v0.reportedOperstate());
        RtnlLink.setOperstate(v0, OperState.DORMANT.ordinal());
        assertEquals(OperState.TESTING, v0.reportedOperstate());
    }

    @Test
    void addrGenModeNeedsAnInet6DevAndIsResetWithIt() {
        NetDevice v0 = pair("veth0", "veth1");
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.addrGenMode = 3;
        RtnlLink.setlink(v0, s);
        assertEquals(3, v0.addrGenMode);
        RtnlLink.SetLink stable = new RtnlLink.SetLink();
        stable.addrGenMode = 2; // stable_secret without net.ipv6.conf.X.stable_secret
        assertEquals(Errno.EINVAL, refused(() -> RtnlLink.setlink(v0, stable)).errno);
        RtnlLink.SetLink mtu = new RtnlLink.SetLink();
        mtu.mtu = 1000;
        RtnlLink.setlink(v0, mtu);
        assertEquals(Errno.EAFNOSUPPORT, refused(() -> RtnlLink.setlink(v0, s)).errno);
        mtu.mtu = 1500;
        RtnlLink.setlink(v0, mtu);
        assertEquals(0, v0.addrGenMode);
    }

    @Test
    void protodownAndVfAreRefusedByTheModelledDrivers() {
        NetDevice v0 = pair("veth0", "veth1");
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.protoDown = 0;
        KernelException e = refused(() -> RtnlLink.setlink(v0, s));
        assertEquals(Errno.EOPNOTSUPP, e.errno);
        assertEquals("Protodown not supported by device", e.extack);
        RtnlLink.SetLink vf = new RtnlLink.SetLink();
        vf.vfInfo = true;
        assertEquals(Errno.EOPNOTSUPP, refused(() -> RtnlLink.setlink(v0, vf)).errno);
        RtnlLink.SetLink gso = new RtnlLink.SetLink();
        gso.gsoMaxSize = 600000;
        assertEquals("too big gso_max_size", refused(() -> RtnlLink.setlink(v0, gso)).extack);
    }

    @Test
    void unknownLinkNetnsidIsRefusedFirst() {
        NetDevice v0 = pair("veth0", "veth1");
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.linkNetnsid = 1;
        s.mtu = 1400;
        assertEquals("Unknown network namespace id", refused(() -> RtnlLink.setlink(v0, s)).extack);
        assertEquals(1500, v0.mtu);
    }
}
