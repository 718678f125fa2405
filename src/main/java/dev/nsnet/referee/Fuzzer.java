package dev.nsnet.referee;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Differential fuzzing: for each seed, the generated script runs in nsnet and on the real kernel;
 * a divergence is looked up in the known differences, else confirmed (the kernel side is run a
 * second time: a kernel that disagrees with itself is flakiness, not an nsnet bug), shrunk to a
 * minimal script that still diverges at the same command, and written out as a scenario.
 */
public final class Fuzzer {
    /** What happened to one seed. */
    public enum Outcome { AGREE, KNOWN, NEW, FLAKY, ERROR, NOT_RUN }

    /** One seed's result: the outcome, the divergence (if any), and where its scenario was written. */
    public record SeedResult(long seed, Outcome outcome, Divergence divergence, String detail) { }

    private final KernelRunner kernel;
    private final NsnetRunner nsnet = new NsnetRunner(1);
    private final KnownDifferences known;
    private final Path outDir;
    private final int shrinkBudget;
    /** Agreement per command family: [agreeing commands, diverging commands]. */
    private final Map<String, int[]> families = new TreeMap<>();
    private final Map<String, Long> shrunkShapes = new ConcurrentHashMap<>();
    private final Set<Long> written = ConcurrentHashMap.newKeySet();
    private int version = ScriptGenerator.VERSION;

    public Fuzzer(KernelRunner kernel, KnownDifferences known, Path outDir, int shrinkBudget) {
        this.kernel = kernel;
        this.known = known;
        this.outDir = outDir;
        this.shrinkBudget = shrinkBudget;
    }

    /** Generates the scripts as generator {@code v} did (older versions reproduce older reports). */
    public Fuzzer generatorVersion(int v) {
        if (v < 1 || v > ScriptGenerator.VERSION) throw new IllegalArgumentException("no generator version " + v + " (1.." + ScriptGenerator.VERSION + ")");
        version = v;
        return this;
    }

    private synchronized String runNsnet(String text) { return nsnet.run(text); }

    private Divergence compare(String text) throws KernelRunner.KernelRunException {
        List<String> cmds = Differ.commands(text);
        String s = runNsnet(text);
        String k = kernel.run(text);
        return Differ.first(cmds, k, s);
    }

    private synchronized void count(List<String> cmds, Divergence d) {
        int last = d == null ? cmds.size() - 1 : d.index();
        for (int i = 0; i <= last && i < cmds.size(); i++) {
            int[] c = families.computeIfAbsent(Families.of(cmds.get(i)), f -> new int[2]);
            c[d != null && i == d.index() ? 1 : 0]++;
        }
    }

    /** Runs one seed. */
    public SeedResult runSeed(long seed) {
        List<Unit> units = ScriptGenerator.generate(seed, version);
        String text = Unit.text(units);
        List<String> cmds = Differ.commands(text);
        try {
            Divergence d = compare(text);
            if (d == null) {
                count(cmds, null);
                return new SeedResult(seed, Outcome.AGREE, null, "");
            }
            KnownDifferences.Entry e = known.match(d);
            if (e != null) {
                count(cmds, d);
                return new SeedResult(seed, Outcome.KNOWN, d, e.reason());
            }
            String k2 = kernel.run(text);
            Divergence again = Differ.first(cmds, k2, runNsnet(text));
            if (again == null || again.index() != d.index() || !again.kernel().equals(d.kernel())) {
                // what the kernel's two runs printed for that command (the second run's block is
                // nsnet's when it agreed with nsnet), so the race can be found and designed away
                String second = again == null ? d.nsnet() : again.index() == d.index() ? again.kernel() : "(differs later)\n";
                StringBuilder why = new StringBuilder("the real kernel printed something else on a second run:");
                for (String l : UnifiedDiff.lines(d.kernel(), second)) if (!l.startsWith(" ")) why.append(" | ").append(l);
                return new SeedResult(seed, Outcome.FLAKY, d, why.toString());
            }
            count(cmds, d);
            String shape = shape(d);
            Long first = shrunkShapes.putIfAbsent(shape, seed);
            if (first != null) return new SeedResult(seed, Outcome.NEW, d, "same shape as seed " + first + " (not shrunk again)");
            if (outDir == null) return new SeedResult(seed, Outcome.NEW, d, "not shrunk (no output directory)");
            return new SeedResult(seed, Outcome.NEW, d, write(seed, units, d));
        } catch (KernelRunner.KernelRunException ex) {
            return new SeedResult(seed, Outcome.ERROR, null, ex.getMessage());
        } catch (RuntimeException ex) {
            return new SeedResult(seed, Outcome.ERROR, null, "nsnet fuzz failed on this seed: " + ex);
        }
    }

    /** What a divergence looks like with names and numbers blanked, to shrink each kind once per run. */
    static String shape(Divergence d) {
        String first = d.diffLines().stream().filter(l -> !l.startsWith(" ")).findFirst().orElse("");
        String s = Families.of(d.command()) + " | " + first;
        return s.replaceAll("\\b(veth|eth|br)\\d\\b", "DEV").replaceAll("[0-9a-f]{2}(:[0-9a-f]{2}){5}", "MAC")
                .replaceAll("[0-9]+", "N");
    }

