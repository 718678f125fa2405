package dev.nsnet.kernel.core;

import dev.nsnet.kernel.sched.Scheduler;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One emulation: the virtual clock and event scheduler, the seeded random source, the packet
 * pool, the tracepoints and every host (kernel) in it. Everything runs on one thread; the
 * softirq backlog is drained whenever the outermost sender returns (like local_bh_enable()).
 */
public final class Emulation {
    public final Scheduler scheduler = new Scheduler();
    /** Runs the processes (background jobs, blocking tools) on the virtual clock, one at a time. */
    public final ProcessScheduler processes = new ProcessScheduler(scheduler);
    public final Tracepoints trace = new Tracepoints();
    public final SkbPool pool = new SkbPool();
    private final SplittableRandom random;
    private final List<Host> hosts = new ArrayList<>();
    final Backlog backlog = new Backlog(this);
    /** The physical network outside the hosts ({@code dev.nsnet.world.World}), made on first use. */
    public Object world;
    /** The kernel configuration new hosts get (nsnet run --kernel). */
    public KernelConfig defaultKernel = KernelConfig.REFERENCE;

    /** Hosts created from now on get kernel configuration {@code k}; returns this. */
    public Emulation withKernel(KernelConfig k) {
        defaultKernel = k;
        return this;
    }

    public Emulation() { this(1L); }

    public Emulation(long seed) {
        this.random = new SplittableRandom(seed);
        scheduler.setAfterEvent(backlog::drain);
        KernelInit.ensure();
    }

    /** The one seeded random source of the emulation (ports, ISNs, statistic match, MACs). */
    public SplittableRandom random() { return random; }

    public long now() { return scheduler.now(); }

    /**
     * Called with every network namespace right after it is created (the root namespace of each
     * new host too): observers such as {@code nsnet run --pcap} attach their taps here. Null: none.
     */
    public java.util.function.Consumer<NetNamespace> netnsCreated;

    public Host newHost(String hostname) {
        Host h = new Host(this, hostname);
        hosts.add(h);
        return h;
    }

    public List<Host> hosts() { return Collections.unmodifiableList(hosts); }

    public Host host(String hostname) {
        for (Host h : hosts) if (h.hostname.equals(hostname)) return h;
        return null;
    }

    /** Drains the softirq backlog now (used by senders that bypass a device). */
    public void softirq() { backlog.drain(); }

    /**
     * local_bh_disable() for a sender in process context (a socket's sendmsg: dev_queue_xmit runs
     * under rcu_read_lock_bh): frames it makes receivable are only queued, so every copy of a
     * flooded frame is queued before any is processed, as on Linux.
     */
    public void localBhDisable() { backlog.bhDisabled++; }

    /** local_bh_enable(): at depth 0 the pending softirq work runs. */
    public void localBhEnable() {
        if (--backlog.bhDisabled == 0) backlog.drain();
    }
}
