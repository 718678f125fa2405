package dev.nsnet.cli;

import dev.nsnet.scenario.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet shell}: an interactive prompt in a fresh world, with line editing, history in
 * {@code ~/.nsnet_history} and TAB completion from the live world (JLine 3). When standard input
 * is not a terminal, it reads commands line by line without prompt, like {@code bash < FILE}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Interactive shell in a fresh world (one host, root namespace with only lo).",
                "`ip netns exec NS bash` enters namespace NS (the prompt shows it), `exit` leaves it; "
                        + "TAB completes commands, ip objects, devices and namespaces."})
final class ShellCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorldOptions world;

    /** ~/.nsnet_history, with ~ taken from $HOME as a shell would (Java's user.home ignores it). */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".nsnet_history");
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
        PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
        Session session = new Session(world.seed);
        world.applyKernel(session);
        world.attachTrace(session.emulation, err);
        if (!world.loadCluster(session, out, err)) return 1;
        if (!world.loadTopology(session, out, err)) return 1;
        if (System.console() == null || !System.console().isTerminal()) {
            ShellSession plain = new ShellSession(session, out, err);
            int st = plain.runPlain(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            session.endScript();
            return st;
        }
        ShellCompletion completion = new ShellCompletion(session.host, session.registry);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintStream tout = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            session.terminal = true;
            ShellSession shell = new ShellSession(session, tout, tout);
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[] {'\\'});
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("nsnet")
                    .parser(parser)
                    .completer((r, line, candidates) -> {
                        List<String> prev = new ArrayList<>(line.words().subList(0, line.wordIndex()));
                        for (String c : completion.candidates(prev, shell.current())) candidates.add(new Candidate(c));
                    })
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .build();
            // Ctrl-C while a command runs: SIGINT to the foreground process (docs/processes.md)
            terminal.handle(Terminal.Signal.INT, sig -> {
                dev.nsnet.kernel.core.Task fg = session.foreground();
                if (fg != null) session.emulation.processes.killAsync(fg, dev.nsnet.kernel.core.Task.SIGINT);
            });
            tout.println("nsnet shell: a fresh host; type help, or exit to leave.");
            while (!shell.done) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                shell.accept(line);
            }
            session.endScript();
            return shell.lastStatus;
        }
    }
}
