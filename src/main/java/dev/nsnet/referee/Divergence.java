package dev.nsnet.referee;

import java.util.List;

/**
 * The first command whose normalised output differs between the real kernel and nsnet: its index
 * among the script's commands (0-based), the command, and both blocks (after normalising).
 */
public record Divergence(int index, String command, String kernel, String nsnet) {
    /** Lines of the block's unified diff (" " common, "-" kernel only, "+" nsnet only). */
    public List<String> diffLines() { return UnifiedDiff.lines(kernel, nsnet); }

    /**
     * The text {@link KnownDifferences} patterns are searched in: {@code $ COMMAND}, then the block's
     * differing lines ({@code -} kernel, {@code +} nsnet).
     */
    public String signature() {
        StringBuilder sb = new StringBuilder("$ ").append(command).append('\n');
        for (String l : diffLines()) if (!l.startsWith(" ")) sb.append(l).append('\n');
        return sb.toString();
    }
}
