package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;

/**
 * tcpdump 4.99.3's link-layer printers over a captured frame: Ethernet with 802.1Q tags
 * (print-ether.c {@code ether_common_print}), Linux cooked v2 for {@code -i any}
 * (print-sll.c {@code sll2_if_print}), ARP (print-arp.c) and the dispatch by ethertype
 * ({@code ethertype_print}); IPv4 and above are in {@link IpPrinter}. One line (or a few, with -v)
 * per packet, exactly as tcpdump writes them; the caller adds the timestamp.
 */
final class Printer {
    static final int ETH_P_IP = 0x0800, ETH_P_ARP = 0x0806, ETH_P_8021Q = 0x8100, ETH_P_IPV6 = 0x86dd;

    final PrintOptions o;
    final IpPrinter ip;
    /** ndo_ll_hdr_len of the packet printed last: where -x/-X start their dump. */
    int llHdrLen;

    Printer(PrintOptions o) {
        this.o = o;
        this.ip = new IpPrinter(this);
    }

    /** ether_print() of a whole frame of {@code len} bytes on the wire, {@code caplen} captured. */
    void ether(StringBuilder sb, byte[] b, int off, int len, int caplen) {
        if (caplen < 14) {
            sb.append("[|ether]");
            return;
        }
        int end = off + caplen;
        int origLen = len;
        llHdrLen = 14;
        int p = off + 12;
        int type = Bytes.u16(b, p);
        p += 2;
        len -= 14;
        boolean printedLength = false;
        if (o.eflag) sb.append(mac(b, off + 6)).append(" > ").append(mac(b, off)).append(", ");
        while (type == ETH_P_8021Q || type == 0x88a8 || type == 0x9100 || type == 0x9200) {
            if (end - p < 4 || len < 4) {
                sb.append(" [|vlan]");
                return;
            }
            if (o.eflag) {
                typePrint(sb, type);
                if (!printedLength) {
                    sb.append(", length ").append(origLen).append(": ");
                    printedLength = true;
                } else sb.append(", ");
                int tci = Bytes.u16(b, p);
                sb.append("vlan ").append(tci & 0xfff).append(", p ").append(tci >>> 13);
                if ((tci & 0x1000) != 0) sb.append(", DEI");
                sb.append(", ");
            }
            type = Bytes.u16(b, p + 2);
            p += 4;
            len -= 4;
            llHdrLen += 4;
        }
        if (type <= 1500) {
            // 802.3 with LLC: nsnet produces none; tcpdump's raw hex dump is not modelled
            if (o.eflag) sb.append("802.3").append(printedLength ? "" : ", length " + len + ": ");
            sb.append("LLC frame (not decoded by nsnet)");
            return;
        }
        if (o.eflag) {
            typePrint(sb, type);
            if (!printedLength) sb.append(", length ").append(origLen).append(": ");
            else sb.append(", ");
        }
        if (!ethertype(sb, type, b, p, len, end - p)) {
            if (!o.eflag) {
                sb.append(mac(b, off + 6)).append(" > ").append(mac(b, off)).append(", ");
                typePrint(sb, type);
                sb.append(", length ").append(origLen).append(": ");
            }
            hexDefault(sb, b, p, end - p);
        }
    }

