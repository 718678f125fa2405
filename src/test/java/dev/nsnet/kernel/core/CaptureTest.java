package dev.nsnet.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Packet taps: registration per namespace, TPACKET_V3 block retirement, snaplen, drops, no allocation per frame. */
class CaptureTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final NetNamespace ns = host.rootNs;
    private final byte[] frame = new byte[98];

    @Test
    void tapsRegisterPerNamespaceAndVanishWhenClosed() {
        assertNull(ns.taps);
        Capture a = Capture.open(ns, null, 262144, null);
        Capture b = Capture.open(ns, ns.loopback, 262144, null);
        assertEquals(2, ns.taps.length);
        NetNamespace other = host.createNetns();
        assertNull(other.taps);
        Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
        assertEquals(1, a.pending());
        assertEquals(1, b.pending());
        a.close();
        assertEquals(1, ns.taps.length);
        b.close();
        assertNull(ns.taps);
        assertEquals(1, b.pending()); // what was captured stays readable
    }

    @Test
    void framesBecomeVisibleWhenTheBlockRetires() {
        emu.scheduler.runUntil(250_000_000L);
        Capture c = Capture.open(ns, null, 262144, null, 1_000_000_000L);
        emu.scheduler.runUntil(900_000_000L);
        Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_OUTGOING);
        assertEquals(0, c.pending());
        emu.scheduler.runUntil(1_249_999_999L);
        assertEquals(0, c.pending());
        emu.scheduler.runUntil(1_250_000_000L);
        assertEquals(1, c.pending());
        Capture.Frame f = new Capture.Frame();
        assertTrue(c.next(f));
        assertEquals(900_000_000L, f.tsNs);
        assertEquals(SkBuff.PACKET_OUTGOING, f.pktType);
        assertEquals(ns.loopback.ifindex, f.ifindex);
        assertFalse(c.next(f));
        // the timer keeps its phase: a frame at 2.3 s is seen at 3.25 s
        emu.scheduler.runUntil(2_300_000_000L);
        Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
        emu.scheduler.runUntil(3_249_000_000L);
        assertEquals(0, c.pending());
        emu.scheduler.runUntil(3_250_000_000L);
        assertEquals(1, c.pending());
        c.close();
    }

    @Test
    void aFullBlockRetiresAtOnce() {
        Capture c = Capture.open(ns, null, 96, null, 1_000_000_000L); // 4096-byte blocks: 25 frames of 96+68 rounded to 176
        for (int i = 0; i < 23; i++) Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
        assertEquals(0, c.pending());
        Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
        assertEquals(23, c.pending());
        Capture.Frame f = new Capture.Frame();
        assertTrue(c.next(f));
        assertEquals(96, f.caplen);
        assertEquals(98, f.len);
        c.close();
    }

    @Test
    void filterAndRingLimitCount() {
        Capture c = Capture.open(ns, null, 262144, (b, off, len, d, t) -> t != SkBuff.PACKET_OUTGOING);
        for (int i = 0; i < Capture.RING_SLOTS + 3; i++) Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
        Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_OUTGOING);
        assertEquals(Capture.RING_SLOTS + 3, c.received());
        assertEquals(3, c.dropped());
        assertEquals(Capture.RING_SLOTS, c.pending());
        c.close();
    }

    @Test
    void noAllocationPerFrameOnceTheRingIsWarm() {
        Capture c = Capture.open(ns, null, 262144, null);
        Capture.Frame f = new Capture.Frame();
        for (int i = 0; i < 20_000; i++) {
            Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
            c.next(f);
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            Capture.deliver(ns.taps, ns.loopback, frame, 0, frame.length, SkBuff.PACKET_HOST);
            c.next(f);
        }
        long per = (mx.getThreadAllocatedBytes(tid) - before) / n;
        assertTrue(per < 8, "bytes allocated per captured frame: " + per);
        c.close();
    }
}
