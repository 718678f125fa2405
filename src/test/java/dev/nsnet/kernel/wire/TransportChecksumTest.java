package dev.nsnet.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * UDP and TCP checksums. The real capture (veth, checksum offload) shows only the folded
 * pseudo-header sum in the checksum field (CHECKSUM_PARTIAL): that pins the pseudo-header; the
 * full value is checked against a plain RFC 1071 sum.
 */
class TransportChecksumTest {
    static final int A = 0x0a000001, B = 0x0a000002;

    static int rfc1071(byte[] b, int o, int len, long start) {
        long s = start;
        for (int i = 0; i < len; i += 2) s += ((b[o + i] & 0xff) << 8) | (i + 1 < len ? b[o + i + 1] & 0xff : 0);
        while ((s >> 16) != 0) s = (s & 0xffff) + (s >> 16);
        return (int) (~s & 0xffff);
    }

    @Test
    void udpDatagramOfNcUdptest() {
        // nc -u's "X" from 10.0.0.1:54547 to 10.0.0.2:9999; tcpdump showed checksum 0x141d (partial)
        assertEquals(0x141d, (int) (Udp.pseudoSum(A, B, Ipv4.PROTO_UDP, 9) % 0xffff));
        byte[] b = new byte[9];
        b[8] = 'X';
        Udp.write(b, 0, 54547, 9999, 9, A, B);
        assertEquals("d513270f0009", HexFormat.of().formatHex(b, 0, 6));
        assertEquals(0x97b6, Udp.checksum(b, 0));
        assertEquals(0x97b6, rfc1071(withZeroChecksum(b, 6), 0, 9, Udp.pseudoSum(A, B, Ipv4.PROTO_UDP, 9)));
        assertTrue(Udp.checksumOk(b, 0, 9, A, B));
        b[8] = 'Y';
        assertFalse(Udp.checksumOk(b, 0, 9, A, B));
    }

    @Test
    void udpZeroChecksumGoesOutAsAllOnes() {
        // find a payload whose checksum computes to 0: it must be sent as 0xffff (RFC 768)
        byte[] b = new byte[10];
        for (int v = 0; v < 0x10000; v++) {
            Bytes.put16(b, 8, v);
            Udp.write(b, 0, 1, 2, 10, A, B);
            if (rfc1071(withZeroChecksum(b, 6), 0, 10, Udp.pseudoSum(A, B, Ipv4.PROTO_UDP, 10)) == 0) {
                assertEquals(0xffff, Udp.checksum(b, 0));
                assertTrue(Udp.checksumOk(b, 0, 10, A, B));
                return;
            }
        }
        throw new AssertionError("no payload with checksum 0");
    }

    @Test
    void tcpSynFromTheRealCapture() {
        byte[] syn = HexFormat.of().parseHex("a8101f903ff2918000000000a002faf014310000020405b40402080a307501750000000001"
                + "03030a");
        // the capture's 0x1431 is the pseudo-header sum for a 40-byte segment
        assertEquals(0x1431, (int) (Udp.pseudoSum(A, B, Ipv4.PROTO_TCP, 40) % 0xffff));
        Tcp.setChecksum(syn, 0, 40, A, B);
        assertEquals(rfc1071(withZeroChecksum(syn, 16), 0, 40, Udp.pseudoSum(A, B, Ipv4.PROTO_TCP, 40)), Tcp.checksum(syn, 0));
        assertTrue(Tcp.checksumOk(syn, 0, 40, A, B));
        assertEquals(Tcp.SYN, Tcp.flags(syn, 0));
        assertEquals(40, Tcp.doff(syn, 0));
        assertEquals(0x3ff29180, Tcp.seq(syn, 0));
        assertEquals(64240, Tcp.window(syn, 0));
        assertEquals("S", Tcp.flagText(Tcp.flags(syn, 0)));
        assertEquals("R.", Tcp.flagText(Tcp.RST | Tcp.ACK));
    }

    private static byte[] withZeroChecksum(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] = 0;
        c[at + 1] = 0;
        return c;
    }
}
