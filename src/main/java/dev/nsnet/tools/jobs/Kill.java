package dev.nsnet.tools.jobs;

import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * bash's {@code kill [-s SIGSPEC | -n SIGNUM | -SIGSPEC] PID|JOBSPEC ...} and {@code kill -l}
 * builtin. A signal reaches the process at once; a program that installed a handler for it (ping
 * for SIGINT) handles it, any other ends the process with status 128+N. Status 0 when at least one
 * process was signalled, 1 otherwise, 2 for a usage error; messages as bash 5.2 in a script.
 */
public final class Kill implements Tool, ShellBuiltin {
    static final String USAGE =
            "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

    @Override
    public String name() { return "kill"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        int sig = 15;
        int i = 0;
        if (i < args.size() && args.get(i).equals("-l")) return list(ctx, args.subList(1, args.size()));
        if (i < args.size()) {
            String a = args.get(i);
            if (a.equals("-s") || a.equals("-n")) {
                if (i + 1 >= args.size()) {
                    ctx.err().print("bash: line 1: kill: " + a + ": option requires an argument\n");
                    return 1;
                }
                String spec = args.get(i + 1);
                sig = Signals.parse(spec);
                if (sig < 0 || (a.equals("-n") && !spec.chars().allMatch(Character::isDigit))) return badSignal(ctx, spec);
                i += 2;
            } else if (a.equals("--")) {
                i++;
            } else if (a.startsWith("-") && a.length() > 1) {
                sig = Signals.parse(a.substring(1));
                if (sig < 0) return badSignal(ctx, a.substring(1));
                i++;
            }
        }
        if (i < args.size() && args.get(i).equals("--")) i++;
        if (i >= args.size()) {
            ctx.err().print(USAGE);
            return 2;
        }
        boolean any = false;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("%")) {
                JobTable.Job j = JobSpec.resolve(ctx.jobs(), a);
                if (j == null) {
                    ctx.err().print("bash: line 1: kill: " + a + ": no such job\n");
                    continue;
                }
                ctx.emulation().processes.kill(j.task(), sig);
                any = true;
            } else if (!a.isEmpty() && (a.chars().allMatch(Character::isDigit)
                    || (a.startsWith("-") && a.length() > 1 && a.substring(1).chars().allMatch(Character::isDigit)))) {
                Process p = a.length() < 10 ? ctx.host().process(Integer.parseInt(a)) : null;
                if (p == null || p.task == null || p.task.done()) {
                    ctx.err().print("bash: line 1: kill: (" + a + ") - No such process\n");
                    continue;
                }
                ctx.emulation().processes.kill(p.task, sig);
                any = true;
            } else {
                ctx.err().print("bash: line 1: kill: " + a + ": arguments must be process or job IDs\n");
            }
        }
        ctx.err().flush();
        return any ? 0 : 1;
    }

    private static int badSignal(ToolContext ctx, String spec) {
        ctx.err().print("bash: line 1: kill: " + spec + ": invalid signal specification\n");
        return 1;
    }

    /** kill -l [SIG...]: a number prints its name, a name its number. */
    private static int list(ToolContext ctx, List<String> specs) {
        StringBuilder sb = new StringBuilder();
        int status = 0;
        if (specs.isEmpty()) {
            // bash's table: every signal that has a name (32 and 33 have none), five to a line
            int k = 0;
            for (int n = 1; n <= 64; n++) {
                if (Signals.name(n) == null) continue;
                sb.append(String.format("%2d) SIG%s", n, Signals.name(n)));
                sb.append(++k % 5 == 0 ? "\n" : "\t");
            }
            if (k % 5 != 0) sb.append('\n');
        }
        for (String s : specs) {
            boolean numeric = !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            int n;
            if (numeric) {
                // an exit status 128+N names signal N, as `kill -l $?` after a killed job
                n = s.length() < 10 ? Integer.parseInt(s) : -1;
                if (n > 128) n -= 128;
            } else {
                n = Signals.parse(s);
            }
            if (numeric && n == 0) {
                sb.append("EXIT\n"); // the shell's trap name for 0
            } else if (numeric && n > 0 && n <= 64 && Signals.name(n) == null) {
                continue; // 32 and 33 (taken by the C library) have no name: bash prints nothing
            } else if (n <= 0 || Signals.name(n) == null) {
                ctx.out().print(sb); // in the order bash writes them
                ctx.out().flush();
                sb.setLength(0);
                ctx.err().print("bash: line 1: kill: " + s + ": invalid signal specification\n");
                status = 1;
            } else {
                sb.append(numeric ? Signals.name(n) : String.valueOf(n)).append('\n');
            }
        }
        ctx.out().print(sb);
        ctx.out().flush();
        return status;
    }
}
