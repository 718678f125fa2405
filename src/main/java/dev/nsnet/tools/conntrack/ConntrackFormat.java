package dev.nsnet.tools.conntrack;

import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackProtoTcp;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;
import dev.nsnet.kernel.wire.Inet4;

/**
 * The text of a conntrack entry as conntrack-tools 1.4.7 prints it (libnetfilter_conntrack's
 * default output: "tcp      6 431999 ESTABLISHED src=.. dst=.. sport=.. dport=.. [UNREPLIED]
 * src=.. ... [ASSURED] mark=0 use=1"), its "-o extended" form (with "ipv4     2 " before), the
 * event form of conntrack -E ("    [NEW] ...", no mark unless set, no use) and the line of
 * /proc/net/nf_conntrack (nf_conntrack_standalone.c ct_seq_show(): extended, plus zone, use=2 while
 * the reader holds a reference).
 */
final class ConntrackFormat {
    private ConntrackFormat() { }

    /** LIST/EXTENDED as -L prints; GET as -G (the reply holds a second reference: use=2). */
    static final int LIST = 0, EXTENDED = 1, PROC = 2, EVENT = 3, GET = 4, GET_EXTENDED = 5;

    static String protoName(int p) {
        return switch (p) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 136 -> "udplite";
            case 132 -> "sctp";
            case 33 -> "dccp";
            case 47 -> "gre";
            case 58 -> "icmpv6";
            default -> "unknown";
        };
    }

    /** The entry as one line (without newline); {@code timeout} in seconds, -1 to leave it out. */
    static String line(NfConn ct, int form, long timeout, String eventType) {
        StringBuilder sb = new StringBuilder(160);
        if (form == EVENT) sb.append(String.format("%9s ", "[" + eventType + "]"));
        if (form == EXTENDED || form == PROC || form == GET_EXTENDED) sb.append("ipv4     2 ");
        int p = ct.protonum();
        sb.append(String.format("%-8s %d ", protoName(p), p));
        if (timeout >= 0) sb.append(timeout).append(' ');
        if (ct.tcpState() >= 0) sb.append(NfConntrackProtoTcp.NAMES[ct.tcpState()]).append(' ');
        tuple(sb, ct.tuple(NfConn.DIR_ORIGINAL));
        if ((ct.status & NfConn.IPS_SEEN_REPLY) == 0) sb.append("[UNREPLIED] ");
        tuple(sb, ct.tuple(NfConn.DIR_REPLY));
        if ((ct.status & NfConn.IPS_ASSURED) != 0) sb.append("[ASSURED] ");
        if (form != EVENT || ct.mark != 0) sb.append("mark=").append(Integer.toUnsignedString(ct.mark)).append(' ');
        if (form == PROC) sb.append("zone=0 use=2");
        else if (form == GET || form == GET_EXTENDED) sb.append("use=2");
        else if (form != EVENT) sb.append("use=1");
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == ' ') sb.setLength(n - 1);
        return sb.toString();
    }

    private static void tuple(StringBuilder sb, NfConntrackTuple t) {
        sb.append("src=").append(Inet4.format(t.src)).append(" dst=").append(Inet4.format(t.dst)).append(' ');
        switch (t.protonum) {
            case 6, 17, 136, 132, 33 -> sb.append("sport=").append(t.sport).append(" dport=").append(t.dport).append(' ');
            case 1 -> sb.append("type=").append(t.icmpType()).append(" code=").append(t.icmpCode())
                    .append(" id=").append(t.sport).append(' ');
            default -> { }
        }
    }
}
