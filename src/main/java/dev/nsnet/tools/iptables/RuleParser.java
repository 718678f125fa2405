package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule part of an iptables command line as iptables 1.8.9 parses it (xshared.c
 * command_default): addresses, interfaces, protocol, and the match and target extensions loaded
 * (their options are parsed by the extensions themselves, see {@link XtRegistry}). Collects what a
 * rule needs; the command turns it into an XtRule once the chain is known.
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
    /** Match extensions in load order (-m NAME, or the protocol's match loaded by its option). */
    final List<XtMatchExt> matches = new ArrayList<>();
    /** The target extension -j loaded, or null (a verdict, a chain, or no -j). */
    XtTargetExt target;
    /** command_default's proto_used: the -p protocol's match was loaded implicitly. */
    boolean protoUsed;
    /** Where an extension's warnings go as it parses (iptables' stderr), or null. */
    java.io.PrintStream err;

    /** fprintf(stderr, ...) of an extension while parsing. */
    void warn(String line) {
        if (err != null) err.println(line);
    }

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

    /** The compiled matches (each extension's final check). */
    XtMatch[] buildMatches(XtRuleCtx ctx) {
        XtMatch[] out = new XtMatch[matches.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = matches.get(i).finalCheck(ctx);
            matches.get(i).optionsFcheck();
        }
        return out;
    }
}
