package dev.nsnet.kernel.core;

import dev.nsnet.trace.DropReason;

/**
 * The per-CPU input queue {@code softnet_data.input_pkt_queue}: {@code netif_rx()} appends,
 * {@code net_rx_action()} drains. Packets are processed in arrival order; a packet's processing
 * may append more, which run after it, as in the kernel (no unbounded recursion).
 */
final class Backlog {
    /** net.core.netdev_max_backlog default. */
    static final int MAX_BACKLOG = 1000;
    private final Emulation emu;
    private SkBuff[] ring = new SkBuff[1024];
    private int head, tail, count;
    private boolean draining;
    /** local_bh_disable() depth: while > 0, netif_rx() only queues (see Emulation.localBhDisable). */
    int bhDisabled;

    Backlog(Emulation emu) { this.emu = emu; }

    void enqueue(SkBuff skb) {
        if (count >= MAX_BACKLOG) {
            skb.dev.stats.rxDropped++;
            Dev.drop(skb, skb.dev, "enqueue_to_backlog", DropReason.CPU_BACKLOG, "backlog full");
            return;
        }
        ring[tail] = skb;
        tail = (tail + 1) & (ring.length - 1);
        count++;
        if (!draining && bhDisabled == 0) drain();
    }

    void drain() {
        if (draining) return;
        draining = true;
        try {
            while (count > 0) {
                SkBuff skb = ring[head];
                ring[head] = null;
                head = (head + 1) & (ring.length - 1);
                count--;
                Dev.netifReceiveSkb(skb);
            }
        } finally {
            draining = false;
        }
    }
}
