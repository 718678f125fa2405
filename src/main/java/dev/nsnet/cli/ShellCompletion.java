package dev.nsnet.cli;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.ip.LinkKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code nsnet shell} offers on TAB, from the words already typed and the live world: command
 * names, {@code ip} objects and their subcommands, device names after {@code dev} (in the namespace
 * the command would run in: the shell's, or the one {@code -n NS} / {@code ip netns exec NS} names),
 * namespace names, link types and sysctl keys. Kept free of JLine so it can be tested as a function.
 */
final class ShellCompletion {
    private final Host host;
    private final ToolRegistry registry;

    ShellCompletion(Host host, ToolRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    static final List<String> BUILTINS = List.of("exit", "help");

    static final Map<String, List<String>> IP_SUBCOMMANDS = Map.of(
            "link", List.of("add", "delete", "set", "show", "help"),
            "address", List.of("add", "change", "replace", "del", "show", "flush", "help"),
            "route", List.of("add", "append", "change", "replace", "del", "show", "flush", "get", "help"),
            "rule", List.of("add", "del", "show", "flush", "help"),
            "neighbour", List.of("add", "del", "change", "replace", "show", "flush", "get", "help"),
            "netns", List.of("list", "add", "delete", "exec", "identify", "pids", "set", "list-id", "help"));
    static final List<String> IP_OBJECTS = List.of("link", "address", "route", "rule", "neighbour", "netns");
    static final List<String> IP_OPTIONS = List.of("-4", "-6", "-s", "-d", "-j", "-p", "-br", "-o", "-n", "-c");
    /** Link types worth offering; only those this build has a driver for are offered. */
    static final List<String> LINK_TYPES = List.of("veth", "bridge", "dummy", "macvlan", "ipvlan", "vlan", "vxlan",
            "bond", "vrf", "ipip", "gre");
    static final List<String> BRIDGE_OBJECTS = List.of("link", "fdb", "vlan", "mdb");
    static final List<String> PING_OPTIONS = List.of("-c", "-i", "-W", "-w", "-q", "-s", "-t", "-I", "-n");
    static final List<String> SYSCTL_OPTIONS = List.of("-a", "-n", "-N", "-q", "-w", "-e");

    /** Candidates for the word after {@code prev}, in namespace {@code ns} (the shell's). */
    List<String> candidates(List<String> prev, NetNamespace ns) {
        if (prev.isEmpty()) {
            List<String> c = new ArrayList<>(registry.names());
            c.addAll(BUILTINS);
            return sorted(c);
        }
        String cmd = prev.get(0);
        List<String> args = prev.subList(1, prev.size());
        return switch (cmd) {
            case "ip" -> ip(args, ns);
            case "bridge" -> bridge(args, ns);
            case "sysctl" -> sysctl(args, ns);
            case "ping" -> !args.isEmpty() && args.get(args.size() - 1).equals("-I") ? devices(ns) : PING_OPTIONS;
            default -> List.of();
        };
    }

    private List<String> ip(List<String> args, NetNamespace ns) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String o = args.get(i);
            if (o.equals("-n") || o.equals("-netns")) {
                if (i + 1 >= args.size()) return netnsNames();
                NetNamespace named = host.netns(args.get(i + 1));
                if (named != null) ns = named;
                i += 2;
            } else {
                i++;
            }
        }
        if (i >= args.size()) return sorted(concat(IP_OBJECTS, IP_OPTIONS));
        String object = expand(args.get(i), IP_OBJECTS);
        List<String> rest = args.subList(i + 1, args.size());
        if (object == null) return List.of();
        if (rest.isEmpty()) return IP_SUBCOMMANDS.get(object);
        String sub = rest.get(0);
        String last = rest.get(rest.size() - 1);
        if (object.equals("netns")) {
            if (sub.equals("exec")) {
                if (rest.size() == 1) return netnsNames();
                NetNamespace target = host.netns(rest.get(1));
                return candidates(rest.subList(2, rest.size()), target == null ? ns : target);
            }
            if (rest.size() == 1 && List.of("delete", "del", "pids", "set").contains(sub)) return netnsNames();
            return List.of();
        }
        switch (last) {
            case "dev", "master", "link", "oif", "iif", "peer" -> { return devices(ns); }
            case "netns" -> { return netnsNames(); }
            case "type" -> { return LINK_TYPES.stream().filter(t -> LinkKinds.get(t) != null).toList(); }
            default -> { }
        }
        if (object.equals("link") && rest.size() == 1 && List.of("set", "show", "delete", "del").contains(sub)) {
            return sorted(concat(devices(ns), List.of("dev")));
        }
        if (object.equals("link") && sub.equals("set") && rest.size() >= 2) {
            return List.of("up", "down", "name", "address", "mtu", "master", "nomaster", "netns", "alias", "txqueuelen");
        }
        return List.of("dev");
    }

    private List<String> bridge(List<String> args, NetNamespace ns) {
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.isEmpty()) return BRIDGE_OBJECTS;
        if (words.size() == 1) return List.of("show", "add", "del", "replace", "set");
        return args.get(args.size() - 1).equals("dev") ? devices(ns) : List.of("dev");
    }

    private List<String> sysctl(List<String> args, NetNamespace ns) {
        List<String> keys = new ArrayList<>(SYSCTL_OPTIONS);
        for (String path : ns.sysctl.all().keySet()) keys.add(path.replace('/', '.'));
        return keys;
    }

    List<String> devices(NetNamespace ns) {
        List<String> names = new ArrayList<>();
        for (NetDevice d : ns.devices()) names.add(d.name);
        return sorted(names);
    }

    List<String> netnsNames() { return sorted(new ArrayList<>(host.namedNetns().keySet())); }

    /** iproute2 accepts any prefix of an object name ("a" = address, "l" = link, "n" = neighbour). */
    static String expand(String word, List<String> names) {
        for (String n : names) if (n.startsWith(word)) return n;
        if (word.equals("neigh") || word.equals("neighbor")) return "neighbour";
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    private static List<String> sorted(List<String> c) { return new ArrayList<>(new TreeSet<>(c)); }
}
