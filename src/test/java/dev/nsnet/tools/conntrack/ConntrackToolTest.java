package dev.nsnet.tools.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * The conntrack tool and cat over real flows: /proc/net/nf_conntrack's line (which the recorder
 * cannot pin: it refuses lines naming /proc/), cat's errors, a TCP entry after a loopback
 * connection, a state rule counting loopback packets once, and conntrack -E's DESTROY line.
 * Formats checked on the recording host with scripts/sandbox.sh.
 */
class ConntrackToolTest {
    private static Session tracked() {
        Session s = new Session(1);
        for (String l : new String[] {"ip link set lo up", "iptables -A INPUT -m conntrack --ctstate INVALID -j DROP", "sleep 1"}) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        return s;
    }

    @Test
    void procNetNfConntrackShowsTheExtendedLineWithZoneAndUse2() {
        Session s = tracked();
        s.capture("echo x | nc -u -q0 -p 40001 127.0.0.1 5353");
        Session.Result r = s.capture("cat /proc/net/nf_conntrack");
        assertEquals(0, r.exitStatus());
        assertEquals("ipv4     2 udp      17 29 src=127.0.0.1 dst=127.0.0.1 sport=40001 dport=5353 [UNREPLIED] "
                + "src=127.0.0.1 dst=127.0.0.1 sport=5353 dport=40001 mark=0 zone=0 use=2\n", r.output());
    }

    @Test
    void catReadsSysctlsAndRefusesOtherPaths() {
        Session s = tracked();
        assertEquals("120\n", s.capture("cat /proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream").output());
        Session.Result r = s.capture("cat /etc/passwd");
        assertEquals(1, r.exitStatus());
        assertEquals("cat: /etc/passwd: No such file or directory\n", r.output());
        r = s.capture("cat /proc/sys/net/netfilter");
        assertEquals(1, r.exitStatus());
        assertEquals("cat: /proc/sys/net/netfilter: Is a directory\n", r.output());
    }

    @Test
    void loopbackTcpConnectionIsOneEntryTrackedOnce() {
        Session s = tracked();
        s.capture("nc -l 127.0.0.1 9000 &");
        s.capture("echo hi | nc -q0 -p 40013 127.0.0.1 9000");
        Session.Result r = s.capture("conntrack -L -p tcp");
        assertTrue(r.output().contains("tcp      6 119 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=40013 dport=9000 "
                + "src=127.0.0.1 dst=127.0.0.1 sport=9000 dport=40013 [ASSURED] mark=0 use=1"), r.output());
        assertEquals("1\n", s.capture("conntrack -C").output());
    }

    @Test
    void eventListenerPrintsDestroyOfAUserDeleteAndItsCountWhenKilled() {
        String t = dev.nsnet.scenario.Transcript.run(dev.nsnet.scenario.Script.parse("ev", String.join("\n",
                "ip link set lo up", "iptables -A INPUT -m conntrack --ctstate INVALID -j DROP",
                "conntrack -E -e DESTROY &", "echo x | nc -u -q0 -p 40001 127.0.0.1 5353", "conntrack -D -p udp",
                "kill %1")), new Session(1));
        assertTrue(t.contains("$ conntrack -D -p udp\n"
                + "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.\n"
                + "[DESTROY] udp      17 29 src=127.0.0.1 dst=127.0.0.1 sport=40001 dport=5353 [UNREPLIED] "
                + "src=127.0.0.1 dst=127.0.0.1 sport=5353 dport=40001 [USERSPACE] portid="), t);
        assertTrue(t.endsWith("$ kill %1\nconntrack v1.4.7 (conntrack-tools): 1 flow events have been shown.\n"), t);
    }

    @Test
    void anExpiredEntryIsReapedWhileAListenerWaitsAndItsDestroyHasNoTimeout() {
        String t = dev.nsnet.scenario.Transcript.run(dev.nsnet.scenario.Script.parse("gc", String.join("\n",
                "ip link set lo up", "sysctl -q -w net.netfilter.nf_conntrack_udp_timeout=2",
                "iptables -A INPUT -m conntrack --ctstate INVALID -j DROP", "conntrack -E -p udp &",
                "echo x | nc -u -q0 -p 40001 127.0.0.1 5000", "sleep 6", "kill %1")), new Session(1));
        assertTrue(t.contains("$ sleep 6\n[DESTROY] udp      17 src=127.0.0.1 dst=127.0.0.1 sport=40001 dport=5000 [UNREPLIED] "
                + "src=127.0.0.1 dst=127.0.0.1 sport=5000 dport=40001\n"), t);
        assertTrue(t.endsWith("conntrack v1.4.7 (conntrack-tools): 2 flow events have been shown.\n"), t);
    }

    @Test
    void unsupportedCommandsSaySo() {
        Session s = tracked();
        Session.Result r = s.capture("conntrack -I -p udp -s 1.1.1.1 -d 2.2.2.2 --sport 1 --dport 2");
        assertEquals(2, r.exitStatus());
        assertEquals("conntrack: -I is not supported by nsnet\n", r.output());
    }
}
