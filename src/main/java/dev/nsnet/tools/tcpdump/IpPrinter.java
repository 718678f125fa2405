package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;
import java.util.HashMap;
import java.util.Map;

/**
 * tcpdump 4.99.3's IPv4 printers: print-ip.c {@code ip_print} (the -v header line, fragments),
 * print-icmp.c {@code icmp_print} (echo, unreachable, time exceeded, with the quoted packet under
 * -v), print-udp.c {@code udp_print} (plain UDP, the -vv checksum, VXLAN/OTV encapsulation) and
 * print-tcp.c {@code tcp_print} (flags, sequence numbers relative to the first packet with ACK of
 * each connection, window, options, HTTP's first line). Keeps tcp_print's per-connection table.
 */
final class IpPrinter {
    private final Printer link;
    private final PrintOptions o;
    /** tcp_seq_hash: (src, dst, ports) in canonical order -> {seq, ack} bases. */
    private final Map<String, long[]> tcpSeq = new HashMap<>();

    IpPrinter(Printer link) {
        this.link = link;
        this.o = link.o;
    }

    void ip(StringBuilder sb, byte[] b, int p, int length, int caplen) {
        if (caplen < 1 || ((b[p] & 0xff) >>> 4) != 4) {
            int v = caplen < 1 ? 0 : (b[p] & 0xff) >>> 4;
            sb.append(v == 6 ? "IP6, wrong link-layer encapsulation" : "IP" + v).append(" (invalid)");
            return;
        }
        if (!o.eflag) sb.append("IP ");
        if (caplen < 20) {
            sb.append(" [|ip]");
            return;
        }
        if (length < 20) {
            sb.append("truncated-ip ").append(length);
            return;
        }
        int hlen = (b[p] & 0x0f) * 4;
        if (hlen < 20) {
            sb.append("bad-hlen ").append(hlen);
            return;
        }
        int len = Bytes.u16(b, p + 2);
        if (length < len) sb.append("truncated-ip - ").append(len - length).append(" bytes missing! ");
        if (len < hlen) {
            sb.append("bad-len ").append(len);
            return;
        }
        caplen = Math.min(caplen, len);
        len -= hlen;
        int off = Bytes.u16(b, p + 6);
        int proto = b[p + 9] & 0xff;
        if (o.vflag > 0) {
            int tos = b[p + 1] & 0xff;
            sb.append("(tos 0x").append(Integer.toHexString(tos));
            switch (tos & 3) {
                case 1 -> sb.append(",ECT(1)");
                case 2 -> sb.append(",ECT(0)");
                case 3 -> sb.append(",CE");
                default -> { }
            }
            int ttl = b[p + 8] & 0xff;
            if (ttl >= 1) sb.append(", ttl ").append(ttl);
            sb.append(", id ").append(Bytes.u16(b, p + 4)).append(", offset ").append((off & 0x1fff) * 8);
            sb.append(", flags [").append(fragFlags(off)).append("], proto ").append(protoName(proto)).append(" (").append(proto).append(")");
            sb.append(", length ").append(Bytes.u16(b, p + 2));
            if (hlen > 20) sb.append(", options (").append(ipOptions(b, p + 20, hlen - 20)).append(")");
            if (caplen >= hlen) {
                int sum = Bytes.fold(Bytes.sum(b, p, hlen));
                if (sum != 0) {
                    int ipSum = Bytes.u16(b, p + 10);
                    sb.append(", bad cksum ").append(Integer.toHexString(ipSum)).append(" (->")
                            .append(Integer.toHexString(shouldBe(ipSum, sum))).append(")!");
                }
            }
            sb.append(")\n    ");
        }
        String src = host(b, p + 12), dst = host(b, p + 16);
        if ((off & 0x1fff) == 0) {
            if (proto != 6 && proto != 17 && proto != 132 && proto != 33) sb.append(src).append(" > ").append(dst).append(": ");
            if (caplen < hlen) {
                sb.append(" [remaining caplen(").append(caplen).append(") < header length(").append(hlen).append(")]");
                return;
            }
            boolean fragmented = (off & 0x2000) != 0;
            int t = p + hlen;
            int tcap = caplen - hlen;
            switch (proto) {
                case 1 -> icmp(sb, b, t, len, tcap, fragmented);
                case 2 -> igmp(sb, b, t, len, tcap);
                case 6 -> tcp(sb, b, t, len, tcap, p, fragmented);
                case 17 -> udp(sb, b, t, len, tcap, p, fragmented);
                default -> {
                    String name = o.nflag == 0 ? netdbProto(proto) : null;
                    sb.append(name != null ? name : "ip-proto-" + proto).append(' ').append(len);
                }
            }
        } else {
            sb.append(src).append(" > ").append(dst).append(":");
            String name = o.nflag == 0 ? netdbProto(proto) : null;
            sb.append(' ').append(name != null ? name : "ip-proto-" + proto);
        }
    }

