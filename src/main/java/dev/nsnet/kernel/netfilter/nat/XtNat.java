package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;

/**
 * net/netfilter/xt_nat.c: the SNAT and DNAT targets ({@code xt_snat_target_v2()},
 * {@code xt_dnat_target_v2()}): bind the connection to {@code range}; terminal (NF_ACCEPT ends
 * the nat table's walk for this packet).
 */
public record XtNat(boolean snat, NfNatRange range) implements XtTarget, XtNeedsConntrack {
    public String name() { return snat ? "SNAT" : "DNAT"; }

    public int target(SkBuff skb, XtActionParam par) {
        NfConn ct = NfConntrackCore.get(skb);
        if (ct == null) return NfHook.NF_ACCEPT;
        return NfNatCore.setupInfo(ct, range, snat ? NfNatCore.MANIP_SRC : NfNatCore.MANIP_DST);
    }

    public String traceVerdict() { return name() + " to:" + range.text(); }
}
