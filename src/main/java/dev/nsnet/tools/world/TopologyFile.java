package dev.nsnet.tools.world;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.world.World;
import dev.nsnet.world.WorldException;
import dev.nsnet.world.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A topology file (YAML) describing the world outside: hosts with their NICs and the Linux
 * commands that configure them, switches and cables. Loading builds everything in this order:
 * hosts, NICs, switches (with their ports), cables, then each host's commands in file order.
 * A host that already exists (the scenario's own host) is extended, not re-created.
 * <pre>
 * hosts:
 *   node1:
 *     nics: [eth0]
 *   router:
 *     nics:
 *       - eth0
 *       - {name: eth1, address: "02:00:00:00:01:02"}
 *     commands:
 *       - sysctl -q -w net.ipv4.ip_forward=1
 *       - ip addr add 192.168.1.1/24 dev eth0
 * cables:
 *   - [node1:eth0, router:eth0]
 *   - {ends: [router:eth1, web:eth0], delay: 1ms}
 * switches:
 *   sw0: [a:eth0, b:eth0]
 * </pre>
 * See docs/world.md.
 */
public final class TopologyFile {
    private TopologyFile() { }

    /**
     * Loads {@code file} into the emulation of {@code ctx}, running host commands with ctx's tools
     * and streams. Returns how many commands exited non-zero (each is reported on ctx.err()).
     * Structural errors (bad YAML, unknown keys, duplicate names) throw {@link WorldException}
     * with the file name in the message.
     */
    public static int load(Path file, ToolContext ctx) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new WorldException(file + ": cannot read: " + e.getMessage());
        }
        return load(file.toString(), text, ctx);
    }

    /**
     * For front doors ({@code nsnet run --world FILE}): loads {@code file} into the emulation of
     * {@code host} (the scenario's own host), running host commands with {@code tools}; their
     * output goes to {@code out} and {@code err}. Returns how many commands failed; throws
     * {@link WorldException} (message starts with the file name) on a structural error.
     */
    public static int load(Path file, dev.nsnet.kernel.core.Host host, dev.nsnet.tools.ToolRegistry tools,
                           java.io.PrintStream out, java.io.PrintStream err) {
        dev.nsnet.kernel.core.Process p = host.spawn(NsnetWorld.NAME, host.rootNs);
        try {
            return load(file, new ToolContext(p, out, err, tools, null));
        } finally {
            host.exit(p, 0);
        }
    }

    /** Same as {@link #load(Path, ToolContext)} for YAML text; {@code name} labels errors. */
    public static int load(String name, String text, ToolContext ctx) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new WorldException(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return apply(doc == null ? Map.of() : map(doc, "the document"), ctx);
        } catch (WorldException e) {
            throw new WorldException(name + ": " + e.getMessage());
        }
    }

    private static int apply(Map<String, Object> top, ToolContext ctx) {
        for (String k : top.keySet()) {
            if (!List.of("hosts", "cables", "switches").contains(k)) throw new WorldException("unknown key \"" + k + "\" (expected hosts, cables, switches)");
        }
        World w = World.of(ctx.emulation());
        Map<String, Object> hosts = top.containsKey("hosts") ? map(top.get("hosts"), "hosts") : Map.of();
        Map<Host, List<String>> commands = new LinkedHashMap<>();
        for (var e : hosts.entrySet()) {
            Host h = ctx.emulation().host(e.getKey());
            if (h == null) h = w.addHost(e.getKey());
            Map<String, Object> spec = e.getValue() == null ? Map.of() : map(e.getValue(), "host " + e.getKey());
            for (String k : spec.keySet()) {
                if (!List.of("nics", "commands", "router", "internet", "kernel").contains(k)) {
                    throw new WorldException("host " + h.hostname + ": unknown key \"" + k + "\" (expected nics, commands, router, internet, kernel)");
                }
            }
            if (spec.containsKey("kernel")) {
                dev.nsnet.kernel.core.KernelConfig kc = dev.nsnet.kernel.core.KernelConfig.byName(String.valueOf(spec.get("kernel")));
                if (kc == null) throw new WorldException("host " + h.hostname + ": unknown kernel \"" + spec.get("kernel") + "\" (expected reference or full)");
                h.kernel = kc;
            }
            for (Object n : list(spec.getOrDefault("nics", List.of()), "host " + h.hostname + " nics")) addNic(w, h, n);
            List<String> cmds = new ArrayList<>(roleCommands(h.hostname, spec));
            for (Object c : list(spec.getOrDefault("commands", List.of()), "host " + h.hostname + " commands")) cmds.add(String.valueOf(c));
            commands.put(h, cmds);
        }
        Map<String, Object> switches = top.containsKey("switches") ? map(top.get("switches"), "switches") : Map.of();
        for (var e : switches.entrySet()) {
            var sw = w.addSwitch(e.getKey());
            for (Object p : list(e.getValue() == null ? List.of() : e.getValue(), "switch " + e.getKey())) {
                if (p instanceof Map<?, ?>) switchPort(w, sw, map(p, "switch " + e.getKey() + " port"));
                else w.plug(sw, w.nic(String.valueOf(p)), 0);
            }
        }
        for (Object c : list(top.getOrDefault("cables", List.of()), "cables")) {
            List<Object> ends;
            long delay = 0;
            if (c instanceof Map<?, ?>) {
                Map<String, Object> m = map(c, "cable");
                ends = list(m.get("ends"), "cable ends");
                if (m.containsKey("delay")) {
                    delay = NsnetWorld.parseDuration(String.valueOf(m.get("delay")));
                    if (delay < 0) throw new WorldException("bad cable delay \"" + m.get("delay") + "\" (e.g. 0, 100us, 2ms)");
                }
            } else {
                ends = list(c, "cable");
            }
            if (ends.size() != 2) throw new WorldException("a cable has two ends, got " + ends);
            w.connect(w.nic(String.valueOf(ends.get(0))), w.nic(String.valueOf(ends.get(1))), delay);
        }
        int failed = 0;
        for (var e : commands.entrySet()) {
            for (String line : e.getValue()) {
                List<String> argv = Words.split(line);
                if (argv.isEmpty()) continue;
                int rc = NsnetWorld.runOn(e.getKey(), argv, ctx);
                if (rc != 0) {
                    failed++;
                    ctx.err().println("nsnet-world: " + e.getKey().hostname + ": `" + line + "` exited " + rc);
                }
            }
        }
        return failed;
    }

    /** {@code router: true} and {@code internet: [PREFIX...]} as the commands they stand for. */
    private static List<String> roleCommands(String host, Map<String, Object> spec) {
        List<String> cmds = new ArrayList<>();
        Object inet = spec.get("internet");
        if (inet != null && !Boolean.FALSE.equals(inet)) {
            List<String> prefixes = new ArrayList<>();
            if (!Boolean.TRUE.equals(inet)) {
                for (Object o : inet instanceof List<?> l ? l : List.of(inet)) {
                    NsnetWorld.checkPrefix(String.valueOf(o));
                    prefixes.add(String.valueOf(o));
                }
            }
            return NsnetWorld.internetCommands(prefixes);
        }
        Object router = spec.get("router");
        if (router != null && !(router instanceof Boolean)) throw new WorldException("host " + host + ": router: expected true or false, got " + describe(router));
        if (Boolean.TRUE.equals(router)) cmds.add("sysctl -q -w net.ipv4.ip_forward=1");
        return cmds;
    }

    /** A switch port written as {nic: HOST:DEV, delay: D, max-macs: N, allow: [MAC[,IP...], ...]}. */
    private static void switchPort(World w, dev.nsnet.world.Switch sw, Map<String, Object> m) {
        List<String> opts = new ArrayList<>();
        for (var e : m.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            switch (k) {
                case "nic" -> { }
                case "delay", "max-macs" -> { opts.add(k); opts.add(String.valueOf(v)); }
                case "allow" -> {
                    for (Object a : v instanceof List<?> l ? l : List.of(String.valueOf(v))) { opts.add("allow"); opts.add(String.valueOf(a)); }
                }
                default -> throw new WorldException("switch " + sw.name + " port: unknown key \"" + k + "\" (expected nic, delay, max-macs, allow)");
            }
        }
        if (m.get("nic") == null) throw new WorldException("switch " + sw.name + " port has no nic");
        SwitchCommand.port(w, sw, w.nic(String.valueOf(m.get("nic"))), opts);
    }

    private static void addNic(World w, Host h, Object n) {
        if (n instanceof String s) {
            w.addNic(h.rootNs, s, -1);
            return;
        }
        Map<String, Object> m = map(n, "nic on host " + h.hostname);
        Object name = m.get("name");
        if (name == null) throw new WorldException("nic on host " + h.hostname + " has no name");
        long mac = -1;
        if (m.containsKey("address")) {
            mac = Mac.parse(String.valueOf(m.get("address")));
            if (mac < 0) throw new WorldException("bad MAC address \"" + m.get("address") + "\" (quote it in YAML)");
        }
        NetNamespace ns = h.rootNs;
        if (m.containsKey("netns")) {
            ns = h.netns(String.valueOf(m.get("netns")));
            if (ns == null) throw new WorldException("no netns \"" + m.get("netns") + "\" on host " + h.hostname);
        }
        for (String k : m.keySet()) {
            if (!List.of("name", "address", "netns").contains(k)) throw new WorldException("nic " + name + ": unknown key \"" + k + "\"");
        }
        w.addNic(ns, String.valueOf(name), mac);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) throw new WorldException(what + ": expected a mapping, got " + describe(o));
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        if (!(o instanceof List<?>)) throw new WorldException(what + ": expected a list, got " + describe(o));
        return (List<Object>) o;
    }

    private static String describe(Object o) {
        return o == null ? "nothing" : o instanceof Map ? "a mapping" : o instanceof List ? "a list" : "\"" + o + "\"";
    }
}
