package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * inet_rtm_delroute() validates the request (rtm_to_fib_config: host bits set in the prefix)
 * before it looks the table up, so a bad prefix wins over a missing table (fuzz seed 207;
 * golden/500-fuzz-route-del-check-order recorded on kernel 6.18).
 */
class IpRouteDeleteOrderTest {
    private final Session s = new Session(1);

    @Test
    void invalidPrefixIsReportedBeforeAMissingTable() {
        s.capture("ip link set lo up");
        Session.Result r = s.capture("ip route del 192.168.1.0/16 via 10.0.2.10 table 100");
        assertEquals(2, r.exitStatus());
        assertEquals("Error: Invalid prefix for given prefix length.\n", r.output());
        r = s.capture("ip route del 192.168.0.0/16 via 10.0.2.10 table 100");
        assertEquals(2, r.exitStatus());
        assertEquals("Error: FIB table does not exist.\n", r.output());
        assertEquals("Error: Invalid prefix for given prefix length.\n", s.capture("ip route del 10.1.2.3/8").output());
        assertEquals("RTNETLINK answers: No such process\n", s.capture("ip route del 10.0.0.0/8").output());
    }
}
