package dev.nsnet.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.Transcript;
import org.junit.jupiter.api.Test;

/**
 * 802.1Q tagging with real frame bytes: vlan_dev_hard_start_xmit puts the 4-byte tag between
 * the MACs and the ethertype, vlan_do_receive / check_vlan_id take it off on the way in (a
 * model checked against net/8021q and net/core/dev.c: the recording kernel has no 8021q).
 */
class VlanTest {
    private static final long A = 0x020000000001L, B = 0x020000000002L;

    private final Emulation emu = new Emulation(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL);
    private final Host host = emu.newHost("h");
    private final NetNamespace root = host.rootNs;
    private final NetDevice a = Veth.create(root, "a", A, 0, root, "b", B, 0);
    private final NetDevice b = Veth.peer(a);

    private NetDevice vlan(NetDevice real, String name, int proto, int id) {
        return Vlan.newLink(root, name, real, proto, id, 0, 0, null, 0);
    }

    private void up(NetDevice d) { RtnlLink.changeFlags(d, 1, 1); }

    /** What arrives at {@code dev}, as bytes from the MAC header on (an rx handler that keeps it). */
    private byte[][] capture(NetDevice dev) {
        byte[][] box = new byte[1][];
        dev.rxHandler = skb -> {
            box[0] = java.util.Arrays.copyOfRange(skb.buf, skb.macHeader, skb.tail());
            Dev.consume(skb);
            return RxHandlerResult.CONSUMED;
        };
        return box;
    }

