package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of random, bounded scenario scripts over what nsnet supports: namespaces, veth
 * pairs and bridges (explicit MACs), ports, addresses (secondaries, overlapping prefixes), routes
 * (via, dev, types, tables, metrics), rules, static neighbours, sysctls, links going up and down,
 * moves between namespaces, renames, deletes, wrong names, bounded pings, and the observation
 * commands. It keeps a rough model of the world so that most commands are valid, and picks wrong
 * names on purpose now and then so that the error paths are exercised too. After those steps come
 * (from a second random stream, so the steps above are the same as before they were added)
 * filter-table iptables commands and their listings, iptables-restore of piped rule sets, bounded
 * pings, nc to closed ports and ss.
 *
 * <p>Stability (CONFORMANCE.md, golden/README.md): IPv6 is off everywhere, every veth and bridge
 * gets an explicit MAC, a wait line separates any link-state change from the next observation or
 * ping, neighbours are observed one static entry at a time, pings are {@code -c 1 -W 1}, nothing
 * prints counters or ageing timers. Same seed, same script: {@link Random} is fully specified.
 */
public final class ScriptGenerator {
    /** One device of the model. */
    private static final class Dev {
        String ns, name, kind, master;
        Dev peer;
        boolean up;
        final String mac;

        Dev(String ns, String name, String kind, String mac) {
            this.ns = ns;
            this.name = name;
            this.kind = kind;
            this.mac = mac;
        }
    }

    private record Addr(String ns, String dev, String ip, int plen) { }

    private record Neigh(String ns, String dev, String ip) { }

    private static final String ROOT = "";
    private static final String[] NS_NAMES = {"a", "b", "c"};
    private static final String[] VETH_NAMES = {"veth0", "veth1", "veth2", "veth3", "eth0", "eth1"};
    private static final String[] BR_NAMES = {"br0", "br1"};
    private static final int[] PLENS = {24, 24, 24, 24, 16, 32, 28, 8};
    private static final int[] HOSTS = {1, 2, 3, 10, 254};

    private Random r;
    private final List<Unit> units = new ArrayList<>();
    private final List<String> netns = new ArrayList<>();
    private final Map<String, Map<String, Dev>> devs = new LinkedHashMap<>();
    private final List<Addr> addrs = new ArrayList<>();
    private final List<Neigh> neighs = new ArrayList<>();
    private final List<String> routes = new ArrayList<>();
    private int macs;
    private int pings;
    private boolean dirty;

    private ScriptGenerator(long seed) {
        r = new Random(seed);
        devs.put(ROOT, new LinkedHashMap<>());
    }

    /**
     * The newest generator version: 1 the original steps, 2 with the netfilter and socket steps
     * appended, 3 with the live-traffic steps ({@link LiveSteps}) appended, 4 with the conntrack
     * steps ({@link #conntrackExtras}) appended, 5 with the NAT steps ({@link NatSteps}) appended, 6 with the macvlan steps
     * ({@link MacvlanSteps}) appended, 7 with the vxlan steps ({@link VxlanSteps}) appended. A
     * seed's script of an older version is a prefix of its script of a newer one.
     */
    public static final int VERSION = VxlanSteps.VERSION;

    /** The script of {@code seed}, as units (the shrinker's granularity). */
    public static List<Unit> generate(long seed) { return generate(seed, VERSION); }

    /** The script of {@code seed} as generator {@code version} (1..{@link #VERSION}) wrote it. */
    public static List<Unit> generate(long seed, int version) {
        if (version < 1 || version > VERSION) throw new IllegalArgumentException("no generator version " + version + " (1.." + VERSION + ")");
        ScriptGenerator g = new ScriptGenerator(seed);
        g.build(12 + g.r.nextInt(24));
        if (version >= 2) {
            g.extras(seed);
            g.restores(seed);
            g.xtExtensions(seed);
        }
        if (version >= 3) LiveSteps.append(seed, g.units);
        if (version >= 4) g.conntrackExtras(seed);
        if (version >= 5) NatSteps.append(seed, g.units);
        if (version >= 6) MacvlanSteps.append(seed, g.units);
        if (version >= 7) VxlanSteps.append(seed, g.units);
        return List.copyOf(g.units);
    }

    /** The script text of {@code seed}, with a header comment. */
    public static String script(long seed) { return script(seed, VERSION); }

    /** The script text of {@code seed} as generator {@code version} wrote it, with a header comment. */
    public static String script(long seed, int version) {
        return "# nsnet fuzz seed " + seed + (version == VERSION ? "" : " (generator version " + version + ")") + "\n"
                + Unit.text(generate(seed, version));
    }

    private void build(int steps) {
        units.add(new Unit(Unit.Kind.PROLOGUE, List.of("sysctl -q -w net.ipv6.conf.all.disable_ipv6=1",
                "sysctl -q -w net.ipv6.conf.default.disable_ipv6=1", "ip link set lo up")));
        dirty = true;
        boolean observing = false;
        for (int i = 0; i < steps; i++) {
            if (r.nextInt(10) < 2) observing = !observing;
            if (observing) observe();
            else change();
        }
        observe();
    }

