package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz generator's macvlan steps (generator version 6), appended after the older steps from a
 * sixth random stream derived from the seed (so a version-5 script is a prefix of its version-6
 * script). They build an underlay world of their own (docs/underlay.md): a node namespace
 * {@code mn} whose veth end {@code eth0} (the "NIC", 10.66.0.1/24 now and then) is cabled to a
 * host on the wire {@code mw} (10.66.0.100), and pod namespaces {@code ma}, {@code mb}, {@code mc}.
 * Then units over macvlans of that NIC (drivers/net/macvlan.c): creation in every mode (also
 * straight into a pod, on a macvlan as lower, passthru with and without siblings, a missing or
 * loopback lower, a taken name), moves to pods, addresses, up and down, MAC and MTU changes (also
 * refused ones), mode changes, pings between pods, to the wire host and to the node (which the
 * lower cannot reach), deletion of a macvlan or of the lower itself (taking its macvlans with it)
 * and its re-creation, and observations ({@code ip link show} in several forms, {@code -d},
 * {@code -br}, {@code type macvlan} filters, addresses, one neighbour entry).
 * Stability as in {@link LiveSteps}: explicit MACs on every device (passthru takes the lower's),
 * IPv6 off in every namespace, {@code sleep 1} after link changes, bounded pings, and a neighbour
 * flush before a ping whose target may have been unresolved (ARP retries of an earlier ping race
 * the next one).
 */
final class MacvlanSteps {
    /** The generator version whose scripts include these steps. */
    static final int VERSION = 6;

    static final String NODE = "mn", WIRE = "mw";
    private static final String[] PODS = {"ma", "mb", "mc"};
    private static final String[] MODES = {"private", "vepa", "bridge", "passthru", "source"};
    private static final String LOWER_MAC = "02:00:00:66:00:01", WIRE_MAC = "02:00:00:66:00:02";

    /** One macvlan as the generator believes it is. */
    private static final class Mv {
        final String name;
        String ns = NODE, mode, mac, ip;
        boolean up;

        Mv(String name, String mode, String mac) {
            this.name = name;
            this.mode = mode;
            this.mac = mac;
        }
    }

    private final Random r;
    private final List<Unit> out;
    private final Map<String, Mv> mvs = new LinkedHashMap<>();
    private boolean lower = true, lowerAddr;
    private int next = 1;

    private MacvlanSteps(long seed, List<Unit> out) {
        this.r = new Random(seed * 0xD6E8FEB86659FD93L + 0x3AC7L);
        this.out = out;
    }

    /** Appends the macvlan steps of {@code seed} (about half the seeds get them) to {@code units}. */
    static void append(long seed, List<Unit> units) {
        MacvlanSteps g = new MacvlanSteps(seed, units);
        if (!g.chance(50)) return;
        g.topology();
        int n = 4 + g.r.nextInt(9);
        for (int i = 0; i < n; i++) g.unit();
        g.step(ip(NODE, pick(g.r, "-d link show type macvlan", "link show type macvlan", "-br link show")));
    }

    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    private String pick(String... a) { return a[r.nextInt(a.length)]; }

    private static String pick(Random r, String... a) { return a[r.nextInt(a.length)]; }

    private static String ex(String ns, String cmd) { return "ip netns exec " + ns + " " + cmd; }

    private static String ip(String ns, String rest) { return "ip -n " + ns + " " + rest; }

    private void step(String... lines) { out.add(Unit.step(lines)); }

    private void waitLine() { out.add(new Unit(Unit.Kind.WAIT, List.of(LiveSteps.SLEEP))); }

    /**
     * After the wire end's carrier changes: the lower's carrier event waits for linkwatch (up to 1 s),
     * whose NETDEV_CHANGE hands the carrier to the macvlans, whose own events wait for the next
     * linkwatch run (1 s later): the kernel settles within 2 s (fuzz seed 164 of the first v6 hunt).
     */
    static final String CARRIER_WAIT = "sleep 2.5";

    private void topology() {
        List<String> l = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(NODE, WIRE));
        all.addAll(List.of(PODS));
        for (String ns : all) {
            l.add("ip netns add " + ns);
            l.add(ex(ns, "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1"));
        }
        lowerLines(l);
        l.add(ip(WIRE, "addr add 10.66.0.100/24 dev eth0"));
        l.add(ip(WIRE, "link set eth0 up"));
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) podMacvlan();
        waitLine();
    }

    /** The node's NIC: a veth end in mn whose peer is the wire host's eth0. */
    private void lowerLines(List<String> l) {
        l.add("ip link add eth0 netns " + NODE + " address " + LOWER_MAC + " type veth peer name eth0 netns " + WIRE
                + " address " + WIRE_MAC);
        l.add(ip(NODE, "link set eth0 up"));
        lower = true;
        lowerAddr = false;
    }

    /** A macvlan straight into a pod with an address, up: the article's underlay pod. */
    private void podMacvlan() {
        String pod = freePod();
        if (pod == null) return;
        Mv m = new Mv("mv" + next, pick("bridge", "bridge", "private", "vepa"), mac(next));
        next++;
        m.ns = pod;
        m.ip = "10.66.0." + (10 + next);
        m.up = true;
        mvs.put(m.name, m);
        step(ip(NODE, "link add link eth0 name " + m.name + " address " + m.mac + " netns " + pod + " type macvlan mode " + m.mode),
                ip(pod, "addr add " + m.ip + "/24 dev " + m.name),
                ip(pod, "link set " + m.name + " up"));
    }

    private String freePod() {
        List<String> free = new ArrayList<>(List.of(PODS));
        for (Mv m : mvs.values()) free.remove(m.ns);
        return free.isEmpty() ? null : free.get(r.nextInt(free.size()));
    }

    private static String mac(int n) { return String.format("02:00:00:66:01:%02x", n & 0xff); }

    private Mv anyMv() {
        if (mvs.isEmpty()) return null;
        List<Mv> l = new ArrayList<>(mvs.values());
        return l.get(r.nextInt(l.size()));
    }

    private void unit() {
        int w = r.nextInt(100);
        if (w < 14) create();
        else if (w < 20) badCreate();
        else if (w < 26) move();
        else if (w < 31) address();
        else if (w < 38) upDown();
        else if (w < 43) macChange();
        else if (w < 48) mtuChange();
        else if (w < 52) modeChange();
        else if (w < 70) ping();
        else if (w < 74) delete();
        else if (w < 77) lowerChange();
        else observe();
    }

    /** A macvlan of the node's NIC: any mode, sometimes without a MAC (passthru), on a macvlan as lower. */
    private void create() {
        if (!lower) {
            step(ip(NODE, "link add link eth0 name mv" + next + " address " + mac(next) + " type macvlan"));
            return;
        }
        String mode = pick(MODES);
        boolean passthru = mode.equals("passthru");
        Mv on = chance(15) ? anyMv() : null;
        String link = on != null && on.ns.equals(NODE) ? on.name : "eth0";
        String name = "mv" + next;
        String mac = passthru && chance(60) ? null : mac(next);
        String into = chance(40) ? freePod() : null;
        next++;
        String modeArg = chance(10) && mode.equals("vepa") ? "" : " mode " + mode;
        if (chance(25)) modeArg += switch (mode) {
            case "passthru" -> " flag nopromisc";
            case "source" -> " flag nodst";
            default -> " flag " + pick("null", "nodst");
        };
        step(ip(NODE, "link add link " + link + " name " + name + (mac == null ? "" : " address " + mac)
                + (into == null ? "" : " netns " + into) + " type macvlan" + modeArg));
        // passthru takes the lower alone (either way round it is Invalid argument)
        boolean ok = passthru ? mvs.isEmpty() : mvs.values().stream().noneMatch(m -> m.mode.equals("passthru"));
        if (mac != null && mvs.values().stream().anyMatch(m -> mac.equals(m.mac))) ok = false;
        if (ok) {
            Mv m = new Mv(name, mode, mac == null ? LOWER_MAC : mac);
            if (into != null) m.ns = into;
            mvs.put(name, m);
        }
    }

    /** What the kernel or ip refuses: a missing lower, lo, a taken name, an MTU above the lower's, no link. */
    private void badCreate() {
        String name = "mv" + next;
        String mac = " address " + mac(next);
        Mv any = anyMv();
        step(ip(NODE, switch (r.nextInt(6)) {
            case 0 -> "link add link eth9 name " + name + mac + " type macvlan";
            case 1 -> "link add link lo name " + name + mac + " type macvlan mode bridge";
            case 2 -> "link add link eth0 name " + (any != null && any.ns.equals(NODE) ? any.name : "eth0") + mac
                    + " type macvlan mode bridge";
            case 3 -> "link add link eth0 name " + name + mac + " mtu " + pick("1600", "9000") + " type macvlan";
            case 4 -> "link add name " + name + mac + " type macvlan mode bridge";
            default -> "link add link eth0 name " + name + mac + " type macvlan mode " + pick("bogus", "bridge flag nopromisc");
        }));
    }

    private void move() {
        Mv m = anyMv();
        if (m == null) return;
        String to = m.ns.equals(NODE) ? (chance(85) ? freePod() : "mz") : (chance(70) ? NODE : freePod());
        if (to == null) return;
        step(ip(m.ns, "link set " + m.name + " netns " + to));
        if (!to.equals("mz")) {
            m.ns = to;
            m.up = false;
            m.ip = null; // addresses do not follow a device into another namespace
        }
        waitLine();
    }

    private void address() {
        Mv m = anyMv();
        if (m == null) return;
        if (m.ip != null && chance(35)) {
            step(ip(m.ns, "addr del " + m.ip + "/24 dev " + m.name));
            m.ip = null;
            return;
        }
        if (m.ip != null) return;
        m.ip = "10.66.0." + (20 + Integer.parseInt(m.name.substring(2)));
        step(ip(m.ns, "addr add " + m.ip + "/24 dev " + m.name));
    }

    private void upDown() {
        Mv m = anyMv();
        if (m == null || chance(15)) {
            step(ip(WIRE, "link set eth0 " + pick("down", "up")));
            out.add(new Unit(Unit.Kind.WAIT, List.of(CARRIER_WAIT)));
            return;
        }
        m.up = !m.up || chance(20);
        step(ip(m.ns, "link set " + m.name + (m.up ? " up" : " down")));
        waitLine();
    }

    /** A new MAC for a macvlan (also a sibling's or the lower's: Address already in use) or for the lower. */
    private void macChange() {
        Mv m = anyMv();
        if (m == null) return;
        Mv other = anyMv();
        String mac = switch (r.nextInt(4)) {
            case 0 -> LOWER_MAC;
            case 1 -> other.mac;
            default -> mac(0x80 + r.nextInt(4));
        };
        if (chance(15) && lower) {
            step(ip(NODE, "link set eth0 address " + mac));
            return;
        }
        step(ip(m.ns, "link set " + m.name + " address " + mac));
    }

    private void mtuChange() {
        Mv m = anyMv();
        if (m == null || chance(25)) {
            if (lower) step(ip(NODE, "link set eth0 mtu " + pick("1400", "1500", "1600")));
            return;
        }
        step(ip(m.ns, "link set " + m.name + " mtu " + pick("1300", "1400", "1500", "1600", "60")));
    }

    private void modeChange() {
        Mv m = anyMv();
        if (m == null) return;
        String mode = pick(MODES);
        step(ip(m.ns, "link set " + m.name + " type macvlan mode " + mode));
        if (!mode.equals("passthru") && !m.mode.equals("passthru")) m.mode = mode;
    }

    /** A ping from a pod to another pod, the wire host or the node; neighbours flushed first. */
    private void ping() {
        List<Mv> from = new ArrayList<>();
        for (Mv m : mvs.values()) if (m.ip != null && !m.ns.equals(NODE)) from.add(m);
        if (chance(15) || from.isEmpty()) {
            List<String> to = new ArrayList<>(List.of("10.66.0.1"));
            for (Mv m : mvs.values()) if (m.ip != null) to.add(m.ip);
            String dst = to.get(r.nextInt(to.size()));
            step(ip(WIRE, "neigh flush dev eth0"), ex(WIRE, "ping -c 1 -W 1 " + dst));
            return;
        }
        Mv a = from.get(r.nextInt(from.size()));
        List<String> to = new ArrayList<>(List.of("10.66.0.100", "10.66.0.100"));
        if (lowerAddr) to.add("10.66.0.1");
        for (Mv m : mvs.values()) if (m.ip != null && m != a) to.add(m.ip);
        String dst = to.get(r.nextInt(to.size()));
        List<String> l = new ArrayList<>();
        l.add(ip(a.ns, "neigh flush dev " + a.name));
        l.add(ex(a.ns, "ping -c 1 -W 1 " + (chance(15) ? "-s 1400 " : "") + dst));
        if (chance(30)) l.add(ip(a.ns, "neigh show " + dst + " dev " + a.name));
        step(l.toArray(String[]::new));
    }

    private void delete() {
        Mv m = anyMv();
        if (m == null) return;
        step(ip(m.ns, "link del " + m.name));
        mvs.remove(m.name);
        waitLine();
    }

    /** The node's NIC: an address for it, deleted (its macvlans go with it) and re-created, down and up. */
    private void lowerChange() {
        int w = r.nextInt(4);
        if (w == 0 && lower && !lowerAddr) {
            step(ip(NODE, "addr add 10.66.0.1/24 dev eth0"));
            lowerAddr = true;
        } else if (w == 1 && lower) {
            step(ip(NODE, "link del eth0"));
            mvs.values().removeIf(m -> true);
            lower = false;
            waitLine();
        } else if (!lower) {
            List<String> l = new ArrayList<>();
            lowerLines(l);
            l.add(ip(WIRE, "addr add 10.66.0.100/24 dev eth0"));
            l.add(ip(WIRE, "link set eth0 up"));
            step(l.toArray(String[]::new));
            waitLine();
        } else {
            step(ip(NODE, "link set eth0 down"), "sleep 1", ip(NODE, "link set eth0 up"));
            waitLine();
        }
    }

    private void observe() {
        Mv m = anyMv();
        String ns = m == null ? NODE : m.ns;
        String dev = m == null ? "eth0" : m.name;
        step(switch (r.nextInt(8)) {
            case 0 -> ip(ns, "link show " + dev);
            case 1 -> ip(ns, "-d link show " + dev);
            case 2 -> ip(ns, "-br link show");
            case 3 -> ip(NODE, "link show type macvlan");
            case 4 -> ip(ns, "addr show dev " + dev);
            case 5 -> ip(NODE, pick("", "-d ") + "link show eth0");
            case 6 -> ip(ns, "-j -d link show " + dev);
            default -> ip(ns, "-o link show " + dev);
        });
    }
}
