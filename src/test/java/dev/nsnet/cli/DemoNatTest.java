package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The demo is the article's figure 6: the router has no route back to the pod subnet, so pod1
 * reaches baidu only because node1 MASQUERADEs; the trace shows the source rewrite on the way out
 * and its reversal on the way back; without the rule the same ping goes unanswered.
 */
class DemoNatTest {
    @Test
    void remoteIsReachableOnlyThroughMasquerade() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Demo.Outcome o = Demo.demo(new PrintStream(buf, true, StandardCharsets.UTF_8), true);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(o.allReachable(), out);
        assertTrue(out.contains("node1# iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE\n"), out);
        assertFalse(out.contains("ip route add 10.244.1.0/24 via 192.168.1.10"), out);
        String ping = out.substring(out.indexOf("== 7. "), out.indexOf("== 8. "));
        int snat = ping.indexOf("node1     eth0       nf_nat_manip_pkt        SNAT source 10.244.1.2 -> 192.168.1.10");
        int atRouter = ping.indexOf("router    eth0       ip_forward");
        int unSnat = ping.indexOf("node1     eth0       nf_nat_manip_pkt        reply: un-SNAT destination 192.168.1.10 -> 10.244.1.2");
        assertTrue(snat > 0 && atRouter > snat && unSnat > atRouter, ping);
        assertTrue(ping.contains("ICMP echo request 192.168.1.10 > 203.0.113.10"), ping);
        assertTrue(ping.contains("ICMP echo reply 203.0.113.10 > 10.244.1.2"), ping);
        String web = out.substring(out.indexOf("== 8. "));
        assertTrue(web.matches("(?s).*nf_nat_manip_pkt        SNAT source 10\\.244\\.1\\.2:\\d+ -> 192\\.168\\.1\\.10:\\d+.*"), web);
        assertTrue(web.contains("192.168.1.10 - - ["), web); // baidu's http.server log: the node's address
        // the nat table counted the first packet of each connection only: the ping and the curl
        String nat = DemoTest.on(o, "node1", "iptables -t nat -L POSTROUTING -n -v -x");
        assertTrue(nat.contains("       2      144 MASQUERADE  0    --  *      !cni0   10.244.1.0/24        0.0.0.0/0"), nat);
    }

    @Test
    void withoutTheRuleTheRemotePingIsLost() {
        Demo.Outcome o = Demo.demo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        if (Tools.standard().get("iptables") == null) return;
        DemoTest.on(o, "node1", "iptables -t nat -F POSTROUTING");
        String ping = DemoTest.on(o, "node1", "ip netns exec pod1 ping -c 1 -W 1 203.0.113.10");
        assertTrue(ping.contains("1 packets transmitted, 0 received, 100% packet loss"), ping);
        assertEquals("", DemoTest.on(o, "node1", "iptables -t nat -S POSTROUTING").replace("-P POSTROUTING ACCEPT\n", ""));
    }
}
