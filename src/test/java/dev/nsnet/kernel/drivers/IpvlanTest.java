package dev.nsnet.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.Devinet;
import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * ipvlan_handle_frame / ipvlan_queue_xmit per mode, with real frame bytes, and end to end in
 * scripts (a model checked against drivers/net/ipvlan/*.c: the recording kernel has no ipvlan).
 */
class IpvlanTest {
    private static final long LOWER = 0x020000000001L, PEER = 0x020000000002L, OUTSIDE = 0x020000000999L;

    private final Emulation emu = new Emulation(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL);
    private final Host host = emu.newHost("h");
    private final NetNamespace root = host.rootNs;
    private final NetDevice up0 = Veth.create(root, "up0", LOWER, 0, root, "up1", PEER, 0);

    private NetDevice slave(String name, int mode, String ip) {
        NetDevice d = Ipvlan.newLink(root, name, up0, mode, 0, null, 0);
        RtnlLink.changeFlags(d, 1, 1);
        Devinet.AddrRequest r = new Devinet.AddrRequest();
        r.local = Inet4.parse(ip);
        r.prefixLen = 24;
        Devinet.newAddr(d, r);
        return d;
    }

    /** An IPv4 frame as the lower received it (eth_type_trans done for up0). */
    private SkBuff rxIp(long dstMac, long srcMac, String src, String dst) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(Ether.HLEN + 28);
        Ether.write(skb.buf, o, dstMac, srcMac, Ether.P_IP);
        Ipv4.write(skb.buf, o + Ether.HLEN, 0, 28, 1, 0, 64, Ipv4.PROTO_UDP, Inet4.parse(src), Inet4.parse(dst));
        Dev.ethTypeTrans(skb, up0);
        return skb;
    }

    private SkBuff rxArp(long dstMac, long srcMac, int op, String spa, String tpa) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(Ether.HLEN + 28);
        Ether.write(skb.buf, o, dstMac, srcMac, Ether.P_ARP);
        Arp.write(skb.buf, o + Ether.HLEN, op, srcMac, Inet4.parse(spa), op == 1 ? 0 : dstMac, Inet4.parse(tpa));
        Dev.ethTypeTrans(skb, up0);
        return skb;
    }

    private IpvlanPort port() { return IpvlanPort.of(up0); }

    @Test
    void allSlavesShareTheLowersMac() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        assertEquals(LOWER, a.mac);
        assertEquals(LOWER, b.mac);
        Dev.setMac(up0, 0x020000000005L);
        assertEquals(0x020000000005L, a.mac);
        assertEquals(0x020000000005L, b.mac);
    }

    @Test
    void unicastIsDemultiplexedByDestinationIp() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        SkBuff skb = rxIp(LOWER, OUTSIDE, "10.0.0.100", "10.0.0.12");
        assertEquals(RxHandlerResult.ANOTHER, port().handle(skb));
        assertSame(b, skb.dev);
        assertEquals(1, b.stats.rxPackets);
        assertEquals(Ether.HLEN + 28, b.stats.rxBytes);
        assertEquals(0, a.stats.rxPackets);
        skb.free();
        // an address no slave holds stays with the lower
        SkBuff other = rxIp(LOWER, OUTSIDE, "10.0.0.100", "10.0.0.1");
        assertEquals(RxHandlerResult.PASS, port().handle(other));
        assertSame(up0, other.dev);
        other.free();
    }

    @Test
    void arpRepliesGoToTheSlaveOwningTheTargetAddress() {
        slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        SkBuff skb = rxArp(LOWER, OUTSIDE, 2, "10.0.0.100", "10.0.0.12");
        assertEquals(RxHandlerResult.ANOTHER, port().handle(skb));
        assertSame(b, skb.dev);
        skb.free();
    }

    @Test
    void l2BroadcastFromOutsideReachesEverySlaveAndTheLower() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        SkBuff skb = rxArp(Mac.BROADCAST, OUTSIDE, 1, "10.0.0.100", "10.0.0.12");
        assertEquals(RxHandlerResult.PASS, port().handle(skb));
        assertEquals(1, a.stats.rxPackets);
        assertEquals(1, b.stats.multicast);
        assertEquals(Ether.HLEN + 28, b.stats.rxBytes);
        skb.free();
        emu.softirq();
    }

    @Test
    void aSlavesOwnBroadcastHairpinnedBackIsNotDeliveredAgain() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        SkBuff skb = rxArp(Mac.BROADCAST, LOWER, 1, "10.0.0.11", "10.0.0.12");
        assertEquals(RxHandlerResult.PASS, port().handle(skb));
        assertEquals(0, a.stats.rxPackets);
        assertEquals(0, b.stats.rxPackets);
        skb.free();
    }

    @Test
    void l3BroadcastFromOutsideIsNotForTheSlavesAndAnArpRequestForOneGoesToItOnly() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L3, "10.0.0.11");
        NetDevice b = slave("ipv2", Ipvlan.MODE_L3, "10.0.0.12");
        assertTrue((a.flags & dev.nsnet.kernel.core.If.IFF_NOARP) != 0);
        SkBuff skb = rxArp(Mac.BROADCAST, OUTSIDE, 1, "10.0.0.100", "10.0.0.12");
        // l3: the ARP target decides; the slave is NOARP, so arp_rcv will ignore it
        assertEquals(RxHandlerResult.ANOTHER, port().handle(skb));
        assertSame(b, skb.dev);
        assertEquals(0, a.stats.rxPackets);
        skb.free();
    }

    @Test
    void l3sLeavesEverythingToTheLowersStack() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L3S, "10.0.0.11");
        SkBuff skb = rxIp(LOWER, OUTSIDE, "10.0.0.100", "10.0.0.11");
        assertEquals(RxHandlerResult.PASS, port().handle(skb));
        assertEquals(0, a.stats.rxPackets);
        skb.free();
    }

    @Test
    void aSlaveThatIsDownHasNoAddressesInTheHash() {
        NetDevice a = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        RtnlLink.changeFlags(a, 0, 1);
        SkBuff skb = rxIp(LOWER, OUTSIDE, "10.0.0.100", "10.0.0.11");
        assertEquals(RxHandlerResult.PASS, port().handle(skb));
        skb.free();
        RtnlLink.changeFlags(a, 1, 1);
        SkBuff again = rxIp(LOWER, OUTSIDE, "10.0.0.100", "10.0.0.11");
        assertEquals(RxHandlerResult.ANOTHER, port().handle(again));
        again.free();
    }

    @Test
    void noAllocationPerFrameDemultiplexedByIp() {
        NetDevice up1 = Veth.peer(up0);
        RtnlLink.changeFlags(up0, 1, 1);
        RtnlLink.changeFlags(up1, 1, 1);
        NetDevice s1 = slave("ipv1", Ipvlan.MODE_L2, "10.0.0.11");
        slave("ipv2", Ipvlan.MODE_L2, "10.0.0.12");
        int dst = Inet4.parse("10.0.0.12"), src = Inet4.parse("10.0.0.100");
        NetDevice s2 = root.dev("ipv2");
        long base = s2.stats.rxPackets;
        // from the wire to ipv2 by destination IP; a bad header checksum ends it in ipv2's ip_rcv
        // (the IP layer's own work is not what this measures)
        Runnable fromWire = () -> {
            SkBuff skb = emu.pool.alloc(64);
            int o = skb.put(Ether.HLEN + 28);
            Ether.write(skb.buf, o, LOWER, OUTSIDE, Ether.P_IP);
            Ipv4.write(skb.buf, o + Ether.HLEN, 0, 28, 1, 0, 64, Ipv4.PROTO_UDP, src, dst);
            Ipv4.setChecksum(skb.buf, o + Ether.HLEN);
            skb.buf[o + Ether.HLEN + 10] ^= 0x55;
            skb.dev = up1;
            Dev.queueXmit(skb);
            emu.softirq();
        };
        for (int i = 0; i < 20_000; i++) fromWire.run();
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int n = 100_000;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++) fromWire.run();
        long perFrame = (mx.getThreadAllocatedBytes(tid) - before) / n;
        assertEquals(120_000, s2.stats.rxPackets - base);
        assertEquals(0, s1.stats.rxPackets);
        // measured 0 B per frame (the address hash of the rx handler takes int keys: no boxing)
        assertTrue(perFrame < 64, "bytes allocated per frame: " + perFrame);
    }

    // ---------------------------------------------------------------- end to end

    private static final String WORLD = """
            sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
            ip netns add ext
            ip link add up0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns ext
            ip netns add pod1
            ip netns add pod2
            ip -n ext addr add 10.0.0.100/24 dev eth0
            ip -n ext link set eth0 up
            ip link set up0 up
            ip addr add 10.0.0.1/24 dev up0
            """;

    private static String run(String script) {
        return Transcript.run(Script.parse("t", WORLD + script), new Session(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL));
    }

    private static boolean pingOk(String t, String cmd) {
        int i = t.indexOf("$ " + cmd + "\n");
        assertTrue(i >= 0, t);
        String rest = t.substring(i + cmd.length() + 3);
        int j = rest.indexOf("\n$ ");
        String out = j < 0 ? rest : rest.substring(0, j);
        return out.contains(" 0% packet loss");
    }

    @Test
    void l2PodsAnswerOutsideWithTheLowersMacAndTalkToEachOtherButNotToTheHost() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l2
                ip link add link up0 name ipv2 netns pod2 type ipvlan mode l2
                ip -n pod1 addr add 10.0.0.11/24 dev ipv1
                ip -n pod2 addr add 10.0.0.12/24 dev ipv2
                ip -n pod1 link set ipv1 up
                ip -n pod2 link set ipv2 up
                ip netns exec ext ping -c 1 10.0.0.11
                ip netns exec ext ping -c 1 10.0.0.12
                ip -n ext neigh show 10.0.0.11
                ip -n ext neigh show 10.0.0.12
                ip netns exec pod1 ping -c 1 10.0.0.12
                ip netns exec pod1 ping -c 1 -W 1 10.0.0.1
                """);
        assertTrue(pingOk(t, "ip netns exec ext ping -c 1 10.0.0.11"), t);
        assertTrue(pingOk(t, "ip netns exec ext ping -c 1 10.0.0.12"), t);
        // what the wire (a switch, a VPC) sees: one MAC for many IPs
        assertTrue(t.contains("$ ip -n ext neigh show 10.0.0.11\n10.0.0.11 dev eth0 lladdr 02:00:00:00:00:01 REACHABLE \n"), t);
        assertTrue(t.contains("$ ip -n ext neigh show 10.0.0.12\n10.0.0.12 dev eth0 lladdr 02:00:00:00:00:01 REACHABLE \n"), t);
        assertTrue(pingOk(t, "ip netns exec pod1 ping -c 1 10.0.0.12"), t);
        // the slave's ARP broadcast leaves by the wire; the lower's stack never sees it
        assertTrue(!pingOk(t, "ip netns exec pod1 ping -c 1 -W 1 10.0.0.1"), t);
    }

    @Test
    void l3PodsAreRoutedThroughTheHostsOutputChainAndNeedARouteFromOutside() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l3
                ip link add link up0 name ipv2 netns pod2 type ipvlan mode l3
                ip -n pod1 addr add 10.1.0.11/32 dev ipv1
                ip -n pod2 addr add 10.1.0.12/32 dev ipv2
                ip -n pod1 link set ipv1 up
                ip -n pod2 link set ipv2 up
                ip -n pod1 route add default dev ipv1
                ip -n pod2 route add default dev ipv2
                iptables -A OUTPUT -o up0
                iptables -A INPUT -i up0
                ip netns exec ext ping -c 1 -W 1 10.1.0.11
                ip -n ext route add 10.1.0.0/24 via 10.0.0.1
                ip netns exec ext ping -c 1 10.1.0.11
                ip netns exec pod1 ping -c 1 10.1.0.12
                iptables -L -v -n -x
                ip -n ext neigh
                """);
        // ARP for a pod address reaches the NOARP slave, which does not answer
        assertTrue(!pingOk(t, "ip netns exec ext ping -c 1 -W 1 10.1.0.11"), t);
        assertTrue(pingOk(t, "ip netns exec ext ping -c 1 10.1.0.11"), t);
        assertTrue(pingOk(t, "ip netns exec pod1 ping -c 1 10.1.0.12"), t);
        // the reply to ext went through the host's OUTPUT chain; nothing came in through INPUT
        assertTrue(t.contains("       1       84            0    --  *      up0     0.0.0.0/0            0.0.0.0/0"), t);
        assertTrue(t.contains("       0        0            0    --  up0    *       0.0.0.0/0            0.0.0.0/0"), t);
    }

    @Test
    void l3sIngressPassesTheHostsInputChain() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l3s
                ip -n pod1 addr add 10.1.0.11/32 dev ipv1
                ip -n pod1 link set ipv1 up
                ip -n pod1 route add default dev ipv1
                iptables -A INPUT -i up0 -d 10.1.0.11
                ip -n ext route add 10.1.0.0/24 via 10.0.0.1
                ip netns exec ext ping -c 2 10.1.0.11
                iptables -L INPUT -v -n -x
                ip -s -n pod1 link show ipv1
                iptables -I INPUT -i up0 -d 10.1.0.11 -j DROP
                ip netns exec ext ping -c 1 -W 1 10.1.0.11
                """);
        assertTrue(pingOk(t, "ip netns exec ext ping -c 2 10.1.0.11"), t);
        assertTrue(t.contains("       2      168            0    --  up0    *       0.0.0.0/0            10.1.0.11"), t);
        assertTrue(!pingOk(t, "ip netns exec ext ping -c 1 -W 1 10.1.0.11"), t);
    }

    @Test
    void l3sGivesTheHostsConntrackBothDirections() {
        String t = run("""
                ip link add link up0 name ipv1 netns pod1 type ipvlan mode l3s
                ip -n pod1 addr add 10.1.0.11/32 dev ipv1
                ip -n pod1 link set ipv1 up
                ip -n pod1 route add default dev ipv1
                ip -n ext route add 10.1.0.0/24 via 10.0.0.1
                iptables -A INPUT -m conntrack --ctstate NEW
                iptables -A OUTPUT -m conntrack --ctstate ESTABLISHED
                ip netns exec ext ping -c 2 10.1.0.11
                iptables -L -v -n
                conntrack -L
                """);
        assertTrue(pingOk(t, "ip netns exec ext ping -c 2 10.1.0.11"), t);
        // the first request is NEW at the host's INPUT, the replies ESTABLISHED at its OUTPUT
        assertTrue(t.contains("    1    84            0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate NEW"), t);
        assertTrue(t.contains("    2   168            0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate ESTABLISHED"), t);
        assertTrue(t.contains("1 flow entries have been shown.\nicmp     1 29 src=10.0.0.100 dst=10.1.0.11 type=8 code=0 id="), t);
    }

    @Test
    void aVpcPortThatAllowsOnlyTheNodesMacPassesIpvlanPodsAndChecksTheirAddresses() {
        // what a cloud VPC with port security sees of an ipvlan node: one MAC (the NIC's) for every
        // pod; only the IP allow list tells the pods apart
        String t = Transcript.run(Script.parse("t", """
                nsnet-world host add gw
                nsnet-world nic add nsnet eth0 address 02:00:00:00:01:01
                nsnet-world nic add gw eth0 address 02:00:00:00:00:fe
                nsnet-world switch add vpc
                nsnet-world switch port vpc nsnet:eth0 allow 02:00:00:00:01:01,10.0.0.1,10.0.0.11
                nsnet-world switch port vpc gw:eth0
                nsnet-world exec gw ip addr add 10.0.0.254/24 dev eth0
                nsnet-world exec gw ip link set eth0 up
                ip link set eth0 up
                ip addr add 10.0.0.1/24 dev eth0
                ip netns add pod1
                ip netns add pod2
                ip link add link eth0 name ipv1 netns pod1 type ipvlan mode l2
                ip link add link eth0 name ipv2 netns pod2 type ipvlan mode l2
                ip -n pod1 addr add 10.0.0.11/24 dev ipv1
                ip -n pod2 addr add 10.0.0.12/24 dev ipv2
                ip -n pod1 link set ipv1 up
                ip -n pod2 link set ipv2 up
                ip netns exec pod1 ping -c 1 10.0.0.254
                ip netns exec pod2 ping -c 1 -W 1 10.0.0.254
                nsnet-world exec gw ip neigh show 10.0.0.11
                nsnet-world switch show vpc
                """), new Session(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL));
        assertTrue(pingOk(t, "ip netns exec pod1 ping -c 1 10.0.0.254"), t);
        assertTrue(!pingOk(t, "ip netns exec pod2 ping -c 1 -W 1 10.0.0.254"), t);
        assertTrue(t.contains("10.0.0.11 dev eth0 lladdr 02:00:00:00:01:01 "), t);
        assertTrue(t.contains("macs 1 allow 02:00:00:00:01:01,10.0.0.1,10.0.0.11 dropped 2 (mac-limit 0, source MAC 0, source IP 2)"), t);
        assertTrue(t.contains("  mac table:\n    02:00:00:00:00:fe port 2 age 1s\n    02:00:00:00:01:01 port 1 age 1s\n"), t);
    }
}
