package dev.nsnet.tools.conntrack;

import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackProtoTcp;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;
import java.util.List;

/**
 * conntrack's command line (src/conntrack.c: getopt_long over its option table, then the
 * protocol's own options once -p named it, the command/option legality table): one command, its
 * filters, and the real tool's messages for mistakes.
 */
final class ConntrackArgs {
    /** A user mistake: the message after "conntrack v1.4.7 (conntrack-tools): ". */
    static final class Fail extends RuntimeException {
        final int status;
        final boolean hint;

        Fail(String msg, int status, boolean hint) {
            super(msg, null, false, false);
            this.status = status;
            this.hint = hint;
        }
    }

    static Fail param(String msg) { return new Fail(msg, 2, true); }

    char command;
    final ConntrackFilter filter = new ConntrackFilter();
    boolean extended;
    /** -e: bits 1<<NEW, 1<<UPDATE, 1<<DESTROY. */
    int eventMask = 7;
    /** Options given, by their name in conntrack's optflags[] order (for the legality check). */
    private final java.util.LinkedHashSet<String> given = new java.util.LinkedHashSet<>();

    private static final String[] OPT_ORDER = {"src", "dst", "reply-src", "reply-dst", "protonum", "timeout",
        "status", "zero", "event-mask", "tuple-src", "tuple-dst", "mask-src", "mask-dst", "nat-range", "mark",
        "id", "family", "src-nat", "dst-nat", "output", "secmark", "buffer-size", "any-nat", "zone", "orig-zone",
        "reply-zone", "label", "label-add", "label-del"};

    static String commandOption(char c) {
        return switch (c) {
            case 'I' -> "-I";
            case 'U' -> "-U";
            case 'S' -> "-S";
            default -> "-" + c;
        };
    }

