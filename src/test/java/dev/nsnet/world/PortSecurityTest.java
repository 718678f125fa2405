package dev.nsnet.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Switch port security: MAC limits and allowed MAC/IP lists, checked on frames entering the switch. */
class PortSecurityTest {
    /** IEEE local experimental ethertype; no handler is installed (the switch's counters are what is checked). */
    static final int P_TEST = 0x88b5;

    @BeforeAll
    static void init() { KernelInit.ensure(); }

    Emulation emu;
    World world;
    Switch sw;
    NetDevice a, b;
    Switch.Port pa;

    @BeforeEach
    void fresh() {
        emu = new Emulation(3);
        world = World.of(emu);
        sw = world.addSwitch("sw0");
        a = nic("a", 0x020000000001L);
        b = nic("b", 0x020000000002L);
        pa = world.portOf(a);
    }

    NetDevice nic(String host, long mac) {
        Host h = world.addHost(host);
        NetDevice d = world.addNic(h.rootNs, "eth0", mac);
        Dev.open(d);
        world.plug(sw, d, 0);
        return d;
    }

    /** Sends a frame from NIC a with source MAC src; ethertype/payload per kind. */
    void send(long src, int type, int ip) {
        byte[] f = new byte[Ether.HLEN + 28];
        Ether.write(f, 0, Mac.BROADCAST, src, type);
        if (type == Ether.P_IP) {
            f[14] = 0x45;
            Bytes.put32(f, 14 + 12, ip);
        } else if (type == Ether.P_ARP) {
            Bytes.put32(f, 14 + 14, ip);
        }
        SkBuff skb = emu.pool.alloc(f.length);
        int off = skb.put(f.length);
        System.arraycopy(f, 0, skb.buf, off, f.length);
        skb.dev = a;
        Dev.queueXmit(skb);
        emu.softirq();
    }

    static int ip(String s) { return Inet4.parse(s); }

    @Test
    void macLimitDropsNewSourcesOnceFullAndOnlyThose() {
        pa.security.maxMacs = 2;
        send(0x020000000011L, P_TEST, 0);
        send(0x020000000012L, P_TEST, 0);
        send(0x020000000013L, P_TEST, 0);    // a third MAC: over the limit
        send(0x020000000011L, P_TEST, 0);    // a known one still passes
        assertEquals(3, sw.ports().get(1).txFrames);
        assertEquals(1, pa.security.droppedMacLimit);
        assertEquals(2, sw.macsOn(pa.number));
        assertEquals(4, pa.rxFrames);
        // entries age out after 300 s: the port has room again
        emu.scheduler.sleep(Switch.AGEING_NS + 1_000_000_000L);
        send(0x020000000013L, P_TEST, 0);
        assertEquals(1, pa.security.droppedMacLimit);
        assertEquals(1, sw.macsOn(pa.number));
    }

    @Test
    void allowListChecksSourceMacThenIpv4AndArpSenderIp() {
        pa.security.allow(0x020000000001L, new int[] {ip("10.0.0.10")});
        send(0x020000000001L, Ether.P_IP, ip("10.0.0.10"));   // assigned MAC and IP
        send(0x020000000001L, Ether.P_ARP, ip("10.0.0.10"));
        send(0x020000000001L, Ether.P_ARP, 0);                  // ARP probe from 0.0.0.0
        send(0x020000000001L, Ether.P_IP, ip("10.0.0.99"));   // spoofed IP
        send(0x020000000001L, Ether.P_ARP, ip("10.0.0.99"));
        send(0x020000000042L, Ether.P_IP, ip("10.0.0.10"));   // another MAC (a macvlan pod)
        send(0x020000000001L, P_TEST, 0);                       // not IPv4/ARP: MAC checked only
        assertEquals(2, pa.security.droppedSrcIp);
        assertEquals(1, pa.security.droppedSrcMac);
        assertEquals(4, sw.ports().get(1).txFrames);
        assertEquals(0x020000000001L, sw.macTable()[0][0]);
        assertEquals(1, sw.macTable().length, "refused frames are not learned");
    }

