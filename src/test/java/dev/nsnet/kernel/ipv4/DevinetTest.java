package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.FibTest.addr;
import static dev.nsnet.kernel.ipv4.FibTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Veth;
import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Addresses (devinet.c) and the routes the kernel derives from them (fib_frontend.c), checked
 * against what the real kernel does (golden/020, 021, 024 and sandbox runs).
 */
class DevinetTest {
    private NetNamespace ns;
    private NetDevice veth0, veth1;

    @BeforeEach
    void setUp() {
        ns = new Emulation(1).newHost("h").rootNs;
        Dev.open(ns.loopback);
        veth0 = Veth.create(ns, "veth0", 0x020000000001L, 0, ns, "veth1", 0x020000000002L, 0);
        veth1 = ns.dev("veth1");
    }

    private static String list(NetDevice d) {
        List<String> l = new ArrayList<>();
        for (IfAddr a : InDevice.of(d).addresses()) {
            l.add(Inet4.format(a.local) + "/" + a.prefixLen + (a.secondary() ? " sec" : ""));
        }
        return String.join(", ", l);
    }

    /** The local and main tables as "type dst dev src" lines, in dump order. */
    private String routes() {
        List<String> l = new ArrayList<>();
        for (int t : new int[] {Route.TABLE_MAIN, Route.TABLE_LOCAL}) {
            for (FibAlias fa : Ipv4Net.of(ns).table(t, false).dump()) {
                Route r = fa.route;
                l.add(r.type().iprouteName() + " " + Inet4.format(r.dst()) + "/" + r.prefixLen() + " "
                        + r.dev().name + " " + Inet4.format(r.prefsrc()));
            }
        }
        return String.join("\n", l);
    }

    private void add(NetDevice d, String cidr, int scope) {
        Devinet.AddrRequest r = addr(cidr);
        r.scope = scope;
        Devinet.newAddr(d, r);
    }

    /*
     * inetdev_changename() (fuzz seed 306; golden/504-fuzz-addr-labels-after-rename recorded on
     * kernel 6.18): the first address gets the bare name, the others keep their alias suffix or get
     * ":N" (their 1-based position); a suffix that does not fit cuts the end of the name.
     */
    @Test
    void renameRelabelsAddressesLikeInetdevChangename() {
        add(veth0, "10.0.1.3/28", 0);
        add(veth0, "10.0.1.2/28", 0);
        Devinet.AddrRequest web = addr("10.0.1.4/28");
        web.label = "veth0:web";
        Devinet.newAddr(veth0, web);
        add(veth0, "10.0.2.1/24", 0);
        Dev.changeName(veth0, "abcdefghijklmn");
        List<String> labels = new ArrayList<>();
        for (IfAddr a : InDevice.of(veth0).addresses()) labels.add(Inet4.format(a.local) + " " + a.label);
        assertEquals(List.of("10.0.1.3 abcdefghijklmn", "10.0.2.1 abcdefghijklm:2", "10.0.1.2 abcdefghijklm:3",
                "10.0.1.4 abcdefghijk:web"), labels);
        Dev.changeName(veth0, "x");
        labels.clear();
        for (IfAddr a : InDevice.of(veth0).addresses()) labels.add(a.label);
        assertEquals(List.of("x", "x:2", "x:3", "x:web"), labels);
    }

    /*
     * inetdev_event(NETDEV_CHANGEMTU) (fuzz seed 1499; golden/507-fuzz-mtu-below-ipv4-min recorded
     * on kernel 6.18): below 68 bytes lo loses its in_device with 127.0.0.1 and its local routes;
     * at 68 it gets an empty one back, and 127.0.0.1 returns only with the next up.
     */
    @Test
    void mtuBelowIpv4MinimumDestroysTheInDevice() {
        NetDevice lo = ns.loopback;
        Dev.setMtu(lo, 67);
        assertEquals(null, InDevice.of(lo));
        assertTrue(Ipv4Net.of(ns).table(Route.TABLE_LOCAL, false).dump().isEmpty(), "127.0.0.1's routes went with it");
        Dev.setMtu(lo, 68);
        assertTrue(InDevice.of(lo).addresses().isEmpty());
        Dev.close(lo);
        Dev.open(lo);
        assertEquals("127.0.0.1/8", list(lo));
    }

