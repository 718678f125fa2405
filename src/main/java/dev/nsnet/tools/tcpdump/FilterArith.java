package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.wire.Bytes;
import java.util.List;
import java.util.Map;

/**
 * The relational primitives of pcap-filter(7): {@code ARITH RELOP ARITH} where ARITH is built from
 * numbers, {@code len}, packet bytes {@code proto[expr]} / {@code proto[expr:size]} (ether, ip,
 * arp, tcp, udp, icmp; size 1, 2 or 4) and the operators of libpcap's grammar.y with its
 * precedence ({@code |} lowest, then {@code &}, shifts, {@code + -}, {@code * / %}, unary minus),
 * plus the named offsets and values ({@code tcpflags}, {@code tcp-syn}, {@code icmptype},
 * {@code icmp-echo}, ...). A byte outside the packet, or a transport index on a packet that is
 * not that protocol (or a later fragment), makes the whole primitive false, as in BPF.
 */
final class FilterArith {
    /** A value over a packet; throws {@link Miss} when it reads outside the packet. */
    interface Expr { long eval(FilterExpr.Pkt p); }

    static final class Miss extends RuntimeException {
        static final Miss INSTANCE = new Miss();

        private Miss() { super(null, null, false, false); }
    }

    static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("tcpflags", 13), Map.entry("tcp-fin", 0x01), Map.entry("tcp-syn", 0x02), Map.entry("tcp-rst", 0x04),
            Map.entry("tcp-push", 0x08), Map.entry("tcp-ack", 0x10), Map.entry("tcp-urg", 0x20), Map.entry("tcp-ece", 0x40),
            Map.entry("tcp-cwr", 0x80), Map.entry("icmptype", 0), Map.entry("icmpcode", 1), Map.entry("icmp-echoreply", 0),
            Map.entry("icmp-unreach", 3), Map.entry("icmp-sourcequench", 4), Map.entry("icmp-redirect", 5),
            Map.entry("icmp-echo", 8), Map.entry("icmp-routeradvert", 9), Map.entry("icmp-routersolicit", 10),
            Map.entry("icmp-timxceed", 11), Map.entry("icmp-paramprob", 12), Map.entry("icmp-tstamp", 13),
            Map.entry("icmp-tstampreply", 14), Map.entry("icmp-ireq", 15), Map.entry("icmp-ireqreply", 16),
            Map.entry("icmp-maskreq", 17), Map.entry("icmp-maskreply", 18));

    static final List<String> RELOPS = List.of(">", ">=", "<", "<=", "=", "==", "!=");
    static final List<String> PROTOS = List.of("ether", "ip", "arp", "tcp", "udp", "icmp");

    private final List<String> toks;
    private int pos;
    private final int vlanShift;

    private FilterArith(List<String> toks, int pos, int vlanShift) {
        this.toks = toks;
        this.pos = pos;
        this.vlanShift = vlanShift;
    }

    /** Whether the tokens at {@code pos} start a relation rather than a plain primitive. */
    static boolean startsRelation(List<String> toks, int pos) {
        String t = toks.get(pos);
        String n = pos + 1 < toks.size() ? toks.get(pos + 1) : null;
        if (PROTOS.contains(t)) return "[".equals(n);
        if (t.equals("len") || NAMED.containsKey(t) || t.equals("-")) return true;
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) return n != null && (RELOPS.contains(n) || isArithOp(n));
        return false;
    }

    private static boolean isArithOp(String t) {
        return switch (t) {
            case "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>" -> true;
            default -> false;
        };
    }

    /** Parses {@code ARITH RELOP ARITH} from {@code pos}; {@code end[0]} receives the next position. */
    static FilterExpr.Node relation(List<String> toks, int pos, int vlanShift, int[] end) throws FilterExpr.FilterError {
        FilterArith a = new FilterArith(toks, pos, vlanShift);
        Expr l = a.or();
        String op = a.peek();
        if (op == null || !RELOPS.contains(op)) throw syntax();
        a.pos++;
        Expr r = a.or();
        end[0] = a.pos;
        return p -> {
            try {
                long x = l.eval(p) & 0xffffffffL, y = r.eval(p) & 0xffffffffL;
                return switch (op) {
                    case ">" -> x > y;
                    case ">=" -> x >= y;
                    case "<" -> x < y;
                    case "<=" -> x <= y;
                    case "!=" -> x != y;
                    default -> x == y;
                };
            } catch (Miss m) {
                return false;
            }
        };
    }

    private static FilterExpr.FilterError syntax() { return new FilterExpr.FilterError("can't parse filter expression: syntax error"); }

    private String peek() { return pos < toks.size() ? toks.get(pos) : null; }

    private Expr or() throws FilterExpr.FilterError {
        Expr e = and();
        while ("|".equals(peek()) || "^".equals(peek())) {
            String op = toks.get(pos++);
            Expr l = e, r = and();
            e = op.equals("|") ? p -> l.eval(p) | r.eval(p) : p -> l.eval(p) ^ r.eval(p);
        }
        return e;
    }

    private Expr and() throws FilterExpr.FilterError {
        Expr e = shift();
        while ("&".equals(peek())) {
            pos++;
            Expr l = e, r = shift();
            e = p -> l.eval(p) & r.eval(p);
        }
        return e;
    }

    private Expr shift() throws FilterExpr.FilterError {
        Expr e = sum();
        while ("<<".equals(peek()) || ">>".equals(peek())) {
            boolean left = toks.get(pos++).equals("<<");
            Expr l = e, r = sum();
            e = left ? p -> (l.eval(p) << r.eval(p)) & 0xffffffffL : p -> (l.eval(p) & 0xffffffffL) >>> r.eval(p);
        }
        return e;
    }

    private Expr sum() throws FilterExpr.FilterError {
        Expr e = product();
        while ("+".equals(peek()) || "-".equals(peek())) {
            boolean plus = toks.get(pos++).equals("+");
            Expr l = e, r = product();
            e = plus ? p -> (l.eval(p) + r.eval(p)) & 0xffffffffL : p -> (l.eval(p) - r.eval(p)) & 0xffffffffL;
        }
        return e;
    }

    private Expr product() throws FilterExpr.FilterError {
        Expr e = unary();
        while ("*".equals(peek()) || "/".equals(peek()) || "%".equals(peek())) {
            String op = toks.get(pos++);
            Expr l = e, r = unary();
            e = switch (op) {
                case "*" -> p -> (l.eval(p) * r.eval(p)) & 0xffffffffL;
                case "/" -> p -> {
                    long d = r.eval(p);
                    if (d == 0) throw Miss.INSTANCE;
                    return (l.eval(p) & 0xffffffffL) / d;
                };
                default -> p -> {
                    long d = r.eval(p);
                    if (d == 0) throw Miss.INSTANCE;
                    return (l.eval(p) & 0xffffffffL) % d;
                };
            };
        }
        return e;
    }

    private Expr unary() throws FilterExpr.FilterError {
        String t = peek();
        if (t == null) throw syntax();
        pos++;
        if (t.equals("-")) {
            Expr e = unary();
            return p -> (-e.eval(p)) & 0xffffffffL;
        }
        if (t.equals("(")) {
            Expr e = or();
            if (!")".equals(peek())) throw syntax();
            pos++;
            return e;
        }
        if (t.equals("len")) return p -> p.len + p.lenAdjust;
        Integer named = NAMED.get(t);
        if (named != null) {
            long v = named;
            return p -> v;
        }
        if (PROTOS.contains(t)) {
            if (!"[".equals(peek())) throw syntax();
            pos++;
            Expr idx = or();
            int size = 1;
            if (":".equals(peek())) {
                pos++;
                String s = peek();
                if (s == null) throw syntax();
                pos++;
                size = number(s);
                if (size != 1 && size != 2 && size != 4) throw new FilterExpr.FilterError("data size must be 1, 2, or 4");
            }
            if (!"]".equals(peek())) throw syntax();
            pos++;
            return load(t, idx, size, vlanShift);
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            long v = number(t) & 0xffffffffL;
            return p -> v;
        }
        throw syntax();
    }

    private static int number(String s) throws FilterExpr.FilterError {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return (int) Long.parseLong(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return (int) Long.parseLong(s.substring(1), 8);
            return (int) Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw syntax();
        }
    }

    /** proto[idx:size]: the base of the protocol's header in this packet, then the bytes. */
    private static Expr load(String proto, Expr idx, int size, int shift) {
        return p -> {
            int base = base(p, proto, shift);
            long i = idx.eval(p);
            long at = base + i;
            int end = p.off + p.len;
            if (base < 0 || i < 0 || at + size > end) throw Miss.INSTANCE;
            int o = (int) at;
            return switch (size) {
                case 1 -> p.b[o] & 0xff;
                case 2 -> Bytes.u16(p.b, o);
                default -> Bytes.i32(p.b, o) & 0xffffffffL;
            };
        };
    }

    private static int base(FilterExpr.Pkt p, String proto, int shift) {
        if (proto.equals("ether")) return p.off;
        int typeAt = p.sll2 ? (shift == 0 ? p.off : p.off + 18 + shift) : p.off + 12 + shift;
        int l3 = p.sll2 ? p.off + 20 + shift : p.off + 14 + shift;
        if (typeAt + 2 > p.off + p.len) return -1;
        int type = Bytes.u16(p.b, typeAt);
        if (proto.equals("arp")) return type == 0x0806 ? l3 : -1;
        if (type != 0x0800) return -1;
        if (proto.equals("ip")) return l3;
        if (l3 + 20 > p.off + p.len) return -1;
        int want = proto.equals("tcp") ? 6 : proto.equals("udp") ? 17 : 1;
        if ((p.b[l3 + 9] & 0xff) != want || (Bytes.u16(p.b, l3 + 6) & 0x1fff) != 0) return -1;
        return l3 + (p.b[l3] & 0xf) * 4;
    }
}
