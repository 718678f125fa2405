package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtTrace;

/**
 * extensions/libxt_TRACE.c: no options. iptables-nft installs it as "meta nftrace set 1", so
 * (measured on 1.8.9) it is accepted in every table and chain, not only in raw as xt_TRACE is.
 */
final class LibxtTrace extends XtTargetExt {
    String name() { return "TRACE"; }

    Spec[] spec() { return new Spec[0]; }

    void parse(XtOpt o) { }

    XtTarget finalCheck(XtRuleCtx ctx) { return new XtTrace(); }

    void save(StringBuilder sb, XtTarget t) { }

    void print(StringBuilder sb, XtTarget t, boolean numeric) { }
}
