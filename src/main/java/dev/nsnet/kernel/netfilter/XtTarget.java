package dev.nsnet.kernel.netfilter;

/**
 * A rule's target: the standard verdicts and chain jumps of ip_tables.c ({@code XT_STANDARD_TARGET}
 * with a verdict, {@code XT_RETURN} or a jump offset; {@code IPT_F_GOTO} for goto) and the target
 * extensions net/ipv4/netfilter/ipt_REJECT.c and net/netfilter/xt_LOG.c.
 */
public sealed interface XtTarget {
    /** ACCEPT, DROP or RETURN. */
    enum Verdict implements XtTarget { ACCEPT, DROP, RETURN }

    /** A jump ({@code -j CHAIN}) or a goto ({@code -g CHAIN}) into a user chain. */
    record Jump(XtChain chain, boolean isGoto) implements XtTarget { }

    /** ipt_REJECT: an ICMP destination unreachable with {@code with}, or a TCP reset; then NF_DROP. */
    record Reject(RejectWith with) implements XtTarget { }

    /** xt_LOG: writes a line to the kernel log and continues with the next rule (XT_CONTINUE). */
    record Log(int level, String prefix, int flags) implements XtTarget { }

    /** enum ipt_reject_with, with the ICMP code each sends (-1: not an ICMP unreachable). */
    enum RejectWith {
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

        RejectWith(String text, int icmpCode) {
            this.text = text;
            this.icmpCode = icmpCode;
        }
    }
}
