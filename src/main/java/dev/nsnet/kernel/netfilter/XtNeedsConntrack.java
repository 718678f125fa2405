package dev.nsnet.kernel.netfilter;

/**
 * Marks a match or target whose kernel checkentry takes a conntrack reference on the namespace
 * ({@code nf_ct_netns_get()} in xt_conntrack.c, xt_state.c, xt_connmark.c, xt_CT.c, the NAT
 * targets) and whose destroy drops it. {@link XtTable} counts such rules as they come and go, so
 * tracking runs in a namespace exactly while one exists.
 */
public interface XtNeedsConntrack {
    /** False for a variant that does not need tracking (CT --notrack). */
    default boolean needsConntrack() { return true; }
}
