package dev.nsnet.kernel.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.OperState;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.drivers.Veth;
import dev.nsnet.kernel.wire.Ether;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bridge's data path and port rules, built with the kernel API and fed raw Ethernet frames.
 * Expected behaviour was checked on the real kernel (6.18) with scripts/sandbox.sh; the commands
 * are quoted beside each test.
 */
class BridgeTest {
    static final long BR_MAC = 0x02_00_00_00_0b_00L;
    static final long HOST_A = 0x02_aa_00_00_00_01L, HOST_B = 0x02_aa_00_00_00_02L, HOST_C = 0x02_aa_00_00_00_03L;
    static final int ETH_P_TEST = 0x88b5; // IEEE local experimental: no protocol handler needs to exist

    final Emulation emu = new Emulation(1);
    final Host host = emu.newHost("h");
    final NetNamespace ns = host.rootNs;

    /** Frames that reached a device's "wire side" (the far veth end) or the host via the bridge. */
    static final class Tap {
        final List<long[]> frames = new ArrayList<>(); // {dst, src}

        void attach(NetDevice d) {
            d.rxHandler = skb -> {
                frames.add(new long[] {Ether.dst(skb.buf, skb.macHeader), Ether.src(skb.buf, skb.macHeader)});
                Dev.consume(skb);
                return RxHandlerResult.CONSUMED;
            };
        }
    }

    NetDevice port(String name, long mac, String peerName, long peerMac) {
        return Veth.create(ns, name, mac, 0, ns, peerName, peerMac, 0);
    }

