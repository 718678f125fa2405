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

    // None found by the mutations of the golden lines so far (three deep runs, ~250 000 mutants). Add
    // one as new Crash("tools/ip/File.java:LINE", Pattern.compile(line), Pattern.compile(output))
    // with a comment naming the exception, and list it in docs/robustness.md.
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
     * Whether the command sends packets (ping, traceroute, nc, also under ip netns exec): a ping
     * that gets no reply fails (exit 1) after its packets made the bridges learn, as on Linux.
     */
    static boolean sendsTraffic(List<String> words) {
        return words.contains("ping") || words.contains("traceroute") || words.contains("nc");
    }

    /** Why this failing command may change the state (as it does on Linux), or null. */
    static String allowedStateChange(List<String> words, int status) {
        int set = words.indexOf("set");
        // ip [OPTIONS] link set ..., with "link" possibly abbreviated as ip accepts it
        boolean linkSet = set > 0 && words.contains("ip")
                && words.subList(0, set).stream().anyMatch(w -> !w.isEmpty() && "link".startsWith(w));
        if (!linkSet || status != 2) return null;
        List<String> args = words.subList(set + 1, words.size());
        // golden/152 records it: br_changelink() applies the bridge options one by one, so
        // `ip link set br0 type bridge ageing_time 1000 hello_time 300 mcast_snooping 0 vlan_filtering 0`
        // fails with EOPNOTSUPP after ageing_time and hello_time took effect.
        if (args.contains("type") && args.contains("bridge")) return "br_changelink applies options in order";
        // Checked with scripts/sandbox.sh: `ip link set master vpa br0 up` (vpa a veth) answers
        // "RTNETLINK answers: Operation not supported" with br0 already UP: do_setlink() changes the
        // flags before it tries IFLA_MASTER.
        if (args.contains("master") && (args.contains("up") || args.contains("down"))) {
            return "do_setlink changes flags before IFLA_MASTER";
        }
        return null;
    }
}
