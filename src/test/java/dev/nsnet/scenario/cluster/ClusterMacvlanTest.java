package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** examples/clusters/macvlan.yaml: macvlan pods on the node subnet, a service path veth, masquerade-all. */
class ClusterMacvlanTest {
    @Test
    void podToPodAcrossNodesClusterIpToRemoteBackendsAndOutside() throws Exception {
        ClusterHarness c = new ClusterHarness("macvlan.yaml");
        // pod to pod across nodes: one L2 hop over the switch, no router (ttl=64)
        String ping = c.inPod("client", "ping -c 1 192.168.1.102");
        assertTrue(ping.contains("64 bytes from 192.168.1.102: icmp_seq=1 ttl=64"), ping);
        // web-1 learned the client pod's own MAC (0a:58 + its address), not node1's
        String neigh = c.inPod("web-1", "ip neigh show 192.168.1.101 dev eth0");
        assertTrue(neigh.startsWith("192.168.1.101 lladdr 0a:58:c0:a8:01:65 "), neigh);

        // pod to ClusterIP through the service path; both backends are on other nodes
        c.run("nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &");
        c.run("nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &");
        for (int i = 0; i < 6; i++) {
            String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.10/");
            assertTrue(out.endsWith("200 10.96.0.10\n"), out);
            // masquerade-all: the backend sees node1, which un-NATs the reply back into the service path
            assertTrue(out.contains("192.168.1.11 - - ["), out);
        }
        String fwd = c.on("node1", "iptables -t nat -L KUBE-POSTROUTING -v -n -x");
        assertTrue(fwd.matches("(?s).*\\n +6 +360 MASQUERADE .*"), fwd);

        // pod to outside: the gateway sees the pod's own address and MAC, not the node's
        String out = c.inPod("client", "ping -c 1 192.168.1.1");
        assertTrue(out.contains("ttl=64"), out);
        neigh = c.run("ip neigh show 192.168.1.101 dev eth0");
        assertTrue(neigh.startsWith("192.168.1.101 lladdr 0a:58:c0:a8:01:65 "), neigh);

        // the article's point: a macvlan pod cannot reach its node through eth0, only through the service path
        assertEquals("192.168.1.11 via 169.254.1.1 dev veth0 src 192.168.1.101 uid 0 \n    cache \n",
                c.inPod("client", "ip route get 192.168.1.11"));
        c.end();
    }
}
