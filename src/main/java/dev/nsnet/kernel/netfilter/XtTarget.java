package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.SkBuff;

/**
 * A rule's target ({@code struct xt_target}'s {@code target()} bound to its targinfo). The standard
 * target of ip_tables.c (verdicts, jumps and gotos, {@code IPT_F_GOTO}) is {@link Verdict} and
 * {@link Jump}, walked by {@link IptDoTable} itself; target extensions (REJECT, LOG, MARK, ...) live
 * in dev.nsnet.kernel.netfilter.xt, one class per kernel file, and return a verdict:
 * {@link NfHook#NF_ACCEPT}, {@link NfHook#NF_DROP} or {@link #XT_CONTINUE} (go on with the next rule).
 * They must not allocate per packet (except what the kernel allocates too, e.g. a REJECT reply).
 */
public interface XtTarget {
    /** XT_CONTINUE: a non-terminal target, the walk goes on with the next rule. */
    int XT_CONTINUE = -1;
    /** XT_RETURN: the standard target's RETURN. */
    int XT_RETURN = -2;

    /** The name in -j NAME (a chain's name for a jump). */
    String name();

    /**
     * The target's real name, shown in the -L target column: an alias (NOTRACK, whose real target
     * is CT) saves as its own name but lists as the real one (libxtables' real_name).
     */
    default String realName() { return name(); }

    /** xt_target.target(): the verdict. */
    int target(SkBuff skb, XtActionParam par);

    /** For the trace: what the rule did, e.g. "REJECT icmp-port-unreachable", "LOG, continue". */
    default String traceVerdict() { return name(); }

    /** ACCEPT, DROP or RETURN. */
    enum Verdict implements XtTarget {
        ACCEPT, DROP, RETURN;

        public int target(SkBuff skb, XtActionParam par) {
            return switch (this) {
                case ACCEPT -> NfHook.NF_ACCEPT;
                case DROP -> NfHook.NF_DROP;
                case RETURN -> XT_RETURN;
            };
        }
    }

    /** A jump ({@code -j CHAIN}) or a goto ({@code -g CHAIN}) into a user chain. */
    record Jump(XtChain chain, boolean isGoto) implements XtTarget {
        public String name() { return chain.name; }

        /** Never called: ipt_do_table() follows the jump itself. */
        public int target(SkBuff skb, XtActionParam par) { throw new IllegalStateException("jump"); }

        public String traceVerdict() { return (isGoto ? "goto " : "jump ") + chain.name; }
    }
}
