package dev.nsnet.tools.echo;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * bash's builtin {@code exit [N]} as a scenario line ({@code bash -c 'exit 3'}): the line's status
 * is N modulo 256 (0 without N, the status of nothing run before it). Messages as bash 5.2 prints
 * them for a one-line {@code -c} script.
 */
public final class Exit implements Tool {
    @Override
    public String name() { return "exit"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        if (args.isEmpty()) return 0;
        String a = args.get(0);
        if (!a.matches("[+-]?\\d+")) {
            ctx.err().println("bash: line 1: exit: " + a + ": numeric argument required");
            return 2;
        }
        if (args.size() > 1) {
            ctx.err().println("bash: line 1: exit: too many arguments");
            return 1;
        }
        try {
            return (int) (Long.parseLong(a.startsWith("+") ? a.substring(1) : a) & 0xff);
        } catch (NumberFormatException e) {
            ctx.err().println("bash: line 1: exit: " + a + ": numeric argument required");
            return 2;
        }
    }
}
