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

    String[] options() { return new String[] {"icmp-type"}; }

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
        String t = s, c = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            t = s.substring(0, slash);
            c = s.substring(slash + 1);
        }
        if (!t.matches("[0-9]{1,3}") || Integer.parseInt(t) > 255) throw XtError.param("Unknown ICMP type `" + s + "'");
        type = Integer.parseInt(t);
        if (c != null) {
            if (!c.matches("[0-9]{1,3}") || Integer.parseInt(c) > 255) throw XtError.param("Unknown ICMP code `" + c + "'");
            codeMin = codeMax = Integer.parseInt(c);
        } else {
            codeMin = 0;
            codeMax = 0xff;
        }
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
