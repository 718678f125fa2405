package dev.nsnet.tools.world;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.drivers.PhysNic;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.world.Cable;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import dev.nsnet.world.WorldException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code nsnet-world}: builds the physical network outside the current host (other hosts, their
 * NICs, cables, switches) and runs Linux commands on other hosts. nsnet-only: a script made of
 * Linux commands never needs it. Documented in docs/world.md.
 */
public final class NsnetWorld implements Tool {
    public static final String NAME = "nsnet-world";

    static final Map<String, String> HELP = Map.of(
            "host", """
                    Usage: nsnet-world host add NAME
                    Adds a host: a whole Linux kernel of its own, with only lo in its root namespace.
                    """,
            "nic", """
                    Usage: nsnet-world nic add HOST DEV [address MAC] [netns NETNS]
                    Puts a physical Ethernet NIC named DEV into HOST (its root namespace, or NETNS).
                    Without address, MACs are 52:54:00:00:00:01, :02, ... in creation order.
                    The NIC has no link until it is up and cabled to a powered partner.
                    """,
            "cable", """
                    Usage: nsnet-world cable HOST:DEV HOST:DEV [delay DURATION]
                    Connects two NICs with a wire. DURATION: 0 (default), 100us, 2ms, 1s ...
                    A NIC inside a named namespace is HOST:NETNS/DEV.
                    """,
            "unplug", """
                    Usage: nsnet-world unplug HOST:DEV
                    Pulls the cable out of a NIC: both ends lose carrier.
                    """,
            "switch", """
                    Usage: nsnet-world switch add NAME
                           nsnet-world switch port NAME HOST:DEV [delay DURATION] [max-macs N] [allow MAC[,IP...]]...
                           nsnet-world switch show NAME
                    An L2 switch: learns MACs per port, floods unknown and broadcast frames.
                    'port' cables a NIC into the switch's next port (or, for a NIC already in a
                    port of NAME, changes that port's security). Port security, as cloud VPCs
                    and managed switches enforce it on frames entering the switch:
                      max-macs N            at most N source MACs learned on the port (0: no limit)
                      allow MAC[,IP...]     only these MACs may send, each only from these IPv4
                                            addresses (IPv4 and ARP; no IP: any); repeatable;
                                            'allow any' lifts the list
                    Refused frames are dropped and counted. 'show' lists ports, their limits
                    and drop counters, and the learned MAC table.
                    """,
            "router", """
                    Usage: nsnet-world router add NAME
                    Adds a host that routes: net.ipv4.ip_forward=1 in its root namespace.
                    Give it NICs, addresses and routes as any host.
                    """,
            "internet", """
                    Usage: nsnet-world internet add NAME [PREFIX...]
                    Adds a host standing for the internet: it routes (ip_forward=1), lo is up,
                    and it answers for every address of each PREFIX (ip route add local PREFIX
                    dev lo, the kernel's AnyIP). Give it a NIC, an address and routes back.
                    """,
            "kernel", """
                    Usage: nsnet-world kernel HOST [reference|full]
                    Shows or sets which drivers HOST's kernel has. reference (the default) is the
                    kernel nsnet's golden scenarios are recorded on: veth, bridge, macvlan, vxlan,
                    but no ipvlan and no 802.1q vlan ('ip link add ... type ipvlan' answers
                    "Error: Unknown device type."). full adds ipvlan and vlan, as a distribution
                    kernel has them. Devices that exist are kept.
                    """,
            "exec", """
                    Usage: nsnet-world exec HOST COMMAND [ARGS...]
                    Runs a Linux command (ip, sysctl, ping ...) in the root namespace of HOST.
                    """,
            "show", """
                    Usage: nsnet-world show
                    Lists hosts with their NICs, cables and switches.
                    """);

    static final String USAGE = """
            Usage: nsnet-world COMMAND ...
            Builds the network outside this host (nsnet only; not a Linux command).
              host add NAME                               add a host (another kernel)
              nic add HOST DEV [address MAC] [netns NS]   add a physical NIC to a host
              cable HOST:DEV HOST:DEV [delay DURATION]    wire two NICs together
              unplug HOST:DEV                             pull a NIC's cable out
              switch add NAME                             add an L2 switch
              switch port NAME HOST:DEV [delay DURATION] [max-macs N] [allow MAC[,IP...]]
                                                          cable a NIC into a switch port (port security)
              switch show NAME                            show a switch's ports, counters, MAC table
              router add NAME                             add a host with ip_forward=1
              internet add NAME [PREFIX...]               add a routing host answering for PREFIXes
              kernel HOST [reference|full]                show or set the drivers HOST's kernel has
              exec HOST COMMAND [ARGS...]                 run a command on another host
              show                                        list hosts, NICs, cables, switches
            'nsnet-world COMMAND --help' explains one command. See docs/world.md.
            """;

