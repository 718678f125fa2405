package dev.nsnet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nsnet} command: {@code run} a scenario script, {@code check} scenarios against their
 * recorded transcripts, an interactive {@code shell}, the {@code demo} and the {@code bench}.
 * A usage mistake gets picocli's message and exit status 2; an nsnet bug gets one line on stderr
 * and status 70 (the stack trace only with NSNET_DEBUG set).
 */
@Command(name = "nsnet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A deterministic, packet-level emulator of Linux container networking: "
                + "scripts of ip, bridge, sysctl and ping commands print what they print on a real kernel.",
        subcommands = {RunCommand.class, ClusterCommand.class, CheckCommand.class, ShellCommand.class, ServeCommand.class, DiffCommand.class, FuzzCommand.class, Subcommands.DemoCommand.class,
                Subcommands.BenchCommand.class, Subcommands.ExplainCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams (tests use this) and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("nsnet: internal error: " + ex);
            if (System.getenv("NSNET_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return 70;
        });
        CommandLine.IParameterExceptionHandler picocliDefault = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && cmd.getCommandSpec().parent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                // an unknown subcommand: say so, like git does, instead of dumping the usage
                cmd.getErr().println("nsnet: '" + u.getUnmatched().get(0) + "' is not an nsnet command. See 'nsnet --help'.");
                CommandLine.UnmatchedArgumentException.printSuggestions(u, cmd.getErr());
                cmd.getErr().flush();
                return 2;
            }
            return picocliDefault.handleParseException(ex, argv);
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nsnet " + (v == null ? "0.1.0-SNAPSHOT" : v)
                    + " (models Linux 6.1 / Debian 12: iproute2 6.1, iputils 20221126, procps sysctl)"};
        }
    }
}
