package dev.nsnet.tools.jobs;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's {@code wait [-n] [id ...]} builtin on the virtual clock: waits (letting time, packets and
 * the other jobs run) until the named jobs, or all of them, have ended. Its status is the last
 * waited job's, 0 with no operand, 127 for a job or PID the shell does not know.
 */
public final class Wait implements Tool, ShellBuiltin {
    @Override
    public String name() { return "wait"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        JobTable table = ctx.jobs();
        boolean next = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (!a.startsWith("-") || a.length() == 1) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') {
                    next = true;
                } else if (c != 'f') {
                    ctx.err().print("bash: line 1: wait: -" + c + ": invalid option\n"
                            + "wait: usage: wait [-fn] [-p var] [id ...]\n");
                    return 2;
                }
            }
        }
        if (i >= args.size()) {
            if (table == null || table.jobs().isEmpty()) return next ? 127 : 0;
            List<JobTable.Job> all = new ArrayList<>(table.jobs());
            if (next) {
                ctx.waitFor(() -> all.stream().anyMatch(j -> j.task().done()), Long.MAX_VALUE);
                for (JobTable.Job j : all) {
                    if (j.task().done()) {
                        table.remove(j);
                        return j.task().exitStatus();
                    }
                }
                return 127;
            }
            ctx.waitFor(() -> all.stream().allMatch(j -> j.task().done()), Long.MAX_VALUE);
            for (JobTable.Job j : all) if (j.task().done()) table.remove(j);
            return 0;
        }
        int status = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            JobTable.Job j;
            if (a.startsWith("%")) {
                j = JobSpec.resolve(table, a);
                if (j == null) {
                    ctx.err().print("bash: line 1: wait: " + a + ": no such job\n");
                    status = 127;
                    continue;
                }
            } else if (!a.isEmpty() && a.chars().allMatch(Character::isDigit)) {
                j = a.length() < 10 && table != null ? table.byPid(Integer.parseInt(a)) : null;
                if (j == null) {
                    ctx.err().print("bash: line 1: wait: pid " + a + " is not a child of this shell\n");
                    status = 127;
                    continue;
                }
            } else {
                ctx.err().print("bash: line 1: wait: `" + a + "': not a pid or valid job spec\n");
                status = 1;
                continue;
            }
            JobTable.Job job = j;
            ctx.waitFor(() -> job.task().done(), Long.MAX_VALUE);
            if (!job.task().done()) return status; // nothing left that could end it
            table.remove(job);
            status = job.task().exitStatus();
        }
        return status;
    }
}
