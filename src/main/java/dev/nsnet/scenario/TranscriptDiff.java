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
    /** Lines of each side aligned after the first difference. */
    private static final int WINDOW = 60;
    /** At most this many hunk lines are shown. */
    private static final int SHOWN = 24;

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
        // the command whose output holds the difference: the last "$ " line before it
        for (int k = Math.min(i, e.size()) - 1; k >= 0; k--) {
            if (e.get(k).startsWith("$ ")) { cmd = e.get(k); break; }
        }
        sb.append("first difference at line ").append(i + 1);
        if (cmd != null) sb.append(", in the output of `").append(cmd.substring(2)).append('`');
        sb.append('\n');
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) sb.append("    ").append(e.get(k)).append('\n');
        if (i >= e.size()) sb.append("  - (").append(expectedLabel).append(": transcript ends here)\n");
        if (i >= a.size()) sb.append("  + (").append(actualLabel).append(": transcript ends here)\n");
        hunk(sb, e.subList(i, Math.min(e.size(), i + WINDOW)), a.subList(i, Math.min(a.size(), i + WINDOW)));
        sb.append("(- ").append(expectedLabel).append(", + ").append(actualLabel).append("; ").append(e.size()).append(" vs ")
                .append(a.size()).append(" lines)");
        return sb.toString();
    }

    /**
     * Appends an aligned hunk of {@code e} against {@code a} (both starting at the first
     * difference): longest-common-subsequence alignment, so an inserted or missing line shows as
     * one {@code +} or {@code -} line instead of everything after it differing. Stops after the
     * differences are followed by {@value #CONTEXT} equal lines, or after {@value #SHOWN} lines.
     */
    private static void hunk(StringBuilder sb, List<String> e, List<String> a) {
        int n = e.size(), m = a.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = e.get(x).equals(a.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        int x = 0, y = 0, shown = 0, equalRun = 0;
        while ((x < n || y < m) && shown < SHOWN && equalRun < CONTEXT) {
            if (x < n && y < m && e.get(x).equals(a.get(y))) {
                sb.append("    ").append(e.get(x++)).append('\n');
                y++;
                equalRun++;
            } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                sb.append("  - ").append(e.get(x++)).append('\n');
                equalRun = 0;
            } else {
                sb.append("  + ").append(a.get(y++)).append('\n');
                equalRun = 0;
            }
            shown++;
        }
    }
}
