package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A walk through rules using every extension of kernel/netfilter/xt allocates nothing per packet (tracing off). */
class XtExtensionsAllocTest {
    @Test
    void theNewMatchesAndTargetsAllocateNothing() {
        NfTestPackets p = new NfTestPackets();
        XtTable t = NetfilterNet.ensureTable(p.ns, XtTable.Kind.FILTER);
        XtChain input = t.chain("INPUT");
        int lo = NfTestPackets.ip("10.0.0.0"), hi = NfTestPackets.ip("10.0.0.9");
        XtRule[] rules = {
            NfTestPackets.rule(null, 0, null, new XtMark(0, -1, false)),
            NfTestPackets.rule(null, 0, null, new XtMultiport(XtMultiport.EITHER, new int[] {22, 80, 90}, new boolean[] {false, true, false}, false)),
            NfTestPackets.rule(null, 0, null, new XtAddrtype(1 << 1 | 1 << 3, 1 << 2 | 1 << 3, 0)),
            NfTestPackets.rule(null, 0, null, new XtIprange(lo, hi, lo, hi, XtIprange.SRC | XtIprange.DST)),
            NfTestPackets.rule(null, 0, null, new XtMac(0x020000000001L, true)),
            NfTestPackets.rule(null, 0, null, new XtLimit(1, 60, 5)),
            NfTestPackets.rule(null, 0, null, new XtStatistic(XtStatistic.MODE_NTH, false, 0, 2, 0)),
            NfTestPackets.rule(null, 0, null, new XtStatistic(XtStatistic.MODE_RANDOM, false, 0x40000000, 0, 0)),
            NfTestPackets.rule(null, 0, null, new XtPhysdev("vpa", false, null, false, XtPhysdev.OP_IN, XtPhysdev.OP_IN)),
            NfTestPackets.rule(null, 0, new XtTrace()),
            NfTestPackets.rule(null, 0, new XtMarkTarget(0, -1)),
        };
        for (XtRule r : rules) t.append(input, r);
        SkBuff skb = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, 1000, 85);
        for (int i = 0; i < 20_000; i++) IptDoTable.run(t, NfHook.LOCAL_IN, skb, p.ns.loopback, null);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        int n = 100_000;
        for (int i = 0; i < n; i++) IptDoTable.run(t, NfHook.LOCAL_IN, skb, p.ns.loopback, null);
        long perPacket = (mx.getThreadAllocatedBytes(tid) - before) / n;
        assertEquals(120_000, rules[0].pcnt);
        assertTrue(perPacket < 8, "bytes allocated per packet walk: " + perPacket);
    }
}