    @Override public String name() { return NAME; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        PrintStream err = ctx.err();
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (cmd.equals("--help") || cmd.equals("-h") || cmd.equals("help")) {
            ctx.out().print(USAGE);
            return 0;
        }
        if (!HELP.containsKey(cmd)) {
            err.println(NAME + ": unknown command \"" + cmd + "\" (try: " + NAME + " --help)");
            return 2;
        }
        if (!cmd.equals("exec") && (rest.contains("--help") || rest.contains("-h") || rest.contains("help"))
                || cmd.equals("exec") && !rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
            ctx.out().print(HELP.get(cmd));
            return 0;
        }
        World world = World.of(ctx.emulation());
        try {
            return switch (cmd) {
                case "host" -> host(world, rest, err);
                case "nic" -> nic(world, rest, err);
                case "cable" -> cable(world, rest, err);
                case "unplug" -> unplug(world, rest, err);
                case "switch" -> SwitchCommand.run(world, ctx.emulation().now(), ctx.out(), rest, err);
                case "router" -> router(world, ctx, rest, err);
                case "internet" -> internet(world, ctx, rest, err);
                case "kernel" -> kernel(world, ctx, rest, err);
                case "exec" -> exec(world, ctx, rest, err);
                default -> show(world, ctx);
            };
        } catch (WorldException e) {
            err.println(NAME + " " + cmd + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String cmd, PrintStream err) {
        err.print(HELP.get(cmd));
        return 2;
    }

    private static int host(World w, List<String> a, PrintStream err) {
        if (a.size() != 2 || !a.get(0).equals("add")) return usage("host", err);
        w.addHost(a.get(1));
        return 0;
    }

    private static int kernel(World w, ToolContext ctx, List<String> a, PrintStream err) {
        if (a.isEmpty() || a.size() > 2) return usage("kernel", err);
        Host h = w.host(a.get(0));
        if (a.size() == 1) {
            ctx.out().println(h.kernel.name);
            return 0;
        }
        dev.nsnet.kernel.core.KernelConfig k = dev.nsnet.kernel.core.KernelConfig.byName(a.get(1));
        if (k == null) throw new WorldException("unknown kernel \"" + a.get(1) + "\" (expected reference or full)");
        h.kernel = k;
        return 0;
    }

    private static int nic(World w, List<String> a, PrintStream err) {
        if (a.size() < 3 || !a.get(0).equals("add")) return usage("nic", err);
        Host h = w.host(a.get(1));
        String dev = a.get(2);
        long mac = -1;
        NetNamespace ns = h.rootNs;
        for (int i = 3; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) throw new WorldException("\"" + a.get(i) + "\" needs a value");
            String v = a.get(i + 1);
            switch (a.get(i)) {
                case "address" -> {
                    mac = Mac.parse(v);
                    if (mac < 0) throw new WorldException("bad MAC address \"" + v + "\"");
                }
                case "netns" -> {
                    ns = h.netns(v);
                    if (ns == null) throw new WorldException("no netns \"" + v + "\" on host " + h.hostname);
                }
                default -> throw new WorldException("unknown option \"" + a.get(i) + "\" (expected address or netns)");
            }
        }
        w.addNic(ns, dev, mac);
        return 0;
    }

    private static long delay(List<String> a, int from) {
        if (a.size() == from) return 0;
        if (a.size() != from + 2 || !a.get(from).equals("delay")) throw new WorldException("unexpected \"" + a.get(from) + "\" (expected: delay DURATION)");
        long d = parseDuration(a.get(from + 1));
        if (d < 0) throw new WorldException("bad duration \"" + a.get(from + 1) + "\" (e.g. 0, 100us, 2ms, 1s)");
        return d;
    }

    static long parseDuration(String s) {
        String t = s.trim();
        long mul = 1;
        String num = t;
        if (t.endsWith("ns")) num = t.substring(0, t.length() - 2);
        else if (t.endsWith("us")) { num = t.substring(0, t.length() - 2); mul = 1_000; }
        else if (t.endsWith("ms")) { num = t.substring(0, t.length() - 2); mul = 1_000_000; }
        else if (t.endsWith("s")) { num = t.substring(0, t.length() - 1); mul = 1_000_000_000; }
        if (num.isEmpty() || !num.chars().allMatch(Character::isDigit) || num.length() > 12) return -1;
        return Long.parseLong(num) * mul;
    }

    private static int cable(World w, List<String> a, PrintStream err) {
        if (a.size() < 2) return usage("cable", err);
        w.connect(w.nic(a.get(0)), w.nic(a.get(1)), delay(a, 2));
        return 0;
    }

    private static int unplug(World w, List<String> a, PrintStream err) {
        if (a.size() != 1) return usage("unplug", err);
        w.unplug(w.nic(a.get(0)));
        return 0;
    }

    private static int router(World w, ToolContext ctx, List<String> a, PrintStream err) {
        if (a.size() != 2 || !a.get(0).equals("add")) return usage("router", err);
        Host h = w.addHost(a.get(1));
        return setUp(h, ctx, List.of("sysctl -q -w net.ipv4.ip_forward=1"));
    }

    private static int internet(World w, ToolContext ctx, List<String> a, PrintStream err) {
        if (a.size() < 2 || !a.get(0).equals("add")) return usage("internet", err);
        for (String prefix : a.subList(2, a.size())) checkPrefix(prefix);
        Host h = w.addHost(a.get(1));
        return setUp(h, ctx, internetCommands(a.subList(2, a.size())));
    }

    /** The Linux commands that make a host the "internet" answering for {@code prefixes}. */
    static List<String> internetCommands(List<String> prefixes) {
        List<String> cmds = new java.util.ArrayList<>(List.of("ip link set lo up", "sysctl -q -w net.ipv4.ip_forward=1"));
        for (String p : prefixes) cmds.add("ip route add local " + p + " dev lo");
        return cmds;
    }

    static void checkPrefix(String p) {
        int s = p.indexOf('/');
        String addr = s < 0 ? p : p.substring(0, s);
        String len = s < 0 ? "32" : p.substring(s + 1);
        if (dev.nsnet.kernel.wire.Inet4.parse(addr) == null || len.isEmpty() || len.length() > 2
                || !len.chars().allMatch(Character::isDigit) || Integer.parseInt(len) > 32) {
            throw new WorldException("bad prefix \"" + p + "\" (e.g. 8.8.8.0/24)");
        }
    }

    /** Runs set-up commands on a new host; a failure is reported and is the status. */
    private static int setUp(Host h, ToolContext ctx, List<String> cmds) {
        for (String c : cmds) {
            int rc = runOn(h, dev.nsnet.world.Words.split(c), ctx);
            if (rc != 0) {
                ctx.err().println(NAME + ": " + h.hostname + ": `" + c + "` exited " + rc);
                return 1;
            }
        }
        return 0;
    }

    private static int exec(World w, ToolContext ctx, List<String> a, PrintStream err) {
        if (a.size() < 2) return usage("exec", err);
        Host h = w.host(a.get(0));
        List<String> argv = a.subList(1, a.size());
        return runOn(h, argv, ctx);
    }

    /**
     * Runs argv as a process in the root namespace of {@code h}, sharing ctx's streams and tools.
     * A chain {@code nsnet-world exec H1 nsnet-world exec H2 ... CMD} spawns one process per link
     * as if each ran the next, but in a loop: how deep a user nests must not be bounded by the Java
     * stack (it was a StackOverflowError, "internal error", at ~3000 levels).
     */
    static int runOn(Host h, List<String> argv, ToolContext ctx) {
        java.util.ArrayDeque<Process> chain = new java.util.ArrayDeque<>();
        int rc = 127;
        try {
            while (true) {
                Process p = h.spawn(argv.get(0), h.rootNs);
                chain.push(p);
                Host next = nextInChain(ctx, argv);
                if (next == null) {
                    ToolContext c = new ToolContext(p, ctx.out(), ctx.err(), ctx.registry(), ctx.stdin());
                    rc = ctx.registry().run(c, argv);
                    break;
                }
                h = next;
                argv = argv.subList(3, argv.size());
            }
        } finally {
            // each link exits with the status of the one it ran, innermost first
            while (!chain.isEmpty()) chain.peek().host.exit(chain.pop(), rc);
        }
        return rc;
    }

    /** The host of argv when it is a plain {@code nsnet-world exec HOST CMD...} that would run CMD, else null. */
    private static Host nextInChain(ToolContext ctx, List<String> argv) {
        if (argv.size() < 4 || !argv.get(0).equals(NAME) || !argv.get(1).equals("exec")) return null;
        if (!(ctx.registry().get(NAME) instanceof NsnetWorld)) return null;
        String host = argv.get(2);
        if (host.equals("--help") || host.equals("-h")) return null;
        return ctx.emulation().host(host); // null (no such host): the tool itself says so
    }

    private static int show(World w, ToolContext ctx) {
        PrintStream out = ctx.out();
        for (Host h : ctx.emulation().hosts()) {
            out.println("host " + h.hostname + (h == ctx.host() ? " (this host)" : ""));
            for (NetNamespace ns : h.namespaces()) {
                for (NetDevice d : ns.devices()) {
                    if (!PhysNic.isPhysNic(d)) continue;
                    PhysNic.Medium m = PhysNic.medium(d);
                    out.println("  nic " + (ns == h.rootNs ? "" : ns + "/") + d.name + " " + Mac.format(d.mac)
                            + (d.isUp() ? " up" : " down") + (d.carrier ? " link" : " no-link")
                            + " -> " + (m == null ? "no cable" : m.describe(d)));
                }
            }
        }
        for (Cable c : w.cables()) out.println("cable " + c.describe());
        for (Switch s : w.switches().values()) {
            out.println("switch " + s.name);
            for (Switch.Port p : s.ports()) {
                out.println("  port " + p.number + " -> " + (p.cable() == null ? "nothing" : p.cable().other(p).label())
                        + (p.hasLink() ? " link" : " no-link"));
            }
        }
        return 0;
    }
}
