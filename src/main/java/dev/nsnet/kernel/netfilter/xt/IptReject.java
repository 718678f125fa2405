package dev.nsnet.kernel.netfilter.xt;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.NfReject;
import dev.nsnet.kernel.netfilter.XtActionParam;
import dev.nsnet.kernel.netfilter.XtTarget;

/**
 * net/ipv4/netfilter/ipt_REJECT.c {@code reject_tg()}: an ICMP destination unreachable with
 * {@code with}, or a TCP reset (nf_reject_ipv4.c), then NF_DROP.
 */
public record IptReject(With with) implements XtTarget {
    public String name() { return "REJECT"; }

    public int target(SkBuff skb, XtActionParam par) {
        NfReject.send(skb, par.in != null ? par.in : par.out, with.icmpCode, with == With.TCP_RESET);
        return NfHook.NF_DROP;
    }

    public String traceVerdict() { return "REJECT " + with.text; }

    /** enum ipt_reject_with, with the ICMP code each sends (-1: not an ICMP unreachable). */
    public enum With {
        ICMP_NET_UNREACHABLE("icmp-net-unreachable", 0),
        ICMP_HOST_UNREACHABLE("icmp-host-unreachable", 1),
        ICMP_PROT_UNREACHABLE("icmp-proto-unreachable", 2),
        ICMP_PORT_UNREACHABLE("icmp-port-unreachable", 3),
        ICMP_ECHOREPLY("echo-reply", -1),
        ICMP_NET_PROHIBITED("icmp-net-prohibited", 9),
        ICMP_HOST_PROHIBITED("icmp-host-prohibited", 10),
        TCP_RESET("tcp-reset", -1),
        ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", 13);

        public final String text;
        public final int icmpCode;

        With(String text, int icmpCode) {
            this.text = text;
            this.icmpCode = icmpCode;
        }
    }
}