    // ------------------------------------------------------------------ helpers --

    private <T> T pick(List<T> l) { return l.get(r.nextInt(l.size())); }

    private String pick(String[] a) { return a[r.nextInt(a.length)]; }

    private int pick(int[] a) { return a[r.nextInt(a.length)]; }

    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    private String mac() { return String.format("02:00:00:00:%02x:%02x", (++macs) >> 8, macs & 0xff); }

    private String anyNs() { return netns.isEmpty() || chance(45) ? ROOT : pick(netns); }

    /** {@code ip} in a namespace, written one of the ways scripts write it. */
    private String ip(String ns, String rest) {
        if (ns.equals(ROOT)) return "ip " + rest;
        return chance(70) ? "ip -n " + ns + " " + rest : "ip netns exec " + ns + " ip " + rest;
    }

    private String exec(String ns, String cmd) { return ns.equals(ROOT) ? cmd : "ip netns exec " + ns + " " + cmd; }

    private List<Dev> devsIn(String ns) { return new ArrayList<>(devs.getOrDefault(ns, Map.of()).values()); }

    private List<Dev> allDevs() {
        List<Dev> l = new ArrayList<>();
        for (Map<String, Dev> m : devs.values()) l.addAll(m.values());
        return l;
    }

    /** A device name in {@code ns}: usually an existing one, sometimes lo or one that does not exist. */
    private String devName(String ns) {
        List<Dev> l = devsIn(ns);
        if (!l.isEmpty() && chance(88)) return pick(l).name;
        return chance(50) ? "lo" : pick(VETH_NAMES);
    }

    /**
     * A device to change: as {@link #devName}, but never the root namespace's lo, whose address
     * the wait lines ping (taking it down would make every later wait return at once).
     */
    private String changeableDev(String ns) {
        String n = devName(ns);
        return ns.equals(ROOT) && n.equals("lo") ? pick(VETH_NAMES) : n;
    }

    private String freeName(String ns, String[] pool) {
        for (int i = 0; i < 4; i++) {
            String n = pick(pool);
            if (!devs.get(ns).containsKey(n) || chance(8)) return n;
        }
        return pick(pool);
    }

    private String subnetIp(int net, int host) { return "10.0." + net + "." + host; }

    private String gatewayIn(String ns) {
        List<Addr> l = addrs.stream().filter(a -> a.ns.equals(ns) && a.plen < 31).toList();
        if (l.isEmpty() || chance(15)) return subnetIp(r.nextInt(4), pick(HOSTS));
        Addr a = pick(l);
        String[] q = a.ip.split("\\.");
        int h = pick(HOSTS);
        return q[0] + "." + q[1] + "." + q[2] + "." + (h == Integer.parseInt(q[3]) ? 5 : h);
    }

    private void emit(String... lines) { units.add(Unit.step(lines)); }

    private void waitIfDirty() {
        if (!dirty) return;
        units.add(new Unit(Unit.Kind.WAIT, List.of(Waits.WAIT)));
        dirty = false;
    }

    // ------------------------------------------------------------------ changes --

    private void change() {
        int w = r.nextInt(100);
        if (w < 7) addNetns();
        else if (w < 20) addVeth();
        else if (w < 24) addBridge();
        else if (w < 30) setMaster();
        else if (w < 42) setUpDown();
        else if (w < 46) moveDev();
        else if (w < 48) rename();
        else if (w < 51) deleteDev();
        else if (w < 52) deleteNetns();
        else if (w < 54) setMtu();
        else if (w < 66) addAddr();
        else if (w < 70) delAddr();
        else if (w < 81) addRoute();
        else if (w < 85) rule();
        else if (w < 91) neigh();
        else if (w < 95) sysctlWrite();
        else ping();
    }

    private void addNetns() {
        String n = pick(NS_NAMES);
        if (netns.contains(n)) {
            emit("ip netns add " + n);
            return;
        }
        netns.add(n);
        devs.put(n, new LinkedHashMap<>());
        emit("ip netns add " + n, "ip netns exec " + n + " sysctl -q -w net.ipv6.conf.all.disable_ipv6=1");
        if (chance(60)) {
            emit(ip(n, "link set lo up"));
            dirty = true;
        }
    }

