package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.netfilter.nat.NfNatRange;
import dev.nsnet.kernel.netfilter.nat.XtMasquerade;
import dev.nsnet.kernel.netfilter.nat.XtNat;
import dev.nsnet.kernel.netfilter.nat.XtRedirect;
import dev.nsnet.kernel.wire.Inet4;

/**
 * extensions/libxt_NAT.c of iptables 1.8.9: the SNAT, DNAT, MASQUERADE and REDIRECT targets.
 * {@code --to-source}/{@code --to-destination} take {@code [addr[-addr]][:port[-port]]},
 * {@code --to-ports} {@code port[-port]}; ports need -p tcp, udp, sctp, dccp (or icmp, accepted too).
 * The kernel's checkentry refuses them outside the nat table and their hooks (RULE_APPEND failed).
 */
final class LibxtNat extends XtTargetExt {
    enum Kind { SNAT, DNAT, MASQUERADE, REDIRECT }

    private final Kind kind;
    private int flags, minAddr, maxAddr, minPort, maxPort;
    private boolean haveTo;

    LibxtNat(Kind kind) { this.kind = kind; }

    String name() { return kind.name(); }

    String[] options() {
        return switch (kind) {
            case SNAT -> new String[] {"to-source", "random", "random-fully", "persistent"};
            case DNAT -> new String[] {"to-destination", "random", "persistent"};
            case MASQUERADE -> new String[] {"to-ports", "random", "random-fully"};
            case REDIRECT -> new String[] {"to-ports", "random"};
        };
    }

    void parse(XtOpt o) {
        switch (o.name) {
            case "to-source", "to-destination", "to-ports" -> {
                if (o.invert) throw XtError.param(kind + ": option \"--" + o.name + "\" cannot be inverted.\n");
                if (haveTo) throw XtError.param(kind + ": option \"--" + o.name + "\" can only be used once.\n");
                haveTo = true;
                String a = o.arg();
                if (o.name.equals("to-ports")) {
                    portOk(o.ruleProto());
                    parsePorts(a, true);
                } else {
                    parseTo(a, o.ruleProto());
                }
            }
            case "random" -> flags |= NfNatRange.PROTO_RANDOM;
            case "random-fully" -> flags |= NfNatRange.PROTO_RANDOM_FULLY;
            default -> flags |= NfNatRange.PERSISTENT;
        }
    }

    private static void portOk(int proto) {
        if (proto != 6 && proto != 17 && proto != 132 && proto != 33 && proto != 1)
            throw XtError.param("Need TCP, UDP, SCTP or DCCP with port specification");
    }

    /** parse_to(): "[addr[-addr]][:port[-port]]"; more than one ':' reads as an (IPv6-like) address. */
    private void parseTo(String s, int proto) {
        int colon = s.indexOf(':');
        String addrs = s;
        if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
            addrs = s.substring(0, colon);
            portOk(proto);
            parsePorts(s.substring(colon + 1), false);
        } else if (colon >= 0) {
            throw XtError.param("Bad IP address \"" + s + "\"");
        }
        if (colon >= 0 && addrs.isEmpty()) return;
        int dash = addrs.indexOf('-');
        String lo = dash < 0 ? addrs : addrs.substring(0, dash), hi = dash < 0 ? addrs : addrs.substring(dash + 1);
        minAddr = addr(lo);
        maxAddr = addr(hi);
        flags |= NfNatRange.MAP_IPS;
    }

    private static int addr(String s) {
        Integer v = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") ? Inet4.parse(s) : null;
        if (v == null) throw XtError.param("Bad IP address \"" + s + "\"");
        return v;
    }

    private void parsePorts(String s, boolean toPorts) {
        if (toPorts && s.indexOf(':') >= 0) throw XtError.param("Invalid port:port syntax - use dash");
        int dash = s.indexOf('-');
        if (dash <= 0) {
            minPort = maxPort = port(s);
        } else {
            minPort = port(s.substring(0, dash));
            String h = s.substring(dash + 1);
            maxPort = port(h);
            if (maxPort < minPort) throw XtError.param("Port range `" + h + "' funky");
        }
        flags |= NfNatRange.PROTO_SPECIFIED;
    }

    private static int port(String s) {
        if (s.matches("[0-9]{1,5}")) {
            int p = Integer.parseInt(s);
            if (p <= 0xffff) return p;
        } else if (!s.isEmpty()) {
            int p = NetDb.port(s, "tcp");
            if (p >= 0) return p;
        }
        throw XtError.param("Port `" + s + "' not valid");
    }

    XtTarget finalCheck(XtRuleCtx ctx) {
        if (!haveTo && (kind == Kind.SNAT || kind == Kind.DNAT))
            throw XtError.param(kind + ": option \"--" + options()[0] + "\" must be specified\n");
        NfNatRange r = new NfNatRange(flags, minAddr, maxAddr, minPort, maxPort);
        return switch (kind) {
            case SNAT -> new XtNat(true, r);
            case DNAT -> new XtNat(false, r);
            case MASQUERADE -> new XtMasquerade(r);
            case REDIRECT -> new XtRedirect(r);
        };
    }

    @Override
    void checkEntry(XtRuleCtx ctx, XtTarget t) {
        boolean ok = ctx.table().equals("nat") && switch (kind) {
            case SNAT -> !ctx.chainIn("PREROUTING", "OUTPUT");
            case MASQUERADE -> !ctx.chainIn("PREROUTING", "INPUT", "OUTPUT");
            case DNAT, REDIRECT -> !ctx.chainIn("INPUT", "POSTROUTING");
        };
        if (!ok) throw ctx.invalid();
    }

    private static NfNatRange range(XtTarget t) {
        return switch (t) {
            case XtNat n -> n.range();
            case XtMasquerade m -> m.range();
            case XtRedirect r -> r.range();
            default -> throw new IllegalArgumentException(t.name());
        };
    }

    private static String ports(NfNatRange r) {
        return r.minProto() == r.maxProto() ? Integer.toString(r.minProto()) : r.minProto() + "-" + r.maxProto();
    }

    void save(StringBuilder sb, XtTarget t) {
        NfNatRange r = range(t);
        switch (kind) {
            case SNAT, DNAT -> sb.append(kind == Kind.SNAT ? " --to-source " : " --to-destination ").append(r.text());
            default -> {
                if (r.has(NfNatRange.PROTO_SPECIFIED)) sb.append(" --to-ports ").append(ports(r));
            }
        }
        if (r.has(NfNatRange.PROTO_RANDOM)) sb.append(" --random");
        if (r.has(NfNatRange.PROTO_RANDOM_FULLY)) sb.append(" --random-fully");
        if (r.has(NfNatRange.PERSISTENT)) sb.append(" --persistent");
    }

    void print(StringBuilder sb, XtTarget t, boolean numeric) {
        NfNatRange r = range(t);
        switch (kind) {
            case SNAT, DNAT -> sb.append(" to:").append(r.text());
            case MASQUERADE -> {
                if (r.has(NfNatRange.PROTO_SPECIFIED)) sb.append(" masq ports: ").append(ports(r));
            }
            case REDIRECT -> {
                if (r.has(NfNatRange.PROTO_SPECIFIED)) sb.append(" redir ports ").append(ports(r));
            }
        }
        if (r.has(NfNatRange.PROTO_RANDOM)) sb.append(" random");
        if (r.has(NfNatRange.PROTO_RANDOM_FULLY)) sb.append(" random-fully");
        if (r.has(NfNatRange.PERSISTENT)) sb.append(" persistent");
    }
}
