package dev.nsnet.tools.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Session;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/topologies/*.yaml load cleanly and their worlds do what their comments say. */
class TopologyExamplesTest {
    static Path example(String name) {
        return Path.of(System.getenv().getOrDefault("NSNET_HOME", ".")).resolve("examples/topologies/" + name);
    }

    static Session load(String name) {
        Session s = new Session(1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(0, TopologyFile.load(example(name), s.host, s.registry, ps, ps), buf.toString(StandardCharsets.UTF_8));
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "loading prints nothing");
        return s;
    }

    static void reaches(Session s, String line, String expect) {
        Session.Result r = s.capture(line);
        assertEquals(0, r.exitStatus(), r.output());
        assertTrue(r.output().contains(expect), r.output());
    }

    @Test
    void dataCentreRacksRouterAndInternet() {
        Session s = load("datacenter.yaml");
        reaches(s, "ping -c 1 10.1.1.12", "64 bytes from 10.1.1.12: icmp_seq=1 ttl=64");    // same rack, through tor1
        reaches(s, "ping -c 1 10.1.2.12", "64 bytes from 10.1.2.12: icmp_seq=1 ttl=63");    // other rack, via the router
        reaches(s, "ping -c 1 8.8.8.8", "64 bytes from 8.8.8.8: icmp_seq=1 ttl=63");        // the internet answers its prefixes
        reaches(s, "ping -c 1 8.8.8.200", "64 bytes from 8.8.8.200: icmp_seq=1 ttl=63");
        reaches(s, "ping -c 1 1.1.1.1", "64 bytes from 1.1.1.1: icmp_seq=1 ttl=63");
        Session.Result miss = s.capture("ping -c 1 -W 1 9.9.9.9");                           // not served: no answer
        assertEquals(1, miss.exitStatus(), miss.output());
        // the racks' addresses leave masqueraded: the internet only ever saw the router's address
        reaches(s, "nsnet-world exec internet ip neigh show dev eth0", "198.51.100.2 lladdr 52:54:00:c6:33:02");
        reaches(s, "nsnet-world exec router iptables -t nat -L POSTROUTING -v -n -x", "MASQUERADE");
        Switch tor2 = World.of(s.emulation).switchNamed("tor2");
        assertEquals(0, tor2.securityDrops());
        assertTrue(tor2.forwarded > 0);
        // r2s1's port takes two MACs: the server's own and one macvlan pod; a second pod is dropped
        for (String l : new String[] {"nsnet-world exec r2s1 ping -c 1 10.1.2.12",
                "nsnet-world exec r2s1 ip netns add p1", "nsnet-world exec r2s1 ip netns add p2",
                "nsnet-world exec r2s1 ip link add link eth0 name mv1 address 02:42:0a:01:02:15 netns p1 type macvlan mode bridge",
                "nsnet-world exec r2s1 ip link add link eth0 name mv2 address 02:42:0a:01:02:16 netns p2 type macvlan mode bridge",
                "nsnet-world exec r2s1 ip -n p1 addr add 10.1.2.21/24 dev mv1", "nsnet-world exec r2s1 ip -n p2 addr add 10.1.2.22/24 dev mv2",
                "nsnet-world exec r2s1 ip -n p1 link set mv1 up", "nsnet-world exec r2s1 ip -n p2 link set mv2 up"}) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        reaches(s, "nsnet-world exec r2s1 ip netns exec p1 ping -c 1 10.1.2.12", "64 bytes from 10.1.2.12");
        assertEquals(1, s.capture("nsnet-world exec r2s1 ip netns exec p2 ping -c 1 -W 1 10.1.2.12").exitStatus());
        assertTrue(tor2.ports().get(0).security.droppedMacLimit > 0);
        assertEquals(tor2.securityDrops(), tor2.ports().get(0).security.droppedMacLimit);
        // rack 2's traffic never floods rack 1's ToR with its MACs: tor1 knows only rack 1 and the router
        String tor1 = s.capture("nsnet-world switch show tor1").output();
        assertTrue(!tor1.contains("52:54:00:01:02:0c"), tor1);
    }

    @Test
    void vpcPortSecurityDropsAMacvlanPodButNotTheVm() {
        Session s = load("vpc.yaml");
        reaches(s, "ping -c 1 10.0.0.20", "64 bytes from 10.0.0.20: icmp_seq=1 ttl=64");
        reaches(s, "ping -c 1 8.8.8.8", "64 bytes from 8.8.8.8: icmp_seq=1 ttl=63");
        Switch vpc = World.of(s.emulation).switchNamed("vpc");
        assertEquals(0, vpc.securityDrops(), "the VM's own traffic passes");

        for (String l : new String[] {"ip netns add pod1",
                "ip link add link eth0 name mv1 address 02:42:0a:00:00:0b netns pod1 type macvlan mode bridge",
                "ip -n pod1 addr add 10.0.0.11/24 dev mv1", "ip -n pod1 link set mv1 up"}) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        Session.Result r = s.capture("ip netns exec pod1 ping -c 1 -W 1 10.0.0.20");
        assertEquals(1, r.exitStatus(), r.output());
        Switch.Port p1 = vpc.ports().get(0);
        assertTrue(p1.security.droppedSrcMac >= 1, "the pod's ARP requests leave with its own MAC");
        assertEquals(0, p1.security.droppedSrcIp);

        // an unassigned second IP on the VM's own MAC: dropped for its source IP
        assertEquals(0, s.capture("ip addr add 10.0.0.12/24 dev eth0").exitStatus());
        r = s.capture("ping -c 1 -W 1 -I 10.0.0.12 10.0.0.20");
        assertEquals(1, r.exitStatus(), r.output());
        assertTrue(p1.security.droppedSrcIp >= 1);
        String show = s.capture("nsnet-world switch show vpc").output();
        assertTrue(show.contains("port 1 -> nsnet:eth0 link"), show);
        assertTrue(show.contains("allow 02:00:0a:00:00:0a,10.0.0.10 dropped " + p1.security.dropped()
                + " (mac-limit 0, source MAC " + p1.security.droppedSrcMac + ", source IP " + p1.security.droppedSrcIp + ")"), show);
        // vm2 never saw the pod
        assertTrue(s.capture("nsnet-world exec vm2 ip neigh show 10.0.0.11").output().isEmpty());
    }
}
