package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.xt.XtAddrtype;
import dev.nsnet.kernel.netfilter.xt.XtIprange;
import dev.nsnet.kernel.netfilter.xt.XtLimit;
import dev.nsnet.kernel.netfilter.xt.XtMac;
import dev.nsnet.kernel.netfilter.xt.XtMark;
import dev.nsnet.kernel.netfilter.xt.XtMarkTarget;
import dev.nsnet.kernel.netfilter.xt.XtMultiport;
import dev.nsnet.kernel.netfilter.xt.XtPhysdev;
import dev.nsnet.kernel.netfilter.xt.XtStatistic;
import dev.nsnet.kernel.netfilter.xt.XtTrace;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** The match and target extensions of kernel/netfilter/xt against hand-made packets (xt_*.c semantics). */
class XtExtensionsTest {
    private final NfTestPackets p = new NfTestPackets();

    private XtActionParam par(SkBuff skb) {
        XtActionParam par = new XtActionParam();
        par.net = p.ns;
        par.in = p.ns.loopback;
        par.nh = skb.networkHeader;
        par.thoff = par.nh + Ipv4.ihl(skb.buf, par.nh);
        par.fragoff = Ipv4.fragOffset(skb.buf, par.nh);
        return par;
    }

    private boolean m(XtMatch x, SkBuff skb) { return x.match(skb, par(skb)); }

