package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.IptIcmp;

/**
 * extensions/libipt_icmp.c: --icmp-type [!] (a name, a prefix of one, or "type[/code]"); save
 * "--icmp-type 8" / "3/1" / "any", print "icmp echo-request" or "icmptype 8 code 0".
 */
final class LibiptIcmp extends XtMatchExt {
    int type = -1, codeMin = 0, codeMax = 0xff;
    boolean inv;

    String name() { return "icmp"; }

    private static final Spec[] SPEC = {new Spec("icmp-type", 0, INVERT | MAND)};

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        parseIcmpType(o.arg());
        inv = o.invert;
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        return new IptIcmp(type < 0 ? 0xff : type, type < 0 ? 0 : codeMin, type < 0 ? 0xff : codeMax, inv);
    }

    /** parse_icmp(): a (prefix of a) name, or "type[/code]". */
    void parseIcmpType(String s) {
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
            type = found.type();
            codeMin = found.codeMin();
            codeMax = found.codeMax();
            return;
        }
        // A number (strtoul, any base), then "/code" or "/min:max"; anything left is an unknown character.
        int[] pos = {0};
        long t = number(s, pos);
        if (t < 0 || t > 255) throw XtError.param("Unknown ICMP type `" + s + "'");
        type = (int) t;
        codeMin = 0;
        codeMax = 0xff;
        if (pos[0] == s.length()) return;
        if (s.charAt(pos[0]) != '/') throw XtError.param("unknown character " + s.charAt(pos[0]));
        pos[0]++;
        long c = number(s, pos);
        if (c < 0 || c > 255) throw XtError.param("Unknown ICMP code `" + s + "'");
        codeMin = codeMax = (int) c;
        if (pos[0] == s.length()) return;
        if (s.charAt(pos[0]) == ':') {
            pos[0]++;
            long c2 = number(s, pos);
            if (c2 < 0 || c2 > 255) throw XtError.param("Unknown ICMP code `" + s + "'");
            codeMax = (int) c2;
            if (pos[0] == s.length()) return;
        }
        throw XtError.param("unknown character " + s.charAt(pos[0]));
    }

    /** strtoul(s + pos, &end, 0): the value and the end position, -1 when no digit was read. */
    private static long number(String s, int[] pos) {
        int i = pos[0];
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        long v = 0;
        int start = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            v = Math.min(v * radix + Character.digit(s.charAt(i), radix), 1L << 40);
            i++;
        }
        if (i == start) return -1;
        pos[0] = i;
        return v;
    }

    /** xt_check_match(): the icmp match is only valid for -p icmp (not inverted). */
    @Override
    void checkEntry(XtRuleCtx ctx, XtMatch m) {
        if (ctx.proto() != 1 || ctx.invProto()) throw ctx.invalid();
    }

    void save(StringBuilder sb, XtMatch m) {
        IptIcmp i = (IptIcmp) m;
        if (i.invert()) sb.append(" !");
        sb.append(" --icmp-type ");
        if (i.type() == 0xff) sb.append("any");
        else {
            sb.append(i.type());
            if (i.codeMin() != 0 || i.codeMax() != 0xff) sb.append('/').append(i.codeMin());
        }
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        IptIcmp i = (IptIcmp) m;
        sb.append(" icmp");
        if (!numeric) {
            for (NetDb.IcmpName n : NetDb.ICMP) {
                if (n.type() == i.type() && n.codeMin() == i.codeMin() && n.codeMax() == i.codeMax()) {
                    sb.append(' ').append(i.invert() ? "!" : "").append(n.name());
                    return;
                }
            }
        }
        if (i.invert()) sb.append(" !");
        sb.append("type ").append(i.type());
        if (i.codeMin() == i.codeMax()) sb.append(" code ").append(i.codeMin());
        else if (i.codeMin() != 0 || i.codeMax() != 0xff) sb.append(" codes ").append(i.codeMin()).append('-').append(i.codeMax());
    }
}
