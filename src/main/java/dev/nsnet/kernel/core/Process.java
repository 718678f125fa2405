package dev.nsnet.kernel.core;

/**
 * A process ({@code task_struct}) with its {@code nsproxy}: the network namespace its sockets and
 * commands act in (the article's figure 2).
 */
public final class Process {
    public final int pid;
    public final String comm;
    public final Host host;
    /** nsproxy->net_ns. */
    public NetNamespace netns;
    public boolean exited;
    public int exitStatus;
    /** The thread of control that runs this process's program ({@link ProcessScheduler}), if any. */
    public Task task;

    Process(Host host, int pid, String comm, NetNamespace netns) {
        this.host = host;
        this.pid = pid;
        this.comm = comm;
        this.netns = netns;
    }

    /** setns(2) on a network namespace: the process's nsproxy now points at {@code ns}. */
    public void setns(NetNamespace ns) {
        if (ns == netns) return;
        netns.processes().remove(this);
        netns = ns;
        ns.processes().add(this);
    }

    @Override
    public String toString() { return comm + "[" + pid + "]"; }
}
