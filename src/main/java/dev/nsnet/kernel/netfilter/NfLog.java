package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.netfilter.xt.XtLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The LOG target's output, net/netfilter/nf_log_syslog.c {@code nf_log_ip_packet()}: one kernel
 * log line per packet, "PREFIX IN=.. OUT=.. [PHYSIN=.. PHYSOUT=..] MAC=.. SRC=.. DST=.. LEN=..
 * TOS=.. PREC=.. TTL=.. ID=.. [CE DF MF FRAG:..] [OPT (..)] PROTO=.. ... [UID=.. GID=..] [MARK=0x..]"
 * (every field followed by a space), ICMP errors with the quoted packet in brackets.
 *
 * <p>Where it goes: the kernel logs only for the initial namespace unless
 * net.netfilter.nf_log_all_netns is set there (nf_log_allowed()). nsnet takes a host's root
 * namespace as its initial one: its lines go to the host's ring buffer ({@code dmesg}); lines of
 * other namespaces are not logged. (The recording sandbox is a non-initial namespace of its host,
 * so there nothing reaches dmesg: see golden/NOTES.md.) Each namespace also keeps its last lines
 * for tests and traces ({@link #lines}).
 */
public final class NfLog {
    private static final int KEEP = 1024;
    private final List<String> lines = new ArrayList<>();

    public static List<String> lines(NetNamespace ns) {
        NfLog l = ns.subsys(NfLog.class);
        return l == null ? List.of() : l.lines;
    }

    /** nf_log_packet() with the LOG target's loginfo. */
    public static void log(int hook, SkBuff skb, NetDevice in, NetDevice out, int level, String prefix, int flags) {
        NetNamespace ns = (in != null ? in : out).ns;
        NfLog l = ns.subsys(NfLog.class);
        if (l == null) {
            l = new NfLog();
            ns.setSubsys(NfLog.class, l);
        }
        String line = format(skb, in, out, prefix, flags);
        if (l.lines.size() == KEEP) l.lines.remove(0);
        l.lines.add(line);
        if (ns == ns.host.rootNs) ns.host.printk.log(level, line);
    }

    static String format(SkBuff skb, NetDevice in, NetDevice out, String prefix, int flags) {
        StringBuilder sb = new StringBuilder(160).append(prefix);
        sb.append("IN=").append(in == null ? "" : in.name).append(" OUT=").append(out == null ? "" : out.name).append(' ');
        if (skb.nfBridge) {
            if (skb.physIn != null && skb.physIn != in) sb.append("PHYSIN=").append(skb.physIn.name).append(' ');
            if (skb.physOut != null && skb.physOut != out) sb.append("PHYSOUT=").append(skb.physOut.name).append(' ');
        }
        if (in != null) dumpMac(sb, skb, flags);
        dumpIpv4(sb, skb, skb.networkHeader, flags, true, (in != null ? in : out).ns);
        return sb.toString();
    }

    /** dump_mac_header(). */
    private static void dumpMac(StringBuilder sb, SkBuff skb, int flags) {
        NetDevice dev = skb.dev;
        byte[] b = skb.buf;
        int m = skb.macHeader;
        if ((flags & XtLog.MACDECODE) != 0 && dev != null && dev.type == If.ARPHRD_ETHER) {
            if (m < 0 || skb.networkHeader - m < 14) return;
            sb.append("MACSRC=");
            mac(sb, b, m + 6);
            sb.append(" MACDST=");
            mac(sb, b, m);
            sb.append(String.format(" MACPROTO=%04x ", Bytes.u16(b, m + 12)));
            return;
        }
        sb.append("MAC=");
        int hlen = dev != null && (dev.type == If.ARPHRD_ETHER || dev.type == If.ARPHRD_LOOPBACK) ? 14 : 0;
        if (hlen > 0 && m >= 0 && m != skb.networkHeader) {
            for (int i = 0; i < hlen; i++) {
                if (i > 0) sb.append(':');
                hex2(sb, b[m + i]);
            }
        }
        sb.append(' ');
    }

    private static void mac(StringBuilder sb, byte[] b, int o) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) sb.append(':');
            hex2(sb, b[o + i]);
        }
    }

    private static void hex2(StringBuilder sb, byte v) {
        sb.append(Character.forDigit((v >> 4) & 0xf, 16)).append(Character.forDigit(v & 0xf, 16));
    }

    private static void hexUpper(StringBuilder sb, byte[] b, int from, int n) {
        for (int i = 0; i < n; i++) sb.append(String.format("%02X", b[from + i] & 0xff));
    }

    /** dump_ipv4_packet(); {@code top}: not the packet quoted in an ICMP error. */
    private static void dumpIpv4(StringBuilder sb, SkBuff skb, int iph, int flags, boolean top, NetNamespace ns) {
        byte[] b = skb.buf;
        int end = skb.tail();
        if (iph + Ipv4.HLEN > end) {
            sb.append("TRUNCATED");
            return;
        }
        int tos = Ipv4.tos(b, iph);
        sb.append("SRC=").append(Inet4.format(Ipv4.src(b, iph))).append(" DST=").append(Inet4.format(Ipv4.dst(b, iph))).append(' ');
        sb.append("LEN=").append(Ipv4.totLen(b, iph)).append(String.format(" TOS=0x%02X PREC=0x%02X", tos & 0x1e, tos & 0xe0))
                .append(" TTL=").append(Ipv4.ttl(b, iph)).append(" ID=").append(Bytes.u16(b, iph + 4)).append(' ');
        int frag = Bytes.u16(b, iph + 6);
        if ((frag & 0x8000) != 0) sb.append("CE ");
        if ((frag & 0x4000) != 0) sb.append("DF ");
        if ((frag & 0x2000) != 0) sb.append("MF ");
        int offset = frag & 0x1fff;
        if (offset != 0) sb.append("FRAG:").append(offset).append(' ');
        int ihl = Ipv4.ihl(b, iph);
        if ((flags & XtLog.IPOPT) != 0 && ihl > Ipv4.HLEN) {
            if (iph + ihl > end) {
                sb.append("TRUNCATED");
                return;
            }
            sb.append("OPT (");
            hexUpper(sb, b, iph + Ipv4.HLEN, ihl - Ipv4.HLEN);
            sb.append(") ");
        }
        int th = iph + ihl;
        int avail = end - th;
        int proto = Ipv4.protocol(b, iph);
        switch (proto) {
            case Ipv4.PROTO_TCP -> {
                sb.append("PROTO=TCP ");
                if (offset != 0) break;
                if (avail < 20) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(Bytes.u16(b, th)).append(" DPT=").append(Bytes.u16(b, th + 2)).append(' ');
                if ((flags & XtLog.TCPSEQ) != 0) {
                    sb.append("SEQ=").append(Integer.toUnsignedString(Bytes.i32(b, th + 4))).append(" ACK=")
                            .append(Integer.toUnsignedString(Bytes.i32(b, th + 8))).append(' ');
                }
                sb.append("WINDOW=").append(Bytes.u16(b, th + 14)).append(' ');
                sb.append(String.format("RES=0x%02x ", (b[th + 12] & 0x0f) << 2));
                int f = b[th + 13] & 0xff;
                if ((f & 0x80) != 0) sb.append("CWR ");
                if ((f & 0x40) != 0) sb.append("ECE ");
                if ((f & 0x20) != 0) sb.append("URG ");
                if ((f & 0x10) != 0) sb.append("ACK ");
                if ((f & 0x08) != 0) sb.append("PSH ");
                if ((f & 0x04) != 0) sb.append("RST ");
                if ((f & 0x02) != 0) sb.append("SYN ");
                if ((f & 0x01) != 0) sb.append("FIN ");
                sb.append("URGP=").append(Bytes.u16(b, th + 18)).append(' ');
                int doff = ((b[th + 12] & 0xff) >> 4) * 4;
                if ((flags & XtLog.TCPOPT) != 0 && doff > 20) {
                    if (th + doff > end) {
                        sb.append("OPT (TRUNCATED)");
                        return;
                    }
                    sb.append("OPT (");
                    hexUpper(sb, b, th + 20, doff - 20);
                    sb.append(") ");
                }
            }
            case Ipv4.PROTO_UDP, 136 -> {
                sb.append(proto == Ipv4.PROTO_UDP ? "PROTO=UDP " : "PROTO=UDPLITE ");
                if (offset != 0) break;
                if (avail < 8) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    return;
                }
                sb.append("SPT=").append(Bytes.u16(b, th)).append(" DPT=").append(Bytes.u16(b, th + 2))
                        .append(" LEN=").append(Bytes.u16(b, th + 4)).append(' ');
            }
            case Ipv4.PROTO_ICMP -> {
                sb.append("PROTO=ICMP ");
                if (offset != 0) break;
                if (avail < 8) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    break;
                }
                int type = b[th] & 0xff, code = b[th + 1] & 0xff;
                sb.append("TYPE=").append(type).append(" CODE=").append(code).append(' ');
                int need = switch (type) {
                    case 0, 8 -> 4;
                    case 3, 4, 5, 11, 12 -> 8 + Ipv4.HLEN;
                    case 13, 14 -> 20;
                    case 17, 18 -> 12;
                    default -> 0;
                };
                if (need != 0 && avail < need) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    break;
                }
                switch (type) {
                    case 0, 8 -> sb.append("ID=").append(Bytes.u16(b, th + 4)).append(" SEQ=").append(Bytes.u16(b, th + 6)).append(' ');
                    case 12 -> sb.append("PARAMETER=").append(b[th + 4] & 0xff).append(' ');
                    case 5, 3, 4, 11 -> {
                        if (type == 5) sb.append("GATEWAY=").append(Inet4.format(Bytes.i32(b, th + 4))).append(' ');
                        if (top) {
                            sb.append('[');
                            dumpIpv4(sb, skb, th + 8, flags, false, ns);
                            sb.append("] ");
                        }
                        if (type == 3 && code == 4) sb.append("MTU=").append(Bytes.u16(b, th + 6)).append(' ');
                    }
                    default -> { }
                }
            }
            case 51 -> {
                if (offset != 0) break;
                sb.append("PROTO=AH ");
                if (avail < 12) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    break;
                }
                sb.append("SPI=0x").append(Integer.toHexString(Bytes.i32(b, th + 4))).append(' ');
            }
            case 50 -> {
                sb.append("PROTO=ESP ");
                if (offset != 0) break;
                if (avail < 8) {
                    sb.append("INCOMPLETE [").append(avail).append(" bytes] ");
                    break;
                }
                sb.append("SPI=0x").append(Integer.toHexString(Bytes.i32(b, th))).append(' ');
            }
            default -> sb.append("PROTO=").append(proto).append(' ');
        }
        // nf_log_dump_sk_uid_gid(): a socket of this namespace; emulated processes run as root.
        if ((flags & XtLog.UID) != 0 && top && skb.sk instanceof dev.nsnet.kernel.ipv4.InetSock s && s.ns == ns)
            sb.append("UID=0 GID=0 ");
        if (top && skb.mark != 0) sb.append("MARK=0x").append(Integer.toHexString(skb.mark)).append(' ');
    }
}
