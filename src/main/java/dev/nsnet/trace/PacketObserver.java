package dev.nsnet.trace;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;

/**
 * Receives the data path's events. The data path calls these only behind one check of
 * {@link Tracepoints#on}, so an emulation without observers pays one predictable branch per step.
 */
public interface PacketObserver {
    /** A packet passed kernel function {@code func} on {@code dev}; {@code detail} says what was decided. */
    void step(SkBuff skb, NetDevice dev, String func, String detail);

    /** The packet was dropped in {@code func} for {@code reason}. */
    void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail);
}
