package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.IpInputWorld.addr;
import static dev.nsnet.kernel.ipv4.IpInputWorld.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import org.junit.jupiter.api.Test;

/**
 * arp.c: exact frames (as tcpdump -xx shows them on a real veth: 42 bytes, no padding), replies
 * under arp_ignore, learning only from requests addressed to us.
 */
class ArpTest {
    private final IpInputWorld w = new IpInputWorld();
    private final NetNamespace a = w.ns();
    private final NetNamespace b = w.ns();
    private final NetDevice[] link = w.veth(a, "veth0", "02:00:00:00:00:01", b, "eth0", "02:00:00:00:00:02");
    private final IpInputWorld.Tap tap = IpInputWorld.Tap.on(link[1]);

    ArpTest() {
        addr(link[0], "10.0.0.1/24");
    }

    /** who-has {@code tip} tell 10.0.0.2 from 02:00:00:00:00:02, as eth0 would send it. */
    private static String request(String tipHex) {
        return "ffffffffffff 020000000002 0806 0001 0800 06 04 0001 020000000002 0a000002 000000000000 " + tipHex;
    }

    @Test
    void replyBytesAndTheRequesterIsLearntStale() {
        IpInputWorld.inject(link[0], request("0a000001"));
        assertEquals(1, tap.frames.size());
        assertEquals("020000000002020000000001080600010800060400020200000000010a000001020000000002"
                + "0a000002", tap.hex(0));
        Neigh n = NeighTable.of(a).lookup(link[0], ip("10.0.0.2"));
        assertEquals(NeighState.STALE, n.nudState);
    }

    @Test
    void requestForSomeoneElseTeachesNothing() {
        IpInputWorld.inject(link[0], request("0a000063"));
        assertEquals(0, tap.frames.size());
        assertNull(NeighTable.of(a).lookup(link[0], ip("10.0.0.2")));
    }

    @Test
    void arpIgnoreOneAnswersOnlyForAddressesOfTheIncomingDevice() {
        NetDevice[] other = w.veth(a, "veth1", "02:00:00:00:00:11", b, "eth1", "02:00:00:00:00:12");
        addr(other[0], "10.1.0.1/24");
        IpInputWorld.inject(link[0], request("0a010001"));
        assertEquals(1, tap.frames.size(), "arp_ignore=0: any local address is answered");
        a.sysctl.get("net/ipv4/conf/veth0/arp_ignore").set().accept("1");
        IpInputWorld.inject(link[0], request("0a010001"));
        assertEquals(1, tap.frames.size(), "arp_ignore=1: 10.1.0.1 is not on veth0");
        IpInputWorld.inject(link[0], request("0a000001"));
        assertEquals(2, tap.frames.size());
    }

    @Test
    void unsolicitedReplyIsIgnoredButAnswersAnOpenQuestion() {
        String reply = "020000000001 020000000002 0806 0001 0800 06 04 0002 020000000002 0a000002 020000000001 0a000001";
        IpInputWorld.inject(link[0], reply);
        assertNull(NeighTable.of(a).lookup(link[0], ip("10.0.0.2")), "arp_accept=0");
        PingSocket s = PingSocket.open(a, true);
        IpInputWorld.echo(s, ip("10.0.0.2"), 1, 1, 56);
        assertEquals("ffffffffffff020000000001080600010800060400010200000000010a0000010000000000000a000002", tap.hex(0));
        IpInputWorld.inject(link[0], reply);
        Neigh n = NeighTable.of(a).lookup(link[0], ip("10.0.0.2"));
        assertEquals(NeighState.REACHABLE, n.nudState);
        assertEquals(2, tap.frames.size(), "the queued echo request left once resolved");
        assertEquals("0200000000020200000000010800", tap.hex(1).substring(0, 28));
    }
}