    private static String fragFlags(int off) {
        StringBuilder s = new StringBuilder();
        // bittok2str: in table order (MF, DF, reserved), joined by ", "
        if ((off & 0x2000) != 0) s.append("+");
        if ((off & 0x4000) != 0) s.append(s.length() > 0 ? ", " : "").append("DF");
        if ((off & 0x8000) != 0) s.append(s.length() > 0 ? ", " : "").append("rsvd");
        return s.length() == 0 ? "none" : s.toString();
    }

    /** ip_optprint(): option names (RR/LSRR/SSRR with their addresses, RA with a non-zero value). */
    private String ipOptions(byte[] b, int p, int n) {
        StringBuilder s = new StringBuilder();
        String sep = "";
        int i = 0;
        while (i < n) {
            s.append(sep);
            sep = ",";
            int code = b[p + i] & 0xff;
            s.append(switch (code) {
                case 0 -> "EOL";
                case 1 -> "NOP";
                case 68 -> "timestamp";
                case 130 -> "security";
                case 7 -> "RR";
                case 137 -> "SSRR";
                case 131 -> "LSRR";
                case 148 -> "RA";
                case 82 -> "traceroute";
                default -> "unknown " + code;
            });
            if (code == 0) break;
            if (code == 1) { i++; continue; }
            int len = i + 1 < n ? b[p + i + 1] & 0xff : 0;
            if (len < 2 || len > n - i) {
                s.append(" [bad length ").append(len).append("]");
                break;
            }
            if (code == 148) {
                if (len < 4) s.append(" [bad length ").append(len).append("]");
                else if (Bytes.u16(b, p + i + 2) != 0) s.append(" value ").append(Bytes.u16(b, p + i + 2));
            } else if (code == 7 || code == 131 || code == 137) {
                if (((len + 1) & 3) != 0) s.append(" [bad length ").append(len).append("]");
                int ptr = (b[p + i + 2] & 0xff) - 1;
                if (ptr < 3 || ((ptr + 1) & 3) != 0 || ptr > len + 1) s.append(" [bad ptr ").append(b[p + i + 2] & 0xff).append("]");
                for (int k = 3; k + 4 <= len; k += 4) {
                    s.append(' ').append(host(b, p + i + k));
                    if (ptr > k) s.append(',');
                }
            }
            i += len;
        }
        return s.toString();
    }

