package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;

/**
 * A transcript cut into one block per command: the command line and what followed its {@code $ }
 * line (output and {@code [exit N]}), using the script's own lines to recognise where each block
 * starts, so that an output line that happens to begin with {@code $ } is not mistaken for one.
 */
public final class Blocks {
    private Blocks() { }

    /** One command's part of a transcript. */
    public record Block(String command, String body) { }

    public static List<Block> split(String transcript, List<String> commands) {
        List<Block> out = new ArrayList<>();
        String[] lines = transcript.split("\n", -1);
        int next = 0;
        String cur = null;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (i == lines.length - 1 && l.isEmpty()) break;
            boolean starts = next < commands.size() ? l.equals("$ " + commands.get(next))
                    : l.startsWith("$ ") && commands.isEmpty();
            if (starts) {
                if (cur != null) out.add(new Block(cur, body.toString()));
                cur = l.substring(2);
                body.setLength(0);
                next++;
            } else if (cur != null) {
                body.append(l).append('\n');
            }
        }
        if (cur != null) out.add(new Block(cur, body.toString()));
        return out;
    }
}
