package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtTcpUdp;

/**
 * extensions/libxt_tcp.c: --sport/--source-port, --dport/--destination-port ("[!] port[:port]",
 * service names), --tcp-flags MASK COMP and --syn; save "--sport A:B --dport P --tcp-flags M C",
 * print "tcp spts:A:B dpt:P flags:M/C". {@link LibxtUdp} reuses it for udp.
 */
class LibxtTcp extends XtMatchExt {
    final int proto;
    int spMin = 0, spMax = 0xffff, dpMin = 0, dpMax = 0xffff;
    boolean invS, invD, haveS, haveD;
    int flgMask, flgCmp;
    boolean invFlags, haveFlags;

    LibxtTcp() { this(6); }

    LibxtTcp(int proto) { this.proto = proto; }

    String name() { return proto == 6 ? "tcp" : "udp"; }

    String[] options() {
        return new String[] {"source-port", "sport", "destination-port", "dport", "tcp-flags", "syn"};
    }

    void parse(XtOpt o) {
        if (o.name.equals("tcp-flags") || o.name.equals("syn")) {
            if (haveFlags) throw XtError.param("Only one of `--syn' or `--tcp-flags'  allowed");
            haveFlags = true;
            invFlags = o.invert;
            if (o.name.equals("syn")) {
                flgMask = 0x17;
                flgCmp = 0x02;
                return;
            }
            String mask = o.arg();
            String comp = o.nextPlain();
            if (comp == null) throw XtError.param("--tcp-flags requires two args.");
            flgMask = parseTcpFlags(mask);
            flgCmp = parseTcpFlags(comp);
            return;
        }
        String v = o.arg();
        int[] r = parsePorts(v, name());
        if (o.name.equals("source-port") || o.name.equals("sport")) {
            if (haveS) throw XtError.param("multiple --sport flags not allowed");
            haveS = true;
            spMin = r[0];
            spMax = r[1];
            invS = o.invert;
        } else {
            if (haveD) throw XtError.param("multiple --dport flags not allowed");
            haveD = true;
            dpMin = r[0];
            dpMax = r[1];
            invD = o.invert;
        }
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        return new XtTcpUdp(proto, spMin, spMax, invS, dpMin, dpMax, invD, flgMask, flgCmp, invFlags);
    }

    /**
     * Without ports or flags iptables-nft sends the xt match itself, and xt_check_match() wants the
     * rule's protocol to be this one, not inverted (with them, build() already refused it).
     */
    @Override
    void checkEntry(XtRuleCtx ctx, XtMatch m) {
        XtTcpUdp t = (XtTcpUdp) m;
        if (!t.hasSport() && !t.hasDport() && !t.hasFlags() && (ctx.proto() != proto || ctx.invProto())) throw ctx.invalid();
    }

    void save(StringBuilder sb, XtMatch m) {
        XtTcpUdp t = (XtTcpUdp) m;
        if (t.hasSport()) savePorts(sb, "--sport", t.spMin(), t.spMax(), t.invSrc());
        if (t.hasDport()) savePorts(sb, "--dport", t.dpMin(), t.dpMax(), t.invDst());
        if (t.hasFlags()) {
            if (t.invFlags()) sb.append(" !");
            sb.append(" --tcp-flags ").append(tcpFlagNames(t.flgMask())).append(' ').append(tcpFlagNames(t.flgCmp()));
        }
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) {
        XtTcpUdp t = (XtTcpUdp) m;
        String proto = t.name();
        sb.append(' ').append(proto);
        printPorts(sb, "spt", t.spMin(), t.spMax(), t.invSrc(), numeric, proto);
        printPorts(sb, "dpt", t.dpMin(), t.dpMax(), t.invDst(), numeric, proto);
        if (t.hasFlags()) {
            sb.append(" flags:").append(t.invFlags() ? "!" : "");
            if (numeric) sb.append(String.format("0x%02X/0x%02X", t.flgMask(), t.flgCmp()));
            else sb.append(tcpFlagNames(t.flgMask())).append('/').append(tcpFlagNames(t.flgCmp()));
        }
    }

    private static void savePorts(StringBuilder sb, String opt, int min, int max, boolean inv) {
        if (inv) sb.append(" !");
        sb.append(' ').append(opt).append(' ').append(min);
        if (min != max) sb.append(':').append(max);
    }

    private static void printPorts(StringBuilder sb, String name, int min, int max, boolean inv, boolean numeric, String proto) {
        if (min == 0 && max == 0xffff && !inv) return;
        sb.append(' ').append(name);
        if (min == max) sb.append(':').append(inv ? "!" : "").append(port(min, numeric, proto));
        else sb.append("s:").append(inv ? "!" : "").append(port(min, numeric, proto)).append(':').append(port(max, numeric, proto));
    }

    static String port(int p, boolean numeric, String proto) {
        if (!numeric) {
            String s = NetDb.service(p, proto);
            if (s != null) return s;
        }
        return Integer.toString(p);
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

    /** xtables_parse_port(): a number up to 65535 or a service name of /etc/services. */
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

    /** TCP flag names in the order iptables prints them. */
    static final String[] TCP_FLAGS = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

    /** parse_tcp_flags(): comma-separated names (any case), ALL and NONE. */
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
}
