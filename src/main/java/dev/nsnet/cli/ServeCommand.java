package dev.nsnet.cli;

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
                "Without FILE the world is the demo's (node1 with two pods on cni0, a switch, a router, a web host); "
                        + "with FILE it is a fresh world after the script ran (as nsnet run). See docs/web.md."})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}: this machine only). Anyone who reaches "
                    + "another address can run commands in the emulated world.")
    String bind;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the emulation's random source (default: ${DEFAULT-VALUE}).")
    long seed;

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
        WebWorld world;
        if (file == null) {
            world = WebWorld.demo(seed);
        } else {
            ScriptFiles.Loaded loaded = ScriptFiles.load(file, err);
            if (loaded.script() == null) return loaded.status();
            java.nio.file.Path dir = file.equals("-") ? null : java.nio.file.Path.of(file).toAbsolutePath().getParent();
            world = WebWorld.of(loaded.script(), dir, seed);
        }
        WebServer server;
        try {
            server = new WebServer(world, bind, port);
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
        running = server;
        CountDownLatch latch = new CountDownLatch(1);
        stop = latch;
        try {
            latch.await();
        } finally {
            server.stop();
            running = null;
        }
        return 0;
    }
}
