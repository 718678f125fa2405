package dev.nsnet.robustness;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The exceptions to {@link MutationTest}'s rules, each with its reason: crashes found in files
 * other engineers own (listed in docs/robustness.md until they are fixed there), and failing
 * commands that change the state on Linux too.
 */
final class KnownIssues {
    private KnownIssues() { }

    /** A crash that is known: the mutated line and the output match; {@code file} is where it must be fixed. */
    record Crash(String file, Pattern line, Pattern output) { }

    static final List<Crash> CRASHES = List.of(
    );

    /** The file of a known crash for this line and output, or null. */
    static String knownCrash(String line, String output) {
        for (Crash c : CRASHES) {
            if (c.line.matcher(line).find() && c.output.matcher(output).find()) return c.file + " " + c.output.pattern();
        }
        return null;
    }

    /**
     * Whether the command sends packets (ping, also under ip netns exec): a ping that gets no
     * reply fails (exit 1) after its packets made the bridges learn, as on Linux.
     */
    static boolean sendsTraffic(List<String> words) {
        return words.contains("ping");
    }

    /** Why this failing command may change the state (as it does on Linux), or null. */
    static String allowedStateChange(List<String> words, int status) {
        return null;
    }
}
