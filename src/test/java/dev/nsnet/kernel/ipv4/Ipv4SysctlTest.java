package dev.nsnet.kernel.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.kernel.drivers.Veth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * net.ipv4 sysctls of a fresh namespace (recorded with
 * {@code scripts/sandbox.sh 'ip netns add x; ip netns exec x sysctl -a'} on the reference host)
 * and the kernel's write rules.
 */
class Ipv4SysctlTest {
    private NetNamespace ns;
    private Sysctl s;

    @BeforeEach
    void setUp() {
        ns = new Emulation(1).newHost("h").rootNs;
        s = ns.sysctl;
        Veth.create(ns, "veth0", 0x020000000001L, 0, ns, "veth1", 0x020000000002L, 0);
    }

    private String get(String key) { return s.get(key.replace('.', '/')).get().get(); }

    private void set(String key, String v) { s.get(key.replace('.', '/')).set().accept(v); }

    @Test
    void freshNamespaceDefaults() {
        assertEquals("0", get("net.ipv4.ip_forward"));
        assertEquals("64", get("net.ipv4.ip_default_ttl"));
        assertEquals("1\t0", get("net.ipv4.ping_group_range"));
        assertEquals("32768\t60999", get("net.ipv4.ip_local_port_range"));
        assertEquals("1", get("net.ipv4.icmp_echo_ignore_broadcasts"));
        assertEquals("4096\t131072\t33554432", get("net.ipv4.tcp_rmem"));
        assertEquals("0", get("net.ipv4.conf.all.accept_source_route"));
        assertEquals("1", get("net.ipv4.conf.default.accept_source_route"));
        assertEquals("1", get("net.ipv4.conf.veth0.accept_source_route"));
        assertEquals("1", get("net.ipv4.conf.lo.disable_policy"));
        assertEquals("0", get("net.ipv4.conf.veth0.disable_policy"));
        assertEquals("10000", get("net.ipv4.conf.all.igmpv2_unsolicited_report_interval"));
        assertEquals("4096", get("net.core.somaxconn"));
        assertEquals("0", get("net.ipv6.conf.all.disable_ipv6"));
        assertEquals(33, s.all().keySet().stream().filter(k -> k.startsWith("net/ipv4/conf/veth1/")).count());
    }

    @Test
    void writesAreValidatedLikeProcDointvec() {
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_forward", "abc"));
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_forward", "1x"));
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_forward", ""));
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_default_ttl", "0"));
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_default_ttl", "256"));
        assertThrows(KernelException.class, () -> set("net.ipv4.conf.veth0.rp_filter", "99999999999"));
        assertThrows(KernelException.class, () -> set("net.ipv4.ip_local_port_range", "1000 2000"));
        set("net.ipv4.ip_forward", " 1");
        assertEquals("1", get("net.ipv4.ip_forward"));
        set("net.ipv4.conf.veth0.rp_filter", "7");
        assertEquals("7", get("net.ipv4.conf.veth0.rp_filter"));
        set("net.ipv4.ping_group_range", "0 2147483647");
        assertEquals("0\t2147483647", get("net.ipv4.ping_group_range"));
    }

    @Test
    void ipForwardSetsEveryDeviceAndRedirects() {
        set("net.ipv4.ip_forward", "2");
        assertEquals("2", get("net.ipv4.conf.all.forwarding"));
        assertEquals("2", get("net.ipv4.conf.default.forwarding"));
        assertEquals("2", get("net.ipv4.conf.veth0.forwarding"));
        assertEquals("0", get("net.ipv4.conf.all.accept_redirects"));
        assertEquals("1", get("net.ipv4.conf.veth0.accept_redirects"));
        set("net.ipv4.conf.all.forwarding", "0");
        assertEquals("0", get("net.ipv4.ip_forward"));
        assertEquals("1", get("net.ipv4.conf.all.accept_redirects"));
        // default.forwarding only shapes devices created later (golden/092)
        set("net.ipv4.conf.default.forwarding", "1");
        assertEquals("0", get("net.ipv4.conf.veth0.forwarding"));
        Veth.create(ns, "veth2", 0x020000000003L, 0, ns, "veth3", 0x020000000004L, 0);
        assertEquals("1", get("net.ipv4.conf.veth2.forwarding"));
    }

    @Test
    void defaultPropagatesToDevicesThatDidNotSetTheValue() {
        set("net.ipv4.conf.veth0.rp_filter", "0");
        set("net.ipv4.conf.default.rp_filter", "2");
        assertEquals("0", get("net.ipv4.conf.veth0.rp_filter"));
        assertEquals("2", get("net.ipv4.conf.veth1.rp_filter"));
        assertEquals(2, InDevice.of(ns.dev("veth1")).rpFilter());
        set("net.ipv4.conf.all.rp_filter", "1");
        assertEquals(1, InDevice.of(ns.dev("veth0")).rpFilter(), "IN_DEV_RPFILTER is max(all, dev)");
    }

    @Test
    void renameAndUnregisterMoveTheDirectory() {
        Dev.changeName(ns.dev("veth0"), "eth9");
        assertNull(s.get("net/ipv4/conf/veth0/forwarding"));
        assertEquals("0", get("net.ipv4.conf.eth9.forwarding"));
        Dev.unregister(ns.dev("eth9"));
        assertNull(s.get("net/ipv4/conf/eth9/forwarding"));
    }
}
