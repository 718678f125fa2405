package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** examples/clusters/flannel-vxlan.yaml: flannel.1 vxlan overlay between nodes, cni0 bridges, MASQUERADE. */
class ClusterFlannelTest {
    @Test
    void podToPodOverVxlanClusterIpToRemoteBackendsAndOutside() throws Exception {
        ClusterHarness c = new ClusterHarness("flannel-vxlan.yaml");
        assertTrue(c.on("node1", "ip route").contains("10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink \n"), c.on("node1", "ip route"));
        String ping = c.inPod("client", "ping -c 1 10.244.2.2");
        assertTrue(ping.contains("64 bytes from 10.244.2.2: icmp_seq=1 ttl=62"), ping);
        // it crossed flannel.1 both ways (encapsulated in UDP to node2's address, port 8472)
        String stats = c.on("node1", "ip -s -j link show flannel.1");
        assertTrue(stats.contains("\"rx\":{\"bytes\":84,\"packets\":1,"), stats);
        assertTrue(stats.contains("\"tx\":{\"bytes\":84,\"packets\":1,"), stats);
        String fdb = c.on("node1", "bridge fdb show dev flannel.1");
        assertTrue(fdb.contains("0e:f1:c0:a8:01:0c dst 192.168.1.12 self permanent"), fdb);
        c.run("nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &");
        c.run("nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &");
        for (int i = 0; i < 6; i++) {
            String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.10/");
            assertTrue(out.endsWith("200 10.96.0.10\n"), out);
            assertTrue(out.contains("10.244.1.2 - - ["), out);
        }
        String ct = c.on("node1", "conntrack -L -p tcp --orig-dst 10.96.0.10");
        assertTrue(ct.contains("src=10.244.2.2 dst=10.244.1.2 sport=8000"), ct);
        assertTrue(ct.contains("src=10.244.3.2 dst=10.244.1.2 sport=8000"), ct);
        c.run("python3 -m http.server 80 -d /media &");
        String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code}\\n\" http://192.168.1.1/");
        assertTrue(out.contains("192.168.1.11 - - ["), out);
        assertTrue(out.endsWith("200\n"), out);
        c.end();
    }
}
