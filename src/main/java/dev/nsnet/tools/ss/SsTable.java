package dev.nsnet.tools.ss;

import java.util.ArrayList;
import java.util.List;

/**
 * ss's output buffer and renderer (misc/ss.c: out(), field_next(), render_calc_width(),
 * render()): every field of every line is kept as a token, the header included; when printing
 * to a pipe or file (compact output, no terminal width) a column is as wide as its longest token
 * plus its left delimiter, address columns are right-aligned, and an empty column takes no room.
 */
final class SsTable {
    static final int NETID = 0, STATE = 1, RECVQ = 2, SENDQ = 3, ADDR = 4, SERV = 5, RADDR = 6, RSERV = 7, EXT = 8,
            PROC = 9, COLS = 10;
    private static final String[] HEADER = {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port",
        "Peer Address:", "Port", "Process", ""};
    private static final String[] LDELIM = {"", " ", " ", " ", " ", "", " ", "", "", ""};
    private static final boolean[] RIGHT = {false, false, false, false, true, false, true, false, false, false};

    final boolean[] disabled = new boolean[COLS];
    /** Tokens in order; each belongs to the next enabled column, wrapping after PROC. */
    private final List<String> tokens = new ArrayList<>();
    private int rows;

    /** print_header(): every enabled column's title except the last (whose token stays open, empty). */
    void header() {
        for (int c = 0; c < PROC; c++) if (!disabled[c]) tokens.add(HEADER[c]);
    }

    /** One line: the values of columns NETID..PROC (null or "" for nothing). */
    void row(String... values) {
        rows++;
        if (!tokens.isEmpty() && tokens.size() % enabledCount() != 0) tokens.add(""); // the open PROC token
        for (int c = 0; c < COLS; c++) {
            if (disabled[c]) continue;
            String v = c < values.length && values[c] != null ? values[c] : "";
            tokens.add(v);
        }
    }

    private int enabledCount() {
        int n = 0;
        for (boolean d : disabled) if (!d) n++;
        return n;
    }

    String render() {
        if (tokens.isEmpty()) return "";
        int n = enabledCount();
        List<String> t = new ArrayList<>(tokens);
        while (t.size() % n != 0) t.add("");
        int[] cols = new int[n];
        for (int c = 0, i = 0; c < COLS; c++) if (!disabled[c]) cols[i++] = c;
        int[] max = new int[n];
        // a token's length counts when its field is flushed: the last line's extension token (the
        // field still open when ss renders) does not widen its column
        int lastExt = -1;
        for (int i = 0; i < n; i++) if (cols[i] == EXT) lastExt = t.size() - n + i;
        for (int k = 0; k < t.size(); k++) {
            if (k == lastExt && rows > 0) continue;
            max[k % n] = Math.max(max[k % n], t.get(k).length());
        }
        int[] width = new int[n];
        boolean first = true;
        for (int i = 0; i < n; i++) {
            width[i] = !first && max[i] > 0 ? max[i] + LDELIM[cols[i]].length() : max[i];
            if (width[i] > 0) first = false;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < t.size(); k++) {
            int i = k % n;
            int c = cols[i];
            int printed = 0;
            if (i > 0) {
                sb.append(LDELIM[c]);
                printed = LDELIM[c].length();
            }
            String tok = t.get(k);
            if (width[i] > 0 && RIGHT[c]) {
                int s = width[i] - tok.length() - printed;
                if (s > 0) {
                    sb.append(" ".repeat(s));
                    printed += s;
                }
            }
            sb.append(tok);
            printed += tok.length();
            if (width[i] > 0 && !RIGHT[c] && width[i] - printed > 0) sb.append(" ".repeat(width[i] - printed));
            if (i == n - 1) sb.append('\n');
        }
        return sb.toString();
    }
}
