package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;

/**
 * net/netfilter/xt_CT.c: {@code --notrack} (and the NOTRACK alias, {@code notrack_tg()}) marks a
 * packet that has no entry yet as untracked (IP_CT_UNTRACKED), so conntrack leaves it alone and
 * -m conntrack sees UNTRACKED. Other CT options (zone, helper, timeout policy: a template entry)
 * are kept for listings but not modelled: such a rule does nothing to the packet. The raw table
 * only (checkentry refuses others). {@code --notrack} takes no conntrack reference, the others do.
 */
public record XtCT(boolean notrack, boolean alias, String options) implements XtTarget, XtNeedsConntrack {
    public String name() { return alias ? "NOTRACK" : "CT"; }

    public String realName() { return "CT"; }

    public boolean needsConntrack() { return !notrack; }

    public int target(SkBuff skb, XtActionParam par) {
        if (skb.nfct != null || skb.ctinfo == NfConn.IP_CT_UNTRACKED) return XT_CONTINUE;
        if (notrack) skb.ctinfo = NfConn.IP_CT_UNTRACKED;
        return XT_CONTINUE;
    }

    public String traceVerdict() { return notrack ? "CT notrack, continue" : "CT, continue"; }
}