    static ConntrackArgs parse(List<String> argv) {
        ConntrackArgs a = new ConntrackArgs();
        if (argv.isEmpty()) {
            a.command = 'h';
            return a;
        }
        String proto = null;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            String name;
            String attached = null;
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                name = eq > 0 ? w.substring(2, eq) : w.substring(2);
                if (eq > 0) attached = w.substring(eq + 1);
                name = longName(name, proto, w);
            } else if (w.startsWith("-") && w.length() == 2) {
                name = shortName(w.charAt(1), w);
            } else if (w.startsWith("-") && w.length() > 2) {
                // getopt: "-sADDR" attaches the argument to a short option that takes one
                name = shortName(w.charAt(1), w.substring(0, 2));
                attached = w.substring(2);
            } else {
                throw param("unknown type `" + w + "'");
            }
            switch (name) {
                case "dump", "get", "delete", "create", "update", "event", "flush", "count", "stats", "version", "help" -> {
                    char c = switch (name) {
                        case "dump" -> 'L';
                        case "get" -> 'G';
                        case "delete" -> 'D';
                        case "create" -> 'I';
                        case "update" -> 'U';
                        case "event" -> 'E';
                        case "flush" -> 'F';
                        case "count" -> 'C';
                        case "stats" -> 'S';
                        case "version" -> 'V';
                        default -> 'h';
                    };
                    if (a.command != 0) throw param("Invalid commands combination");
                    a.command = c;
                    if (c == 'h' || c == 'V') return a;
                    // An optional table name follows the command.
                    if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                        String t = argv.get(++i);
                        if (!t.equals("conntrack")) {
                            if (t.equals("expect") || t.equals("dying") || t.equals("unconfirmed")) {
                                throw new Fail("the " + t + " table is not supported by nsnet", 2, false);
                            }
                            throw param("unknown type `" + t + "'");
                        }
                    }
                }
                default -> {
                    String v = attached != null ? attached : (i + 1 < argv.size() ? argv.get(++i) : null);
                    if (v == null && !name.equals("zero")) throw param("option `" + w + "' requires an argument");
                    proto = a.option(name, v, w, proto);
                }
            }
        }
        if (a.command == 0) throw param("no command specified");
        a.checkLegal();
        if (a.command == 'G' && a.filter.proto < 0) {
            throw param("You need to supply the `--protonum' option for this command");
        }
        return a;
    }

    private String option(String name, String v, String shown, String proto) {
        switch (name) {
            case "src" -> filter.origSrc = ConntrackFilter.addr(v);
            case "dst" -> filter.origDst = ConntrackFilter.addr(v);
            case "reply-src" -> filter.replSrc = ConntrackFilter.addr(v);
            case "reply-dst" -> filter.replDst = ConntrackFilter.addr(v);
            case "protonum" -> {
                int p = ConntrackFilter.proto(v);
                if (p < 0) throw param("`" + v + "' unsupported protocol");
                filter.proto = p;
                given.add(name);
                return v;
            }
            case "family" -> {
                if (!v.equals("ipv4") && !v.equals("ipv6")) throw param("`" + v + "' unsupported protocol");
                filter.ipv6 = v.equals("ipv6");
            }
            case "status" -> filter.status = ConntrackFilter.status(v);
            case "mark" -> {
                long[] m = ConntrackFilter.mark(v);
                filter.mark = (int) m[0];
                filter.markMask = (int) m[1];
                filter.hasMark = true;
            }
            case "output" -> {
                for (String o : v.split(",", -1)) {
                    switch (o) {
                        case "extended" -> extended = true;
                        case "xml", "timestamp", "id", "ktimestamp", "labels", "userspace", "save" ->
                                throw new Fail("-o " + o + " is not supported by nsnet", 2, false);
                        default -> throw param("Bad parameter `" + v + "'");
                    }
                }
            }
            case "event-mask" -> {
                int m = 0;
                for (String e : v.split(",", -1)) {
                    switch (e) {
                        case "NEW" -> m |= 1;
                        case "UPDATE" -> m |= 2;
                        case "DESTROY" -> m |= 4;
                        case "ALL" -> m |= 7;
                        default -> throw param("Bad parameter `" + v + "'");
                    }
                }
                eventMask = m;
            }
            case "zone", "orig-zone", "reply-zone" -> filter.zone = (int) ConntrackFilter.number(v);
            case "zero", "buffer-size" -> { }
            case "timeout" -> ConntrackFilter.number(v);
            case "sport" -> filter.origSport = ConntrackFilter.port(v);
            case "dport" -> filter.origDport = ConntrackFilter.port(v);
            case "reply-port-src" -> filter.replSport = ConntrackFilter.port(v);
            case "reply-port-dst" -> filter.replDport = ConntrackFilter.port(v);
            case "state" -> {
                int s = -1;
                for (int k = 1; k < NfConntrackProtoTcp.NAMES.length; k++) if (NfConntrackProtoTcp.NAMES[k].equals(v)) s = k;
                if (s < 0) throw param("unknown TCP state `" + v + "'");
                filter.tcpState = s;
            }
            case "icmp-type" -> filter.icmpType = (int) ConntrackFilter.number(v);
            case "icmp-code" -> filter.icmpCode = (int) ConntrackFilter.number(v);
            case "icmp-id" -> filter.icmpId = (int) ConntrackFilter.number(v);
            default -> throw new Fail("option " + shown + " is not supported by nsnet", 2, false);
        }
        given.add(name);
        return proto;
    }

    /** commands_v_options: which options each command takes. */
    private void checkLegal() {
        String allowed = switch (command) {
            case 'L' -> "src dst reply-src reply-dst protonum status zero mark family src-nat dst-nat output any-nat zone orig-zone reply-zone label mask-src mask-dst";
            case 'D' -> "src dst reply-src reply-dst protonum timeout status mark family src-nat dst-nat any-nat zone orig-zone reply-zone label mask-src mask-dst";
            case 'G' -> "src dst reply-src reply-dst protonum mark family output zone orig-zone reply-zone";
            case 'E' -> "src dst reply-src reply-dst protonum status event-mask mark family src-nat dst-nat output buffer-size any-nat zone orig-zone reply-zone label mask-src mask-dst";
            case 'F', 'C' -> "family";
            case 'S' -> "";
            default -> String.join(" ", OPT_ORDER);
        };
        java.util.Set<String> ok = java.util.Set.of(allowed.split(" "));
        for (String o : OPT_ORDER) {
            if (given.contains(o) && !ok.contains(o)) throw param("Illegal option `--" + o + "' with this command");
        }
    }

    private static String shortName(char c, String shown) {
        return switch (c) {
            case 'L' -> "dump";
            case 'G' -> "get";
            case 'D' -> "delete";
            case 'I' -> "create";
            case 'U' -> "update";
            case 'E' -> "event";
            case 'F' -> "flush";
            case 'C' -> "count";
            case 'S' -> "stats";
            case 'V', 'v' -> "version";
            case 'h' -> "help";
            case 's' -> "src";
            case 'd' -> "dst";
            case 'r' -> "reply-src";
            case 'q' -> "reply-dst";
            case 'p' -> "protonum";
            case 'f' -> "family";
            case 't' -> "timeout";
            case 'u' -> "status";
            case 'e' -> "event-mask";
            case 'z' -> "zero";
            case 'm' -> "mark";
            case 'c' -> "secmark";
            case 'o' -> "output";
            case 'n' -> "src-nat";
            case 'g' -> "dst-nat";
            case 'j' -> "any-nat";
            case 'w' -> "zone";
            case 'b' -> "buffer-size";
            case 'l' -> "label";
            case 'i' -> "id";
            default -> throw param("unknown option `" + shown + "'");
        };
    }

    private static final String[] LONG = {"dump", "get", "delete", "create", "update", "event", "flush", "count",
        "stats", "version", "help", "src", "dst", "orig-src", "orig-dst", "reply-src", "reply-dst", "protonum",
        "family", "timeout", "status", "event-mask", "zero", "mark", "secmark", "output", "src-nat", "dst-nat",
        "any-nat", "zone", "orig-zone", "reply-zone", "buffer-size", "label", "label-add", "label-del", "mask-src",
        "mask-dst", "tuple-src", "tuple-dst", "id"};
    private static final String[] TCP_UDP = {"sport", "dport", "orig-port-src", "orig-port-dst", "reply-port-src",
        "reply-port-dst", "mask-port-src", "mask-port-dst"};
    private static final String[] ICMP = {"icmp-type", "icmp-code", "icmp-id"};

    /** getopt_long: exact names first, then a unique prefix; protocol options only after -p. */
    private static String longName(String n, String proto, String shown) {
        java.util.List<String> all = new java.util.ArrayList<>(List.of(LONG));
        if (proto != null) {
            switch (proto) {
                case "tcp" -> {
                    all.addAll(List.of(TCP_UDP));
                    all.add("state");
                }
                case "udp", "udplite", "sctp", "dccp" -> all.addAll(List.of(TCP_UDP));
                case "icmp" -> all.addAll(List.of(ICMP));
                default -> { }
            }
        }
        if (all.contains(n)) return canonical(n);
        String hit = null;
        for (String c : all) {
            if (c.startsWith(n)) {
                if (hit != null) throw param("option `" + shown + "' is ambiguous");
                hit = c;
            }
        }
        if (hit == null) throw param("unknown option `" + shown + "'");
        return canonical(hit);
    }

    private static String canonical(String n) {
        return switch (n) {
            case "orig-src" -> "src";
            case "orig-dst" -> "dst";
            case "orig-port-src" -> "sport";
            case "orig-port-dst" -> "dport";
            default -> n;
        };
    }

    /** The tuple -G looks up: the original direction given by the filter options. */
    static NfConntrackTuple tupleOf(ConntrackFilter f) {
        int a = f.proto == 1 ? (f.icmpId < 0 ? 0 : f.icmpId) : Math.max(f.origSport, 0);
        int b = f.proto == 1 ? (Math.max(f.icmpType, 0) << 8 | Math.max(f.icmpCode, 0)) : Math.max(f.origDport, 0);
        return new NfConntrackTuple(f.origSrc == null ? 0 : f.origSrc, f.origDst == null ? 0 : f.origDst, f.proto, a, b);
    }

    static final String HELP = """
            Command line interface for the connection tracking system. Version 1.4.7
            Usage: conntrack [commands] [options]

            Commands:
              -L [table] [options]\t\tList conntrack or expectation table
              -G [table] parameters\t\tGet conntrack or expectation
              -D [table] parameters\t\tDelete conntrack or expectation
              -I [table] parameters\t\tCreate a conntrack or expectation
              -U [table] parameters\t\tUpdate a conntrack
              -E [table] [options]\t\tShow events
              -F [table]\t\t\tFlush table
              -C [table]\t\t\tShow counter
              -S\t\t\t\tShow statistics

            Tables: conntrack, expect, dying, unconfirmed

            Conntrack parameters and options:
              -n, --src-nat ip\t\t\tsource NAT ip
              -g, --dst-nat ip\t\t\tdestination NAT ip
              -j, --any-nat ip\t\t\tsource or destination NAT ip
              -m, --mark mark\t\t\tSet mark
              -c, --secmark secmark\t\t\tSet selinux secmark
              -e, --event-mask eventmask\t\tEvent mask, eg. NEW,DESTROY
              -z, --zero \t\t\t\tZero counters while listing
              -o, --output type[,...]\t\tOutput format, eg. xml
              -l, --label label[,...]\t\tconntrack labels

            Expectation parameters and options:
              --tuple-src ip\tSource address in expect tuple
              --tuple-dst ip\tDestination address in expect tuple

            Updating parameters and options:
              --label-add label\tAdd label
              --label-del label\tDelete label

            Common parameters and options:
              -s, --src, --orig-src ip\t\tSource address from original direction
              -d, --dst, --orig-dst ip\t\tDestination address from original direction
              -r, --reply-src ip\t\tSource addres from reply direction
              -q, --reply-dst ip\t\tDestination address from reply direction
              -p, --protonum proto\t\tLayer 4 Protocol, eg. 'tcp'
              -f, --family proto\t\tLayer 3 Protocol, eg. 'ipv6'
              -t, --timeout timeout\t\tSet timeout
              -u, --status status\t\tSet status, eg. ASSURED
              -w, --zone value\t\tSet conntrack zone
              --orig-zone value\t\tSet zone for original direction
              --reply-zone value\t\tSet zone for reply direction
              -b, --buffer-size\t\tNetlink socket buffer size
              --mask-src ip\t\t\tSource mask address
              --mask-dst ip\t\t\tDestination mask address

            """;
}
