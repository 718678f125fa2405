package dev.nsnet.cli;

import dev.nsnet.referee.Fuzzer;
import dev.nsnet.referee.KernelRunner;
import dev.nsnet.referee.KnownDifferences;
import dev.nsnet.referee.ScriptGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet fuzz --seeds A..B}: differential fuzzing against the real kernel over generated
 * scripts; each new divergence is shrunk and written to {@code --out} as a scenario.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Generate a random, bounded scenario script per seed, run it in nsnet and on the real kernel "
                + "(needs root) and compare. A divergence listed in golden/KNOWN_DIFFERENCES counts as known; any other "
                + "is confirmed, shrunk to a minimal script still differing at the same command and written to "
                + "OUT/seed-N.sh. Prints a summary with the agreement per command family.",
                "Exits 0 when no unknown divergence was found, 1 otherwise, 2 on errors. "
                        + "--print SEED only prints the script of SEED (no root needed)."})
final class FuzzCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "A..B", description = "The seeds to run (inclusive), e.g. 1..200, or one seed.")
    String seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fuzz", description = "Where minimal scripts go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", description = "Seeds run at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--shrink-budget", paramLabel = "N", defaultValue = "40",
            description = "At most N kernel runs to shrink one divergence (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--known", paramLabel = "FILE", description = "Known differences (default: golden/KNOWN_DIFFERENCES of the checkout).")
    Path knownFile;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Start no seed after SECONDS of run time; the summary covers the seeds run.")
    Long timeLimit;

    @Option(names = "--generator", paramLabel = "N",
            description = "Generator version: 1 (original steps), 2 (+ iptables, nc -z, ss), 3 (+ live traffic: jobs, nc servers, "
                    + "curl, traceroute, ping options, mid-traffic link changes), 4 (+ conntrack rules, flows and the conntrack tool), "
                    + "5 (+ NAT: MASQUERADE/SNAT/DNAT/REDIRECT rules and traffic through them), 6 (+ macvlan: every mode, "
                    + "flags, moves, MAC/MTU changes, pod/wire/lower pings, lower deletion), 7 (+ vxlan: VNI, remote, local, "
                    + "dstport, learning, bridge fdb add/append/replace/del, overlay pings, changelink). Default: the newest.")
    Integer generator;

    @Option(names = "--print", paramLabel = "SEED", description = "Print the script of SEED and exit.")
    Long print;

    @Override
    public Integer call() {
        PrintStream o = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        if (print != null) {
            if (generator != null && (generator < 1 || generator > ScriptGenerator.VERSION)) {
                return usage(err, "no generator version " + generator + " (1.." + ScriptGenerator.VERSION + ")");
            }
            o.print(ScriptGenerator.script(print, generator == null ? ScriptGenerator.VERSION : generator));
            o.flush();
            return 0;
        }
        if (seeds == null) return usage(err, "missing --seeds A..B");
        long from, to;
        try {
            String[] p = seeds.split("\\.\\.", -1);
            from = Long.parseLong(p[0].strip());
            to = p.length > 1 ? Long.parseLong(p[1].strip()) : from;
        } catch (NumberFormatException e) {
            return usage(err, "bad --seeds '" + seeds + "' (want A..B)");
        }
        if (to < from) return usage(err, "bad --seeds '" + seeds + "': B is below A");
        if (!KernelRunner.isRoot()) return usage(err, KernelRunner.NEEDS_ROOT);
        try {
            KernelRunner kernel = KernelRunner.locate();
            Path root = KernelRunner.repoRoot();
            Path kf = knownFile != null ? knownFile : root.resolve("golden/KNOWN_DIFFERENCES");
            KnownDifferences known = KnownDifferences.read(kf);
            Fuzzer f = new Fuzzer(kernel, known, out, budget);
            if (generator != null) f.generatorVersion(generator);
            List<Fuzzer.SeedResult> rs = f.run(from, to, jobs, o, timeLimit == null ? Long.MAX_VALUE : timeLimit * 1000L);
            o.print(f.summary(rs));
            o.flush();
            if (rs.stream().anyMatch(r -> r.outcome() == Fuzzer.Outcome.ERROR)) return 2;
            return rs.stream().anyMatch(r -> r.outcome() == Fuzzer.Outcome.NEW) ? 1 : 0;
        } catch (KernelRunner.KernelRunException | IOException | IllegalArgumentException e) {
            err.println("nsnet fuzz: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static int usage(PrintStream err, String msg) {
        err.println("nsnet fuzz: " + msg);
        err.flush();
        return 2;
    }
}
