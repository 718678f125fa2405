package dev.nsnet.tools.conntrack;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Task;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackEvents;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTupleHash;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code conntrack} of conntrack-tools 1.4.7 (src/conntrack.c) over the namespace's conntrack
 * table (what ctnetlink gives it): -L (with filters), -G, -D, -F, -C, -E (an event listener that
 * runs until killed), -V, -h. Messages, exit statuses and the line format are the real tool's; the
 * summary goes to stderr at once while entries go to the fully buffered stdout, so a transcript
 * shows the summary first, as on a real host when stdout is not a terminal.
 * -S prints one set of counters as cpu 0 of the recording host's two. Not supported (said so,
 * exit 2): -I, -U and the expect/dying/unconfirmed tables.
 */
public final class Conntrack implements Tool {
    static final String PFX = "conntrack v1.4.7 (conntrack-tools): ";

    @Override
    public String name() { return "conntrack"; }

    @Override
    public int run(ToolContext ctx, List<String> argv) {
        PrintStream err = ctx.err();
        ConntrackArgs a;
        try {
            a = ConntrackArgs.parse(argv);
        } catch (ConntrackArgs.Fail f) {
            err.println(PFX + f.getMessage());
            if (f.hint) err.println("Try `conntrack -h' or 'conntrack --help' for more information.");
            return f.status;
        }
        NetNamespace ns = ctx.netns();
        NfConntrackNet net = NfConntrackNet.of(ns);
        switch (a.command) {
            case 'h' -> {
                ctx.out().print(ConntrackArgs.HELP);
                return 0;
            }
            case 'V' -> {
                ctx.out().println("conntrack v1.4.7 (conntrack-tools)");
                return 0;
            }
            case 'C' -> {
                ctx.out().println(net.count());
                return 0;
            }
            case 'F' -> {
                for (NfConn ct : net.entries()) NfConntrackCore.deleteByUser(ct);
                err.println(PFX + "connection tracking table has been emptied.");
                return 0;
            }
            case 'L' -> {
                PrintStream out = ctx.fullyBufferedStdout();
                long now = net.now();
                List<NfConn> all = net.entries();
                int n = 0;
                StringBuilder sb = new StringBuilder();
                for (NfConn ct : all) {
                    if (!a.filter.matches(ct)) continue;
                    n++;
                    sb.append(ConntrackFormat.line(ct, a.extended ? ConntrackFormat.EXTENDED : ConntrackFormat.LIST,
                            ct.timeoutSeconds(now), null)).append('\n');
                }
                err.println(PFX + n + " flow entries have been shown.");
                out.print(sb);
                out.flush();
                return 0;
            }
            case 'G' -> {
                NfConntrackTupleHash h = NfConntrackCore.find(net, a.filter.tupleForGet());
                if (h == null) {
                    err.println(PFX + "Operation failed: such conntrack doesn't exist");
                    return 1;
                }
                PrintStream out = ctx.fullyBufferedStdout();
                err.println(PFX + "1 flow entries have been shown.");
                out.println(ConntrackFormat.line(h.ct, a.extended ? ConntrackFormat.GET_EXTENDED : ConntrackFormat.GET,
                        h.ct.timeoutSeconds(net.now()), null));
                out.flush();
                return 0;
            }
            case 'D' -> {
                PrintStream out = ctx.fullyBufferedStdout();
                long now = net.now();
                int n = 0;
                StringBuilder sb = new StringBuilder();
                for (NfConn ct : net.entries()) {
                    if (!a.filter.matches(ct)) continue;
                    sb.append(ConntrackFormat.line(ct, ConntrackFormat.LIST, ct.timeoutSeconds(now), null)).append('\n');
                    NfConntrackCore.deleteByUser(ct);
                    n++;
                }
                err.println(PFX + n + " flow entries have been deleted.");
                out.print(sb);
                out.flush();
                return n > 0 ? 0 : 1;
            }
            case 'E' -> {
                return events(ctx, net, a);
            }
            case 'S' -> {
                // ctnetlink's per-CPU stats (the recording host has 2 CPUs); nsnet keeps one set, shown as cpu 0.
                for (int cpu = 0; cpu < 2; cpu++) {
                    boolean z = cpu != 0;
                    ctx.out().printf("cpu=%-4d\tfound=0 invalid=%d insert=0 insert_failed=%d drop=%d early_drop=%d error=%d "
                            + "search_restart=0 clash_resolve=%d chaintoolong=0 %n", cpu, z ? 0 : net.statInvalid,
                            z ? 0 : net.statInsertFailed, z ? 0 : net.statDrop, z ? 0 : net.statEarlyDrop,
                            z ? 0 : net.statError, z ? 0 : net.statClashResolve);
                }
                return 0;
            }
            default -> {
                err.println("conntrack: " + ConntrackArgs.commandOption(a.command) + " is not supported by nsnet");
                return 2;
            }
        }
    }

    /** conntrack -E: prints each event as it happens until SIGINT/SIGTERM, then the count. */
    private static int events(ToolContext ctx, NfConntrackNet net, ConntrackArgs a) {
        ArrayDeque<String> queue = new ArrayDeque<>();
        boolean[] stop = {false};
        int[] shown = {0};
        NfConntrackEvents.Listener l = (type, ct, timeout) -> {
            if ((a.eventMask & (1 << type)) == 0 || !a.filter.matches(ct)) return;
            String name = type == NfConntrackEvents.NEW ? "NEW" : type == NfConntrackEvents.UPDATE ? "UPDATE" : "DESTROY";
            queue.add(ConntrackFormat.line(ct, ConntrackFormat.EVENT, timeout, name)
                    + (type == NfConntrackEvents.DESTROY && ct.deletedByUser() ? " [USERSPACE] portid=" + ctx.process().pid : ""));
        };
        ctx.onSignal(Task.SIGINT, () -> stop[0] = true);
        ctx.onSignal(Task.SIGTERM, () -> stop[0] = true);
        NfConntrackEvents.listen(net, l);
        PrintStream out = ctx.fullyBufferedStdout();
        try {
            while (true) {
                ctx.waitFor(() -> stop[0] || !queue.isEmpty(), Long.MAX_VALUE);
                while (!queue.isEmpty()) {
                    out.println(queue.poll());
                    out.flush();
                    shown[0]++;
                }
                if (stop[0]) break;
            }
        } finally {
            NfConntrackEvents.unlisten(net, l);
        }
        ctx.err().println(PFX + shown[0] + " flow events have been shown.");
        return 0;
    }
}
