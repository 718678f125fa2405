package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/**
 * Chain traversal as ipt_do_table does it: first match wins, jump/RETURN/goto, the implicit return
 * at the end of a user chain, policies, counters, LOG continuing, REJECT dropping.
 */
class IptDoTableTest {
    private final NfTestPackets p = new NfTestPackets();
    private final XtTable t = NetfilterNet.ensureTable(p.ns, XtTable.Kind.FILTER);
    private final XtChain input = t.chain("INPUT");

    private int run(SkBuff skb) { return IptDoTable.run(t, NfHook.LOCAL_IN, skb, p.ns.loopback, null); }

    private SkBuff echo(String src) { return p.packet(src, "10.0.0.2", Ipv4.PROTO_ICMP, 8, 0); }

    @Test
    void emptyChainUsesPolicyAndCountsItOnceSet() {
        assertEquals(NfHook.NF_ACCEPT, run(echo("10.0.0.1")));
        assertEquals(0, input.policyPcnt, "built-in chains count their policy only once -P or -Z touched them");
        t.setPolicy(input, NfHook.NF_DROP);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")));
        assertEquals(1, input.policyPcnt);
        assertEquals(28, input.policyBcnt);
    }

    @Test
    void firstMatchWinsAndOnlyMatchingRulesCount() {
        XtRule other = NfTestPackets.rule("192.168.0.0", 0xffff0000, XtTarget.Verdict.DROP);
        XtRule accept = NfTestPackets.rule("10.0.0.0", 0xff000000, XtTarget.Verdict.ACCEPT);
        XtRule drop = NfTestPackets.rule(null, 0, XtTarget.Verdict.DROP);
        t.append(input, other);
        t.append(input, accept);
        t.append(input, drop);
        assertEquals(NfHook.NF_ACCEPT, run(echo("10.0.0.1")));
        assertEquals(NfHook.NF_DROP, run(echo("172.16.0.1")));
        assertEquals(0, other.pcnt);
        assertEquals(1, accept.pcnt);
        assertEquals(28, accept.bcnt);
        assertEquals(1, drop.pcnt);
    }

    @Test
    void jumpReturnsAfterTheJumpingRule() {
        XtChain pods = t.newChain("pods");
        XtRule ret = NfTestPackets.rule("10.0.0.1", -1, XtTarget.Verdict.RETURN);
        XtRule podDrop = NfTestPackets.rule(null, 0, XtTarget.Verdict.DROP);
        t.append(pods, ret);
        t.append(pods, podDrop);
        XtRule jump = NfTestPackets.rule(null, 0, new XtTarget.Jump(pods, false));
        XtRule after = NfTestPackets.rule(null, 0, XtTarget.Verdict.ACCEPT);
        t.append(input, jump);
        t.append(input, after);
        t.setPolicy(input, NfHook.NF_DROP);
        assertEquals(NfHook.NF_ACCEPT, run(echo("10.0.0.1")), "RETURN resumes after the jump");
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.9")), "DROP inside the user chain is final");
        assertEquals(2, jump.pcnt);
        assertEquals(1, ret.pcnt);
        assertEquals(1, podDrop.pcnt);
        assertEquals(1, after.pcnt);
        assertEquals(0, input.policyPcnt);
    }

    @Test
    void endOfUserChainIsAnImplicitReturn() {
        XtChain empty = t.newChain("empty");
        t.append(input, NfTestPackets.rule(null, 0, new XtTarget.Jump(empty, false)));
        XtRule last = NfTestPackets.rule(null, 0, XtTarget.Verdict.DROP);
        t.append(input, last);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")));
        assertEquals(1, last.pcnt);
    }

    @Test
    void gotoDoesNotComeBack() {
        XtChain g = t.newChain("g");
        t.append(g, NfTestPackets.rule("10.9.9.9", -1, XtTarget.Verdict.ACCEPT));
        XtRule go = NfTestPackets.rule(null, 0, new XtTarget.Jump(g, true));
        XtRule after = NfTestPackets.rule(null, 0, XtTarget.Verdict.ACCEPT);
        t.append(input, go);
        t.append(input, after);
        t.setPolicy(input, NfHook.NF_DROP);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")), "falls off g: back to the built-in chain's policy");
        assertEquals(0, after.pcnt);
        assertEquals(1, input.policyPcnt);
    }

