package dev.nsnet.scenario.cluster;

import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What a cluster file expands into: the physical network ({@code nsnet-world} lines and the
 * gateway's own configuration, run on the scenario's host) and, per node, the Linux commands
 * that node would run — what kubelet's CNI plugin, flanneld and kube-proxy do there, written as
 * the equivalent {@code ip}, {@code bridge}, {@code sysctl}, {@code iptables} and
 * {@code iptables-restore} commands. Node scripts are made on demand ({@link #steps}), so a
 * 100,000-pod cluster never holds all its lines at once.
 *
 * <p>Names and addresses are deterministic: node N is {@code nodeSubnet + nodeOffset + N} with
 * NIC MAC 52:54:00:01:HH:LL (N); a pod's eth0 MAC is 0a:58 followed by its IPv4 address (the CNI
 * bridge plugin's convention), its host-side veth {@code veth} + 8 hex digits of CRC-32 of the
 * pod name, MAC 0e:58 + address.
 */
public final class ClusterPlan {
    /** One command line; {@code stdin} is the text fed to it (iptables-restore), or null. */
    public record Step(String line, String stdin) {
        static Step of(String line) { return new Step(line, null); }
    }

    /** The switch every NIC is plugged into. */
    public static final String SWITCH = "tor";
    /** Link-local next hop of the underlay pods' service path (as Calico uses 169.254.1.1). */
    static final int SVC_HOP = 0xa9fe0101;

    public final ClusterSpec spec;
    private final Map<String, ClusterSpec.Node> nodeOfPod = new HashMap<>();
    private final Map<String, Integer> podIp = new HashMap<>();
    private final Map<String, Integer> podIndex = new HashMap<>();
    private String kubeProxyInput;

    public ClusterPlan(ClusterSpec spec) {
        this.spec = spec;
        int k = 0;
        for (ClusterSpec.Node n : spec.nodes) {
            int j = 0;
            for (String p : n.pods()) {
                nodeOfPod.put(p, n);
                podIndex.put(p, ++j);
                k++;
                podIp.put(p, spec.cni.onNodeSubnet() ? spec.nodeSubnet.base() + spec.podOffset + k : podSubnet(n) + 1 + j);
            }
        }
    }

    /** The node's /24 of podCIDR (node N gets the Nth). */
    public int podSubnet(ClusterSpec.Node n) { return spec.podCIDR.base() + (n.index() << 8); }

    /** A pod's address. */
    public int podIp(String pod) { return podIp.get(pod); }

    /** The node a pod runs on. */
    public ClusterSpec.Node nodeOf(String pod) { return nodeOfPod.get(pod); }

    static long nodeMac(int index) { return 0x52_54_00_01_00_00L | (index & 0xffff); }

    static long vtepMac(int nodeIp) { return 0x0e_f1_00_00_00_00L | (nodeIp & 0xffff_ffffL); }

    static long ipMac(int prefix16, int ip) { return ((long) prefix16 << 32) | (ip & 0xffff_ffffL); }

    static String hostIfName(String prefix, String pod) {
        CRC32 c = new CRC32();
        c.update(pod.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return prefix + String.format("%08x", c.getValue());
    }

    /** The lines run on the scenario's host: the switch, the nodes' hosts and NICs, the gateway. */
    public List<String> world() {
        List<String> w = new ArrayList<>();
        w.add("nsnet-world switch add " + SWITCH);
        for (ClusterSpec.Node n : spec.nodes) {
            w.add("nsnet-world host add " + n.name());
            // ipvlan is not in the reference kernel (KernelConfig): the nodes run a distribution kernel
            if (spec.cni == ClusterSpec.Cni.IPVLAN_L2 || spec.cni == ClusterSpec.Cni.IPVLAN_L3)
                w.add("nsnet-world kernel " + n.name() + " full");
            w.add("nsnet-world nic add " + n.name() + " eth0 address " + Mac.format(nodeMac(n.index())));
            w.add("nsnet-world switch port " + SWITCH + " " + n.name() + ":eth0");
        }
        w.add("nsnet-world nic add nsnet eth0 address 52:54:00:ff:00:01");
        w.add("nsnet-world switch port " + SWITCH + " nsnet:eth0");
        w.add("ip link set lo up");
        w.add("ip addr add " + Inet4.format(spec.gateway()) + "/" + spec.nodeSubnet.len() + " dev eth0");
        w.add("ip link set eth0 up");
        if (spec.cni == ClusterSpec.Cni.IPVLAN_L3) {
            // the data-centre router learns each node's pod range (what BGP would announce)
            for (ClusterSpec.Node n : spec.nodes) {
                w.add("ip route add " + Inet4.format(podSubnet(n)) + "/24 via " + Inet4.format(spec.nodeIp(n)));
            }
        }
        return w;
    }

    /** One line describing a node, for the header of its script. */
    public String describe(ClusterSpec.Node n) {
        String pods = spec.cni.onNodeSubnet() ? "pods on " + spec.nodeSubnet : "pods " + Inet4.format(podSubnet(n)) + "/24";
        return n.name() + " (" + Inet4.format(spec.nodeIp(n)) + ", " + pods + ", " + n.pods().size() + " pod" + (n.pods().size() == 1 ? "" : "s") + ")";
    }

    /** The commands node {@code n} runs, in order. */
    public List<Step> steps(ClusterSpec.Node n) {
        List<Step> s = new ArrayList<>();
        String nodeIp = Inet4.format(spec.nodeIp(n));
        s.add(Step.of("sysctl -q -w net.ipv4.ip_forward=1"));
        s.add(Step.of("ip link set lo up"));
        s.add(Step.of("ip addr add " + nodeIp + "/" + spec.nodeSubnet.len() + " dev eth0"));
        s.add(Step.of("ip link set eth0 up"));
        s.add(Step.of("ip route add default via " + Inet4.format(spec.gateway())));
        switch (spec.cni) {
            case BRIDGE, FLANNEL -> bridgePods(n, s);
            case MACVLAN, IPVLAN_L2, IPVLAN_L3 -> underlayPods(n, s);
        }
        if (spec.cni == ClusterSpec.Cni.FLANNEL) flannel(n, s);
        else if (spec.cni == ClusterSpec.Cni.BRIDGE) {
            for (ClusterSpec.Node m : spec.nodes) {
                if (m == n) continue;
                s.add(Step.of("ip route add " + Inet4.format(podSubnet(m)) + "/24 via " + Inet4.format(spec.nodeIp(m)) + " dev eth0"));
            }
        } else if (spec.cni == ClusterSpec.Cni.IPVLAN_L3) {
            for (ClusterSpec.Node m : spec.nodes) {
                if (m == n) continue;
                s.add(Step.of("ip route add " + Inet4.format(podSubnet(m)) + "/24 via " + Inet4.format(spec.nodeIp(m)) + " dev eth0"));
            }
        }
        if (!spec.cni.underlay()) {
            s.add(Step.of("iptables -t nat -A POSTROUTING -s " + spec.podCIDR + " ! -d " + spec.podCIDR
                    + " -m comment --comment \"pod traffic leaving the cluster\" -j MASQUERADE"));
        }
        if (!spec.services.isEmpty()) {
            for (String j : KubeProxy.jumpCommands()) s.add(Step.of(j));
            s.add(new Step("iptables-restore --noflush", kubeProxyInput()));
        }
        return s;
    }

    /** kube-proxy's restore input: the same on every node. */
    public String kubeProxyInput() {
        if (kubeProxyInput == null) {
            kubeProxyInput = KubeProxy.restoreInput(spec.services, podIp, spec.masqueradeAll(), spec.podCIDR.toString());
        }
        return kubeProxyInput;
    }

    private int mtu() { return spec.cni == ClusterSpec.Cni.FLANNEL ? 1450 : 1500; }

    /** The CNI bridge plugin: cni0 with the node's .1, a veth per pod, default route via cni0. */
    private void bridgePods(ClusterSpec.Node n, List<Step> s) {
        int gw = podSubnet(n) + 1;
        String mtu = mtu() == 1500 ? "" : " mtu " + mtu();
        s.add(Step.of("ip link add cni0 address " + Mac.format(ipMac(0x0a58, gw)) + mtu + " type bridge"));
        s.add(Step.of("ip addr add " + Inet4.format(gw) + "/24 dev cni0"));
        s.add(Step.of("ip link set cni0 up"));
        Set<String> used = new HashSet<>();
        for (String pod : n.pods()) {
            int ip = podIp(pod);
            String veth = uniqueName("veth", pod, used);
            String ns = "ip -n " + pod + " ";
            s.add(Step.of("ip netns add " + pod));
            s.add(Step.of("ip link add " + veth + " address " + Mac.format(ipMac(0x0e58, ip)) + mtu + " type veth peer name eth0 address "
                    + Mac.format(ipMac(0x0a58, ip)) + mtu + " netns " + pod));
            s.add(Step.of("ip link set " + veth + " master cni0"));
            // the bridge plugin's hairpinMode (flannel's CNI config sets it): a pod can reach itself through its Service
            s.add(Step.of("bridge link set dev " + veth + " hairpin on"));
            s.add(Step.of("ip link set " + veth + " up"));
            s.add(Step.of(ns + "link set lo up"));
            s.add(Step.of(ns + "addr add " + Inet4.format(ip) + "/24 dev eth0"));
            s.add(Step.of(ns + "link set eth0 up"));
            s.add(Step.of(ns + "route add default via " + Inet4.format(gw)));
        }
    }

    /** flanneld's vxlan backend: flannel.1, and per remote node a route, a neighbour and an FDB entry. */
    private void flannel(ClusterSpec.Node n, List<Step> s) {
        int nodeIp = spec.nodeIp(n);
        s.add(Step.of("ip link add flannel.1 address " + Mac.format(vtepMac(nodeIp)) + " type vxlan id 1 local " + Inet4.format(nodeIp)
                + " dev eth0 dstport 8472 nolearning"));
        s.add(Step.of("ip addr add " + Inet4.format(podSubnet(n)) + "/32 dev flannel.1"));
        s.add(Step.of("ip link set flannel.1 up"));
        for (ClusterSpec.Node m : spec.nodes) {
            if (m == n) continue;
            String net = Inet4.format(podSubnet(m));
            String vtep = Mac.format(vtepMac(spec.nodeIp(m)));
            s.add(Step.of("ip route add " + net + "/24 via " + net + " dev flannel.1 onlink"));
            s.add(Step.of("ip neigh replace " + net + " lladdr " + vtep + " dev flannel.1 nud permanent"));
            s.add(Step.of("bridge fdb append " + vtep + " dev flannel.1 dst " + Inet4.format(spec.nodeIp(m))));
        }
    }

    /**
     * macvlan / ipvlan pods on the node's eth0, plus the service path: a veth to the node that
     * carries ClusterIP traffic (and traffic to the node itself, which a macvlan or ipvlan pod
     * cannot reach through eth0) so that kube-proxy's rules see it.
     */
    private void underlayPods(ClusterSpec.Node n, List<Step> s) {
        Set<String> used = new HashSet<>();
        String nodeIp = Inet4.format(spec.nodeIp(n));
        int len = spec.cni.onNodeSubnet() ? spec.nodeSubnet.len() : 24;
        for (String pod : n.pods()) {
            int ip = podIp(pod);
            String ns = "ip -n " + pod + " ";
            String tmp = uniqueName(spec.cni == ClusterSpec.Cni.MACVLAN ? "mv" : "ipv", pod, used);
            s.add(Step.of("ip netns add " + pod));
            switch (spec.cni) {
                case MACVLAN -> s.add(Step.of("ip link add link eth0 name " + tmp + " address " + Mac.format(ipMac(0x0a58, ip))
                        + " netns " + pod + " type macvlan mode bridge"));
                case IPVLAN_L2 -> s.add(Step.of("ip link add link eth0 name " + tmp + " netns " + pod + " type ipvlan mode l2"));
                default -> s.add(Step.of("ip link add link eth0 name " + tmp + " netns " + pod + " type ipvlan mode l3"));
            }
            s.add(Step.of(ns + "link set " + tmp + " name eth0"));
            s.add(Step.of(ns + "link set lo up"));
            s.add(Step.of(ns + "addr add " + Inet4.format(ip) + "/" + len + " dev eth0"));
            s.add(Step.of(ns + "link set eth0 up"));
            s.add(Step.of(spec.cni == ClusterSpec.Cni.IPVLAN_L3 ? ns + "route add default dev eth0"
                    : ns + "route add default via " + Inet4.format(spec.gateway())));
            String svc = uniqueName("svc", pod, used);
            long hostMac = ipMac(0x0e58, ip);
            s.add(Step.of("ip link add " + svc + " address " + Mac.format(hostMac) + " type veth peer name veth0 address "
                    + Mac.format(ipMac(0x0e59, ip)) + " netns " + pod));
            s.add(Step.of("ip link set " + svc + " up"));
            s.add(Step.of("ip route add " + Inet4.format(ip) + "/32 dev " + svc));
            s.add(Step.of(ns + "link set veth0 up"));
            s.add(Step.of(ns + "route add " + Inet4.format(SVC_HOP) + " dev veth0 scope link"));
            s.add(Step.of(ns + "neigh add " + Inet4.format(SVC_HOP) + " lladdr " + Mac.format(hostMac) + " dev veth0 nud permanent"));
            s.add(Step.of(ns + "route add " + spec.serviceCIDR + " via " + Inet4.format(SVC_HOP) + " dev veth0"));
            s.add(Step.of(ns + "route add " + nodeIp + "/32 via " + Inet4.format(SVC_HOP) + " dev veth0"));
        }
    }

    private static String uniqueName(String prefix, String pod, Set<String> used) {
        String name = hostIfName(prefix, pod);
        for (int i = 1; !used.add(name); i++) name = hostIfName(prefix, pod + "#" + i);
        return name;
    }

    /** Prints the whole expansion as readable shell: the physical network, then one section per node. */
    public void print(PrintStream out, String file) {
        int pods = nodeOfPod.size();
        out.println("# cluster " + file + ": cni " + spec.cni.word + ", " + spec.nodes.size() + " node" + (spec.nodes.size() == 1 ? "" : "s")
                + ", " + pods + " pod" + (pods == 1 ? "" : "s") + ", " + spec.services.size() + " service" + (spec.services.size() == 1 ? "" : "s"));
        out.println("# --- physical network and gateway " + Inet4.format(spec.gateway()) + " (run on the scenario's host, nsnet)");
        for (String l : world()) out.println(l);
        for (ClusterSpec.Node n : spec.nodes) {
            out.println();
            printNode(out, n);
        }
    }

    /** One node's section: a header line and its commands (kube-proxy's input as a here-document). */
    public void printNode(PrintStream out, ClusterSpec.Node n) {
        out.println("# --- node " + describe(n) + " (run on " + n.name() + ")");
        for (Step st : steps(n)) {
            if (st.stdin() == null) out.println(st.line());
            else {
                out.println(st.line() + " <<'EOF'");
                out.print(st.stdin());
                out.println("EOF");
            }
        }
    }
}
