package dev.nsnet.scenario.cluster;

import dev.nsnet.kernel.wire.Inet4;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules kube-proxy's iptables mode (pkg/proxy/iptables/proxier.go, Kubernetes 1.28-1.30)
 * writes on every node for ClusterIP Services: first the jump rules it ensures one by one
 * ({@code iptables -N CHAIN}, {@code iptables -I BUILTIN ... -j CHAIN}: {@code iptablesJumpChains}),
 * then one {@code iptables-restore --noflush} input holding the filter and nat tables of
 * {@code syncProxyRules()}: KUBE-SERVICES matching each ClusterIP:port and jumping to the
 * service's KUBE-SVC-HASH chain, which marks off-cluster sources for masquerade (KUBE-MARK-MASQ,
 * mark 0x4000) and picks an endpoint chain KUBE-SEP-HASH with {@code -m statistic --mode random
 * --probability 1/n} (1/n, 1/(n-1), ..., the last one unconditional), each KUBE-SEP DNATing to
 * its pod; KUBE-POSTROUTING masquerades marked packets. Chain names are kube-proxy's hashes
 * ({@link #portProtoHash}), comments its texts.
 *
 * <p>Options as modelled: {@code --masquerade-all} (every ClusterIP packet is marked) or the
 * ClusterCIDR local-traffic detector ({@code ! -s CLUSTER_CIDR}); {@code
 * --iptables-localhost-nodeports=false} (no route_localnet, so the NodePort jump excludes
 * 127.0.0.0/8 and no KUBE-FIREWALL rule is written); iptables with {@code --random-fully}; fewer
 * than 1,000 endpoints (above that kube-proxy drops the endpoint comments, and so does this).
 * NodePorts, LoadBalancers, externalIPs, session affinity and traffic policies are not modelled.
 */
public final class KubeProxy {
    private KubeProxy() { }

    /** kube-proxy's masquerade mark, {@code fmt.Sprintf("%#08x", 1<<14)}. */
    static final String MASQ_MARK = "0x004000";

    /** {@code iptablesJumpChains}: table, chain, built-in chain, comment, extra match. */
    private record Jump(String table, String chain, String from, String comment, String extra) { }

    private static final List<Jump> JUMPS = List.of(
            new Jump("filter", "KUBE-EXTERNAL-SERVICES", "INPUT", "kubernetes externally-visible service portals", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-EXTERNAL-SERVICES", "FORWARD", "kubernetes externally-visible service portals", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-NODEPORTS", "INPUT", "kubernetes health check service ports", ""),
            new Jump("filter", "KUBE-SERVICES", "FORWARD", "kubernetes service portals", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-SERVICES", "OUTPUT", "kubernetes service portals", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-FORWARD", "FORWARD", "kubernetes forwarding rules", ""),
            new Jump("filter", "KUBE-PROXY-FIREWALL", "INPUT", "kubernetes load balancer firewall", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-PROXY-FIREWALL", "OUTPUT", "kubernetes load balancer firewall", "-m conntrack --ctstate NEW"),
            new Jump("filter", "KUBE-PROXY-FIREWALL", "FORWARD", "kubernetes load balancer firewall", "-m conntrack --ctstate NEW"),
            new Jump("nat", "KUBE-SERVICES", "OUTPUT", "kubernetes service portals", ""),
            new Jump("nat", "KUBE-SERVICES", "PREROUTING", "kubernetes service portals", ""),
            new Jump("nat", "KUBE-POSTROUTING", "POSTROUTING", "kubernetes postrouting rules", ""));

    /**
     * The canary chains of kube-proxy's iptables monitor, then the jump rules as it ensures them at
     * its first full sync: {@code EnsureChain} (iptables -N) and {@code EnsureRule(Prepend)}
     * (iptables -I), in its order.
     */
    public static List<String> jumpCommands() {
        List<String> out = new ArrayList<>();
        // ipt.Monitor's canaries (one empty chain per table), made when the proxier starts: a missing
        // canary tells kube-proxy that someone flushed the tables and a full resync is due
        for (String t : List.of("mangle", "nat", "filter")) out.add("iptables -t " + t + " -N KUBE-PROXY-CANARY");
        List<String> made = new ArrayList<>();
        for (Jump j : JUMPS) {
            String key = j.table + " " + j.chain;
            if (!made.contains(key)) {
                made.add(key);
                out.add("iptables -t " + j.table + " -N " + j.chain);
            }
            out.add("iptables -t " + j.table + " -I " + j.from + (j.extra.isEmpty() ? "" : " " + j.extra)
                    + " -m comment --comment \"" + j.comment + "\" -j " + j.chain);
        }
        return out;
    }

    /**
     * The {@code iptables-restore --noflush} input of a full sync. {@code endpoints} maps an
     * endpoint pod name to its address; {@code clusterCidr} is the ClusterCIDR detector's range
     * (ignored with masqueradeAll).
     */
    public static String restoreInput(List<ClusterSpec.Service> services, Map<String, Integer> endpoints,
                                      boolean masqueradeAll, String clusterCidr) {
        StringBuilder filterChains = new StringBuilder(), filterRules = new StringBuilder();
        StringBuilder natChains = new StringBuilder(), natRules = new StringBuilder();
        for (String c : List.of("KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-FORWARD", "KUBE-NODEPORTS", "KUBE-PROXY-FIREWALL")) chain(filterChains, c);
        for (String c : List.of("KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ")) chain(natChains, c);
        String mark = MASQ_MARK + "/" + MASQ_MARK;
        natRules.append("-A KUBE-POSTROUTING -m mark ! --mark ").append(mark).append(" -j RETURN\n");
        natRules.append("-A KUBE-POSTROUTING -j MARK --xor-mark ").append(MASQ_MARK).append('\n');
        natRules.append("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully\n");
        natRules.append("-A KUBE-MARK-MASQ -j MARK --or-mark ").append(MASQ_MARK).append('\n');
        int total = 0;
        for (ClusterSpec.Service s : services) total += s.endpoints().size();
        boolean largeCluster = total > 1000;
        for (ClusterSpec.Service s : services) {
            String proto = s.protocol().toLowerCase(Locale.ROOT);
            String spn = s.portNameString();
            String match = " -m " + proto + " -p " + proto + " -d " + Inet4.format(s.clusterIP()) + " --dport " + s.port();
            if (s.endpoints().isEmpty()) {
                filterRules.append("-A KUBE-SERVICES -m comment --comment \"").append(spn).append(" has no endpoints\"")
                        .append(match).append(" -j REJECT\n");
                continue;
            }
            String svc = "KUBE-SVC-" + portProtoHash(spn, proto);
            chain(natChains, svc);
            String cipComment = " -m comment --comment \"" + spn + " cluster IP\"";
            natRules.append("-A KUBE-SERVICES").append(cipComment).append(match).append(" -j ").append(svc).append('\n');
            natRules.append("-A ").append(svc).append(cipComment).append(match)
                    .append(masqueradeAll ? "" : " ! -s " + clusterCidr).append(" -j KUBE-MARK-MASQ\n");
            int n = s.endpoints().size();
            List<String> sepRules = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String ip = Inet4.format(endpoints.get(s.endpoints().get(i)));
                String ep = ip + ":" + s.targetPort();
                String sep = "KUBE-SEP-" + hash(spn + proto + ep);
                chain(natChains, sep);
                natRules.append("-A ").append(svc);
                if (!largeCluster) natRules.append(" -m comment --comment \"").append(spn).append(" -> ").append(ep).append('"');
                if (i < n - 1) natRules.append(" -m statistic --mode random --probability ").append(probability(n - i));
                natRules.append(" -j ").append(sep).append('\n');
                String c = largeCluster ? "" : " -m comment --comment " + spn;
                sepRules.add("-A " + sep + c + " -s " + ip + " -j KUBE-MARK-MASQ\n");
                sepRules.add("-A " + sep + c + " -m " + proto + " -p " + proto + " -j DNAT --to-destination " + ep + "\n");
            }
            for (String r : sepRules) natRules.append(r);
        }
        natRules.append("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\"")
                .append(" -m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS\n");
        filterRules.append("-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n");
        filterRules.append("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding rules\" -m mark --mark ").append(mark).append(" -j ACCEPT\n");
        filterRules.append("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        return "*filter\n" + filterChains + filterRules + "COMMIT\n*nat\n" + natChains + natRules + "COMMIT\n";
    }

    private static void chain(StringBuilder sb, String name) { sb.append(':').append(name).append(" - [0:0]\n"); }

    /** {@code computeProbability(n)}: {@code fmt.Sprintf("%0.10f", 1.0/float64(n))}. */
    static String probability(int n) { return String.format(Locale.ROOT, "%.10f", 1.0 / n); }

    /** {@code portProtoHash}: the first 16 characters of base32(sha256(servicePortName + protocol)). */
    public static String portProtoHash(String servicePortName, String protocol) { return hash(servicePortName + protocol); }

    static String hash(String s) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return base32(d).substring(0, 16);
    }

    /** RFC 4648 base32 (Go's base32.StdEncoding, padding irrelevant for a 16-character prefix). */
    static String base32(byte[] b) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder();
        int buf = 0, bits = 0;
        for (byte x : b) {
            buf = (buf << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(alphabet.charAt((buf >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) sb.append(alphabet.charAt((buf << (5 - bits)) & 31));
        return sb.toString();
    }
}
