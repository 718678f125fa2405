package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterSpecTest {
    private static String error(String yaml) {
        return assertThrows(ClusterException.class, () -> ClusterSpec.parse("c.yaml", yaml)).getMessage();
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("c.yaml: unknown key \"pods\" (expected cni, nodeSubnet, podCIDR, serviceCIDR, nodeOffset, podOffset, masqueradeAll, nodes, generate, services)",
                error("pods: 3\nnodes: {a: []}"));
        assertEquals("c.yaml: unknown cni \"calico\" (expected bridge, flannel, macvlan, ipvlan-l2, ipvlan-l3)", error("cni: calico\nnodes: {a: []}"));
        assertEquals("c.yaml: pod \"p\" appears twice", error("nodes: {a: [p], b: [p]}"));
        assertEquals("c.yaml: give either nodes or generate", error("cni: bridge"));
        assertEquals("c.yaml: node \"nsnet\": the scenario's own host cannot be a node", error("nodes: {nsnet: []}"));
        assertEquals("c.yaml: bad pod name \"Web_1\" (lower-case letters, digits, '-' and '.')", error("nodes: {a: [Web_1]}"));
        assertEquals("c.yaml: service web: endpoint \"x\" is not a pod of any node",
                error("nodes: {a: [p]}\nservices: [{name: web, clusterIP: 10.96.0.1, port: 80, endpoints: [x]}]"));
        assertEquals("c.yaml: service web: clusterIP 10.0.0.1 is not in serviceCIDR 10.96.0.0/12",
                error("nodes: {a: [p]}\nservices: [{name: web, clusterIP: 10.0.0.1, port: 80}]"));
        assertEquals("c.yaml: podCIDR: expected ADDRESS/LEN with LEN 8..30, got \"10.244.0.0\"", error("podCIDR: 10.244.0.0\nnodes: {a: []}"));
        assertEquals("c.yaml: nodeSubnet 192.168.1.0/24 is too small for 250 nodes from offset 10", error("generate: {nodes: 250}"));
        assertEquals("c.yaml: nodeSubnet 192.168.1.0/24 is too small for 200 underlay pods from offset 100",
                error("cni: macvlan\ngenerate: {nodes: 2, podsPerNode: 100}"));
        assertEquals("c.yaml: not valid YAML: while parsing a flow node", error("nodes: {a: [}"));
    }

    @Test
    void generatedNodesAndPods() {
        ClusterSpec s = ClusterSpec.parse("c", "nodeSubnet: 10.0.0.0/16\npodCIDR: 10.128.0.0/9\ngenerate: {nodes: 300, podsPerNode: 2}");
        assertEquals(300, s.nodes.size());
        assertEquals("node300", s.nodes.get(299).name());
        assertEquals(java.util.List.of("pod-300-1", "pod-300-2"), s.nodes.get(299).pods());
        ClusterPlan p = new ClusterPlan(s);
        assertEquals("10.128.1.2", dev.nsnet.kernel.wire.Inet4.format(p.podIp("pod-1-1")));
        assertEquals("10.129.44.3", dev.nsnet.kernel.wire.Inet4.format(p.podIp("pod-300-2")));
        assertEquals("10.0.1.54", dev.nsnet.kernel.wire.Inet4.format(s.nodeIp(s.nodes.get(299))));
    }
}
