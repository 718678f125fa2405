package dev.nsnet.kernel.netfilter.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/**
 * nf_conntrack_in/confirm on hand-made packets: the TCP state machine through a connection's life
 * with the kernel's default timeouts, the RST-only answer, UDP unreplied/stream, ICMP echo tuples,
 * ICMP errors RELATED to the quoted flow, expiry on the virtual clock and the table limit.
 */
class NfConntrackCoreTest {
    private final Emulation emu = new Emulation(1);
    private final NetNamespace ns = emu.newHost("h").rootNs;
    private final NfConntrackNet net = NfConntrackNet.of(ns);
    static final int SYN = 0x02, ACK = 0x10, FIN = 0x01, RST = 0x04, PSH = 0x08;

    /** Sends one packet through OUTPUT's conntrack and POSTROUTING's confirm; returns its ctinfo or -1. */
    private int send(SkBuff skb) {
        assertEquals(NfHook.NF_ACCEPT, NfConntrackCore.in(net, NfHook.LOCAL_OUT, skb, ns.loopback));
        int r = skb.nfct == null ? -1 : skb.ctinfo;
        NfConntrackCore.confirm(net, skb, ns.loopback);
        skb.free();
        return r;
    }

    private SkBuff tcp(String src, int sport, String dst, int dport, int flags, int seq, int ack, int payload) {
        SkBuff skb = emu.pool.alloc(128);
        int len = Ipv4.HLEN + 20 + payload;
        int o = skb.put(len);
        Ipv4.write(skb.buf, o, 0, len, 1, 0, 64, Ipv4.PROTO_TCP, Inet4.parse(src), Inet4.parse(dst));
        int th = o + Ipv4.HLEN;
        Bytes.put16(skb.buf, th, sport);
        Bytes.put16(skb.buf, th + 2, dport);
        Bytes.put32(skb.buf, th + 4, seq);
        Bytes.put32(skb.buf, th + 8, ack);
        skb.buf[th + 12] = 0x50;
        skb.buf[th + 13] = (byte) flags;
        Bytes.put16(skb.buf, th + 14, 64240);
        skb.networkHeader = o;
        return skb;
    }

    private SkBuff small(String src, String dst, int proto, int a, int b, int c) {
        SkBuff skb = emu.pool.alloc(128);
        int o = skb.put(Ipv4.HLEN + 8);
        Ipv4.write(skb.buf, o, 0, Ipv4.HLEN + 8, 1, 0, 64, proto, Inet4.parse(src), Inet4.parse(dst));
        int th = o + Ipv4.HLEN;
        if (proto == Ipv4.PROTO_ICMP) {
            skb.buf[th] = (byte) a;
            skb.buf[th + 1] = (byte) b;
            Bytes.put16(skb.buf, th + 4, c);
        } else {
            Bytes.put16(skb.buf, th, a);
            Bytes.put16(skb.buf, th + 2, b);
        }
        skb.networkHeader = o;
        return skb;
    }

    private NfConn only() {
        assertEquals(1, net.entries().size());
        return net.entries().get(0);
    }

    private void advance(long seconds) { emu.scheduler.runUntil(emu.now() + seconds * 1_000_000_000L); }

