package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import dev.nsnet.tools.world.NsnetWorld;
import dev.nsnet.trace.TextTrace;
import dev.nsnet.world.Words;
import dev.nsnet.world.WorldException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nsnet demo}: builds the world of the article's figures 1, 4, 5 and 6 with the commands a
 * CNI bridge plugin would run (printed, because they teach), draws it, and traces three pings hop
 * by hop: pod to pod through the bridge (L2), pod to its own host (up through the bridge into the
 * host's L3) and pod to a remote web server (routed out of the physical NIC, through a router);
 * then a real web request: pod1's {@code curl} to {@code python3 -m http.server 80} on the remote
 * host, tracing the TCP handshake's SYN there and its SYN-ACK back. As in figure 6, the router has
 * no route back to the pod subnet: the remote host is reachable only because node1 MASQUERADEs
 * the pods' traffic (the trace shows the source rewrite on the way out and its reversal on the way
 * back).
 */
public final class Demo {
    private Demo() { }

    static final String USAGE = """
            Usage: nsnet demo [--no-trace] [--help]
            Builds a Kubernetes-style node (two pods on a bridge, a physical NIC, a router and a
            remote web host), printing every command, then pings pod->pod, pod->host and
            pod->remote host, and fetches a web page from the remote host with curl, tracing
            each packet hop by hop through the kernel model.
              --no-trace   print the pings only, not the per-hop trace
            """;

    /** The three pings of the demo, in order: destination and what it shows. */
    public static final String[][] CASES = {
        {"10.244.1.3", "pod1 -> pod2: L2, switched by the bridge cni0 (figure 4)"},
        {"192.168.1.10", "pod1 -> its host node1: up through cni0 into the host's own L3 (figure 5)"},
        {"203.0.113.10", "pod1 -> the remote web host \"baidu\": routed by node1 out of eth0 and MASQUERADEd to 192.168.1.10, via the router (figure 6)"},
    };

    /**
     * What one run of the demo did: each ping's exit status, in {@link #CASES} order, and the
     * world it built (hosts node1, router, baidu) with the commands it used, for a closer look.
     */
    public record Outcome(int[] pingStatus, Emulation emulation, ToolRegistry tools) {
        public boolean allReachable() {
            for (int s : pingStatus) if (s != 0) return false;
            return true;
        }
    }

