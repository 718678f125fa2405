package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;

/**
 * A target extension on the iptables side (extensions/libxt_NAME.c, libipt_NAME.c): like
 * {@link XtMatchExt}, loaded by {@code -j NAME}. {@link #save} prints after " -j NAME",
 * {@link #print} after the -L columns (the target column itself shows the name).
 */
abstract class XtTargetExt extends XtExt {
    /** x6_fcheck: validate what was parsed and build the kernel target. */
    abstract XtTarget finalCheck(XtRuleCtx ctx);

    /** The kernel's checkentry (table / hook / protocol limits): throw {@code ctx.invalid()}. */
    void checkEntry(XtRuleCtx ctx, XtTarget t) { }

    abstract void save(StringBuilder sb, XtTarget t);

    abstract void print(StringBuilder sb, XtTarget t, boolean numeric);
}
