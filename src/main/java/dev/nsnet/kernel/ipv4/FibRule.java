package dev.nsnet.kernel.ipv4;

/**
 * One policy routing rule ({@code struct fib_rule} + {@code fib4_rule}, net/core/fib_rules.c and
 * net/ipv4/fib_rules.c). Device names are kept as given: a rule may name a device that does not
 * exist (yet), and then matches nothing until it appears.
 */
public final class FibRule {
    public static final int FR_ACT_TO_TBL = 1, FR_ACT_GOTO = 2, FR_ACT_NOP = 3, FR_ACT_BLACKHOLE = 6,
            FR_ACT_UNREACHABLE = 7, FR_ACT_PROHIBIT = 8;
    public static final int FIB_RULE_INVERT = 0x2;

    public int pref;
    public int action = FR_ACT_TO_TBL;
    public int table;
    public int src, srcLen, dst, dstLen;
    public int tos;
    public String iifName, oifName;
    public int mark, markMask;
    public int flags;
    public int protocol;
    /** suppress_prefixlength, -1 when unset. */
    public int suppressPrefixlen = -1;
    public int gotoTarget;
    /** Whether FRA_GOTO was given (a goto rule needs one). */
    public boolean gotoSet;

    public boolean invert() { return (flags & FIB_RULE_INVERT) != 0; }

    /** fib_rule_match() + fib4_rule_match(). */
    boolean matches(Ipv4Net net, int dstAddr, int srcAddr, int tosIn, int oif, int iif, int markIn) {
        boolean ok = matchNoInvert(net, dstAddr, srcAddr, tosIn, oif, iif, markIn);
        return invert() != ok;
    }

    private boolean matchNoInvert(Ipv4Net net, int dstAddr, int srcAddr, int tosIn, int oif, int iif, int markIn) {
        if (iifName != null && ifindex(net, iifName) != iif) return false;
        if (oifName != null && ifindex(net, oifName) != oif) return false;
        if (((mark ^ markIn) & markMask) != 0) return false;
        if (((srcAddr ^ src) & FibTable.mask(srcLen)) != 0) return false;
        if (((dstAddr ^ dst) & FibTable.mask(dstLen)) != 0) return false;
        return tos == 0 || tos == tosIn;
    }

    private static int ifindex(Ipv4Net net, String name) {
        var d = net.ns.dev(name);
        return d == null ? -1 : d.ifindex;
    }

    /** rule_exists(): every selector and the action equal. */
    boolean sameAs(FibRule o) {
        return pref == o.pref && action == o.action && table == o.table && src == o.src && srcLen == o.srcLen
                && dst == o.dst && dstLen == o.dstLen && tos == o.tos && java.util.Objects.equals(iifName, o.iifName)
                && java.util.Objects.equals(oifName, o.oifName) && mark == o.mark && markMask == o.markMask
                && flags == o.flags && suppressPrefixlen == o.suppressPrefixlen && gotoTarget == o.gotoTarget;
    }
}
