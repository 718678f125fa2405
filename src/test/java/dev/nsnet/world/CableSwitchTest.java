package dev.nsnet.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.PacketHandler;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.drivers.PhysNic;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CableSwitchTest {
    /** IEEE 802 "local experimental" ethertype: no stack handles it, so a test handler can. */
    static final int P_TEST = 0x88b5;
    static final List<String> RECEIVED = new ArrayList<>();
    static final List<byte[]> FRAMES = new ArrayList<>();

    private static final PacketHandler HANDLER = (skb, dev) -> {
        RECEIVED.add(World.nicLabel(dev));
        FRAMES.add(Arrays.copyOfRange(skb.buf, skb.macHeader, skb.macHeader + Ether.HLEN + skb.len));
        Dev.consume(skb);
    };

    @BeforeAll
    static void handler() {
        KernelInit.ensure();
        KernelInit.addPack(P_TEST, HANDLER);
    }

    /**
     * The protocol table is process-wide: left installed, this handler received every later test's
     * 0x88b5 frames (MacvlanTest's allocation check measured its 151 bytes of copies per frame).
     */
    @AfterAll
    static void removeHandler() {
        KernelInit.removePack(P_TEST, HANDLER);
        RECEIVED.clear();
        FRAMES.clear();
    }

    Emulation emu;
    World world;

    @BeforeEach
    void fresh() {
        RECEIVED.clear();
        FRAMES.clear();
        emu = new Emulation(7);
        world = World.of(emu);
    }

    NetDevice nic(String host, long mac) {
        Host h = emu.host(host) != null ? emu.host(host) : world.addHost(host);
        NetDevice d = world.addNic(h.rootNs, "eth0", mac);
        Dev.open(d);
        return d;
    }

    static byte[] frame(long dst, long src, int payload) {
        byte[] f = new byte[Ether.HLEN + payload];
        Ether.write(f, 0, dst, src, P_TEST);
        for (int i = 0; i < payload; i++) f[Ether.HLEN + i] = (byte) (i * 7 + 1);
        return f;
    }

    void send(NetDevice dev, byte[] f) {
        SkBuff skb = emu.pool.alloc(f.length);
        int off = skb.put(f.length);
        System.arraycopy(f, 0, skb.buf, off, f.length);
        skb.dev = dev;
        Dev.queueXmit(skb);
        emu.softirq();
    }

    @Test
    void carrierFollowsTheCableAndBothEndsUp() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        assertFalse(a.carrier, "no cable, no carrier");
        world.connect(a, b, 0);
        assertTrue(a.carrier && b.carrier);
        Dev.close(b);
        assertFalse(a.carrier, "partner's PHY went down");
        Dev.open(b);
        assertTrue(a.carrier && b.carrier);
        world.unplug(a);
        assertFalse(a.carrier || b.carrier);
    }

    @Test
    void framesCrossAsBytesPaddedToTheEthernetMinimum() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        world.connect(a, b, 0);
        byte[] big = frame(b.mac, a.mac, 100);
        send(a, big);
        assertEquals(List.of("b:eth0"), RECEIVED);
        assertArrayEquals(big, FRAMES.get(0));
        byte[] small = frame(b.mac, a.mac, 10);
        send(a, small);
        byte[] got = FRAMES.get(1);
        assertEquals(60, got.length, "short frame padded to ETH_ZLEN on the wire");
        assertArrayEquals(small, Arrays.copyOf(got, small.length));
        for (int i = small.length; i < 60; i++) assertEquals(0, got[i]);
        assertEquals(2, a.stats.txPackets);
        assertEquals(114 + 24, a.stats.txBytes);
        assertEquals(114 + 60, b.stats.rxBytes);
        // a frame for another MAC is dropped by the receiving NIC's filter
        send(a, frame(0x020000000099L, a.mac, 50));
        assertEquals(2, RECEIVED.size());
        assertEquals(2, b.stats.rxPackets);
    }

    @Test
    void noCarrierMeansTheQdiscDrops() {
        NetDevice a = nic("a", 0x020000000001L);
        send(a, frame(Mac.BROADCAST, a.mac, 50));
        assertEquals(1, a.stats.txDropped);
        assertEquals(0, a.stats.txPackets);
    }

    @Test
    void delayedCableDeliversAfterTheDelayInOrder() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        world.connect(a, b, 1_000_000);
        for (int i = 0; i < 100; i++) send(a, frame(b.mac, a.mac, 46 + i));
        assertTrue(RECEIVED.isEmpty());
        emu.scheduler.sleep(999_999);
        assertTrue(RECEIVED.isEmpty());
        emu.scheduler.sleep(1);
        assertEquals(100, RECEIVED.size());
        for (int i = 0; i < 100; i++) assertEquals(Ether.HLEN + 46 + i, FRAMES.get(i).length);
    }

    @Test
    void switchFloodsUnknownThenForwardsLearnedAndFilters() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        NetDevice c = nic("c", 0x020000000003L);
        Switch sw = world.addSwitch("sw0");
        for (NetDevice d : List.of(a, b, c)) world.plug(sw, d, 0);
        assertTrue(a.carrier && b.carrier && c.carrier, "switch ports are powered");
        send(a, frame(b.mac, a.mac, 50));       // unknown unicast: flooded, c's NIC filters it
        assertEquals(1, sw.flooded);
        assertEquals(List.of("b:eth0"), RECEIVED);
        assertEquals(0, c.stats.rxPackets);
        send(b, frame(a.mac, b.mac, 50));       // a was learned on port 1: forwarded only there
        assertEquals(1, sw.forwarded);
        assertEquals(List.of("b:eth0", "a:eth0"), RECEIVED);
        send(c, frame(Mac.BROADCAST, c.mac, 50)); // broadcast reaches everyone else
        assertEquals(List.of("b:eth0", "a:eth0", "a:eth0", "b:eth0"), RECEIVED);
        long[][] t = sw.macTable();
        assertEquals(3, t.length);
        assertEquals(a.mac, t[0][0]);
        assertEquals(1, t[0][1]);
        assertEquals(3, t[2][1]);
        // ageing: after 300 s the switch floods again
        emu.scheduler.sleep(Switch.AGEING_NS + 1);
        send(b, frame(a.mac, b.mac, 50));
        assertEquals(3, sw.flooded, "unknown, broadcast, then unknown again");
    }

    @Test
    void clearErrors() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        world.connect(a, b, 0);
        NetDevice c = nic("c", 0x020000000003L);
        WorldException e = assertThrows(WorldException.class, () -> world.connect(a, c, 0));
        assertEquals("a:eth0 already has a cable (to b:eth0)", e.getMessage());
        assertThrows(WorldException.class, () -> world.addHost("a"));
        assertEquals("no host \"zz\" (nsnet-world show lists them)",
                assertThrows(WorldException.class, () -> world.nic("zz:eth0")).getMessage());
        assertTrue(PhysNic.isPhysNic(world.nic("a:eth0")));
        assertEquals("fq_codel", a.qdisc);
        assertEquals(null, a.kind());
    }

    @Test
    void framesLongerThanTheReceiversMtuAreLengthErrors() {
        NetDevice a = nic("a", 0x020000000001L);
        NetDevice b = nic("b", 0x020000000002L);
        world.connect(a, b, 0);
        Dev.setMtu(a, 2000);
        send(a, frame(b.mac, a.mac, 1500));
        assertEquals(1, RECEIVED.size());
        send(a, frame(b.mac, a.mac, 1600));
        assertEquals(1, RECEIVED.size());
        assertEquals(1, b.stats.rxErrors);
        assertEquals(1, b.stats.rxLengthErrors);
        assertEquals(2, a.stats.txPackets);
    }
}
