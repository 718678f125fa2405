package dev.nsnet.cli;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.core.SkbPool;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import dev.nsnet.tools.world.NsnetWorld;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nsnet bench}: the emulator's own speed, printed as {@code bench NAME: VALUE UNIT} lines.
 * <ul>
 * <li>Packet rate with tracing off on four paths (the kernel figures of
 * /work/shared/bench-kernel are the yardstick): pod to pod over one veth pair, pod to pod through a
 * bridge, the "red line" pod -> bridge -> host routing -> eth0 -> remote host, and pod to pod over
 * two bridge-mode macvlans of one lower device. Pre-built
 * 106-byte UDP frames (64 bytes of payload, as iperf3 -l 64) are injected at the sending pod's
 * eth0 in a tight loop on one thread, from the packet pool (no allocation per packet), and the
 * frames the receiver's device got are counted, per second of wall time and per second of the
 * sending thread's CPU time (the whole path runs on that thread). Warm-up first, then the median
 * of several runs.</li>
 * <li>Control plane: heap bytes per pod and the time to create pods (netns + veth into a bridge
 * + address + default route), through the kernel control API directly, not text commands
 * ({@link BenchPods}).</li>
 * <li>TCP pod to pod through the bridge: bulk transfer in emulated bytes per real second and
 * connections per second ({@link BenchTcp}).</li>
 * </ul>
 * Benchmarks read the wall clock; the model never does. The worlds are built with the same Linux
 * commands a script would use (setup is not timed).
 */
public final class Bench {
    private Bench() { }

    /** Real-kernel figures on this machine type (bench-kernel/README.md, medians). */
    static final double KERNEL_VETH_PPS = 680_146, KERNEL_BRIDGE_PPS = 464_834, KERNEL_REDLINE_PPS = 389_817;
    /** The red line with 10,000 non-matching FORWARD rules, iptables-nft (bench-kernel README, path d). */
    static final double KERNEL_REDLINE_10K_RULES_PPS = 16_316;
    /** macvlan bridge mode, pod to pod on a shared lower device (bench-kernel README, path e). */
    static final double KERNEL_MACVLAN_PPS = 638_530;

    static final String USAGE = """
            Usage: nsnet bench [--quick] [--only NAME] [--cluster NODESxPODS] [--cni MODEL] [--help]
            Measures nsnet itself and prints 'bench NAME: VALUE UNIT' lines.
              --quick       small counts (a smoke test; figures are not meaningful)
              --only NAME   run one benchmark: veth, veth_capture, bridge, redline, macvlan, vxlan, pod_heap, pod_create, tcp_bulk, tcp_crr,
                            iptables_restore_10k, iptables_restore_50k, iptables_append_on_10k, redline_10k_rules,
                            cluster_build (1,000 nodes x 100 pods; --quick: 50 x 10; --cluster NxM: N x M; --cni flannel)
            """;

    static final List<String> NAMES = List.of("veth", "veth_capture", "bridge", "redline", "macvlan", "vxlan", "pod_heap", "pod_create", "tcp_bulk", "tcp_crr",
            "iptables_restore_10k", "iptables_restore_50k", "iptables_append_on_10k", "redline_10k_rules",
            "conntrack_entry_heap", "cluster_build");

