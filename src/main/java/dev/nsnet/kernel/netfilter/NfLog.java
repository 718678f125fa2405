package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * The LOG target's output (net/netfilter/xt_LOG.c -> nf_log_syslog.c {@code nf_log_ip_packet}):
 * one kernel log line per packet, "PREFIX IN=.. OUT=.. MAC=.. SRC=.. DST=.. LEN=.. ..." kept per
 * namespace (the kernel writes it to the host's ring buffer, and only for the initial namespace
 * unless net.netfilter.nf_log_all_netns is set; the recording host's scenarios run in a non-initial
 * namespace, so nothing of it shows in their dmesg).
 */
public final class NfLog {
    private final List<String> lines = new ArrayList<>();

    public static List<String> lines(NetNamespace ns) {
        NfLog l = ns.subsys(NfLog.class);
        return l == null ? List.of() : l.lines;
    }

    public static void log(int hook, SkBuff skb, NetDevice in, NetDevice out, int level, String prefix, int flags) {
        NetNamespace ns = (in != null ? in : out).ns;
        NfLog l = ns.subsys(NfLog.class);
        if (l == null) {
            l = new NfLog();
            ns.setSubsys(NfLog.class, l);
        }
        l.lines.add(format(hook, skb, in, out, prefix));
    }

    static String format(int hook, SkBuff skb, NetDevice in, NetDevice out, String prefix) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        StringBuilder sb = new StringBuilder(prefix);
        sb.append("IN=").append(in == null ? "" : in.name).append(" OUT=").append(out == null ? "" : out.name).append(' ');
        if (in != null && skb.macHeader >= 0 && skb.macHeader + 14 <= nh) {
            sb.append("MAC=");
            for (int i = 0; i < 14; i++) {
                if (i > 0) sb.append(':');
                sb.append(String.format("%02x", b[skb.macHeader + i] & 0xff));
            }
            sb.append(' ');
        }
        int tos = Ipv4.tos(b, nh);
        sb.append("SRC=").append(Inet4.format(Ipv4.src(b, nh))).append(" DST=").append(Inet4.format(Ipv4.dst(b, nh)))
                .append(" LEN=").append(Ipv4.totLen(b, nh)).append(String.format(" TOS=0x%02X PREC=0x%02X", tos & 0x1e, tos & 0xe0))
                .append(" TTL=").append(Ipv4.ttl(b, nh)).append(" ID=").append(Bytes.u16(b, nh + 4)).append(' ');
        if (Ipv4.df(b, nh)) sb.append("DF ");
        if (Ipv4.mf(b, nh)) sb.append("MF ");
        int fragoff = Ipv4.fragOffset(b, nh);
        if (fragoff != 0) sb.append("FRAG:").append(fragoff / 8).append(' ');
        int th = nh + Ipv4.ihl(b, nh);
        int proto = Ipv4.protocol(b, nh);
        switch (proto) {
            case Ipv4.PROTO_ICMP -> {
                sb.append("PROTO=ICMP ");
                if (fragoff == 0) {
                    int type = b[th] & 0xff;
                    sb.append("TYPE=").append(type).append(" CODE=").append(b[th + 1] & 0xff).append(' ');
                    if (type == 0 || type == 8) sb.append("ID=").append(Bytes.u16(b, th + 4)).append(" SEQ=").append(Bytes.u16(b, th + 6)).append(' ');
                }
            }
            case Ipv4.PROTO_UDP -> {
                sb.append("PROTO=UDP ");
                if (fragoff == 0) sb.append("SPT=").append(Bytes.u16(b, th)).append(" DPT=").append(Bytes.u16(b, th + 2))
                        .append(" LEN=").append(Bytes.u16(b, th + 4)).append(' ');
            }
            case Ipv4.PROTO_TCP -> {
                sb.append("PROTO=TCP ");
                if (fragoff == 0) sb.append("SPT=").append(Bytes.u16(b, th)).append(" DPT=").append(Bytes.u16(b, th + 2)).append(' ');
            }
            default -> sb.append("PROTO=").append(proto).append(' ');
        }
        return sb.toString();
    }
}
