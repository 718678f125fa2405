package dev.nsnet.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SysctlTest {
    static final class Conf { int rpFilter; int forwarding = 1; }

    private static final Sysctl.Table<Conf> CONF = new Sysctl.Table<Conf>()
            .addInt("rp_filter", c -> c.rpFilter, (c, v) -> c.rpFilter = v, 0, 2)
            .addInt("forwarding", c -> c.forwarding, null, 0, 1);

    @Test
    void mountedPerNameEntriesResolveOnAccessAndListInPathOrder() {
        Map<String, Conf> devs = new TreeMap<>(Map.of("veth0", new Conf(), "lo", new Conf()));
        int[] fwd = {0};
        Sysctl s = new Sysctl();
        s.registerInt("net/ipv4/ip_forward", () -> fwd[0], v -> fwd[0] = v, 0, 1);
        s.mountPerName("net/ipv4/conf/", CONF, devs::get, devs::keySet);

        s.get("net/ipv4/conf/veth0/rp_filter").set().accept("2");
        assertEquals(2, devs.get("veth0").rpFilter);
        assertEquals("2", s.get("net/ipv4/conf/veth0/rp_filter").get().get());
        assertThrows(KernelException.class, () -> s.get("net/ipv4/conf/lo/rp_filter").set().accept("3"));
        assertFalse(s.get("net/ipv4/conf/lo/forwarding").writable());
        assertNull(s.get("net/ipv4/conf/nope/rp_filter"));
        assertNull(s.get("net/ipv4/conf/lo/nope"));
        assertTrue(s.isDirectory("net/ipv4/conf/lo"));
        assertTrue(s.isDirectory("net/ipv4"));
        assertFalse(s.isDirectory("net/ipv4/conf/nope"));
        assertEquals(List.of("net/ipv4/conf/lo/forwarding", "net/ipv4/conf/lo/rp_filter",
                "net/ipv4/conf/veth0/forwarding", "net/ipv4/conf/veth0/rp_filter", "net/ipv4/ip_forward"),
                List.copyOf(s.all().keySet()));
        devs.remove("veth0");
        assertNull(s.get("net/ipv4/conf/veth0/rp_filter"), "a device's directory goes with it");
    }
}