    private void addVeth() {
        String ns = anyNs();
        String a = freeName(ns, VETH_NAMES);
        String peerNs = !netns.isEmpty() && chance(35) ? pick(netns) : ns;
        if (peerNs.equals(ns) && chance(20) && !ns.equals(ROOT)) peerNs = ROOT;
        String b = freeName(peerNs, VETH_NAMES);
        String ma = mac(), mb = mac();
        String mtu = chance(15) ? " mtu " + (chance(50) ? 1400 : 9000) : "";
        String where = peerNs.equals(ns) ? "" : " netns " + (peerNs.equals(ROOT) ? "1" : peerNs);
        if (where.equals(" netns 1")) return; // the recorder refuses numeric netns (it is a PID)
        emit(ip(ns, "link add " + a + " address " + ma + mtu + " type veth peer name " + b + " address " + mb + where));
        dirty = true;
        boolean ok = !devs.get(ns).containsKey(a) && !devs.get(peerNs).containsKey(b) && !(ns.equals(peerNs) && a.equals(b));
        if (!ok) return;
        Dev da = new Dev(ns, a, "veth", ma), db = new Dev(peerNs, b, "veth", mb);
        da.peer = db;
        db.peer = da;
        devs.get(ns).put(a, da);
        devs.get(peerNs).put(b, db);
    }

    private void addBridge() {
        String ns = anyNs();
        String n = freeName(ns, BR_NAMES);
        String m = mac();
        emit(ip(ns, "link add " + n + " address " + m + " type bridge"));
        dirty = true;
        if (!devs.get(ns).containsKey(n)) devs.get(ns).put(n, new Dev(ns, n, "bridge", m));
    }

    private void setMaster() {
        String ns = anyNs();
        List<Dev> brs = devsIn(ns).stream().filter(d -> d.kind.equals("bridge")).toList();
        List<Dev> ports = devsIn(ns).stream().filter(d -> d.kind.equals("veth")).toList();
        if (ports.isEmpty()) return;
        Dev p = pick(ports);
        dirty = true;
        if (brs.isEmpty() || chance(15)) {
            emit(ip(ns, "link set " + p.name + " nomaster"));
            p.master = null;
            return;
        }
        Dev b = pick(brs);
        emit(ip(ns, "link set " + p.name + " master " + b.name));
        p.master = b.name;
    }

    private void setUpDown() {
        String ns = anyNs();
        String n = changeableDev(ns);
        boolean up = chance(75);
        emit(ip(ns, "link set " + (chance(20) ? "dev " : "") + n + (up ? " up" : " down")));
        Dev d = devs.get(ns).get(n);
        if (d != null) d.up = up;
        dirty = true;
    }

    private void moveDev() {
        if (netns.isEmpty()) return;
        String ns = anyNs();
        String n = changeableDev(ns);
        String to = pick(netns);
        if (chance(10)) to = "nope";
        emit(ip(ns, "link set " + n + " netns " + to));
        dirty = true;
        Dev d = devs.get(ns).get(n);
        if (d == null || d.kind.equals("bridge") || !devs.containsKey(to) || to.equals(ns) || devs.get(to).containsKey(n)) return;
        devs.get(ns).remove(n);
        d.ns = to;
        d.up = false;
        d.master = null;
        devs.get(to).put(n, d);
        addrs.removeIf(a -> a.ns.equals(ns) && a.dev.equals(n));
        for (Dev o : devsIn(ns)) if (n.equals(o.master)) o.master = null;
    }

    private void rename() {
        String ns = anyNs();
        String n = changeableDev(ns);
        String to = freeName(ns, VETH_NAMES);
        emit(ip(ns, "link set " + n + " name " + to));
        Dev d = devs.get(ns).get(n);
        if (d == null || devs.get(ns).containsKey(to) || d.up) return;
        devs.get(ns).remove(n);
        d.name = to;
        devs.get(ns).put(to, d);
        addrs.replaceAll(a -> a.ns.equals(ns) && a.dev.equals(n) ? new Addr(ns, to, a.ip, a.plen) : a);
    }

    private void forget(Dev d) {
        devs.get(d.ns).remove(d.name);
        addrs.removeIf(a -> a.ns.equals(d.ns) && a.dev.equals(d.name));
        neighs.removeIf(x -> x.ns.equals(d.ns) && x.dev.equals(d.name));
    }

    private void deleteDev() {
        String ns = anyNs();
        String n = changeableDev(ns);
        emit(ip(ns, "link del " + n));
        dirty = true;
        Dev d = devs.get(ns).get(n);
        if (d == null) return;
        forget(d);
        if (d.peer != null) forget(d.peer);
    }

    private void deleteNetns() {
        if (netns.isEmpty()) return;
        String n = pick(netns);
        emit("ip netns del " + n);
        dirty = true;
        for (Dev d : devsIn(n)) {
            forget(d);
            if (d.peer != null) forget(d.peer);
        }
        netns.remove(n);
        devs.remove(n);
        addrs.removeIf(a -> a.ns.equals(n));
        neighs.removeIf(x -> x.ns.equals(n));
    }

    private void setMtu() {
        String ns = anyNs();
        int[] mtus = {1280, 1400, 1500, 9000, 67, 70000};
        emit(ip(ns, "link set " + changeableDev(ns) + " mtu " + mtus[r.nextInt(mtus.length)]));
    }

