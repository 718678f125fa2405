package dev.nsnet.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cluster built from a file of examples/clusters, and command lines run in it with merged output. */
final class ClusterHarness {
    final ClusterPlan plan;
    final Session session = new Session(1);
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    final PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);

    ClusterHarness(String example) throws IOException {
        this(ClusterSpec.parse(example, Files.readString(Path.of("examples/clusters", example))));
    }

    ClusterHarness(ClusterSpec spec) {
        plan = new ClusterPlan(spec);
        int failed = ClusterBuilder.build(plan, session, ps, ps);
        assertEquals(0, failed, "commands failed while building:\n" + take());
        assertEquals("", take(), "building printed something");
    }

    /** Runs a line; returns "[exit N]\n"-suffixed output like a transcript (nothing when 0). */
    String run(String line) {
        int rc = session.execute(line, ps, ps);
        return take() + (rc == 0 ? "" : "[exit " + rc + "]\n");
    }

    /** Runs {@code CMD} on a node. */
    String on(String node, String cmd) { return run("nsnet-world exec " + node + " " + cmd); }

    /** Runs {@code CMD} in a pod of a node. */
    String inPod(String pod, String cmd) { return on(plan.nodeOf(pod).name(), "ip netns exec " + pod + " " + cmd); }

    String take() {
        String s = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        return s;
    }

    /** Output background jobs wrote since the last call (they write into the same buffer). */
    void end() { session.endScript(); }
}