    private SkBuff tcp(int sport, int dport) { return p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, sport, dport); }

    @Test
    void markComparesUnderTheMask() {
        SkBuff skb = tcp(1, 2);
        skb.mark = 0x1234;
        assertTrue(m(new XtMark(0x1234, -1, false), skb));
        assertTrue(m(new XtMark(0x34, 0xff, false), skb));
        assertFalse(m(new XtMark(0x34, 0xff, true), skb));
        assertFalse(m(new XtMark(0x1, -1, false), skb));
    }

    @Test
    void markTargetClearsTheMaskThenXors() {
        SkBuff skb = tcp(1, 2);
        skb.mark = 0xff0f;
        assertEquals(XtTarget.XT_CONTINUE, new XtMarkTarget(0x10, 0xff).target(skb, par(skb)), "--set-mark 0x10/0xff");
        assertEquals(0xff10, skb.mark);
        new XtMarkTarget(0, ~0xf0).target(skb, par(skb)); // --and-mark 0xf0
        assertEquals(0x10, skb.mark);
        new XtMarkTarget(0x3, 0x3).target(skb, par(skb)); // --or-mark 3
        assertEquals(0x13, skb.mark);
        new XtMarkTarget(0x7, 0).target(skb, par(skb)); // --xor-mark 7
        assertEquals(0x14, skb.mark);
    }

    @Test
    void multiportListsRangesAndInversion() {
        XtMultiport dports = new XtMultiport(XtMultiport.DESTINATION, new int[] {22, 80, 90}, new boolean[] {false, true, false}, false);
        assertTrue(m(dports, tcp(1000, 22)));
        assertTrue(m(dports, tcp(1000, 85)));
        assertFalse(m(dports, tcp(22, 1000)));
        XtMultiport either = new XtMultiport(XtMultiport.EITHER, new int[] {53}, new boolean[] {false}, false);
        assertTrue(m(either, tcp(53, 1000)));
        assertTrue(m(either, tcp(1000, 53)));
        XtMultiport not = new XtMultiport(XtMultiport.SOURCE, new int[] {53}, new boolean[] {false}, true);
        assertFalse(m(not, tcp(53, 1)));
        assertTrue(m(not, tcp(54, 1)));
        assertEquals(dports, new XtMultiport(XtMultiport.DESTINATION, new int[] {22, 80, 90}, new boolean[] {false, true, false}, false),
                "-C/-D compare the port lists, not the arrays");
        SkBuff frag = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, 1000, 22, 1);
        assertFalse(m(dports, frag), "non-first fragments never match");
    }

    @Test
    void iprangeIsUnsignedAndInclusive() {
        SkBuff skb = p.packet("200.0.0.5", "10.0.0.2", Ipv4.PROTO_UDP, 1, 2);
        int lo = NfTestPackets.ip("200.0.0.1"), hi = NfTestPackets.ip("200.0.0.5");
        assertTrue(m(new XtIprange(lo, hi, 0, 0, XtIprange.SRC), skb));
        assertFalse(m(new XtIprange(lo, hi, 0, 0, XtIprange.SRC | XtIprange.SRC_INV), skb));
        assertFalse(m(new XtIprange(hi, lo, 0, 0, XtIprange.SRC), skb), "a reversed range never matches");
        int d = NfTestPackets.ip("10.0.0.2");
        assertTrue(m(new XtIprange(lo, hi, d, d, XtIprange.SRC | XtIprange.DST), skb));
    }

    @Test
    void macComparesTheEthernetSource() {
        SkBuff skb = tcp(1, 2);
        int nh = skb.networkHeader;
        skb.macHeader = nh - 14;
        for (int i = 0; i < 6; i++) skb.buf[skb.macHeader + 6 + i] = (byte) (i == 5 ? 0xaa : i == 0 ? 2 : 0);
        skb.dev = p.ns.loopback;
        assertFalse(m(new XtMac(0x0200000000aaL, false), skb), "lo is not ARPHRD_ETHER");
        skb.dev = new dev.nsnet.kernel.core.NetDevice("eth0", p.ns.loopback.ops);
        assertTrue(m(new XtMac(0x0200000000aaL, false), skb));
        assertFalse(m(new XtMac(0x0200000000abL, false), skb));
        assertTrue(m(new XtMac(0x0200000000abL, true), skb));
    }

    @Test
    void addrtypeBroadcastAndMulticastNeedNoRoute() {
        SkBuff bc = p.packet("0.0.0.0", "255.255.255.255", Ipv4.PROTO_UDP, 68, 67);
        int broadcast = 1 << 3, multicast = 1 << 5, unicast = 1 << 1;
        assertTrue(m(new XtAddrtype(broadcast, broadcast, 0), bc));
        assertFalse(m(new XtAddrtype(0, broadcast, XtAddrtype.INVERT_DEST), bc));
        SkBuff mc = p.packet("10.0.0.1", "224.0.0.1", Ipv4.PROTO_UDP, 1, 2);
        assertTrue(m(new XtAddrtype(0, multicast, 0), mc));
        assertTrue(m(new XtAddrtype(broadcast, 0, 0), mc), "no local table yet: __inet_dev_addr_type says BROADCAST");
        assertFalse(m(new XtAddrtype(unicast, 0, 0), mc));
    }

    @Test
    void limitIsATokenBucketOnTheVirtualClock() {
        XtLimit l = new XtLimit(2, 1, 2); // 2/sec burst 2: a packet costs 0.5 s, the bucket holds 1 s
        SkBuff skb = tcp(1, 2);
        int matched = 0;
        for (int i = 0; i < 5; i++) {
            p.emu.scheduler.runUntil(p.emu.now() + (i == 0 ? 0 : 200_000_000L));
            if (m(l, skb)) matched++;
        }
        assertEquals(3, matched, "t=0, 0.2, 0.6 s match; 0.4 and 0.8 s find less than 0.5 s of tokens");
        assertEquals(new XtLimit(2, 1, 2), l, "the bucket is not part of the rule's identity");
        assertEquals(5, new XtLimit(1, 1, 0).burst, "burst 0 is the default 5 (nft_limit)");
    }

    @Test
    void statisticNthCountsFromEveryMinusPacket() {
        XtStatistic nth = new XtStatistic(XtStatistic.MODE_NTH, false, 0, 2, 1); // --every 3 --packet 1
        StringBuilder seq = new StringBuilder();
        SkBuff skb = tcp(1, 2);
        for (int i = 0; i < 7; i++) seq.append(m(nth, skb) ? 'x' : '.');
        assertEquals(".x..x..", seq.toString());
        XtStatistic first = new XtStatistic(XtStatistic.MODE_NTH, false, 0, 2, 0);
        assertTrue(m(first, skb), "--packet 0: the first packet matches");
        assertTrue(m(new XtStatistic(XtStatistic.MODE_RANDOM, false, 0x80000000, 0, 0), skb), "probability 1");
        assertFalse(m(new XtStatistic(XtStatistic.MODE_RANDOM, false, 0, 0, 0), skb), "probability 0");
        assertTrue(m(new XtStatistic(XtStatistic.MODE_RANDOM, true, 0, 0, 0), skb));
        assertNotEquals(nth, first);
    }

    @Test
    void physdevReadsTheBridgePortInfo() {
        SkBuff skb = tcp(1, 2);
        XtPhysdev inVpa = new XtPhysdev("vpa", false, null, false, XtPhysdev.OP_IN, 0);
        XtPhysdev notBridged = new XtPhysdev(null, false, null, false, XtPhysdev.OP_BRIDGED, XtPhysdev.OP_BRIDGED);
        assertFalse(m(inVpa, skb), "no bridge info: only all-inverted tests match");
        assertTrue(m(notBridged, skb));
        dev.nsnet.kernel.core.NetDevice vpa = new dev.nsnet.kernel.core.NetDevice("vpa", p.ns.loopback.ops);
        dev.nsnet.kernel.core.NetDevice vpb = new dev.nsnet.kernel.core.NetDevice("vpb", p.ns.loopback.ops);
        skb.nfBridge = true;
        skb.physIn = vpa;
        assertTrue(m(inVpa, skb));
        assertTrue(m(new XtPhysdev("vp", true, null, false, XtPhysdev.OP_IN, 0), skb), "vp+ is a prefix");
        assertTrue(m(notBridged, skb), "delivered up, not forwarded: no out port");
        skb.physOut = vpb;
        assertFalse(m(notBridged, skb));
        assertTrue(m(new XtPhysdev(null, false, "vpb", false, XtPhysdev.OP_OUT | XtPhysdev.OP_BRIDGED, 0), skb));
        assertFalse(m(new XtPhysdev(null, false, "vpb", false, XtPhysdev.OP_OUT, XtPhysdev.OP_OUT), skb));
    }

    @Test
    void traceMarksThePacketAndContinues() {
        SkBuff skb = tcp(1, 2);
        assertEquals(XtTarget.XT_CONTINUE, new XtTrace().target(skb, par(skb)));
        assertTrue(skb.nfTrace);
        skb.free();
        SkBuff again = p.emu.pool.alloc(64);
        assertFalse(again.nfTrace, "a recycled skb starts untraced");
    }
}
