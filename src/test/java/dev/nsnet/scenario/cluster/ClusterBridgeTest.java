package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** examples/clusters/bridge-hostgw.yaml: cni0 bridges, host-gw routes, MASQUERADE, a ClusterIP Service. */
class ClusterBridgeTest {
    @Test
    void podToPodAcrossNodesClusterIpToRemoteBackendsAndOutside() throws Exception {
        ClusterHarness c = new ClusterHarness("bridge-hostgw.yaml");
        // node1 routes node2's pod range via node2's address (host-gw)
        assertEquals("default via 192.168.1.1 dev eth0 \n"
                + "10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1 linkdown \n"
                .replace(" linkdown", "")
                + "10.244.2.0/24 via 192.168.1.12 dev eth0 \n"
                + "10.244.3.0/24 via 192.168.1.13 dev eth0 \n"
                + "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11 \n", c.on("node1", "ip route"));
        // pod to pod across nodes: two routed hops (node1, node2)
        String ping = c.inPod("client", "ping -c 1 10.244.2.2");
        assertTrue(ping.contains("64 bytes from 10.244.2.2: icmp_seq=1 ttl=62"), ping);
        String ping3 = c.inPod("client", "ping -c 1 10.244.3.2");
        assertTrue(ping3.contains("64 bytes from 10.244.3.2: icmp_seq=1 ttl=62"), ping3);

        // pod to ClusterIP: both backends run on other nodes than the client
        c.run("nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &");
        c.run("nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &");
        int web1 = 0, web2 = 0;
        for (int i = 0; i < 8; i++) {
            String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.10/");
            assertTrue(out.endsWith("200 10.96.0.10\n"), out);
            // the backend logs the client pod's own address: no masquerade inside the cluster
            assertTrue(out.contains("10.244.1.2 - - ["), out);
        }
        String ct = c.on("node1", "conntrack -L -p tcp");
        for (String line : ct.lines().toList()) {
            if (line.contains("src=10.244.2.2 dst=10.244.1.2 sport=8000")) web1++;
            if (line.contains("src=10.244.3.2 dst=10.244.1.2 sport=8000")) web2++;
        }
        assertEquals(8, web1 + web2, ct);
        assertTrue(web1 > 0 && web2 > 0, "statistic --probability 0.5 spreads 8 connections over both backends: " + ct);
        // the first packet of each connection passed KUBE-SERVICES, KUBE-SVC-..., one KUBE-SEP-... each
        String svc = c.on("node1", "iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -v -n -x");
        assertTrue(svc.contains("Chain KUBE-SVC-LOLE4ISW44XBNF3G (1 references)"), svc);

        // pod to outside: the gateway sees node1's address (MASQUERADE), replies come back un-NATed
        c.run("python3 -m http.server 80 -d /media &");
        String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code}\\n\" http://192.168.1.1/");
        assertTrue(out.contains("192.168.1.11 - - ["), out);
        assertTrue(out.endsWith("200\n"), out);
        c.end();
    }

    /**
     * A backend on the client's own node is reached through the bridge (br_netfilter DNATs the bridged
     * frame), and a pod reaches itself through its own Service thanks to the bridge plugin's hairpin mode
     * and KUBE-SEP's masquerade of that case: the server sees cni0's address.
     */
    @Test
    void sameNodeBackendAndHairpin() {
        ClusterHarness c = new ClusterHarness(ClusterSpec.parse("same", """
                nodes:
                  node1: [client, web-1]
                  node2: [web-2]
                services:
                  - {name: web, clusterIP: 10.96.0.10, port: 80, targetPort: 8000, endpoints: [web-1]}
                  - {name: self, clusterIP: 10.96.0.11, port: 80, targetPort: 8000, endpoints: [client]}
                """));
        c.run("nsnet-world exec node1 ip netns exec web-1 python3 -m http.server 8000 -d /media &");
        c.run("nsnet-world exec node1 ip netns exec client python3 -m http.server 8000 -d /media &");
        String out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.10/");
        assertTrue(out.contains("10.244.1.2 - - [") && out.endsWith("200 10.96.0.10\n"), out);
        out = c.inPod("client", "curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" http://10.96.0.11/");
        assertTrue(out.contains("10.244.1.1 - - [") && out.endsWith("200 10.96.0.11\n"), out);
        c.end();
    }

    @Test
    void kubeProxyRulesAsIptablesSaveShowsThem() throws Exception {
        ClusterHarness c = new ClusterHarness("bridge-hostgw.yaml");
        String save = c.on("node2", "iptables-save -t nat").replaceAll("(?m)^# .*\n", "");
        assertEquals("""
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                :KUBE-MARK-MASQ - [0:0]
                :KUBE-NODEPORTS - [0:0]
                :KUBE-POSTROUTING - [0:0]
                :KUBE-PROXY-CANARY - [0:0]
                :KUBE-SEP-JYIPORGJQZBMKXTK - [0:0]
                :KUBE-SEP-UWT4YJ2ZCAPEC6NQ - [0:0]
                :KUBE-SERVICES - [0:0]
                :KUBE-SVC-LOLE4ISW44XBNF3G - [0:0]
                -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
                -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
                -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
                -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -m comment --comment "pod traffic leaving the cluster" -j MASQUERADE
                -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
                -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
                -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
                -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
                -A KUBE-SEP-JYIPORGJQZBMKXTK -s 10.244.2.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
                -A KUBE-SEP-JYIPORGJQZBMKXTK -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.2:8000
                -A KUBE-SEP-UWT4YJ2ZCAPEC6NQ -s 10.244.3.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
                -A KUBE-SEP-UWT4YJ2ZCAPEC6NQ -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.3.2:8000
                -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G
                -A KUBE-SERVICES ! -d 127.0.0.0/8 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
                -A KUBE-SVC-LOLE4ISW44XBNF3G ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
                -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.2:8000" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-JYIPORGJQZBMKXTK
                -A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.3.2:8000" -j KUBE-SEP-UWT4YJ2ZCAPEC6NQ
                COMMIT
                """, save);
    }
}
