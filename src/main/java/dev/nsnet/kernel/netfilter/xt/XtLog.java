package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfLog;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtTarget;

/**
 * net/netfilter/xt_LOG.c {@code log_tg()}: writes one line to the kernel log (nf_log_syslog.c) and
 * continues with the next rule (XT_CONTINUE). {@code flags} are XT_LOG_* bits: 1 TCPSEQ, 2 TCPOPT,
 * 4 IPOPT, 8 UID, 0x20 MACDECODE (as iptables' --log-macdecode sets it).
 */
public record XtLog(int level, String prefix, int flags) implements XtTarget {
    public static final int TCPSEQ = 0x01, TCPOPT = 0x02, IPOPT = 0x04, UID = 0x08, MACDECODE = 0x20;

    public String name() { return "LOG"; }

    public int target(SkBuff skb, XtActionParam par) {
        NfLog.log(par.hook, skb, par.in, par.out, level, prefix, flags);
        return XT_CONTINUE;
    }

    public String traceVerdict() { return "LOG, continue"; }
}
