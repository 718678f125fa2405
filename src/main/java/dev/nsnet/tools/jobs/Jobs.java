package dev.nsnet.tools.jobs;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's {@code jobs [-lp] [jobspec ...]} builtin: {@code [N]+  Running                 CMD &},
 * the state padded to 24 columns; {@code +} marks the current job, {@code -} the previous one.
 * In a script, ended jobs are already gone (see {@link JobTable}), so what remains is Running.
 */
public final class Jobs implements Tool, ShellBuiltin {
    @Override
    public String name() { return "jobs"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        boolean longFmt = false, pidsOnly = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (!a.startsWith("-") || a.length() == 1) break;
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'l' -> longFmt = true;
                    case 'p' -> pidsOnly = true;
                    case 'n', 'r', 's' -> { }
                    default -> {
                        ctx.err().print("bash: line 1: jobs: -" + c + ": invalid option\n"
                                + "jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n");
                        return 2;
                    }
                }
            }
        }
        JobTable table = ctx.jobs();
        List<JobTable.Job> show = new ArrayList<>();
        int status = 0;
        if (i >= args.size()) {
            if (table != null) show.addAll(table.jobs());
        } else {
            for (; i < args.size(); i++) {
                String a = args.get(i);
                JobTable.Job j = a.startsWith("%") ? JobSpec.resolve(table, a)
                        : a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 10 && table != null
                                ? table.byPid(Integer.parseInt(a)) : null;
                if (j == null) {
                    ctx.err().print("bash: line 1: jobs: " + a + ": no such job\n");
                    status = 1;
                } else {
                    show.add(j);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (JobTable.Job j : show) {
            if (pidsOnly) {
                sb.append(j.pid()).append('\n');
                continue;
            }
            char mark = j == table.current() ? '+' : j == table.previous() ? '-' : ' ';
            sb.append('[').append(j.number()).append(']').append(mark).append(' ');
            sb.append(longFmt ? String.format("%5d ", j.pid()) : " ");
            String state = state(j);
            sb.append(JobTable.pad(state));
            sb.append(state.equals("Running") ? j.text() : JobTable.stripAmp(j.text())).append('\n');
        }
        ctx.out().print(sb);
        ctx.out().flush();
        return status;
    }

    private static String state(JobTable.Job j) {
        if (!j.task().done()) return "Running";
        int st = j.task().exitStatus();
        if (st == 0) return "Done";
        if (st > 128 && Signals.name(st - 128) != null) {
            String d = Signals.description(st - 128);
            return d != null ? d : st - 128 == 15 ? "Terminated" : st - 128 == 2 ? "Interrupt" : "Done(" + st + ")";
        }
        return "Exit " + st;
    }
}
