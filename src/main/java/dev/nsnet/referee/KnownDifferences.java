package dev.nsnet.referee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * golden/KNOWN_DIFFERENCES: divergences from the real kernel that are understood and written down.
 * One entry per line, {@code PATTERN  reason} (the first run of two or more blanks or a tab
 * separates them); {@code #} lines are comments. PATTERN is a Java regular expression searched
 * (multi-line mode) in a divergence's {@link Divergence#signature()}: the line {@code $ COMMAND},
 * then the differing lines of its block, {@code -} from the kernel and {@code +} from nsnet.
 */
public final class KnownDifferences {
    /** One entry. */
    public record Entry(Pattern pattern, String reason) { }

    private final List<Entry> entries;

    public KnownDifferences(List<Entry> entries) { this.entries = List.copyOf(entries); }

    public static KnownDifferences none() { return new KnownDifferences(List.of()); }

    public static KnownDifferences parse(String text) {
        List<Entry> l = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\t+| {2,}", 2);
            try {
                l.add(new Entry(Pattern.compile(parts[0], Pattern.MULTILINE), parts.length > 1 ? parts[1].strip() : ""));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("KNOWN_DIFFERENCES: bad pattern `" + parts[0] + "': " + e.getDescription());
            }
        }
        return new KnownDifferences(l);
    }

    public static KnownDifferences read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return none();
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The first entry matching {@code d}, or null. */
    public Entry match(Divergence d) {
        String sig = d.signature();
        for (Entry e : entries) if (e.pattern().matcher(sig).find()) return e;
        return null;
    }

    public int size() { return entries.size(); }
}
