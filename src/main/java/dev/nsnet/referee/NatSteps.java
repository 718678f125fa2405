package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fuzz generator's NAT steps (generator version 5), appended after the older steps from a
 * fifth random stream derived from the seed (so a version-4 script is a prefix of its version-5
 * script). They build their own figure-6 world in fresh namespaces: a node {@code nn} with a
 * bridge {@code nbr0} (10.244.7.1/24) for pods {@code np1}/{@code np2} and an uplink to a remote
 * {@code nr} (192.168.7.10 -> .20) that has no route back to the pods; then units of NAT work:
 * MASQUERADE/SNAT/DNAT/REDIRECT rules (valid forms with options, and refused ones), traffic through
 * them (ping, {@code echo | nc -q1} from a pinned port to a one-shot {@code nc -l} server, UDP to a
 * closed port for an ICMP error to un-NAT, the remote's {@code nc -z} to a DNATed port), the nat table's
 * counters and listings, the uplink going down and up and its address removed and re-added.
 * Stability as in {@link LiveSteps}: one listener per connection, pinned client ports, waits after
 * background servers and link changes, bounded replies.
 */
final class NatSteps {
    /** The generator version whose scripts include these steps. */
    static final int VERSION = 5;

    private static final String NODE = "192.168.7.10", REMOTE = "192.168.7.20";
    private static final String[] PODS = {"np1", "np2"};
    private static final String[] POD_IPS = {"10.244.7.2", "10.244.7.3"};

    private final Random r;
    private final List<Unit> out;
    private int sport = 30000;
    private int dport = 7000;

    private NatSteps(long seed, List<Unit> out) {
        this.r = new Random(seed * 0x9E3779B97F4A7C15L + 0x4A77L);
        this.out = out;
    }

    /** Appends the NAT steps of {@code seed} (about half the seeds get them) to {@code units}. */
    static void append(long seed, List<Unit> units) {
        NatSteps g = new NatSteps(seed, units);
        if (!g.chance(50)) return;
        g.topology();
        int n = 2 + g.r.nextInt(5);
        for (int i = 0; i < n; i++) g.unit();
        g.step("ip netns exec nn iptables -t nat -L -n -v -x", "ip netns exec nn iptables -t nat -S");
    }

    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    private String pick(String... a) { return a[r.nextInt(a.length)]; }

    private static String ex(String ns, String cmd) { return "ip netns exec " + ns + " " + cmd; }

    private static String nat(String rest) { return ex("nn", "iptables -t nat " + rest); }

    private void step(String... lines) { out.add(Unit.step(lines)); }

    private void waitLine() { out.add(new Unit(Unit.Kind.WAIT, List.of(LiveSteps.SLEEP))); }

    private void topology() {
        List<String> l = new ArrayList<>();
        for (String ns : new String[] {"nn", "np1", "np2", "nr"}) {
            l.add("ip netns add " + ns);
            l.add(ex(ns, "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1"));
            l.add("ip -n " + ns + " link set lo up");
        }
        l.add("ip -n nn link add nbr0 address 02:00:00:07:01:01 type bridge");
        l.add("ip -n nn addr add 10.244.7.1/24 dev nbr0");
        l.add("ip -n nn link set nbr0 up");
        for (int i = 0; i < PODS.length; i++) {
            String v = "nv" + (i + 1);
            l.add("ip link add " + v + " netns nn address 02:00:00:07:01:1" + (i + 1) + " type veth peer name eth0 netns "
                    + PODS[i] + " address 02:00:00:07:00:0" + (i + 2));
            l.add("ip -n nn link set " + v + " master nbr0");
            l.add("ip -n nn link set " + v + " up");
            l.add("ip -n " + PODS[i] + " addr add " + POD_IPS[i] + "/24 dev eth0");
            l.add("ip -n " + PODS[i] + " link set eth0 up");
            l.add("ip -n " + PODS[i] + " route add default via 10.244.7.1");
        }
        l.add("ip link add eth0 netns nn address 02:00:00:07:02:01 type veth peer name eth0 netns nr address 02:00:00:07:02:02");
        l.add("ip -n nn addr add " + NODE + "/24 dev eth0");
        l.add("ip -n nr addr add " + REMOTE + "/24 dev eth0");
        l.add("ip -n nn link set eth0 up");
        l.add("ip -n nr link set eth0 up");
        l.add(ex("nn", "sysctl -q -w net.ipv4.ip_forward=1"));
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
        if (chance(80)) step(nat("-A POSTROUTING -s 10.244.7.0/24 ! -o nbr0 -j MASQUERADE"));
        waitLine();
    }

    private int pod() { return r.nextInt(PODS.length); }

    private void unit() {
        int w = r.nextInt(100);
        if (w < 30) rule();
        else if (w < 40) badRule();
        else if (w < 62) tcp();
        else if (w < 72) ping();
        else if (w < 80) udpClosed();
        else if (w < 86) dnatFromRemote();
        else if (w < 92) uplinkChange();
        else step(nat(pick("-L -n -v -x", "-S", "-L POSTROUTING -n -v", "-L")));
    }

    /** A NAT rule in a chain where the kernel takes it. */
    private void rule() {
        String src = chance(50) ? " -s 10.244.7.0/24" : "";
        String rule = switch (r.nextInt(7)) {
            case 0 -> "-A POSTROUTING" + src + " -o eth0 -j MASQUERADE" + pick("", "", " --random", " --random-fully");
            // single ports only: a port picked from a range is random in the kernel (get_random_u16)
            case 1 -> "-A POSTROUTING" + src + " -p tcp -o eth0 -j MASQUERADE --to-ports " + pick("20000", "30100");
            case 2 -> "-I POSTROUTING" + src + " -p tcp -o eth0 -j SNAT --to-source " + NODE + pick(":30050", ":40000", "");
            case 3 -> "-A POSTROUTING" + src + " -p udp -j SNAT --to-source " + NODE + pick("", ":5353");
            case 4 -> "-A PREROUTING -i eth0 -p tcp --dport " + pick("8080", "8081") + " -j DNAT --to-destination "
                    + POD_IPS[pod()] + pick(":80", ":7001", "");
            case 5 -> "-A PREROUTING -i nbr0 -p tcp --dport " + pick("81", "7002") + " -j REDIRECT" + pick("", " --to-ports 7003");
            default -> "-D POSTROUTING -s 10.244.7.0/24 ! -o nbr0 -j MASQUERADE";
        };
        step(nat(rule));
    }

    /** A NAT rule the tool or the kernel refuses. */
    private void badRule() {
        step(ex("nn", "iptables " + pick("-t nat -A PREROUTING -j MASQUERADE", "-A FORWARD -j SNAT --to-source 1.2.3.4",
                "-t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4", "-t nat -A POSTROUTING -j SNAT",
                "-t nat -A POSTROUTING -j MASQUERADE --to-ports 80", "-t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:0-",
                "-t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:9-1", "-t nat -A OUTPUT -j REDIRECT --to-ports 80:81")));
    }

    /** A one-shot listener on the remote (or the node) and a pod's line to it from a pinned port. */
    private void tcp() {
        int p = pod();
        int port = ++dport;
        int sp = chance(30) ? pick(1000, 40000) : ++sport;
        boolean toNode = chance(20);
        String server = toNode ? "nn" : "nr";
        String dst = toNode ? "10.244.7.1" : REMOTE;
        // no -v on the listener: its "Listening on" line would race the recorder's next line
        step(ex(server, "nc -l " + port + " &"), LiveSteps.SETTLE, LiveSteps.SETTLE,
                "echo " + pick("hi", "over nat", "x") + " | " + ex(PODS[p], "nc -q1 -w 2 -p " + sp + " " + dst + " " + port),
                "sleep 1", "kill %1", "wait"); // a listener that got nothing (NAT missing) is killed
    }

    private int pick(int a, int b) { return chance(50) ? a : b; }

    private void ping() {
        step(ex(PODS[pod()], "ping -c " + (1 + r.nextInt(3)) + " -i 0.3 -W 1 -q " + pick(REMOTE, NODE, "10.244.7.1")));
    }

    /** UDP to a closed port: the remote's ICMP port unreachable comes back through the NAT. */
    private void udpClosed() {
        step(ex(PODS[pod()], "nc -u -z -v -n -p " + (++sport) + " " + REMOTE + " " + pick("9999", "53")));
    }

    /** The remote connects to the node's forwarded port (only a DNAT rule makes it reach a pod). */
    private void dnatFromRemote() {
        int p = pod();
        step(ex(PODS[p], "nc -l " + pick("80", "7001") + " &"), LiveSteps.SETTLE, LiveSteps.SETTLE,
                ex("nr", "nc -z -v -n -w 1 " + NODE + " " + pick("8080", "8081")), "sleep 1", "kill %1", "wait");
    }

    private void uplinkChange() {
        if (chance(50)) {
            step("ip -n nn link set eth0 down", "ip -n nn link set eth0 up");
        } else {
            step("ip -n nn addr del " + NODE + "/24 dev eth0", "ip -n nn addr add " + NODE + "/24 dev eth0");
        }
        waitLine();
    }
}
