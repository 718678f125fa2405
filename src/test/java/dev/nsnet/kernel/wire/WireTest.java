package dev.nsnet.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WireTest {
    /* An IPv4 header of an ICMP echo request as the kernel sent it (tcpdump -x), checksum computed independently with python. */
    private static final byte[] IP_HDR = HexFormat.of().parseHex("4500005489d8400040019cce 0a000001 0a000002".replace(" ", ""));

    @Test
    void ipv4HeaderFieldsAndChecksum() {
        assertEquals(4, Ipv4.version(IP_HDR, 0));
        assertEquals(20, Ipv4.ihl(IP_HDR, 0));
        assertEquals(84, Ipv4.totLen(IP_HDR, 0));
        assertTrue(Ipv4.df(IP_HDR, 0));
        assertEquals(64, Ipv4.ttl(IP_HDR, 0));
        assertEquals(Ipv4.PROTO_ICMP, Ipv4.protocol(IP_HDR, 0));
        assertEquals("10.0.0.1", Inet4.format(Ipv4.src(IP_HDR, 0)));
        assertTrue(Ipv4.checksumOk(IP_HDR, 0));
        byte[] b = new byte[20];
        Ipv4.write(b, 0, 0, 84, 0x89d8, Ipv4.DF, 64, 1, 0x0a000001, 0x0a000002);
        assertEquals(HexFormat.of().formatHex(IP_HDR), HexFormat.of().formatHex(b));
    }

    @Test
    void incrementalTtlDecrementMatchesFullChecksum() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[20];
            Ipv4.write(b, 0, r.nextInt(256), r.nextInt(20, 65536), r.nextInt(65536), 0, r.nextInt(2, 256),
                    r.nextInt(256), r.nextInt(), r.nextInt());
            Ipv4.decreaseTtl(b, 0);
            int incremental = Bytes.u16(b, 10);
            Ipv4.setChecksum(b, 0);
            assertEquals(Bytes.u16(b, 10), incremental, "ttl " + Ipv4.ttl(b, 0));
        }
    }

    @Test
    void macAndInet4TextForms() {
        assertEquals("02:00:0a:f4:01:02", Mac.format(Mac.parse("2:0:a:f4:1:2")));
        assertEquals(-1, Mac.parse("02:00:00:00:00"));
        assertEquals(-1, Mac.parse("02:00:00:00:00:100"));
        assertTrue(Mac.isMulticast(Mac.BROADCAST));
        assertEquals("10.244.1.255", Inet4.format(Inet4.parse("10.244.1.255")));
        assertNull(Inet4.parse("10.0.0.256"));
        assertNull(Inet4.parse("10.0.0"));
        assertEquals(Inet4.parse("10.0.0.0"), Inet4.parseLoose("10"));
        assertEquals(0xffffff00, Inet4.mask(24));
        assertEquals(0, Inet4.mask(0));
    }

    @Test
    void arpRoundTrip() {
        byte[] b = new byte[Arp.LEN];
        Arp.write(b, 0, Arp.OP_REQUEST, 0x020000000001L, 0x0a000001, 0, 0x0a000002);
        assertEquals("0001080006040001020000000001" + "0a000001" + "000000000000" + "0a000002", HexFormat.of().formatHex(b));
        assertEquals(0x0a000002, Arp.tpa(b, 0));
        assertEquals(0x020000000001L, Arp.sha(b, 0));
    }
}
