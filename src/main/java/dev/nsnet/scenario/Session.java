package dev.nsnet.scenario;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.core.ProcessScheduler;
import dev.nsnet.kernel.core.Task;
import dev.nsnet.tools.jobs.JobTable;
import dev.nsnet.tools.jobs.ShellBuiltin;
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
    static final class LineTimeout extends Error {
        LineTimeout() { super("line timed out", null, false, false); }
    }

    /**
     * Virtual time the shell lets pass after starting a background job or running {@code kill}
     * (scripts/record-golden.sh sleeps as long there), so the job's first output or its reaction
     * to the signal is written under that line, on the real kernel as in nsnet.
     */
    public static final long BG_SETTLE_NS = 100_000_000L;

    public final Emulation emulation;
    public final Host host;
    public final ToolRegistry registry;
    /** The shell's background jobs. */
    public final JobTable jobs = new JobTable();
    /**
     * Whether the commands' standard output is a terminal (isatty(1)): the interactive
     * {@code nsnet shell}. Scripts and the recorder write to a file; tools that behave differently
     * on a terminal (tcpdump's line buffering and 100 ms timeout) ask {@link ToolContext#terminal()}.
     */
    public boolean terminal;
    private volatile Task foreground;

    public Session(long seed) { this(seed, Tools.standard()); }

    public Session(long seed, ToolRegistry registry) { this(seed, registry, HOSTNAME); }

    /** A session whose first host is called {@code hostname} (nsnet serve's demo world: node1). */
    public Session(long seed, ToolRegistry registry, String hostname) {
        this.emulation = new Emulation(seed);
        this.host = emulation.newHost(hostname);
        this.registry = registry;
    }

    /** Gives this session's host, and hosts added later, kernel configuration {@code k}; returns this. */
    public Session withKernel(dev.nsnet.kernel.core.KernelConfig k) {
        emulation.defaultKernel = k;
        host.kernel = k;
        return this;
    }

    /** Runs one command line as a new process in the root namespace. */
    public int execute(String line, PrintStream out, PrintStream err) {
        return execute(line, host.rootNs, out, err);
    }

    /**
     * Runs one command line as a new process in {@code netns}; the line's text is as written (it
     * may still hold a trailing comment). Returns its exit status.
     *
     * <p>Every command runs as a process with its own task ({@link ProcessScheduler}); the shell
     * (this thread) waits for a foreground one while the event loop and the background jobs run.
     * A line ending in {@code &} starts a job and returns 0 at once; the shell builtins
     * {@code wait}, {@code kill} and {@code jobs} run in the shell itself. Like the recorder,
     * the shell lets {@link #BG_SETTLE_NS} pass after starting a job or sending a signal, so what
     * the job prints at once lands under that line.
     */
    public int execute(String line, NetNamespace netns, PrintStream out, PrintStream err) {
        ProcessScheduler ps = emulation.processes;
        ps.sleepUntil(emulation.scheduler.now() + LINE_GAP_NS);
        jobs.cleanup(err);
        Command cmd;
        try {
            cmd = Command.parse(line);
        } catch (ShellSyntaxException e) {
            err.println(e.diagnostic());
            err.flush();
            return SYNTAX_ERROR;
        }
        if (cmd.isEmpty()) return 0;
        if (cmd.background()) {
            Task t = startCommand(cmd, netns, out, err);
            if (t != null) {
                jobs.add(t, line.strip());
                ps.sleepUntil(emulation.scheduler.now() + BG_SETTLE_NS);
                jobs.cleanup(err); // the recorder's settle is a foreground sleep: bash reports after it
            }
            out.flush();
            err.flush();
            return 0;
        }
        int status;
        Set<Process> before = new HashSet<>(host.processes());
        Timer killer = emulation.scheduler.newTimer(() -> { throw new LineTimeout(); });
        killer.after(LINE_TIMEOUT_NS);
        Task fg = null;
        boolean reports = true; // bash reports ended jobs after it waited for a foreground process
        try {
            List<String> argv = cmd.stages().get(0);
            if (cmd.stages().size() == 1 && registry.get(argv.get(0)) instanceof ShellBuiltin) {
                status = runBuiltin(argv, netns, out, err);
                reports = argv.get(0).equals("kill"); // kill: the recorder's settle is a foreground sleep
                if (reports) ps.sleepUntil(emulation.scheduler.now() + BG_SETTLE_NS);
            } else {
                fg = startCommand(cmd, netns, out, err);
                foreground = fg;
                Task f = fg;
                if (f == null) status = 127;
                else {
                    ps.waitFor(f::done, Long.MAX_VALUE);
                    if (!f.done()) { // nothing left that could wake it: it would hang until timeout(1)
                        ps.sleepUntil(killer.expires());
                    }
                    status = f.exitStatus();
                    if (f.crash() instanceof LineTimeout lt) throw lt;
                }
            }
        } catch (LineTimeout e) {
            status = TIMED_OUT;
            if (fg != null) ps.kill(fg, Task.SIGKILL);
            // the processes the line started die with it (ip netns exec children included)
            for (Process p : new ArrayList<>(host.processes())) {
                if (!before.contains(p) && (p.task == null || p.task == fg)) host.exit(p, TIMED_OUT);
            }
        } finally {
            killer.del();
            foreground = null;
        }
        // notify_and_cleanup() after waiting for the foreground command: a job killed by SIGKILL
        // (or another reported signal) is reported under the line during which it died
        if (reports) jobs.cleanup(err);
        out.flush();
        err.flush();
        emulation.softirq();
        return status;
    }

    /** The foreground task while a line runs (for a terminal's Ctrl-C), else null. */
    public Task foreground() { return foreground; }

    /** Ends the script: jobs still running are killed without a word, as the recorder does. */
    public void endScript() { jobs.killAll(emulation.processes); }

    private int runBuiltin(List<String> argv, NetNamespace netns, PrintStream out, PrintStream err) {
        Process p = host.spawn(argv.get(0), netns);
        try {
            return registry.run(new ToolContext(p, out, err, registry, null).withJobs(jobs).withTerminal(terminal), argv) & 0xff;
        } finally {
            if (!p.exited) host.exit(p, 0);
        }
    }

    /**
     * Starts the command's process(es) as a task: it runs until it first blocks. Returns null
     * (after bash's message) when the first command does not exist.
     */
    private Task startCommand(Command cmd, NetNamespace netns, PrintStream tout, PrintStream terr) {
        PrintStream out = TaskOutput.wrap(tout, emulation.processes);
        PrintStream err = TaskOutput.wrap(terr, emulation.processes);
        List<String> first = cmd.stages().get(0);
        if (cmd.stages().size() == 1 && registry.get(first.get(0)) == null) {
            // what the recorder's `bash -c LINE` (stdin /dev/null) prints for a command it cannot find
            err.println("bash: line 1: " + first.get(0) + ": command not found");
            err.flush();
            return null;
        }
        Process p0 = host.spawn(first.get(0), netns);
        return emulation.processes.start(p0, () -> {
            if (cmd.stages().size() == 1) return runStage(p0, first, out, err, null);
            ByteArrayOutputStream pipe = new ByteArrayOutputStream();
            PrintStream pout = new PrintStream(pipe, true, StandardCharsets.UTF_8);
            runStage(p0, first, pout, err, null);
            List<String> second = cmd.stages().get(1);
            Process p1 = host.spawn(second.get(0), netns);
            p1.task = p0.task;
            return runStage(p1, second, out, err, pipe.toString(StandardCharsets.UTF_8));
        });
    }

    private int runStage(Process p, List<String> argv, PrintStream out, PrintStream err, String stdin) {
        String name = argv.get(0);
        int status = 127;
        try {
            if (registry.get(name) == null) {
                err.println("bash: line 1: " + name + ": command not found");
                return 127;
            }
            try {
                status = registry.run(new ToolContext(p, out, err, registry, stdin).withJobs(jobs).withTerminal(terminal), argv);
            } catch (RuntimeException | StackOverflowError e) {
                out.flush();
                err.println("nsnet: internal error in `" + String.join(" ", argv) + "': " + e);
                if (System.getenv("NSNET_DEBUG") != null) e.printStackTrace(err);
                status = INTERNAL_ERROR;
            }
            return status & 0xff;
        } finally {
            out.flush();
            err.flush();
            if (!p.exited) host.exit(p, status);
        }
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
