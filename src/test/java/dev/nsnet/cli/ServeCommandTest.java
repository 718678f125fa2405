package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nsnet serve}'s command line: its mistakes, and a server that runs a script first. */
class ServeCommandTest {
    record Run(int status, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(rc, out.toString(), err.toString());
    }

    @Test
    void badPortAndMissingFile() {
        Run r = run("serve", "--port", "70000");
        assertEquals(2, r.status());
        assertEquals("nsnet serve: --port must be 0..65535, not 70000\n", r.err());
        r = run("serve", "--port", "0", "/nonexistent/world.sh");
        assertEquals(127, r.status());
        assertEquals("nsnet: /nonexistent/world.sh: No such file or directory\n", r.err());
        r = run("serve", "--port", "0", "--cluster", "/nonexistent/c.yaml");
        assertEquals(1, r.status());
        assertEquals("nsnet cluster: /nonexistent/c.yaml: cannot read: No such file or directory\n", r.err());
        r = run("serve", "--bind", "203.0.113.77", "--port", "0");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("nsnet serve: cannot listen on 203.0.113.77:0: "), r.err());
    }

    @Test
    void servesACluster() throws Exception {
        CompletableFuture<Run> f = CompletableFuture.supplyAsync(() -> run("serve", "--port", "0", "--cluster", "examples/clusters/flannel-vxlan.yaml"));
        for (int i = 0; i < 600 && ServeCommand.running == null; i++) Thread.sleep(50);
        try {
            assertTrue(ServeCommand.running != null, "server started");
            String base = "http://127.0.0.1:" + ServeCommand.running.port();
            HttpClient http = HttpClient.newHttpClient();
            String world = http.send(HttpRequest.newBuilder(URI.create(base + "/api/world")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String id : new String[] {"h:node1", "h:node2", "h:node3", "d:node2/web-1/eth0", "d:node3/root/flannel.1"}) {
                assertTrue(world.contains("\"id\":\"" + id + "\""), id);
            }
            assertTrue(world.contains("\"kind\":\"tunnel\""));
            String hist = http.send(HttpRequest.newBuilder(URI.create(base + "/api/history")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(hist.contains("\"cmd\":\"# nsnet serve --cluster examples/clusters/flannel-vxlan.yaml\""), hist);
        } finally {
            ServeCommand.stop.countDown();
        }
        assertEquals(0, f.get().status());
    }

    @Test
    void servesTheWorldAScriptBuilt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("world.sh");
        Files.writeString(script, "ip netns add web1\nip link add v1 type veth peer name eth0 netns web1\nip link show nosuch\n"
                + "ip link add ipv1 link v1 type ipvlan mode l2\n");
        CompletableFuture<Run> f = CompletableFuture.supplyAsync(() -> run("serve", "--port", "0", "--kernel", "full", script.toString()));
        for (int i = 0; i < 600 && ServeCommand.running == null; i++) Thread.sleep(50);
        try {
            assertTrue(ServeCommand.running != null, "server started");
            String base = "http://127.0.0.1:" + ServeCommand.running.port();
            HttpClient http = HttpClient.newHttpClient();
            String world = http.send(HttpRequest.newBuilder(URI.create(base + "/api/world")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(world.contains("\"id\":\"d:nsnet/web1/eth0\""), world);
            assertTrue(world.contains("\"kind\":\"veth\",\"a\":\"d:nsnet/web1/eth0\",\"b\":\"d:nsnet/root/v1\""), world);
            String hist = http.send(HttpRequest.newBuilder(URI.create(base + "/api/history")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(hist.contains("\"cmd\":\"# nsnet serve world.sh\""), hist);
            assertTrue(hist.contains("Device \\\"nosuch\\\" does not exist."), hist);
            assertTrue(world.contains("\"kind\":\"lower\",\"a\":\"d:nsnet/root/ipv1\",\"b\":\"d:nsnet/root/v1\""), "--kernel full has ipvlan: " + world);
        } finally {
            ServeCommand.stop.countDown();
        }
        Run r = f.get();
        assertEquals(0, r.status());
        assertTrue(r.out().matches("nsnet serve: http://127\\.0\\.0\\.1:\\d+/  \\(Ctrl-C stops it\\)\n"), r.out());
    }
}
