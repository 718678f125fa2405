package dev.nsnet.tools.echo;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * {@code true} and {@code false} (bash builtins, and coreutils programs for {@code ip netns exec NS
 * false}): print nothing, ignore their arguments, exit 0 or 1.
 */
public final class ExitStatus implements Tool {
    private final String name;
    private final int status;

    private ExitStatus(String name, int status) {
        this.name = name;
        this.status = status;
    }

    public static ExitStatus trueCommand() { return new ExitStatus("true", 0); }

    public static ExitStatus falseCommand() { return new ExitStatus("false", 1); }

    @Override
    public String name() { return name; }

    @Override
    public int run(ToolContext ctx, List<String> args) { return status; }
}