    private void addAddr() {
        String ns = anyNs();
        String dev = devName(ns);
        String ip;
        int plen;
        List<Addr> same = addrs.stream().filter(a -> a.ns.equals(ns)).toList();
        if (!same.isEmpty() && chance(35)) { // a secondary or an overlapping prefix next to an existing one
            Addr a = pick(same);
            String[] q = a.ip.split("\\.");
            ip = q[0] + "." + q[1] + "." + q[2] + "." + pick(HOSTS);
            plen = chance(60) ? a.plen : PLENS[r.nextInt(PLENS.length)];
            if (chance(50)) dev = a.dev;
        } else {
            ip = subnetIp(r.nextInt(4), pick(HOSTS));
            plen = PLENS[r.nextInt(PLENS.length)];
        }
        String extra = chance(15) ? " broadcast +" : "";
        emit(ip(ns, "addr add " + ip + "/" + plen + extra + " dev " + dev));
        String d = dev;
        String fip = ip;
        if (devs.get(ns).containsKey(dev) && addrs.stream().noneMatch(a -> a.ns.equals(ns) && a.dev.equals(d) && a.ip.equals(fip))) {
            addrs.add(new Addr(ns, dev, ip, plen));
        }
    }

    private void delAddr() {
        String ns = anyNs();
        List<Addr> l = addrs.stream().filter(a -> a.ns.equals(ns)).toList();
        if (l.isEmpty() || chance(15)) {
            if (chance(50)) emit(ip(ns, "addr flush dev " + devName(ns)));
            else emit(ip(ns, "addr del " + subnetIp(r.nextInt(4), 7) + "/24 dev " + devName(ns)));
            return;
        }
        Addr a = pick(l);
        emit(ip(ns, "addr del " + a.ip + "/" + a.plen + " dev " + a.dev));
        addrs.remove(a);
    }

    private void addRoute() {
        String ns = anyNs();
        if (!routes.isEmpty() && chance(20)) {
            String rt = pick(routes);
            emit(ip(ns, "route " + (chance(50) ? "del " : "replace ") + rt));
            return;
        }
        String dst = chance(15) ? "default" : "192.168." + r.nextInt(4) + ".0/" + (chance(70) ? 24 : 16);
        String rt;
        int k = r.nextInt(10);
        if (k < 4) rt = dst + " via " + gatewayIn(ns);
        else if (k < 7) rt = dst + " dev " + devName(ns);
        else rt = pick(new String[] {"blackhole", "unreachable", "prohibit", "throw"}) + " " + dst;
        if (chance(25)) rt += " table " + (chance(80) ? "100" : "main");
        if (chance(25)) rt += " metric " + (chance(50) ? 10 : 100);
        emit(ip(ns, "route " + (chance(85) ? "add " : "append ") + rt));
        routes.add(rt);
    }

    private void rule() {
        String ns = anyNs();
        int pref = 100 + 10 * r.nextInt(5);
        if (chance(25)) {
            emit(ip(ns, "rule del pref " + pref));
            return;
        }
        String sel = chance(60) ? "from 10.0." + r.nextInt(4) + ".0/24" : "to 192.168." + r.nextInt(4) + ".0/24";
        emit(ip(ns, "rule add " + sel + " " + (chance(50) ? "table" : "lookup") + " 100" + (chance(80) ? " pref " + pref : "")));
    }

    private void neigh() {
        String ns = anyNs();
        List<Dev> real = devsIn(ns);
        // mostly on real links: entries on lo are legal but a corner (they can break loopback traffic)
        String dev = !real.isEmpty() && chance(92) ? pick(real).name : devName(ns);
        String ip = chance(70) ? gatewayIn(ns) : subnetIp(r.nextInt(4), 9);
        if (!neighs.isEmpty() && chance(25)) {
            Neigh n = pick(neighs);
            emit(ip(n.ns, "neigh del " + n.ip + " dev " + n.dev));
            neighs.remove(n);
            return;
        }
        String nud = pick(new String[] {"", "", " nud permanent", " nud noarp", " nud stale", " nud reachable"});
        String verb = chance(80) ? "add" : "replace";
        emit(ip(ns, "neigh " + verb + " " + ip + " lladdr " + mac() + " dev " + dev + nud));
        if (devs.get(ns).containsKey(dev) && !nud.contains("reachable")) neighs.add(new Neigh(ns, dev, ip));
    }

    private void sysctlWrite() {
        String ns = anyNs();
        String key = pick(new String[] {"net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding",
                "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter", "net.ipv4.conf.all.proxy_arp",
                "net.ipv4.conf." + devName(ns) + ".forwarding", "net.ipv4.conf." + devName(ns) + ".rp_filter",
                "net.ipv4.ip_default_ttl", "net.ipv4.conf.all.promote_secondaries"});
        String val = key.endsWith("ttl") ? String.valueOf(chance(50) ? 32 : 0) : String.valueOf(r.nextInt(3));
        emit(exec(ns, "sysctl " + (chance(30) ? "-q " : "") + "-w " + key + "=" + val));
    }

