package dev.nsnet.tools;

import java.util.List;

/**
 * A command-line tool front-end ({@code ip}, {@code bridge}, {@code sysctl}, {@code ping} ...):
 * parses argv exactly like the real tool, talks to the kernel model, prints the real tool's output.
 * Returns the exit status. A user mistake is reported on {@code ctx.err()} with the real tool's
 * message and a non-zero status, never as an exception.
 */
public interface Tool {
    /** The command name as typed ("ip"). */
    String name();

    int run(ToolContext ctx, List<String> args);
}
