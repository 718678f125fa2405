package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.SkBuff;

/**
 * An xtables match extension: {@code struct xt_match}'s {@code match()} bound to its compiled
 * {@code matchinfo} (one object per rule). Implementations live in dev.nsnet.kernel.netfilter.xt,
 * one class per kernel file (xt_tcpudp.c, xt_mark.c, ...). A match reads the packet and
 * {@link XtActionParam}; it must not allocate. Two matches are the same rule part when they are
 * {@code equals} (what -C and -D RULE compare), so implement equals on the user-visible fields
 * (records do that).
 */
public interface XtMatch {
    /** Name as {@code -m NAME} gives it and as iptables finds the extension to print it. */
    String name();

    /** @return whether the packet matches */
    boolean match(SkBuff skb, XtActionParam par);
}