    private void ping() {
        if (pings >= 3) return;
        waitIfDirty();
        pings++;
        String ns = anyNs();
        String dst = !addrs.isEmpty() && chance(80) ? pick(addrs).ip : subnetIp(r.nextInt(4), pick(HOSTS));
        emit(exec(ns, "ping -c 1 -W 1 " + (chance(30) ? "-q " : "") + dst));
    }

    // ------------------------------------------------------------- observations --

    private void observe() {
        waitIfDirty();
        String ns = anyNs();
        int w = r.nextInt(100);
        if (w < 14) emit(ip(ns, pick(new String[] {"link show", "link", "-br link show", "-o link show", "link show up"})));
        else if (w < 20) emit(ip(ns, "link show " + devName(ns)));
        else if (w < 22) {
            List<Dev> v = devsIn(ns).stream().filter(d -> d.kind.equals("veth")).toList();
            emit(ip(ns, "-d link show " + (v.isEmpty() ? "lo" : pick(v).name)));
        } else if (w < 36) emit(ip(ns, pick(new String[] {"addr show", "addr", "-4 addr show", "-br addr", "-o addr show"})));
        else if (w < 42) emit(ip(ns, "addr show dev " + devName(ns)));
        else if (w < 58) emit(ip(ns, pick(new String[] {"route show", "route", "route show table all",
            "route show table 100", "route show table local", "-o route show"})));
        else if (w < 63) emit(ip(ns, "route get " + pick(new String[] {gatewayIn(ns), "192.168." + r.nextInt(4) + ".7",
            "127.0.0.1", "8.8.8.8"})));
        else if (w < 70) emit(ip(ns, "rule show"));
        else if (w < 78) {
            List<Neigh> l = neighs.stream().filter(n -> n.ns.equals(ns)).toList();
            if (l.isEmpty()) emit(ip(ns, "neigh show dev " + devName(ns) + " nud permanent"));
            else {
                Neigh n = pick(l);
                emit(ip(ns, "neigh show " + n.ip + " dev " + n.dev));
            }
        } else if (w < 84) emit(exec(ns, "bridge link show"));
        else if (w < 89) {
            List<Dev> ports = devsIn(ns).stream().filter(d -> d.master != null).toList();
            emit(exec(ns, "bridge fdb show dev " + (ports.isEmpty() ? devName(ns) : pick(ports).name)));
        } else if (w < 95) emit(exec(ns, "sysctl " + pick(new String[] {"net.ipv4.ip_forward", "net.ipv4.conf.all.rp_filter",
            "net.ipv4.conf." + devName(ns) + ".forwarding", "net.ipv4.ip_default_ttl", "net.ipv4.conf.default.forwarding"})));
        else emit(ip(ns, "netns list"));
    }

    // ------------------------------------------------------ netfilter, sockets --

    private final Map<String, List<String>> chains = new LinkedHashMap<>();
    private final Map<String, List<String>> rules = new LinkedHashMap<>();
    private static final String[] BUILTIN = {"INPUT", "OUTPUT", "FORWARD"};
    private static final String[] USER_CHAINS = {"pods", "Mid", "x1"};

    /**
     * Steps over the commands added after the first generator (iptables filter table, nc, ss),
     * drawn from a second random stream derived from the seed and appended after the original
     * steps, so that every seed's original script stays a prefix of its new one.
     */
    private void extras(long seed) {
        r = new Random(seed * 0x9E3779B97F4A7C15L + 0x1F0A);
        if (!chance(75)) return;
        waitIfDirty();
        int n = 3 + r.nextInt(12);
        for (int i = 0; i < n; i++) netfilter();
        if (chance(40)) sockets();
        String ns = anyNs();
        emit(chance(50) ? iptables(ns, "-S") : exec(ns, "iptables-save"));
    }

    private String iptables(String ns, String rest) { return exec(ns, "iptables " + rest); }

    private List<String> userChains(String ns) { return chains.computeIfAbsent(ns, k -> new ArrayList<>()); }

    private String chain(String ns, boolean userOk) {
        List<String> u = userChains(ns);
        if (userOk && !u.isEmpty() && chance(35)) return pick(u);
        if (chance(4)) return pick(USER_CHAINS);
        return pick(BUILTIN);
    }

    private String cidr() {
        return chance(50) ? subnetIp(r.nextInt(4), pick(HOSTS)) + (chance(50) ? "" : "/32")
            : "10.0." + r.nextInt(4) + ".0/24";
    }

    private String ruleSpec(String ns, String chain) {
        StringBuilder b = new StringBuilder();
        if (chance(35)) b.append(chance(10) ? " ! -s " : " -s ").append(cidr());
        if (chance(30)) b.append(" -d ").append(cidr());
        boolean in = chain.equals("INPUT") || chain.equals("FORWARD") || !chain.equals("OUTPUT") && chance(50);
        if (chance(25)) b.append(in ? " -i " : " -o ").append(devName(ns));
        String proto = pick(new String[] {"", "", "icmp", "tcp", "udp"});
        if (!proto.isEmpty()) {
            b.append(" -p ").append(proto);
            if (!proto.equals("icmp") && chance(60)) b.append(" --dport ").append(pick(new int[] {22, 80, 8080, 5000}));
        }
        List<String> targets = new ArrayList<>(List.of("ACCEPT", "ACCEPT", "DROP", "DROP", "REJECT", "RETURN"));
        for (String c : userChains(ns)) if (!c.equals(chain)) targets.add(c);
        if (chance(90)) b.append(" -j ").append(pick(targets));
        return b.toString().trim();
    }

