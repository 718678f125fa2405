package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.wire.Bytes;
import java.util.Arrays;

/**
 * net/netfilter/xt_multiport.c {@code multiport_mt()} / {@code ports_match_v1()} (struct
 * xt_multiport_v1): up to 15 ports, {@code pflags[i]} marking port[i]..port[i+1] as a range, of the
 * source, the destination or either; the first hit decides, {@code invert} flips the result.
 * Non-first fragments never match; a header too short for the ports drops the packet (hotdrop).
 */
public final class XtMultiport implements XtMatch {
    /** XT_MULTIPORT_SOURCE, _DESTINATION, _EITHER. */
    public static final int SOURCE = 0, DESTINATION = 1, EITHER = 2;

    public final int flags;
    public final int[] ports;
    public final boolean[] pflags;
    public final boolean invert;

    public XtMultiport(int flags, int[] ports, boolean[] pflags, boolean invert) {
        this.flags = flags;
        this.ports = ports;
        this.pflags = pflags;
        this.invert = invert;
    }

    public String name() { return "multiport"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if (par.fragoff != 0) return false;
        int th = par.thoff;
        if (th + 4 > skb.tail()) {
            par.hotdrop = true;
            return false;
        }
        int src = Bytes.u16(skb.buf, th), dst = Bytes.u16(skb.buf, th + 2);
        for (int i = 0; i < ports.length; i++) {
            int s = ports[i];
            int e = s;
            if (pflags[i]) e = ports[++i];
            boolean hit = switch (flags) {
                case SOURCE -> src >= s && src <= e;
                case DESTINATION -> dst >= s && dst <= e;
                default -> (src >= s && src <= e) || (dst >= s && dst <= e);
            };
            if (hit) return !invert;
        }
        return invert;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XtMultiport m && m.flags == flags && m.invert == invert && Arrays.equals(m.ports, ports)
                && Arrays.equals(m.pflags, pflags);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(ports) * 31 + flags; }
}
