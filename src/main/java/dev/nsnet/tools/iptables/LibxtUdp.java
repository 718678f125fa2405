package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtTcpUdp;
import java.math.BigInteger;

/**
 * extensions/libxt_udp.c of 1.8.9 (x6 options, XTTYPE_PORTRC): [!] --source-port/--sport and
 * [!] --destination-port/--dport "port[:port]". Unlike tcp's parser, a number is taken modulo 65536
 * (strtoul then a 16-bit store: 70000 is 4464), a reversed range is accepted (it never matches),
 * a name must be a udp service ('Port "x" does not resolve to anything.'). Printing as tcp's.
 */
final class LibxtUdp extends LibxtTcp {
    private static final Spec[] SPEC = {
        new Spec("source-port", 0, INVERT), new Spec("sport", 0, INVERT),
        new Spec("destination-port", 1, INVERT), new Spec("dport", 1, INVERT),
    };

    LibxtUdp() { super(17); }

    @Override
    Spec[] spec() { return SPEC; }

    @Override
    String[] options() { return new String[] {"source-port", "sport", "destination-port", "dport"}; }

    @Override
    void parse(XtOpt o) {
        String canonical = entry(o.name).id() == 0 ? "source-port" : "destination-port";
        String[] parts = o.arg().split(":", -1);
        if (parts.length > 2) throw XtError.param("udp: Too many components for option \"--" + canonical + "\" (max: 2)\n");
        int lo = parts[0].isEmpty() && parts.length == 2 ? 0 : port(parts[0]);
        int hi = parts.length == 1 ? lo : parts[1].isEmpty() ? 0xffff : port(parts[1]);
        if (entry(o.name).id() == 0) {
            spMin = lo;
            spMax = hi;
            invS = o.invert;
        } else {
            dpMin = lo;
            dpMax = hi;
            invD = o.invert;
        }
    }

    /** xtables_getportbyname(), else strtoul() stored in 16 bits. */
    private static int port(String s) {
        String t = s.stripLeading();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            BigInteger v = new BigInteger(t);
            if (v.bitLength() > 64) return 0xffff; // strtoul saturates at ULONG_MAX
            return v.intValue() & 0xffff;
        }
        int p = NetDb.port(s, "udp");
        if (p >= 0) return p;
        throw XtError.param("Port \"" + s + "\" does not resolve to anything.\n");
    }

    @Override
    XtMatch finalCheck(XtRuleCtx ctx) {
        return new XtTcpUdp(proto, spMin, spMax, invS, dpMin, dpMax, invD);
    }
}
