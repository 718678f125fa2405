package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.xt.XtMultiport;

/**
 * extensions/libxt_multiport.c (revision 1): [!] --source-ports/--sports, --destination-ports/
 * --dports or --ports "port[,port:port,...]" (15 slots, a range takes two), only with -p tcp, udp,
 * udplite, sctp or dccp. Save "--dports 22,80:90", print "multiport dports ssh,http:90" (service
 * names unless -n) and "multiport sports  !53" when inverted.
 */
final class LibxtMultiport extends XtMatchExt {
    private static final int ANY = 7;
    private static final Spec[] SPEC = {
        new Spec("source-ports", 0, INVERT, ANY, 0), new Spec("sports", 0, INVERT, ANY, 0),
        new Spec("destination-ports", 1, INVERT, ANY, 0), new Spec("dports", 1, INVERT, ANY, 0),
        new Spec("ports", 2, INVERT, ANY, 0),
    };
    private static final int MAX = 15;
    int flags;
    int[] ports;
    boolean[] pflags;
    boolean invert;

    String name() { return "multiport"; }

    Spec[] spec() { return SPEC; }

    void parse(XtOpt o) {
        String protoName = checkProto(rule.proto, (rule.invflags & dev.nsnet.kernel.netfilter.XtRule.INV_PROTO) != 0);
        parsePorts(o.arg(), protoName);
        flags = entry(o.name).id();
        if (o.invert) invert = true;
    }

    static String protoName(int p) {
        return switch (p) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 136 -> "udplite";
            case 132 -> "sctp";
            case 33 -> "dccp";
            default -> null;
        };
    }

    private static String checkProto(int proto, boolean inv) {
        if (inv) throw XtError.param("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
        String n = protoName(proto);
        if (n != null) return n;
        if (proto == 0) throw XtError.param("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
        throw XtError.param("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
    }

    private void parsePorts(String s, String protoName) {
        int[] p = new int[MAX];
        boolean[] pf = new boolean[MAX];
        String[] items = s.split(",", -1);
        int i = 0, k = 0;
        for (; k < items.length && i < MAX; k++, i++) {
            String cp = items[k];
            int colon = cp.indexOf(':');
            if (colon >= 0 && i == MAX - 1) throw XtError.param("too many ports specified");
            p[i] = LibxtTcp.parsePort(colon >= 0 ? cp.substring(0, colon) : cp, protoName);
            if (colon >= 0) {
                pf[i] = true;
                p[++i] = LibxtTcp.parsePort(cp.substring(colon + 1), protoName);
                if (p[i - 1] >= p[i]) throw XtError.param("invalid portrange specified");
            }
        }
        if (k < items.length) throw XtError.param("too many ports specified");
        ports = java.util.Arrays.copyOf(p, i);
        pflags = java.util.Arrays.copyOf(pf, i);
    }

    XtMatch finalCheck(XtRuleCtx ctx) {
        if (xflags == 0) throw XtError.param("multiport expection an option");
        return new XtMultiport(flags, ports, pflags, invert);
    }

    void save(StringBuilder sb, XtMatch m) {
        XtMultiport x = (XtMultiport) m;
        if (x.invert) sb.append(" !");
        sb.append(x.flags == XtMultiport.SOURCE ? " --sports " : x.flags == XtMultiport.DESTINATION ? " --dports " : " --ports ");
        ports(sb, x, true, null);
    }

    void print(StringBuilder sb, XtMatch m, boolean numeric) { print(sb, null, m, numeric); }

    @Override
    void print(StringBuilder sb, dev.nsnet.kernel.netfilter.XtRule r, XtMatch m, boolean numeric) {
        XtMultiport x = (XtMultiport) m;
        sb.append(" multiport ");
        sb.append(x.flags == XtMultiport.SOURCE ? "sports " : x.flags == XtMultiport.DESTINATION ? "dports " : "ports ");
        if (x.invert) sb.append(" !");
        ports(sb, x, numeric, r == null ? null : protoName(r.proto));
    }

    private static void ports(StringBuilder sb, XtMultiport x, boolean numeric, String proto) {
        for (int i = 0; i < x.ports.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(port(x.ports[i], numeric, proto));
            if (x.pflags[i]) sb.append(':').append(port(x.ports[++i], numeric, proto));
        }
    }

    private static String port(int p, boolean numeric, String proto) {
        if (!numeric && proto != null) {
            String s = NetDb.service(p, proto);
            if (s != null) return s;
        }
        return Integer.toString(p);
    }
}
