package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.XtTarget;

/** net/netfilter/xt_MASQUERADE.c {@code masquerade_tg()}: nf_nat_masquerade_ipv4() for the out device. */
public record XtMasquerade(NfNatRange range) implements XtTarget, XtNeedsConntrack {
    public String name() { return "MASQUERADE"; }

    public int target(SkBuff skb, XtActionParam par) { return NfNatMasquerade.masqueradeIpv4(skb, range, par.out); }
}
