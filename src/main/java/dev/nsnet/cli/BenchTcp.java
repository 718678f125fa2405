package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.wire.Inet4;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The TCP half of {@code nsnet bench}, pod to pod through a bridge (the world of
 * {@link Bench#rig} BRIDGE: pa 10.244.0.2 -> br0 -> pb 10.244.0.3):
 * <ul>
 * <li>{@code tcp_bulk}: one connection, the client writing 64 KiB at a time (keeping at most
 * 256 KiB queued) and the server reading everything, as iperf3 does; emulated payload bytes
 * delivered per second of wall time. Every segment really crosses veth, bridge and veth with
 * its checksums, ACKs and windows on the virtual clock.</li>
 * <li>{@code tcp_crr}: connect, accept, close on both sides, one connection after the other
 * (netperf TCP_CRR without the request/response bytes); connections per second of wall time.
 * Every 1000 connections the virtual clock jumps past TIME_WAIT (60 s) so the client's
 * ephemeral ports come back, as they would on a real host over time; that timer work is timed too.</li>
 * </ul>
 * Sockets are driven from the benchmark's own thread (no processes): the loop runs the event
 * queue between system calls exactly as a blocked process would let it run.
 */
final class BenchTcp {
    private BenchTcp() { }

    /** Real-kernel figure (bench-kernel/README.md): iperf3 TCP pod -> bridge -> pod, median. */
    static final double KERNEL_BRIDGE_GBITS = 18.2;
    static final int PORT = 5201;

    /** A connected pair in the bench world. */
    record Pair(Emulation emu, TcpSock client, TcpSock server, TcpSock listener) { }

    static Pair connect(Emulation emu, NetNamespace pa, NetNamespace pb, TcpSock listener) {
        TcpSock c = TcpSock.open(pa, null);
        c.connect(Inet4.parse("10.244.0.3"), PORT);
        emu.processes.waitFor(listener::acceptReady, emu.now() + 10_000_000_000L);
        TcpSock s = listener.accept(null);
        if (s == null || c.state() != TcpSock.ESTABLISHED) throw new IllegalStateException("no connection");
        return new Pair(emu, c, s, listener);
    }

    static int bulk(PrintStream out, long bytes, int runs) {
        try {
            double[] mbs = new double[runs];
            for (int r = 0; r < runs; r++) {
                Bench.Rig rig = Bench.rig(Bench.Path.BRIDGE);
                Emulation emu = rig.emu();
                Host node = emu.host("node1");
                NetNamespace pa = node.netns("pa"), pb = node.netns("pb");
                TcpSock l = TcpSock.open(pb, null);
                l.bind(0, PORT);
                l.listen(128);
                Pair p = connect(emu, pa, pb, l);
                transfer(p, bytes / 8); // warm-up (JIT, window growth)
                long t0 = System.nanoTime();
                transfer(p, bytes);
                long ns = System.nanoTime() - t0;
                mbs[r] = bytes / (ns / 1e9) / 1e6;
            }
            Arrays.sort(mbs);
            double m = mbs[runs / 2];
            out.printf("bench tcp_bulk_bridge: %.1f MB/s%n", m);
            out.printf("bench tcp_bulk_bridge_gbit: %.2f Gbit/s%n", m * 8 / 1000);
            out.printf("bench tcp_bulk_bridge_vs_kernel: %.3f x%n", m * 8 / 1000 / KERNEL_BRIDGE_GBITS);
            return 0;
        } catch (RuntimeException e) {
            out.println("bench tcp_bulk_bridge: unavailable (" + e + ")");
            return 1;
        }
    }

    /** Sends {@code bytes} from the client and reads them all at the server. */
    static void transfer(Pair p, long bytes) {
        byte[] chunk = new byte[65536];
        long sent = 0, got = 0;
        Emulation emu = p.emu();
        TcpSock c = p.client(), s = p.server();
        while (got < bytes) {
            while (sent < bytes && c.sendQ() < 4 * chunk.length) {
                int n = (int) Math.min(chunk.length, bytes - sent);
                int w = c.send(chunk, 0, n);
                if (w <= 0) throw new IllegalStateException("send: " + w);
                sent += w;
            }
            emu.processes.waitFor(() -> s.available() > 0, emu.now() + 1_000_000_000L);
            int n = s.available();
            if (n == 0) throw new IllegalStateException("transfer stalled at " + got + " bytes");
            got += s.read(n).length;
        }
    }

    static int crr(PrintStream out, int count, int runs) {
        try {
            double[] cps = new double[runs];
            for (int r = 0; r < runs; r++) {
                Bench.Rig rig = Bench.rig(Bench.Path.BRIDGE);
                Emulation emu = rig.emu();
                Host node = emu.host("node1");
                NetNamespace pa = node.netns("pa"), pb = node.netns("pb");
                TcpSock l = TcpSock.open(pb, null);
                l.bind(0, PORT);
                l.listen(4096);
                connections(emu, pa, pb, l, Math.min(count, 1000)); // warm-up
                long t0 = System.nanoTime();
                connections(emu, pa, pb, l, count);
                cps[r] = count / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(cps);
            out.printf("bench tcp_crr_bridge: %.0f conn/s%n", cps[runs / 2]);
            return 0;
        } catch (RuntimeException e) {
            out.println("bench tcp_crr_bridge: unavailable (" + e + ")");
            return 1;
        }
    }

    private static void connections(Emulation emu, NetNamespace pa, NetNamespace pb, TcpSock l, int count) {
        for (int i = 0; i < count; i++) {
            Pair p = connect(emu, pa, pb, l);
            p.client().close();
            emu.processes.waitFor(() -> p.server().eof(), emu.now() + 1_000_000_000L);
            p.server().close();
            emu.processes.waitFor(() -> p.client().state() == TcpSock.TIME_WAIT, emu.now() + 1_000_000_000L);
            if (p.client().state() != TcpSock.TIME_WAIT) {
                throw new IllegalStateException("connection " + i + " did not close: " + TcpSock.stateName(p.client().state()));
            }
            if ((i + 1) % 1000 == 0) emu.scheduler.sleep(61_000_000_000L);
        }
    }
}
