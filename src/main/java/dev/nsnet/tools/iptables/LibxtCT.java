package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.xt.XtCT;

/**
 * extensions/libxt_CT.c: -j CT [--notrack] [--zone N] [--helper NAME] [--ctevents L] [--expevents L]
 * [--timeout NAME], and the NOTRACK alias (no options, lists as target CT with "NOTRACK"). Only the
 * raw table takes them (the kernel's checkentry refuses the rule elsewhere). Only --notrack acts
 * in nsnet; the rest is kept for listings.
 */
class LibxtCT extends XtTargetExt {
    private boolean notrack;
    private final StringBuilder opts = new StringBuilder();

    String name() { return "CT"; }

    String[] options() {
        return new String[] {"notrack", "zone", "zone-orig", "zone-reply", "helper", "ctevents", "expevents", "timeout"};
    }

    void parse(XtOpt o) {
        if (o.name.equals("notrack")) {
            notrack = true;
            return;
        }
        String v = o.arg();
        opts.append(' ').append(o.name).append(' ').append(v);
    }

    XtTarget finalCheck(XtRuleCtx ctx) { return new XtCT(notrack, false, opts.toString()); }

    void checkEntry(XtRuleCtx ctx, XtTarget t) {
        if (!ctx.table().equals("raw")) throw ctx.invalid();
    }

    void save(StringBuilder sb, XtTarget t) {
        XtCT c = (XtCT) t;
        if (c.alias()) return;
        if (c.notrack()) sb.append(" --notrack");
        String[] p = c.options().trim().isEmpty() ? new String[0] : c.options().trim().split(" ");
        for (int i = 0; i + 1 < p.length; i += 2) sb.append(" --").append(p[i]).append(' ').append(p[i + 1]);
    }

    void print(StringBuilder sb, XtTarget t, boolean numeric) {
        XtCT c = (XtCT) t;
        if (c.alias()) {
            sb.append(" NOTRACK");
            return;
        }
        sb.append(" CT");
        if (c.notrack()) sb.append(" notrack");
        String[] p = c.options().trim().isEmpty() ? new String[0] : c.options().trim().split(" ");
        for (int i = 0; i + 1 < p.length; i += 2) sb.append(' ').append(p[i]).append(' ').append(p[i + 1]);
    }

    /** -j NOTRACK: CT --notrack under its old name. */
    static final class Notrack extends LibxtCT {
        String name() { return "NOTRACK"; }

        String[] options() { return new String[0]; }

        XtTarget finalCheck(XtRuleCtx ctx) { return new XtCT(true, true, ""); }
    }
}