    @Test
    void primariesSortedByScopeSecondariesLast() {
        // golden/020-addr-add-show
        add(veth0, "10.0.0.1/24", 0);
        add(veth0, "10.0.0.5/24", 0);
        add(veth0, "10.0.0.6/24", 0);
        add(veth0, "10.1.0.1/16", 253);
        add(veth0, "10.0.0.3/32", 0);
        add(veth0, "192.168.9.1/24", 0);
        add(veth0, "172.16.0.1/12", 254);
        assertEquals("172.16.0.1/12, 10.1.0.1/16, 10.0.0.1/24, 10.0.0.3/32, 192.168.9.1/24, 10.0.0.5/24 sec, 10.0.0.6/24 sec",
                list(veth0));
        KernelException e = assertThrows(KernelException.class, () -> add(veth0, "10.0.0.1/24", 0));
        assertEquals("ipv4: Address already assigned", e.extack);
        e = assertThrows(KernelException.class, () -> add(veth0, "10.0.0.9/24", 253));
        assertEquals("ipv4: Invalid scope value", e.extack);
        add(veth0, "10.0.0.1/16", 0); // same address, other mask: accepted
    }

    @Test
    void deletingPrimaryTakesSecondariesOrPromotes() {
        // golden/021-addr-del-flush
        add(veth0, "10.0.0.1/24", 0);
        add(veth0, "10.0.0.5/24", 0);
        add(veth0, "10.0.0.6/24", 0);
        add(veth0, "10.9.0.1/16", 0);
        Devinet.delAddr(veth0, ip("10.0.0.1"), ip("10.0.0.1"), 24, null);
        assertEquals("10.9.0.1/16", list(veth0));

        InDevice.of(veth1).conf().set(DevConf.PROMOTE_SECONDARIES, 1);
        add(veth1, "10.0.0.1/24", 0);
        add(veth1, "10.0.0.5/24", 0);
        add(veth1, "10.0.0.6/24", 0);
        Devinet.delAddr(veth1, ip("10.0.0.1"), ip("10.0.0.1"), 24, null);
        assertEquals("10.0.0.5/24, 10.0.0.6/24 sec", list(veth1));
        assertEquals("""
                local 10.0.0.5/32 veth1 10.0.0.5
                local 10.0.0.6/32 veth1 10.0.0.5
                local 10.9.0.1/32 veth0 10.9.0.1
                local 127.0.0.0/8 lo 127.0.0.1
                local 127.0.0.1/32 lo 127.0.0.1
                broadcast 127.255.255.255/32 lo 127.0.0.1""", routes());
        e(() -> Devinet.delAddr(veth0, ip("10.0.0.9"), ip("10.0.0.9"), 24, null), "ipv4: Address not found");
    }

    private static void e(Runnable r, String extack) {
        KernelException ex = assertThrows(KernelException.class, r::run);
        assertEquals(extack, ex.extack);
    }

    @Test
    void localRoutesAtOnceOthersWhileUpAndLinkdown() {
        // golden/024-addr-kernel-routes
        add(veth0, "10.0.0.1/24", 0);
        add(veth0, "10.0.0.5/24", 0);
        add(veth0, "192.168.1.1/30", 0);
        assertEquals("""
                local 10.0.0.1/32 veth0 10.0.0.1
                local 10.0.0.5/32 veth0 10.0.0.1
                local 127.0.0.0/8 lo 127.0.0.1
                local 127.0.0.1/32 lo 127.0.0.1
                broadcast 127.255.255.255/32 lo 127.0.0.1
                local 192.168.1.1/32 veth0 192.168.1.1""", routes());
        Dev.open(veth0);
        Dev.open(veth1);
        assertEquals("""
                unicast 10.0.0.0/24 veth0 10.0.0.1
                unicast 192.168.1.0/30 veth0 192.168.1.1
                local 10.0.0.1/32 veth0 10.0.0.1
                local 10.0.0.5/32 veth0 10.0.0.1
                broadcast 10.0.0.255/32 veth0 10.0.0.1
                local 127.0.0.0/8 lo 127.0.0.1
                local 127.0.0.1/32 lo 127.0.0.1
                broadcast 127.255.255.255/32 lo 127.0.0.1
                local 192.168.1.1/32 veth0 192.168.1.1
                broadcast 192.168.1.3/32 veth0 192.168.1.1""", routes());
        Dev.close(veth1);
        FibAlias conn = Ipv4Net.of(ns).table(Route.TABLE_MAIN, false).dump().get(0);
        assertTrue(conn.linkdown());
        FibAlias local = Ipv4Net.of(ns).table(Route.TABLE_LOCAL, false).dump().get(0);
        assertFalse(local.linkdown());
        Dev.close(veth0);
        assertEquals("""
                local 10.0.0.1/32 veth0 10.0.0.1
                local 10.0.0.5/32 veth0 10.0.0.1
                local 127.0.0.0/8 lo 127.0.0.1
                local 127.0.0.1/32 lo 127.0.0.1
                broadcast 127.255.255.255/32 lo 127.0.0.1
                local 192.168.1.1/32 veth0 192.168.1.1""", routes());
    }

