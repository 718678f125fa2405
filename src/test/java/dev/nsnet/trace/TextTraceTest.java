package dev.nsnet.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTraceTest {
    /** No protocol handler exists for this ethertype, so the receiver's drop is known exactly. */
    static final int P_NONE = 0x88b6;

    static SkBuff frame(Emulation emu, NetDevice dev, long dst, int type, int payload) {
        SkBuff skb = emu.pool.alloc(Ether.HLEN + payload);
        int off = skb.put(Ether.HLEN + payload);
        Ether.write(skb.buf, off, dst, dev.mac, type);
        skb.dev = dev;
        return skb;
    }

    @Test
    void linesForAFrameAcrossASwitchToAnotherHost() {
        Emulation emu = new Emulation(1);
        World w = World.of(emu);
        NetDevice a = w.addNic(w.addHost("alpha").rootNs, "eth0", 0x020000000001L);
        NetDevice b = w.addNic(w.addHost("beta").rootNs, "eth1", 0x020000000002L);
        Switch sw = w.addSwitch("sw0");
        w.plug(sw, a, 0);
        w.plug(sw, b, 0);
        Dev.open(a);
        Dev.open(b);
        emu.scheduler.sleep(1_500_000_000L);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TextTrace t = TextTrace.attach(emu, new PrintStream(buf, true, StandardCharsets.UTF_8));
        SkBuff skb = frame(emu, a, b.mac, P_NONE, 20);
        long id = skb.id;
        Dev.queueXmit(skb);
        emu.softirq();
        t.detach();
        String expected = """
                [  1.500000] #ID ethertype 0x88b6 frame
                [  1.500000]   alpha     eth0       dev_queue_xmit
                [  1.500000]   alpha     eth0       dev_hard_start_xmit     onto the wire to sw0 port 1
                [  1.500000]   (wire)    sw0 port 1 switch                  flood to every other port (unknown unicast 02:00:00:00:00:02)
                [  1.500000]   beta      eth1       napi_gro_receive        frame from the wire (sw0 port 2)
                [  1.500000]   beta      eth1       __netif_receive_skb
                [  1.500000]   beta      eth1       __netif_receive_skb_core DROP SKB_DROP_REASON_UNHANDLED_PROTO: no handler for ethertype 0x88b6
                """.replace("#ID", "#" + id);
        assertEquals(expected, buf.toString(StandardCharsets.UTF_8));
        // detached: nothing more is printed
        int before = buf.size();
        Dev.queueXmit(frame(emu, a, b.mac, P_NONE, 20));
        emu.softirq();
        assertEquals(before, buf.size());
    }

    @Test
    void summariesParsedFromTheBytes() {
        Emulation emu = new Emulation(1);
        World w = World.of(emu);
        NetDevice a = w.addNic(w.addHost("h").rootNs, "eth0", 0x020000000001L);
        int src = Inet4.parse("10.244.0.2"), dst = Inet4.parse("10.244.0.3");

        SkBuff arp = frame(emu, a, Mac.BROADCAST, Ether.P_ARP, Arp.LEN);
        Arp.write(arp.buf, arp.data + Ether.HLEN, Arp.OP_REQUEST, a.mac, src, 0, dst);
        assertEquals("ARP who-has 10.244.0.3 tell 10.244.0.2", PacketSummary.of(arp));
        Arp.write(arp.buf, arp.data + Ether.HLEN, Arp.OP_REPLY, 0x0a580af40103L, dst, a.mac, src);
        assertEquals("ARP reply 10.244.0.3 is-at 0a:58:0a:f4:01:03", PacketSummary.of(arp));

        SkBuff icmp = frame(emu, a, 0x020000000002L, Ether.P_IP, 20 + 64);
        int ip = icmp.data + Ether.HLEN;
        Ipv4.write(icmp.buf, ip, 0, 84, 1, Ipv4.DF, 64, Ipv4.PROTO_ICMP, src, dst);
        icmp.buf[ip + 20] = Icmp.ECHO;
        icmp.buf[ip + 25] = 1;
        icmp.buf[ip + 27] = 7;
        assertEquals("ICMP echo request 10.244.0.2 > 10.244.0.3 id 1 seq 7", PacketSummary.of(icmp));
        // once IP has set the network header, that is where the summary reads from
        icmp.networkHeader = ip;
        icmp.protocol = Ether.P_IP;
        icmp.buf[ip + 20] = Icmp.DEST_UNREACH;
        icmp.buf[ip + 21] = Icmp.PORT_UNREACH;
        assertEquals("ICMP destination unreachable (port unreachable) 10.244.0.2 > 10.244.0.3", PacketSummary.of(icmp));
        icmp.buf[ip + 9] = Ipv4.PROTO_UDP;
        icmp.buf[ip + 20] = 0x30; icmp.buf[ip + 21] = 0x39; // 12345
        icmp.buf[ip + 22] = 0;    icmp.buf[ip + 23] = 53;
        assertEquals("UDP 10.244.0.2:12345 > 10.244.0.3:53 len 56", PacketSummary.of(icmp));
    }

    /** A ping across a cable: the echo request keeps its packet number from one host to the next. */
    @Test
    void packetKeepsItsNumberAcrossHosts() {
        var reg = dev.nsnet.tools.Tools.standard();
        if (reg.get("ip") == null || reg.get("ping") == null) return;
        Emulation emu = new Emulation(1);
        World w = World.of(emu);
        var a = w.addHost("a");
        var b = w.addHost("b");
        w.connect(w.addNic(a.rootNs, "eth0", 0x020000000001L), w.addNic(b.rootNs, "eth0", 0x020000000002L), 0);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        java.util.function.BiFunction<dev.nsnet.kernel.core.Host, String, Integer> sh = (h, line) ->
                reg.run(new dev.nsnet.tools.ToolContext(h.spawn("sh", h.rootNs), quiet, quiet, reg, null),
                        dev.nsnet.world.Words.split(line));
        assertEquals(0, sh.apply(a, "ip addr add 10.0.0.1/24 dev eth0"));
        assertEquals(0, sh.apply(a, "ip link set eth0 up"));
        assertEquals(0, sh.apply(b, "ip addr add 10.0.0.2/24 dev eth0"));
        assertEquals(0, sh.apply(b, "ip link set eth0 up"));
        emu.scheduler.sleep(1_000_000_000L);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TextTrace t = TextTrace.attach(emu, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, sh.apply(a, "ping -c 1 10.0.0.2"), sink.toString(StandardCharsets.UTF_8));
        t.detach();
        String trace = buf.toString(StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("#(\\d+) ICMP echo request 10.0.0.1 > 10.0.0.2 id \\d+ seq 1").matcher(trace);
        assertTrue(m.find(), trace);
        String id = m.group(1);
        // the request, on its way out of a and into b: same number before and after the wire
        int out = trace.indexOf("a         eth0       dev_hard_start_xmit     onto the wire to b:eth0",
                trace.lastIndexOf("#" + id + " ICMP echo request"));
        int in = trace.indexOf("b         eth0       napi_gro_receive        frame from the wire (a:eth0)", out);
        assertTrue(out > 0 && in > out, trace);
        String between = trace.substring(out, in);
        assertFalse(between.contains("] #"), "no new packet headline across the cable:\n" + trace);
        assertTrue(trace.contains("ICMP echo reply 10.0.0.2 > 10.0.0.1"), trace);
    }
}
