package dev.nsnet.scenario.cluster;

import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A cluster file (YAML): nodes with their pods, the CNI model that wires pods to the network, and
 * Services as kube-proxy sees them. Parsing checks everything {@link ClusterPlan} relies on
 * (unique names, addresses inside their ranges), so expansion cannot fail half-way. See
 * docs/clusters.md for the format.
 * <pre>
 * cni: bridge                 # bridge | flannel | macvlan | ipvlan-l2 | ipvlan-l3
 * nodeSubnet: 192.168.1.0/24  # nodes get .11, .12, ...; .1 is the gateway (the scenario's host)
 * podCIDR: 10.244.0.0/16      # node N gets the Nth /24 (bridge, flannel)
 * nodes:
 *   node1: [client]
 *   node2: [web-1]
 * services:
 *   - {name: web, clusterIP: 10.96.0.10, port: 80, targetPort: 8000, endpoints: [web-1]}
 * </pre>
 */
public final class ClusterSpec {
    /** How pods reach the network. */
    public enum Cni {
        BRIDGE("bridge"), FLANNEL("flannel"), MACVLAN("macvlan"), IPVLAN_L2("ipvlan-l2"), IPVLAN_L3("ipvlan-l3");

        public final String word;

        Cni(String word) { this.word = word; }

        /** Pods in the node's own namespace-less underlay device (macvlan, ipvlan): no bridge, no NAT. */
        public boolean underlay() { return this == MACVLAN || this == IPVLAN_L2 || this == IPVLAN_L3; }

        /** Pods with addresses of the node subnet (L2 underlay); the others use a /24 of podCIDR per node. */
        public boolean onNodeSubnet() { return this == MACVLAN || this == IPVLAN_L2; }

        static Cni of(String w) {
            for (Cni c : values()) if (c.word.equals(w)) return c;
            return null;
        }
    }

    /** An IPv4 prefix. */
    public record Prefix(int base, int len) {
        public int mask() { return Inet4.mask(len); }

        public boolean contains(int a) { return (a & mask()) == base; }

        /** Number of addresses. */
        public long size() { return 1L << (32 - len); }

        @Override
        public String toString() { return Inet4.format(base) + "/" + len; }
    }

    /** A node: its name, 1-based index and the names of its pods. */
    public record Node(String name, int index, List<String> pods) { }

    /** One Service port: ClusterIP:port/protocol to targetPort on the endpoint pods. */
    public record Service(String namespace, String name, String portName, int clusterIP, int port, int targetPort,
                          String protocol, List<String> endpoints) {
        /** kube-proxy's ServicePortName string: {@code ns/name} or {@code ns/name:port}. */
        public String portNameString() { return namespace + "/" + name + (portName.isEmpty() ? "" : ":" + portName); }
    }

    public Cni cni = Cni.BRIDGE;
    public Prefix nodeSubnet = new Prefix(0xc0a80100, 24);
    public Prefix podCIDR = new Prefix(0x0af40000, 16);
    public Prefix serviceCIDR = new Prefix(0x0a600000, 12);
    /** Host address offset of node N within the node subnet: node N gets base + nodeOffset + N. */
    public int nodeOffset = 10;
    /** Host address offset of underlay pods: the K-th pod of the cluster gets base + podOffset + K. */
    public int podOffset = 100;
    /** kube-proxy's --masquerade-all (default: only for the underlay models, see docs/clusters.md). */
    public Boolean masqueradeAll;
    public final List<Node> nodes = new ArrayList<>();
    public final List<Service> services = new ArrayList<>();

    /** The gateway: the scenario's own host on the node subnet, address base + 1. */
    public int gateway() { return nodeSubnet.base + 1; }

    public int nodeIp(Node n) { return nodeSubnet.base + nodeOffset + n.index; }

    public boolean masqueradeAll() { return masqueradeAll != null ? masqueradeAll : cni.underlay(); }