    @Test
    void nestedJumpsAndReturnThroughTwoLevels() {
        XtChain a = t.newChain("a"), b = t.newChain("b");
        t.append(b, NfTestPackets.rule(null, 0, XtTarget.Verdict.RETURN));
        t.append(a, NfTestPackets.rule(null, 0, new XtTarget.Jump(b, false)));
        XtRule aDrop = NfTestPackets.rule("10.0.0.5", -1, XtTarget.Verdict.DROP);
        t.append(a, aDrop);
        t.append(input, NfTestPackets.rule(null, 0, new XtTarget.Jump(a, false)));
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.5")));
        assertEquals(NfHook.NF_ACCEPT, run(echo("10.0.0.6")));
        assertEquals(0, t.stackTop, "the jump stack is unwound after each walk");
    }

    @Test
    void logContinuesAndWritesALine() {
        XtRule log = NfTestPackets.rule(null, 0, new dev.nsnet.kernel.netfilter.xt.XtLog(4, "in: ", 0));
        XtRule drop = NfTestPackets.rule(null, 0, XtTarget.Verdict.DROP);
        t.append(input, log);
        t.append(input, drop);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")));
        assertEquals(1, log.pcnt);
        assertEquals(1, drop.pcnt);
        String line = NfLog.lines(p.ns).get(0);
        assertTrue(line.startsWith("in: IN=lo OUT= "), line);
        assertTrue(line.contains("SRC=10.0.0.1 DST=10.0.0.2 LEN=28 TOS=0x00 PREC=0x00 TTL=64 ID=1 PROTO=ICMP TYPE=8 CODE=0 ID=0 SEQ=0 "), line);
    }

    @Test
    void rejectIsADrop() {
        XtRule rj = NfTestPackets.rule(null, 0, new dev.nsnet.kernel.netfilter.xt.IptReject(dev.nsnet.kernel.netfilter.xt.IptReject.With.ICMP_PORT_UNREACHABLE));
        t.append(input, rj);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")));
        assertEquals(1, rj.pcnt);
        assertEquals("filter/INPUT rule 1: -A INPUT", t.lastVerdictText());
    }

    @Test
    void ruleWithoutTargetOnlyCounts() {
        XtRule count = NfTestPackets.rule(null, 0, null);
        t.append(input, count);
        t.setPolicy(input, NfHook.NF_DROP);
        assertEquals(NfHook.NF_DROP, run(echo("10.0.0.1")));
        assertEquals(1, count.pcnt);
        assertEquals(1, input.policyPcnt);
    }

    @Test
    void traceShowsTableChainRuleAndVerdict() {
        java.util.List<String> steps = new java.util.ArrayList<>();
        java.util.List<String> drops = new java.util.ArrayList<>();
        p.emu.trace.attach(new dev.nsnet.trace.PacketObserver() {
            @Override public void step(SkBuff skb, dev.nsnet.kernel.core.NetDevice dev, String func, String detail) {
                steps.add(func + ": " + detail);
            }

            @Override public void drop(SkBuff skb, dev.nsnet.kernel.core.NetDevice dev, String func,
                                       dev.nsnet.trace.DropReason reason, String detail) {
                drops.add(func + " " + reason + " " + detail);
            }
        });
        XtChain pods = t.newChain("pods");
        XtRule drop = NfTestPackets.rule("10.0.0.0", 0xff000000, XtTarget.Verdict.DROP);
        drop.text = "-s 10.0.0.0/8 -j DROP";
        t.append(pods, drop);
        XtRule jump = NfTestPackets.rule(null, 0, new XtTarget.Jump(pods, false));
        jump.text = "-j pods";
        t.append(input, jump);
        SkBuff skb = echo("10.0.0.1");
        skb.dev = p.ns.loopback;
        assertEquals(false, Netfilter.hook(NfHook.LOCAL_IN, skb, p.ns.loopback, null));
        assertEquals(java.util.List.of("ipt_do_table: filter/INPUT",
                "ipt_do_table: filter/INPUT rule 1: -A INPUT -j pods -> jump pods",
                "ipt_do_table: filter/pods rule 1: -A pods -s 10.0.0.0/8 -j DROP -> DROP"), steps);
        assertEquals(java.util.List.of("nf_hook_slow NETFILTER_DROP filter/pods rule 1: -A pods -s 10.0.0.0/8 -j DROP"), drops);
    }