    @Test
    void staticRoutesDieWithTheirDeviceAndDoNotComeBack() {
        add(veth0, "10.0.0.1/24", 0);
        Dev.open(veth0);
        Dev.open(veth1);
        Fib.insert(ns, FibTest.route("192.168.5.0/24", "10.0.0.2", null));
        FibConfig src = FibTest.route("192.168.6.0/24", null, veth0);
        src.prefsrc = ip("10.0.0.1");
        Fib.insert(ns, src);
        Dev.close(veth0);
        Dev.open(veth0);
        assertEquals(1, Ipv4Net.of(ns).table(Route.TABLE_MAIN, false).size(), "only the connected route returns");
        Fib.insert(ns, src);
        Devinet.delAddr(veth0, ip("10.0.0.1"), ip("10.0.0.1"), 24, null);
        assertEquals(0, Ipv4Net.of(ns).table(Route.TABLE_MAIN, false).size(), "the last address takes the device's routes");
    }

    @Test
    void loopbackGetsItsAddressWhenUp() {
        assertEquals("127.0.0.1/8", list(ns.loopback));
        Dev.close(ns.loopback);
        assertEquals("127.0.0.1/8", list(ns.loopback));
        Dev.open(ns.loopback);
        assertEquals("127.0.0.1/8", list(ns.loopback));
        assertEquals(254, InDevice.of(ns.loopback).addresses().get(0).scope);
    }

    @Test
    void selectAddrPrefersTheSubnetAndSkipsLinkScopeElsewhere() {
        add(veth0, "10.1.0.1/16", 253);
        add(veth0, "10.0.0.1/24", 0);
        add(veth0, "10.2.0.1/24", 0);
        assertEquals(ip("10.2.0.1"), Inet.selectAddr(veth0, ip("10.2.0.9"), 0));
        assertEquals(ip("10.0.0.1"), Inet.selectAddr(veth0, ip("8.8.8.8"), 0));
        assertEquals(ip("10.1.0.1"), Inet.selectAddr(veth0, 0, 253));
        // veth1 has no address: the first global-enough primary of any device (lo's is scope host)
        assertEquals(ip("10.0.0.1"), Inet.selectAddr(veth1, 0, 0));
        assertEquals(ip("127.0.0.1"), Inet.selectAddr(veth1, 0, 254));
    }

    @Test
    void deviceDeletionRemovesAddressesAndRoutes() {
        add(veth0, "10.0.0.1/24", 0);
        Dev.open(veth0);
        Dev.unregister(veth0);
        for (FibTable t : Ipv4Net.of(ns).tablesInDumpOrder()) {
            for (FibAlias fa : t.dump()) assertEquals(ns.loopback, fa.route.dev());
        }
        assertEquals(null, ns.sysctl.get("net/ipv4/conf/veth0/forwarding"));
        assertThrows(KernelException.class, () -> RouteOutput.resolve(ns, ip("10.0.0.2"), 0, 0, 0, 0));
        assertEquals(Errno.ENETUNREACH, assertThrows(KernelException.class,
                () -> RouteOutput.resolve(ns, ip("10.0.0.2"), 0, 0, 0, 0)).errno);
    }
}
