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
        return new ToolContext(child, out, err, registry, stdin);
    }

    /** Ends a child process created by {@link #inNetns}. */
    public void exitChild(int status) { process.host.exit(process, status); }
}
