package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * The limit match as iptables-nft installs it: net/netfilter/nft_limit.c's packet limit
 * ({@code nft_limit_pkts_eval()}; iptables 1.8.9 turns {@code -m limit} into a native "limit rate
 * RATE/UNIT burst B packets" expression). A token bucket in nanoseconds on the virtual clock: each
 * packet costs {@code unit*1e9/rate}, the bucket holds {@code cost*burst} and starts full; a packet
 * matches when its cost is available. Burst 0 means the default 5 (nft_limit_init). The bucket
 * state is per rule and not part of {@link #equals}.
 */
public final class XtLimit implements XtMatch {
    /** Packets per {@code unit} seconds. */
    public final long rate;
    public final long unit;
    public final int burst;
    private final long cost, tokensMax;
    private long tokens, last = Long.MIN_VALUE;

    public XtLimit(long rate, long unit, int burst) {
        this.rate = rate;
        this.unit = unit;
        this.burst = burst == 0 ? 5 : burst;
        this.cost = unit * 1_000_000_000L / rate;
        this.tokensMax = cost * this.burst;
        this.tokens = tokensMax;
    }

    public String name() { return "limit"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        long now = par.net.emulation().now();
        if (last == Long.MIN_VALUE) last = now; // the bucket starts full when the rule is installed
        long t = tokens + now - last;
        if (t > tokensMax) t = tokensMax;
        last = now;
        long delta = t - cost;
        if (delta >= 0) {
            tokens = delta;
            return true;
        }
        tokens = t;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XtLimit l && l.rate == rate && l.unit == unit && l.burst == burst;
    }

    @Override
    public int hashCode() { return Long.hashCode(rate * 31 + unit) + burst; }
}
