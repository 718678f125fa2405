package dev.nsnet.tools.ip;

import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * One {@code ip} object ("link", "address", "route", ...): receives the arguments after the
 * object word and returns the exit status, like iproute2's {@code do_iplink(argc, argv)}.
 */
public interface IpObject {
    /** The full object name as in iproute2's cmds[] table (prefixes of it select it). */
    String name();

    int run(ToolContext ctx, IpOptions opts, List<String> args);
}
