package dev.nsnet.scenario.cluster;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.scenario.Session;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.world.Words;
import java.io.PrintStream;
import java.util.List;

/**
 * Builds a {@link ClusterPlan} in a session's emulation by running its command lines, exactly as
 * printed, through the same tools a script uses: the world lines on the scenario's host, each
 * node's lines as processes in the root namespace of that node's host (iptables-restore gets its
 * input on stdin). Nothing here reaches into the kernel model: what {@code nsnet cluster print}
 * shows is what was built. A command that fails is reported on {@code err}
 * ({@code nsnet cluster: node1: `CMD` exited N}) with its own message, and building goes on.
 */
public final class ClusterBuilder {
    private ClusterBuilder() { }

    /** Builds {@code plan} into {@code session}; returns how many commands failed. */
    public static int build(ClusterPlan plan, Session session, PrintStream out, PrintStream err) {
        int failed = 0;
        for (String line : plan.world()) failed += run(session, session.host, "nsnet", new ClusterPlan.Step(line, null), out, err);
        for (ClusterSpec.Node n : plan.spec.nodes) {
            Host h = session.emulation.host(n.name());
            for (ClusterPlan.Step st : plan.steps(n)) failed += run(session, h, n.name(), st, out, err);
        }
        // let the links come up and the event queue settle before the script's first line
        session.emulation.processes.sleepUntil(session.emulation.now() + Session.LINE_GAP_NS);
        return failed;
    }

    private static int run(Session session, Host h, String where, ClusterPlan.Step st, PrintStream out, PrintStream err) {
        List<String> argv = Words.split(st.line());
        Process p = h.spawn(argv.get(0), h.rootNs);
        int rc = 127;
        try {
            rc = session.registry.run(new ToolContext(p, out, err, session.registry, st.stdin()), argv) & 0xff;
        } finally {
            if (!p.exited) h.exit(p, rc);
        }
        if (rc == 0) return 0;
        err.println("nsnet cluster: " + where + ": `" + st.line() + "` exited " + rc);
        return 1;
    }
}
