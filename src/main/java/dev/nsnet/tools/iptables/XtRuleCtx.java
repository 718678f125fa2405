package dev.nsnet.tools.iptables;

/**
 * What an extension's final check and checkentry may look at besides its own options: the table,
 * the chain, the command and the rule's -p protocol (0: any) with its inversion.
 */
record XtRuleCtx(String table, String chain, char command, int proto, boolean invProto) {
    /**
     * The kernel refused the rule at commit (a checkentry returning -EINVAL): iptables-nft prints
     * " RULE_APPEND failed (Invalid argument): rule in chain CHAIN", exit 4.
     */
    XtError invalid() {
        return XtError.versioned(" RULE_APPEND failed (Invalid argument): rule in chain " + chain, 4);
    }

    /** The chain is one of the built-in chains of these hooks' names (PREROUTING, INPUT, ...). */
    boolean chainIn(String... builtins) {
        for (String b : builtins) if (b.equals(chain)) return true;
        return false;
    }
}
