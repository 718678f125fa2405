package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;

/**
 * net/netfilter/xt_conntrack.c {@code conntrack_mt()} (revision 3), also serving xt_state.c
 * ({@code -m state}: only the state test, {@code name} "state"). State bits are
 * XT_CONNTRACK_STATE_BIT(ctinfo) for a tracked packet, INVALID for one without entry, UNTRACKED
 * for a CT --notrack one, plus SNAT/DNAT from the entry's status; a packet without entry matches
 * only through the state test. Addresses are (value, mask) pairs, ports inclusive ranges.
 */
public record XtConntrack(String name, int flags, int inv, int stateMask, int l4proto,
                          int origSrc, int origSrcMsk, int origDst, int origDstMsk,
                          int replSrc, int replSrcMsk, int replDst, int replDstMsk,
                          int origSport0, int origSport1, int origDport0, int origDport1,
                          int replSport0, int replSport1, int replDport0, int replDport1,
                          int statusMask, int expireMin, int expireMax, boolean dirReply)
        implements XtMatch, XtNeedsConntrack {
    /** XT_CONNTRACK_* match_flags / invert_flags bits. */
    public static final int STATE = 1, PROTO = 1 << 1, ORIGSRC = 1 << 2, ORIGDST = 1 << 3, REPLSRC = 1 << 4,
            REPLDST = 1 << 5, STATUS = 1 << 6, EXPIRES = 1 << 7, ORIGSRC_PORT = 1 << 8, ORIGDST_PORT = 1 << 9,
            REPLSRC_PORT = 1 << 10, REPLDST_PORT = 1 << 11, DIRECTION = 1 << 12;

    /** State bits: XT_CONNTRACK_STATE_INVALID, XT_CONNTRACK_STATE_BIT(ESTABLISHED/RELATED/NEW), UNTRACKED, SNAT, DNAT. */
    public static final int S_INVALID = 1, S_ESTABLISHED = 2, S_RELATED = 4, S_NEW = 8, S_UNTRACKED = 16,
            S_SNAT = 32, S_DNAT = 64;

    /** -m state STATES: the state test alone. */
    public static XtConntrack state(int mask, boolean invert) {
        return new XtConntrack("state", STATE, invert ? STATE : 0, mask, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    private boolean on(int f) { return (flags & f) != 0; }

    private boolean inv(int f) { return (inv & f) != 0; }

    public boolean match(SkBuff skb, XtActionParam par) {
        NfConn ct = (NfConn) skb.nfct;
        int ctinfo = skb.ctinfo;
        int statebit;
        if (ct != null) statebit = 1 << (ctinfo % NfConn.IP_CT_IS_REPLY + 1);
        else if (ctinfo == NfConn.IP_CT_UNTRACKED) statebit = S_UNTRACKED;
        else statebit = S_INVALID;
        if (on(STATE)) {
            if (ct != null) {
                if ((ct.status & NfConn.IPS_SRC_NAT) != 0) statebit |= S_SNAT;
                if ((ct.status & NfConn.IPS_DST_NAT) != 0) statebit |= S_DNAT;
            }
            if (((stateMask & statebit) != 0) == inv(STATE)) return false;
        }
        if (ct == null) return on(STATE);
        if (on(DIRECTION) && ((NfConn.ctinfo2dir(ctinfo) == NfConn.DIR_REPLY) != dirReply) != inv(DIRECTION)) return false;
        if (on(PROTO) && (ct.protonum() == l4proto) == inv(PROTO)) return false;
        var o = ct.tuple(NfConn.DIR_ORIGINAL);
        var r = ct.tuple(NfConn.DIR_REPLY);
        if (on(ORIGSRC) && ((o.src & origSrcMsk) == origSrc) == inv(ORIGSRC)) return false;
        if (on(ORIGDST) && ((o.dst & origDstMsk) == origDst) == inv(ORIGDST)) return false;
        if (on(REPLSRC) && ((r.src & replSrcMsk) == replSrc) == inv(REPLSRC)) return false;
        if (on(REPLDST) && ((r.dst & replDstMsk) == replDst) == inv(REPLDST)) return false;
        if (on(ORIGSRC_PORT) && (o.sport >= origSport0 && o.sport <= origSport1) == inv(ORIGSRC_PORT)) return false;
        if (on(ORIGDST_PORT) && (o.dport >= origDport0 && o.dport <= origDport1) == inv(ORIGDST_PORT)) return false;
        if (on(REPLSRC_PORT) && (r.sport >= replSport0 && r.sport <= replSport1) == inv(REPLSRC_PORT)) return false;
        if (on(REPLDST_PORT) && (r.dport >= replDport0 && r.dport <= replDport1) == inv(REPLDST_PORT)) return false;
        if (on(STATUS) && ((statusMask & ct.status) != 0) == inv(STATUS)) return false;
        if (on(EXPIRES)) {
            long left = ct.expiresNs(par.net.emulation().now()) / 1_000_000_000L;
            if ((left >= expireMin && left <= expireMax) == inv(EXPIRES)) return false;
        }
        return true;
    }
}
