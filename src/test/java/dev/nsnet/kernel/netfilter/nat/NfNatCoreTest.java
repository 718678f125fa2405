package dev.nsnet.kernel.netfilter.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/**
 * nf_nat_setup_info()/get_unique_tuple() on entries of a real conntrack table: the original port is
 * kept while free, a clash moves it within the range (or within its class without a range), a
 * destination port never moves without a range, a source endpoint keeps its mapping for new
 * destinations (bysource), and packets are rewritten from the entry both ways.
 */
class NfNatCoreTest {
    private final Emulation emu = new Emulation(1);
    private final NetNamespace ns = emu.newHost("h").rootNs;
    private final NfConntrackNet net = NfConntrackNet.of(ns);
    private static final int NODE = Inet4.parse("192.168.1.10"), REMOTE = Inet4.parse("192.168.1.20");

    private SkBuff syn(String src, int sport, int dst, int dport) {
        SkBuff skb = emu.pool.alloc(128);
        int len = Ipv4.HLEN + 20;
        int o = skb.put(len);
        Ipv4.write(skb.buf, o, 0, len, 1, 0, 64, Ipv4.PROTO_TCP, Inet4.parse(src), dst);
        Ipv4.setChecksum(skb.buf, o);
        int th = o + Ipv4.HLEN;
        Bytes.put16(skb.buf, th, sport);
        Bytes.put16(skb.buf, th + 2, dport);
        skb.buf[th + 12] = 0x50;
        skb.buf[th + 13] = 0x02;
        skb.networkHeader = o;
        return skb;
    }

    /** A new connection bound to {@code range} by {@code manip}, confirmed; returns it. */
    private NfConn bind(String src, int sport, int dst, int dport, NfNatRange range, int manip) {
        SkBuff skb = syn(src, sport, dst, dport);
        assertEquals(NfHook.NF_ACCEPT, NfConntrackCore.in(net, NfHook.LOCAL_OUT, skb, ns.loopback));
        NfConn ct = NfConntrackCore.get(skb);
        assertEquals(NfHook.NF_ACCEPT, NfNatCore.setupInfo(ct, range, manip));
        if (manip == NfNatCore.MANIP_DST) NfNatCore.allocNullBinding(ct, NfHook.POST_ROUTING);
        else NfNatCore.allocNullBinding(ct, NfHook.PRE_ROUTING);
        assertEquals(NfHook.NF_ACCEPT, NfConntrackCore.confirm(net, skb, ns.loopback));
        skb.free();
        return ct;
    }

    private static NfNatRange snat(int addr, int lo, int hi) {
        return new NfNatRange(NfNatRange.MAP_IPS | (lo >= 0 ? NfNatRange.PROTO_SPECIFIED : 0), addr, addr,
                Math.max(lo, 0), Math.max(hi, 0));
    }

    private static NfConntrackTuple reply(NfConn ct) { return ct.tuple(NfConn.DIR_REPLY); }

    @Test
    void originalPortIsKeptThenAClashMovesWithinTheRange() {
        NfConn a = bind("10.244.1.2", 1000, REMOTE, 8080, snat(NODE, 1000, 1001), NfNatCore.MANIP_SRC);
        assertEquals(NODE, reply(a).dst);
        assertEquals(1000, reply(a).dport);
        assertTrue((a.status & NfConn.IPS_SRC_NAT) != 0 && (a.status & NfConn.IPS_SRC_NAT_DONE) != 0);
        NfConn b = bind("10.244.1.3", 1000, REMOTE, 8080, snat(NODE, 1000, 1001), NfNatCore.MANIP_SRC);
        assertEquals(1001, reply(b).dport);
        // another destination: the endpoint keeps its mapping (find_appropriate_src), although 1000 is free there
        NfConn c = bind("10.244.1.3", 1000, REMOTE, 8081, snat(NODE, 1000, 1001), NfNatCore.MANIP_SRC);
        assertEquals(1001, reply(c).dport);
        // a new endpoint to that destination gets 1000
        NfConn d = bind("10.244.1.4", 1000, REMOTE, 8081, snat(NODE, 1000, 1001), NfNatCore.MANIP_SRC);
        assertEquals(1000, reply(d).dport);
    }