    @Test
    void tcpLifeWalksTheStateTableWithItsTimeouts() {
        String a = "10.0.0.1", b = "10.0.0.2";
        assertEquals(NfConn.IP_CT_NEW, send(tcp(a, 40000, b, 80, SYN, 100, 0, 0)));
        NfConn ct = only();
        assertEquals(NfConntrackProtoTcp.SYN_SENT, ct.tcpState());
        assertEquals(119, ct.timeoutSeconds(emu.now()));
        assertEquals(NfConn.IP_CT_ESTABLISHED_REPLY, send(tcp(b, 80, a, 40000, SYN | ACK, 500, 101, 0)));
        assertEquals(NfConntrackProtoTcp.SYN_RECV, ct.tcpState());
        assertEquals(59, ct.timeoutSeconds(emu.now()));
        assertTrue((ct.status & NfConn.IPS_SEEN_REPLY) != 0);
        assertEquals(NfConn.IP_CT_ESTABLISHED, send(tcp(a, 40000, b, 80, ACK, 101, 501, 0)));
        assertEquals(NfConntrackProtoTcp.ESTABLISHED, ct.tcpState());
        assertTrue((ct.status & NfConn.IPS_ASSURED) != 0);
        assertEquals(431999, ct.timeoutSeconds(emu.now()));
        // Data in flight: the unacknowledged timeout (300 s) until the peer acks it.
        send(tcp(a, 40000, b, 80, ACK | PSH, 101, 501, 10));
        assertEquals(299, ct.timeoutSeconds(emu.now()));
        send(tcp(b, 80, a, 40000, ACK, 501, 111, 0));
        assertEquals(431999, ct.timeoutSeconds(emu.now()));
        send(tcp(a, 40000, b, 80, FIN | ACK, 111, 501, 0));
        assertEquals(NfConntrackProtoTcp.FIN_WAIT, ct.tcpState());
        send(tcp(b, 80, a, 40000, ACK, 501, 112, 0));
        assertEquals(NfConntrackProtoTcp.CLOSE_WAIT, ct.tcpState());
        assertEquals(59, ct.timeoutSeconds(emu.now()));
        send(tcp(b, 80, a, 40000, FIN | ACK, 501, 112, 0));
        assertEquals(NfConntrackProtoTcp.LAST_ACK, ct.tcpState());
        assertEquals(29, ct.timeoutSeconds(emu.now()));
        send(tcp(a, 40000, b, 80, ACK, 112, 502, 0));
        assertEquals(NfConntrackProtoTcp.TIME_WAIT, ct.tcpState());
        assertEquals(119, ct.timeoutSeconds(emu.now()));
        advance(60);
        assertEquals(59, ct.timeoutSeconds(emu.now()));
        advance(60);
        assertEquals(0, net.entries().size(), "expired at its deadline");
        assertEquals(0, net.count());
    }

    @Test
    void aSynInTimeWaitReopensTheConnectionAsANewEntry() {
        String a = "10.0.0.1", b = "10.0.0.2";
        send(tcp(a, 40000, b, 80, SYN, 100, 0, 0));
        send(tcp(b, 80, a, 40000, SYN | ACK, 500, 101, 0));
        send(tcp(a, 40000, b, 80, ACK, 101, 501, 0));
        send(tcp(a, 40000, b, 80, FIN | ACK, 101, 501, 0));
        send(tcp(b, 80, a, 40000, FIN | ACK, 501, 102, 0));
        send(tcp(a, 40000, b, 80, ACK, 102, 502, 0));
        NfConn old = only();
        assertEquals(NfConntrackProtoTcp.TIME_WAIT, old.tcpState());
        // the client closed first (CLOSE_INIT): its new SYN kills the old entry and opens a new one
        assertEquals(NfConn.IP_CT_NEW, send(tcp(a, 40000, b, 80, SYN, 9000, 0, 0)));
        NfConn ct = only();
        assertTrue(ct != old);
        assertEquals(NfConntrackProtoTcp.SYN_SENT, ct.tcpState());
        // a SYN/ACK from the client side is invalid, one from the server moves on
        assertEquals(-1, send(tcp(a, 40000, b, 80, SYN | ACK, 9000, 1, 0)));
        assertEquals(NfConn.IP_CT_ESTABLISHED_REPLY, send(tcp(b, 80, a, 40000, SYN | ACK, 7000, 9001, 0)));
        assertEquals(NfConntrackProtoTcp.SYN_RECV, ct.tcpState());
    }

