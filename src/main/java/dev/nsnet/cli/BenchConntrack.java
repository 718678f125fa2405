package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;
import java.io.PrintStream;

/**
 * {@code bench conntrack_entry_heap}: heap bytes per confirmed conntrack entry (a UDP flow), made
 * through the data path ({@code nf_conntrack_in} + confirm, as a packet in OUTPUT/POSTROUTING),
 * its share of the hash table included; measured like {@link BenchPods#heap}. The kernel's
 * {@code nf_conntrack} slab object is {@link #KERNEL_SLAB_BYTES} bytes on the recording machine
 * (/proc/slabinfo), plus 8 bytes of hash bucket per entry at the default sizing.
 */
final class BenchConntrack {
    private BenchConntrack() { }

    static final int KERNEL_SLAB_BYTES = 256;

    static int entryHeap(PrintStream out, int n) {
        try {
            Emulation emu = new Emulation(1);
            NetNamespace ns = emu.newHost("h").rootNs;
            NfConntrackNet net = NfConntrackNet.of(ns);
            flow(emu, ns, net, 0); // classes, first-use caches and the scratch tuples
            long before = BenchPods.usedAfterGc();
            for (int i = 1; i <= n; i++) flow(emu, ns, net, i);
            long after = BenchPods.usedAfterGc();
            if (net.count() != n + 1) throw new IllegalStateException("made " + net.count() + " entries");
            double per = (after - before) / (double) n;
            out.printf("bench conntrack_entry_heap: %.0f bytes%n", per);
            out.printf("bench conntrack_entry_heap_vs_kernel: %.2f x%n", per / KERNEL_SLAB_BYTES);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            out.println("bench conntrack_entry_heap: unavailable (" + e + ")");
            return 1;
        }
    }

    /** One UDP datagram of flow i (distinct source address/port) through conntrack's output hooks. */
    private static void flow(Emulation emu, NetNamespace ns, NfConntrackNet net, int i) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(Ipv4.HLEN + 8);
        Ipv4.write(skb.buf, o, 0, Ipv4.HLEN + 8, 1, 0, 64, Ipv4.PROTO_UDP, 0x0a000000 | (i >>> 16), 0x0a640001);
        Bytes.put16(skb.buf, o + Ipv4.HLEN, i & 0xffff);
        Bytes.put16(skb.buf, o + Ipv4.HLEN + 2, 53);
        skb.networkHeader = o;
        NfConntrackCore.in(net, NfHook.LOCAL_OUT, skb, ns.loopback);
        NfConntrackCore.confirm(net, skb, ns.loopback);
        skb.free();
    }
}
