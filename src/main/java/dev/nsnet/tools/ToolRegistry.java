package dev.nsnet.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands a script or the shell can run, by name. Running a name that is not registered
 * prints the shell's "command not found" and returns 127.
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools = new TreeMap<>();

    public ToolRegistry register(Tool t) {
        tools.put(t.name(), t);
        return this;
    }

    public Tool get(String name) { return tools.get(name); }

    public List<String> names() { return new ArrayList<>(tools.keySet()); }

    /**
     * execve() from inside a tool: the process becomes {@code argv}, keeping its namespaces (a tool
     * that switched namespaces, like {@code ip netns exec}, leaves the process there). Thrown, and
     * caught by {@link #run}, which runs the new program in the same frame - so chains of
     * {@code ip netns exec A ip netns exec B ...} do not nest, as they do not on Linux.
     */
    public static final class Exec extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<String> argv;

        public Exec(List<String> argv) {
            super(null, null, false, false);
            this.argv = argv;
        }
    }

    /** Runs argv[0] with the rest as arguments in {@code ctx}; 127 if unknown. */
    public int run(ToolContext ctx, List<String> argv) {
        if (argv.isEmpty()) return 0;
        dev.nsnet.kernel.core.Process proc = ctx.process();
        dev.nsnet.kernel.core.NetNamespace start = proc.netns;
        try {
            while (true) {
                Tool t = tools.get(argv.get(0));
                if (t == null) {
                    ctx.err().println("nsnet: " + argv.get(0) + ": command not found");
                    return 127;
                }
                try {
                    return t.run(ctx, argv.subList(1, argv.size()));
                } catch (Exec e) {
                    argv = e.argv;
                } catch (dev.nsnet.kernel.core.KernelException e) {
                    ctx.err().println(argv.get(0) + ": " + e.getMessage());
                    return 2;
                }
            }
        } finally {
            if (proc.netns != start) {
                dev.nsnet.kernel.core.NetNamespace left = proc.netns;
                proc.setns(start);
                proc.host.releaseNetns(left);
            }
        }
    }
}
