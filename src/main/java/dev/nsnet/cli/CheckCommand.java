package dev.nsnet.cli;

import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import dev.nsnet.scenario.TranscriptDiff;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet check NAME.sh...}: replays scenarios and compares each normalised transcript with the
 * recorded {@code NAME.out} beside it, the comparison the golden test suite makes.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Replay scenario scripts and compare their transcripts with the recorded NAME.out "
                + "files beside them (after normalising ping times and iptables-save dates).",
                "Prints PASS or FAIL per scenario (with the first difference); exits 0 when all pass, 1 otherwise."})
final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Print only the failures' names, no differences.")
    boolean quiet;

    @Option(names = "--expected-failures",
            description = "Print only the failing scenarios, one per line as golden/EXPECTED_FAILURES lists them "
                    + "(NAME and where the first difference is).")
    boolean expectedFailures;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario scripts (NAME.sh with NAME.out beside).")
    List<Path> files;

    /** NAME for golden/NAME.sh (and any other directory), examples/NAME for examples/NAME.sh. */
    static String scenarioName(Path script) {
        String n = script.getFileName().toString().replaceFirst("\\.sh$", "");
        Path parent = script.toAbsolutePath().getParent();
        return parent != null && parent.getFileName().toString().equals("examples") ? "examples/" + n : n;
    }

    /** Why a transcript could not be read, in the words of the other file errors. */
    static String whyUnreadable(Path f, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "No such file or directory";
        if (Files.isDirectory(f)) return "Is a directory";
        if (e instanceof java.nio.charset.CharacterCodingException) return "not a UTF-8 text file";
        if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied";
        return e.getMessage();
    }

    @Override
    public Integer call() {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        int pass = 0, fail = 0;
        for (Path f : files) {
            String base = f.getFileName().toString().replaceFirst("\\.sh$", "");
            Path expected = f.resolveSibling(base + ".out");
            String name = scenarioName(f);
            ScriptFiles.Loaded loaded = ScriptFiles.load(f.toString(), err);
            if (loaded.script() == null) { fail++; continue; }
            String want;
            try {
                want = Files.readString(expected, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("nsnet: " + expected + ": " + whyUnreadable(expected, e));
                fail++;
                continue;
            }
            Session session = new Session(seed);
            session.host.workingDirectory = f.toAbsolutePath().getParent(); // as the recorder runs its lines
            String got = Transcript.run(loaded.script(), session);
            String d = TranscriptDiff.diff(want, got);
            if (d == null) {
                pass++;
                if (!quiet && !expectedFailures) out.println("PASS " + name);
            } else {
                fail++;
                if (expectedFailures) {
                    out.println(name + "  " + d.lines().findFirst().orElse(""));
                    continue;
                }
                out.println("FAIL " + name);
                if (!quiet) out.println(d.indent(4).stripTrailing());
            }
        }
        if (!expectedFailures && (!quiet || fail > 0)) out.println(pass + " passed, " + fail + " failed");
        out.flush();
        return fail == 0 ? 0 : 1;
    }
}