    private void netfilter() {
        String ns = anyNs();
        int w = r.nextInt(100);
        if (w < 30) {
            String c = chain(ns, true);
            String spec = ruleSpec(ns, c);
            boolean insert = chance(30);
            String pos = insert && chance(40) ? " 1" : "";
            emit(iptables(ns, (insert ? "-I " : "-A ") + c + pos + " " + spec));
            rules.computeIfAbsent(ns, k -> new ArrayList<>()).add(c + " " + spec);
        } else if (w < 37) {
            List<String> l = rules.getOrDefault(ns, List.of());
            if (!l.isEmpty() && chance(75)) {
                String rl = pick(l);
                emit(iptables(ns, "-D " + rl));
                l.remove(rl);
            } else emit(iptables(ns, "-D " + chain(ns, true) + " 1"));
        } else if (w < 42) {
            String c = chance(90) ? pick(BUILTIN) : chain(ns, true);
            emit(iptables(ns, "-P " + c + " " + (chance(60) ? "DROP" : "ACCEPT")));
        } else if (w < 49) {
            String c = pick(USER_CHAINS);
            emit(iptables(ns, "-N " + c));
            if (!userChains(ns).contains(c)) userChains(ns).add(c);
        } else if (w < 53) {
            String c = chance(80) ? chain(ns, true) : "";
            emit(iptables(ns, ("-X " + c).trim()));
        } else if (w < 57) {
            emit(iptables(ns, ("-F " + (chance(60) ? chain(ns, true) : "")).trim()));
        } else if (w < 60) {
            emit(iptables(ns, ("-Z " + (chance(60) ? chain(ns, true) : "")).trim()));
        } else if (w < 72) {
            emit(iptables(ns, "-S" + (chance(40) ? " " + chain(ns, true) : "")));
        } else if (w < 84) {
            emit(iptables(ns, "-L" + (chance(30) ? " " + chain(ns, true) : "") + " -n -v -x"));
        } else if (w < 92) {
            emit(exec(ns, "iptables-save"));
        } else {
            if (pings >= 5) return;
            pings++;
            String dst = !addrs.isEmpty() && chance(70) ? pick(addrs).ip : chance(50) ? "127.0.0.1" : subnetIp(r.nextInt(4), pick(HOSTS));
            emit(exec(ns, "ping -c 1 -W 1 -q " + dst));
            if (chance(60)) emit(iptables(ns, "-L -n -v -x"));
        }
    }

