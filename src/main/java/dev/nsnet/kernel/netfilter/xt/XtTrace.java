package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtTarget;

/**
 * net/netfilter/xt_TRACE.c (iptables-nft: "meta nftrace set 1"): sets {@code skb->nf_trace}, so
 * every later rule the packet meets is traced (nsnet's trace shows each rule tested, matched or
 * not, while the emulation's tracer is on); XT_CONTINUE.
 */
public record XtTrace() implements XtTarget {
    public String name() { return "TRACE"; }

    public int target(SkBuff skb, XtActionParam par) {
        skb.nfTrace = true;
        return XT_CONTINUE;
    }

    public String traceVerdict() { return "TRACE, continue"; }
}
