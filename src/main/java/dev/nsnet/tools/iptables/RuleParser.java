package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule part of an iptables command line as iptables 1.8.9 parses it (xshared.c
 * command_default and the extensions' parse/final_check): addresses, interfaces, protocol, the
 * tcp/udp/icmp/comment matches and the REJECT/LOG target options. Collects what a rule needs; the
 * command turns it into an XtRule once the chain is known.
 */
final class RuleParser {
    int src, smsk, dst, dmsk;
    String iniface, outiface;
    boolean inWild, outWild;
    int proto;
    int invflags;
    boolean haveS, haveD, haveI, haveO, haveP;
    String jumpTo;
    boolean isGoto;
    /** Matches in load order; a tcp/udp/icmp slot is filled by its options. */
    final List<Object> matches = new ArrayList<>();
    /** Per-match state while parsing. */
    static final class PortState {
        final int proto;
        int spMin = 0, spMax = 0xffff, dpMin = 0, dpMax = 0xffff;
        boolean invS, invD, haveS, haveD;
        int flgMask, flgCmp;
        boolean invFlags, haveFlags;
        PortState(int proto) { this.proto = proto; }
    }
    static final class IcmpState {
        int type = -1, codeMin = 0, codeMax = 0xff;
        boolean inv;
    }
    static final class CommentState {
        String text;
    }
    // target options
    XtTarget.RejectWith rejectWith;
    int logLevel = 4, logFlags;
    String logPrefix = "";
    boolean haveLogLevel, haveLogPrefix;

    static String protoName(int p) {
        return p == 6 ? "tcp" : p == 17 ? "udp" : p == 1 ? "icmp" : null;
    }

    /** xtables_ipparse_any(): "addr[/mask]" where mask is a length or dotted. */
    static int[] parseAddr(String s) {
        String a = s, m = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            a = s.substring(0, slash);
            m = s.substring(slash + 1);
        }
        int mask = -1;
        if (m != null) {
            if (m.matches("[0-9]+")) {
                int len;
                try {
                    len = Integer.parseInt(m);
                } catch (NumberFormatException e) {
                    len = 99;
                }
                if (len > 32) throw XtError.param("invalid mask `" + m + "' specified");
                mask = len == 0 ? 0 : (int) (0xffffffffL << (32 - len));
            } else {
                Integer v = Inet4.parse(m);
                if (v == null) throw XtError.param("invalid mask `" + m + "' specified");
                mask = v;
            }
        }
        int addr;
        if (a.equals("localhost")) addr = 0x7f000001;
        else {
            Integer v = a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") ? Inet4.parse(a) : null;
            if (v == null) throw XtError.param("host/network `" + a + "' not found");
            addr = v;
        }
        return new int[] {addr & mask, mask};
    }

    /** xtables_parse_protocol(): a number, "all", or a name from /etc/protocols. */
    static int parseProto(String s) {
        if (s.matches("[0-9]+")) {
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                n = 256;
            }
            if (n > 255) throw XtError.param("unknown protocol \"" + s + "\" specified");
            return n;
        }
        String l = s.toLowerCase();
        if (l.equals("all")) return 0;
        int n = NetDb.protocol(l);
        if (n < 0) throw XtError.param("unknown protocol \"" + s + "\" specified");
        return n;
    }

    /** tcp/udp "[port[:port]]" with service names; "a:" is a..65535, ":b" is 0..b. */
    static int[] parsePorts(String s, String proto) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            int p = parsePort(s, proto);
            return new int[] {p, p};
        }
        String a = s.substring(0, colon), b = s.substring(colon + 1);
        int lo = a.isEmpty() ? 0 : parsePort(a, proto);
        int hi = b.isEmpty() ? 0xffff : parsePort(b, proto);
        if (lo > hi) throw XtError.param("invalid portrange (min > max)");
        return new int[] {lo, hi};
    }

    static int parsePort(String s, String proto) {
        if (s.matches("[0-9]+")) {
            try {
                int p = Integer.parseInt(s);
                if (p <= 0xffff) return p;
            } catch (NumberFormatException e) {
                // falls through to the error
            }
        } else {
            int p = NetDb.port(s, proto);
            if (p >= 0) return p;
        }
        throw XtError.param("invalid port/service `" + s + "' specified");
    }

    /** libxt_icmp parse_icmp(): a (prefix of a) name, or "type[/code]". */
    static void parseIcmpType(String s, IcmpState st) {
        NetDb.IcmpName found = null;
        for (NetDb.IcmpName n : NetDb.ICMP) {
            if (n.name().regionMatches(true, 0, s, 0, s.length()) && s.length() <= n.name().length()) {
                if (found != null && !s.equalsIgnoreCase(found.name()))
                    throw XtError.param("Ambiguous ICMP type `" + s + "': `" + found.name() + "' or `" + n.name() + "'?");
                if (found == null) found = n;
                if (n.name().equalsIgnoreCase(s)) {
                    found = n;
                    break;
                }
            }
        }
        if (found != null) {
            st.type = found.type();
            st.codeMin = found.codeMin();
            st.codeMax = found.codeMax();
            return;
        }
        String t = s, c = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            t = s.substring(0, slash);
            c = s.substring(slash + 1);
        }
        if (!t.matches("[0-9]{1,3}") || Integer.parseInt(t) > 255) throw XtError.param("Unknown ICMP type `" + s + "'");
        st.type = Integer.parseInt(t);
        if (c != null) {
            if (!c.matches("[0-9]{1,3}") || Integer.parseInt(c) > 255) throw XtError.param("Unknown ICMP code `" + c + "'");
            st.codeMin = st.codeMax = Integer.parseInt(c);
        } else {
            st.codeMin = 0;
            st.codeMax = 0xff;
        }
    }

    /** TCP flag names in the order iptables prints them. */
    static final String[] TCP_FLAGS = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

    /** libxt_tcp parse_tcp_flags(): comma-separated names (any case), ALL and NONE. */
    static int parseTcpFlags(String s) {
        int v = 0;
        for (String f : s.split(",", -1)) {
            int bit = -1;
            for (int i = 0; i < TCP_FLAGS.length; i++) if (TCP_FLAGS[i].equalsIgnoreCase(f)) bit = 1 << i;
            if (f.equalsIgnoreCase("ALL")) bit = 0x3f;
            if (f.equalsIgnoreCase("NONE")) bit = 0;
            if (bit < 0) throw XtError.param("Unknown TCP flag `" + f + "'");
            v |= bit;
        }
        return v;
    }

    static String tcpFlagNames(int v) {
        if (v == 0) return "NONE";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < TCP_FLAGS.length; i++) {
            if ((v & (1 << i)) != 0) sb.append(sb.length() == 0 ? "" : ",").append(TCP_FLAGS[i]);
        }
        return sb.toString();
    }

    static XtTarget.RejectWith parseRejectWith(String s) {
        return switch (s) {
            case "icmp-net-unreachable", "net-unreach" -> XtTarget.RejectWith.ICMP_NET_UNREACHABLE;
            case "icmp-host-unreachable", "host-unreach" -> XtTarget.RejectWith.ICMP_HOST_UNREACHABLE;
            case "icmp-proto-unreachable", "proto-unreach" -> XtTarget.RejectWith.ICMP_PROT_UNREACHABLE;
            case "icmp-port-unreachable", "port-unreach" -> XtTarget.RejectWith.ICMP_PORT_UNREACHABLE;
            case "icmp-net-prohibited", "net-prohib" -> XtTarget.RejectWith.ICMP_NET_PROHIBITED;
            case "icmp-host-prohibited", "host-prohib" -> XtTarget.RejectWith.ICMP_HOST_PROHIBITED;
            case "icmp-admin-prohibited", "admin-prohib" -> XtTarget.RejectWith.ICMP_ADMIN_PROHIBITED;
            case "tcp-reset", "tcp-rst" -> XtTarget.RejectWith.TCP_RESET;
            default -> throw XtError.param("unknown reject type \"" + s + "\"");
        };
    }

    static int parseLogLevel(String s) {
        String[] names = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};
        if (s.matches("[0-7]")) return Integer.parseInt(s);
        for (int i = 0; i < names.length; i++) if (names[i].equals(s)) return i;
        if (s.equals("panic")) return 0;
        if (s.equals("err")) return 3;
        if (s.equals("warn")) return 4;
        throw XtError.param("log-level `" + s + "' unknown");
    }

    /** The compiled matches (final_check of each extension included). */
    XtMatch[] buildMatches() {
        List<XtMatch> out = new ArrayList<>();
        for (Object o : matches) {
            switch (o) {
                case PortState p -> out.add(new XtMatch.TcpUdp(p.proto, p.spMin, p.spMax, p.invS, p.dpMin, p.dpMax, p.invD,
                        p.flgMask, p.flgCmp, p.invFlags));
                case IcmpState i -> out.add(new XtMatch.Icmp(i.type < 0 ? 0xff : i.type, i.type < 0 ? 0 : i.codeMin,
                        i.type < 0 ? 0xff : i.codeMax, i.inv));
                case CommentState c -> {
                    if (c.text == null) throw XtError.param("comment: option \"--comment\" must be specified");
                    out.add(new XtMatch.Comment(c.text));
                }
                default -> throw new IllegalStateException();
            }
        }
        return out.toArray(new XtMatch[0]);
    }
}