    /**
     * Entry point for {@code nsnet demo} (wired by cli/Main): 0 when all three pings got replies;
     * a usage error goes to {@code err} with status 2.
     */
    public static int run(PrintStream out, PrintStream err, String[] args) {
        boolean trace = true;
        for (String a : args) {
            switch (a) {
                case "--no-trace" -> trace = false;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    err.println("nsnet demo: unknown option '" + a + "'");
                    err.print(USAGE);
                    err.flush();
                    return 2;
                }
            }
        }
        return demo(out, trace).allReachable() ? 0 : 1;
    }

    /** The name of the demo's node, whose root namespace a shell on the demo world starts in. */
    public static final String NODE_NAME = "node1";

    /**
     * The commands that build the demo's world on host {@link #NODE_NAME} (comments included):
     * the outside (router, web host, switch, cables), the node's NIC and the CNI bridge with two
     * pods, then the remote web server started in the background. nsnet serve starts from it.
     */
    public static List<String> setupScript() {
        List<String> l = new ArrayList<>();
        l.addAll(List.of(WORLD));
        l.addAll(List.of(NODE));
        l.addAll(List.of(CNI));
        l.add("# the remote web host serves pages (what curl " + WEB[0] + " fetches)");
        l.add("nsnet-world exec baidu python3 -m http.server 80 &");
        return l;
    }

    /** Runs the whole demo, printing to {@code out}. */
    public static Outcome demo(PrintStream out, boolean trace) { return demo(out, trace, Tools.standard()); }

    /** Runs the demo with the commands of {@code reg} (nsnet-world is added when missing). */
    static Outcome demo(PrintStream out, boolean trace, ToolRegistry reg) {
        Emulation emu = new Emulation(1);
        if (reg.get(NsnetWorld.NAME) == null) reg.register(new NsnetWorld());
        Shell sh = new Shell(emu, emu.newHost("node1"), reg, out);

        section(out, "1. The physical world outside node1 (nsnet-only commands; figure 1)");
        out.println("node1's eth0 and a router are cabled to a switch; the router's eth1 reaches a web host \"baidu\".");
        out.println("Router and web host are whole Linux kernels of their own, configured with the usual commands.");
        out.println();
        for (String l : WORLD) sh.run(sh.node, l);

        section(out, "2. node1 boots: its NIC gets an address and a default route");
        for (String l : NODE) sh.run(sh.node, l);

        section(out, "3. The CNI plugin creates the bridge and two pods (what the bridge plugin does)");
        for (String l : CNI) sh.run(sh.node, l);

        section(out, "4. The topology");
        out.print(FIGURE);

        int[] status = new int[CASES.length];
        for (int i = 0; i < CASES.length; i++) {
            section(out, (5 + i) + ". " + CASES[i][1]);
            String line = "ip netns exec pod1 ping -c 1 -W 1 " + CASES[i][0];
            ByteArrayPrint traceBuf = new ByteArrayPrint();
            TextTrace t = trace ? TextTrace.attach(emu, traceBuf.stream) : null;
            status[i] = sh.run(sh.node, line);
            if (t != null) {
                t.detach();
                out.println();
                out.println("Hop by hop (virtual time, where, device, kernel function, decision):");
                out.print(traceBuf.text());
            }
            // let ARP/neighbour timers settle between cases, as a person reading would
            emu.scheduler.sleep(1_000_000_000L);
        }
        section(out, (5 + CASES.length) + ". " + WEB[1]);
        int web = webRequest(sh, emu, trace);
        section(out, "Summary");
        for (int i = 0; i < CASES.length; i++) {
            out.println((status[i] == 0 ? "  reachable    " : "  UNREACHABLE  ") + CASES[i][0] + "  (" + CASES[i][1] + ")");
        }
        out.println((web == 0 ? "  served       " : "  NOT SERVED   ") + WEB[0] + "  (" + WEB[1] + ")");
        int[] all = java.util.Arrays.copyOf(status, status.length + 1);
        all[status.length] = web;
        return new Outcome(all, emu, reg);
    }

    /** The web request of the demo: the URL pod1 fetches and what it shows. */
    public static final String[] WEB = {"http://203.0.113.10/",
        "pod1 -> baidu's web server: a real HTTP request (curl to python3 -m http.server 80)"};

    /**
     * Starts {@code python3 -m http.server 80} on baidu in the background, then lets pod1 fetch
     * {@link #WEB}. The trace keeps the TCP handshake's first two packets, the SYN (its whole way
     * from pod1 out through node1 and the router to baidu) and the SYN-ACK (its way back): the rest
     * of the connection takes the same path.
     */
    static int webRequest(Shell sh, Emulation emu, boolean trace) {
        PrintStream out = sh.out;
        Host baidu = emu.host("baidu");
        sh.background(baidu, "python3 -m http.server 80");
        String line = "ip netns exec pod1 curl -s -o /dev/null -w '%{http_code}\\n' " + WEB[0];
        ByteArrayPrint traceBuf = new ByteArrayPrint();
        TextTrace t = trace ? TextTrace.attach(emu, traceBuf.stream) : null;
        int rc = sh.run(sh.node, line);
        if (t != null) {
            t.detach();
            out.println();
            out.println("Hop by hop, the handshake's SYN and SYN-ACK (the request and the page follow the same path):");
            out.print(handshake(traceBuf.text()));
        }
        return rc;
    }

    /** The trace blocks ("[time] #N what" and its hops) up to the first packet after the SYN-ACK. */
    static String handshake(String trace) {
        StringBuilder b = new StringBuilder();
        String synAck = null; // the "#N" of the SYN-ACK: its blocks are the last ones shown
        for (String l : trace.split("\n", -1)) {
            boolean header = l.matches("\\[[ 0-9.]+\\] #[0-9]+ .*");
            if (header) {
                String id = l.substring(l.indexOf('#'), l.indexOf(' ', l.indexOf('#')));
                if (synAck != null && !synAck.equals(id)) break;
                if (synAck == null && l.contains("[S.]")) synAck = id;
            }
            if (!l.isEmpty()) b.append(l).append('\n');
        }
        return b.toString();
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    // ------------------------------------------------------------------ the world

    /** Builds the outside: hosts, NICs, cables, and configures router and web host. */
    static final String[] WORLD = {
        "nsnet-world nic add node1 eth0 address 52:54:00:00:01:0a",
        "nsnet-world host add router",
        "nsnet-world nic add router eth0 address 52:54:00:00:01:01",
        "nsnet-world nic add router eth1 address 52:54:00:00:71:01",
        "nsnet-world host add baidu",
        "nsnet-world nic add baidu eth0 address 52:54:00:00:71:0a",
        "# node1 and the router hang off the rack's switch; the router reaches baidu over a wire",
        "nsnet-world switch add tor",
        "nsnet-world switch port tor node1:eth0",
        "nsnet-world switch port tor router:eth0",
        "nsnet-world cable router:eth1 baidu:eth0",
        "nsnet-world exec router sysctl -q -w net.ipv4.ip_forward=1",
        "nsnet-world exec router ip addr add 192.168.1.1/24 dev eth0",
        "nsnet-world exec router ip addr add 203.0.113.1/24 dev eth1",
        "nsnet-world exec router ip link set eth0 up",
        "nsnet-world exec router ip link set eth1 up",
        "# the router has NO route back to the pod subnet 10.244.1.0/24: only node1's MASQUERADE",
        "# (step 3) lets replies find their way, as on a real network outside the cluster",
        "nsnet-world exec baidu ip addr add 203.0.113.10/24 dev eth0",
        "nsnet-world exec baidu ip link set eth0 up",
        "nsnet-world exec baidu ip route add default via 203.0.113.1",
    };

    static final String[] NODE = {
        "ip link set lo up",
        "ip addr add 192.168.1.10/24 dev eth0",
        "ip link set eth0 up",
        "ip route add default via 192.168.1.1",
    };

    static final String[] CNI = {
        "# the bridge is the pods' gateway; the node routes for them",
        "ip link add cni0 address 0a:58:0a:f4:01:01 type bridge",
        "ip addr add 10.244.1.1/24 dev cni0",
        "ip link set cni0 up",
        "sysctl -q -w net.ipv4.ip_forward=1",
        "# pod1: a namespace, a veth pair: eth0 inside, veth on the bridge",
        "ip netns add pod1",
        "ip link add veth6b7a2f1c address 7e:3a:91:00:00:02 type veth peer name eth0 address 0a:58:0a:f4:01:02 netns pod1",
        "ip link set veth6b7a2f1c master cni0",
        "ip link set veth6b7a2f1c up",
        "ip -n pod1 link set lo up",
        "ip -n pod1 addr add 10.244.1.2/24 dev eth0",
        "ip -n pod1 link set eth0 up",
        "ip -n pod1 route add default via 10.244.1.1",
        "# pod2, the same way",
        "ip netns add pod2",
        "ip link add veth0d4c88e3 address 7e:3a:91:00:00:03 type veth peer name eth0 address 0a:58:0a:f4:01:03 netns pod2",
        "ip link set veth0d4c88e3 master cni0",
        "ip link set veth0d4c88e3 up",
        "ip -n pod2 link set lo up",
        "ip -n pod2 addr add 10.244.1.3/24 dev eth0",
        "ip -n pod2 link set eth0 up",
        "ip -n pod2 route add default via 10.244.1.1",
        "# what Docker (and the bridge plugin's ipMasq) adds: pods' traffic leaving the node gets",
        "# the node's address (figure 6); forwarding to and from the bridge is allowed",
        "iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE",
        "iptables -A FORWARD -i cni0 -j ACCEPT",
        "iptables -A FORWARD -o cni0 -j ACCEPT",
        "# link-state changes settle (linkwatch), as on a real host",
        "ping -q -c 1 -W 1 127.0.0.1",
    };

    static final String FIGURE = """

             node1 (one Linux kernel)
            +--------------------------------------------------------------------------+
            |  netns pod1                          netns pod2                          |
            |  +--------------------------+        +--------------------------+        |
            |  | eth0 10.244.1.2/24       |        | eth0 10.244.1.3/24       |        |
            |  | 0a:58:0a:f4:01:02        |        | 0a:58:0a:f4:01:03        |        |
            |  | default via 10.244.1.1   |        | default via 10.244.1.1   |        |
            |  +-----------|--------------+        +-----------|--------------+        |
            |              | veth pair                           | veth pair           |
            |  root netns  |                                     |                     |
            |        +-----|-------------------------------------|------+              |
            |        | veth6b7a2f1c     bridge cni0       veth0d4c88e3  |              |
            |        |           10.244.1.1/24  0a:58:0a:f4:01:01       |              |
            |        +--------------------------|-----------------------+              |
            |                      ip_forward=1 | routing (FIB)                        |
            |   iptables -t nat POSTROUTING     | -s 10.244.1.0/24 ! -o cni0           |
            |                                   | -j MASQUERADE (src -> 192.168.1.10)  |
            |                       +-----------|-------------+                        |
            |                       | eth0 192.168.1.10/24    |  physical NIC          |
            |                       | default via 192.168.1.1 |                        |
            |                       +-----------|-------------+                        |
            +-----------------------------------|--------------------------------------+
                                                | cable
                             +------------------|-----------------+
                             | switch "tor" (L2: learns MACs)     |
                             +------------------|-----------------+
                                                | cable
             router                 +-----------|-------------+
                                    | eth0 192.168.1.1/24     |  ip_forward=1
                                    | (no route to the pods'  |
                                    |  10.244.1.0/24)         |
                                    | eth1 203.0.113.1/24     |
                                    +-----------|-------------+
                                                | cable
             baidu (web host)       +-----------|-------------+
                                    | eth0 203.0.113.10/24    |
                                    | default via 203.0.113.1 |
                                    +-------------------------+
            """;

    // ------------------------------------------------------------------ running commands

    /** Runs command lines on hosts as new processes, printing each line like a shell session. */
    static final class Shell {
        final Emulation emu;
        final Host node;
        final ToolRegistry reg;
        final PrintStream out;

        Shell(Emulation emu, Host node, ToolRegistry reg, PrintStream out) {
            this.emu = emu;
            this.node = node;
            this.reg = reg;
            this.out = out;
        }

        /** Starts {@code line} on {@code h} as a background process (the shell's {@code &}). */
        void background(Host h, String line) {
            out.println(h.hostname + "# " + line + " &");
            emu.scheduler.sleep(1_000_000L);
            List<String> argv = new ArrayList<>(Words.split(line));
            Process p = h.spawn(argv.get(0), h.rootNs);
            ToolContext ctx = new ToolContext(p, out, out, reg, null);
            emu.processes.start(p, () -> reg.run(ctx, argv));
            emu.scheduler.sleep(100_000_000L);
        }

        int run(Host h, String line) {
            if (line.startsWith("#")) {
                out.println(line);
                return 0;
            }
            out.println(h.hostname + "# " + line);
            emu.scheduler.sleep(1_000_000L); // a fork+exec on the real host
            List<String> argv;
            try {
                argv = new ArrayList<>(Words.split(line));
            } catch (WorldException e) {
                out.println(e.getMessage());
                return 2;
            }
            if (reg.get(argv.get(0)) == null) {
                out.println("bash: " + argv.get(0) + ": command not found (not in this nsnet build yet)");
                return 127;
            }
            NetNamespace ns = h.rootNs;
            Process p = h.spawn(argv.get(0), ns);
            int rc;
            try {
                rc = reg.run(new ToolContext(p, out, out, reg, null), argv);
            } catch (RuntimeException e) {
                out.println("nsnet: internal error in `" + line + "': " + e);
                rc = 70;
            }
            if (!p.exited) h.exit(p, rc);
            emu.softirq();
            if (rc != 0) out.println("[exit " + rc + "]");
            return rc;
        }
    }

    /** A PrintStream into memory, so the trace can follow the ping's own output. */
    static final class ByteArrayPrint {
        final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);

        String text() { return buf.toString(java.nio.charset.StandardCharsets.UTF_8); }
    }
}
