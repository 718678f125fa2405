package dev.nsnet.kernel.sched;

import java.util.Arrays;

/**
 * The discrete-event scheduler and virtual clock (nanoseconds) of one emulation.
 * Events are {@link Timer}s in a binary heap ordered by (expiry, arming sequence), so ties are
 * broken deterministically. After every event the softirq hook runs, the way the kernel drains
 * its backlog when a softirq ends.
 */
public final class Scheduler {
    private long now;
    private long seqCounter;
    private Timer[] heap = new Timer[64];
    private int size;
    private Runnable afterEvent = () -> { };

    public long now() { return now; }

    /** Installs the hook run after each event (the emulation's softirq drain). */
    public void setAfterEvent(Runnable r) { this.afterEvent = r; }

    public Timer newTimer(Runnable callback) { return new Timer(this, callback); }

    /** One-shot convenience (allocates; not for per-packet use). */
    public Timer schedule(long delayNs, Runnable r) {
        Timer t = new Timer(this, r);
        t.after(delayNs);
        return t;
    }

    void arm(Timer t, long expires) {
        if (expires < now) expires = now;
        if (t.heapIndex >= 0) removeAt(t.heapIndex);
        t.expires = expires;
        t.seq = seqCounter++;
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = t;
        t.heapIndex = size;
        siftUp(size++);
    }

    boolean disarm(Timer t) {
        if (t.heapIndex < 0) return false;
        removeAt(t.heapIndex);
        return true;
    }

    public int pendingEvents() { return size; }

    /** Expiry of the next event, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextEventTime() { return size == 0 ? Long.MAX_VALUE : heap[0].expires; }

    /** Runs every event due at or before {@code deadline}, then sets the clock to {@code deadline}. */
    public void runUntil(long deadline) {
        while (size > 0 && heap[0].expires <= deadline) {
            runOne();
        }
        if (deadline > now) now = deadline;
    }

    /**
     * Runs events until {@code done} holds or the clock would pass {@code deadline}.
     * Returns true when {@code done} became true. The clock ends at the time of the last event run
     * (or at the deadline when it passed without the condition).
     */
    public boolean runUntil(java.util.function.BooleanSupplier done, long deadline) {
        if (done.getAsBoolean()) return true;
        while (size > 0 && heap[0].expires <= deadline) {
            runOne();
            if (done.getAsBoolean()) return true;
        }
        if (deadline > now && deadline != Long.MAX_VALUE) now = deadline;
        return done.getAsBoolean();
    }

    /** Advances the clock by {@code ns}, running what falls due on the way. */
    public void sleep(long ns) { runUntil(now + ns); }

    private void runOne() {
        Timer t = heap[0];
        removeAt(0);
        now = t.expires;
        t.callback.run();
        afterEvent.run();
    }

    private void removeAt(int i) {
        Timer t = heap[i];
        t.heapIndex = -1;
        size--;
        if (i != size) {
            Timer last = heap[size];
            heap[i] = last;
            last.heapIndex = i;
            siftDown(i);
            siftUp(last.heapIndex);
        }
        heap[size] = null;
    }

    private static boolean less(Timer a, Timer b) {
        return a.expires < b.expires || (a.expires == b.expires && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            Timer pt = heap[p];
            if (!less(t, pt)) break;
            heap[i] = pt; pt.heapIndex = i;
            i = p;
        }
        heap[i] = t; t.heapIndex = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) break;
            int c = (l + 1 < size && less(heap[l + 1], heap[l])) ? l + 1 : l;
            if (!less(heap[c], t)) break;
            heap[i] = heap[c]; heap[i].heapIndex = i;
            i = c;
        }
        heap[i] = t; t.heapIndex = i;
    }
}
