package dev.nsnet.referee;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No unexplained divergence: every minimal script the fuzzer wrote to fuzz/ is explained by an entry
 * of golden/KNOWN_DIFFERENCES (checked on the divergence recorded in the script's header comment).
 */
class KnownDifferencesFileTest {
    @Test
    void everyFuzzScriptIsAKnownDifference() throws Exception {
        Path root = KernelRunner.repoRoot();
        assertNotNull(root, "no checkout found");
        KnownDifferences known = KnownDifferences.read(root.resolve("golden/KNOWN_DIFFERENCES"));
        // the file must exist; it may hold no entry at all once every divergence found is fixed
        assertTrue(Files.isRegularFile(root.resolve("golden/KNOWN_DIFFERENCES")), "golden/KNOWN_DIFFERENCES is missing");
        Path fuzz = root.resolve("fuzz");
        if (!Files.isDirectory(fuzz)) return;
        List<Path> scripts;
        try (Stream<Path> s = Files.list(fuzz)) {
            scripts = s.filter(p -> p.getFileName().toString().endsWith(".sh")).sorted().toList();
        }
        for (Path p : scripts) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            String head = lines.get(0);
            int a = head.indexOf(" in `"), b = head.lastIndexOf("` (shrunk");
            assertTrue(a > 0 && b > a, p + ": header is not a fuzz header: " + head);
            StringBuilder kernel = new StringBuilder(), nsnet = new StringBuilder();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.startsWith("#   ")) break;
                String d = l.substring(4);
                if (!d.startsWith("+")) kernel.append(d.substring(1)).append('\n');
                if (!d.startsWith("-")) nsnet.append(d.substring(1)).append('\n');
            }
            Divergence d = new Divergence(0, head.substring(a + 5, b), kernel.toString(), nsnet.toString());
            assertNotNull(known.match(d), p.getFileName() + " is not explained by golden/KNOWN_DIFFERENCES:\n" + d.signature());
        }
    }
}
