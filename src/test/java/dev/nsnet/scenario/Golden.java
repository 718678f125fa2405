package dev.nsnet.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the golden scenarios live and which of them are known to fail (golden/EXPECTED_FAILURES). */
final class Golden {
    private Golden() { }

    static Path repo() {
        String home = System.getenv("NSNET_HOME");
        return Path.of(home != null ? home : System.getProperty("user.dir")).toAbsolutePath();
    }

    static Path dir() { return repo().resolve("golden"); }

    /** Every golden/*.sh, by name order. */
    static List<Path> scenarios() throws IOException { return scripts(dir()); }

    /** Every examples/*.sh (each has its real-kernel transcript beside it, like a golden scenario). */
    static List<Path> examples() throws IOException { return scripts(repo().resolve("examples")); }

    private static List<Path> scripts(Path d) throws IOException {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sh")).sorted().toList();
        }
    }

    /** NAME for golden/NAME.sh, examples/NAME for an example (how EXPECTED_FAILURES names them). */
    static String name(Path script) {
        String n = script.getFileName().toString().replaceFirst("\\.sh$", "");
        return script.getParent().getFileName().toString().equals("examples") ? "examples/" + n : n;
    }

    /**
     * golden/EXPECTED_FAILURES: one scenario name per line followed by the reason; blank lines and
     * lines starting with # are comments.
     */
    static Map<String, String> expectedFailures() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = dir().resolve("EXPECTED_FAILURES");
        if (!Files.exists(f)) return m;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] parts = t.split("\\s+", 2);
            m.put(parts[0], parts.length > 1 ? parts[1] : "(no reason given)");
        }
        return m;
    }
}
