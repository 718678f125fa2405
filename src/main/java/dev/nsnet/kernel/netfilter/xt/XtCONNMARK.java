package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtNeedsConntrack;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackEvents;

/**
 * net/netfilter/xt_connmark.c {@code connmark_tg_shift()} (revision 1, no shifts): SET
 * ct->mark = (ct->mark &amp; ~ctmask) ^ ctmark; SAVE ct->mark = (ct->mark &amp; ~ctmask) ^
 * (skb->mark &amp; nfmask); RESTORE skb->mark = (skb->mark &amp; ~nfmask) ^ (ct->mark &amp; ctmask).
 * A changed ct mark is an IPCT_MARK event. Always continues; a packet without entry is left alone.
 */
public record XtCONNMARK(int mode, int ctmark, int ctmask, int nfmask) implements XtTarget, XtNeedsConntrack {
    public static final int SET = 0, SAVE = 1, RESTORE = 2;

    public String name() { return "CONNMARK"; }

    public int target(SkBuff skb, XtActionParam par) {
        NfConn ct = (NfConn) skb.nfct;
        if (ct == null) return XT_CONTINUE;
        switch (mode) {
            case SET, SAVE -> {
                int nm = (ct.mark & ~ctmask) ^ (mode == SET ? ctmark : skb.mark & nfmask);
                if (nm != ct.mark) {
                    ct.mark = nm;
                    NfConntrackEvents.markChanged(ct);
                }
            }
            default -> skb.mark = (skb.mark & ~nfmask) ^ (ct.mark & ctmask);
        }
        return XT_CONTINUE;
    }

    public String traceVerdict() { return "CONNMARK, continue"; }
}
