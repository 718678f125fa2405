package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.IpInputWorld.addr;
import static dev.nsnet.kernel.ipv4.IpInputWorld.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** icmp.c: echo replies byte for byte (only the IP id is free), protocol unreachable, ignore sysctls. */
class IcmpTest {
    private final IpInputWorld w = new IpInputWorld();
    private final NetNamespace a = w.ns();
    private final NetNamespace b = w.ns();
    private final NetDevice[] link = w.veth(a, "veth0", "02:00:00:00:00:01", b, "eth0", "02:00:00:00:00:02");
    private final IpInputWorld.Tap tap = IpInputWorld.Tap.on(link[1]);

    IcmpTest() {
        addr(link[0], "10.0.0.1/24");
        NeighTable.of(a).rtmNewNeigh(link[0], ip("10.0.0.2"), Mac.parse("02:00:00:00:00:02"), NeighState.PERMANENT,
                NeighTable.NLM_F_CREATE, false);
    }

    /** An IPv4 frame from 10.0.0.2 to 10.0.0.1 with {@code l4} as payload. */
    private static String frame(int proto, int tos, byte[] l4) {
        byte[] f = new byte[14 + 20 + l4.length];
        Bytes.put48(f, 0, Mac.parse("02:00:00:00:00:01"));
        Bytes.put48(f, 6, Mac.parse("02:00:00:00:00:02"));
        Bytes.put16(f, 12, 0x0800);
        Ipv4.write(f, 14, tos, 20 + l4.length, 0x1234, Ipv4.DF, 64, proto, ip("10.0.0.2"), ip("10.0.0.1"));
        System.arraycopy(l4, 0, f, 34, l4.length);
        return HexFormat.of().formatHex(f);
    }

    private static byte[] echoRequest(int id, int seq, int len) {
        byte[] p = new byte[8 + len];
        p[0] = 8;
        Bytes.put16(p, 4, id);
        Bytes.put16(p, 6, seq);
        for (int i = 0; i < len; i++) p[8 + i] = (byte) i;
        Icmp.setChecksum(p, 0, p.length);
        return p;
    }

    @Test
    void echoReplyBytes() {
        byte[] req = echoRequest(0x1c2b, 1, 56);
        IpInputWorld.inject(link[0], frame(1, 0x10, req));
        assertEquals(1, tap.frames.size());
        byte[] f = tap.frames.get(0);
        assertEquals(98, f.length);
        assertEquals("020000000002020000000001" + "0800", HexFormat.of().formatHex(f, 0, 14));
        // version/ihl, tos copied from the request, total length; id is the kernel's pick, no DF.
        assertEquals("45100054", HexFormat.of().formatHex(f, 14, 18));
        assertEquals("0000" + "4001", HexFormat.of().formatHex(f, 20, 24));
        assertEquals(0, Bytes.checksum(f, 14, 20), "IP header checksum");
        assertEquals("0a000001" + "0a000002", HexFormat.of().formatHex(f, 26, 34));
        // ICMP: type 0, the id/seq/payload of the request, a valid checksum (request's + 0x0800).
        assertEquals(0, f[34]);
        assertEquals(0, Bytes.checksum(f, 34, 64));
        assertEquals(HexFormat.of().formatHex(req, 4, 64), HexFormat.of().formatHex(f, 38, 98));
        int reqSum = Bytes.u16(req, 2);
        assertEquals((reqSum + 0x0800) % 0xffff, Bytes.u16(f, 36));
    }

    @Test
    void echoIgnoreAllSilencesReplies() {
        a.sysctl.get("net/ipv4/icmp_echo_ignore_all").set().accept("1");
        IpInputWorld.inject(link[0], frame(1, 0, echoRequest(1, 1, 8)));
        assertEquals(0, tap.frames.size());
    }

    @Test
    void unknownProtocolAnswersProtocolUnreachable() {
        IpInputWorld.inject(link[0], frame(253, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals(1, tap.frames.size());
        byte[] f = tap.frames.get(0);
        assertEquals(0xc0, f[15] & 0xff);
        assertEquals(3, f[34]);
        assertEquals(2, f[35]);
        assertEquals(14 + 20 + 8 + 28, f.length);
        assertEquals(0, Bytes.checksum(f, 34, f.length - 34));
    }

    @Test
    void badChecksumIsDropped() {
        byte[] req = echoRequest(1, 1, 8);
        req[2] ^= 1;
        IpInputWorld.inject(link[0], frame(1, 0, req));
        assertEquals(0, tap.frames.size());
    }
}
