package dev.nsnet.kernel.netfilter.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.core.SkbPool;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.kernel.wire.Udp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Incremental checksum rewriting compared with checksums recomputed from scratch over the new bytes. */
class NfNatProtoTest {
    private static final int A = Inet4.parse("10.244.1.2"), B = Inet4.parse("192.168.1.20"),
            M = Inet4.parse("192.168.1.10");

    private static SkBuff ipPacket(int proto, int l4len, int src, int dst) {
        SkBuff skb = new SkbPool().alloc(200);
        skb.len = 0;
        int nh = skb.put(Ipv4.HLEN + l4len);
        skb.networkHeader = nh;
        Ipv4.write(skb.buf, nh, 0, Ipv4.HLEN + l4len, 0x1234, Ipv4.DF, 64, proto, src, dst);
        Ipv4.setChecksum(skb.buf, nh);
        return skb;
    }

    private static SkBuff tcp(int src, int sport, int dst, int dport, int payload) {
        SkBuff skb = ipPacket(Ipv4.PROTO_TCP, 20 + payload, src, dst);
        int th = skb.networkHeader + 20;
        Tcp.write(skb.buf, th, sport, dport, 0xdeadbeef, 0x01020304, 20, Tcp.ACK | Tcp.PSH, 64240);
        for (int i = 0; i < payload; i++) skb.buf[th + 20 + i] = (byte) (i * 7 + 3);
        Tcp.setChecksum(skb.buf, th, 20 + payload, src, dst);
        return skb;
    }

