package dev.nsnet.robustness;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.scenario.Session;
import dev.nsnet.tools.ToolContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the world's configuration looks like through the tools: {@code ip -d link show},
 * {@code ip addr}, {@code ip route show table all}, {@code ip rule}, {@code bridge fdb show} and
 * {@code ip neigh show} in
 * the root namespace and in every named one. The commands run straight through the tool registry,
 * not through {@link Session#execute}, so taking a snapshot lets no virtual time pass.
 */
final class StateSnapshot {
    private StateSnapshot() { }

    static final String[] VIEWS = {"ip -d link show", "ip addr", "ip route show table all", "ip rule", "bridge fdb show",
        "ip neigh show"};

    /** The views, one section per namespace and command. */
    static String take(Session s) {
        Map<String, NetNamespace> spaces = new TreeMap<>(s.host.namedNetns());
        StringBuilder b = new StringBuilder();
        b.append("netns: ").append(spaces.keySet()).append('\n');
        view(s, s.host.rootNs, "root", b);
        for (Map.Entry<String, NetNamespace> e : spaces.entrySet()) view(s, e.getValue(), e.getKey(), b);
        // bridge timers count down as virtual time passes: running time, not configuration
        return TIMER.matcher(b).replaceAll("$1 -");
    }

    private static final java.util.regex.Pattern TIMER = java.util.regex.Pattern.compile("(\\w+_timer) +[0-9.]+");

    /** The snapshot without its fdb and neighbour views (traffic changes them legitimately: learning, ARP). */
    static String withoutFdb(String snapshot) {
        StringBuilder b = new StringBuilder();
        boolean skip = false;
        for (String l : snapshot.split("\n", -1)) {
            if (l.startsWith("## ")) skip = l.endsWith("bridge fdb show") || l.endsWith("ip neigh show");
            if (!skip) b.append(l).append('\n');
        }
        return b.toString();
    }

    private static void view(Session s, NetNamespace ns, String label, StringBuilder b) {
        for (String cmd : VIEWS) {
            b.append("## ").append(label).append(": ").append(cmd).append('\n');
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            Process p = s.host.spawn(cmd.split(" ")[0], ns);
            int rc;
            try {
                rc = s.registry.run(new ToolContext(p, ps, ps, s.registry, null), ShellWords.split(cmd));
            } finally {
                if (!p.exited) s.host.exit(p, 0);
            }
            ps.flush();
            b.append(buf.toString(StandardCharsets.UTF_8));
            if (rc != 0) b.append("[exit ").append(rc).append("]\n");
        }
    }
}
