package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * The rule walk of net/ipv4/netfilter/ip_tables.c {@code ipt_do_table()}: from the hook's built-in
 * chain, first matching rule wins; counters of a matching rule are bumped before its target runs;
 * {@code -j CHAIN} pushes the return position, {@code -g CHAIN} does not; RETURN (or the end of a
 * user chain) pops, and with nothing to pop the built-in chain's policy applies (its counters too).
 * Target extensions return a verdict; XT_CONTINUE (LOG, MARK, ...) goes on with the next rule.
 * A packet the TRACE target marked ({@code skb.nfTrace}) also shows the rules it did not match.
 * Long chains skip rules that cannot match through their {@link RuleIndex}.
 */
final class IptDoTable {
    private IptDoTable() { }

    static int run(XtTable t, int hook, SkBuff skb, NetDevice in, NetDevice out) {
        NetDevice dev = in != null ? in : out;
        Tracepoints tp = dev.ns.emulation().trace;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int len = Ipv4.totLen(b, nh);
        int saddr = Ipv4.src(b, nh), daddr = Ipv4.dst(b, nh);
        XtChain chain = t.builtin(hook);
        int base = t.stackTop;
        int pos = 0;
        if (t.paramDepth == t.params.length) {
            t.params = java.util.Arrays.copyOf(t.params, t.paramDepth * 2);
            for (int i = t.paramDepth; i < t.params.length; i++) t.params[i] = new XtActionParam();
        }
        XtActionParam par = t.params[t.paramDepth++];
        par.net = dev.ns;
        par.in = in;
        par.out = out;
        par.hook = hook;
        par.table = t.name();
        par.nh = nh;
        par.thoff = nh + Ipv4.ihl(b, nh);
        par.fragoff = Ipv4.fragOffset(b, nh);
        par.hotdrop = false;
        par.tracing = tp.on;
        if (tp.on) tp.step(skb, dev, "ipt_do_table", t.name() + "/" + chain.name);
        try {
            while (true) {
                XtRule[] rules = chain.rules;
                RuleIndex idx = chain.index;
                if (idx != null) pos = idx.next(pos, saddr, daddr);
                XtRule r = null;
                while (pos < rules.length) {
                    XtRule c = rules[pos];
                    if (c.matches(skb, par)) {
                        r = c;
                        break;
                    }
                    if (tp.on && skb.nfTrace) tp.step(skb, dev, "ipt_do_table", describe(t, chain, pos, c, "no match (TRACE)"));
                    if (par.hotdrop) {
                        t.lastChain = chain;
                        t.lastPos = pos;
                        if (tp.on) tp.step(skb, dev, "ipt_do_table", describe(t, chain, pos, c, "hotdrop"));
                        return NfHook.NF_DROP;
                    }
                    pos++;
                    if (idx != null) pos = idx.next(pos, saddr, daddr);
                }
                if (r == null) {
                    // End of chain: a built-in chain's policy, else an implicit RETURN.
                    if (chain.builtin()) return policy(t, chain, skb, dev, tp, len);
                    if (t.stackTop == base) return policy(t, t.builtin(hook), skb, dev, tp, len);
                    t.stackTop--;
                    chain = t.stackChain[t.stackTop];
                    pos = t.stackPos[t.stackTop];
                    if (tp.on) tp.step(skb, dev, "ipt_do_table", t.name() + "/" + chain.name + " (end of chain: return)");
                    continue;
                }
                r.pcnt++;
                r.bcnt += len;
                XtTarget target = r.target;
                if (target == null) {
                    // A rule without a target only counts (XT_CONTINUE).
                    if (tp.on) tp.step(skb, dev, "ipt_do_table", describe(t, chain, pos, r, "continue"));
                    pos++;
                    continue;
                }
                if (target instanceof XtTarget.Jump j) {
                    if (tp.on) tp.step(skb, dev, "ipt_do_table", describe(t, chain, pos, r, j.traceVerdict()));
                    if (!j.isGoto()) push(t, chain, pos + 1);
                    chain = j.chain();
                    pos = 0;
                    continue;
                }
                if (tp.on) tp.step(skb, dev, "ipt_do_table", describe(t, chain, pos, r, target.traceVerdict()));
                int oldMark = skb.mark;
                int v = target.target(skb, par);
                if (tp.on && skb.mark != oldMark) {
                    tp.step(skb, dev, "ipt_do_table", t.name() + "/" + chain.name + " rule " + (pos + 1) + ": mark 0x"
                            + Integer.toHexString(oldMark) + " -> 0x" + Integer.toHexString(skb.mark));
                }
                if (v == XtTarget.XT_CONTINUE) {
                    pos++;
                    continue;
                }
                if (v == XtTarget.XT_RETURN) {
                    if (t.stackTop == base) {
                        if (chain.builtin()) return policy(t, chain, skb, dev, tp, len);
                        return policy(t, t.builtin(hook), skb, dev, tp, len);
                    }
                    t.stackTop--;
                    chain = t.stackChain[t.stackTop];
                    pos = t.stackPos[t.stackTop];
                    continue;
                }
                if (v == NfHook.NF_DROP) {
                    t.lastChain = chain;
                    t.lastPos = pos;
                }
                return v;
            }
        } finally {
            t.stackTop = base;
            t.paramDepth--;
        }
    }

    private static void push(XtTable t, XtChain chain, int pos) {
        if (t.stackTop == t.stackChain.length) {
            t.stackChain = java.util.Arrays.copyOf(t.stackChain, t.stackTop * 2);
            t.stackPos = java.util.Arrays.copyOf(t.stackPos, t.stackTop * 2);
        }
        t.stackChain[t.stackTop] = chain;
        t.stackPos[t.stackTop] = pos;
        t.stackTop++;
    }

    private static int policy(XtTable t, XtChain c, SkBuff skb, NetDevice dev, Tracepoints tp, int len) {
        if (c.stats) {
            c.policyPcnt++;
            c.policyBcnt += len;
        }
        if (tp.on) tp.step(skb, dev, "ipt_do_table", t.name() + "/" + c.name + " policy "
                + (c.policy == NfHook.NF_ACCEPT ? "ACCEPT" : "DROP"));
        if (c.policy == NfHook.NF_DROP) {
            t.lastChain = c;
            t.lastPos = -1;
        }
        return c.policy;
    }

    private static String describe(XtTable t, XtChain c, int pos, XtRule r, String verdict) {
        return t.name() + "/" + c.name + " rule " + (pos + 1) + ": -A " + c.name + (r.text.isEmpty() ? "" : " " + r.text)
                + " -> " + verdict;
    }
}
