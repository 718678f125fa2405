package dev.nsnet.trace;

import dev.nsnet.kernel.core.SkBuff;

/**
 * Receives events from outside any kernel: cables and switches of the emulated physical network
 * ({@code dev.nsnet.world}). Kept apart from {@link PacketObserver} because there is no
 * {@code NetDevice} or namespace out there, only a place such as {@code "switch sw0 port 2"}.
 * Emitted only while the emulation's {@link Tracepoints#on} is set.
 */
public interface WireObserver {
    /** The frame in {@code skb} passed {@code where}; {@code what} says what happened and why. */
    void wire(SkBuff skb, String where, String what);
}
