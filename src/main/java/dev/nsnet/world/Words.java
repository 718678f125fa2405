package dev.nsnet.world;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words the way a POSIX shell splits simple words (quotes, backslash). */
public final class Words {
    private Words() { }

    /** The words of {@code line}; throws {@link WorldException} on an unterminated quote. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int j = line.indexOf(c, i + 1);
                if (j < 0) throw new WorldException("unterminated quote in: " + line);
                w.append(line, i + 1, j);
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }
}