    private static final byte[] PAYLOAD = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, (byte) 0xfd, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};

    /** An untagged frame of {@code type} as the stack hands it to a device (data at the Ethernet header). */
    private SkBuff frame(long dst, long src, int type) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(Ether.HLEN + PAYLOAD.length);
        Ether.write(skb.buf, o, dst, src, type);
        System.arraycopy(PAYLOAD, 0, skb.buf, o + Ether.HLEN, PAYLOAD.length);
        return skb;
    }

    @Test
    void transmitInsertsTheTagBetweenTheMacsAndTheEthertype() {
        up(a);
        up(b);
        NetDevice v = vlan(a, "a.10", VlanCore.P_8021Q, 10);
        up(v);
        byte[][] got = capture(b);
        SkBuff skb = frame(B, A, Ether.P_IP);
        skb.dev = v;
        v.ops.xmit(v, skb);
        // the frame now on b: dst, src, 81 00, 00 0a, 08 00, payload
        byte[] want = new byte[Ether.HLEN + 4 + PAYLOAD.length];
        Ether.write(want, 0, B, A, 0x8100);
        Bytes.put16(want, 14, 10);
        Bytes.put16(want, 16, 0x0800);
        System.arraycopy(PAYLOAD, 0, want, 18, PAYLOAD.length);
        assertEquals(Ether.HLEN + PAYLOAD.length, v.stats.txBytes); // counted without the tag
        assertEquals(Ether.HLEN + PAYLOAD.length, a.stats.txBytes); // the veth too: the tag is out of band in Linux
        assertEquals(java.util.HexFormat.of().formatHex(want), java.util.HexFormat.of().formatHex(got[0]));
    }

    @Test
    void receiveStripsTheTagAndDeliversOnTheVlanOfItsVid() {
        up(a);
        up(b);
        NetDevice bv = vlan(b, "b.10", VlanCore.P_8021Q, 10);
        up(bv);
        SkBuff skb = frame(B, A, Ether.P_IP);
        VlanCore.insertTag(skb, VlanCore.P_8021Q, (3 << 13) | 10);
        Dev.ethTypeTrans(skb, b);
        assertEquals(VlanCore.ANOTHER, VlanCore.doReceive(skb));
        assertSame(bv, skb.dev);
        assertEquals(Ether.P_IP, skb.protocol);
        assertEquals(bv.ifindex, skb.iif);
        assertEquals(PAYLOAD.length, skb.len);
        assertEquals(0x45, skb.buf[skb.data] & 0xff);
        // the MAC header moved up against the payload, untagged
        assertEquals(B, Ether.dst(skb.buf, skb.macHeader));
        assertEquals(A, Ether.src(skb.buf, skb.macHeader));
        assertEquals(Ether.P_IP, Ether.type(skb.buf, skb.macHeader));
        assertEquals(1, bv.stats.rxPackets);
        assertEquals(PAYLOAD.length, bv.stats.rxBytes); // the kernel counts skb->len past the MAC header
        skb.free();
    }

    @Test
    void anUnknownVidBecomesOtherhostUntaggedAndVidZeroIsJustAPriorityTag() {
        vlan(b, "b.10", VlanCore.P_8021Q, 10);
        SkBuff skb = frame(B, A, Ether.P_IP);
        VlanCore.insertTag(skb, VlanCore.P_8021Q, 20);
        Dev.ethTypeTrans(skb, b);
        assertEquals(VlanCore.PASS, VlanCore.doReceive(skb));
        assertEquals(0x8100, skb.protocol); // tag kept for an rx handler (a bridge forwards it unchanged)
        assertEquals(VlanCore.PASS, VlanCore.checkVlanId(skb));
        assertEquals(SkBuff.PACKET_OTHERHOST, skb.pktType);
        assertEquals(Ether.P_IP, skb.protocol);
        skb.free();
        SkBuff prio = frame(B, A, Ether.P_IP);
        VlanCore.insertTag(prio, VlanCore.P_8021Q, 5 << 13);
        Dev.ethTypeTrans(prio, b);
        assertEquals(VlanCore.PASS, VlanCore.checkVlanId(prio));
        assertEquals(SkBuff.PACKET_HOST, prio.pktType);
        assertEquals(Ether.P_IP, prio.protocol);
        prio.free();
    }

    @Test
    void aVlanThatIsDownDropsItsFramesAndTheProtocolsAreSeparate() {
        NetDevice q = vlan(b, "b.10", VlanCore.P_8021Q, 10);
        NetDevice ad = vlan(b, "b.ad10", VlanCore.P_8021AD, 10);
        assertSame(q, VlanCore.findDev(b, VlanCore.P_8021Q, 10));
        assertSame(ad, VlanCore.findDev(b, VlanCore.P_8021AD, 10));
        SkBuff skb = frame(B, A, Ether.P_IP);
        VlanCore.insertTag(skb, VlanCore.P_8021AD, 10);
        Dev.ethTypeTrans(skb, b);
        assertEquals(VlanCore.CONSUMED, VlanCore.doReceive(skb));
        Dev.unregister(ad);
        assertNull(VlanCore.findDev(b, VlanCore.P_8021AD, 10));
    }

    @Test
    void qinqStacksTwoTagsOuter8021adFirst() {
        up(a);
        up(b);
        NetDevice outer = vlan(a, "a.100", VlanCore.P_8021AD, 100);
        NetDevice inner = vlan(outer, "a.100.10", VlanCore.P_8021Q, 10);
        up(outer);
        up(inner);
        byte[][] got = capture(b);
        SkBuff skb = frame(B, A, Ether.P_IP);
        skb.dev = inner;
        inner.ops.xmit(inner, skb);
        byte[] f = got[0];
        assertEquals(0x88a8, Bytes.u16(f, 12));
        assertEquals(100, Bytes.u16(f, 14));
        assertEquals(0x8100, Bytes.u16(f, 16));
        assertEquals(10, Bytes.u16(f, 18));
        assertEquals(0x0800, Bytes.u16(f, 20));
    }

    // ---------------------------------------------------------------- end to end

    private static String run(String script) {
        return Transcript.run(Script.parse("t", script), new Session(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL));
    }

    private static boolean pingOk(String t, String cmd) {
        int i = t.indexOf("$ " + cmd + "\n");
        assertTrue(i >= 0, t);
        String rest = t.substring(i + cmd.length() + 3);
        int j = rest.indexOf("\n$ ");
        return (j < 0 ? rest : rest.substring(0, j)).contains(" 0% packet loss");
    }

    @Test
    void taggedFramesCrossAVlanUnawareBridgeUntouched() {
        String t = run("""
                sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
                ip netns add h1
                ip netns add h2
                ip link add br0 address 02:00:00:00:00:b0 type bridge
                ip link add p1 address 02:00:00:00:00:11 type veth peer name eth0 address 02:00:00:00:01:01 netns h1
                ip link add p2 address 02:00:00:00:00:12 type veth peer name eth0 address 02:00:00:00:02:01 netns h2
                ip link set p1 master br0
                ip link set p2 master br0
                ip link set br0 up
                ip link set p1 up
                ip link set p2 up
                ip -n h1 link add link eth0 name eth0.10 type vlan id 10
                ip -n h2 link add link eth0 name eth0.10 type vlan id 10
                ip -n h2 link add link eth0 name eth0.20 type vlan id 20
                ip -n h1 link set eth0 up
                ip -n h2 link set eth0 up
                ip -n h1 addr add 10.10.0.1/24 dev eth0.10
                ip -n h2 addr add 10.10.0.2/24 dev eth0.10
                ip -n h2 addr add 10.20.0.2/24 dev eth0.20
                ip -n h1 addr add 10.0.0.1/24 dev eth0
                ip -n h2 addr add 10.0.0.2/24 dev eth0
                ip netns exec h1 ping -c 1 10.10.0.2
                ip netns exec h1 ping -c 1 10.0.0.2
                ip -n h2 neigh show dev eth0.10
                ip -n h2 neigh show dev eth0
                ip -s -n h2 link show eth0.20
                bridge fdb show br br0 dynamic
                """);
        assertTrue(pingOk(t, "ip netns exec h1 ping -c 1 10.10.0.2"), t);
        assertTrue(pingOk(t, "ip netns exec h1 ping -c 1 10.0.0.2"), t);
        // the tagged and untagged ARP worlds are separate: each neighbour learnt on its own device
        assertTrue(t.contains("$ ip -n h2 neigh show dev eth0.10\n10.10.0.1 lladdr 02:00:00:00:01:01 "), t);
        assertTrue(t.contains("$ ip -n h2 neigh show dev eth0\n10.0.0.1 lladdr 02:00:00:00:01:01 "), t);
        // the vlan 10 broadcast never reached vlan 20
        assertTrue(t.contains("    RX:  bytes packets errors dropped  missed   mcast           \n"
                + "             0       0      0       0       0       0 \n"), t);
    }

    @Test
    void aVlanAsBridgePortBridgesItsVidAndAVlanOnTheBridgeDeviceTagsItsFrames() {
        String t = run("""
                sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
                ip netns add h1
                ip netns add h2
                ip link add t1 address 02:00:00:00:00:11 type veth peer name eth0 address 02:00:00:00:01:01 netns h1
                ip link add t2 address 02:00:00:00:00:12 type veth peer name eth0 address 02:00:00:00:02:01 netns h2
                ip link add link t1 name t1.10 type vlan id 10
                ip link add br10 address 02:00:00:00:00:b0 type bridge
                ip link set t1.10 master br10
                ip link set t2 master br10
                ip link set br10 up
                ip link set t1 up
                ip link set t2 up
                ip -n h1 link add link eth0 name eth0.10 type vlan id 10
                ip -n h1 link set eth0 up
                ip -n h2 link set eth0 up
                ip -n h1 addr add 10.10.0.1/24 dev eth0.10
                ip -n h2 addr add 10.10.0.2/24 dev eth0
                ip addr add 10.10.0.254/24 dev br10
                ip link add link br10 name br10.20 type vlan id 20
                ip link set br10.20 up
                ip addr add 10.20.0.254/24 dev br10.20
                ip -n h2 link add link eth0 name eth0.20 type vlan id 20
                ip -n h2 link set eth0.20 up
                ip -n h2 addr add 10.20.0.2/24 dev eth0.20
                ip netns exec h1 ping -c 1 10.10.0.2
                ip netns exec h1 ping -c 1 10.10.0.254
                ip netns exec h2 ping -c 1 10.20.0.254
                """);
        // h1's VLAN 10 is bridged untagged to h2 and to br10 itself
        assertTrue(pingOk(t, "ip netns exec h1 ping -c 1 10.10.0.2"), t);
        assertTrue(pingOk(t, "ip netns exec h1 ping -c 1 10.10.0.254"), t);
        // br10.20 tags what br10 sends; the tagged frame crosses t2 to h2's eth0.20
        assertTrue(pingOk(t, "ip netns exec h2 ping -c 1 10.20.0.254"), t);
    }

    @Test
    void aVlanComesUpAndGoesDownWithItsRealDeviceUnlessLooselyBound() {
        String t = run("""
                ip link add va address 02:00:00:00:00:01 type veth peer name vb address 02:00:00:00:00:02
                ip link add link va name va.10 type vlan id 10
                ip link add link va name va.20 type vlan id 20 loose_binding on
                ip link set va.10 up
                ip link set va up
                ip link set vb up
                ip link set va.20 up
                ip -br link show
                ip link set va down
                ip -br link show
                """);
        assertTrue(t.contains("$ ip link set va.10 up\nRTNETLINK answers: Network is down\n[exit 2]\n"), t);
        assertTrue(t.contains("""
                $ ip -br link show
                lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n\
                vb@va            UP             02:00:00:00:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> \n\
                va@vb            UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n\
                va.10@va         UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n\
                va.20@va         UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n\
                $ ip link set va down
                """), t);
        assertTrue(t.endsWith("""
                va.10@va         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n\
                va.20@va         LOWERLAYERDOWN 02:00:00:00:00:01 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> \n\
                """), t);
    }

    @Test
    void vlansBetweenTwoHostsThroughANsnetWorldSwitch() {
        String t = run("""
                nsnet-world host add h2
                nsnet-world nic add nsnet eth0 address 02:00:00:00:01:01
                nsnet-world nic add h2 eth0 address 02:00:00:00:02:01
                nsnet-world switch add sw0
                nsnet-world switch port sw0 nsnet:eth0
                nsnet-world switch port sw0 h2:eth0
                ip link add link eth0 name eth0.10 type vlan id 10
                ip link set eth0 up
                ip addr add 10.10.0.1/24 dev eth0.10
                nsnet-world exec h2 ip link add link eth0 name eth0.10 type vlan id 10
                nsnet-world exec h2 ip link set eth0 up
                nsnet-world exec h2 ip addr add 10.10.0.2/24 dev eth0.10
                ping -c 2 10.10.0.2
                """);
        assertTrue(pingOk(t, "ping -c 2 10.10.0.2"), t);
    }

    @Test
    void noAllocationPerTaggedFrame() {
        up(a);
        up(b);
        NetDevice av = vlan(a, "a.10", VlanCore.P_8021Q, 10);
        NetDevice bv = vlan(b, "b.10", VlanCore.P_8021Q, 10);
        up(av);
        up(bv);
        // a.10 -> tag -> veth -> b: vlan_do_receive -> b.10 -> no handler for 0x88b7 (IEEE OUI extended; no test registers it): dropped
        Runnable send = () -> {
            SkBuff skb = frame(B, A, 0x88b7);
            skb.dev = av;
            Dev.queueXmit(skb);
            emu.softirq();
        };
        for (int i = 0; i < 20_000; i++) send.run();
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int n = 100_000;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++) send.run();
        long perFrame = (mx.getThreadAllocatedBytes(tid) - before) / n;
        assertEquals(120_000, bv.stats.rxPackets);
        assertEquals(120_000, av.stats.txPackets);
        // measured 0 B per frame (VID lookup in a plain array, the tag moved in place)
        assertTrue(perFrame < 64, "bytes allocated per frame: " + perFrame);
    }
}