    /** igmp_print(): queries and reports (v1, v2, v3 with -v group records), leaves. */
    private void igmp(StringBuilder sb, byte[] b, int p, int len, int caplen) {
        if (o.qflag) {
            sb.append("igmp");
            return;
        }
        if (caplen < 8) {
            sb.append("[|igmp]");
            return;
        }
        int type = b[p] & 0xff;
        switch (type) {
            case 0x11 -> {
                sb.append("igmp query");
                if (len >= 12) {
                    int mrc = b[p + 1] & 0xff;
                    int mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
                    sb.append(" v3");
                    if (mrc != 100) {
                        sb.append(" [max resp time ");
                        if (mrt < 600) sb.append(mrt / 10).append('.').append(mrt % 10).append('s');
                        else sb.append(mrt / 600).append('m').append(String.format("%d.%ds", (mrt % 600) / 10, mrt % 10));
                        sb.append("]");
                    }
                    int g = Bytes.i32(b, p + 4);
                    if (g != 0) sb.append(" [gaddr ").append(host(b, p + 4));
                    int nsrcs = Bytes.u16(b, p + 10);
                    if (nsrcs > 0 && o.vflag == 0) sb.append(g != 0 ? "" : " [").append(" ").append(nsrcs).append(" source(s)");
                    if (g != 0 || (nsrcs > 0 && o.vflag == 0)) sb.append("]");
                } else {
                    int mrt = b[p + 1] & 0xff;
                    if (mrt != 0) {
                        sb.append(" v2");
                        if (mrt != 100) sb.append(" [max resp time ").append(mrt).append("]");
                    } else sb.append(" v1");
                    if (Bytes.i32(b, p + 4) != 0) sb.append(" [gaddr ").append(host(b, p + 4)).append("]");
                    if (len != 8) sb.append(" [len ").append(len).append("]");
                }
            }
            case 0x12 -> {
                sb.append("igmp v1 report ").append(host(b, p + 4));
                if (len != 8) sb.append(" [len ").append(len).append("]");
            }
            case 0x16 -> sb.append("igmp v2 report ").append(host(b, p + 4));
            case 0x17 -> sb.append("igmp leave ").append(host(b, p + 4));
            case 0x22 -> {
                sb.append("igmp v3 report");
                if (len < 16 || (len & 3) != 0) {
                    sb.append(" [invalid len ").append(len).append("]");
                    break;
                }
                int ngroups = Bytes.u16(b, p + 6);
                sb.append(", ").append(ngroups).append(" group record(s)");
                if (o.vflag > 0) {
                    int group = 8;
                    for (int i = 0; i < ngroups; i++) {
                        if (len < group + 8 || caplen < group + 8) {
                            sb.append(" [invalid number of groups]");
                            return;
                        }
                        sb.append(" [gaddr ").append(host(b, p + group + 4));
                        int rt = b[p + group] & 0xff;
                        String[] names = {null, "is_in", "is_ex", "to_in", "to_ex", "allow", "block"};
                        sb.append(' ').append(rt >= 1 && rt <= 6 ? names[rt] : " [v3-report-#" + rt + "]");
                        int nsrcs = Bytes.u16(b, p + group + 2);
                        if (len < group + 8 + (nsrcs << 2)) {
                            sb.append(" [invalid number of sources ").append(nsrcs).append("]");
                            return;
                        }
                        if (o.vflag == 1) sb.append(", ").append(nsrcs).append(" source(s)");
                        else {
                            sb.append(" {");
                            for (int j = 0; j < nsrcs; j++) sb.append(' ').append(host(b, p + group + 8 + (j << 2)));
                            sb.append(" }");
                        }
                        group += 8 + (nsrcs << 2);
                        sb.append("]");
                    }
                }
            }
            default -> sb.append("igmp-").append(type);
        }
        if (o.vflag > 0 && len >= 4 && caplen >= len && Bytes.fold(Bytes.sum(b, p, len)) != 0) {
            sb.append(" bad igmp cksum ").append(Integer.toHexString(Bytes.u16(b, p + 2))).append("!");
        }
    }

    static String protoName(int p) {
        return switch (p) {
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 58 -> "ICMPv6";
            case 89 -> "OSPF";
            case 112 -> "VRRP";
            case 132 -> "SCTP";
            default -> "unknown";
        };
    }

