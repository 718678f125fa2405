package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The performance promises of docs/benchmarks.md that can be checked without a clock: the three
 * benchmark paths allocate nothing per packet, and building a pod allocates a bounded amount.
 * Bytes are counted by the JVM per thread ({@code getThreadAllocatedBytes}), so the figures do
 * not depend on the machine's speed or load.
 */
class BenchAllocTest {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() { return MX.getThreadAllocatedBytes(Thread.currentThread().threadId()); }

    @Test
    void packetPathsAllocateNothingPerPacket() {
        for (Bench.Path path : Bench.Path.values()) {
            Bench.Rig rig = Bench.rig(path);
            Bench.inject(rig, 20_000); // ARP resolution, JIT, pool growth
            long rx = rig.rx().stats.rxPackets;
            int n = 100_000;
            long before = allocated();
            Bench.inject(rig, n);
            double perPacket = (allocated() - before) / (double) n;
            assertEquals(n, rig.rx().stats.rxPackets - rx, path + ": frames delivered");
            // a few hundred bytes in all may come from the JVM itself (JIT deoptimisation, TLAB
            // bookkeeping); one object per packet would be 16 bytes or more
            assertTrue(perPacket < 1, path + ": " + perPacket + " bytes allocated per packet");
        }
    }

    @Test
    void vxlanOverlayAllocatesNothingPerPacket() {
        Bench.Rig rig = BenchVxlan.rig();
        Bench.inject(rig, 20_000);
        long rx = rig.rx().stats.rxPackets;
        int n = 100_000;
        long before = allocated();
        Bench.inject(rig, n);
        double perPacket = (allocated() - before) / (double) n;
        assertEquals(n, rig.rx().stats.rxPackets - rx, "vxlan: frames delivered");
        assertTrue(perPacket < 1, "vxlan: " + perPacket + " bytes allocated per packet");
    }

    @Test
    void buildingAPodAllocatesLittle() {
        BenchPods.Node node = new BenchPods.Node();
        for (int i = 0; i < 100; i++) node.addPod(); // first-use caches
        int n = 1_000;
        long before = allocated();
        for (int i = 0; i < n; i++) node.addPod();
        double perPod = (allocated() - before) / (double) n;
        // ~12 KiB today (netns, veth pair, bridge port, addresses, routes, and their garbage);
        // it was ~400 KiB while every namespace registered its own sysctl entries
        assertTrue(perPod < 32 * 1024, perPod + " bytes allocated per pod");
    }
}
