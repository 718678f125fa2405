package dev.nsnet.kernel.sched;

/**
 * A re-armable timer on the virtual clock, like the kernel's {@code struct timer_list}.
 * Re-arming an armed timer moves it; no allocation happens after construction.
 */
public final class Timer {
    final Runnable callback;
    long expires;
    long seq;
    int heapIndex = -1;
    private final Scheduler scheduler;

    public Timer(Scheduler scheduler, Runnable callback) {
        this.scheduler = scheduler;
        this.callback = callback;
    }

    /** mod_timer(): (re)arm to fire at absolute virtual time {@code expiresNs}. */
    public void mod(long expiresNs) { scheduler.arm(this, expiresNs); }

    /** Arms the timer {@code delayNs} from now. */
    public void after(long delayNs) { mod(scheduler.now() + delayNs); }

    /**
     * mod_timer(timer, jiffies + delay) on the kernel's timer wheel: fires at the bucket boundary
     * {@link TimerWheel#expiry} rounds the expiry up to, not exactly {@code delayNs} from now.
     */
    public void afterOnWheel(long delayNs) { mod(TimerWheel.expiry(scheduler.now(), delayNs)); }

    /** del_timer(): disarms; returns whether it was pending. */
    public boolean del() { return scheduler.disarm(this); }

    public boolean pending() { return heapIndex >= 0; }

    public long expires() { return expires; }
}