    /** Parses YAML text; {@code name} starts every error message. */
    public static ClusterSpec parse(String name, String text) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new ClusterException(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            ClusterSpec s = new ClusterSpec();
            s.read(doc == null ? Map.of() : map(doc, "the document"));
            return s;
        } catch (ClusterException e) {
            throw new ClusterException(name + ": " + e.getMessage());
        }
    }

    private static final List<String> KEYS = List.of("cni", "nodeSubnet", "podCIDR", "serviceCIDR", "nodeOffset",
            "podOffset", "masqueradeAll", "nodes", "generate", "services");

    private void read(Map<String, Object> top) {
        for (String k : top.keySet()) {
            if (!KEYS.contains(k)) throw new ClusterException("unknown key \"" + k + "\" (expected " + String.join(", ", KEYS) + ")");
        }
        if (top.containsKey("cni")) {
            cni = Cni.of(String.valueOf(top.get("cni")));
            if (cni == null) throw new ClusterException("unknown cni \"" + top.get("cni") + "\" (expected bridge, flannel, macvlan, ipvlan-l2, ipvlan-l3)");
        }
        if (top.containsKey("nodeSubnet")) nodeSubnet = prefix(top.get("nodeSubnet"), "nodeSubnet");
        if (top.containsKey("podCIDR")) podCIDR = prefix(top.get("podCIDR"), "podCIDR");
        if (top.containsKey("serviceCIDR")) serviceCIDR = prefix(top.get("serviceCIDR"), "serviceCIDR");
        if (top.containsKey("nodeOffset")) nodeOffset = integer(top.get("nodeOffset"), "nodeOffset", 1, 1 << 24);
        if (top.containsKey("podOffset")) podOffset = integer(top.get("podOffset"), "podOffset", 1, 1 << 24);
        if (top.containsKey("masqueradeAll")) {
            Object v = top.get("masqueradeAll");
            if (!(v instanceof Boolean b)) throw new ClusterException("masqueradeAll: expected true or false, got " + describe(v));
            masqueradeAll = b;
        }
        if (top.containsKey("nodes") == top.containsKey("generate")) throw new ClusterException("give either nodes or generate");
        if (top.containsKey("nodes")) readNodes(map(top.get("nodes"), "nodes"));
        else readGenerate(map(top.get("generate"), "generate"));
        if (nodes.isEmpty()) throw new ClusterException("no nodes");
        checkAddresses();
        Set<String> pods = new HashSet<>();
        for (Node n : nodes) pods.addAll(n.pods);
        for (Object o : list(top.getOrDefault("services", List.of()), "services")) readService(map(o, "service"), pods);
    }

    private void readNodes(Map<String, Object> m) {
        Set<String> pods = new HashSet<>();
        for (var e : m.entrySet()) {
            String node = e.getKey();
            name(node, "node", 63);
            if (node.equals(dev.nsnet.scenario.Session.HOSTNAME)) throw new ClusterException("node \"" + node + "\": the scenario's own host cannot be a node");
            List<String> names = new ArrayList<>();
            for (Object p : list(e.getValue() == null ? List.of() : e.getValue(), "node " + node)) {
                String pod = String.valueOf(p);
                name(pod, "pod", 63);
                if (!pods.add(pod)) throw new ClusterException("pod \"" + pod + "\" appears twice");
                names.add(pod);
            }
            nodes.add(new Node(node, nodes.size() + 1, names));
        }
    }

    private void readGenerate(Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (!k.equals("nodes") && !k.equals("podsPerNode")) throw new ClusterException("generate: unknown key \"" + k + "\" (expected nodes, podsPerNode)");
        }
        int n = integer(m.get("nodes"), "generate.nodes", 1, 100_000);
        int per = integer(m.getOrDefault("podsPerNode", 0), "generate.podsPerNode", 0, 10_000);
        for (int i = 1; i <= n; i++) {
            List<String> pods = new ArrayList<>(per);
            for (int j = 1; j <= per; j++) pods.add("pod-" + i + "-" + j);
            nodes.add(new Node("node" + i, i, pods));
        }
    }

    private void checkAddresses() {
        int maxNodeHost = nodeOffset + nodes.size();
        if (maxNodeHost >= nodeSubnet.size() - 1) {
            throw new ClusterException("nodeSubnet " + nodeSubnet + " is too small for " + nodes.size() + " nodes from offset " + nodeOffset);
        }
        if (cni.onNodeSubnet()) {
            long pods = nodes.stream().mapToLong(n -> n.pods.size()).sum();
            if (podOffset <= maxNodeHost) throw new ClusterException("podOffset " + podOffset + " overlaps the node addresses (up to " + maxNodeHost + ")");
            if (podOffset + pods >= nodeSubnet.size() - 1) {
                throw new ClusterException("nodeSubnet " + nodeSubnet + " is too small for " + pods + " underlay pods from offset " + podOffset);
            }
        } else {
            if (podCIDR.len > 24) throw new ClusterException("podCIDR " + podCIDR + " must be /24 or larger (each node gets a /24)");
            if (nodes.size() >= podCIDR.size() >> 8) throw new ClusterException("podCIDR " + podCIDR + " has no /24 for each of " + nodes.size() + " nodes");
            for (Node n : nodes) {
                if (n.pods.size() > 253) throw new ClusterException("node " + n.name + ": at most 253 pods fit its /24");
            }
        }
    }

    private void readService(Map<String, Object> m, Set<String> pods) {
        List<String> keys = List.of("name", "namespace", "portName", "clusterIP", "port", "targetPort", "protocol", "endpoints");
        for (String k : m.keySet()) {
            if (!keys.contains(k)) throw new ClusterException("service: unknown key \"" + k + "\" (expected " + String.join(", ", keys) + ")");
        }
        if (!m.containsKey("name")) throw new ClusterException("a service has no name");
        String name = String.valueOf(m.get("name"));
        String what = "service " + name;
        if (!m.containsKey("clusterIP")) throw new ClusterException(what + ": no clusterIP");
        Integer ip = Inet4.parse(String.valueOf(m.get("clusterIP")));
        if (ip == null) throw new ClusterException(what + ": bad clusterIP \"" + m.get("clusterIP") + "\"");
        if (!serviceCIDR.contains(ip)) throw new ClusterException(what + ": clusterIP " + Inet4.format(ip) + " is not in serviceCIDR " + serviceCIDR);
        int port = integer(m.get("port"), what + ": port", 1, 65535);
        int target = m.containsKey("targetPort") ? integer(m.get("targetPort"), what + ": targetPort", 1, 65535) : port;
        String proto = String.valueOf(m.getOrDefault("protocol", "TCP"));
        if (!proto.equals("TCP") && !proto.equals("UDP")) throw new ClusterException(what + ": protocol must be TCP or UDP");
        List<String> eps = new ArrayList<>();
        for (Object o : list(m.getOrDefault("endpoints", List.of()), what + ": endpoints")) {
            String pod = String.valueOf(o);
            if (!pods.contains(pod)) throw new ClusterException(what + ": endpoint \"" + pod + "\" is not a pod of any node");
            eps.add(pod);
        }
        for (Service s : services) {
            if (s.clusterIP == ip && s.port == port && s.protocol.equals(proto)) throw new ClusterException(what + ": " + Inet4.format(ip) + ":" + port + " is taken by service " + s.name);
        }
        services.add(new Service(String.valueOf(m.getOrDefault("namespace", "default")), name,
                String.valueOf(m.getOrDefault("portName", "")), ip, port, target, proto, eps));
    }

    private static void name(String s, String what, int max) {
        if (s.isEmpty() || s.length() > max || !s.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new ClusterException("bad " + what + " name \"" + s + "\" (lower-case letters, digits, '-' and '.')");
        }
    }

    static Prefix prefix(Object o, String what) {
        String s = String.valueOf(o);
        int slash = s.indexOf('/');
        Integer a = slash < 0 ? null : Inet4.parse(s.substring(0, slash));
        int len = -1;
        if (a != null) {
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                len = -1;
            }
        }
        if (a == null || len < 8 || len > 30) throw new ClusterException(what + ": expected ADDRESS/LEN with LEN 8..30, got \"" + s + "\"");
        if ((a & Inet4.mask(len)) != a) throw new ClusterException(what + ": " + s + " has host bits set");
        return new Prefix(a, len);
    }

    private static int integer(Object o, String what, int min, int max) {
        if (!(o instanceof Integer i) || i < min || i > max) throw new ClusterException(what + ": expected a number " + min + ".." + max + ", got " + describe(o));
        return i;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) throw new ClusterException(what + ": expected a mapping, got " + describe(o));
        return new LinkedHashMap<>((Map<String, Object>) o);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String what) {
        if (!(o instanceof List<?>)) throw new ClusterException(what + ": expected a list, got " + describe(o));
        return (List<Object>) o;
    }

    private static String describe(Object o) {
        return o == null ? "nothing" : o instanceof Map ? "a mapping" : o instanceof List ? "a list" : "\"" + o + "\"";
    }
}
