package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.XtTarget;

/** net/netfilter/xt_REDIRECT.c {@code redirect_tg4()}: nf_nat_redirect_ipv4() at this hook. */
public record XtRedirect(NfNatRange range) implements XtTarget, XtNeedsConntrack {
    public String name() { return "REDIRECT"; }

    public int target(SkBuff skb, XtActionParam par) { return NfNatRedirect.redirectIpv4(skb, range, par.hook, par.in); }
}
