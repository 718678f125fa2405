package dev.nsnet.referee;

import dev.nsnet.scenario.Normalizer;
import dev.nsnet.scenario.Script;
import java.util.List;

/**
 * Finds the first command whose output differs between the two transcripts of one script (both
 * normalised with the project's {@link Normalizer}) and renders it for a person.
 */
public final class Differ {
    private Differ() { }

    /** The script's command lines, as both transcripts print them after {@code $ }. */
    public static List<String> commands(String scriptText) {
        return Script.parse("scenario", scriptText).lines().stream().map(Script.Line::text).toList();
    }

    /**
     * The first divergence, or null when the normalised transcripts agree. A transcript that stops
     * early (the kernel side was killed) diverges at its first missing command, with an empty block.
     */
    public static Divergence first(List<String> commands, String kernelTranscript, String nsnetTranscript) {
        List<Blocks.Block> k = Blocks.split(Normalizer.normalize(kernelTranscript), commands);
        List<Blocks.Block> s = Blocks.split(Normalizer.normalize(nsnetTranscript), commands);
        int n = Math.max(k.size(), s.size());
        for (int i = 0; i < n; i++) {
            String kb = i < k.size() ? k.get(i).body() : "(no output recorded: transcript ends)\n";
            String sb = i < s.size() ? s.get(i).body() : "(no output recorded: transcript ends)\n";
            if (!kb.equals(sb)) {
                String cmd = i < commands.size() ? commands.get(i) : (i < k.size() ? k.get(i) : s.get(i)).command();
                return new Divergence(i, cmd, kb, sb);
            }
        }
        return null;
    }

    /** The divergence as `nsnet diff` prints it: the command, then its block as a unified diff. */
    public static String render(Divergence d, int totalCommands) {
        StringBuilder sb = new StringBuilder();
        sb.append("first difference in command ").append(d.index() + 1).append(" of ").append(totalCommands)
                .append(": ").append(d.command()).append('\n');
        sb.append("--- real kernel\n+++ nsnet\n");
        sb.append("@@ $ ").append(d.command()).append(" @@\n");
        for (String l : d.diffLines()) sb.append(l).append('\n');
        return sb.toString();
    }
}
