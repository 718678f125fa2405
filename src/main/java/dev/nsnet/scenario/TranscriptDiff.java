package dev.nsnet.scenario;

import java.util.List;

/**
 * Compares two transcripts line by line after {@link Normalizer} and describes the first
 * difference readably: the command that produced it, the line number, what was expected and
 * what came out, with a little context.
 */
public final class TranscriptDiff {
    private TranscriptDiff() { }

    private static final int CONTEXT = 3;
    private static final int SHOWN = 8;

    /** Null when the normalised transcripts are equal, else a description of the first difference. */
    public static String diff(String expected, String actual) {
        return diff(expected, actual, "expected from the real kernel", "nsnet");
    }

    /** As {@link #diff(String, String)}, naming the two sides ("-" is {@code expectedLabel}). */
    public static String diff(String expected, String actual, String expectedLabel, String actualLabel) {
        List<String> e = Normalizer.normalize(expected).lines().toList();
        List<String> a = Normalizer.normalize(actual).lines().toList();
        int n = Math.min(e.size(), a.size());
        int i = 0;
        while (i < n && e.get(i).equals(a.get(i))) i++;
        if (i == e.size() && i == a.size()) return null;
        StringBuilder sb = new StringBuilder();
        String cmd = null;
        for (int k = Math.min(i, e.size() - 1); k >= 0; k--) {
            if (k < e.size() && e.get(k).startsWith("$ ")) { cmd = e.get(k); break; }
        }
        sb.append("first difference at line ").append(i + 1);
        if (cmd != null) sb.append(", in the output of `").append(cmd.substring(2)).append('`');
        sb.append('\n');
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) sb.append("    ").append(e.get(k)).append('\n');
        for (int k = i; k < Math.min(e.size(), i + SHOWN); k++) sb.append("  - ").append(e.get(k)).append('\n');
        if (i >= e.size()) sb.append("  - (").append(expectedLabel).append(": transcript ends here)\n");
        for (int k = i; k < Math.min(a.size(), i + SHOWN); k++) sb.append("  + ").append(a.get(k)).append('\n');
        if (i >= a.size()) sb.append("  + (").append(actualLabel).append(": transcript ends here)\n");
        sb.append("(- ").append(expectedLabel).append(", + ").append(actualLabel).append("; ").append(e.size()).append(" vs ")
                .append(a.size()).append(" lines)");
        return sb.toString();
    }
}
