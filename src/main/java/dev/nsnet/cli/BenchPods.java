package dev.nsnet.cli;

import dev.nsnet.kernel.bridge.BrDevice;
import dev.nsnet.kernel.bridge.BrIf;
import dev.nsnet.kernel.bridge.NetBridge;
import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Veth;
import dev.nsnet.kernel.ipv4.Devinet;
import dev.nsnet.kernel.ipv4.Fib;
import dev.nsnet.kernel.ipv4.FibConfig;
import java.io.PrintStream;

/**
 * The control-plane half of {@code nsnet bench}: what one pod costs. A pod is what the kernel
 * benchmark's netlink mode builds: a named netns, a veth pair whose host end is a port of a
 * bridge and up, {@code lo} up, the pod end named eth0 with an address and up, and a default
 * route via the bridge. Built through the kernel's control API directly (what a CNI plugin's
 * netlink messages reach), not by parsing text commands.
 */
final class BenchPods {
    private BenchPods() { }

    /** Real-kernel figures (bench-kernel/README.md): slab per pod and kernel time per pod. */
    static final double KERNEL_KIB_PER_POD = 335, KERNEL_MS_PER_POD = 1.0;

    /**
     * A node whose root namespace holds bridges br0, br1, ... (a bridge takes at most 1023 ports,
     * BR_MAX_PORTS, so every {@value #PODS_PER_BRIDGE} pods get a new one, 10.K.0.1/16).
     */
    static final class Node {
        static final int PODS_PER_BRIDGE = 1000;
        final Emulation emu = new Emulation(1);
        final Host host = emu.newHost("node1");
        NetBridge br;
        int pods;

        /** One pod, numbered from 1: netns p{n}, veth v{n} on br{k}, eth0 10.k.x.y/16, default route. */
        void addPod() {
            int n = ++pods;
            int k = (n - 1) / PODS_PER_BRIDGE, j = (n - 1) % PODS_PER_BRIDGE;
            int gw = (10 << 24) | (k << 16) | 1;
            if (j == 0) {
                br = BrDevice.create(host.rootNs, "br" + k, 0x02_00_00_00_00_01L | ((long) k << 8));
                addr(br.dev, gw, 16);
                Dev.open(br.dev);
            }
            NetNamespace ns = host.createNetns();
            host.nameNetns("p" + n, ns);
            long macBase = 0x0a_58_00_00_00_00L | ((long) n << 1);
            NetDevice hostEnd = Veth.create(host.rootNs, "v" + n, macBase | 0x02_00_00_00_00_00L, 0, ns, "eth0", macBase, 0);
            BrIf.addIf(br, hostEnd);
            Dev.open(hostEnd);
            Dev.open(ns.loopback);
            NetDevice eth0 = ns.dev("eth0");
            addr(eth0, gw + 1 + j, 16);
            Dev.open(eth0);
            FibConfig r = new FibConfig();
            r.gateway = gw;
            Fib.insert(ns, r);
        }

        private static void addr(NetDevice dev, int a, int len) {
            Devinet.AddrRequest req = new Devinet.AddrRequest();
            req.local = a;
            req.address = a;
            req.prefixLen = len;
            Devinet.newAddr(dev, req);
        }
    }

    /** Heap bytes per pod: heap used after GC with {@code n} pods minus the empty node, over n. */
    static int heap(PrintStream out, int n) {
        try {
            Node node = new Node();
            node.addPod(); // load the classes and first-use caches outside the measurement
            long before = usedAfterGc();
            for (int i = 1; i < n; i++) node.addPod();
            long after = usedAfterGc();
            double perPod = (after - before) / (double) (n - 1);
            if (node.pods != n) throw new IllegalStateException("built " + node.pods + " pods");
            out.printf("bench pod_heap: %.0f bytes/pod%n", perPod);
            out.printf("bench pod_heap_vs_kernel: %.4f x%n", perPod / 1024 / KERNEL_KIB_PER_POD);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            out.println("bench pod_heap: unavailable (" + e + ")");
            return 1;
        }
    }

    /**
     * Time to create {@code n} pods on one node. When the heap cannot hold n pods (judged from a
     * warm-up node), the rate is measured on as many as fit and the n-pod line says why it is missing.
     */
    static int create(PrintStream out, int n) {
        try {
            // warm up the code paths on a throw-away node, which also tells the heap cost per pod
            boolean big = n > 10_000;
            long base = big ? usedAfterGc() : 0;
            Node warm = new Node();
            int w = Math.max(1, Math.min(n / 5, 2_000));
            for (int i = 0; i < w; i++) warm.addPod();
            int fit = n;
            double perPod = 0;
            if (big) {
                perPod = Math.max(1, (usedAfterGc() - base) / (double) w);
                long room = (long) ((Runtime.getRuntime().maxMemory() - base) * 0.7);
                fit = (int) Math.min(n, room / perPod);
            }
            warm = null; // let the warm-up node go before the measured one grows
            if (big) usedAfterGc();
            Node node = new Node();
            long t0 = System.nanoTime();
            for (int i = 0; i < fit; i++) node.addPod();
            long t1 = System.nanoTime();
            double secs = (t1 - t0) / 1e9;
            double usPerPod = secs * 1e6 / fit;
            out.printf("bench pod_create: %.1f us/pod%n", usPerPod);
            if (fit == n) {
                out.printf("bench pod_create_%d: %.2f s%n", n, secs);
            } else {
                out.printf("bench pod_create_%d: unavailable (needs ~%.1f GiB of heap at %.0f KiB/pod, max heap %.1f GiB; measured %d pods)%n",
                        n, n * perPod / (1L << 30), perPod / 1024, Runtime.getRuntime().maxMemory() / (double) (1L << 30), fit);
            }
            out.printf("bench pod_create_vs_kernel: %.4f x%n", usPerPod / 1000 / KERNEL_MS_PER_POD);
            return fit == n ? 0 : 1;
        } catch (RuntimeException | LinkageError e) {
            out.println("bench pod_create: unavailable (" + e + ")");
            return 1;
        }
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
