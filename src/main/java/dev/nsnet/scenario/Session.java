package dev.nsnet.scenario;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The world a script runs in and the "shell" that runs its lines: one emulation with one host
 * ({@value #HOSTNAME}) whose root namespace is fresh (only {@code lo}, DOWN), and a tool registry.
 *
 * <p>Each line runs the way {@code bash -c LINE} runs it on the recording host: as a new process
 * (in the root namespace unless the caller says otherwise), with its own exit status. Starting a
 * process takes real time on Linux; nsnet lets {@link #LINE_GAP_NS} of virtual time pass before
 * each line, running whatever falls due (timers, link-watch work) on the way.
 */
public final class Session {
    public static final String HOSTNAME = "nsnet";
    /** Virtual time that passes before each command line (a fork+exec on the recording host). */
    public static final long LINE_GAP_NS = 1_000_000L;
    /** Exit status of a line nsnet cannot parse (bash's status for a syntax error). */
    public static final int SYNTAX_ERROR = 2;
    /** Exit status when a tool crashed inside nsnet (EX_SOFTWARE): an nsnet bug, never a user's. */
    public static final int INTERNAL_ERROR = 70;
    /**
     * How long a line may run: scripts/record-golden.sh runs each line under {@code timeout 20}, so
     * a command still running after 20 s (a ping without -c) is killed there with status 124. nsnet
     * does the same on its virtual clock, so such a line ends instead of running for ever.
     */
    public static final long LINE_TIMEOUT_NS = 20_000_000_000L;
    /** timeout(1)'s status for a command it had to kill. */
    public static final int TIMED_OUT = 124;

    /** Thrown from the scheduler when a line's time is up; unwinds the tool like a SIGTERM. */
    private static final class LineTimeout extends Error {
        LineTimeout() { super("line timed out", null, false, false); }
    }

    public final Emulation emulation;
    public final Host host;
    public final ToolRegistry registry;

    public Session(long seed) { this(seed, Tools.standard()); }

    public Session(long seed, ToolRegistry registry) {
        this.emulation = new Emulation(seed);
        this.host = emulation.newHost(HOSTNAME);
        this.registry = registry;
    }

    /** Runs one command line as a new process in the root namespace. */
    public int execute(String line, PrintStream out, PrintStream err) {
        return execute(line, host.rootNs, out, err);
    }

    /**
     * Runs one command line as a new process in {@code netns}; the line's text is as written (it
     * may still hold a trailing comment). Returns its exit status.
     */
    public int execute(String line, NetNamespace netns, PrintStream out, PrintStream err) {
        emulation.scheduler.sleep(LINE_GAP_NS);
        Command cmd;
        try {
            cmd = Command.parse(line);
        } catch (ShellSyntaxException e) {
            err.println(e.diagnostic());
            err.flush();
            return SYNTAX_ERROR;
        }
        if (cmd.isEmpty()) return 0;
        int status;
        Set<Process> before = new HashSet<>(host.processes());
        Timer killer = emulation.scheduler.newTimer(() -> { throw new LineTimeout(); });
        killer.after(LINE_TIMEOUT_NS);
        try {
            if (cmd.stages().size() == 1) {
                status = runStage(cmd.stages().get(0), netns, out, err, null);
            } else {
                ByteArrayOutputStream pipe = new ByteArrayOutputStream();
                PrintStream pout = new PrintStream(pipe, true, StandardCharsets.UTF_8);
                runStage(cmd.stages().get(0), netns, pout, err, null);
                status = runStage(cmd.stages().get(1), netns, out, err, pipe.toString(StandardCharsets.UTF_8));
            }
        } catch (LineTimeout e) {
            status = TIMED_OUT;
            // the processes the line started die with it (ip netns exec children included)
            for (Process p : new ArrayList<>(host.processes())) if (!before.contains(p)) host.exit(p, TIMED_OUT);
        } finally {
            killer.del();
        }
        out.flush();
        err.flush();
        emulation.softirq();
        return status;
    }

    private int runStage(List<String> argv, NetNamespace netns, PrintStream out, PrintStream err, String stdin) {
        String name = argv.get(0);
        if (registry.get(name) == null) {
            // what the recorder's `bash -c LINE` (stdin /dev/null) prints for a command it cannot find
            err.println("bash: line 1: " + name + ": command not found");
            return 127;
        }
        Process p = host.spawn(name, netns);
        int status;
        try {
            status = registry.run(new ToolContext(p, out, err, registry, stdin), argv);
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            err.println("nsnet: internal error in `" + String.join(" ", argv) + "': " + e);
            if (System.getenv("NSNET_DEBUG") != null) e.printStackTrace(err);
            status = INTERNAL_ERROR;
        }
        if (!p.exited) host.exit(p, status);
        return status & 0xff;
    }

    /** Result of a line run with merged output. */
    public record Result(int exitStatus, String output) { }

    /** Runs a line in the root namespace with stdout and stderr merged in write order. */
    public Result capture(String line) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int status = execute(line, ps, ps);
        ps.flush();
        return new Result(status, buf.toString(StandardCharsets.UTF_8));
    }
}
