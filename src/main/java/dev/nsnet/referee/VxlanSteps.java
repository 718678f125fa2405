package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fuzz generator's vxlan steps (generator version 7), appended after the macvlan steps from a
 * seventh random stream derived from the seed (so a version-6 script is a prefix of its version-7
 * script). Their own world: two nodes {@code xa} (192.168.77.1) and {@code xb} (192.168.77.2) on
 * one underlay veth, each with a vxlan device {@code vx0} (overlay 10.77.0.1 / .2, explicit MACs):
 * VNI, {@code remote} or none (then {@code bridge fdb append 00:00:00:00:00:00} entries), {@code local},
 * {@code dstport} 4789 or 8472, {@code dev eth0}, {@code learning}/{@code nolearning}, {@code ttl}; then
 * units: pings over the overlay (after a neighbour flush) and the underlay, fdb add / append /
 * replace / del (also of entries that do not exist), fdb and {@code ip -d link} listings, the
 * device or the underlay going down and up, MTU changes (also above what the underlay leaves),
 * changelink of {@code ttl} and of what cannot change ({@code id}), a second device with the same
 * VNI and port (refused), deletion and re-creation with other parameters.
 * Stability as in {@link LiveSteps}: IPv6 off in every namespace, explicit MACs, {@code sleep 1}
 * after link changes, bounded pings, neighbours flushed on both sides around a ping (a late ARP
 * probe through the tunnel would teach an fdb entry at a moment that depends on the machine's speed).
 */
final class VxlanSteps {
    /** The generator version whose scripts include these steps. */
    static final int VERSION = 7;

    private static final String[] NODES = {"xa", "xb"};
    private static final String[] UNDER = {"192.168.77.1", "192.168.77.2"};
    private static final String[] OVER = {"10.77.0.1", "10.77.0.2"};

    private final Random r;
    private final List<Unit> out;
    /** Whether node i has vx0 right now, and whether it was made without a remote. */
    private final boolean[] has = new boolean[2], noRemote = new boolean[2];
    private int macSeq;

    private VxlanSteps(long seed, List<Unit> out) {
        this.r = new Random(seed * 0xA0761D6478BD642FL + 0x7E51L);
        this.out = out;
    }

    /** Appends the vxlan steps of {@code seed} (about 4 seeds in 10 get them) to {@code units}. */
    static void append(long seed, List<Unit> units) {
        VxlanSteps g = new VxlanSteps(seed, units);
        if (!g.chance(40)) return;
        g.topology();
        int n = 3 + g.r.nextInt(8);
        for (int i = 0; i < n; i++) g.unit();
        g.step(bridge(NODES[g.r.nextInt(2)], "fdb show dev vx0"));
    }

    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    private String pick(String... a) { return a[r.nextInt(a.length)]; }

    private static String ex(String ns, String cmd) { return "ip netns exec " + ns + " " + cmd; }

    private static String ip(String ns, String rest) { return "ip -n " + ns + " " + rest; }

    private static String bridge(String ns, String rest) { return "bridge -n " + ns + " " + rest; }

    private void step(String... lines) { out.add(Unit.step(lines)); }

    private void step(List<String> lines) { out.add(new Unit(Unit.Kind.STEP, List.copyOf(lines))); }

    private void waitLine() { out.add(new Unit(Unit.Kind.WAIT, List.of(LiveSteps.SLEEP))); }

    private void topology() {
        List<String> l = new ArrayList<>();
        for (String ns : NODES) {
            l.add("ip netns add " + ns);
            l.add(ex(ns, "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1"));
        }
        l.add("ip -n xa link add eth0 address 02:00:00:77:00:01 type veth peer name eth0 address 02:00:00:77:00:02 netns xb");
        for (int i = 0; i < 2; i++) {
            l.add(ip(NODES[i], "addr add " + UNDER[i] + "/24 dev eth0"));
            l.add(ip(NODES[i], "link set eth0 up"));
        }
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
        String vni = chance(80) ? "42" : pick("1", "16777215");
        String port = chance(80) ? "4789" : "8472";
        boolean same = chance(85);
        for (int i = 0; i < 2; i++) create(i, same ? vni : pick("42", "43"), same ? port : pick("4789", "8472"));
        waitLine();
    }

    /** vx0 on node i with its overlay address, up; without a remote, the other node as an fdb default entry now and then. */
    private void create(int i, String vni, String port) {
        String ns = NODES[i];
        String mac = String.format("02:00:00:77:01:%02x", (i + 1) | (macSeq++ << 4) & 0xf0);
        boolean remote = chance(70);
        StringBuilder sb = new StringBuilder("link add vx0 address " + mac + " type vxlan id " + vni);
        if (remote) sb.append(" remote ").append(UNDER[1 - i]);
        if (chance(60)) sb.append(" local ").append(UNDER[i]);
        sb.append(" dstport ").append(port);
        if (chance(60)) sb.append(" dev eth0");
        if (chance(25)) sb.append(pick(" nolearning", " learning"));
        if (chance(15)) sb.append(" ttl ").append(pick("4", "64", "inherit"));
        List<String> l = new ArrayList<>();
        l.add(ip(ns, sb.toString()));
        l.add(ip(ns, "addr add " + OVER[i] + "/24 dev vx0"));
        l.add(ip(ns, "link set vx0 up"));
        if (!remote && chance(70)) l.add(bridge(ns, "fdb append 00:00:00:00:00:00 dev vx0 dst " + UNDER[1 - i]));
        step(l);
        has[i] = true;
        noRemote[i] = !remote;
    }

    private void unit() {
        int w = r.nextInt(100);
        int i = r.nextInt(2);
        String ns = NODES[i];
        if (w < 28) ping(i);
        else if (w < 40) fdbChange(i);
        else if (w < 52) observe(i);
        else if (w < 60) upDown(i);
        else if (w < 66) mtu(i);
        else if (w < 73) changeLink(i);
        else if (w < 79) duplicate(i);
        else if (w < 87) recreate(i);
        else if (w < 92) underlayPing(i);
        else step(ip(ns, "link set eth0 " + pick("down", "up")), ip(ns, "link set eth0 up"));
        if (w >= 92) waitLine();
    }

    /** A ping over the overlay, neighbours flushed first; the fdb of the sender right after it now and then. */
    private void ping(int i) {
        String ns = NODES[i];
        List<String> l = new ArrayList<>();
        l.add(ip(ns, "neigh flush dev vx0"));
        l.add(ex(ns, "ping -c 1 -W 1 " + (chance(15) ? "-s 1460 " : "") + OVER[1 - i]));
        // the answering side's entry, made by the ARP request and used for the reply, would probe
        // 5 s later (DELAY -> PROBE): a unicast ARP through the tunnel that the sender learns from,
        // some lines later on the kernel than in nsnet (fuzz v7 seeds 94, 147)
        l.add(ip(NODES[1 - i], "neigh flush dev vx0"));
        if (chance(40)) l.add(bridge(ns, "fdb show dev vx0"));
        else if (chance(30)) l.add(ip(ns, "neigh show " + OVER[1 - i] + " dev vx0"));
        step(l);
    }

    private void underlayPing(int i) {
        step(ip(NODES[i], "neigh flush dev eth0"), ex(NODES[i], "ping -c 1 -W 1 " + UNDER[1 - i]));
    }

    private String mac() { return String.format("02:00:00:77:0%d:%02x", 2 + r.nextInt(2), r.nextInt(4)); }

    private void fdbChange(int i) {
        String ns = NODES[i];
        String dst = pick(UNDER[1 - i], "192.168.77.9", UNDER[i]);
        String rest = switch (r.nextInt(7)) {
            case 0 -> "fdb append 00:00:00:00:00:00 dev vx0 dst " + dst;
            case 1 -> "fdb add " + mac() + " dev vx0 dst " + dst + pick("", " port 8472", " vni 7", " static", " dynamic");
            case 2 -> "fdb append " + mac() + " dev vx0 dst " + dst;
            case 3 -> "fdb replace " + pick(mac(), "00:00:00:00:00:00") + " dev vx0 dst " + dst;
            case 4 -> "fdb del " + mac() + " dev vx0" + pick("", " dst " + dst);
            case 5 -> "fdb del 00:00:00:00:00:00 dev vx0 dst " + dst;
            default -> "fdb add " + mac() + " dev vx0" + pick("", " dst 239.1.1.1", " dst " + dst + " via lo");
        };
        step(bridge(ns, rest));
    }

    private void observe(int i) {
        String ns = NODES[i];
        step(switch (r.nextInt(6)) {
            case 0 -> ip(ns, "-d link show vx0");
            case 1 -> ip(ns, "link show vx0");
            case 2 -> ip(ns, "-j -d link show vx0");
            case 3 -> ip(ns, "-br link show");
            case 4 -> ip(ns, "addr show dev vx0");
            default -> ip(ns, "-d link show type vxlan");
        });
    }

    private void upDown(int i) {
        String ns = NODES[i];
        if (chance(50)) step(ip(ns, "link set vx0 down"), ip(ns, "link set vx0 up"));
        else step(ip(ns, "link set vx0 " + pick("down", "up")));
        waitLine();
    }

    private void mtu(int i) {
        step(ip(NODES[i], (chance(25) ? "link set eth0 mtu " : "link set vx0 mtu ") + pick("1400", "1450", "1500", "9000", "60", "65536")));
    }

    private void changeLink(int i) {
        step(ip(NODES[i], "link set vx0 type vxlan " + pick("ttl 5", "ttl inherit", "id 99", "dstport 8472", "nolearning",
                "learning", "remote " + UNDER[1 - i], "ageing 100", "tos 0x10")));
    }

    /** A second vxlan device with the same VNI and port in the same namespace: the kernel refuses it. */
    private void duplicate(int i) {
        String ns = NODES[i];
        step(ip(ns, "link add vx1 address 02:00:00:77:01:f" + (i + 1) + " type vxlan id " + pick("42", "43", "1")
                + " dstport " + pick("4789", "8472") + pick("", " remote " + UNDER[1 - i])));
        step(ip(ns, "link del vx1"));
        waitLine();
    }

    private void recreate(int i) {
        String ns = NODES[i];
        step(ip(ns, "link del vx0"));
        has[i] = false;
        waitLine();
        if (chance(80)) {
            create(i, chance(80) ? "42" : "43", chance(85) ? "4789" : "8472");
            waitLine();
        }
    }
}