    @Test
    void anAnswerOfOnlyRstForgetsTheEntry() {
        send(tcp("10.0.0.1", 40001, "10.0.0.2", 81, SYN, 7, 0, 0));
        assertEquals(1, net.count());
        assertEquals(NfConn.IP_CT_ESTABLISHED_REPLY, send(tcp("10.0.0.2", 81, "10.0.0.1", 40001, RST | ACK, 0, 8, 0)));
        assertEquals(0, net.count());
    }

    @Test
    void invalidTcpSegmentsGetNoEntry() {
        assertEquals(-1, send(tcp("10.0.0.1", 1, "10.0.0.2", 2, SYN | ACK, 1, 1, 0)), "SYN/ACK cannot open");
        assertEquals(-1, send(tcp("10.0.0.1", 1, "10.0.0.2", 2, FIN, 1, 0, 0)), "FIN without ACK is invalid");
        assertEquals(0, net.count());
        // nf_conntrack_tcp_loose=1: an ACK picks up a flow midstream (ESTABLISHED, short timeout, not assured).
        assertEquals(NfConn.IP_CT_NEW, send(tcp("10.0.0.1", 1, "10.0.0.2", 2, ACK, 1, 1, 0)));
        NfConn ct = only();
        assertEquals(NfConntrackProtoTcp.ESTABLISHED, ct.tcpState());
        assertEquals(299, ct.timeoutSeconds(emu.now()));
    }

    @Test
    void udpBecomesAStreamAfterTwoSecondsOfReplies() {
        assertEquals(NfConn.IP_CT_NEW, send(small("10.0.0.1", "10.0.0.2", 17, 5000, 53, 0)));
        NfConn ct = only();
        assertEquals(29, ct.timeoutSeconds(emu.now()));
        assertEquals(0, ct.status & NfConn.IPS_SEEN_REPLY);
        assertEquals(NfConn.IP_CT_ESTABLISHED_REPLY, send(small("10.0.0.2", "10.0.0.1", 17, 53, 5000, 0)));
        assertEquals(29, ct.timeoutSeconds(emu.now()));
        assertEquals(0, ct.status & NfConn.IPS_ASSURED);
        advance(3);
        assertEquals(NfConn.IP_CT_ESTABLISHED, send(small("10.0.0.1", "10.0.0.2", 17, 5000, 53, 0)));
        assertEquals(119, ct.timeoutSeconds(emu.now()));
        assertTrue((ct.status & NfConn.IPS_ASSURED) != 0);
    }

    @Test
    void icmpEchoTuplesAndRelatedErrors() {
        send(small("10.0.0.1", "10.0.0.2", 1, 8, 0, 77));
        NfConn ct = only();
        assertEquals(0 << 8, ct.tuple(NfConn.DIR_REPLY).dport);
        assertEquals(77, ct.tuple(NfConn.DIR_REPLY).sport);
        assertEquals(NfConn.IP_CT_ESTABLISHED_REPLY, send(small("10.0.0.2", "10.0.0.1", 1, 0, 0, 77)));
        assertEquals(-1, send(small("10.0.0.2", "10.0.0.1", 1, 0, 0, 78)), "an echo reply cannot open an entry");
        // A UDP flow, then a port unreachable quoting it: RELATED (reply direction).
        send(small("10.0.0.1", "10.0.0.2", 17, 6000, 7, 0));
        SkBuff err = emu.pool.alloc(128);
        int o = err.put(Ipv4.HLEN + 8 + Ipv4.HLEN + 8);
        Ipv4.write(err.buf, o, 0, Ipv4.HLEN * 2 + 16, 1, 0, 64, 1, Inet4.parse("10.0.0.2"), Inet4.parse("10.0.0.1"));
        err.buf[o + 20] = 3;
        err.buf[o + 21] = 3;
        int in = o + 28;
        Ipv4.write(err.buf, in, 0, 28, 1, 0, 64, 17, Inet4.parse("10.0.0.1"), Inet4.parse("10.0.0.2"));
        Bytes.put16(err.buf, in + 20, 6000);
        Bytes.put16(err.buf, in + 22, 7);
        err.networkHeader = o;
        NfConntrackCore.in(net, NfHook.PRE_ROUTING, err, ns.loopback);
        assertEquals(NfConn.IP_CT_RELATED_REPLY, err.ctinfo);
        NfConn udp = (NfConn) err.nfct;
        assertNotNull(udp);
        assertEquals(17, udp.protonum());
        err.free();
    }

