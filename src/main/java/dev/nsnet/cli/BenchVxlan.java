package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nsnet bench --only vxlan}: pod -> pod across two nodes over a VXLAN overlay, the world of
 * bench/kernel/dp_vxlan.sh (the kernel's yardstick). The nodes are namespaces joined by a veth
 * underlay; on each, a bridge holds the pod's veth and vx0 (VNI 42, dstport 4789, unicast remote).
 * Every frame is bridged, encapsulated (VXLAN + UDP + IPv4, checksummed), routed and ARP-resolved
 * on the underlay, received by the other node's UDP socket, decapsulated, learnt and bridged
 * again to the far pod.
 */
final class BenchVxlan {
    private BenchVxlan() { }

    /**
     * The kernel's overlay pps, scaled (docs/benchmarks.md): bench/kernel/dp_vxlan.sh at load 2.0 gave
     * 103k rx pps beside veth's 292k in the same minute (ratio 0.35, receiver not starved); 0.35 x the
     * quiet veth figure (680,146) is 240k. Replace with a measurement on an idle machine.
     */
    static final double KERNEL_VXLAN_PPS = 240_000;

    static Bench.Rig rig() {
        Emulation emu = new Emulation(1);
        ToolRegistry reg = Tools.standard();
        Host host = emu.newHost("nsnet");
        Demo.Shell sh = new Demo.Shell(emu, host, reg, new PrintStream(OutputStream.nullOutputStream()));
        List<String> setup = new ArrayList<>(List.of(
                "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1",
                "sysctl -q -w net.ipv6.conf.default.disable_ipv6=1"));
        for (String n : List.of("node1", "node2", "pa", "pb")) {
            setup.add("ip netns add " + n);
            setup.add("ip -n " + n + " link set lo up");
        }
        setup.add("ip -n node1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns node2");
        for (int i = 1; i <= 2; i++) {
            int o = 3 - i;
            String n = "ip -n node" + i + " ";
            String pod = i == 1 ? "pa" : "pb";
            setup.addAll(List.of(
                    n + "addr add 192.168.50." + i + "/24 dev eth0",
                    n + "link set eth0 up",
                    n + "link add vx0 address 02:00:00:00:01:0" + i + " type vxlan id 42 dstport 4789 remote 192.168.50." + o
                            + " local 192.168.50." + i + " dev eth0",
                    n + "link add br0 address 02:00:00:00:0b:0" + i + " type bridge",
                    n + "link set vx0 master br0",
                    n + "link add veth0 address 02:00:00:00:0c:0" + i + " type veth peer name eth0 address 02:00:00:00:0d:0" + i
                            + " netns " + pod,
                    n + "link set veth0 master br0",
                    n + "link set veth0 mtu 1450",
                    "ip -n " + pod + " link set eth0 mtu 1450",
                    n + "link set vx0 up",
                    n + "link set veth0 up",
                    n + "link set br0 up",
                    "ip -n " + pod + " addr add 10.10.0." + i + "/24 dev eth0",
                    "ip -n " + pod + " link set eth0 up"));
        }
        for (String l : setup) {
            int rc = sh.run(host, l);
            if (rc != 0) throw new IllegalStateException("setup `" + l + "` exited " + rc);
        }
        emu.scheduler.sleep(1_000_000_000L);
        // as the kernel script does: a ping first, so both bridges and both vxlan FDBs have learnt
        String ping = "ip netns exec pa ping -q -c 2 -W 1 10.10.0.2";
        if (sh.run(host, ping) != 0) throw new IllegalStateException("pa cannot reach pb over the overlay");
        NetDevice tx = host.netns("pa").dev("eth0");
        NetDevice rx = host.netns("pb").dev("eth0");
        byte[] frame = Bench.udpFrame(rx.mac, tx.mac, Inet4.parse("10.10.0.1"), Inet4.parse("10.10.0.2"), 64);
        return new Bench.Rig(emu, tx, rx, frame);
    }
}
