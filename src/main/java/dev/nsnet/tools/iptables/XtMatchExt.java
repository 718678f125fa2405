package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * A match extension on the iptables side (extensions/libxt_NAME.c): option parsing
 * ({@link #parse}), the final check that builds the kernel object ({@link #finalCheck}, x6_fcheck),
 * and the two ways iptables prints it: {@link #save} for -S / iptables-save (after " -m NAME") and
 * {@link #print} for -L (after the address columns). save/print read the kernel object, so they
 * must print any object this extension's finalCheck can build.
 */
abstract class XtMatchExt extends XtExt {
    /** x6_fcheck: validate what was parsed and build the kernel match. */
    abstract XtMatch finalCheck(XtRuleCtx ctx);

    /** The kernel's checkentry (at commit): throw {@code ctx.invalid()} when the kernel refuses the rule. */
    void checkEntry(XtRuleCtx ctx, XtMatch m) { }

    /** save(): the options after " -m NAME", each with its leading space. */
    abstract void save(StringBuilder sb, XtMatch m);

    /** print(): the -L text, each part with its leading space. */
    abstract void print(StringBuilder sb, XtMatch m, boolean numeric);

    /** print() with the rule's IP part (ipt_ip: e.g. its protocol for service names). */
    void print(StringBuilder sb, dev.nsnet.kernel.netfilter.XtRule r, XtMatch m, boolean numeric) { print(sb, m, numeric); }
}