    void send(NetDevice from, long dst, long src) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(60);
        Ether.write(skb.buf, o, dst, src, ETH_P_TEST);
        skb.dev = from;
        Dev.queueXmit(skb);
        emu.softirq();
    }

    /** A bridge br0 (address pinned) with ports v1, v2, v3 whose far ends v1p.. are tapped. */
    final class World {
        final NetBridge br = BrDevice.create(ns, "br0", BR_MAC);
        final NetDevice v1 = port("v1", 0x020000000001L, "v1p", 0x020000000101L);
        final NetDevice v2 = port("v2", 0x020000000002L, "v2p", 0x020000000102L);
        final NetDevice v3 = port("v3", 0x020000000003L, "v3p", 0x020000000103L);
        final NetDevice v1p = Veth.peer(v1), v2p = Veth.peer(v2), v3p = Veth.peer(v3);
        final Tap t1 = new Tap(), t2 = new Tap(), t3 = new Tap(), up = new Tap();

        World() {
            for (NetDevice d : List.of(v1, v2, v3)) br.dev.ops.addSlave(br.dev, d);
            Dev.open(br.dev);
            for (NetDevice d : List.of(v1, v2, v3, v1p, v2p, v3p)) Dev.open(d);
            t1.attach(v1p);
            t2.attach(v2p);
            t3.attach(v3p);
            up.attach(br.dev);
        }
    }

    @Test
    void portsForwardAsSoonAsTheyAreUpWithStpOff() {
        World w = new World();
        for (BrPort p : w.br.ports()) assertEquals(BrPort.FORWARDING, p.state);
        assertEquals(OperState.UP, w.br.dev.operstate);
        assertTrue((w.br.dev.reportedFlags() & If.IFF_LOWER_UP) != 0);
    }

    @Test
    void broadcastFloodsToOtherPortsAndGoesUpAndTheSourceIsLearned() {
        World w = new World();
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        assertEquals(0, w.t1.frames.size());
        assertEquals(1, w.t2.frames.size());
        assertEquals(1, w.t3.frames.size());
        assertEquals(1, w.up.frames.size());
        for (Tap t : List.of(w.t2, w.t3, w.up)) { // copies and original carry the same header
            assertEquals(0xffff_ffff_ffffL, t.frames.get(0)[0]);
            assertEquals(HOST_A, t.frames.get(0)[1]);
        }
        assertEquals(1, w.br.dev.stats.rxPackets);
        assertEquals(60 - 14, w.br.dev.stats.rxBytes); // the bridge counts without the Ethernet header
        FdbEntry f = BrFdb.find(w.br, HOST_A, 0);
        assertNotNull(f);
        assertEquals(w.v1, f.dst.dev);
        assertEquals(BrFdb.NUD_REACHABLE, BrFdb.nudState(w.br, f));
    }

    @Test
    void knownUnicastGoesOnlyToItsPortAndUnknownUnicastFloodsWithoutGoingUp() {
        World w = new World();
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);      // learn A on v1
        send(w.v2p, HOST_A, HOST_B);                  // known: only v1
        assertEquals(1, w.t1.frames.size());
        assertEquals(HOST_B, w.t1.frames.get(0)[1]);
        assertEquals(1, w.t3.frames.size());          // just the first broadcast
        send(w.v2p, HOST_C, HOST_B);                  // unknown: v1 and v3, not up
        assertEquals(2, w.t1.frames.size());
        assertEquals(2, w.t3.frames.size());
        assertEquals(HOST_C, w.t1.frames.get(1)[0]);
        assertEquals(HOST_C, w.t3.frames.get(1)[0]);
        assertEquals(HOST_B, w.t3.frames.get(1)[1]);
        assertEquals(1, w.t2.frames.size());          // the first broadcast; nothing comes back to v2
        assertEquals(1, w.up.frames.size());
        // veth counts whole frames on both ends; the bridge adds nothing to port counters
        assertEquals(2, w.v1.stats.txPackets);
        assertEquals(120, w.v1.stats.txBytes);
    }

    @Test
    void unicastToTheIngressPortIsDropped() {
        World w = new World();
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        send(w.v1p, HOST_A, HOST_C); // A lives behind v1 itself: hairpin off, so nothing leaves
        assertEquals(1, w.t2.frames.size());
        assertEquals(1, w.t3.frames.size());
        assertEquals(0, w.t1.frames.size());
    }

    @Test
    void framesToTheBridgeAddressOrAPortAddressGoUpOnly() {
        World w = new World();
        send(w.v1p, BR_MAC, HOST_A);
        send(w.v1p, w.v3.mac, HOST_A); // a port's own MAC is a local entry too
        assertEquals(2, w.up.frames.size());
        assertEquals(0, w.t2.frames.size() + w.t3.frames.size());
    }

    @Test
    void hostTransmitGoesThroughTheFdb() {
        World w = new World();
        send(w.v2p, 0xffff_ffff_ffffL, HOST_B);
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(60);
        Ether.write(skb.buf, o, HOST_B, BR_MAC, ETH_P_TEST);
        skb.dev = w.br.dev;
        Dev.queueXmit(skb);
        emu.softirq();
        assertEquals(1, w.t2.frames.size());
        assertEquals(1, w.t1.frames.size()); // the earlier broadcast only
        assertEquals(1, w.br.dev.stats.txPackets);
        assertEquals(60, w.br.dev.stats.txBytes);
    }

    /* scripts/sandbox.sh: ip link add br0 type bridge ageing_time 500 ... learned entries stay while
     * refreshed; the gc deletes them ageing_time after their last update. */
    @Test
    void learnedEntriesAgeOutOnTheVirtualClock() {
        World w = new World();
        w.br.ageingTime = 500; // 5 s
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        emu.scheduler.sleep(4_000_000_000L);
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A); // refresh
        emu.scheduler.sleep(4_000_000_000L);
        assertNotNull(BrFdb.find(w.br, HOST_A, 0));
        emu.scheduler.sleep(1_100_000_000L);
        assertNull(BrFdb.find(w.br, HOST_A, 0));
        // local entries never age
        assertNotNull(BrFdb.find(w.br, BR_MAC, 0));
        assertNotNull(BrFdb.find(w.br, w.v1.mac, 0));
    }

    @Test
    void aDisabledPortLosesWhatWasLearnedOnIt() {
        World w = new World();
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        Dev.close(w.v1p); // v1 loses carrier
        assertEquals(BrPort.DISABLED, w.br.port(w.v1).state);
        assertNull(BrFdb.find(w.br, HOST_A, 0));
        Dev.open(w.v1p);
        assertEquals(BrPort.FORWARDING, w.br.port(w.v1).state);
    }

    /* scripts/sandbox.sh 'ip link add br0 type bridge; ip link add vb address 02:00:00:00:00:0b type veth ...;
     *   ip link set vb master br0; ip link set va master br0; ip link show br0'
     * br0 took 02:00:00:00:00:0b, then the lower 02:00:00:00:00:0a, and kept it after vb left. */
    @Test
    void bridgeWithoutExplicitAddressTakesTheLowestPortAddress() {
        NetBridge br = BrDevice.create(ns, "br0", null);
        assertEquals(1, br.dev.addrAssignType);
        assertEquals(0, br.bridgeIdMac);
        NetDevice vb = port("vb", 0x02000000000bL, "vb2", 0x0200000000b2L);
        NetDevice va = port("va", 0x02000000000aL, "va2", 0x0200000000a2L);
        br.dev.ops.addSlave(br.dev, vb);
        assertEquals(0x02000000000bL, br.dev.mac);
        br.dev.ops.addSlave(br.dev, va);
        assertEquals(0x02000000000aL, br.dev.mac);
        assertEquals(0x02000000000aL, br.bridgeIdMac);
        br.dev.ops.delSlave(br.dev, vb);
        assertEquals(0x02000000000aL, br.dev.mac);
        br.dev.ops.delSlave(br.dev, va);
        assertEquals(0L, br.dev.mac); // golden/134: without ports the address becomes 00:00:00:00:00:00
    }

    @Test
    void explicitAddressStays() {
        NetBridge br = BrDevice.create(ns, "br0", BR_MAC);
        NetDevice v = port("v1", 0x020000000001L, "v1p", 0x020000000101L);
        br.dev.ops.addSlave(br.dev, v);
        assertEquals(BR_MAC, br.dev.mac);
        assertEquals(BR_MAC, br.bridgeIdMac);
    }

    /* scripts/sandbox.sh (t4): v1 mtu 1400 -> br0 1400; v2 mtu 1300 -> 1300; ip link set br0 mtu 1450 -> 1450
     * and from then on the ports no longer move it. */
    @Test
    void mtuFollowsTheSmallestPortUntilTheUserSetsIt() {
        NetBridge br = BrDevice.create(ns, "br0", BR_MAC);
        NetDevice v1 = port("v1", 0x020000000011L, "v1p", 0x020000000101L);
        Dev.setMtu(v1, 1400);
        NetDevice v2 = port("v2", 0x020000000002L, "v2p", 0x020000000102L);
        br.dev.ops.addSlave(br.dev, v1);
        assertEquals(1400, br.dev.mtu);
        br.dev.ops.addSlave(br.dev, v2);
        Dev.setMtu(v2, 1300);
        assertEquals(1300, br.dev.mtu);
        Dev.setMtu(br.dev, 1450);
        assertEquals(1450, br.dev.mtu);
        Dev.setMtu(v2, 1500);
        assertEquals(1450, br.dev.mtu);
        br.dev.ops.delSlave(br.dev, v2);
        assertEquals(1450, br.dev.mtu);
    }

    /* scripts/sandbox.sh: 'ip link add br0 type bridge; ip link set br0 up' shows UP,LOWER_UP state UNKNOWN,
     * while golden/019 ('ip link add br0 address ... type bridge', up) shows NO-CARRIER state DOWN: a bridge id
     * change (explicit address, or the first port's address) reselects port states and, with no port
     * forwarding, drops the carrier. Adding a port that is down takes it away too; removing the last port
     * leaves it off, even across down/up. */
    @Test
    void carrierFollowsForwardingPorts() {
        NetBridge random = BrDevice.create(ns, "br1", null);
        Dev.open(random.dev);
        assertTrue(random.dev.carrier);
        assertEquals(OperState.UNKNOWN, random.dev.operstate);
        NetBridge br = BrDevice.create(ns, "br0", BR_MAC);
        Dev.open(br.dev);
        assertEquals(OperState.DOWN, br.dev.operstate);
        NetDevice v1 = port("v1", 0x020000000001L, "v1p", 0x020000000101L);
        random.dev.ops.addSlave(random.dev, v1);
        assertEquals(OperState.DOWN, random.dev.operstate);
        Dev.open(v1);
        Dev.open(Veth.peer(v1));
        assertEquals(OperState.UP, random.dev.operstate);
        random.dev.ops.delSlave(random.dev, v1);
        assertEquals(OperState.DOWN, random.dev.operstate);
        Dev.close(random.dev);
        Dev.open(random.dev);
        assertEquals(OperState.DOWN, random.dev.operstate);
    }

    /* scripts/sandbox.sh 'ip link add br0 type bridge; ip link set br0 up; ip link add v1 ... ; ip link set v1 up;
     *   ip link set v1p up; ip link set v1 master br0; ip link show br0' -> state UP right away. */
    @Test
    void addingARunningPortToAnEmptyRunningBridgeMakesItUp() {
        NetBridge br = BrDevice.create(ns, "br0", null);
        Dev.open(br.dev);
        NetDevice v1 = port("v1", 0x020000000001L, "v1p", 0x020000000101L);
        Dev.open(v1);
        Dev.open(Veth.peer(v1));
        br.dev.ops.addSlave(br.dev, v1);
        assertEquals(OperState.UP, br.dev.operstate);
        assertEquals(BrPort.FORWARDING, br.port(v1).state);
    }

    /* scripts/sandbox.sh: ip link set br1 master br0 -> "Error: Can not enslave a bridge to a bridge."; lo -> EINVAL */
    @Test
    void enslavingErrors() {
        NetBridge br = BrDevice.create(ns, "br0", BR_MAC);
        NetBridge br1 = BrDevice.create(ns, "br1", null);
        KernelException e = assertThrows(KernelException.class, () -> br.dev.ops.addSlave(br.dev, br1.dev));
        assertEquals(Errno.ELOOP, e.errno);
        assertEquals("Can not enslave a bridge to a bridge", e.extack);
        e = assertThrows(KernelException.class, () -> br.dev.ops.addSlave(br.dev, br.dev));
        assertEquals(Errno.ELOOP, e.errno);
        e = assertThrows(KernelException.class, () -> br.dev.ops.addSlave(br.dev, ns.loopback));
        assertEquals(Errno.EINVAL, e.errno);
    }

    @Test
    void deletingAPortOrTheBridgeReleasesPorts() {
        World w = new World();
        Dev.unregister(w.v3); // takes v3p along
        assertEquals(2, w.br.ports().size());
        assertNull(BrFdb.find(w.br, 0x020000000003L, 0));
        Dev.unregister(w.br.dev);
        assertNull(w.v1.master);
        assertNull(w.v1.rxHandler);
    }

    @Test
    void floodingAllocatesNoBuffersInSteadyState() {
        World w = new World();
        for (int i = 0; i < 100; i++) send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        long before = emu.pool.allocatedBuffers();
        for (int i = 0; i < 1000; i++) send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        assertEquals(before, emu.pool.allocatedBuffers());
    }

    @Test
    void netfilterHookPointsSeeForwardedAndLocalFrames() {
        World w = new World();
        List<Integer> seen = new ArrayList<>();
        BrNfHooks.hook = (hooknum, skb, in, out) -> {
            seen.add(hooknum);
            if (hooknum == BrNfHooks.NF_BR_FORWARD) {
                Dev.drop(skb, out, "test", dev.nsnet.trace.DropReason.NETFILTER_DROP, null);
                return false;
            }
            return true;
        };
        try {
            send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        } finally {
            BrNfHooks.hook = null;
        }
        assertEquals(0, w.t2.frames.size() + w.t3.frames.size()); // FORWARD dropped both copies
        assertEquals(1, w.up.frames.size());                     // LOCAL_IN accepted
        assertEquals(List.of(BrNfHooks.NF_BR_PRE_ROUTING, BrNfHooks.NF_BR_FORWARD, BrNfHooks.NF_BR_FORWARD,
                BrNfHooks.NF_BR_LOCAL_IN), seen);
    }

    @Test
    void hairpinSendsFramesBackOutOfTheirIngressPort() {
        World w = new World();
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);  // A behind v1
        BridgePortConfig c = new BridgePortConfig();
        c.hairpin = true;
        c.apply(w.v1, false);
        send(w.v1p, HOST_A, HOST_C);              // C also behind v1 (e.g. a NAT hairpin)
        assertEquals(1, w.t1.frames.size());
        assertEquals(HOST_A, w.t1.frames.get(0)[0]);
        send(w.v1p, 0xffff_ffff_ffffL, HOST_C);  // with hairpin a flood includes the ingress port too
        assertEquals(2, w.t1.frames.size());
    }

    @Test
    void staticEntriesMoveButStickyOnesDoNot() {
        World w = new World();
        BrFdb.userAdd(w.v1, HOST_A, 0, BrFdb.NUD_NOARP, BrFdb.NLM_F_CREATE | BrFdb.NLM_F_EXCL, false);
        send(w.v2p, 0xffff_ffff_ffffL, HOST_A);
        assertEquals(w.v2, BrFdb.find(w.br, HOST_A, 0).dst.dev);
        BrFdb.userAdd(w.v1, HOST_B, 0, BrFdb.NUD_NOARP, BrFdb.NLM_F_CREATE | BrFdb.NLM_F_EXCL, true);
        send(w.v2p, 0xffff_ffff_ffffL, HOST_B);
        assertEquals(w.v1, BrFdb.find(w.br, HOST_B, 0).dst.dev);
    }

    @Test
    void traceStepsUseKernelFunctionNames() {
        World w = new World();
        List<String> steps = new ArrayList<>();
        emu.trace.attach(new dev.nsnet.trace.PacketObserver() {
            @Override public void step(SkBuff skb, NetDevice dev, String func, String detail) { steps.add(func); }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, dev.nsnet.trace.DropReason r, String d) {
                steps.add("drop:" + r);
            }
        });
        send(w.v1p, 0xffff_ffff_ffffL, HOST_A);
        send(w.v2p, HOST_A, HOST_B);
        assertTrue(steps.containsAll(List.of("br_handle_frame", "br_fdb_update", "br_flood", "br_forward",
                "br_pass_frame_up", "br_fdb_find")), steps.toString());
        steps.clear();
        Dev.close(w.v3);
        send(w.v3p, HOST_A, HOST_C); // v3 is down: its peer has no carrier, veth drops
        SkBuff skb = emu.pool.alloc(64);
        Ether.write(skb.buf, skb.put(60), HOST_B, BR_MAC, ETH_P_TEST);
        skb.dev = w.br.dev;
        Dev.queueXmit(skb);
        emu.softirq();
        assertTrue(steps.contains("br_dev_xmit"), steps.toString());
    }
}
