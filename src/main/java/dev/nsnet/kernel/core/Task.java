package dev.nsnet.kernel.core;

import dev.nsnet.kernel.sched.Timer;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * One process that runs in the background on its own Java virtual thread (the part of
 * {@code task_struct} that the scheduler sees: runnable or sleeping on a wait queue, pending
 * signals, exit code). It only ever runs while it holds the baton that {@link ProcessScheduler}
 * passes; see there for the design.
 */
public final class Task {
    /** SIGINT, SIGKILL, SIGTERM: the numbers kill(1) and bash use on x86-64 Linux. */
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12,
            SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15;

    /** Unwinds a task's stack when a signal without a handler kills it (do_exit from get_signal). */
    static final class Killed extends Error {
        final int signal;

        Killed(int signal) {
            super("killed by signal " + signal, null, false, false);
            this.signal = signal;
        }
    }

    public final Process process;
    final ProcessScheduler ps;
    final Thread thread;
    /** Released to let this task run; released by the task to hand the baton back. */
    final Semaphore baton = new Semaphore(0);
    final Semaphore back = new Semaphore(0);
    /** The wake-up timer of a sleep with a deadline (schedule_timeout). */
    final Timer wake;

    BooleanSupplier cond;
    boolean timedOut;
    /** A signal that will terminate the task when it next runs (no handler for it). */
    int fatalSignal;
    /** A signal whose handler runs when the task next runs. */
    int pendingSignal;
    /** Signal handlers installed by the program (sigaction), indexed by signal number. */
    final Runnable[] handlers = new Runnable[32];
    boolean done;
    int exitStatus;
    /** A crash inside the program (an nsnet bug), reported by whoever reaps the task. */
    Throwable crash;

    Task(ProcessScheduler ps, Process process, IntSupplier body) {
        this.ps = ps;
        this.process = process;
        this.wake = ps.sched.newTimer(() -> timedOut = true);
        this.thread = Thread.ofVirtual().name("nsnet-" + process.comm + "-" + process.pid).unstarted(() -> {
            baton.acquireUninterruptibly();
            try {
                if (fatalSignal != 0) throw new Killed(fatalSignal);
                exitStatus = body.getAsInt() & 0xff;
            } catch (Killed k) {
                exitStatus = 128 + k.signal;
            } catch (Throwable e) {
                crash = e;
                exitStatus = 70;
            } finally {
                done = true;
                back.release();
            }
        });
    }

    public boolean done() { return done; }

    public int exitStatus() { return exitStatus; }

    public Throwable crash() { return crash; }

    /** Whether the scheduler should give this sleeping task the baton now. */
    boolean ready() {
        return fatalSignal != 0 || pendingSignal != 0 || timedOut || cond.getAsBoolean();
    }

    /** Sleeps (in this task's own thread) until {@code c} holds or the deadline passes. */
    boolean block(BooleanSupplier c, long deadline) {
        deliverSignals();
        if (c.getAsBoolean()) return true;
        if (deadline <= ps.sched.now()) return false;
        cond = c;
        timedOut = false;
        if (deadline != Long.MAX_VALUE) wake.mod(deadline);
        ps.sleeping.add(this);
        back.release();
        baton.acquireUninterruptibly();
        wake.del();
        cond = null;
        deliverSignals();
        return c.getAsBoolean();
    }

    /** Goes to the back of the sleeping list, ready at once: the others that are ready run first. */
    void yieldNow() {
        cond = () -> true;
        timedOut = false;
        ps.sleeping.add(this);
        back.release();
        baton.acquireUninterruptibly();
        cond = null;
        deliverSignals();
    }

    /** Runs pending handlers, or unwinds when a signal without a handler is pending. */
    private void deliverSignals() {
        if (fatalSignal != 0) throw new Killed(fatalSignal);
        int s = pendingSignal;
        if (s != 0) {
            pendingSignal = 0;
            handlers[s].run();
        }
    }

    @Override
    public String toString() { return "task " + process; }
}
