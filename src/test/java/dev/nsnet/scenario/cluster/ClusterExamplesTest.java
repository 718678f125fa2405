package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every examples/clusters/NAME.yaml with its NAME.sh, as a README reader runs them
 * ({@code nsnet cluster run NAME.yaml NAME.sh}): every command of the script succeeds, and every
 * ping and curl in it gets its answer.
 */
class ClusterExamplesTest {
    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("examples/clusters"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theExampleScriptRunsCleanInItsCluster(String name) throws IOException {
        Path sh = Path.of("examples/clusters", name + ".sh");
        assertTrue(Files.exists(sh), "examples/clusters/" + name + ".yaml has no " + name + ".sh beside it");
        ClusterHarness c = new ClusterHarness(name + ".yaml");
        Script script = Script.parse(sh.toString(), Files.readString(sh));
        StringBuilder all = new StringBuilder();
        int pings = 0, curls = 0;
        for (Script.Line line : script.lines()) {
            String out = c.run(line.text());
            all.append("$ ").append(line.text()).append('\n').append(out);
            assertTrue(!out.contains("[exit "), name + ".sh: a command failed:\n" + all);
            if (line.text().contains(" ping ")) {
                pings++;
                assertTrue(out.contains(" 0% packet loss"), name + ".sh: a ping got no answer:\n" + all);
            }
            if (line.text().contains(" curl ")) {
                curls++;
                assertTrue(out.contains("200"), name + ".sh: a curl got no 200:\n" + all);
            }
        }
        c.end();
        assertTrue(pings + curls > 0, name + ".sh sends no traffic");
    }
}
