package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/**
 * The table replace of a restore (xt_replace_table / one nf_tables transaction): a table staged
 * off to the side is invisible to the data path until {@link NetfilterNet#commit} swaps it in at
 * once; a staged copy keeps rules, counters and jumps (re-pointed at its own chains).
 */
class XtTableReplaceTest {
    private final NfTestPackets p = new NfTestPackets();
    private final XtTable live = NetfilterNet.ensureTable(p.ns, XtTable.Kind.FILTER);

    private int run() {
        SkBuff skb = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_ICMP, 8, 0);
        return IptDoTable.run(live, NfHook.LOCAL_IN, skb, p.ns.loopback, null);
    }

    @Test
    void stagedRulesActOnlyAfterTheCommit() {
        XtTable staged = XtTable.staging(XtTable.Kind.FILTER);
        staged.append(staged.chain("INPUT"), NfTestPackets.rule("10.0.0.1", -1, XtTarget.Verdict.DROP));
        assertEquals(NfHook.NF_ACCEPT, run(), "nothing of the staged table is live yet");
        NetfilterNet.commit(p.ns, XtTable.Kind.FILTER, staged);
        assertSame(live, NetfilterNet.table(p.ns, XtTable.Kind.FILTER), "the registered table object stays");
        assertEquals(NfHook.NF_DROP, run());
        assertEquals(1, live.chain("INPUT").rules().get(0).pcnt);
    }

    @Test
    void aStagedCopyKeepsCountersAndRepointsJumps() {
        XtChain user = live.newChain("U");
        XtRule jump = NfTestPackets.rule(null, 0, new XtTarget.Jump(user, false));
        live.append(live.chain("INPUT"), jump);
        live.append(user, NfTestPackets.rule(null, 0, XtTarget.Verdict.DROP));
        live.setPolicy(live.chain("FORWARD"), NfHook.NF_DROP);
        assertEquals(NfHook.NF_DROP, run());
        XtTable copy = live.stagedCopy(true);
        XtRule copied = copy.chain("INPUT").rules().get(0);
        assertSame(copy.chain("U"), ((XtTarget.Jump) copied.target).chain());
        assertEquals(1, copied.pcnt);
        assertEquals(NfHook.NF_DROP, copy.chain("FORWARD").policy());
        copy.flush(copy.chain("U"));
        assertEquals(1, live.chain("U").size(), "editing the copy leaves the live table alone");
        NetfilterNet.commit(p.ns, XtTable.Kind.FILTER, copy);
        assertEquals(NfHook.NF_ACCEPT, run(), "U is empty now: back from it to the INPUT policy");
        assertEquals(2, live.chain("INPUT").rules().get(0).pcnt);
    }

    @Test
    void anEmptyStagedTableUnregistersTheTable() {
        live.setPolicy(live.chain("INPUT"), NfHook.NF_DROP);
        NetfilterNet.commit(p.ns, XtTable.Kind.FILTER, XtTable.staging(XtTable.Kind.FILTER));
        assertNull(NetfilterNet.table(p.ns, XtTable.Kind.FILTER));
        for (XtTable t : NetfilterNet.of(p.ns).hooks[NfHook.LOCAL_IN]) assertEquals(false, t == live, "left its hooks");
    }

    @Test
    void indexIsBuiltOnceForALargeStagedChain() {
        XtTable staged = XtTable.staging(XtTable.Kind.FILTER);
        XtChain fwd = staged.chain("FORWARD");
        for (int i = 0; i < 50_000; i++) {
            staged.append(fwd, NfTestPackets.rule("10." + (100 + (i >> 16)) + "." + ((i >> 8) & 255) + "." + (i & 255), -1,
                    XtTarget.Verdict.DROP));
        }
        assertNull(fwd.index, "not published while staged");
        NetfilterNet.commit(p.ns, XtTable.Kind.FILTER, staged);
        XtChain live50k = live.chain("FORWARD");
        assertEquals(50_000, live50k.rules.length);
        assertEquals(50_000, live50k.index.next(0, NfTestPackets.ip("10.0.0.1"), 0), "no rule can match 10.0.0.1");
        assertEquals(49_999, live50k.index.next(0, NfTestPackets.ip("10.100.195.79"), 0));
    }
}