    @Test
    void fullTableEarlyDropsAnUnassuredEntryElseDrops() {
        net.max = 2;
        send(small("10.0.0.1", "10.0.0.2", 17, 1, 1, 0));
        send(small("10.0.0.1", "10.0.0.2", 17, 2, 2, 0));
        send(small("10.0.0.1", "10.0.0.2", 17, 3, 3, 0));
        assertEquals(2, net.count());
        assertEquals(2, net.entries().get(0).tuple(0).sport, "the oldest unassured entry went");
        for (NfConn ct : net.entries()) ct.status |= NfConn.IPS_ASSURED;
        SkBuff skb = small("10.0.0.1", "10.0.0.2", 17, 4, 4, 0);
        assertEquals(NfHook.NF_DROP, NfConntrackCore.in(net, NfHook.LOCAL_OUT, skb, ns.loopback));
        skb.free();
        assertEquals("nf_conntrack: table full, dropping packet", ns.host.printk.records().get(0).text());
        assertEquals(4, ns.host.printk.records().get(0).level());
    }

    @Test
    void anEstablishedFlowAllocatesNothingPerPacket() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        SkBuff orig = tcp("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 100, 0, 0);
        send(orig);
        send(tcp("10.0.0.2", 80, "10.0.0.1", 40000, SYN | ACK, 500, 101, 0));
        // the same ACK segment over and over (as retransmitted ACKs would be), copied from a template
        SkBuff t = tcp("10.0.0.1", 40000, "10.0.0.2", 80, ACK, 101, 501, 0);
        byte[] template = java.util.Arrays.copyOfRange(t.buf, t.networkHeader, t.networkHeader + 40);
        t.free();
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? 20_000 : 100_000;
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
            for (int i = 0; i < n; i++) {
                SkBuff a = emu.pool.alloc(128);
                int o = a.put(40);
                System.arraycopy(template, 0, a.buf, o, 40);
                a.networkHeader = o;
                NfConntrackCore.in(net, NfHook.LOCAL_OUT, a, ns.loopback);
                NfConntrackCore.confirm(net, a, ns.loopback);
                a.free();
            }
            double per = (mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before) / (double) n;
            if (round == 1) assertTrue(per < 1, per + " bytes allocated per packet");
        }
        assertEquals(1, net.count());
    }

    @Test
    void natCanRewriteTheReplyTupleBeforeConfirm() {
        SkBuff skb = small("10.0.0.1", "10.0.0.2", 17, 1000, 53, 0);
        NfConntrackCore.in(net, NfHook.LOCAL_OUT, skb, ns.loopback);
        NfConn ct = NfConntrackCore.get(skb);
        NfConntrackTuple repl = ct.tuple(NfConn.DIR_REPLY).copy();
        repl.dst = Inet4.parse("192.168.1.1");
        assertTrue(!NfConntrackCore.tupleTaken(net, repl, ct));
        NfConntrackCore.alterReply(ct, repl);
        ct.status |= NfConn.IPS_SRC_NAT;
        NfConntrackCore.confirm(net, skb, ns.loopback);
        skb.free();
        NfConntrackTupleHash h = NfConntrackCore.find(net, new NfConntrackTuple(Inet4.parse("10.0.0.2"),
                Inet4.parse("192.168.1.1"), 17, 53, 1000));
        assertNotNull(h);
        assertSame(ct, h.ct);
        assertEquals(NfConn.DIR_REPLY, h.dir);
        assertNull(NfConntrackCore.find(net, new NfConntrackTuple(Inet4.parse("10.0.0.2"), Inet4.parse("10.0.0.1"), 17, 53, 1000)));
    }
}
