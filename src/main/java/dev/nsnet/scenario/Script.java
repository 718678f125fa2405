package dev.nsnet.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario script (CONFORMANCE.md): its command lines, trimmed, in order, with the blank lines
 * and the lines whose first non-blank character is {@code #} left out. NUL bytes are dropped, as
 * bash drops them from the script it reads.
 */
public record Script(String name, List<Line> lines) {
    /** One command line: its 1-based line number in the file and its trimmed text. */
    public record Line(int number, String text) { }

    public static Script parse(String name, String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            if (t.endsWith("\r")) t = t.substring(0, t.length() - 1);
            if (t.indexOf('\0') >= 0) t = t.replace("\0", ""); // bash drops NUL bytes from its input
            t = trim(t);
            if (t.isEmpty() || t.charAt(0) == '#') continue;
            lines.add(new Line(i + 1, t));
        }
        return new Script(name, List.copyOf(lines));
    }

    public static Script read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Trims blanks (space, tab, and the other characters bash's [[:space:]] holds). */
    static String trim(String s) {
        int a = 0, b = s.length();
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0b || c == '\f';
    }
}