    /** sll2_if_print(): the cooked header of {@code -i any} (20 bytes) and what it carries. */
    void sll2(StringBuilder sb, byte[] b, int off, int len, int caplen, String ifname) {
        if (caplen < 20) {
            sb.append("[|sll2]");
            return;
        }
        int proto = Bytes.u16(b, off);
        int ifindex = Bytes.i32(b, off + 4);
        int pkttype = b[off + 10] & 0xff;
        int halen = b[off + 11] & 0xff;
        sb.append(String.format("%-5s ", ifname));
        sb.append(String.format("%-3s ", pktTypeName(pkttype)));
        if (o.eflag) {
            sb.append("ifindex ").append(Integer.toUnsignedString(ifindex)).append(' ');
            if (halen == 6) sb.append(mac(b, off + 12)).append(' ');
            if (!o.qflag) {
                sb.append("ethertype ").append(etherTypeName(proto, "Unknown")).append(String.format(" (0x%04x)", proto));
                sb.append(", length ").append(len).append(": ");
            }
        }
        int p = off + 20;
        int end = off + caplen;
        len -= 20;
        llHdrLen = 20;
        while (proto == ETH_P_8021Q) {
            if (end - p < 4) {
                sb.append(" [|vlan]");
                return;
            }
            if (o.eflag) {
                int tci = Bytes.u16(b, p);
                sb.append("vlan ").append(tci & 0xfff).append(", p ").append(tci >>> 13);
                if ((tci & 0x1000) != 0) sb.append(", DEI");
                sb.append(", ");
            }
            proto = Bytes.u16(b, p + 2);
            if (!o.qflag) sb.append("ethertype ").append(etherTypeName(proto, "Unknown")).append(", ");
            p += 4;
            len -= 4;
            llHdrLen += 4;
        }
        if (!ethertype(sb, proto, b, p, len, end - p)) {
            if (!o.eflag) {
                sb.append("ifindex ").append(Integer.toUnsignedString(ifindex)).append(' ');
                if (halen == 6) sb.append(mac(b, off + 12)).append(' ');
                if (!o.qflag) {
                    sb.append("ethertype ").append(etherTypeName(proto, "Unknown")).append(String.format(" (0x%04x)", proto));
                    sb.append(", length ").append(len + 20).append(": ");
                }
            }
            hexDefault(sb, b, p, end - p);
        }
    }

    static String pktTypeName(int t) {
        return switch (t) {
            case 0 -> "In";
            case 1 -> "B";
            case 2 -> "M";
            case 3 -> "P";
            case 4 -> "Out";
            default -> "?";
        };
    }