    @Test
    void macOnlyEntryAllowsAnyIpAndAllowAnyLiftsTheList() {
        pa.security.allow(0x020000000001L, null);
        send(0x020000000001L, Ether.P_IP, ip("192.0.2.1"));
        send(0x020000000002L, Ether.P_IP, ip("192.0.2.1"));
        assertEquals(1, pa.security.droppedSrcMac);
        assertEquals(0, pa.security.droppedSrcIp);
        pa.security.allowAny();
        send(0x020000000002L, Ether.P_IP, ip("192.0.2.1"));
        assertEquals(1, pa.security.dropped());
        assertEquals(2, sw.ports().get(1).txFrames);
    }

    @Test
    void vlanTaggedFramesAreCheckedOnTheInnerHeader() {
        pa.security.allow(0x020000000001L, new int[] {ip("10.0.0.10")});
        byte[] f = new byte[Ether.HLEN + 4 + 20];
        Ether.write(f, 0, Mac.BROADCAST, 0x020000000001L, Ether.P_8021Q);
        Bytes.put16(f, 14, 100);
        Bytes.put16(f, 16, Ether.P_IP);
        f[18] = 0x45;
        Bytes.put32(f, 18 + 12, ip("10.0.0.77"));
        SkBuff skb = emu.pool.alloc(f.length);
        System.arraycopy(f, 0, skb.buf, skb.put(f.length), f.length);
        skb.dev = a;
        Dev.queueXmit(skb);
        emu.softirq();
        assertEquals(1, pa.security.droppedSrcIp);
    }

    /**
     * The port checks allocate nothing per frame: frames let in (flooded: b's MAC is never learned)
     * and frames refused (MAC, IP, MAC limit). This found the switch's flood loop allocating an
     * iterator, 32 bytes per flooded frame.
     */
    @Test
    void checksAllocateNothingPerFrame() {
        pa.security.allow(0x020000000001L, new int[] {ip("10.0.0.10")});
        pa.security.allow(0x020000000011L, null);
        pa.security.maxMacs = 1;
        byte[] pass = new byte[Ether.HLEN + 28], spoofIp = new byte[Ether.HLEN + 28], otherMac = new byte[Ether.HLEN + 28];
        Ether.write(pass, 0, b.mac, 0x020000000001L, P_TEST);
        Ether.write(spoofIp, 0, b.mac, 0x020000000001L, Ether.P_IP);
        spoofIp[14] = 0x45;
        Bytes.put32(spoofIp, 14 + 12, ip("10.0.0.99"));
        Ether.write(otherMac, 0, b.mac, 0x020000000042L, P_TEST);
        byte[] overLimit = new byte[Ether.HLEN + 28];
        Ether.write(overLimit, 0, b.mac, 0x020000000011L, P_TEST);   // allowed, but the port's one MAC is taken
        byte[][] frames = {pass, spoofIp, otherMac, overLimit};
        Runnable burst = () -> {
            for (byte[] f : frames) {
                SkBuff skb = emu.pool.alloc(f.length);
                System.arraycopy(f, 0, skb.buf, skb.put(f.length), f.length);
                skb.dev = a;
                Dev.queueXmit(skb);
                emu.softirq();
            }
        };
        for (int i = 0; i < 20_000; i++) burst.run();
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int n = 50_000;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++) burst.run();
        double perFrame = (mx.getThreadAllocatedBytes(tid) - before) / (4.0 * n);
        assertEquals(70_000, pa.security.droppedSrcIp);
        assertEquals(70_000, pa.security.droppedSrcMac);
        assertEquals(70_000, pa.security.droppedMacLimit);
        assertEquals(70_000, sw.ports().get(1).txFrames);
        assertTrue(perFrame < 1, "bytes allocated per frame: " + perFrame);
    }
}
