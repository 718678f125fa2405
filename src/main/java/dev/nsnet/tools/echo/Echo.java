package dev.nsnet.tools.echo;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * bash's builtin {@code echo} (the one a scenario line gets, since lines run under {@code bash -c}):
 * leading words made only of {@code n}, {@code e}, {@code E} after a dash are options ({@code -n} no
 * newline, {@code -e} interpret escapes, {@code -E} do not); the first other word ends them. The
 * words are joined by single spaces. With {@code -e}, {@code \c} stops all output.
 */
public final class Echo implements Tool {
    @Override
    public String name() { return "echo"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        boolean newline = true, escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || a.charAt(0) != '-' || !a.substring(1).chars().allMatch(c -> "neE".indexOf(c) >= 0)) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else if (c == 'e') escapes = true;
                else escapes = false;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < args.size(); k++) {
            if (k > i) sb.append(' ');
            if (escapes) {
                if (unescape(args.get(k), sb)) { ctx.out().print(sb); ctx.out().flush(); return 0; }
            } else {
                sb.append(args.get(k));
            }
        }
        if (newline) sb.append('\n');
        ctx.out().print(sb);
        ctx.out().flush();
        return 0;
    }

    /** Appends {@code s} with echo -e escapes interpreted; true when {@code \c} ended the output. */
    static boolean unescape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) { sb.append(c); continue; }
            char d = s.charAt(++i);
            switch (d) {
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'c' -> { return true; }
                case 'e', 'E' -> sb.append('\u001b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '\\' -> sb.append('\\');
                case '0' -> { // \0nnn: up to three octal digits
                    int v = 0, k = 0;
                    while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                        v = v * 8 + (s.charAt(++i) - '0');
                        k++;
                    }
                    sb.append((char) (v & 0xff));
                }
                case 'x' -> { // \xHH: one or two hex digits
                    int v = 0, k = 0;
                    while (k < 2 && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(++i), 16);
                        k++;
                    }
                    if (k == 0) sb.append("\\x");
                    else sb.append((char) v);
                }
                default -> sb.append('\\').append(d);
            }
        }
        return false;
    }
}