    /** Entry point for {@code nsnet bench} (wired by cli/Main); usage errors go to {@code err}, status 2. */
    public static int run(PrintStream out, PrintStream err, String[] args) {
        boolean quick = false;
        String only = null;
        int clusterNodes = -1, clusterPods = -1;
        String clusterCni = "bridge";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        err.println("nsnet bench: --only needs a NAME (" + String.join(", ", NAMES) + ")");
                        err.flush();
                        return 2;
                    }
                    only = args[++i];
                    if (!NAMES.contains(only)) {
                        err.println("nsnet bench: unknown benchmark '" + only + "' (" + String.join(", ", NAMES) + ")");
                        err.flush();
                        return 2;
                    }
                }
                case "--cluster" -> {
                    // NODESxPODS for cluster_build, e.g. 200x100
                    String[] nm = i + 1 < args.length ? args[++i].split("x") : new String[0];
                    try {
                        clusterNodes = Integer.parseInt(nm[0]);
                        clusterPods = Integer.parseInt(nm[1]);
                    } catch (RuntimeException e) {
                        err.println("nsnet bench: --cluster needs NODESxPODS, e.g. 200x100");
                        err.flush();
                        return 2;
                    }
                }
                case "--cni" -> {
                    if (i + 1 >= args.length) {
                        err.println("nsnet bench: --cni needs a model (bridge, flannel)");
                        err.flush();
                        return 2;
                    }
                    clusterCni = args[++i];
                }
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    err.println("nsnet bench: unknown option '" + args[i] + "'");
                    err.print(USAGE);
                    err.flush();
                    return 2;
                }
            }
        }
        int failures = 0;
        long warm = quick ? 2_000 : 1_000_000, count = quick ? 5_000 : 2_000_000;
        int runs = quick ? 3 : 5;
        if (only == null || only.equals("veth")) failures += pps(out, "veth", Path.VETH, warm, count, runs, KERNEL_VETH_PPS);
        if (only == null || only.equals("veth_capture")) failures += pps(out, "veth_capture", Bench::captureRig, warm, count, runs, KERNEL_VETH_PPS);
        if (only == null || only.equals("bridge")) failures += pps(out, "bridge", Path.BRIDGE, warm, count, runs, KERNEL_BRIDGE_PPS);
        if (only == null || only.equals("redline")) failures += pps(out, "redline", Path.REDLINE, warm, count, runs, KERNEL_REDLINE_PPS);
        if (only == null || only.equals("macvlan")) failures += pps(out, "macvlan", Path.MACVLAN, warm, count, runs, KERNEL_MACVLAN_PPS);
        if (only == null || only.equals("vxlan")) failures += pps(out, "vxlan", BenchVxlan::rig, warm, count, runs, BenchVxlan.KERNEL_VXLAN_PPS);
        if (only == null || only.equals("pod_heap")) failures += BenchPods.heap(out, quick ? 500 : 20_000);
        if (only == null || only.equals("pod_create")) failures += BenchPods.create(out, quick ? 1_000 : 100_000);
        if (only == null || only.equals("conntrack_entry_heap")) failures += BenchConntrack.entryHeap(out, quick ? 20_000 : 200_000);
        if (only == null || only.equals("tcp_bulk")) failures += BenchTcp.bulk(out, quick ? 4L << 20 : 512L << 20, quick ? 1 : 3);
        if (only == null || only.equals("tcp_crr")) failures += BenchTcp.crr(out, quick ? 500 : 20_000, quick ? 1 : 3);
        if (only == null || only.equals("iptables_restore_10k"))
            failures += BenchIptables.restore(out, "iptables_restore_10k", quick ? 1_000 : 10_000, quick ? 1 : 7,
                    BenchIptables.KERNEL_NFT_RESTORE_10K_MS);
        if (only == null || only.equals("iptables_restore_50k"))
            failures += BenchIptables.restore(out, "iptables_restore_50k", quick ? 5_000 : 50_000, quick ? 1 : 5,
                    BenchIptables.KERNEL_NFT_RESTORE_50K_MS);
        if (only == null || only.equals("iptables_append_on_10k")) failures += BenchIptables.appendOn(out, "iptables_append_on_10k", quick ? 1_000 : 10_000, quick ? 3 : 21);
        if (only == null || only.equals("redline_10k_rules")) {
            int nrules = quick ? 1_000 : 10_000;
            failures += pps(out, "redline_10k_rules", () -> BenchIptables.redlineWithRules(nrules), warm, count,
                    runs, KERNEL_REDLINE_10K_RULES_PPS);
        }
        if (only == null || only.equals("cluster_build")) failures += BenchCluster.build(out, clusterCni,
                clusterNodes > 0 ? clusterNodes : quick ? 50 : 1_000, clusterPods >= 0 ? clusterPods : quick ? 10 : 100);
        return failures == 0 ? 0 : 1;
    }

    // ------------------------------------------------------------------ packet rate

    enum Path { VETH, BRIDGE, REDLINE, MACVLAN }

    /** A world ready for injection: where frames enter, what they look like, who counts them. */
    record Rig(Emulation emu, NetDevice tx, NetDevice rx, byte[] frame) { }

    private static int pps(PrintStream out, String name, Path path, long warm, long count, int runs, double kernel) {
        return pps(out, name, () -> rig(path), warm, count, runs, kernel);
    }

    private static int pps(PrintStream out, String name, java.util.function.Supplier<Rig> world, long warm, long count, int runs,
                           double kernel) {
        Rig rig;
        try {
            rig = world.get();
        } catch (RuntimeException e) {
            out.println("bench " + name + "_pps: unavailable (" + e.getMessage() + ")");
            return 1;
        }
        inject(rig, warm);
        long delivered = rig.rx.stats.rxPackets;
        inject(rig, 1000);
        if (rig.rx.stats.rxPackets - delivered != 1000) {
            out.println("bench " + name + "_pps: unavailable (only " + (rig.rx.stats.rxPackets - delivered)
                    + " of 1000 frames reached " + rig.rx.name + ")");
            return 1;
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall figure mostly
        // measures the other processes, the CPU figure what nsnet itself costs per frame
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        double[] pps = new double[runs], cpuPps = new double[runs];
        for (int r = 0; r < runs; r++) {
            long before = rig.rx.stats.rxPackets;
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            inject(rig, count);
            long t1 = System.nanoTime();
            long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            pps[r] = (rig.rx.stats.rxPackets - before) * 1e9 / (t1 - t0);
            cpuPps[r] = cpu ? (rig.rx.stats.rxPackets - before) * 1e9 / Math.max(1, c1 - c0) : 0;
        }
        Arrays.sort(pps);
        Arrays.sort(cpuPps);
        double median = pps[runs / 2];
        out.printf("bench %s_pps: %.0f pps%n", name, median);
        out.printf("bench %s_vs_kernel: %.2f x%n", name, median / kernel);
        if (cpu) {
            out.printf("bench %s_cpu_pps: %.0f pps%n", name, cpuPps[runs / 2]);
            out.printf("bench %s_cpu_vs_kernel: %.2f x%n", name, cpuPps[runs / 2] / kernel);
        }
        return 0;
    }

    /**
     * The veth path with one capture running on the receiving device, as a {@code tcpdump -i eth0}
     * there would: a packet tap whose consumer copies every frame out (what the ring copy costs).
     */
    static Rig captureRig() {
        Rig r = rig(Path.VETH);
        byte[] copy = new byte[2048];
        dev.nsnet.kernel.core.Capture.openSink(r.rx().ns, r.rx(), (d, t, ts, b, off, len) -> System.arraycopy(b, off, copy, 0, Math.min(len, copy.length)));
        return r;
    }

    /** Sends {@code n} copies of the rig's frame out of its tx device (the softirq runs each to its end). */
    static void inject(Rig rig, long n) {
        SkbPool pool = rig.emu.pool;
        byte[] f = rig.frame;
        int len = f.length;
        NetDevice tx = rig.tx;
        for (long i = 0; i < n; i++) {
            SkBuff skb = pool.alloc(len);
            int off = skb.put(len);
            System.arraycopy(f, 0, skb.buf, off, len);
            skb.dev = tx;
            Dev.queueXmit(skb);
        }
        rig.emu.softirq();
    }

    static Rig rig(Path path) {
        Emulation emu = new Emulation(1);
        ToolRegistry reg = Tools.standard();
        if (reg.get(NsnetWorld.NAME) == null) reg.register(new NsnetWorld());
        Host node = emu.newHost("node1");
        Demo.Shell sh = new Demo.Shell(emu, node, reg, new PrintStream(OutputStream.nullOutputStream()));
        List<String> setup = new ArrayList<>(List.of(
                "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1",
                "ip link set lo up",
                "ip netns add pa",
                "ip netns add pb",
                "ip -n pa link set lo up",
                "ip -n pb link set lo up"));
        String dstIp;
        switch (path) {
            case VETH -> {
                setup.addAll(List.of(
                        "ip -n pa link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns pb",
                        "ip -n pa addr add 10.0.0.1/24 dev eth0",
                        "ip -n pb addr add 10.0.0.2/24 dev eth0",
                        "ip -n pa link set eth0 up",
                        "ip -n pb link set eth0 up"));
                dstIp = "10.0.0.2";
            }
            case BRIDGE, REDLINE -> {
                setup.addAll(List.of(
                        "ip link add br0 address 02:00:00:00:01:01 type bridge",
                        "ip addr add 10.244.0.1/24 dev br0",
                        "ip link set br0 up",
                        "ip link add vpa address 02:00:00:00:01:0a type veth peer name eth0 address 02:00:00:00:00:01 netns pa",
                        "ip link add vpb address 02:00:00:00:01:0b type veth peer name eth0 address 02:00:00:00:00:02 netns pb",
                        "ip link set vpa master br0",
                        "ip link set vpb master br0",
                        "ip link set vpa up",
                        "ip link set vpb up",
                        "ip -n pa addr add 10.244.0.2/24 dev eth0",
                        "ip -n pb addr add 10.244.0.3/24 dev eth0",
                        "ip -n pa link set eth0 up",
                        "ip -n pb link set eth0 up",
                        "ip -n pa route add default via 10.244.0.1",
                        "ip -n pb route add default via 10.244.0.1"));
                dstIp = "10.244.0.3";
                if (path == Path.REDLINE) {
                    setup.addAll(List.of(
                            "sysctl -q -w net.ipv4.ip_forward=1",
                            "nsnet-world nic add node1 eth0 address 52:54:00:00:00:0a",
                            "nsnet-world host add inet",
                            "nsnet-world nic add inet eth0 address 52:54:00:00:00:0b",
                            "nsnet-world cable node1:eth0 inet:eth0",
                            "ip addr add 198.51.100.1/24 dev eth0",
                            "ip link set eth0 up",
                            "nsnet-world exec inet ip link set lo up",
                            "nsnet-world exec inet ip addr add 198.51.100.2/24 dev eth0",
                            "nsnet-world exec inet ip link set eth0 up",
                            // the kernel's path c: inet has no route back to the pods; node1
                            // tracks connections and MASQUERADEs them (every frame after the
                            // first is rewritten from its conntrack entry)
                            "iptables -t nat -A POSTROUTING -s 10.244.0.0/16 -o eth0 -j MASQUERADE"));
                    dstIp = "198.51.100.2";
                }
            }
            case MACVLAN -> {
                // the kernel's path e (bench-kernel lib.sh topo_macvlan): lower veth low0 in
                // "under" (peer in "peer"), two bridge-mode macvlans on it moved into the pods
                setup.addAll(List.of(
                        "ip netns add under",
                        "ip netns add peer",
                        "ip link add low0 netns under address 02:00:00:00:02:01 type veth peer name low1 netns peer address 02:00:00:00:02:02",
                        "ip -n under link set low0 up",
                        "ip -n peer link set low1 up",
                        "ip -n under link add mvpa link low0 address 02:00:00:00:00:01 type macvlan mode bridge",
                        "ip -n under link set mvpa netns pa",
                        "ip -n pa link set mvpa name eth0",
                        "ip -n pa addr add 10.10.0.1/24 dev eth0",
                        "ip -n pa link set eth0 up",
                        "ip -n under link add mvpb link low0 address 02:00:00:00:00:02 type macvlan mode bridge",
                        "ip -n under link set mvpb netns pb",
                        "ip -n pb link set mvpb name eth0",
                        "ip -n pb addr add 10.10.0.2/24 dev eth0",
                        "ip -n pb link set eth0 up"));
                dstIp = "10.10.0.2";
            }
            default -> throw new IllegalStateException();
        }
        for (String l : setup) {
            int rc = sh.run(node, l);
            if (rc != 0) throw new IllegalStateException("setup `" + l + "` exited " + rc);
        }
        // No ping first: the warm-up frames themselves make node1 resolve its next hop by ARP
        // (the first few wait in the neighbour's queue), as iperf3's first datagrams would.
        emu.scheduler.sleep(1_000_000_000L);
        NetNamespace pa = node.netns("pa");
        NetDevice tx = pa.dev("eth0");
        NetDevice rx = path == Path.REDLINE ? emu.host("inet").rootNs.dev("eth0") : node.netns("pb").dev("eth0");
        long dstMac = switch (path) {
            case VETH, BRIDGE, MACVLAN -> node.netns("pb").dev("eth0").mac;
            case REDLINE -> node.rootNs.dev("br0").mac;
        };
        byte[] frame = udpFrame(dstMac, tx.mac, Inet4.parse(switch (path) {
            case VETH -> "10.0.0.1";
            case MACVLAN -> "10.10.0.1";
            default -> "10.244.0.2";
        }), Inet4.parse(dstIp), 64);
        return new Rig(emu, tx, rx, frame);
    }

    /** An Ethernet + IPv4 + UDP frame with {@code payload} bytes, checksums filled in. */
    static byte[] udpFrame(long dstMac, long srcMac, int src, int dst, int payload) {
        int ipLen = Ipv4.HLEN + 8 + payload;
        byte[] f = new byte[Ether.HLEN + ipLen];
        Ether.write(f, 0, dstMac, srcMac, Ether.P_IP);
        Ipv4.write(f, Ether.HLEN, 0, ipLen, 1, Ipv4.DF, 64, Ipv4.PROTO_UDP, src, dst);
        int u = Ether.HLEN + Ipv4.HLEN;
        Bytes.put16(f, u, 40000);
        Bytes.put16(f, u + 2, 5201);
        Bytes.put16(f, u + 4, 8 + payload);
        for (int i = 0; i < payload; i++) f[u + 8 + i] = (byte) i;
        long sum = Bytes.sum(f, u, 8 + payload) + ((src >>> 16) & 0xffff) + (src & 0xffff)
                + ((dst >>> 16) & 0xffff) + (dst & 0xffff) + Ipv4.PROTO_UDP + 8 + payload;
        int c = Bytes.fold(sum);
        Bytes.put16(f, u + 6, c == 0 ? 0xffff : c);
        return f;
    }
}