    /**
     * iptables-restore steps, from a third random stream appended after the others (so earlier
     * scripts stay prefixes). A script cannot ship a file, so the rule set comes through the
     * grammar's one pipe, {@code echo -e "*filter\n...\nCOMMIT" | iptables-restore [-n|-c|-t|-v]}:
     * chain lines with policies and counters, rules from {@link #ruleSpec}, now and then a rule
     * for a chain that does not exist, a bad policy or a missing COMMIT; then a listing.
     */
    private void restores(long seed) {
        r = new Random(seed * 0xC2B2AE3D27D4EB4FL + 0x7E57);
        if (!chance(40)) return;
        waitIfDirty();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String ns = anyNs();
            String opt = pick(new String[] {"", "", "", "-n ", "-c ", "--test ", "-v "});
            StringBuilder f = new StringBuilder("*filter");
            List<String> declared = new ArrayList<>();
            for (String c : BUILTIN) {
                if (chance(40)) {
                    String pol = chance(3) ? "REJECT" : chance(50) ? "DROP" : chance(20) ? "-" : "ACCEPT";
                    f.append("\\n:").append(c).append(' ').append(pol).append(" [").append(r.nextInt(9)).append(':')
                            .append(r.nextInt(900)).append(']');
                }
            }
            for (String c : USER_CHAINS) {
                if (chance(35)) {
                    declared.add(c);
                    f.append("\\n:").append(c).append(" - [0:0]");
                }
            }
            List<String> saved = new ArrayList<>(userChains(ns));
            if (!opt.startsWith("-n")) userChains(ns).clear();
            for (String c : declared) if (!userChains(ns).contains(c)) userChains(ns).add(c);
            int rules = 1 + r.nextInt(5);
            for (int k = 0; k < rules; k++) {
                String c = chance(5) ? "NOPE" : chain(ns, true);
                f.append("\\n").append(chance(30) ? "[" + r.nextInt(5) + ":" + r.nextInt(500) + "] " : "")
                        .append("-A ").append(c).append(' ').append(ruleSpec(ns, c));
            }
            if (!chance(8)) f.append("\\nCOMMIT");
            if (opt.startsWith("--test")) {
                userChains(ns).clear();
                userChains(ns).addAll(saved);
            }
            emit("echo -e \"" + f + "\" | " + exec(ns, "iptables-restore " + opt).trim());
            if (chance(70)) emit(chance(50) ? iptables(ns, "-S") : exec(ns, "iptables-save" + (chance(30) ? " -c" : "")));
        }
    }

    /**
     * Rules with the xtables extensions (mark/MARK, multiport, addrtype, iprange, mac, limit,
     * statistic, physdev, LOG, TRACE), now and then a malformed one, from a fourth random stream
     * appended last; a ping (within the shared budget) and a listing show their counters. Rates of
     * -m limit are per minute or hour and statistic's probability is 0 or 1, so the real kernel's
     * timing and randomness cannot change a count.
     */
    private void xtExtensions(long seed) {
        r = new Random(seed * 0x632BE59BD9B4E019L + 0x5874);
        if (!chance(45)) return;
        waitIfDirty();
        int n = 2 + r.nextInt(7);
        for (int i = 0; i < n; i++) {
            String ns = anyNs();
            if (chance(12) && pings < 5) {
                pings++;
                String dst = !addrs.isEmpty() && chance(70) ? pick(addrs).ip : "127.0.0.1";
                emit(exec(ns, "ping -c 1 -W 1 -q " + dst));
                continue;
            }
            String c = pick(BUILTIN);
            String table = "";
            String target = pick(new String[] {"", "", " -j ACCEPT", " -j DROP", " -j RETURN", " -j LOG --log-prefix \"x: \"",
                " -j LOG --log-level " + r.nextInt(8) + " --log-tcp-sequence", " -j TRACE"});
            if (chance(20)) {
                table = "-t mangle ";
                c = pick(new String[] {"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"});
                target = pick(new String[] {" -j MARK --set-mark 0x" + Integer.toHexString(1 + r.nextInt(15)),
                    " -j MARK --or-mark 0x10", " -j MARK --and-mark 0xf", " -j MARK --xor-mark 3", " -j MARK --set-xmark 0x5/0xff", ""});
            } else if (chance(8)) {
                table = "-t raw ";
                c = pick(new String[] {"PREROUTING", "OUTPUT"});
                target = " -j TRACE";
            }
            emit(iptables(ns, table + (chance(25) ? "-I " : "-A ") + c + xtMatch(ns, c) + target));
            if (chance(35)) emit(iptables(ns, table + (chance(50) ? "-S" : "-L -n -v -x")));
        }
        String ns = anyNs();
        emit(iptables(ns, chance(50) ? "-L -n -v -x" : "-t mangle -S"));
    }

    /** One -m extension with options (valid most of the time) for a rule in {@code chain}. */
    private String xtMatch(String ns, String chain) {
        boolean inv = chance(15);
        String not = inv ? " !" : "";
        return switch (r.nextInt(10)) {
            case 0 -> " -m mark" + not + " --mark 0x" + Integer.toHexString(r.nextInt(16)) + (chance(40) ? "/0xff" : "");
            case 1 -> " -p " + pick(new String[] {"tcp", "udp", "tcp", "icmp"}) + " -m multiport" + not
                    + pick(new String[] {" --dports ", " --sports ", " --ports "})
                    + pick(new String[] {"22,80", "22,80:90,443", "ssh,http", "5000:5010", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16"});
            case 2 -> " -m addrtype" + not + pick(new String[] {" --dst-type ", " --src-type "})
                    + pick(new String[] {"LOCAL", "UNICAST", "BROADCAST,MULTICAST", "local", "BOGUS"})
                    + (chance(30) ? (chain.equals("OUTPUT") ? " --limit-iface-out" : " --limit-iface-in") : "");
            case 3 -> " -m iprange" + not + pick(new String[] {" --src-range ", " --dst-range "})
                    + subnetIp(r.nextInt(4), 1) + "-" + subnetIp(r.nextInt(4), pick(HOSTS));
            case 4 -> {
                List<Dev> ds = allDevs();
                String mac = !ds.isEmpty() && chance(80) ? pick(ds).mac : "02:00:00:00:00:99";
                yield " -m mac" + not + " --mac-source " + mac;
            }
            case 5 -> " -m limit --limit " + pick(new String[] {"3/min", "1/hour", "10/minute", "2/day"})
                    + (chance(60) ? " --limit-burst " + pick(new int[] {1, 2, 3, 5, 0}) : "");
            case 6 -> chance(50) ? " -m statistic --mode nth" + not + " --every " + (2 + r.nextInt(3)) + " --packet " + r.nextInt(2)
                    : " -m statistic --mode random" + not + " --probability " + pick(new String[] {"0", "1", "1.0", "0.0"});
            case 7 -> " -m physdev" + not + pick(new String[] {" --physdev-in ", " --physdev-out "}) + devName(ns)
                    + (chance(40) ? " --physdev-is-bridged" : "");
            case 8 -> " -p icmp -m icmp --icmp-type echo-request -m mark --mark " + r.nextInt(4);
            default -> " -m comment --comment \"xt " + r.nextInt(100) + "\"";
        };
    }

    /** nc to a closed port (refused or unreachable within 1 s) and ss with no socket left open. */
    private void sockets() {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String ns = anyNs();
            if (chance(60)) {
                List<Addr> own = addrs.stream().filter(a -> a.ns.equals(ns)).toList();
                String dst = !own.isEmpty() && chance(60) ? pick(own).ip : "127.0.0.1";
                emit(exec(ns, "nc -z -v -w 1 " + (chance(25) ? "-u " : "") + dst + " " + pick(new int[] {80, 5000, 8080})));
            } else emit(exec(ns, "ss -" + (chance(50) ? "t" : "u") + "an"));
        }
    }

    // ------------------------------------------------------------- conntrack --

    private static final String[] CT_STATES = {"NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED",
        "ESTABLISHED,RELATED", "NEW,INVALID", "SNAT,DNAT", "new", "FOO"};

    /**
     * Connection tracking (from a third random stream, so the scripts above stay as they were):
     * rules with -m conntrack/state/connmark, CONNMARK, CT/NOTRACK (valid and not), UDP flows with
     * fixed ports each listed once right after its datagram (timeouts count down in real seconds),
     * conntrack -C/-D/-F/-L with filters, and the tool's refusals. ICMP entries are never listed
     * (their id is ping's pid on a real host).
     */
    private void conntrackExtras(long seed) {
        r = new Random(seed * 0x2545F4914F6CDD1DL + 0xC7);
        if (!chance(60)) return;
        waitIfDirty();
        int n = 2 + r.nextInt(8);
        int port = 40100;
        for (int i = 0; i < n; i++) {
            String ns = anyNs();
            int w = r.nextInt(100);
            if (w < 30) {
                String m = switch (r.nextInt(6)) {
                    case 0 -> "-m conntrack " + (chance(20) ? "! " : "") + "--ctstate " + pick(CT_STATES);
                    case 1 -> "-m state --state " + pick(CT_STATES);
                    case 2 -> "-m conntrack --ctproto udp --ctorigdstport " + (5000 + r.nextInt(3));
                    case 3 -> "-m connmark --mark " + r.nextInt(4) + (chance(30) ? "/0x3" : "");
                    case 4 -> "-m conntrack --ctstatus " + pick(new String[] {"ASSURED", "SEEN_REPLY", "NONE", "BAD"})
                            + (chance(50) ? " --ctdir " + pick(new String[] {"ORIGINAL", "REPLY"}) : "");
                    default -> "-m conntrack";
                };
                emit(iptables(ns, (chance(30) ? "-I " : "-A ") + pick(new String[] {"INPUT", "OUTPUT", "FORWARD"}) + " " + m
                        + (chance(60) ? " -j " + pick(new String[] {"ACCEPT", "DROP"}) : "")));
            } else if (w < 42) {
                String t = switch (r.nextInt(4)) {
                    case 0 -> "-t mangle -A PREROUTING -j CONNMARK --set-mark " + r.nextInt(8);
                    case 1 -> "-t mangle -A OUTPUT -j CONNMARK " + pick(new String[] {"--save-mark", "--restore-mark", "--or-mark 0x10"});
                    case 2 -> "-t raw -A PREROUTING -p udp --dport 5002 -j " + pick(new String[] {"NOTRACK", "CT --notrack"});
                    default -> "-A INPUT -j " + pick(new String[] {"CT --notrack", "CONNMARK", "NOTRACK"});
                };
                emit(iptables(ns, t));
            } else if (w < 72 && !addrs.isEmpty()) {
                Addr to = pick(addrs);
                String from = anyNs();
                int dport = 5000 + r.nextInt(3);
                port++;
                emit("echo x | " + exec(from, "nc -u -q0 -p " + port + " " + to.ip() + " " + dport),
                        exec(to.ns(), "conntrack -L -p udp --sport " + port));
            } else if (w < 80) {
                emit(exec(ns, "conntrack -C"));
            } else if (w < 86) {
                emit(exec(ns, pick(new String[] {"conntrack -F", "conntrack -D -p udp --dport 5001", "conntrack -D -s 10.0.9.9"})));
            } else if (w < 93) {
                emit(exec(ns, pick(new String[] {"conntrack -L -p tcp", "conntrack -L -s 10.0.0.1 -p udp --dport 7",
                    "conntrack -L -p udp --state X", "conntrack -L --dport 1", "conntrack -F -s 10.0.0.1", "conntrack -X",
                    "conntrack -L -L", "conntrack -G -p udp -s 10.0.0.1 -d 10.0.0.2 --sport 1 --dport 2"})));
            } else {
                emit(iptables(ns, "-S"));
            }
        }
    }
}