    /** getprotobynumber() of Debian's /etc/protocols, lower case, for the few nsnet may carry. */
    private static String netdbProto(int p) {
        return switch (p) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 4 -> "ipencap";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 132 -> "sctp";
            default -> null;
        };
    }

    /** in_cksum_shouldbe(): the checksum the packet should have carried. */
    static int shouldBe(int sum, int computed) {
        int s = ~sum & 0xffff;
        s += ~computed & 0xffff;
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }

    // ------------------------------------------------------------------ ICMP

    void icmp(StringBuilder sb, byte[] b, int p, int plen, int caplen, boolean fragmented) {
        if (caplen < 4) {
            sb.append("ICMP [|icmp]");
            return;
        }
        int type = b[p] & 0xff, code = b[p + 1] & 0xff;
        String str;
        int q = p + 8; // the quoted IP header of error messages
        boolean haveQuote = caplen >= 8 + 20;
        switch (type) {
            case 0, 8 -> str = "echo " + (type == 8 ? "request" : "reply") + ", id " + Bytes.u16(b, p + 4) + ", seq " + Bytes.u16(b, p + 6);
            case 3 -> {
                String d = haveQuote ? host(b, q + 16) : "?";
                str = switch (code) {
                    case 0 -> "net " + d + " unreachable";
                    case 1 -> "host " + d + " unreachable";
                    case 2 -> d + " protocol " + (b[q + 9] & 0xff) + " unreachable";
                    case 3 -> {
                        int oh = (b[q] & 0xf) * 4;
                        int op = b[q + 9] & 0xff;
                        int dport = caplen >= 8 + oh + 4 ? Bytes.u16(b, q + oh + 2) : 0;
                        yield switch (op) {
                            case 6 -> d + " tcp port " + port(dport, true) + " unreachable";
                            case 17 -> d + " udp port " + port(dport, false) + " unreachable";
                            default -> d + " protocol " + op + " port " + dport + " unreachable";
                        };
                    }
                    case 4 -> {
                        int mtu = Bytes.u16(b, p + 6);
                        yield mtu != 0 ? d + " unreachable - need to frag (mtu " + mtu + ")" : d + " unreachable - need to frag";
                    }
                    case 5 -> d + " unreachable - source route failed";
                    case 6 -> "net " + d + " unreachable - unknown";
                    case 7 -> "host " + d + " unreachable - unknown";
                    case 8 -> d + " unreachable - source host isolated";
                    case 9 -> "net " + d + " unreachable - admin prohibited";
                    case 10 -> "host " + d + " unreachable - admin prohibited";
                    case 11 -> "net " + d + " unreachable - tos prohibited";
                    case 12 -> "host " + d + " unreachable - tos prohibited";
                    case 13 -> "host " + d + " unreachable - admin prohibited filter";
                    case 14 -> "host " + d + " unreachable - host precedence violation";
                    case 15 -> "host " + d + " unreachable - precedence cutoff";
                    default -> d + " unreachable - #" + code;
                };
            }
            case 5 -> {
                String d = haveQuote ? host(b, q + 16) : "?", gw = host(b, p + 4);
                str = switch (code) {
                    case 0 -> "redirect " + d + " to net " + gw;
                    case 1 -> "redirect " + d + " to host " + gw;
                    case 2 -> "redirect-tos " + d + " to net " + gw;
                    case 3 -> "redirect-tos " + d + " to host " + gw;
                    default -> "redirect-#" + code + " " + d + " to " + gw;
                };
            }
            case 11 -> str = switch (code) {
                case 0 -> "time exceeded in-transit";
                case 1 -> "ip reassembly time exceeded";
                default -> "time exceeded-#" + code;
            };
            case 12 -> str = code != 0 ? "parameter problem - code " + code : "parameter problem - octet " + (b[p + 4] & 0xff);
            case 4 -> str = "source quench";
            case 10 -> str = "router solicitation";
            case 13 -> str = "time stamp query id " + Bytes.u16(b, p + 4) + " seq " + Bytes.u16(b, p + 6);
            default -> str = "type-#" + type;
        }
        sb.append("ICMP ").append(str).append(", length ").append(plen);
        if (o.vflag > 0 && !fragmented && caplen >= plen) {
            int sum = Bytes.fold(Bytes.sum(b, p, plen));
            if (sum != 0) {
                int icmpSum = Bytes.u16(b, p + 2);
                sb.append(" (wrong icmp cksum ").append(Integer.toHexString(icmpSum)).append(" (->")
                        .append(Integer.toHexString(shouldBe(icmpSum, sum))).append(")!)");
            }
        }
        boolean err = type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
        if (o.vflag >= 1 && err && haveQuote) {
            sb.append("\n\t");
            int qlen = Bytes.u16(b, q + 2);
            ip(sb, b, q, qlen, Math.min(caplen - 8, qlen));
        }
    }

    // ------------------------------------------------------------------ UDP

    private void addrPorts(StringBuilder sb, byte[] b, int iph, int sport, int dport, boolean tcp) {
        sb.append(host(b, iph + 12)).append('.').append(port(sport, tcp)).append(" > ")
                .append(host(b, iph + 16)).append('.').append(port(dport, tcp)).append(": ");
    }

    /**
     * ipaddr_string(): with -n the dotted quad; without it the name /etc/hosts gives (nsnet's
     * /etc/hosts, like the recorder's, holds only 127.0.0.1 localhost; reverse DNS finds nothing).
     */
    String host(byte[] b, int p) {
        if (o.nflag == 0 && b[p] == 127 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 1) return "localhost";
        return Printer.ipaddr(b, p);
    }

    void udp(StringBuilder sb, byte[] b, int p, int length, int caplen, int iph, boolean fragmented) {
        if (caplen < 4) {
            sb.append(host(b, iph + 12)).append(" > ").append(host(b, iph + 16)).append(": ").append(" [|udp]");
            return;
        }
        int sport = Bytes.u16(b, p), dport = Bytes.u16(b, p + 2);
        if (length < 8) {
            addrPorts(sb, b, iph, sport, dport, false);
            sb.append("truncated-udp ").append(length);
            return;
        }
        int ulen = Bytes.u16(b, p + 4);
        if (ulen < 8) {
            addrPorts(sb, b, iph, sport, dport, false);
            sb.append("truncated-udplength ").append(ulen);
            return;
        }
        ulen -= 8;
        length -= 8;
        if (ulen < length) length = ulen;
        addrPorts(sb, b, iph, sport, dport, false);
        int cp = p + 8;
        int avail = caplen - 8;
        if (o.vflag > 1 && !fragmented) {
            int udpSum = Bytes.u16(b, p + 6);
            if (udpSum == 0) sb.append("[no cksum] ");
            else if (avail >= length) {
                int sum = l4Sum(b, iph, p, length + 8, 17);
                if (sum != 0) sb.append(String.format("[bad udp cksum 0x%04x -> 0x%04x!] ", udpSum, shouldBe(udpSum, sum)));
                else sb.append("[udp sum ok] ");
            }
        }
        if (!o.qflag) {
            if ((sport == 8472 || dport == 8472) && avail >= 8) {
                otv(sb, b, cp, length, avail);
                return;
            }
            if ((sport == 4789 || dport == 4789) && avail >= 8) {
                vxlan(sb, b, cp, length, avail);
                return;
            }
        }
        if (ulen > length && !fragmented) sb.append("UDP, bad length ").append(ulen).append(" > ").append(length);
        else sb.append("UDP, length ").append(ulen);
    }

    /** vxlan_print(): the header, then the inner Ethernet frame on the next line. */
    private void vxlan(StringBuilder sb, byte[] b, int p, int len, int caplen) {
        int flags = b[p] & 0xff;
        sb.append("VXLAN, flags [").append((flags & 0x08) != 0 ? "I" : "invalid").append(String.format("] (0x%02x), ", flags));
        sb.append("vni ").append((Bytes.u16(b, p + 4) << 8) | (b[p + 6] & 0xff)).append('\n');
        link.ether(sb, b, p + 8, len - 8, caplen - 8);
    }

    /** otv_print(): port 8472, the Linux vxlan default port, is OTV to tcpdump. */
    private void otv(StringBuilder sb, byte[] b, int p, int len, int caplen) {
        int flags = b[p] & 0xff;
        sb.append("OTV, flags [").append((flags & 0x08) != 0 ? "I" : ".").append(String.format("] (0x%02x), ", flags));
        sb.append("overlay ").append((Bytes.u16(b, p + 1) << 8) | (b[p + 3] & 0xff)).append(", ");
        sb.append("instance ").append((Bytes.u16(b, p + 4) << 8) | (b[p + 6] & 0xff)).append('\n');
        link.ether(sb, b, p + 8, len - 8, caplen - 8);
    }

    /** The transport checksum over the pseudo header; 0 when correct. */
    private static int l4Sum(byte[] b, int iph, int p, int len, int proto) {
        long s = Bytes.sum(b, iph + 12, 8) + proto + len + Bytes.sum(b, p, len);
        return Bytes.fold(s);
    }

    // ------------------------------------------------------------------ TCP

    void tcp(StringBuilder sb, byte[] b, int p, int length, int caplen, int iph, boolean fragmented) {
        if (caplen < 4) {
            sb.append(host(b, iph + 12)).append(" > ").append(host(b, iph + 16)).append(":").append(" [|tcp]");
            return;
        }
        int sport = Bytes.u16(b, p), dport = Bytes.u16(b, p + 2);
        addrPorts(sb, b, iph, sport, dport, true);
        if (caplen < 20) {
            sb.append("[|tcp]");
            return;
        }
        int hlen = ((b[p + 12] & 0xff) >>> 4) * 4;
        if (hlen < 20) {
            sb.append(" tcp ").append(length - hlen).append(" [bad hdr length ").append(hlen).append(" - too short, < 20]");
            return;
        }
        long seq = Bytes.i32(b, p + 4) & 0xffffffffL, ack = Bytes.i32(b, p + 8) & 0xffffffffL;
        int win = Bytes.u16(b, p + 14), urp = Bytes.u16(b, p + 18);
        if (o.qflag) {
            sb.append("tcp ").append(length - hlen);
            if (hlen > length) sb.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(length).append("]");
            return;
        }
        int flags = b[p + 13] & 0xff;
        sb.append("Flags [").append(tcpFlags(flags)).append("]");
        long thseq = 0, thack = 0;
        boolean rev = false;
        if (!o.sflagAbsolute && (flags & 0x10) != 0) {
            long src = Bytes.i32(b, iph + 12) & 0xffffffffL, dst = Bytes.i32(b, iph + 16) & 0xffffffffL;
            if (sport > dport) rev = true;
            else if (sport == dport && Long.compareUnsigned(src, dst) > 0) rev = true;
            String key = rev ? dst + ">" + src + ":" + dport + ":" + sport : src + ">" + dst + ":" + sport + ":" + dport;
            long[] th = tcpSeq.get(key);
            if (th == null || (flags & 0x02) != 0) {
                th = new long[2];
                if (rev) { th[1] = seq; th[0] = (ack - 1) & 0xffffffffL; }
                else { th[0] = seq; th[1] = (ack - 1) & 0xffffffffL; }
                tcpSeq.put(key, th);
            } else if (rev) {
                seq = (seq - th[1]) & 0xffffffffL;
                ack = (ack - th[0]) & 0xffffffffL;
            } else {
                seq = (seq - th[0]) & 0xffffffffL;
                ack = (ack - th[1]) & 0xffffffffL;
            }
            thseq = th[0];
            thack = th[1];
        }
        if (hlen > length) {
            sb.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(length).append("]");
            return;
        }
        if (o.vflag > 0 && !fragmented && caplen >= length) {
            int tcpSum = Bytes.u16(b, p + 16);
            int sum = l4Sum(b, iph, p, length, 6);
            sb.append(String.format(", cksum 0x%04x", tcpSum));
            if (sum != 0) sb.append(String.format(" (incorrect -> 0x%04x)", shouldBe(tcpSum, sum)));
            else sb.append(" (correct)");
        }
        int dlen = length - hlen;
        if (o.vflag > 1 || dlen > 0 || (flags & 0x07) != 0) {
            sb.append(", seq ").append(seq);
            if (dlen > 0) sb.append(':').append((seq + dlen) & 0xffffffffL);
        }
        if ((flags & 0x10) != 0) sb.append(", ack ").append(ack);
        sb.append(", win ").append(win);
        if ((flags & 0x20) != 0) sb.append(", urg ").append(urp);
        if (hlen > 20) {
            if (caplen < hlen) {
                sb.append(", options [|tcp]");
                return;
            }
            if (!tcpOptions(sb, b, p + 20, hlen - 20, rev, thseq, thack)) return;
        }
        sb.append(", length ").append(dlen);
        if (dlen <= 0) return;
        int data = p + hlen;
        int avail = caplen - hlen;
        if ((flags & 0x04) != 0 && o.vflag > 0) {
            sb.append(" [RST");
            for (int i = 0; i < Math.min(avail, dlen); i++) {
                int c = b[data + i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : ".");
            }
            sb.append(']');
            return;
        }
        if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080) {
            sb.append(": ");
            http(sb, b, data, Math.min(dlen, avail));
        }
    }

    private static String tcpFlags(int f) {
        StringBuilder s = new StringBuilder();
        if ((f & 0x01) != 0) s.append('F');
        if ((f & 0x02) != 0) s.append('S');
        if ((f & 0x04) != 0) s.append('R');
        if ((f & 0x08) != 0) s.append('P');
        if ((f & 0x10) != 0) s.append('.');
        if ((f & 0x20) != 0) s.append('U');
        if ((f & 0x40) != 0) s.append('E');
        if ((f & 0x80) != 0) s.append('W');
        return s.length() == 0 ? "none" : s.toString();
    }

    /** The TCP options list; false after a malformed option ("[bad opt]" printed). */
    private boolean tcpOptions(StringBuilder sb, byte[] b, int cp, int hlen, boolean rev, long thseq, long thack) {
        sb.append(", options [");
        boolean first = true;
        while (hlen > 0) {
            if (!first) sb.append(',');
            first = false;
            int opt = b[cp++] & 0xff;
            int len;
            if (opt == 0 || opt == 1) len = 1;
            else {
                len = b[cp] & 0xff;
                if (len < 2 || len > hlen) {
                    sb.append(optName(opt)).append("]").append(" [bad opt]");
                    return false;
                }
                cp++;
            }
            hlen--;
            if (len > 1) hlen--;
            int datalen = 0;
            sb.append(optName(opt));
            switch (opt) {
                case 2 -> { datalen = 2; sb.append(' ').append(Bytes.u16(b, cp)); }
                case 3 -> { datalen = 1; sb.append(' ').append(b[cp] & 0xff); }
                case 5 -> {
                    datalen = len - 2;
                    if (datalen % 8 != 0) sb.append(" invalid sack");
                    else {
                        sb.append(' ').append(datalen / 8).append(' ');
                        for (int i = 0; i < datalen; i += 8) {
                            long s = Bytes.i32(b, cp + i) & 0xffffffffL, e = Bytes.i32(b, cp + i + 4) & 0xffffffffL;
                            long base = rev ? thseq : thack;
                            sb.append('{').append((s - base) & 0xffffffffL).append(':').append((e - base) & 0xffffffffL).append('}');
                        }
                    }
                }
                case 8 -> {
                    datalen = 8;
                    sb.append(" val ").append(Bytes.i32(b, cp) & 0xffffffffL).append(" ecr ").append(Bytes.i32(b, cp + 4) & 0xffffffffL);
                }
                case 0, 1, 4 -> { }
                default -> {
                    datalen = len - 2;
                    if (datalen > 0) sb.append(" 0x");
                    for (int i = 0; i < datalen; i++) sb.append(String.format("%02x", b[cp + i] & 0xff));
                }
            }
            cp += datalen;
            hlen -= datalen;
            if (opt != 0 && opt != 1 && datalen != len - 2) sb.append("[len ").append(len).append("]");
            if (opt == 0) break;
        }
        sb.append("]");
        return true;
    }

    private static String optName(int opt) {
        return switch (opt) {
            case 0 -> "eol";
            case 1 -> "nop";
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 8 -> "TS";
            case 19 -> "md5";
            case 28 -> "uto";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            default -> "unknown-" + opt;
        };
    }

    private static final String[] HTTP_CMDS = {"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
        "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
        "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
        "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
        "VERSION-CONTROL", "BASELINE-CONTROL"};

    /** http_print() = txtproto_print(): "HTTP", then the request or status line when it is one. */
    private void http(StringBuilder sb, byte[] b, int p, int len) {
        boolean printThis = false;
        int[] end = new int[1];
        String tok = fetchToken(b, p, 0, len, end);
        if (tok != null) {
            for (String c : HTTP_CMDS) if (c.equalsIgnoreCase(tok)) printThis = true;
            tok = fetchToken(b, p, end[0], len, end);
            if (tok != null && tok.length() == 3 && Character.isDigit(tok.charAt(0)) && Character.isDigit(tok.charAt(1))
                    && Character.isDigit(tok.charAt(2))) printThis = true;
        }
        sb.append("HTTP");
        if (!printThis) return;
        if (o.vflag > 0) {
            sb.append(", length: ").append(len);
            int idx = 0;
            while (idx < len) {
                int eol = txtLine(sb, "\n\t", b, p, idx, len);
                if (eol == 0) break;
                idx = eol;
            }
        } else txtLine(sb, ": ", b, p, 0, len);
    }

    private static String fetchToken(byte[] b, int p, int idx, int len, int[] next) {
        StringBuilder t = new StringBuilder();
        for (; idx < len; idx++) {
            int c = b[p + idx] & 0xff;
            if (c >= 0x80) return null;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
            if (c < 0x20 || c == 0x7f) return null;
            if (t.length() + 2 > 128) return null;
            t.append((char) c);
        }
        if (t.length() == 0) return null;
        for (; idx < len; idx++) {
            int c = b[p + idx] & 0xff;
            if (c == '\r' || c == '\n') break;
            if (c < 0x20 || c >= 0x7f) break;
            if (c != ' ' && c != '\t') break;
        }
        next[0] = idx;
        return t.toString();
    }

    /** print_txt_line(): one CRLF/LF-terminated printable line; 0 when there is none. */
    private static int txtLine(StringBuilder sb, String prefix, byte[] b, int p, int idx, int len) {
        int start = idx;
        int lineLen;
        while (idx < len) {
            int c = b[p + idx] & 0xff;
            if (c == '\n') {
                lineLen = idx - start;
                idx++;
                sb.append(prefix).append(new String(b, p + start, lineLen, java.nio.charset.StandardCharsets.ISO_8859_1));
                return idx;
            } else if (c == '\r') {
                if (idx + 1 >= len) return 0;
                if (b[p + idx + 1] == '\n') {
                    lineLen = idx - start;
                    sb.append(prefix).append(new String(b, p + start, lineLen, java.nio.charset.StandardCharsets.ISO_8859_1));
                    return idx + 2;
                }
                return 0;
            } else if ((c < 0x20 || c >= 0x7f) && c != '\t') return 0;
            idx++;
        }
        sb.append(prefix).append(new String(b, p + start, idx - start, java.nio.charset.StandardCharsets.ISO_8859_1)).append(" [|http]");
        return 0;
    }

    /** tcpport_string()/udpport_string(): numeric with -n, else the /etc/services name nsnet knows. */
    String port(int port, boolean tcp) {
        if (o.nflag > 0) return Integer.toString(port);
        String n = Services.name(port, tcp);
        return n != null ? n : Integer.toString(port);
    }
}
