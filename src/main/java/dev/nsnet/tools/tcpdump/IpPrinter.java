package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;

/**
 * tcpdump 4.99.3's IPv4 printers: print-ip.c {@code ip_print} (the -v header line, fragments),
 * print-icmp.c {@code icmp_print} (echo, unreachable, time exceeded, with the quoted packet under
 * -v), print-igmp.c, print-udp.c {@code udp_print} (plain UDP, the -vv checksum, VXLAN/OTV
 * encapsulation); TCP is {@link TcpPrinter}.
 */
final class IpPrinter {
    private final Printer link;
    final PrintOptions o;
    private final TcpPrinter tcp;

    IpPrinter(Printer link) {
        this.link = link;
        this.o = link.o;
        this.tcp = new TcpPrinter(this);
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
                case 6 -> tcp.tcp(sb, b, t, len, tcap, p, fragmented);
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

    void addrPorts(StringBuilder sb, byte[] b, int iph, int sport, int dport, boolean tcp) {
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
    static int l4Sum(byte[] b, int iph, int p, int len, int proto) {
        long s = Bytes.sum(b, iph + 12, 8) + proto + len + Bytes.sum(b, p, len);
        return Bytes.fold(s);
    }

    /** tcpport_string()/udpport_string(): numeric with -n, else the /etc/services name nsnet knows. */
    String port(int port, boolean tcp) {
        if (o.nflag > 0) return Integer.toString(port);
        String n = Services.name(port, tcp);
        return n != null ? n : Integer.toString(port);
    }
}
