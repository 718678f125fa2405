package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.IpInputWorld.addr;
import static dev.nsnet.kernel.ipv4.IpInputWorld.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import org.junit.jupiter.api.Test;

/** ip_route_input_slow()'s verdicts: martians, local, broadcast, forwarding off, rp_filter. */
class RouteInputTest {
    private final IpInputWorld w = new IpInputWorld();
    private final NetNamespace a = w.ns();
    private final NetNamespace b = w.ns();
    private final NetDevice[] link = w.veth(a, "veth0", "02:00:00:00:00:01", b, "eth0", "02:00:00:00:00:02");

    RouteInputTest() {
        addr(link[0], "10.0.0.1/24");
    }

    private int route(String dst, String src) {
        SkBuff skb = w.emu.pool.alloc(64);
        try {
            skb.protocol = Ether.P_IP;
            skb.dev = link[0];
            int err = RouteInput.routeInput(skb, ip(dst), ip(src), 0, link[0]);
            return err != 0 ? RouteInput.errno(err) : skb.routeType * 1000 + (skb.routeType == RouteInput.UNREACHABLE ? skb.nexthop : 0);
        } finally {
            skb.free();
        }
    }

    @Test
    void verdicts() {
        assertEquals(RouteInput.LOCAL * 1000, route("10.0.0.1", "10.0.0.2"));
        assertEquals(RouteInput.BROADCAST * 1000, route("255.255.255.255", "10.0.0.2"));
        assertEquals(-Errno.EINVAL.code, route("10.0.0.1", "127.0.0.1"), "loopback source is a martian");
        assertEquals(-Errno.EINVAL.code, route("127.0.0.1", "10.0.0.2"), "loopback destination is a martian");
        assertEquals(-Errno.EINVAL.code, route("10.0.0.1", "224.0.0.1"), "multicast source");
        assertEquals(-Errno.EINVAL.code, route("10.0.0.1", "10.0.0.1"), "our own address as source");
        // Not ours, forwarding off: ip_error with EHOSTUNREACH (dropped silently, counted as InAddrErrors).
        assertEquals(RouteInput.UNREACHABLE * 1000 + Errno.EHOSTUNREACH.code, route("10.0.0.9", "10.0.0.2"));
        IpInputWorld.forwarding(a, true);
        assertEquals(RouteInput.UNICAST * 1000, route("10.0.0.9", "10.0.0.2"));
        assertEquals(RouteInput.UNREACHABLE * 1000 + Errno.ENETUNREACH.code, route("192.0.2.1", "10.0.0.2"));
        a.sysctl.get("net/ipv4/conf/veth0/rp_filter").set().accept("1");
        assertEquals(-Errno.EXDEV.code, route("10.0.0.1", "192.0.2.7"), "strict rp_filter: no route back");
        a.sysctl.get("net/ipv4/conf/veth0/rp_filter").set().accept("2");
        assertEquals(-Errno.EXDEV.code, route("10.0.0.1", "192.0.2.7"), "loose rp_filter: still no route at all");
        IpInputWorld.route(a, "default", "10.0.0.2");
        assertEquals(RouteInput.LOCAL * 1000, route("10.0.0.1", "192.0.2.7"), "loose: the default route will do");
    }
}
