package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtTarget;

/**
 * net/netfilter/xt_mark.c {@code mark_tg()} (the MARK target, struct xt_mark_tginfo2):
 * {@code skb->mark = (skb->mark & ~mask) ^ mark}, then XT_CONTINUE. --set-mark, --and-mark,
 * --or-mark and --xor-mark are all this one (mark, mask) pair.
 */
public record XtMarkTarget(int mark, int mask) implements XtTarget {
    public String name() { return "MARK"; }

    public int target(SkBuff skb, XtActionParam par) {
        skb.mark = (skb.mark & ~mask) ^ mark;
        return XT_CONTINUE;
    }

    public String traceVerdict() {
        return "MARK set 0x" + Integer.toHexString(mark) + "/0x" + Integer.toHexString(mask) + ", continue";
    }
}
