package dev.nsnet.cli;

import dev.nsnet.scenario.Session;
import dev.nsnet.web.WebServer;
import dev.nsnet.web.WebWorld;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet serve}: the web view (web.WebServer) of a world: the demo's, or the one a script
 * builds. Bound to 127.0.0.1 unless --bind names another address. Runs until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a web page that draws the world (hosts, namespaces, devices, wires), with a console "
                + "that runs the same commands as nsnet shell and the packet path of a ping or curl in red.",
                "Without FILE, --cluster or --topology the world is the demo's (node1 with two pods on cni0, a switch, "
                        + "a router, a web host); otherwise a fresh world with the cluster and topology built and the script run "
                        + "(as nsnet run). See docs/web.md."})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}: this machine only). Anyone who reaches "
                    + "another address can run commands in the emulated world.")
    String bind;

    @picocli.CommandLine.Mixin WorldOptions world;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A script to run first (- reads standard input).")
    String file;

    /** Tests stop the server through this latch instead of Ctrl-C. */
    static volatile CountDownLatch stop;
    /** The running server (tests read its port). */
    static volatile WebServer running;

    @Override
    public Integer call() throws Exception {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        if (port < 0 || port > 65535) {
            err.println("nsnet serve: --port must be 0..65535, not " + port);
            err.flush();
            return 2;
        }
        WebWorld web;
        if (file == null && this.world.cluster == null && this.world.topology == null) {
            Session session = WebWorld.demoSession(this.world.seed);
            this.world.applyKernel(session);
            this.world.attachTrace(session.emulation, err);
            web = WebWorld.demo(session);
        } else {
            ScriptFiles.Loaded loaded = file == null ? null : ScriptFiles.load(file, err);
            if (loaded != null && loaded.script() == null) return loaded.status();
            Session session = new Session(this.world.seed);
            this.world.applyKernel(session);
            if (file != null && !file.equals("-")) session.host.workingDirectory = java.nio.file.Path.of(file).toAbsolutePath().getParent();
            this.world.attachTrace(session.emulation, err);
            // what building the cluster and the topology prints goes to the console's first entry
            java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream(), be = new java.io.ByteArrayOutputStream();
            PrintStream po = new PrintStream(bo, true, java.nio.charset.StandardCharsets.UTF_8);
            PrintStream pe = new PrintStream(be, true, java.nio.charset.StandardCharsets.UTF_8);
            boolean ok = this.world.loadCluster(session, po, pe) && this.world.loadTopology(session, po, pe);
            if (!ok) {
                err.print(be.toString(java.nio.charset.StandardCharsets.UTF_8));
                err.flush();
                return 1;
            }
            StringBuilder title = new StringBuilder("# nsnet serve");
            if (this.world.cluster != null) title.append(" --cluster ").append(this.world.cluster);
            if (this.world.topology != null) title.append(" --topology ").append(this.world.topology);
            if (loaded != null) title.append(' ').append(loaded.script().name());
            web = WebWorld.over(session, title.toString(), bo.toString(java.nio.charset.StandardCharsets.UTF_8),
                    be.toString(java.nio.charset.StandardCharsets.UTF_8), loaded == null ? java.util.List.of() : WebWorld.lines(loaded.script()));
        }
        WebServer server;
        try {
            server = new WebServer(web, bind, port);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("nsnet serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        server.start();
        String host = server.address().getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        out.println("nsnet serve: http://" + host + ":" + server.port() + "/  (Ctrl-C stops it)");
        out.flush();
        CountDownLatch latch = new CountDownLatch(1);
        stop = latch; // before running: a test that sees the server stops it through this latch
        running = server;
        try {
            latch.await();
        } finally {
            server.stop();
            running = null;
        }
        return 0;
    }
}
