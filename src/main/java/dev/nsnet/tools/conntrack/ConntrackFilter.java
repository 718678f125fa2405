package dev.nsnet.tools.conntrack;

import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;

/**
 * The entry filter of conntrack -L/-D/-E (conntrack.c filter_nat/filter_label/... and the
 * kernel's CTA_FILTER): original/reply addresses and ports, protocol, TCP state, ICMP fields,
 * status bits, mark with mask, zone. Unset fields are null / -1.
 */
final class ConntrackFilter {
    Integer origSrc, origDst, replSrc, replDst;
    int proto = -1;
    int origSport = -1, origDport = -1, replSport = -1, replDport = -1;
    int tcpState = -1, icmpType = -1, icmpCode = -1, icmpId = -1;
    int status;
    boolean hasMark;
    int mark, markMask = -1;
    int zone;
    boolean ipv6;

    boolean matches(NfConn ct) {
        if (ipv6 || zone != 0) return false;
        NfConntrackTuple o = ct.tuple(NfConn.DIR_ORIGINAL), r = ct.tuple(NfConn.DIR_REPLY);
        if (origSrc != null && o.src != origSrc) return false;
        if (origDst != null && o.dst != origDst) return false;
        if (replSrc != null && r.src != replSrc) return false;
        if (replDst != null && r.dst != replDst) return false;
        if (proto >= 0 && o.protonum != proto) return false;
        boolean ports = o.protonum != 1;
        if (origSport >= 0 && (!ports || o.sport != origSport)) return false;
        if (origDport >= 0 && (!ports || o.dport != origDport)) return false;
        if (replSport >= 0 && (!ports || r.sport != replSport)) return false;
        if (replDport >= 0 && (!ports || r.dport != replDport)) return false;
        if (tcpState >= 0 && ct.tcpState() != tcpState) return false;
        if (icmpType >= 0 && (ports || o.icmpType() != icmpType)) return false;
        if (icmpCode >= 0 && (ports || o.icmpCode() != icmpCode)) return false;
        if (icmpId >= 0 && (ports || o.sport != icmpId)) return false;
        if (status != 0 && (ct.status & status) != status) return false;
        if (hasMark && (ct.mark & markMask) != (mark & markMask)) return false;
        return true;
    }

    NfConntrackTuple tupleForGet() { return ConntrackArgs.tupleOf(this); }

    /** inet_aton() as conntrack's parse_inetaddr() uses it: "a", "a.b", "a.b.c", "a.b.c.d", each part 0x/0 prefixed too. */
    static int addr(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length < 1 || p.length > 4) throw badAddr(s);
        long[] v = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            Long n = cnum(p[i]);
            if (n == null) throw badAddr(s);
            v[i] = n;
        }
        long a;
        switch (p.length) {
            case 1 -> a = v[0];
            case 2 -> {
                if (v[0] > 255 || v[1] > 0xffffff) throw badAddr(s);
                a = v[0] << 24 | v[1];
            }
            case 3 -> {
                if (v[0] > 255 || v[1] > 255 || v[2] > 0xffff) throw badAddr(s);
                a = v[0] << 24 | v[1] << 16 | v[2];
            }
            default -> {
                for (long x : v) if (x > 255) throw badAddr(s);
                a = v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3];
            }
        }
        if (a > 0xffffffffL) throw badAddr(s);
        return (int) a;
    }

    private static ConntrackArgs.Fail badAddr(String s) { return ConntrackArgs.param("Invalid IP address `" + s + "'"); }

    /** strtoul(…, 0) of one inet_aton part: decimal, 0x hex or 0 octal; null when not a number. */
    private static Long cnum(String s) {
        try {
            if (s.isEmpty()) return null;
            if (s.startsWith("0x") || s.startsWith("0X")) return s.length() == 2 ? 0L : Long.parseLong(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int proto(String v) {
        return switch (v) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "udplite" -> 136;
            case "sctp" -> 132;
            case "dccp" -> 33;
            case "gre" -> 47;
            case "icmpv6" -> 58;
            default -> -1;
        };
    }

    static int port(String v) {
        long n = number(v);
        return (int) (n & 0xffff);
    }

    /** strtoul(v, NULL, 0) as conntrack reads numbers: leading digits, rest ignored; no digits is 0. */
    static long number(String v) {
        String s = v.trim();
        int base = 10, i = 0;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            base = 16;
            i = 2;
        } else if (s.startsWith("0") && s.length() > 1) {
            base = 8;
            i = 1;
        }
        long n = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0) break;
            n = n * base + d;
            if (n > 0xffffffffL) n = 0xffffffffL;
        }
        return n;
    }

    /** --mark MARK[/MASK]. */
    static long[] mark(String v) {
        int slash = v.indexOf('/');
        long m = number(slash < 0 ? v : v.substring(0, slash));
        long mask = slash < 0 ? 0xffffffffL : number(v.substring(slash + 1));
        return new long[] {m, mask};
    }

    /** -u STATUS[,STATUS]: the IPS_* names conntrack knows. */
    static int status(String v) {
        int s = 0;
        for (String n : v.split(",", -1)) {
            switch (n) {
                case "EXPECTED" -> s |= NfConn.IPS_EXPECTED;
                case "SEEN_REPLY" -> s |= NfConn.IPS_SEEN_REPLY;
                case "ASSURED" -> s |= NfConn.IPS_ASSURED;
                case "FIXED_TIMEOUT" -> s |= NfConn.IPS_FIXED_TIMEOUT;
                case "OFFLOAD" -> s |= NfConn.IPS_OFFLOAD;
                case "HW_OFFLOAD" -> s |= NfConn.IPS_HW_OFFLOAD;
                case "UNSET" -> { }
                default -> throw ConntrackArgs.param("Bad parameter `" + v + "'");
            }
        }
        return s;
    }
}
