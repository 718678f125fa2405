package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** examples/clusters/ipvlan-l2.yaml and ipvlan-l3.yaml: ipvlan pods, the service path, masquerade-all. */
class ClusterIpvlanTest {
    private static void clusterIpReachesBothRemoteBackends(ClusterHarness c) {
        c.run("nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &");
        c.run("nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &");
        for (int i = 0; i < 6; i++) {
            String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.10/");
            assertTrue(out.endsWith("200 10.96.0.10\n"), out);
            assertTrue(out.contains("192.168.1.11 - - ["), out); // masquerade-all: the backends see node1
        }
        String ct = c.on("node1", "conntrack -L -p tcp --orig-dst 10.96.0.10");
        assertTrue(ct.contains("src=192.168.1.102 dst=192.168.1.11 sport=8000") || ct.contains("src=10.244.2.2 dst=192.168.1.11 sport=8000"), ct);
        assertTrue(ct.contains("src=192.168.1.103 dst=192.168.1.11 sport=8000") || ct.contains("src=10.244.3.2 dst=192.168.1.11 sport=8000"), ct);
    }

    @Test
    void l2PodsShareTheNodesMacOnTheWire() throws Exception {
        ClusterHarness c = new ClusterHarness("ipvlan-l2.yaml");
        String ping = c.inPod("client", "ping -c 1 192.168.1.102");
        assertTrue(ping.contains("64 bytes from 192.168.1.102: icmp_seq=1 ttl=64"), ping);
        // the remote pod resolved the client's address to node1's MAC: ipvlan slaves have none of their own
        String neigh = c.inPod("web-1", "ip neigh show 192.168.1.101 dev eth0");
        assertTrue(neigh.startsWith("192.168.1.101 lladdr 52:54:00:01:00:01 "), neigh);
        clusterIpReachesBothRemoteBackends(c);
        String out = c.inPod("client", "ping -c 1 192.168.1.1");
        assertTrue(out.contains("ttl=64"), out);
        neigh = c.run("ip neigh show 192.168.1.101 dev eth0");
        assertTrue(neigh.startsWith("192.168.1.101 lladdr 52:54:00:01:00:01 "), neigh);
        c.end();
    }

    @Test
    void l3PodsAreRoutedByTheirNodes() throws Exception {
        ClusterHarness c = new ClusterHarness("ipvlan-l3.yaml");
        assertEquals("default dev eth0 scope link \n10.96.0.0/12 via 169.254.1.1 dev veth0 \n"
                + "10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2 \n169.254.1.1 dev veth0 scope link \n"
                + "192.168.1.11 via 169.254.1.1 dev veth0 \n", c.inPod("client", "ip route"));
        String ping = c.inPod("client", "ping -c 1 10.244.2.2");
        assertTrue(ping.contains("64 bytes from 10.244.2.2: icmp_seq=1 ttl=64"), ping);
        clusterIpReachesBothRemoteBackends(c);
        // pod to outside: the gateway routes node1's pod range back via node1; it sees the pod's address
        c.run("python3 -m http.server 80 -d /media &");
        String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code}\\n\" http://192.168.1.1/");
        assertTrue(out.contains("10.244.1.2 - - ["), out);
        assertTrue(out.endsWith("200\n"), out);
        c.end();
    }
}
