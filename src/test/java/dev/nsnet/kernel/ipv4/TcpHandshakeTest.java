package dev.nsnet.kernel.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.scenario.Session;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TCP state machine against a capture of the real kernel (6.18, `tcpdump -xx -i veth0` while
 * `echo hello | nc -q1 10.0.0.2 8080` talked to `nc -l 8080`, the same two namespaces as
 * {@link UdpSockTest#pair()}): the segments must match byte for byte once the values that are
 * random on Linux are blanked (IP id, initial sequence numbers, timestamps, the client port,
 * and the checksums, which tcpdump shows before offload fills them in).
 */
class TcpHandshakeTest {
    static final int B = Inet4.parse("10.0.0.2");

    /** The real kernel's segments, IP header onwards, in wire order. */
    static final String[] REAL = {
        "4500003c0ed3400040061 7e70a0000010a000002a8101f903ff291800000 0000a002faf014310000020405b40402080a307501750000000001 03030a",
        "4500003c00004000400626ba0a0000020a0000011f90a81043062a423ff29181a012fe8814310000020405b40402080aabc3a72930750175010303 0a",
        "450000340ed44000400617ee0a0000010a000002a8101f903ff2918143062a438010003f142900000101080a30750175abc3a729",
        "4500003a0ed54000400617e70a0000010a000002a8101f903ff2918143062a438018003f142f00000101080a30750175abc3a729 68656c6c6f0a",
        "450000340d764000400 6194c0a0000020a0000011f90a81043062a433ff291878010004014290000 0101080aabc3a72930750175",
        "450000340ed64000400617ec0a0000010a000002a8101f903ff2918743062a438011003f142900000101080a30750175abc3a729",
        "450000340d774000400 6194b0a0000020a0000011f90a81043062a433ff291888011004014290000 0101080aabc3a72a30750175",
        "450000340ed74000400617eb0a0000010a000002a8101f903ff2918843062a448010003f142900000101080a30750176abc3a72a",
    };
    /** The reset for a SYN to a closed port (8081), same capture. */
    static final String REAL_RST = "45000028000040004006 26ce0a0000020a0000011f91a49400000000a60692a350140000 9efe0000";

    /** Records every IPv4 packet as it enters ip_rcv on the two veth ends: the wire, in order. */
    static final class Wire implements PacketObserver {
        final List<byte[]> packets = new ArrayList<>();

        @Override
        public void step(SkBuff skb, NetDevice dev, String func, String detail) {
            if (!func.equals("ip_rcv") || !dev.name.startsWith("veth")) return;
            byte[] p = new byte[Ipv4.totLen(skb.buf, skb.networkHeader)];
            System.arraycopy(skb.buf, skb.networkHeader, p, 0, p.length);
            packets.add(p);
        }

        @Override
        public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
    }

    static byte[] hex(String s) { return HexFormat.of().parseHex(s.replace(" ", "")); }

    /**
     * Blanks what is random: IP id and checksum, TCP checksum, timestamps, and makes sequence
     * numbers relative to each side's ISN (taken from the SYN and SYN-ACK); the client port too.
     */
    static String normalise(List<byte[]> pkts) {
        StringBuilder sb = new StringBuilder();
        int isnC = Tcp.seq(pkts.get(0), 20), isnS = Tcp.seq(pkts.get(1), 20);
        int client = Ipv4.src(pkts.get(0), 0);
        for (byte[] src : pkts) {
            byte[] p = src.clone();
            boolean fromClient = Ipv4.src(p, 0) == client;
            Bytes.put16(p, 4, 0);
            Bytes.put16(p, 10, 0);
            int t = 20;
            int flags = Tcp.flags(p, t);
            Bytes.put32(p, t + 4, Tcp.seq(p, t) - (fromClient ? isnC : isnS));
            if ((flags & Tcp.ACK) != 0) Bytes.put32(p, t + 8, Tcp.ackSeq(p, t) - (fromClient ? isnS : isnC));
            Bytes.put16(p, fromClient ? t : t + 2, 0);
            Bytes.put16(p, t + 16, 0);
            int end = t + Tcp.doff(p, t);
            for (int q = t + 20; q < end; ) {
                int kind = p[q] & 0xff;
                if (kind <= 1) { q++; continue; }
                int len = p[q + 1] & 0xff;
                if (kind == Tcp.OPT_TIMESTAMP) {
                    Bytes.put32(p, q + 2, Tcp.flagText(flags).equals("S") ? 0 : 1);
                    Bytes.put32(p, q + 6, 0);
                }
                q += len;
            }
            sb.append(HexFormat.of().formatHex(p)).append('\n');
        }
        return sb.toString();
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void connectionMatchesRealCaptureByteForByte() {
        Session s = UdpSockTest.pair();
        Wire wire = new Wire();
        s.emulation.trace.attach(wire);
        TcpSock srv = TcpSock.open(s.host.netns("b"), null);
        srv.reuse = true;
        srv.bind(0, 8080);
        srv.listen(1);
        TcpSock cli = TcpSock.open(s.host.netns("a"), null);
        cli.connect(B, 8080);
        var sched = s.emulation.scheduler;
        assertTrue(sched.runUntil(() -> cli.state() == TcpSock.ESTABLISHED, sched.now() + 1_000_000_000L));
        TcpSock child = srv.accept(null);
        assertNotNull(child);
        assertEquals(6, cli.send(bytes("hello\n"), 0, 6));
        cli.shutdownWrite();
        assertTrue(sched.runUntil(() -> child.state() == TcpSock.CLOSE_WAIT, sched.now() + 1_000_000_000L));
        assertEquals("hello\n", new String(child.read(100), StandardCharsets.UTF_8));
        child.close();
        sched.sleep(1_000_000L);
        s.emulation.trace.detach(wire);

        List<byte[]> real = new ArrayList<>();
        for (String h : REAL) real.add(hex(h));
        assertEquals(normalise(real), normalise(wire.packets));
        for (byte[] p : wire.packets) {
            assertTrue(Ipv4.checksumOk(p, 0));
            assertTrue(Tcp.checksumOk(p, 20, p.length - 20, Ipv4.src(p, 0), Ipv4.dst(p, 0)));
        }
        // the client's port came from ip_local_port_range, even (connect() prefers the low parity)
        int[] r = InetHashtables.of(s.host.netns("a")).localPortRange();
        assertTrue(cli.localPort() >= r[0] && cli.localPort() <= r[1]);
        assertEquals(0, cli.localPort() % 2);
        assertEquals(TcpSock.TIME_WAIT, cli.state());
        assertEquals(TcpSock.CLOSE, child.state());
    }

    /**
     * Over lo (MTU 65536) the same exchange as the real kernel's (tcpdump -i lo, 6.18): SYN win
     * 65495 mss 65495, SYN-ACK win 65483 (65536 rounded down to mss - 12), then win 64 (<< 10).
     */
    @Test
    void loopbackSegmentsCarryTheKernelsWindowsAndMss() {
        Session s = UdpSockTest.pair();
        List<String> seen = new ArrayList<>();
        s.emulation.trace.attach(new PacketObserver() {
            @Override
            public void step(SkBuff skb, NetDevice dev, String func, String detail) {
                if (!func.equals("ip_rcv") || !dev.name.equals("lo")) return;
                byte[] b = skb.buf;
                int t = skb.networkHeader + 20;
                String mss = (Tcp.flags(b, t) & Tcp.SYN) != 0 ? " mss " + Bytes.u16(b, t + 22) : "";
                int len = Ipv4.totLen(b, skb.networkHeader) - 20 - Tcp.doff(b, t);
                seen.add(Tcp.srcPort(b, t) + " [" + Tcp.flagText(Tcp.flags(b, t)) + "] win " + Tcp.window(b, t) + mss
                        + " len " + len);
            }

            @Override
            public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        });
        var a = s.host.netns("a");
        TcpSock srv = TcpSock.open(a, null);
        srv.bind(Inet4.parse("127.0.0.1"), 9000);
        srv.listen(1);
        TcpSock cli = TcpSock.open(a, null);
        cli.bind(0, 40011);
        cli.connect(Inet4.parse("127.0.0.1"), 9000);
        var sched = s.emulation.scheduler;
        sched.sleep(1_000_000L);
        TcpSock child = srv.accept(null);
        cli.send(bytes("hello\n"), 0, 6);
        cli.shutdownWrite();
        sched.sleep(1_000_000L);
        child.read(100);
        child.close();
        sched.sleep(1_000_000L);
        assertEquals(List.of(
                "40011 [S] win 65495 mss 65495 len 0",
                "9000 [S.] win 65483 mss 65495 len 0",
                "40011 [.] win 64 len 0",
                "40011 [P.] win 64 len 6",
                "9000 [.] win 64 len 0",
                "40011 [F.] win 64 len 0",
                "9000 [F.] win 64 len 0",
                "40011 [.] win 64 len 0"), seen);
    }

    @Test
    void timeWaitLastsSixtySecondsOnTheVirtualClock() {
        Session s = UdpSockTest.pair();
        TcpSock srv = TcpSock.open(s.host.netns("b"), null);
        srv.bind(0, 8080);
        srv.listen(1);
        TcpSock cli = TcpSock.open(s.host.netns("a"), null);
        cli.connect(B, 8080);
        var sched = s.emulation.scheduler;
        sched.sleep(1_000_000L);
        TcpSock child = srv.accept(null);
        cli.close();
        sched.sleep(1_000_000L);
        child.close();
        sched.sleep(1_000_000L);
        long entered = sched.now();
        assertEquals(TcpSock.TIME_WAIT, cli.state());
        assertTrue(InetHashtables.of(s.host.netns("a")).tcpSockets().contains(cli));
        sched.runUntil(entered + 59_000_000_000L);
        assertEquals(TcpSock.TIME_WAIT, cli.state());
        sched.runUntil(entered + 60_000_000_000L);
        assertEquals(TcpSock.CLOSE, cli.state());
        assertFalse(InetHashtables.of(s.host.netns("a")).tcpSockets().contains(cli));
    }

    @Test
    void closedPortAnswersResetLikeTheKernel() {
        Session s = UdpSockTest.pair();
        Wire wire = new Wire();
        s.emulation.trace.attach(wire);
        TcpSock cli = TcpSock.open(s.host.netns("a"), null);
        cli.connect(B, 8081);
        s.emulation.scheduler.sleep(1_000_000L);
        assertEquals(TcpSock.CLOSE, cli.state());
        assertEquals(Errno.ECONNREFUSED.code, cli.takeError());
        assertEquals(2, wire.packets.size());
        byte[] rst = wire.packets.get(1);
        assertEquals(Tcp.seq(wire.packets.get(0), 20) + 1, Tcp.ackSeq(rst, 20));
        byte[] want = hex(REAL_RST);
        // the real reset acknowledges its SYN: compare with ports, ack and checksums blanked
        for (byte[] p : new byte[][] {rst, want}) {
            Bytes.put16(p, 10, 0);
            Bytes.put16(p, 22, 0);
            Bytes.put32(p, 28, 0);
            Bytes.put16(p, 36, 0);
        }
        assertEquals(HexFormat.of().formatHex(want), HexFormat.of().formatHex(rst));
    }

    @Test
    void synRetransmissionFollowsLinearThenExponentialBackoff() {
        Session s = UdpSockTest.pair();
        // nothing answers 10.0.0.2 on the far side: drop everything b receives
        assertEquals(0, s.capture("ip -n b link set veth1 down").exitStatus());
        assertEquals(0, s.capture("ip -n a neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0").exitStatus());
        List<Long> sent = new ArrayList<>();
        s.emulation.trace.attach(new PacketObserver() {
            @Override
            public void step(SkBuff skb, NetDevice dev, String func, String detail) {
                if (func.equals("tcp_transmit_skb")) sent.add(s.emulation.now());
            }

            @Override
            public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        });
        TcpSock cli = TcpSock.open(s.host.netns("a"), null);
        long t0 = s.emulation.now();
        cli.connect(B, 80);
        s.emulation.scheduler.sleep(40_000_000_000L);
        // the real kernel (6.18, tcp_syn_linear_timeouts=4): gaps 1 1 1 1 1 2 4 8 16 seconds, each
        // timer filed on the timer wheel, so each retransmission comes a few jiffies after its gap
        long[] gaps = {1, 1, 1, 1, 1, 2, 4, 8, 16};
        assertEquals(gaps.length + 1, sent.size());
        assertEquals(t0, (long) sent.get(0));
        for (int i = 0; i < gaps.length; i++) {
            long gap = gaps[i] * 1_000_000_000L;
            assertEquals(dev.nsnet.kernel.sched.TimerWheel.expiry(sent.get(i), gap), (long) sent.get(i + 1));
            long late = sent.get(i + 1) - sent.get(i) - gap;
            assertTrue(late > 0 && late <= gap / 8, "gap " + i + " late by " + late);
        }
        assertEquals(TcpSock.SYN_SENT, cli.state());
        s.emulation.scheduler.sleep(200_000_000_000L);
        assertEquals(TcpSock.CLOSE, cli.state());
        assertEquals(Errno.ETIMEDOUT.code, cli.takeError());
    }
}
