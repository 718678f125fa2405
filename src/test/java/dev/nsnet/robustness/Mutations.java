package dev.nsnet.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Seeded mutations of one command line's words: drop an argument, duplicate one, swap two, or
 * replace one with a token from a pool of values that break naive parsers. The command name
 * (word 0) is kept, so the mutation reaches the tool's argument parser.
 */
final class Mutations {
    private Mutations() { }

    /** Values that break naive parsers: empty, dashes, out-of-range numbers, bad addresses, format strings... */
    static final List<String> POOL = List.of(
            "", "-", "--", "-1", "0", "4294967296", "99999999999999999999", "1.2.3.4.5", "10.0.0.1/33",
            "ff:ff", "::1", "nope", "dev", "up", "x".repeat(300), "ünïcødé-日本-\u0000-\u202e", "%d", "a b",
            "%s%s%n", "-999999999999", "0x", "1e9", "10.0.0.1/-1", "255.255.255.256", "/", "1/", "=", "-n", "-c",
            "help", "all", "-j", "netns", "master");

    /** One mutated command: what was done (for messages) and the words. */
    record Mutant(String how, List<String> words, String suffix) {
        String line() { return Mutations.line(words) + suffix; }
    }

    /** {@code count} mutants of {@code words} (their lines end in {@code suffix}, e.g. " &"), drawn from {@code rnd}. */
    static List<Mutant> of(List<String> words, Random rnd, int count, String suffix) {
        List<Mutant> out = new ArrayList<>();
        int n = words.size();
        for (int k = 0; k < count; k++) {
            List<String> w = new ArrayList<>(words);
            int op = n < 2 ? 3 : rnd.nextInt(4);
            int i = n < 2 ? 1 : 1 + rnd.nextInt(n - 1);
            String how;
            switch (op) {
                case 0 -> { how = "drop " + i; w.remove(i); }
                case 1 -> { how = "dup " + i; w.add(i, w.get(i)); }
                case 2 -> {
                    int j = 1 + rnd.nextInt(n - 1);
                    how = "swap " + i + "," + j;
                    String t = w.get(i);
                    w.set(i, w.get(j));
                    w.set(j, t);
                }
                default -> {
                    String tok = POOL.get(rnd.nextInt(POOL.size()));
                    if (i >= n) { how = "append"; w.add(tok); }
                    else { how = "replace " + i; w.set(i, tok); }
                }
            }
            out.add(new Mutant(how, w, suffix));
        }
        return out;
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** The words as one script line that ShellWords splits back into exactly these words. */
    static String line(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) b.append(' ');
            if (PLAIN.matcher(w).matches()) b.append(w);
            else b.append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return b.toString();
    }
}
