package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.netfilter.nat.NfNatHook;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * The IPv4 hook entry ({@code NF_HOOK()} / {@code nf_hook_slow()} of include/linux/netfilter.h and
 * net/netfilter/core.c): runs the tables registered at a hook in priority order. Call sites guard
 * it with {@code ns.netfilter != null} so a namespace that never had a rule pays one null check:
 * <pre>  if (ns.netfilter != null &amp;&amp; !Netfilter.hook(NfHook.FORWARD, skb, in, out)) return;</pre>
 * {@code skb.networkHeader} must be at the IP header.
 */
public final class Netfilter {
    private Netfilter() { }

    /**
     * @return true when every table accepted (the caller continues with its okfn); false when the
     *         packet was dropped here (it is freed, and the drop is reported as NETFILTER_DROP)
     */
    public static boolean hook(int hook, SkBuff skb, NetDevice in, NetDevice out) {
        NetDevice dev = in != null ? in : out;
        NetNamespace ns = dev.ns;
        NetfilterNet n = (NetfilterNet) ns.netfilter;
        if (n == null) return true;
        if (hook == NfHook.PRE_ROUTING && BrNetfilter.preroutedByBridge(in)) return true;
        return traverse(n, hook, skb, in, out);
    }

    /**
     * nf_hook_slow(): the tables at {@code hook} in priority order, with conntrack's hook functions
     * at their priorities when tracking is on (also br_netfilter's entry).
     */
    static boolean traverse(NetfilterNet n, int hook, SkBuff skb, NetDevice in, NetDevice out) {
        NetDevice dev = in != null ? in : out;
        NetNamespace ns = dev.ns;
        XtTable[] tables = n.hooks[hook];
        NfConntrackNet ct = n.conntrack;
        boolean ctIn = ct != null && (hook == NfHook.PRE_ROUTING || hook == NfHook.LOCAL_OUT);
        int[] prios = n.hookPriorities[hook];
        for (int i = 0; i < tables.length; i++) {
            if (ctIn && prios[i] > NfConntrackCore.PRI_CONNTRACK) {
                ctIn = false;
                if (NfConntrackCore.in(ct, hook, skb, dev) == NfHook.NF_DROP) return ctDrop(skb, dev, "nf_conntrack_in");
            }
            XtTable t = tables[i];
            int v = t.kind == XtTable.Kind.NAT ? NfNatHook.hook(t, hook, skb, in, out)
                    : t.kind == XtTable.Kind.MANGLE && hook == NfHook.LOCAL_OUT ? IptableMangle.hookOut(t, skb, out)
                    : IptDoTable.run(t, hook, skb, in, out);
            if (v == NfHook.NF_DROP) {
                Tracepoints tp = ns.emulation().trace;
                Dev.drop(skb, dev, "nf_hook_slow", DropReason.NETFILTER_DROP, tp.on ? t.lastVerdictText() : null);
                return false;
            }
        }
        if (ctIn && NfConntrackCore.in(ct, hook, skb, dev) == NfHook.NF_DROP) return ctDrop(skb, dev, "nf_conntrack_in");
        if (ct != null && (hook == NfHook.POST_ROUTING || hook == NfHook.LOCAL_IN)
                && NfConntrackCore.confirm(ct, skb, dev) == NfHook.NF_DROP) {
            return ctDrop(skb, dev, "__nf_conntrack_confirm");
        }
        return true;
    }

    /** ipt_do_table() for the nat table's hook functions, which walk it only for a connection's first packet. */
    public static int iptDoTable(XtTable t, int hook, SkBuff skb, NetDevice in, NetDevice out) {
        return IptDoTable.run(t, hook, skb, in, out);
    }

    private static boolean ctDrop(SkBuff skb, NetDevice dev, String func) {
        Dev.drop(skb, dev, func, DropReason.NETFILTER_DROP, null);
        return false;
    }
}
