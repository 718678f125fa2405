package dev.nsnet.robustness;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.ShellSyntaxException;
import dev.nsnet.scenario.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear error and leaves the world as it was. Every command line of the golden
 * scenarios and examples is replayed in nsnet; before each one, seeded mutations of it (an argument
 * dropped, duplicated, swapped, or replaced by a nasty token, {@link Mutations}) run in the world
 * the scenario's prefix built, and each must:
 * <ol>
 *   <li>not crash: no Java exception escapes the runner, no output names a Java exception or shows a
 *       stack trace (nsnet prints "internal error" and status 70 for a crash it catches);</li>
 *   <li>when it fails (status not 0), leave the configuration as it was ({@link StateSnapshot});
 *       except where Linux changes it too ({@link KnownIssues#allowedStateChange});
 *       a difference that also appears when the same virtual time just passes (a control world
 *       replayed to the same point) is time at work, not the command;</li>
 *   <li>not move the virtual clock absurdly: at most the line gap plus the 20 s line timeout.</li>
 * </ol>
 * The mutations of line {@code i} of scenario {@code S} depend only on (SEED, S, i), so adding a
 * scenario does not change the others' mutations. Crashes and hangs in files this test's owner may
 * not edit are listed in {@link KnownIssues} (and docs/robustness.md) so they stay visible.
 */
class MutationTest {
    static final long SEED = Long.getLong("nsnet.mutation.seed", 0x5eed_2026L);
    /** Mutations tried before each command line. */
    static final int PER_LINE = Integer.getInteger("nsnet.mutation.perLine", 3);
    /** Whole-run budget of mutations (keeps the test fast as scenarios are added). */
    static final int BUDGET = Integer.getInteger("nsnet.mutation.budget", 12_000);

    private static final Pattern CRASH = Pattern.compile(
            "Exception|\tat |at dev\\.nsnet|java\\.(lang|util|io|nio)\\.|internal error");

    /** A world being built by replaying a history of lines; rebuilt from it when a mutation changed it. */
    static final class Replay {
        final List<String> history = new ArrayList<>();
        Session s = new Session(1);

        void rebuild() {
            s = new Session(1);
            for (String h : history) s.capture(h);
        }

        /** A second world replayed to the same point, then left alone for {@code ns}. */
        Session control(long ns) {
            Session c = new Session(1);
            for (String h : history) c.capture(h);
            c.emulation.scheduler.sleep(ns);
            c.emulation.softirq();
            return c;
        }
    }

    /** With -Dnsnet.mutation.log=FILE every mutant, its status and first output line go to FILE. */
    static final StringBuilder LOG = System.getProperty("nsnet.mutation.log") != null ? new StringBuilder() : null;

    static final boolean TRACE = Boolean.getBoolean("nsnet.mutation.trace");
    /** Only the scenarios whose file name contains this (exploring one scenario). */
    static final String ONLY = System.getProperty("nsnet.mutation.only", "");

    final List<String> problems = new ArrayList<>();
    final Map<String, Integer> knownSeen = new LinkedHashMap<>();
    int mutations, crashes, failedMutations, controls;

    static List<Path> scripts() throws IOException {
        Path repo = Path.of(System.getProperty("user.dir"));
        List<Path> all = new ArrayList<>();
        for (String d : new String[] {"golden", "examples"}) {
            Path dir = repo.resolve(d);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".sh")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    /** The mutant running now, for the message when one hangs. */
    private volatile String current = "(none yet)";

    @Test
    void mutatedCommandsFailCleanlyAndLeaveTheWorldUnchanged() {
        // a mutant that never returns (a new kind of hang) fails the test naming it, instead of hanging the build
        assertTimeoutPreemptively(Duration.ofSeconds(Long.getLong("nsnet.mutation.timeout", 300)), this::runAll,
                () -> "hung (or too slow) running " + current);
    }

    private void runAll() throws IOException {
        List<Path> scripts = scripts();
        assertTrue(!scripts.isEmpty(), "no golden scenarios found");
        for (Path p : scripts) {
            if (mutations >= BUDGET) break;
            if (!p.getFileName().toString().contains(ONLY)) continue;
            scenario(p.getParent().getFileName() + "/" + p.getFileName(), Script.read(p));
            if (LOG != null) {
                Files.writeString(Path.of(System.getProperty("nsnet.mutation.log")), LOG,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                LOG.setLength(0);
            }
        }
        System.out.printf("robustness: %d mutations, %d failed cleanly, %d control replays, %d known crashes%n", mutations, failedMutations, controls, crashes);
        knownSeen.forEach((k, n) -> System.out.println("  known (" + n + "x): " + k));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private void scenario(String name, Script script) {
        Replay r = new Replay();
        List<Script.Line> lines = script.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).text();
            Command cmd;
            try {
                cmd = Command.parse(line);
            } catch (ShellSyntaxException e) {
                cmd = null;
            }
            // simple commands, in the foreground or as a job (`CMD &`); pipes keep their words
            List<String> words = cmd != null && cmd.stages().size() == 1 ? cmd.stages().get(0) : List.of();
            String suffix = cmd != null && cmd.background() ? " &" : "";
            Random rnd = new Random(SEED ^ (name.hashCode() * 1_000_003L + i));
            if (!words.isEmpty()) {
                for (Mutations.Mutant m : Mutations.of(words, rnd, PER_LINE, suffix)) {
                    if (mutations >= BUDGET) break;
                    mutations++;
                    mutate(name, i, r, m);
                }
            }
            Session.Result res = r.s.capture(line);
            checkOutput(name + ":" + (i + 1) + " (original line)", line, res);
            r.history.add(line);
        }
    }

    private void mutate(String name, int i, Replay r, Mutations.Mutant m) {
        String where = name + ":" + (i + 1) + " [" + m.how() + "]";
        String line = m.line();
        current = where + " `" + line + "'";
        if (TRACE) System.err.println("mutant " + current);
        String before = StateSnapshot.take(r.s);
        long t0 = r.s.emulation.now();
        Session.Result res;
        try {
            res = r.s.capture(line);
        } catch (Throwable e) {
            problems.add(where + " `" + line + "': exception escaped the runner: " + e);
            r.rebuild();
            return;
        }
        long dt = r.s.emulation.now() - t0;
        if (LOG != null) LOG.append(where).append(" `").append(line).append("' -> ").append(res.exitStatus())
                .append(": ").append(firstLine(res.output())).append('\n');
        boolean crashed = checkOutput(where, line, res);
        if (dt < Session.LINE_GAP_NS || dt > Session.LINE_GAP_NS + Session.LINE_TIMEOUT_NS) {
            problems.add(where + " `" + line + "': virtual time moved by " + dt + " ns");
        }
        if (res.exitStatus() == 0 || crashed) {
            r.rebuild(); // it may have changed the world: back to the scenario's own state
            return;
        }
        failedMutations++;
        String after = StateSnapshot.take(r.s);
        boolean traffic = KnownIssues.sendsTraffic(m.words());
        if (same(before, after, traffic)) {
            r.history.add(line);
            return;
        }
        // Did the command change the state, or did time (timers, link watch) while it ran?
        controls++;
        String control = StateSnapshot.take(r.control(dt));
        if (same(control, after, traffic)) {
            r.history.add(line);
            return;
        }
        String allowed = KnownIssues.allowedStateChange(m.words(), res.exitStatus());
        if (allowed == null) {
            problems.add(where + " `" + line + "' failed (exit " + res.exitStatus() + ": "
                    + firstLine(res.output()) + ") but changed the world:\n" + diff(control, after));
        }
        r.rebuild();
    }

    private static boolean same(String a, String b, boolean traffic) {
        return traffic ? StateSnapshot.withoutFdb(a).equals(StateSnapshot.withoutFdb(b)) : a.equals(b);
    }

    /** Records a crash (known or not); true if the line crashed. */
    private boolean checkOutput(String where, String line, Session.Result res) {
        boolean crash = res.exitStatus() == Session.INTERNAL_ERROR || CRASH.matcher(res.output()).find();
        if (!crash) return false;
        crashes++;
        String known = KnownIssues.knownCrash(line, res.output());
        if (known != null) {
            knownSeen.merge(known, 1, Integer::sum);
            return true;
        }
        problems.add(where + " `" + line + "' crashed (exit " + res.exitStatus() + "): " + firstLine(res.output()));
        return true;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        String f = nl < 0 ? t : t.substring(0, nl);
        return f.length() > 200 ? f.substring(0, 200) + "..." : f;
    }

    /** The lines only one side has, marked - (control) and + (after). */
    private static String diff(String control, String after) {
        List<String> a = List.of(control.split("\n")), b = List.of(after.split("\n"));
        StringBuilder d = new StringBuilder();
        String section = "";
        for (String l : b) {
            if (l.startsWith("## ")) section = l;
            if (!a.contains(l)) d.append("    ").append(section).append("\n    + ").append(l).append('\n');
        }
        for (String l : a) {
            if (l.startsWith("## ")) section = l;
            if (!b.contains(l)) d.append("    ").append(section).append("\n    - ").append(l).append('\n');
        }
        return d.toString();
    }
}
