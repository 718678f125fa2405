package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * Link netns ids allocated as a side effect of rtnl_fill_ifinfo() (fuzz seed 1102;
 * golden/506-fuzz-nsid-by-name-lookup recorded on kernel 6.18): iproute2 resolving a device name
 * with RTM_GETLINK, and link notifications (mtu change), give the peer's namespace an id; a
 * route dump that names no device does not.
 */
class IpNsidSideEffectTest {
    private final Session s = new Session(1);

    private void pair() {
        s.capture("ip netns add a");
        s.capture("ip netns add b");
        s.capture("ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b");
    }

    private String ids() { return s.capture("ip -n b netns list-id").output(); }

    @Test
    void nameLookupsAndNotificationsAllocateThePeerNamespaceId() {
        String a0 = "nsid 0 (iproute2 netns name: a)\n";
        pair();
        assertEquals("", ids());
        s.capture("ip -n b route show");
        assertEquals("", ids(), "a dump naming no device allocates nothing");
        assertEquals(0, s.capture("ip -n b neigh add 10.0.0.7 lladdr 02:00:00:00:00:0a dev eth0 nud noarp").exitStatus());
        assertEquals(a0, ids());
        s.capture("ip netns del a");
        s.capture("ip netns del b");
        pair();
        s.capture("ip -n b link set eth0 mtu 1400");
        assertEquals(a0, ids());
    }
}