    @Test
    void withoutARangeAClashingPortStaysInItsClass() {
        NfConn a = bind("10.244.1.2", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        assertEquals(40000, reply(a).dport);
        NfConn b = bind("10.244.1.3", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        assertNotEquals(40000, reply(b).dport);
        assertTrue(reply(b).dport >= 1024 && reply(b).dport <= 65535, "" + reply(b).dport);
        bind("10.244.1.2", 100, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        NfConn low = bind("10.244.1.3", 100, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        assertTrue(reply(low).dport >= 1 && reply(low).dport <= 511, "" + reply(low).dport);
        bind("10.244.1.2", 700, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        NfConn mid = bind("10.244.1.3", 700, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        assertTrue(reply(mid).dport >= 600 && reply(mid).dport <= 1023, "" + reply(mid).dport);
    }

    @Test
    void theSameSeedPicksTheSamePort() {
        int[] got = new int[2];
        for (int run = 0; run < 2; run++) {
            NfNatCoreTest t = new NfNatCoreTest();
            t.bind("10.244.1.2", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
            got[run] = reply(t.bind("10.244.1.3", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC)).dport;
        }
        assertEquals(got[0], got[1]);
    }

    @Test
    void aSourceEndpointKeepsItsMappingForNewDestinations() {
        bind("10.244.1.2", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        NfConn moved = bind("10.244.1.3", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        int port = reply(moved).dport;
        NfConn again = bind("10.244.1.3", 40000, Inet4.parse("192.168.1.30"), 443, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        assertEquals(port, reply(again).dport);
    }

    @Test
    void destinationPortMovesOnlyWithARange() {
        NfNatRange dnat = new NfNatRange(NfNatRange.MAP_IPS | NfNatRange.PROTO_SPECIFIED, Inet4.parse("10.244.1.2"),
                Inet4.parse("10.244.1.2"), 80, 80);
        NfConn a = bind("192.168.1.20", 5000, NODE, 8080, dnat, NfNatCore.MANIP_DST);
        assertEquals(Inet4.parse("10.244.1.2"), reply(a).src);
        assertEquals(80, reply(a).sport);
        assertTrue((a.status & NfConn.IPS_DST_NAT) != 0);
        NfNatRange addrOnly = new NfNatRange(NfNatRange.MAP_IPS, Inet4.parse("10.244.1.3"), Inet4.parse("10.244.1.3"), 0, 0);
        NfConn b = bind("192.168.1.20", 5001, NODE, 9090, addrOnly, NfNatCore.MANIP_DST);
        assertEquals(9090, reply(b).sport);
    }

    @Test
    void packetsAreRewrittenFromTheEntryBothWays() {
        NfConn ct = bind("10.244.1.2", 40000, REMOTE, 80, snat(NODE, -1, -1), NfNatCore.MANIP_SRC);
        SkBuff out = syn("10.244.1.2", 40000, REMOTE, 80);
        NfNatCore.packet(ct, NfConn.IP_CT_NEW, NfHook.POST_ROUTING, out, ns.loopback);
        assertEquals(NODE, Ipv4.src(out.buf, out.networkHeader));
        assertTrue(Ipv4.checksumOk(out.buf, out.networkHeader));
        // nothing to do at PREROUTING for the original direction of a source NAT
        NfNatCore.packet(ct, NfConn.IP_CT_NEW, NfHook.PRE_ROUTING, out, ns.loopback);
        assertEquals(REMOTE, Ipv4.dst(out.buf, out.networkHeader));
        SkBuff back = syn("192.168.1.20", 80, NODE, 40000);
        NfNatCore.packet(ct, NfConn.IP_CT_ESTABLISHED_REPLY, NfHook.PRE_ROUTING, back, ns.loopback);
        assertEquals(Inet4.parse("10.244.1.2"), Ipv4.dst(back.buf, back.networkHeader));
        assertEquals(40000, Bytes.u16(back.buf, back.networkHeader + 22));
    }

    @Test
    void jhashSpreadsAnAddressRangeDeterministically() {
        NfNatRange r = new NfNatRange(NfNatRange.MAP_IPS, Inet4.parse("1.2.3.4"), Inet4.parse("1.2.3.10"), 0, 0);
        NfConntrackTuple t = new NfConntrackTuple(Inet4.parse("10.244.1.2"), REMOTE, 6, 1000, 80);
        NfNatCore.findBestIpsProto(t, r, NfNatCore.MANIP_SRC);
        assertTrue(r.addrInRange(t.src));
        NfConntrackTuple t2 = new NfConntrackTuple(Inet4.parse("10.244.1.2"), REMOTE, 6, 2000, 80);
        NfNatCore.findBestIpsProto(t2, r, NfNatCore.MANIP_SRC);
        assertEquals(t.src, t2.src, "the address depends on the addresses only");
    }

    /** An ICMP port unreachable about a source-NATed UDP datagram, as the remote sends it back to the node. */
    private SkBuff portUnreachable(int natPort) {
        SkBuff skb = emu.pool.alloc(128);
        int len = Ipv4.HLEN + 8 + Ipv4.HLEN + 8;
        int o = skb.put(len);
        Ipv4.write(skb.buf, o, 0, len, 7, 0, 64, Ipv4.PROTO_ICMP, REMOTE, NODE);
        Ipv4.setChecksum(skb.buf, o);
        int ih = o + Ipv4.HLEN;
        skb.buf[ih] = 3;
        skb.buf[ih + 1] = 3;
        int in = ih + 8;
        Ipv4.write(skb.buf, in, 0, 28 + 4, 1, 0, 63, Ipv4.PROTO_UDP, NODE, REMOTE);
        Ipv4.setChecksum(skb.buf, in);
        Bytes.put16(skb.buf, in + 20, natPort);
        Bytes.put16(skb.buf, in + 22, 9999);
        Bytes.put16(skb.buf, in + 24, 12);
        Bytes.put16(skb.buf, in + 26, 0x1234);
        Bytes.put16(skb.buf, ih + 2, Bytes.checksum(skb.buf, ih, len - Ipv4.HLEN));
        skb.networkHeader = o;
        return skb;
    }

    @Test
    void anIcmpErrorIsTranslatedBackInsideAndOut() {
        SkBuff udp = emu.pool.alloc(128);
        int o = udp.put(Ipv4.HLEN + 8);
        Ipv4.write(udp.buf, o, 0, Ipv4.HLEN + 8, 1, 0, 64, Ipv4.PROTO_UDP, Inet4.parse("10.244.1.3"), REMOTE);
        Bytes.put16(udp.buf, o + 20, 5000);
        Bytes.put16(udp.buf, o + 22, 9999);
        udp.networkHeader = o;
        NfConntrackCore.in(net, NfHook.LOCAL_OUT, udp, ns.loopback);
        NfConn ct = NfConntrackCore.get(udp);
        // bound to the node's address, port 6000 (as if 5000 were taken)
        NfNatCore.setupInfo(ct, snat(NODE, 6000, 6000), NfNatCore.MANIP_SRC);
        NfConntrackCore.confirm(net, udp, ns.loopback);
        SkBuff err = portUnreachable(6000);
        NfConntrackCore.in(net, NfHook.PRE_ROUTING, err, ns.loopback);
        assertEquals(ct, NfConntrackCore.get(err));
        assertEquals(NfConn.IP_CT_RELATED_REPLY, err.ctinfo);
        assertTrue(NfNatHook.icmpReplyTranslation(err, ct, err.ctinfo, NfHook.PRE_ROUTING, ns.loopback));
        int nh = err.networkHeader, ih = nh + Ipv4.HLEN, in = ih + 8;
        assertEquals(Inet4.parse("10.244.1.3"), Ipv4.dst(err.buf, nh), "outer destination: the pod");
        assertEquals(REMOTE, Ipv4.src(err.buf, nh));
        assertTrue(Ipv4.checksumOk(err.buf, nh));
        assertEquals(Inet4.parse("10.244.1.3"), Ipv4.src(err.buf, in), "quoted source: the pod as it sent it");
        assertEquals(5000, Bytes.u16(err.buf, in + 20));
        assertTrue(Ipv4.checksumOk(err.buf, in));
        assertEquals(0, Bytes.checksum(err.buf, ih, err.tail() - ih), "ICMP checksum recomputed");
    }
}
