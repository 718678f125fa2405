package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A pcap filter expression (pcap-filter(7)) for the primitives nsnet supports, parsed like
 * libpcap's grammar (gencode.c/grammar.y): {@code and}/{@code or} (also {@code &&}/{@code ||})
 * of equal precedence, left to right; {@code not}/{@code !} binding tighter; parentheses;
 * qualifiers {@code [ether|ip|arp|tcp|udp|icmp] [src|dst|src or dst|src and dst]
 * [host|net|port|portrange]}, a bare value after {@code and}/{@code or} inheriting the previous
 * qualifiers; protocol keywords {@code ip arp tcp udp icmp vlan [ID]}; {@code ether
 * host/src/dst MAC}, {@code [ether] broadcast}, {@code [ether] multicast}, {@code less N},
 * {@code greater N}. {@code vlan} shifts what follows by the 4-byte tag, as in libpcap.
 * Evaluated directly over the frame's bytes (no BPF).
 */
final class FilterExpr {
    /** A syntax or semantic error, with the text tcpdump prints after "tcpdump: ". */
    static final class FilterError extends Exception {
        FilterError(String msg) { super(msg, null, false, false); }
    }

    /** One frame: Ethernet (link 1) or Linux cooked v2 (link 276). */
    static final class Pkt {
        byte[] b;
        int off, len;
        boolean sll2;
        /** Added to {@code len} for less/greater: a live -i any filter sees the Ethernet frame, the savefile has the 20-byte cooked header instead of 14. */
        int lenAdjust;
    }

    interface Node { boolean eval(Pkt p); }

    private final List<String> toks;
    private int pos;
    /** libpcap's off_linkpl shift: each {@code vlan} moves later primitives 4 bytes in. */
    private int vlanShift;
    // the qualifiers of the last primitive (for a bare value after and/or)
    private String lastProto, lastDir, lastType;

    /** Compiling for LINKTYPE_LINUX_SLL2 (-i any): no link-layer addresses, broadcast or vlan. */
    private final boolean sll2;

    private FilterExpr(List<String> toks, boolean sll2) {
        this.toks = toks;
        this.sll2 = sll2;
    }

    /** Parses for an Ethernet link. */
    static Node parse(String text) throws FilterError { return parse(text, false); }

    /** Parses the words after the options (joined by blanks, as tcpdump does); null when empty. */
    static Node parse(String text, boolean sll2) throws FilterError {
        List<String> t = lex(text);
        if (t.isEmpty()) return null;
        FilterExpr f = new FilterExpr(t, sll2);
        Node n = f.expr();
        if (f.pos != t.size()) throw syntax();
        return n;
    }

    private static FilterError syntax() { return new FilterError("can't parse filter expression: syntax error"); }

