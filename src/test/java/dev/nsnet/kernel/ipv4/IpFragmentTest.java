package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.IpInputWorld.addr;
import static dev.nsnet.kernel.ipv4.IpInputWorld.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * ip_fragment / ip_defrag. Real kernel (sandbox, golden 061): {@code ping -c 1 -s 3000 10.0.0.2}
 * over a 1500-byte veth answers "3008 bytes from 10.0.0.2", veth0 counting 3152 bytes in 4 frames
 * each way (ARP 42 + fragments 1514, 1514, 82).
 */
class IpFragmentTest {
    private final IpInputWorld w = new IpInputWorld();
    private final NetNamespace a = w.ns();
    private final NetNamespace b = w.ns();
    private final NetDevice[] link = w.veth(a, "veth0", "02:00:00:00:00:01", b, "eth0", "02:00:00:00:00:02");

    IpFragmentTest() {
        addr(link[0], "10.0.0.1/24");
        addr(link[1], "10.0.0.2/24");
    }

    @Test
    void bigEchoRoundTripsInFragments() {
        PingSocket s = PingSocket.open(a, true);
        assertEquals(0, IpInputWorld.echo(s, ip("10.0.0.2"), 5, 1, 3000));
        PingSocket.Datagram d = (PingSocket.Datagram) s.poll();
        assertNotNull(d);
        assertEquals(3028, d.data().length);
        assertEquals(0, Bytes.checksum(d.data(), 20, 3008));
        assertEquals(4, link[0].stats.txPackets);
        assertEquals(3152, link[0].stats.txBytes);
        assertEquals(4, link[0].stats.rxPackets);
        assertEquals(3152, link[0].stats.rxBytes);
    }

    @Test
    void outOfOrderFragmentsReassembleAndALoneFirstFragmentExpiresWithAnError() {
        NeighTable.of(a).rtmNewNeigh(link[0], ip("10.0.0.2"), Mac.parse("02:00:00:00:00:02"), NeighState.PERMANENT,
                NeighTable.NLM_F_CREATE, false);
        IpInputWorld.Tap tap = IpInputWorld.Tap.on(link[1]);
        byte[] icmp = new byte[8 + 24];
        icmp[0] = 8;
        for (int i = 8; i < icmp.length; i++) icmp[i] = (byte) i;
        dev.nsnet.kernel.wire.Icmp.setChecksum(icmp, 0, icmp.length);
        // Second half first, then the first half: the echo request is answered once complete.
        IpInputWorld.inject(link[0], fragment(77, 16, false, icmp, 16, 16));
        assertEquals(0, tap.frames.size());
        IpInputWorld.inject(link[0], fragment(77, 0, true, icmp, 0, 16));
        assertEquals(1, tap.frames.size());
        assertEquals(0, tap.frames.get(0)[34], "echo reply");
        assertEquals(20 + 32, Ipv4.totLen(tap.frames.get(0), 14));
        // A first fragment alone: 30 s later, ICMP fragment reassembly time exceeded.
        IpInputWorld.inject(link[0], fragment(78, 0, true, icmp, 0, 16));
        w.run(29_999);
        assertEquals(1, tap.frames.size());
        w.run(1);
        assertEquals(2, tap.frames.size());
        byte[] f = tap.frames.get(1);
        assertEquals(11, f[34]);
        assertEquals(1, f[35]);
        assertTrue(IpFragment.of(a).queueCount() == 0);
    }

    private static String fragment(int id, int offset, boolean more, byte[] data, int from, int len) {
        byte[] f = new byte[14 + 20 + len];
        Bytes.put48(f, 0, Mac.parse("02:00:00:00:00:01"));
        Bytes.put48(f, 6, Mac.parse("02:00:00:00:00:02"));
        Bytes.put16(f, 12, 0x0800);
        Ipv4.write(f, 14, 0, 20 + len, id, (offset / 8) | (more ? Ipv4.MF : 0), 64, 1, ip("10.0.0.2"), ip("10.0.0.1"));
        System.arraycopy(data, from, f, 34, len);
        return HexFormat.of().formatHex(f);
    }
}
