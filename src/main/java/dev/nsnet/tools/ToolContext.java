package dev.nsnet.tools;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import java.io.PrintStream;

/**
 * What a running tool sees: its process (and so the network namespace of its nsproxy), and its
 * stdout/stderr. Both streams may be the same (a transcript merges them in write order).
 */
public final class ToolContext {
    private final Process process;
    private final PrintStream out;
    private final PrintStream err;
    private final ToolRegistry registry;
    private final String stdin;
    /** The job table of the shell that runs this command (for wait, kill, jobs), or null. */
    private dev.nsnet.tools.jobs.JobTable jobs;
    /** isatty(1): standard output is the interactive shell's terminal. */
    private boolean terminal;

    public ToolContext(Process process, PrintStream out, PrintStream err, ToolRegistry registry, String stdin) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.stdin = stdin;
    }

    public Process process() { return process; }

    public NetNamespace netns() { return process.netns; }

    public Host host() { return process.host; }

    public Emulation emulation() { return process.host.emulation; }

    public PrintStream out() { return out; }

    public PrintStream err() { return err; }

    public ToolRegistry registry() { return registry; }

    /** Text fed on standard input (the {@code echo WORDS | CMD} form), or null. */
    public String stdin() { return stdin; }

    /** A context for a child process in {@code ns} (ip netns exec), sharing the streams. */
    public ToolContext inNetns(NetNamespace ns, String comm) {
        Process child = process.host.spawn(comm, ns);
        child.task = process.task;
        return new ToolContext(child, out, err, registry, stdin).withJobs(jobs).withTerminal(terminal);
    }

    /** Gives the command its shell's job table (the shell's builtins wait, kill and jobs use it). */
    public ToolContext withJobs(dev.nsnet.tools.jobs.JobTable table) {
        this.jobs = table;
        return this;
    }

    public dev.nsnet.tools.jobs.JobTable jobs() { return jobs; }

    /** Marks standard output as a terminal (the interactive shell). */
    public ToolContext withTerminal(boolean tty) {
        this.terminal = tty;
        return this;
    }

    /** isatty(1): whether standard output is a terminal (never in scripts, which write to a file). */
    public boolean terminal() { return terminal; }

    /** The same process with {@code stdout} as its standard output (a program's own stdio buffer). */
    public ToolContext withStdout(PrintStream stdout) {
        return new ToolContext(process, stdout, err, registry, stdin).withJobs(jobs).withTerminal(terminal);
    }

    /**
     * A stdio stream over this process's standard output as glibc makes it when stdout is not a
     * terminal (a file or a pipe: scripts and the recorder): fully buffered, written out only
     * when the program calls fflush() ({@code flush()}), when 4096 bytes have gathered, or at a
     * normal exit; a process killed by a signal loses what is still buffered.
     */
    public PrintStream fullyBufferedStdout() {
        return new PrintStream(new java.io.BufferedOutputStream(out, 4096), false, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Blocks this process until {@code cond} holds or the virtual clock reaches {@code deadline}
     * (absolute ns; {@code Long.MAX_VALUE} for none), letting timers, packets and the other
     * processes run meanwhile; returns whether {@code cond} holds. Works the same in the
     * foreground and in the background (docs/processes.md).
     */
    public boolean waitFor(java.util.function.BooleanSupplier cond, long deadline) {
        return emulation().processes.waitFor(cond, deadline);
    }

    /** Sleeps until virtual time {@code t} (absolute ns). */
    public void sleepUntil(long t) { emulation().processes.sleepUntil(t); }

    /** sigaction(): runs {@code handler} in this process when {@code signal} arrives instead of dying. */
    public void onSignal(int signal, Runnable handler) { emulation().processes.onSignal(signal, handler); }

    /** Ends a child process created by {@link #inNetns}. */
    public void exitChild(int status) { process.host.exit(process, status); }
}