    private static List<String> lex(String s) throws FilterError {
        List<String> t = new ArrayList<>();
        int i = 0;
        int brackets = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '(' || c == ')' || c == '[' || c == ']') {
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
                t.add(String.valueOf(c));
                i++;
                continue;
            }
            if (s.startsWith("&&", i) || s.startsWith("||", i) || s.startsWith("!=", i) || s.startsWith("==", i)
                    || s.startsWith(">=", i) || s.startsWith("<=", i) || s.startsWith("<<", i) || s.startsWith(">>", i)) {
                t.add(s.substring(i, i + 2));
                i += 2;
                continue;
            }
            if ("!&|=<>+*%^".indexOf(c) >= 0 || (c == ':' && brackets > 0)) {
                t.add(String.valueOf(c));
                i++;
                continue;
            }
            if (c == '-' && (t.isEmpty() || !t.get(t.size() - 1).matches("[A-Za-z0-9].*") || brackets > 0)) {
                // a minus sign of arithmetic (names like tcp-syn and ranges like 1-100 keep theirs)
                t.add("-");
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()[]!&|=<>+*%^".indexOf(s.charAt(j)) < 0
                    && !(s.charAt(j) == ':' && brackets > 0) && !(s.charAt(j) == '-' && brackets > 0)) j++;
            if (j == i) throw syntax();
            t.add(s.substring(i, j));
            i = j;
        }
        return t;
    }

    private String peek() { return pos < toks.size() ? toks.get(pos) : null; }

    private String next() throws FilterError {
        if (pos >= toks.size()) throw syntax();
        return toks.get(pos++);
    }

    private Node expr() throws FilterError {
        Node left = unary();
        while (true) {
            String t = peek();
            if (t == null) return left;
            boolean and = t.equals("and") || t.equals("&&");
            boolean or = t.equals("or") || t.equals("||");
            if (!and && !or) return left;
            pos++;
            Node right = unaryOrBare();
            Node l = left;
            left = and ? p -> l.eval(p) && right.eval(p) : p -> l.eval(p) || right.eval(p);
        }
    }

    /** After and/or, a bare value (a number or address) repeats the previous qualifiers. */
    private Node unaryOrBare() throws FilterError {
        String t = peek();
        if (t != null && lastType != null && isValue(t)) {
            pos++;
            return primitive(lastProto, lastDir, lastType, t);
        }
        return unary();
    }

    private static boolean isValue(String t) {
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.indexOf(':') > 0);
    }

    private Node unary() throws FilterError {
        String t = peek();
        if (t == null) throw syntax();
        if (t.equals("not") || t.equals("!")) {
            pos++;
            Node n = unary();
            return p -> !n.eval(p);
        }
        if (t.equals("(")) {
            pos++;
            Node n = expr();
            if (!")".equals(peek())) throw syntax();
            pos++;
            return n;
        }
        return qualified();
    }

    private static final List<String> PROTOS = List.of("ether", "ip", "arp", "tcp", "udp", "icmp");

    private Node qualified() throws FilterError {
        String proto = null, dir = null;
        if (FilterArith.startsRelation(toks, pos)) {
            int[] end = new int[1];
            Node n = FilterArith.relation(toks, pos, vlanShift, end);
            pos = end[0];
            lastType = null;
            return n;
        }
        String t = next();
        switch (t) {
            case "vlan" -> { return vlan(); }
            case "broadcast" -> { return bcast(false); }
            case "multicast" -> { return bcast(true); }
            case "igmp" -> { return protoOnly("igmp"); } // ip proto 2; no host/port qualifiers
            case "less", "greater" -> {
                int n = number(next());
                boolean less = t.equals("less");
                return p -> less ? wireLen(p) <= n : wireLen(p) >= n;
            }
            default -> { }
        }
        if (PROTOS.contains(t)) {
            proto = t;
            String n = peek();
            if (proto.equals("ether") && ("broadcast".equals(n) || "multicast".equals(n))) {
                pos++;
                return bcast(n.equals("multicast"));
            }
            if (n == null || !(n.equals("src") || n.equals("dst") || n.equals("host") || n.equals("net")
                    || n.equals("port") || n.equals("portrange"))) {
                return protoOnly(proto);
            }
            t = next();
        }
        if (t.equals("src") || t.equals("dst")) {
            dir = t;
            String n = peek();
            if (("or".equals(n) || "and".equals(n)) && pos + 1 < toks.size()
                    && toks.get(pos + 1).equals(t.equals("src") ? "dst" : "src")) {
                dir = t + " " + n + " " + toks.get(pos + 1);
                pos += 2;
            }
            n = peek();
            String type = "host";
            if ("host".equals(n) || "net".equals(n) || "port".equals(n) || "portrange".equals(n)) type = next();
            return primitive(proto, dir, type, next());
        }
        if (t.equals("host") || t.equals("net") || t.equals("port") || t.equals("portrange")) {
            return primitive(proto, dir, t, next());
        }
        if (proto == null && isValue(t)) return primitive(null, null, "host", t);
        throw syntax();
    }

    private Node primitive(String proto, String dir, String type, String val) throws FilterError {
        if (val.equals("and") || val.equals("or") || val.equals("not") || val.equals("(") || val.equals(")")
                || val.equals("&&") || val.equals("||") || val.equals("!")) throw syntax();
        lastProto = proto;
        lastDir = dir;
        lastType = type;
        boolean src = dir == null || dir.startsWith("src") || dir.endsWith("src");
        boolean dst = dir == null || dir.startsWith("dst") || dir.endsWith("dst");
        boolean both = dir != null && dir.contains(" and ");
        int shift = vlanShift;
        switch (type) {
            case "host" -> {
                if ("ether".equals(proto)) {
                    long mac;
                    try {
                        mac = parseMac(val);
                    } catch (FilterError e) {
                        if (sll2) throw new FilterError("only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name");
                        throw e;
                    }
                    if (sll2) throw new FilterError("ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel");
                    return p -> dirMatch(src, dst, both, etherSrc(p, shift) == mac, etherDst(p, shift) == mac);
                }
                if (proto != null && !proto.equals("ip") && !proto.equals("arp")) throw new FilterError("'" + proto + "' modifier applied to host");
                int a = parseIp(val);
                return netNode(proto, src, dst, both, a, -1, shift);
            }
            case "net" -> {
                if (proto != null && !proto.equals("ip") && !proto.equals("arp")) throw new FilterError("'" + proto + "' modifier applied to net");
                int slash = val.indexOf('/');
                int a, mask;
                if (slash < 0) {
                    a = parseIp(val);
                    mask = -1;
                } else {
                    a = parseIp(val.substring(0, slash));
                    int bits = number(val.substring(slash + 1));
                    if (bits > 32) throw new FilterError("mask length must be <= 32");
                    mask = bits == 0 ? 0 : -1 << (32 - bits);
                    if ((a & ~mask) != 0) throw new FilterError("non-network bits set in \"" + val + "\"");
                }
                return netNode(proto, src, dst, both, a & mask, mask, shift);
            }
            case "port", "portrange" -> {
                if (proto != null && !proto.equals("tcp") && !proto.equals("udp") && !proto.equals("ip")) {
                    throw new FilterError("'" + proto + "' modifier applied to " + type);
                }
                int lo, hi;
                if (type.equals("port")) {
                    lo = hi = port(val);
                } else {
                    int dash = val.indexOf('-');
                    if (dash <= 0) throw syntax();
                    lo = port(val.substring(0, dash));
                    hi = port(val.substring(dash + 1));
                    if (lo > hi) { int x = lo; lo = hi; hi = x; }
                }
                int l = lo, h = hi;
                int want = "tcp".equals(proto) ? 6 : "udp".equals(proto) ? 17 : 0;
                return p -> {
                    int ip = l3(p, shift, 0x0800);
                    if (ip < 0 || p.b.length < ip + 20) return false;
                    int pr = p.b[ip + 9] & 0xff;
                    if (want != 0 ? pr != want : pr != 6 && pr != 17 && pr != 132) return false;
                    if ((Bytes.u16(p.b, ip + 6) & 0x1fff) != 0) return false;
                    int t = ip + (p.b[ip] & 0xf) * 4;
                    if (t + 4 > p.off + p.len) return false;
                    int sp = Bytes.u16(p.b, t), dp = Bytes.u16(p.b, t + 2);
                    return dirMatch(src, dst, both, sp >= l && sp <= h, dp >= l && dp <= h);
                };
            }
            default -> throw syntax();
        }
    }

    private static boolean dirMatch(boolean src, boolean dst, boolean both, boolean s, boolean d) {
        if (both) return s && d;
        return (src && s) || (dst && d);
    }

    /** host/net: IPv4 source/destination, or (no protocol given) ARP sender/target addresses too. */
    private static Node netNode(String proto, boolean src, boolean dst, boolean both, int a, int mask, int shift) {
        boolean ip = proto == null || proto.equals("ip");
        boolean arp = proto == null || proto.equals("arp");
        return p -> {
            if (ip) {
                int o = l3(p, shift, 0x0800);
                if (o >= 0 && o + 20 <= p.off + p.len) {
                    return dirMatch(src, dst, both, (Bytes.i32(p.b, o + 12) & mask) == a, (Bytes.i32(p.b, o + 16) & mask) == a);
                }
            }
            if (arp) {
                int o = l3(p, shift, 0x0806);
                if (o >= 0 && o + 28 <= p.off + p.len) {
                    return dirMatch(src, dst, both, (Bytes.i32(p.b, o + 14) & mask) == a, (Bytes.i32(p.b, o + 24) & mask) == a);
                }
            }
            return false;
        };
    }

    private Node protoOnly(String proto) throws FilterError {
        int shift = vlanShift;
        lastType = null;
        return switch (proto) {
            case "ip" -> p -> l3(p, shift, 0x0800) >= 0;
            case "arp" -> p -> l3(p, shift, 0x0806) >= 0;
            case "tcp", "udp", "icmp", "igmp" -> {
                int want = proto.equals("tcp") ? 6 : proto.equals("udp") ? 17 : proto.equals("igmp") ? 2 : 1;
                yield p -> {
                    int o = l3(p, shift, 0x0800);
                    return o >= 0 && o + 10 <= p.off + p.len && (p.b[o + 9] & 0xff) == want;
                };
            }
            default -> throw syntax();
        };
    }

    private Node vlan() throws FilterError {
        if (sll2) throw new FilterError("no VLAN support for Linux cooked v2");
        int shift = vlanShift;
        String n = peek();
        int id = -1;
        if (n != null && !n.isEmpty() && Character.isDigit(n.charAt(0))) {
            pos++;
            id = number(n);
            if (id > 4095) throw new FilterError("VLAN tag " + id + " greater than maximum 4095");
        }
        vlanShift += 4;
        lastType = null;
        int want = id;
        return p -> {
            int t = typeOffset(p, shift);
            if (t < 0 || t + 4 > p.off + p.len) return false;
            int type = Bytes.u16(p.b, t);
            if (type != 0x8100 && type != 0x88a8 && type != 0x9100) return false;
            return want < 0 || (Bytes.u16(p.b, t + 2) & 0xfff) == want;
        };
    }

    private Node bcast(boolean multi) throws FilterError {
        if (sll2) {
            throw new FilterError(multi ? "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel"
                    : "not a broadcast link");
        }
        lastType = null;
        return p -> {
            if (p.sll2) return multi ? (p.b[p.off + 10] == 2 || p.b[p.off + 10] == 1) : p.b[p.off + 10] == 1;
            long d = Bytes.u48(p.b, p.off);
            return multi ? (p.b[p.off] & 1) != 0 : d == 0xffffffffffffL;
        };
    }

    /** Offset of the (possibly vlan-shifted) ethertype field, or -1. */
    private static int typeOffset(Pkt p, int shift) {
        int t = p.sll2 ? (shift == 0 ? p.off : p.off + 18 + shift) : p.off + 12 + shift;
        return t + 2 <= p.off + p.len ? t : -1;
    }

    /** Offset of the network header when the ethertype is {@code type}, else -1. */
    private static int l3(Pkt p, int shift, int type) {
        int t = typeOffset(p, shift);
        if (t < 0 || Bytes.u16(p.b, t) != type) return -1;
        return p.sll2 ? p.off + 20 + shift : t + 2;
    }

    private static long etherSrc(Pkt p, int shift) {
        return p.sll2 ? Bytes.u48(p.b, p.off + 12) : Bytes.u48(p.b, p.off + 6);
    }

    private static long etherDst(Pkt p, int shift) {
        return p.sll2 ? -1 : Bytes.u48(p.b, p.off);
    }

    private static int wireLen(Pkt p) { return p.len + p.lenAdjust; }

    private static int number(String s) throws FilterError {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw syntax();
        }
    }

    private static int port(String s) throws FilterError {
        if (s.isEmpty()) throw syntax();
        if (!Character.isDigit(s.charAt(0))) {
            Integer n = Services.port(s);
            if (n == null) throw new FilterError("unknown port '" + s + "'"); // not verified on tcpdump
            return n;
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw syntax();
        }
        if (v > 65535) throw new FilterError("illegal port number " + v + " > 65535");
        return (int) v;
    }

    static int parseIp(String s) throws FilterError {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) throw new FilterError("unknown host '" + s + "'");
        String[] f = s.split("\\.", -1);
        if (f.length > 4) throw new FilterError("invalid IPv4 address '" + s + "'");
        int a = 0;
        for (int i = 0; i < 4; i++) {
            int v = 0;
            if (i < f.length) {
                try {
                    v = Integer.parseInt(f[i]);
                } catch (NumberFormatException e) {
                    throw new FilterError("unknown host '" + s + "'");
                }
                if (v > 255) throw new FilterError("invalid IPv4 address '" + s + "'");
            }
            a = (a << 8) | v;
        }
        return a;
    }

    private static long parseMac(String s) throws FilterError {
        String[] f = s.split("[:.-]");
        if (f.length != 6) throw new FilterError("unknown ether host '" + s + "'");
        long m = 0;
        for (String x : f) {
            try {
                int v = Integer.parseInt(x, 16);
                if (v > 255 || x.length() > 2) throw new FilterError("unknown ether host '" + s + "'");
                m = (m << 8) | v;
            } catch (NumberFormatException e) {
                throw new FilterError("unknown ether host '" + s + "'");
            }
        }
        return m;
    }
}
