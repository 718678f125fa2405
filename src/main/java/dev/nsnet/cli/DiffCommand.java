package dev.nsnet.cli;

import dev.nsnet.referee.Differ;
import dev.nsnet.referee.Divergence;
import dev.nsnet.referee.KernelRunner;
import dev.nsnet.referee.NsnetRunner;
import dev.nsnet.referee.StateDump;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet diff FILE}: the real kernel as referee. Runs the script in nsnet and on the real
 * kernel (a fresh sandbox made by scripts/record-golden.sh) and shows the first command whose
 * normalised output differs, then the state of both worlds just after it.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Run a scenario script both in nsnet and on the real kernel (in a private sandbox; needs root) "
                + "and show the first command whose output differs, with the state of both worlds just after it "
                + "(ip -d link, addresses, routes of all tables, neighbours, rules; per namespace).",
                "Exits 0 when the normalised transcripts are identical, 1 when they differ, 2 on errors."})
final class DiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "nsnet's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-state", description = "Do not dump the state of both worlds after the differing command.")
    boolean noState;

    @Parameters(paramLabel = "FILE", description = "The scenario script; - reads it from standard input.")
    String file;

    @Override
    public Integer call() {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        ScriptFiles.Loaded loaded = ScriptFiles.load(file, err);
        if (loaded.script() == null) return 2;
        if (!KernelRunner.isRoot()) {
            err.println("nsnet diff: " + KernelRunner.NEEDS_ROOT);
            err.flush();
            return 2;
        }
        List<String> cmds = loaded.script().lines().stream().map(l -> l.text()).toList();
        String text = String.join("\n", cmds) + "\n";
        try {
            KernelRunner kernel = KernelRunner.locate();
            NsnetRunner nsnet = new NsnetRunner(seed);
            String k = kernel.run(text);
            String s = nsnet.run(text);
            Divergence d = Differ.first(cmds, k, s);
            if (d == null) {
                out.println("identical: " + cmds.size() + " commands, the same output in nsnet and on the real kernel");
                out.flush();
                return 0;
            }
            out.print(Differ.render(d, cmds.size()));
            if (d.index() < cmds.size()) {
                out.println("(" + file + " line " + loaded.script().lines().get(d.index()).number() + ")");
            }
            if (!noState) {
                List<String> prefix = cmds.subList(0, Math.min(cmds.size(), d.index() + 1));
                String dump = StateDump.script(prefix);
                out.println();
                out.println("state of both worlds just after command " + (d.index() + 1)
                        + " (- real kernel, + nsnet, unmarked: the same in both):");
                out.print(StateDump.render(prefix, kernel.run(dump), nsnet.run(dump)));
            }
            out.flush();
            return 1;
        } catch (KernelRunner.KernelRunException e) {
            out.flush();
            err.println("nsnet diff: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
