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

    /** Runs argv[0] with the rest as arguments in {@code ctx}; 127 if unknown. */
    public int run(ToolContext ctx, List<String> argv) {
        if (argv.isEmpty()) return 0;
        Tool t = tools.get(argv.get(0));
        if (t == null) {
            ctx.err().println("nsnet: " + argv.get(0) + ": command not found");
            return 127;
        }
        try {
            return t.run(ctx, argv.subList(1, argv.size()));
        } catch (dev.nsnet.kernel.core.KernelException e) {
            ctx.err().println(argv.get(0) + ": " + e.getMessage());
            return 2;
        }
    }
}