    /** ethertype_print(): false when the type has no printer (the caller dumps the bytes). */
    boolean ethertype(StringBuilder sb, int type, byte[] b, int p, int len, int caplen) {
        switch (type) {
            case ETH_P_IP -> ip.ip(sb, b, p, len, Math.min(caplen, len));
            case ETH_P_ARP -> arp(sb, b, p, len, caplen);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void typePrint(StringBuilder sb, int type) {
        if (!o.qflag) sb.append("ethertype ").append(etherTypeName(type, "Unknown")).append(String.format(" (0x%04x)", type));
        else sb.append(etherTypeName(type, String.format("Unknown Ethertype (0x%04x)", type)));
    }

    static String etherTypeName(int type, String unknown) {
        return switch (type) {
            case ETH_P_IP -> "IPv4";
            case ETH_P_ARP -> "ARP";
            case ETH_P_8021Q -> "802.1Q";
            case ETH_P_IPV6 -> "IPv6";
            case 0x88a8 -> "802.1Q-QinQ";
            case 0x9100 -> "802.1Q-9100";
            case 0x9200 -> "802.1Q-9200";
            case 0x8035 -> "Reverse ARP";
            case 0x88cc -> "LLDP";
            default -> unknown;
        };
    }

    /** arp_print() for Ethernet/IPv4 ARP. */
    void arp(StringBuilder sb, byte[] b, int p, int len, int caplen) {
        if (!o.eflag) sb.append("ARP, ");
        if (caplen < 8) {
            sb.append("[|ARP]");
            return;
        }
        int hrd = Bytes.u16(b, p), pro = Bytes.u16(b, p + 2);
        int hln = b[p + 4] & 0xff, pln = b[p + 5] & 0xff, op = Bytes.u16(b, p + 6);
        if (pro != ETH_P_IP || pln != 4 || hln == 0 || o.vflag > 0) {
            sb.append(hrd == 1 ? "Ethernet" : "Unknown Hardware (" + hrd + ")").append(" (len ").append(hln).append("), ");
            sb.append(pro == ETH_P_IP ? "IPv4" : etherTypeName(pro, String.format("Unknown Protocol (0x%04x)", pro)));
            sb.append(" (len ").append(pln).append(")");
            if (o.vflag == 0) {
                sb.append(", length ").append(len);
                return;
            }
        }
        if (caplen < 8 + 2 * hln + 2 * pln) {
            sb.append(" [|ARP]");
            return;
        }
        int sha = p + 8, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
        sb.append(o.vflag > 0 ? ", " : "");
        switch (op) {
            case 1 -> {
                sb.append("Request who-has ").append(ip.host(b, tpa));
                if (nonzero(b, tha, hln)) sb.append(" (").append(arpaddr(b, tha, hln)).append(")");
                sb.append(" tell ").append(ip.host(b, spa));
            }
            case 2 -> sb.append("Reply ").append(ip.host(b, spa)).append(" is-at ").append(arpaddr(b, sha, hln));
            case 3 -> sb.append("Reverse Request who-is ").append(arpaddr(b, tha, hln)).append(" tell ").append(arpaddr(b, sha, hln));
            case 4 -> sb.append("Reverse Reply ").append(arpaddr(b, tha, hln)).append(" at ").append(ip.host(b, tpa));
            default -> {
                sb.append("Unknown (").append(op).append(") ");
                hexDefault(sb, b, p, caplen);
                return;
            }
        }
        sb.append(", length ").append(len);
    }

    private static boolean nonzero(byte[] b, int p, int n) {
        for (int i = 0; i < n; i++) if (b[p + i] != 0) return true;
        return false;
    }

    /**
     * etheraddr_string(): without -n tcpdump names the broadcast address and appends the vendor of
     * the OUI, which for nsnet's locally administered MACs is unknown.
     */
    String mac(byte[] b, int p) {
        String s = linkaddr(b, p, 6);
        if (o.nflag > 0) return s;
        if (s.equals("ff:ff:ff:ff:ff:ff")) return "Broadcast";
        return s + " (oui Unknown)";
    }

    private String arpaddr(byte[] b, int p, int n) { return n == 6 ? mac(b, p) : linkaddr(b, p, n); }

    static String linkaddr(byte[] b, int p, int n) {
        StringBuilder s = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) s.append(':');
            s.append(Character.forDigit((b[p + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[p + i] & 0xf, 16));
        }
        return s.toString();
    }

    static String ipaddr(byte[] b, int p) {
        return (b[p] & 0xff) + "." + (b[p + 1] & 0xff) + "." + (b[p + 2] & 0xff) + "." + (b[p + 3] & 0xff);
    }

    /**
     * print.c after the packet's line: -x/-xx hex_print(), -X/-XX hex_and_ascii_print() of the
     * bytes after the link header (or of the whole frame with two letters), 16 bytes a row.
     */
    void dump(StringBuilder sb, byte[] b, int caplen) {
        boolean ascii = o.bigXflag > 0;
        boolean whole = ascii ? o.bigXflag > 1 : o.xflag > 1;
        int start = whole ? 0 : llHdrLen;
        if (!ascii && o.xflag == 0) return;
        if (start >= caplen) return;
        for (int row = start; row < caplen; row += 16) {
            int n = Math.min(16, caplen - row);
            sb.append("\n\t0x").append(String.format("%04x", row - start)).append(": ");
            StringBuilder hex = new StringBuilder(40);
            for (int i = 0; i < n; i += 2) {
                hex.append(' ').append(String.format("%02x", b[row + i] & 0xff));
                if (i + 1 < n) hex.append(String.format("%02x", b[row + i + 1] & 0xff));
            }
            if (!ascii) {
                sb.append(hex);
                continue;
            }
            while (hex.length() < 40) hex.append(' ');
            sb.append(hex).append("  ");
            for (int i = 0; i < n; i++) {
                int c = b[row + i] & 0xff;
                sb.append(c > 0x20 && c < 0x7f ? (char) c : '.'); // isgraph: a blank is a dot too
            }
        }
    }

    /** ND_DEFAULTPRINT: with -x/-X tcpdump dumps hex; without it an unknown payload prints nothing more. */
    void hexDefault(StringBuilder sb, byte[] b, int p, int n) {
        // hex_and_ascii_print is only used with -x; nothing to add otherwise
    }
}
