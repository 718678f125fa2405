package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;

/**
 * net/netfilter/xt_physdev.c {@code physdev_mt()} (struct xt_physdev_info): the bridge ports a
 * bridged IPv4 packet came in on and goes out of (the nf_bridge info br_netfilter attaches:
 * {@code skb.physIn} / {@code skb.physOut}). A packet without that info matches only when every
 * given test is inverted. Names ending in '+' match by prefix.
 */
public record XtPhysdev(String physIn, boolean inWild, String physOut, boolean outWild, int bitmask, int invert)
        implements XtMatch {
    /** XT_PHYSDEV_OP_IN, _OUT, _BRIDGED, _ISIN, _ISOUT. */
    public static final int OP_IN = 1, OP_OUT = 2, OP_BRIDGED = 4, OP_ISIN = 8, OP_ISOUT = 16;

    public String name() { return "physdev"; }

    public boolean match(SkBuff skb, XtActionParam par) {
        if (!skb.nfBridge) {
            // No bridge info: match only if every used option is inverted.
            return (bitmask & ~invert) == 0;
        }
        NetDevice po = skb.physOut;
        if ((bitmask & OP_BRIDGED) != 0 && ((po != null) ^ ((invert & OP_BRIDGED) == 0))) return false;
        NetDevice pi = skb.physIn;
        if ((bitmask & OP_ISIN) != 0 && ((pi == null) ^ ((invert & OP_ISIN) != 0))) return false;
        if ((bitmask & OP_ISOUT) != 0 && ((po == null) ^ ((invert & OP_ISOUT) != 0))) return false;
        if ((bitmask & OP_IN) != 0) {
            boolean same = nameMatch(pi, physIn, inWild);
            if (!same ^ ((invert & OP_IN) != 0)) return false;
        }
        if ((bitmask & OP_OUT) == 0) return true;
        return nameMatch(po, physOut, outWild) ^ ((invert & OP_OUT) != 0);
    }

    private static boolean nameMatch(NetDevice dev, String name, boolean wild) {
        String n = dev == null ? "" : dev.name;
        return wild ? n.startsWith(name) : n.equals(name);
    }
}