    /** Shrinks {@code units} to a minimal script diverging at the same command and writes fuzz/seed-N.sh. */
    private String write(long seed, List<Unit> units, Divergence d) throws KernelRunner.KernelRunException {
        // nothing after the differing command matters
        List<Unit> upTo = new ArrayList<>();
        int seen = 0;
        for (Unit u : units) {
            upTo.add(u);
            seen += u.lines().size();
            if (seen > d.index()) break;
        }
        Unit target = upTo.get(upTo.size() - 1);
        String cmd = d.command();
        KernelRunner.KernelRunException[] failure = new KernelRunner.KernelRunException[1];
        java.util.function.Predicate<List<Unit>> oracle = c -> {
            try {
                Divergence x = compare(Unit.text(c));
                return x != null && x.command().equals(cmd) && known.match(x) == null;
            } catch (KernelRunner.KernelRunException ex) {
                failure[0] = ex;
                return false;
            }
        };
        Shrinker.Result<Unit> res = Shrinker.shrink(upTo, u -> u.kind() == Unit.Kind.STEP && u != target, oracle, shrinkBudget);
        List<Unit> min = res.items();
        List<Unit> pruned = Waits.prune(min);
        if (pruned.size() < min.size() && oracle.test(pruned)) min = pruned;
        if (failure[0] != null && min == upTo) throw failure[0];
        Divergence fin;
        try {
            fin = compare(Unit.text(min));
        } catch (KernelRunner.KernelRunException ex) {
            fin = d;
        }
        if (fin == null) fin = d;
        StringBuilder sb = new StringBuilder();
        sb.append("# fuzz seed ").append(seed).append(": nsnet differs from the real kernel in `").append(fin.command())
                .append("` (shrunk from ").append(Differ.commands(Unit.text(units)).size()).append(" to ")
                .append(Differ.commands(Unit.text(min)).size()).append(" commands)\n");
        for (String l : fin.diffLines()) sb.append("#   ").append(l).append('\n');
        sb.append(Unit.text(min));
        try {
            Files.createDirectories(outDir);
            Path f = outDir.resolve("seed-" + seed + ".sh");
            Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
            written.add(seed);
            return "minimal script " + f + " (" + res.calls() + " shrink runs)";
        } catch (IOException ex) {
            return "cannot write the minimal script: " + ex.getMessage();
        }
    }

    /**
     * Runs seeds {@code from..to} on {@code jobs} threads, printing one line per seed that did not
     * agree and a summary; returns the results in seed order.
     */
    public List<SeedResult> run(long from, long to, int jobs, PrintStream log) {
        return run(from, to, jobs, log, Long.MAX_VALUE);
    }

    /**
     * As {@link #run(long, long, int, PrintStream)}, but seeds not started within {@code timeLimitMs}
     * of wall-clock time are not run (outcome NOT_RUN, left out of the summary).
     */
    public List<SeedResult> run(long from, long to, int jobs, PrintStream log, long timeLimitMs) {
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<SeedResult>> fs = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        long total = to - from + 1;
        for (long s = from; s <= to; s++) {
            long seed = s;
            fs.add(pool.submit(() -> {
                if (timeLimitMs != Long.MAX_VALUE && System.currentTimeMillis() - start > timeLimitMs) {
                    return new SeedResult(seed, Outcome.NOT_RUN, null, "time limit");
                }
                SeedResult r = runSeed(seed);
                int n = done.incrementAndGet();
                synchronized (log) {
                    if (r.outcome() != Outcome.AGREE) {
                        log.println("seed " + seed + ": " + r.outcome() + (r.divergence() == null ? "" : " at `"
                                + r.divergence().command() + "`") + (r.detail().isEmpty() ? "" : ": " + r.detail()));
                    }
                    if (n % 50 == 0) log.println("... " + n + "/" + total + " seeds");
                    log.flush();
                }
                return r;
            }));
        }
        List<SeedResult> out = new ArrayList<>();
        try {
            for (int i = 0; i < fs.size(); i++) {
                try {
                    out.add(fs.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(new SeedResult(from + i, Outcome.ERROR, null, "nsnet fuzz failed on this seed: " + e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** The summary: outcomes, then agreement per command family. */
    public synchronized String summary(List<SeedResult> results) {
        Map<Outcome, Integer> by = new TreeMap<>();
        for (SeedResult r : results) by.merge(r.outcome(), 1, Integer::sum);
        StringBuilder sb = new StringBuilder();
        long ran = results.stream().filter(r -> r.outcome() != Outcome.NOT_RUN).count();
        sb.append(ran).append(" seeds");
        if (ran > 0) {
            sb.append(" (").append(results.stream().filter(r -> r.outcome() != Outcome.NOT_RUN).mapToLong(SeedResult::seed).min().getAsLong())
                    .append("..").append(results.stream().filter(r -> r.outcome() != Outcome.NOT_RUN).mapToLong(SeedResult::seed).max().getAsLong())
                    .append(')');
        }
        sb.append(", generator version ").append(version).append(':');
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.NOT_RUN) sb.append(' ').append(o.name().toLowerCase()).append(' ').append(by.getOrDefault(o, 0));
        }
        if (by.containsKey(Outcome.NOT_RUN)) sb.append(" (").append(by.get(Outcome.NOT_RUN)).append(" not run: time limit)");
        sb.append('\n');
        sb.append(String.format("%-16s %9s %9s %9s%n", "family", "agree", "differ", "agree%"));
        int ta = 0, td = 0;
        for (Map.Entry<String, int[]> e : families.entrySet()) {
            int a = e.getValue()[0], d = e.getValue()[1];
            ta += a;
            td += d;
            sb.append(String.format("%-16s %9d %9d %8.2f%%%n", e.getKey(), a, d, 100.0 * a / Math.max(1, a + d)));
        }
        sb.append(String.format("%-16s %9d %9d %8.2f%%%n", "all", ta, td, 100.0 * ta / Math.max(1, ta + td)));
        return sb.toString();
    }
}
