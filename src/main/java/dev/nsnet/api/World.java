package dev.nsnet.api;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import dev.nsnet.trace.PacketObserver;
import java.time.Duration;

/**
 * nsnet for Java programs: a fresh world (one host whose root namespace has only {@code lo}, DOWN)
 * in which command lines run exactly as in a scenario script.
 *
 * <pre>{@code
 * World w = World.create(42);
 * w.run("ip netns add pod1");
 * Result r = w.run("ip -n pod1 link show lo");
 * r.exitStatus();   // 0
 * r.output();       // "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN ..."
 * }</pre>
 * Not thread-safe: one world belongs to one thread, like the emulation under it.
 */
public final class World {
    private final Session session;

    private World(Session session) { this.session = session; }

    /** A fresh world whose random source is seeded with {@code seed}. */
    public static World create(long seed) { return new World(new Session(seed)); }

    /** Runs one command line in the root namespace; stdout and stderr come back merged in write order. */
    public Result run(String commandLine) {
        Session.Result r = session.capture(commandLine);
        return new Result(r.exitStatus(), r.output());
    }

    /** Runs a whole script text and returns its transcript (CONFORMANCE.md format). */
    public String transcript(String scriptText) {
        return Transcript.run(Script.parse("script", scriptText), session);
    }

    /** The host (kernel) of this world. */
    public Host host() { return session.host; }

    /** The network namespace {@code ip netns} knows as {@code name}, or null. */
    public NetNamespace netns(String name) { return session.host.netns(name); }

    /** Attaches a packet observer (sees every step and drop from now on). */
    public World observe(PacketObserver observer) {
        session.emulation.trace.attach(observer);
        return this;
    }

    /**
     * Lets {@code d} of virtual time pass, running the timers that fall due (ARP retries, aging...)
     * and the background jobs ({@code run("ping -c 3 10.0.0.2 &")}) on the way.
     */
    public World advance(Duration d) {
        session.emulation.processes.sleepUntil(session.emulation.now() + d.toNanos());
        return this;
    }

    /** The virtual clock, in nanoseconds since the world was created. */
    public long nowNanos() { return session.emulation.now(); }
}
