package dev.nsnet.tools.iptables;

/**
 * What an extension's final check and checkentry may look at besides its own options: the table,
 * the chain the command names, the command, the rule's -p protocol (0: any) with its inversion, and
 * for checkentry the built-in chain (hook) the rule is checked for: a rule in a user chain is
 * checked once per built-in chain that reaches it (null: none does yet).
 */
record XtRuleCtx(String table, String chain, char command, int proto, boolean invProto, String hook, boolean[] hookAsked) {
    XtRuleCtx(String table, String chain, char command, int proto, boolean invProto, String hook) {
        this(table, chain, command, proto, invProto, hook, null);
    }

    /**
     * The kernel refused the rule at commit (a checkentry returning -EINVAL): iptables-nft prints
     * " RULE_APPEND failed (Invalid argument): rule in chain CHAIN" (RULE_INSERT for -I,
     * RULE_REPLACE for -R), exit 4.
     */
    XtError invalid() {
        String op = command == 'I' ? "RULE_INSERT" : command == 'R' ? "RULE_REPLACE" : "RULE_APPEND";
        return XtError.versioned(" " + op + " failed (Invalid argument): rule in chain " + chain, 4);
    }

    /** The hook the rule is checked for is one of these built-in chains (PREROUTING, INPUT, ...). */
    boolean chainIn(String... builtins) {
        if (hookAsked != null) hookAsked[0] = true;
        for (String b : builtins) if (b.equals(hook)) return true;
        return false;
    }
}
