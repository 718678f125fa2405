package dev.nsnet.kernel.core;

import dev.nsnet.kernel.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Runs the processes of one emulation on the virtual clock, one at a time, deterministically
 * (the role of the kernel's {@code schedule()} and wait queues, kernel/sched/core.c, for programs
 * that block: {@code sleep}, waiting for a packet, {@code wait}).
 *
 * <p><b>Design (docs/processes.md).</b> Every process started with {@link #start} runs its program
 * on its own Java virtual thread, but only the holder of a <i>baton</i> runs: the <i>driver</i> (the
 * thread that runs the shell and the event loop) or exactly one task. A task that blocks in
 * {@link #waitFor} records what it waits for (a condition and a deadline), joins the list of
 * sleeping tasks and hands the baton back; its Java stack stays parked, so a blocking tool keeps its
 * straight-line code shape ({@code send; waitFor(reply, deadline); print}). The driver, when it
 * waits itself (the shell waiting for a foreground process, {@code wait}, the gap between script
 * lines), runs timer events in (expiry, sequence) order and after each event gives the baton, in
 * the order they went to sleep, to every sleeping task whose condition now holds, whose deadline
 * timer fired or which has a signal pending; each runs until it blocks again or exits. Nothing
 * runs concurrently and every hand-over happens at a point fixed by virtual time and sequence
 * numbers, so a run gives the same output every time. Tasks never run the event loop themselves.
 *
 * <p>Signals ({@link #kill}): a signal with a handler the program installed ({@link
 * #onSignal}) runs that handler in the task when it next gets the baton; any other signal ends
 * the task: its stack unwinds (finally blocks close its sockets) and its exit status is 128+N.
 */
public final class ProcessScheduler {
    final Scheduler sched;
    /** Sleeping tasks in the order they went to sleep. */
    final List<Task> sleeping = new ArrayList<>();
    /** The task holding the baton, or null when the driver holds it. */
    private Task current;
    /** A signal requested from outside the model (Ctrl-C at a terminal), delivered by the driver. */
    private volatile Task asyncTarget;
    private volatile int asyncSignal;

    public ProcessScheduler(Scheduler sched) { this.sched = sched; }

    /**
     * Starts {@code body} as the program of {@code p} and lets it run until it first blocks or
     * exits (a forked child gets the CPU first). The exit status is the body's result & 0xff.
     */
    public Task start(Process p, IntSupplier body) {
        Task t = new Task(this, p, body);
        p.task = t;
        t.thread.start();
        resume(t);
        return t;
    }

    /** The task whose program is running now, or null on the driver. */
    public Task current() { return current; }

    /**
     * Blocks the running program until {@code cond} holds or virtual time reaches {@code deadline}
     * ({@code Long.MAX_VALUE}: no deadline); returns whether {@code cond} holds. In a task this
     * sleeps and lets everything else run; on the driver it runs the event loop (and the tasks
     * woken by it). On the driver without a deadline, it also returns false when nothing at all is
     * left that could make the condition true (no event pending, no task ready).
     */
    public boolean waitFor(BooleanSupplier cond, long deadline) {
        Task t = current;
        if (t != null) return t.block(cond, deadline);
        while (true) {
            runReady();
            if (cond.getAsBoolean()) return true;
            if (!sched.runUntil(() -> cond.getAsBoolean() || anyReady(), deadline)) {
                runReady();
                return cond.getAsBoolean();
            }
        }
    }

    /**
     * A scheduling point at a system call of the running task (a write to its stdout or stderr):
     * the tasks it woke (whose condition now holds) run first, then it goes on, at the same
     * virtual time. This stands for the woken process running on another CPU at once, ahead of
     * the waker's next system call: a server's "Connection received" is written before the
     * client, whose connect() woke it, writes "succeeded". No-op on the driver or when no other
     * task is ready.
     */
    public void yieldToWoken() {
        Task t = current;
        if (t == null || !anyReady()) return;
        t.yieldNow();
    }

    /** Sleeps until virtual time {@code t} (everything due on the way runs). */
    public void sleepUntil(long t) { waitFor(() -> false, t); }

    /** Installs the running task's handler for {@code signal} (sigaction); no-op on the driver. */
    public void onSignal(int signal, Runnable handler) {
        if (current != null) current.handlers[signal] = handler;
    }

    /**
     * Sends {@code signal} to {@code t} (kill(2)) and lets it act on it at once (handlers run,
     * or it dies). Signal 0 only checks that the task exists. Call from the driver.
     */
    public void kill(Task t, int signal) {
        if (t.done || signal == 0) return;
        if (signal < t.handlers.length && t.handlers[signal] != null && signal != Task.SIGKILL) t.pendingSignal = signal;
        else t.fatalSignal = signal;
        if (current == null) runReady();
    }

    /**
     * Asks, from another thread (a terminal's Ctrl-C), for {@code signal} to be sent to {@code t};
     * the driver delivers it after the event it is running.
     */
    public void killAsync(Task t, int signal) {
        asyncSignal = signal;
        asyncTarget = t;
    }

    /** Kills every task still running (the end of a script), without running anything else. */
    public void killAll() {
        for (Task t : new ArrayList<>(sleeping)) kill(t, Task.SIGKILL);
    }

    private boolean anyReady() {
        if (asyncTarget != null) return true;
        for (int i = 0; i < sleeping.size(); i++) if (sleeping.get(i).ready()) return true;
        return false;
    }

    /** Gives the baton to every ready sleeping task, in the order they went to sleep. */
    private void runReady() {
        while (true) {
            Task a = asyncTarget;
            if (a != null) {
                asyncTarget = null;
                kill(a, asyncSignal);
            }
            Task ready = null;
            for (Task t : sleeping) {
                if (t.ready()) { ready = t; break; }
            }
            if (ready == null) return;
            sleeping.remove(ready);
            resume(ready);
        }
    }

    private void resume(Task t) {
        Task prev = current;
        current = t;
        t.baton.release();
        t.back.acquireUninterruptibly();
        current = prev;
        if (t.done) t.wake.del();
    }
}
