package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fuzz generator's live-traffic steps (generator version 3), appended after the older steps
 * from a third random stream derived from the seed, so that every seed's version-2 script is a
 * prefix of its version-3 script. They build their own small world in fresh namespaces (h1 and
 * h2, directly linked or through a router r1; h3 only as a place to move a device to), then run
 * units of live work: nc servers in the background with a client sending {@code echo WORDS | nc
 * -q1}, connections held open and killed, ss of the real sockets (LISTEN, ESTAB, TIME-WAIT), UDP
 * exchanges, curl against {@code python3 -m http.server}, traceroute (-n, -I, bounded -m/-w/-q),
 * ping with options (-s, -t, -W, -i, -M do), background pings with jobs/wait/kill, and links going
 * down, devices moving to another namespace, addresses and routes removed while a ping runs.
 *
 * <p>Stability by design (CONFORMANCE.md): each unit is self-contained for jobs (every job it
 * starts has ended or was killed when it ends, so job numbers are always %1, %2 and {@code wait}
 * never hangs); client ports are pinned with {@code -p} (ephemeral ports are random); ss listings
 * are filtered to the unit's port (several sockets come out in hash order, which is random per
 * boot); background output is timed well away from the next line (the recorder lets 100 ms pass
 * after a {@code &} line and after {@code kill}, and the units sleep 0.5 s more: {@link #SETTLE});
 * every wait for a reply is bounded (-W, -w, -q1).
 */
final class LiveSteps {
    /** The generator version whose scripts include these steps. */
    static final int VERSION = 3;

    private static final String H1 = "172.16.1.1", R1A = "172.16.1.254", R1B = "172.16.2.254";
    private static final String[] WORDS = {"hello", "ping pong", "x", "over the wire", "42"};
    private static final int[] SERVER_PORTS = {8080, 5000, 80, 9000, 1234};

    private final Random r;
    private final List<Unit> out;
    private boolean routed;
    /** h2's address: the server side of every exchange. */
    private String h2;
    private boolean h3;
    private int sport = 40000;

    private LiveSteps(long seed, List<Unit> out) {
        this.r = new Random(seed * 0xC2B2AE3D27D4EB4FL + 0x5EED3L);
        this.out = out;
    }

    /** Appends the live steps of {@code seed} (about 3 seeds in 5 get them) to {@code units}. */
    static void append(long seed, List<Unit> units) {
        LiveSteps g = new LiveSteps(seed, units);
        if (!g.chance(60)) return;
        g.topology();
        int n = 2 + g.r.nextInt(4);
        for (int i = 0; i < n; i++) g.unit();
    }

    // ------------------------------------------------------------------ helpers --

    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    private String pick(String... a) { return a[r.nextInt(a.length)]; }

    private int pick(int[] a) { return a[r.nextInt(a.length)]; }

    private static String ex(String ns, String cmd) { return "ip netns exec " + ns + " " + cmd; }

    private void step(String... lines) { out.add(Unit.step(lines)); }

    /**
     * The live steps' wait for link-watch: {@code sleep 1}, not the older steps' ping of 127.0.0.1,
     * which an iptables policy of the older steps may refuse at once (the wait would not wait).
     */
    private void waitLine() { out.add(new Unit(Unit.Kind.WAIT, List.of(SLEEP))); }

    static final String SLEEP = "sleep 1";

    /**
     * After a {@code &} line: the recorder's own 100 ms are not enough on a loaded machine for a
     * server to listen or a ping to get its first reply, so the units wait half a second, and time
     * the job's later output (pings 1 s apart) half a second away from the next line.
     */
    static final String SETTLE = "sleep 0.5";

    /**
     * After a link of the path comes back: a neighbour flushed by the carrier loss may be resolving
     * (probes 1 s apart), so the next unit starts after the probe that gets the answer.
     */
    static final String RESTORE_WAIT = "sleep 2";

    private String words() { return pick(WORDS); }

    private int nextSport() { return ++sport; }

    // ----------------------------------------------------------------- topology --

    private void topology() {
        routed = chance(50);
        List<String> l = new ArrayList<>();
        for (String ns : routed ? new String[] {"h1", "h2", "r1"} : new String[] {"h1", "h2"}) {
            l.add("ip netns add " + ns);
            l.add(ex(ns, "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1"));
        }
        if (routed) {
            String mtu = chance(20) ? " mtu 1400" : "";
            l.add("ip link add eth0 netns h1 address 02:00:00:01:00:01 type veth peer name eth1 netns r1 address 02:00:00:01:00:fe");
            l.add("ip link add eth2 netns r1 address 02:00:00:02:00:fe" + mtu
                    + " type veth peer name eth0 netns h2 address 02:00:00:02:00:02" + mtu);
            h2 = "172.16.2.2";
            l.add("ip -n h1 addr add " + H1 + "/24 dev eth0");
            l.add("ip -n r1 addr add " + R1A + "/24 dev eth1");
            l.add("ip -n r1 addr add " + R1B + "/24 dev eth2");
            l.add("ip -n h2 addr add " + h2 + "/24 dev eth0");
            l.add(ex("r1", "sysctl -q -w net.ipv4.ip_forward=1"));
            for (String s : new String[] {"h1 eth0", "r1 eth1", "r1 eth2", "h2 eth0", "h1 lo", "h2 lo", "r1 lo"}) {
                String[] p = s.split(" ");
                l.add("ip -n " + p[0] + " link set " + p[1] + " up");
            }
            l.add("ip -n h1 route add default via " + R1A);
            l.add("ip -n h2 route add default via " + R1B);
        } else {
            h2 = "172.16.1.2";
            l.add("ip link add eth0 netns h1 address 02:00:00:01:00:01 type veth peer name eth0 netns h2 address 02:00:00:01:00:02");
            l.add("ip -n h1 addr add " + H1 + "/24 dev eth0");
            l.add("ip -n h2 addr add " + h2 + "/24 dev eth0");
            for (String s : new String[] {"h1 eth0", "h2 eth0", "h1 lo", "h2 lo"}) {
                String[] p = s.split(" ");
                l.add("ip -n " + p[0] + " link set " + p[1] + " up");
            }
        }
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
        waitLine();
    }

    /** A destination for ping and traceroute: mostly h2, sometimes the router, a missing host, lo. */
    private String target() {
        int w = r.nextInt(100);
        if (w < 60) return h2;
        if (w < 72 && routed) return pick(R1A, R1B);
        if (w < 84) return routed ? "172.16.2.99" : "172.16.1.99";
        if (w < 92) return "127.0.0.1";
        return "192.0.2.1"; // no route in h1 when it is not routed; the router has none either
    }

    // -------------------------------------------------------------------- units --

    private void unit() {
        int w = r.nextInt(100);
        if (w < 22) tcpExchange();
        else if (w < 32) tcpHeldOpen();
        else if (w < 40) udpExchange();
        else if (w < 48) refused();
        else if (w < 58) curl();
        else if (w < 68) traceroute();
        else if (w < 80) pingOptions();
        else if (w < 88) backgroundPing();
        else midTraffic();
    }

    /**
     * A listener in h2 (or on lo in h1), one line sent with nc -q1 from a pinned port; the unit
     * waits for the server to end before ss looks (until then the sockets may still be closing).
     */
    private void tcpExchange() {
        boolean lo = chance(15);
        String srvNs = lo ? "h1" : "h2", dst = lo ? "127.0.0.1" : h2;
        int port = pick(SERVER_PORTS);
        boolean reuse = sport > 40000 && chance(15) && !lo; // TIME-WAIT holds the last client port
        int sp = reuse ? sport : nextSport();
        List<String> l = new ArrayList<>();
        String bind = chance(20) ? dst + " " : "";
        l.add(ex(srvNs, "nc -l " + bind + port + " &")); // no -v: "Listening on" would race the settle
        l.add(SETTLE);
        if (chance(40)) l.add(ex(srvNs, "ss -tln sport = :" + port));
        l.add("echo " + words() + " | " + ex("h1", "nc " + (chance(25) ? "-v " : "") + "-q1 -p " + sp + " " + dst + " " + port));
        if (reuse) l.add("kill %1");
        l.add("wait");
        List<String> ss = new ArrayList<>();
        if (chance(50)) ss.add(ex("h1", "ss -tan sport = :" + sp));
        if (chance(25)) ss.add(ex("h1", "ss -tn state time-wait sport = :" + sp));
        if (chance(20)) ss.add(ex(srvNs, "ss -tan sport = :" + port));
        if (!ss.isEmpty()) l.add(SETTLE); // the last FIN/ACK may still sit in a softirq backlog
        l.addAll(ss);
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
    }

    /**
     * A connection held open by a client in the background: ESTAB on both sides, then the client is
     * killed with SIGTERM (background jobs of a script ignore SIGINT, and nc has no handler).
     */
    private void tcpHeldOpen() {
        int port = pick(SERVER_PORTS), sp = nextSport();
        List<String> l = new ArrayList<>();
        l.add(ex("h2", "nc -l " + port + " &"));
        l.add(SETTLE);
        l.add(ex("h1", "nc -n -p " + sp + " " + h2 + " " + port + " &"));
        l.add(SETTLE);
        if (chance(40)) l.add("jobs");
        l.add(ex("h2", "ss -tan sport = :" + port));
        l.add(ex("h1", chance(50) ? "ss -tan dport = :" + port : "ss -ta sport = :" + sp));
        l.add(pick("kill %2", "kill %%", "kill -TERM %+", "kill -s TERM %2", "kill -15 %2"));
        l.add("wait");
        l.add(SETTLE);
        l.add(ex("h1", "ss -tan sport = :" + sp));
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
    }

    /** A UDP listener, one datagram, the listener's socket connected to the client, then killed. */
    private void udpExchange() {
        int port = pick(new int[] {5353, 9999, 53, 6000});
        int sp = nextSport();
        List<String> l = new ArrayList<>();
        l.add(ex("h2", "nc -u -l " + port + " &"));
        l.add(SETTLE);
        if (chance(40)) l.add(ex("h2", "ss -uan sport = :" + port));
        l.add("echo " + words() + " | " + ex("h1", "nc -u -q1 -p " + sp + " " + h2 + " " + port));
        l.add(ex("h2", "ss -uan sport = :" + port));
        if (chance(30)) l.add(ex("h1", "ss -uan"));
        l.add("kill %1");
        l.add("wait"); // reaped before the next unit numbers its jobs
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
    }

    /** nc to a port nobody listens on, or to a host that does not answer (bounded by -w 1). */
    private void refused() {
        String dst = chance(70) ? h2 : target();
        String u = chance(20) ? "-u " : "";
        step(ex("h1", "nc -z " + (chance(70) ? "-v " : "") + "-n -w 1 " + u + dst + " " + pick(new int[] {81, 5001, 7777})));
    }

    /** python3 -m http.server in h2, curl from h1 (codes, HEAD, errors), ss of the listener, kill. */
    private void curl() {
        int port = pick(new int[] {8000, 8080, 80});
        List<String> l = new ArrayList<>();
        String bind = chance(25) ? " -b " + h2 : "";
        l.add(ex("h2", "python3 -m http.server " + port + bind + " --directory /media &"));
        l.add("sleep 2"); // python needs a few hundred ms to listen, more on a loaded machine
        if (chance(30)) l.add(ex("h2", "ss -tln sport = :" + port));
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String path = pick("/", "/", "/index.html", "/nope", "/?x=1");
            String url = "http://" + h2 + ":" + port + path;
            int k = r.nextInt(10);
            if (k < 5) l.add(ex("h1", "curl -s -m 2 -o /dev/null -w '%{http_code}\\n' " + url));
            else if (k < 7) l.add(ex("h1", "curl -s -m 2 -I -o /dev/null -w '%{http_code} %{size_download}\\n' " + url));
            else if (k < 8) l.add(ex("h1", "curl -sS -m 2 " + url));
            // a refused port: -s and the code only, since -S's "Failed to connect ... after 4 ms" is timing
            else if (k < 9) l.add(ex("h1", "curl -s -m 1 -o /dev/null -w '%{http_code}\\n' http://" + h2 + ":" + (port + 1) + "/"));
            else l.add(ex("h1", "curl -s -m 2 -o /dev/null -w '%{http_code} %{remote_ip} %{remote_port}\\n' " + url));
        }
        l.add("kill %1");
        l.add("wait");
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
    }

    /** traceroute from h1 (UDP or ICMP), always bounded: -w 1 -q 1 or 2, -m at most 4. */
    private void traceroute() {
        String dst = target();
        StringBuilder b = new StringBuilder("traceroute -n");
        if (chance(35)) b.append(" -I");
        b.append(" -w 1 -q ").append(1 + r.nextInt(2)).append(" -m ").append(1 + r.nextInt(4));
        if (chance(15)) b.append(" -f 2");
        step(ex(pick("h1", "h1", "h2"), b + " " + dst));
    }

    /** ping with options: size, TTL, interval, deadline, DF. Always -c 2 and -W 1. */
    private void pingOptions() {
        StringBuilder b = new StringBuilder("ping -c 2 -W 1");
        if (chance(50)) b.append(" -i 0.").append(pick(new int[] {2, 3, 5}));
        if (chance(40)) b.append(" -s ").append(pick(new int[] {0, 16, 100, 1400, 1472, 1473, 2000, 9000}));
        if (chance(25)) b.append(" -t ").append(pick(new int[] {1, 2, 64}));
        if (chance(15)) b.append(" -M do");
        if (chance(20)) b.append(" -q");
        if (chance(10)) b.append(" -w 2");
        step(ex(pick("h1", "h1", "h2"), b + " " + target()));
    }

    /** A ping in the background with jobs, wait or kill. Replies 0.5 s apart, far from the lines around them. */
    private void backgroundPing() {
        // a host that answers: to an absent one, ARP gives up after 3 s, when a 2-probe ping 2 s
        // apart with -W 1 also ends (fuzz seed 29 raced on the kernel: "pipe 2" or not)
        String dst = chance(80) ? h2 : routed && chance(50) ? R1A : "127.0.0.1";
        List<String> l = new ArrayList<>();
        // -q: a reply line could land under the & line or the next one on a loaded machine; quiet,
        // the header stays in stdio's buffer until the statistics (or is lost to SIGTERM)
        l.add(ex("h1", "ping -q -c 2 -i 2 -W 1 " + dst + " &")); // probes at 0 and 2 s: far from the lines
        l.add(SETTLE);
        int k = r.nextInt(4);
        if (k == 0) {
            l.add("jobs");
            l.add("wait");
        } else if (k == 1) {
            l.add("kill %1");
            l.add("wait");
            l.add("jobs");
        } else if (k == 2) {
            l.add("kill -INT %1");
            l.add("wait");
        } else {
            l.add("wait %1");
        }
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
    }

    /**
     * A ping runs while a link goes down, a device moves to another namespace, or an address or
     * route goes away; then the path is restored and, after a link change, the world waits 2 s.
     */
    private void midTraffic() {
        List<String> l = new ArrayList<>();
        int k = r.nextInt(routed ? 5 : 4);
        if (k == 2 && !h3) {
            l.add("ip netns add h3");
            l.add(ex("h3", "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1"));
            h3 = true;
        }
        l.add(ex("h1", "ping -q -c 2 -i 2 -w 3 " + h2 + " &")); // the change comes 1.5 s before the second probe
        l.add(SETTLE);
        String gw1 = routed ? "default via " + R1A : null, gw2 = routed ? "default via " + R1B : null;
        List<String> restore = new ArrayList<>();
        switch (k) {
            case 0 -> { // the far end goes down: h1 loses its carrier, packets vanish
                l.add("ip -n h2 link set eth0 down");
                restore.add("ip -n h2 link set eth0 up");
            }
            case 1 -> { // the near end goes down: its routes go with it
                l.add("ip -n h1 link set eth0 down");
                restore.add("ip -n h1 link set eth0 up");
                if (gw1 != null) restore.add("ip -n h1 route replace " + gw1);
            }
            case 2 -> { // the far end moves to another namespace (it arrives down, without addresses)
                l.add("ip -n h2 link set eth0 netns h3");
                restore.add("ip -n h3 link set eth0 netns h2");
                restore.add("ip -n h2 addr add " + h2 + "/24 dev eth0");
                restore.add("ip -n h2 link set eth0 up");
                if (gw2 != null) restore.add("ip -n h2 route replace " + gw2);
            }
            case 3 -> { // the far end's address goes away
                l.add("ip -n h2 addr flush dev eth0");
                restore.add("ip -n h2 addr add " + h2 + "/24 dev eth0");
                if (gw2 != null) restore.add("ip -n h2 route replace " + gw2);
            }
            default -> { // the router stops forwarding
                l.add(ex("r1", "sysctl -q -w net.ipv4.ip_forward=0"));
                restore.add(ex("r1", "sysctl -q -w net.ipv4.ip_forward=1"));
            }
        }
        if (k == 3 && chance(40)) l.add(ex("h1", "ip route get " + h2)); // no link change pending
        l.add("wait");
        // the path is always restored, in the same unit (so a shrunk script keeps it): a path left
        // broken makes later units race ARP's 3 s give-up cycles against their own timeouts
        l.addAll(restore);
        out.add(new Unit(Unit.Kind.STEP, List.copyOf(l)));
        if (k < 3) out.add(new Unit(Unit.Kind.WAIT, List.of(RESTORE_WAIT)));
    }
}
