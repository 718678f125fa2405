package dev.nsnet.world;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.sched.Timer;

/**
 * A point-to-point Ethernet wire between two {@link LinkEnd}s. A frame crosses as bytes only: the
 * receiver gets a new buffer holding a copy of the frame, padded to the 60-byte Ethernet minimum
 * as a NIC pads on transmit, and none of the sender's metadata (mark, socket, route). The trace id
 * is kept so a tracer can follow one packet across hosts.
 *
 * <p>With a delay, frames in flight wait in a FIFO ring and one re-armed timer delivers them; a
 * fixed delay keeps them in order and nothing is allocated per frame.
 */
public final class Cable {
    /** Shortest Ethernet frame without FCS; shorter frames are zero-padded on the wire. */
    public static final int ETH_ZLEN = 60;

    private final Emulation emu;
    public final LinkEnd a;
    public final LinkEnd b;
    public final long delayNs;
    /** Frames that have crossed, a->b and b->a. */
    public long framesAB, framesBA;
    private boolean cut;

    private SkBuff[] ring = new SkBuff[64];
    private LinkEnd[] ringTo = new LinkEnd[64];
    private long[] ringDue = new long[64];
    private int head, count;
    private final Timer timer;

    Cable(Emulation emu, LinkEnd a, LinkEnd b, long delayNs) {
        this.emu = emu;
        this.a = a;
        this.b = b;
        this.delayNs = delayNs;
        this.timer = delayNs > 0 ? emu.scheduler.newTimer(this::deliverDue) : null;
    }

    public LinkEnd other(LinkEnd end) { return end == a ? b : a; }

    public boolean isCut() { return cut; }

    /** Puts a copy of the frame in {@code skb} on the wire from {@code from}; the caller keeps skb. */
    public void send(LinkEnd from, SkBuff skb) {
        if (cut) return;
        LinkEnd to = other(from);
        if (!to.powered()) return; // nobody listening: the signal dies on the wire
        int len = skb.len;
        int wireLen = Math.max(len, ETH_ZLEN);
        SkBuff n = emu.pool.alloc(wireLen);
        int off = n.put(wireLen);
        System.arraycopy(skb.buf, skb.data, n.buf, off, len);
        for (int i = off + len; i < off + wireLen; i++) n.buf[i] = 0;
        n.id = skb.id;
        if (from == a) framesAB++;
        else framesBA++;
        if (timer == null) {
            to.receive(n);
            return;
        }
        enqueue(n, to, emu.now() + delayNs);
    }

    private void enqueue(SkBuff skb, LinkEnd to, long due) {
        if (count == ring.length) grow();
        int i = (head + count) & (ring.length - 1);
        ring[i] = skb;
        ringTo[i] = to;
        ringDue[i] = due;
        count++;
        if (!timer.pending()) timer.mod(ringDue[head]);
    }

    private void grow() {
        int cap = ring.length * 2;
        SkBuff[] r = new SkBuff[cap];
        LinkEnd[] t = new LinkEnd[cap];
        long[] d = new long[cap];
        for (int k = 0; k < count; k++) {
            int i = (head + k) & (ring.length - 1);
            r[k] = ring[i]; t[k] = ringTo[i]; d[k] = ringDue[i];
        }
        ring = r; ringTo = t; ringDue = d; head = 0;
    }

    private void deliverDue() {
        long now = emu.now();
        while (count > 0 && ringDue[head] <= now) {
            SkBuff skb = ring[head];
            LinkEnd to = ringTo[head];
            ring[head] = null;
            ringTo[head] = null;
            head = (head + 1) & (ring.length - 1);
            count--;
            if (to.powered() && !cut) to.receive(skb);
            else skb.free();
        }
        if (count > 0) timer.mod(ringDue[head]);
    }

    /** Pulls the cable out: both ends lose link; frames in flight are lost. */
    void cut() {
        cut = true;
        while (count > 0) {
            ring[head].free();
            ring[head] = null;
            ringTo[head] = null;
            head = (head + 1) & (ring.length - 1);
            count--;
        }
        if (timer != null) timer.del();
    }

    public String describe() {
        return a.label() + " <-> " + b.label() + (delayNs > 0 ? " delay " + formatDelay(delayNs) : "");
    }

    /** "2ms", "100us", "1500ns": the largest unit that shows the delay exactly. */
    static String formatDelay(long ns) {
        if (ns % 1_000_000_000L == 0) return ns / 1_000_000_000L + "s";
        if (ns % 1_000_000L == 0) return ns / 1_000_000L + "ms";
        if (ns % 1_000L == 0) return ns / 1_000L + "us";
        return ns + "ns";
    }
}