    @Test
    void tcpSourceRewriteMatchesRecomputedChecksums() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            int sport = r.nextInt(65536), nport = r.nextInt(65536), src = r.nextInt(), nsrc = r.nextInt();
            SkBuff skb = tcp(src, sport, B, 80, r.nextInt(0, 41));
            int nh = skb.networkHeader, th = nh + 20, len = skb.len - 20;
            NfNatProto.ipv4ManipPkt(skb, nh, Ipv4.PROTO_TCP, nsrc, nport, true);
            assertEquals(nsrc, Ipv4.src(skb.buf, nh));
            assertEquals(nport, Tcp.srcPort(skb.buf, th));
            assertTrue(Ipv4.checksumOk(skb.buf, nh), "ip header checksum");
            int got = Tcp.checksum(skb.buf, th);
            Tcp.setChecksum(skb.buf, th, len, nsrc, B);
            assertEquals(Tcp.checksum(skb.buf, th), got, "tcp checksum after incremental update");
        }
    }

    @Test
    void tcpDestinationRewrite() {
        SkBuff skb = tcp(A, 40000, M, 8080, 5);
        int nh = skb.networkHeader, th = nh + 20;
        NfNatProto.ipv4ManipPkt(skb, nh, Ipv4.PROTO_TCP, B, 80, false);
        assertEquals(B, Ipv4.dst(skb.buf, nh));
        assertEquals(80, Tcp.dstPort(skb.buf, th));
        assertEquals(40000, Tcp.srcPort(skb.buf, th));
        assertTrue(Ipv4.checksumOk(skb.buf, nh));
        assertTrue(Tcp.checksumOk(skb.buf, th, 25, A, B));
    }

    @Test
    void udpRewriteKeepsAZeroChecksumAndVerifiesOtherwise() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            int nsrc = r.nextInt(), nport = r.nextInt(65536);
            SkBuff skb = ipPacket(Ipv4.PROTO_UDP, 12, A, B);
            int th = skb.networkHeader + 20;
            Bytes.put32(skb.buf, th + 8, r.nextInt());
            Udp.write(skb.buf, th, r.nextInt(65536), 53, 12, A, B);
            NfNatProto.ipv4ManipPkt(skb, skb.networkHeader, Ipv4.PROTO_UDP, nsrc, nport, true);
            assertTrue(Udp.checksum(skb.buf, th) != 0);
            assertTrue(Udp.checksumOk(skb.buf, th, 12, nsrc, B));
        }
        SkBuff skb = ipPacket(Ipv4.PROTO_UDP, 8, A, B);
        int th = skb.networkHeader + 20;
        Udp.write(skb.buf, th, 1000, 53, 8, A, B);
        Bytes.put16(skb.buf, th + 6, 0);
        NfNatProto.ipv4ManipPkt(skb, skb.networkHeader, Ipv4.PROTO_UDP, M, 2000, true);
        assertEquals(0, Udp.checksum(skb.buf, th));
        assertEquals(2000, Udp.srcPort(skb.buf, th));
    }

    @Test
    void icmpEchoIdIsRewrittenWithItsChecksum() {
        SkBuff skb = ipPacket(Ipv4.PROTO_ICMP, 16, A, B);
        int ih = skb.networkHeader + 20;
        skb.buf[ih] = (byte) Icmp.ECHO;
        Bytes.put16(skb.buf, ih + 4, 0x4242);
        Bytes.put16(skb.buf, ih + 6, 1);
        Icmp.setChecksum(skb.buf, ih, 16);
        NfNatProto.ipv4ManipPkt(skb, skb.networkHeader, Ipv4.PROTO_ICMP, M, 0x0101, true);
        assertEquals(0x0101, Icmp.id(skb.buf, ih));
        assertEquals(0, Bytes.checksum(skb.buf, ih, 16));
        assertTrue(Ipv4.checksumOk(skb.buf, skb.networkHeader));
    }

    @Test
    void icmpErrorHeaderIsNotAQueryAndKeepsItsBytes() {
        SkBuff skb = ipPacket(Ipv4.PROTO_ICMP, 8 + 28, M, B);
        int ih = skb.networkHeader + 20;
        skb.buf[ih] = (byte) Icmp.DEST_UNREACH;
        skb.buf[ih + 1] = (byte) Icmp.PORT_UNREACH;
        Bytes.put16(skb.buf, ih + 4, 0x7777);
        Icmp.setChecksum(skb.buf, ih, 36);
        NfNatProto.ipv4ManipPkt(skb, skb.networkHeader, Ipv4.PROTO_ICMP, A, 5, false);
        assertEquals(0x7777, Icmp.id(skb.buf, ih));
        assertEquals(A, Ipv4.dst(skb.buf, skb.networkHeader));
        assertEquals(0, Bytes.checksum(skb.buf, ih, 36));
    }

    @Test
    void truncatedEmbeddedTcpGetsItsPortOnly() {
        // An ICMP error quoting 20 bytes of IP + 8 of TCP: the port changes, no checksum field to touch.
        SkBuff skb = ipPacket(Ipv4.PROTO_ICMP, 8 + 28, B, M);
        int ih = skb.networkHeader + 20, inner = ih + 8;
        skb.buf[ih] = (byte) Icmp.DEST_UNREACH;
        Ipv4.write(skb.buf, inner, 0, 60, 1, Ipv4.DF, 63, Ipv4.PROTO_TCP, M, B);
        Ipv4.setChecksum(skb.buf, inner);
        Bytes.put16(skb.buf, inner + 20, 1024);
        Bytes.put16(skb.buf, inner + 22, 80);
        Bytes.put32(skb.buf, inner + 24, 0x11223344);
        NfNatProto.ipv4ManipPkt(skb, inner, Ipv4.PROTO_TCP, A, 40000, true);
        assertEquals(40000, Bytes.u16(skb.buf, inner + 20));
        assertEquals(0x11223344, Bytes.i32(skb.buf, inner + 24));
        assertEquals(A, Ipv4.src(skb.buf, inner));
        assertTrue(Ipv4.checksumOk(skb.buf, inner));
        NfNatProto.icmpRecompute(skb.buf, ih, skb.tail());
        assertEquals(0, Bytes.checksum(skb.buf, ih, 36));
    }

    @Test
    void csumReplaceIsRfc1624() {
        // RFC 1624's example-like sanity: replacing a field by itself changes nothing (except -0/+0).
        assertEquals(0x1234, NfNatProto.csumReplace2(0x1234, 0x5555, 0x5555));
        assertEquals(0xabcd, NfNatProto.csumReplace4(0xabcd, 0x01020304, 0x01020304));
    }
}
