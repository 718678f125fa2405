package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * net/netfilter/xt_statistic.c {@code statistic_mt()} (struct xt_statistic_info). Random mode:
 * {@code (random & 0x7fffffff) < probability} (probability = p * 2^31), from the emulation's
 * seeded random source. Nth mode: a per-rule counter starting at {@code every - packet}
 * ({@code every} stored minus one, as iptables hands it over) that wraps to 0 after {@code every};
 * the packet that makes it 0 matches. {@code invert} flips either. The counter is per rule and not
 * part of {@link #equals} (userspacesize ends before it).
 */
public final class XtStatistic implements XtMatch {
    public static final int MODE_RANDOM = 0, MODE_NTH = 1;

    public final int mode;
    public final boolean invert;
    /** Random mode: p * 0x80000000, rounded. */
    public final int probability;
    /** Nth mode: n - 1, and the initial packet offset. */
    public final int every, packet;
    private int count;

    public XtStatistic(int mode, boolean invert, int probability, int every, int packet) {
        this.mode = mode;
        this.invert = invert;
        this.probability = probability;
        this.every = every;
        this.packet = packet;
        this.count = every - packet;
    }

    public String name() { return "statistic"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        boolean ret = invert;
        if (mode == MODE_RANDOM) {
            if ((par.net.emulation().random().nextInt() & 0x7fffffff) < Integer.toUnsignedLong(probability)) ret = !ret;
        } else {
            count = count == every ? 0 : count + 1;
            if (count == 0) ret = !ret;
        }
        return ret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XtStatistic s && s.mode == mode && s.invert == invert && s.probability == probability
                && s.every == every && s.packet == packet;
    }

    @Override
    public int hashCode() { return (mode * 31 + probability) * 31 + every; }
}
