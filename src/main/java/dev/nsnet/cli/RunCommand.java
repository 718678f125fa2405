package dev.nsnet.cli;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet run FILE}: runs a scenario script in a fresh world. Without --transcript it shows
 * what a terminal shows for {@code bash FILE} (each command's output; the exit status is the last
 * command's). With --transcript it prints the transcript of CONFORMANCE.md and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario script (one command per line) in a fresh world: one host whose root "
                + "network namespace has only lo, DOWN.",
                "Without --transcript it prints what `bash FILE` would print and exits with the last "
                        + "command's status; with --transcript it prints the transcript ($ line, output, "
                        + "[exit N]) and exits 0."})
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--transcript", description = "Print the transcript (the format golden/*.out files use).")
    boolean transcript;

    @Mixin WorldOptions world;

    @Option(names = "--pcap", paramLabel = "DIR",
            description = "Capture every device of every namespace into DIR/<host>-<netns>-<dev>.pcap.")
    java.nio.file.Path pcapDir;

    @Parameters(paramLabel = "FILE", description = "The scenario script; - reads it from standard input.")
    String file;

    @Override
    public Integer call() {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        ScriptFiles.Loaded loaded = ScriptFiles.load(file, err);
        if (loaded.script() == null) return loaded.status();
        Script script = loaded.script();
        Session session = new Session(world.seed);
        world.applyKernel(session);
        // Lines run in the script's directory, as scripts/record-golden.sh runs them on the kernel.
        if (!file.equals("-")) session.host.workingDirectory = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        world.attachTrace(session.emulation, err);
        dev.nsnet.trace.PcapExport pcap = null;
        if (pcapDir != null) {
            try {
                pcap = dev.nsnet.trace.PcapExport.attach(session.emulation, pcapDir);
            } catch (java.io.IOException e) {
                err.println("nsnet: --pcap " + pcapDir + ": " + e.getMessage());
                err.flush();
                return 1;
            }
        }
        try {
            // the cluster's and the topology's own output never enter a transcript
            if (!world.loadCluster(session, transcript ? err : out, err)) return 1;
            if (!world.loadTopology(session, transcript ? err : out, err)) return 1;
            return execute(session, script, transcript, out, err);
        } finally {
            if (pcap != null) {
                try {
                    pcap.close();
                } catch (java.io.IOException e) {
                    err.println("nsnet: --pcap " + pcapDir + ": " + e.getMessage());
                    err.flush();
                }
            }
        }
    }

    /** Runs a loaded script in {@code session}: the transcript, or what bash would print. */
    static int execute(Session session, Script script, boolean transcript, PrintStream out, PrintStream err) {
        if (transcript) {
            Transcript.stream(script, session, part -> {
                out.print(part);
                out.flush();
            });
            return 0;
        }
        int status = 0;
        for (Script.Line line : script.lines()) status = session.execute(line.text(), out, err);
        session.endScript();
        out.flush();
        err.flush();
        return status;
    }

    static String readAll(java.io.InputStream in) throws java.io.IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }
}