    @Test
    void traceShowsAMarkRewriteAndTracedPacketsShowMisses() {
        java.util.List<String> steps = new java.util.ArrayList<>();
        p.emu.trace.attach(new dev.nsnet.trace.PacketObserver() {
            @Override public void step(SkBuff skb, dev.nsnet.kernel.core.NetDevice dev, String func, String detail) {
                steps.add(detail);
            }

            @Override public void drop(SkBuff skb, dev.nsnet.kernel.core.NetDevice dev, String func,
                                       dev.nsnet.trace.DropReason reason, String detail) { }
        });
        XtRule miss = NfTestPackets.rule("192.168.0.0", 0xffff0000, XtTarget.Verdict.DROP);
        miss.text = "-s 192.168.0.0/16 -j DROP";
        XtRule trace = NfTestPackets.rule(null, 0, new dev.nsnet.kernel.netfilter.xt.XtTrace());
        trace.text = "-j TRACE";
        XtRule mark = NfTestPackets.rule(null, 0, new dev.nsnet.kernel.netfilter.xt.XtMarkTarget(0x7, -1));
        mark.text = "-j MARK --set-xmark 0x7/0xffffffff";
        t.append(input, miss);
        t.append(input, trace);
        t.append(input, miss);
        t.append(input, mark);
        SkBuff skb = echo("10.0.0.1");
        assertEquals(NfHook.NF_ACCEPT, run(skb));
        assertEquals(7, skb.mark);
        assertEquals(java.util.List.of("filter/INPUT",
                "filter/INPUT rule 2: -A INPUT -j TRACE -> TRACE, continue",
                "filter/INPUT rule 3: -A INPUT -s 192.168.0.0/16 -j DROP -> no match (TRACE)",
                "filter/INPUT rule 4: -A INPUT -j MARK --set-xmark 0x7/0xffffffff -> MARK set 0x7/0xffffffff, continue",
                "filter/INPUT rule 4: mark 0x0 -> 0x7",
                "filter/INPUT policy ACCEPT"), steps, "rule 1 is not shown: the packet was not traced yet");
    }

    @Test
    void zeroResetsRuleAndPolicyCounters() {
        XtRule acc = NfTestPackets.rule(null, 0, XtTarget.Verdict.ACCEPT);
        t.append(input, acc);
        run(echo("10.0.0.1"));
        t.zero(input);
        assertEquals(0, acc.pcnt);
        assertEquals(0, acc.bcnt);
    }

    @Test
    void tablesRegisterAtTheirPriorities() {
        NetfilterNet.ensureTable(p.ns, XtTable.Kind.NAT);
        NetfilterNet.ensureTable(p.ns, XtTable.Kind.RAW);
        NetfilterNet.ensureTable(p.ns, XtTable.Kind.MANGLE);
        NetfilterNet n = NetfilterNet.of(p.ns);
        XtTable[] out = n.hooks[NfHook.LOCAL_OUT];
        assertEquals("raw mangle nat filter", names(out));
        assertEquals("mangle filter nat", names(n.hooks[NfHook.LOCAL_IN]));
        assertEquals("raw mangle nat", names(n.hooks[NfHook.PRE_ROUTING]));
        assertEquals("mangle nat", names(n.hooks[NfHook.POST_ROUTING]));
    }

    private static String names(XtTable[] ts) {
        StringBuilder sb = new StringBuilder();
        for (XtTable x : ts) sb.append(sb.length() == 0 ? "" : " ").append(x.name());
        return sb.toString();
    }
}
