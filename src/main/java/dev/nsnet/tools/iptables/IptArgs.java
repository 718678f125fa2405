package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.XtTarget;
import java.util.List;

/**
 * iptables' command line (xshared.c do_parse with getopt_long, opterr off): the command and its
 * chain/number arguments, the global flags, and the rule options handed to a {@link RuleParser}.
 * Long options may be abbreviated to any unique prefix; short options may be clustered; a lone
 * "!" inverts the next option.
 */
final class IptArgs {
    char command;
    /** -Z given together with -L. */
    boolean zeroToo;
    String chain, arg2;
    int rulenum;
    String table = "filter";
    boolean numeric, verbose, exact, lineNumbers;
    /** Which rule options were given (for generic_opt_check): n s d p j v x i o 0(line) c f. */
    final java.util.Set<Character> opts = new java.util.HashSet<>();
    final RuleParser rule = new RuleParser();
    private boolean haveJ;
    private boolean haveTable;
    private Object lastLoadedTarget;

    private final List<String> argv;
    private int optind;

    private IptArgs(List<String> argv) {
        this.argv = argv;
    }

    private static final String[][] GLOBAL_LONG = {
        {"append", "A"}, {"delete", "D"}, {"check", "C"}, {"insert", "I"}, {"replace", "R"}, {"list", "L"},
        {"list-rules", "S"}, {"flush", "F"}, {"zero", "Z"}, {"new-chain", "N"}, {"delete-chain", "X"},
        {"rename-chain", "E"}, {"policy", "P"}, {"source", "s"}, {"src", "s"}, {"destination", "d"},
        {"dst", "d"}, {"protocol", "p"}, {"in-interface", "i"}, {"out-interface", "o"}, {"jump", "j"},
        {"goto", "g"}, {"table", "t"}, {"match", "m"}, {"numeric", "n"}, {"verbose", "v"}, {"exact", "x"},
        {"line-numbers", "0"}, {"help", "h"}, {"version", "V"}, {"fragment", "f"}, {"set-counters", "c"},
    };

    static IptArgs parse(List<String> args) {
        IptArgs a = new IptArgs(args);
        a.run();
        return a;
    }

    private boolean hasArg() {
        return optind < argv.size() && !argv.get(optind).startsWith("-") && !argv.get(optind).startsWith("!");
    }

    private String requireArg(String shown, String attached) {
        if (attached != null) return attached;
        if (optind < argv.size()) return argv.get(optind++);
        throw XtError.param("option \"" + shown + "\" requires an argument");
    }

    private void run() {
        boolean invert = false;
        while (optind < argv.size()) {
            String s = argv.get(optind++);
            if (s.equals("!")) {
                if (invert) throw XtError.param("multiple consecutive ! not allowed");
                invert = true;
                continue;
            }
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2), val = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    val = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String g = longGlobal(name);
                if (g != null) option(g.charAt(0), val != null ? s : "--" + name, val, invert);
                else extOption(name, s, val, invert);
                invert = false;
                continue;
            }
            if (s.startsWith("-") && s.length() > 1) {
                for (int i = 1; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if ("ADCIRNEPsdpiojgtmc".indexOf(c) >= 0) {
                        String attached = i + 1 < s.length() ? s.substring(i + 1) : null;
                        option(c, "-" + c, attached, invert);
                        break;
                    }
                    if ("LSFZX".indexOf(c) >= 0) {
                        String attached = i + 1 < s.length() ? s.substring(i + 1) : null;
                        option(c, "-" + c, attached == null ? "" : attached, invert);
                        break;
                    }
                    if ("nvxhVf46".indexOf(c) >= 0) {
                        option(c, "-" + c, null, invert);
                        continue;
                    }
                    throw XtError.param("unknown option \"" + s + "\"");
                }
                invert = false;
                continue;
            }
            throw XtError.param("Bad argument `" + s + "'");
        }
        if (invert) throw XtError.param("unknown arguments found on commandline");
        if (command == 0) throw XtError.param("no command specified");
    }

    private static String longGlobal(String name) {
        for (String[] o : GLOBAL_LONG) if (o[0].equals(name)) return o[1];
        String hit = null;
        for (String[] o : GLOBAL_LONG) {
            if (o[0].startsWith(name)) {
                if (hit != null && !hit.equals(o[1])) return null;
                hit = o[1];
            }
        }
        return hit;
    }

    private void setCommand(char c) {
        if (command != 0) {
            if ((command == 'L' && c == 'Z') || (command == 'Z' && c == 'L')) {
                command = 'L';
                zeroToo = true;
                return;
            }
            throw XtError.param("Cannot use -" + c + " with -" + command);
        }
        command = c;
    }

    private void option(char c, String shown, String val, boolean invert) {
        if (invert && "sdpio".indexOf(c) < 0 && c != 'f') throw XtError.param("cannot have ! before -" + c);
        switch (c) {
            case 'A', 'C', 'N' -> {
                String v = requireArg(shown, val);
                setCommand(c);
                chain = v;
            }
            case 'D', 'I' -> {
                String v = requireArg(shown, val);
                setCommand(c);
                chain = v;
                if (hasArg()) rulenum = ruleNumber(argv.get(optind++));
            }
            case 'R' -> {
                String v = requireArg(shown, val);
                setCommand(c);
                chain = v;
                if (hasArg()) rulenum = ruleNumber(argv.get(optind++));
                else throw XtError.param("-R requires a rule number");
            }
            case 'L', 'S', 'Z', 'F', 'X' -> {
                setCommand(c);
                if (val != null && !val.isEmpty()) chain = val;
                else if (hasArg()) chain = argv.get(optind++);
                if ((c == 'L' || c == 'S' || c == 'Z') && hasArg()) rulenum = ruleNumber(argv.get(optind++));
            }
            case 'E' -> {
                String v = requireArg(shown, val);
                setCommand(c);
                chain = v;
                if (hasArg()) arg2 = argv.get(optind++);
                else throw XtError.param("-E requires old-chain-name and new-chain-name");
            }
            case 'P' -> {
                String v = requireArg(shown, val);
                setCommand(c);
                chain = v;
                if (hasArg()) arg2 = argv.get(optind++);
                else throw XtError.param("-P requires a chain and a policy");
            }
            case 's', 'd' -> {
                // iptables reads the address from argv[optind - 1]: "-s10.0.0.1" is taken whole.
                String v = val != null ? (shown.startsWith("--") ? shown : "-" + c + val) : requireArg(shown, null);
                boolean src = c == 's';
                if (src ? rule.haveS : rule.haveD) throw XtError.param("multiple -" + c + " flags not allowed");
                int[] am = RuleParser.parseAddr(v);
                if (src) {
                    rule.haveS = true;
                    rule.src = am[0];
                    rule.smsk = am[1];
                    if (invert) rule.invflags |= dev.nsnet.kernel.netfilter.XtRule.INV_SRCIP;
                } else {
                    rule.haveD = true;
                    rule.dst = am[0];
                    rule.dmsk = am[1];
                    if (invert) rule.invflags |= dev.nsnet.kernel.netfilter.XtRule.INV_DSTIP;
                }
                opts.add(c);
            }
            case 'p' -> {
                String v = requireArg(shown, val);
                if (rule.haveP) throw XtError.param("multiple -p flags not allowed");
                rule.haveP = true;
                rule.proto = RuleParser.parseProto(v);
                if (invert) {
                    if (rule.proto == 0) throw XtError.param("rule would never match protocol");
                    rule.invflags |= dev.nsnet.kernel.netfilter.XtRule.INV_PROTO;
                }
                opts.add('p');
            }
            case 'i', 'o' -> {
                String v = requireArg(shown, val);
                boolean in = c == 'i';
                if (in ? rule.haveI : rule.haveO) throw XtError.param("multiple -" + c + " flags not allowed");
                if (v.length() >= 16) throw XtError.param("interface name `" + v + "' must be shorter than IFNAMSIZ (15)");
                boolean wild = v.endsWith("+");
                String name = wild ? v.substring(0, v.length() - 1) : v;
                if (in) {
                    rule.haveI = true;
                    if (!v.equals("+")) {
                        rule.iniface = name;
                        rule.inWild = wild;
                    }
                    if (invert) rule.invflags |= dev.nsnet.kernel.netfilter.XtRule.INV_VIA_IN;
                } else {
                    rule.haveO = true;
                    if (!v.equals("+")) {
                        rule.outiface = name;
                        rule.outWild = wild;
                    }
                    if (invert) rule.invflags |= dev.nsnet.kernel.netfilter.XtRule.INV_VIA_OUT;
                }
                opts.add(c);
            }
            case 'j', 'g' -> {
                String v = requireArg(shown, val);
                if (haveJ) throw XtError.param("multiple -j flags not allowed");
                haveJ = true;
                rule.jumpTo = v;
                rule.isGoto = c == 'g';
                opts.add('j');
                lastLoadedTarget = v;
            }
            case 'm' -> {
                String v = requireArg(shown, val);
                loadMatch(v);
            }
            case 't' -> {
                String v = requireArg(shown, val);
                if (haveTable) throw XtError.param("multiple -t flags not allowed");
                haveTable = true;
                table = v;
            }
            case 'n' -> {
                numeric = true;
                opts.add('n');
            }
            case 'v' -> {
                verbose = true;
                opts.add('v');
            }
            case 'x' -> {
                exact = true;
                opts.add('x');
            }
            case '0' -> {
                lineNumbers = true;
                opts.add('0');
            }
            case '4' -> { }
            case '6' -> throw XtError.param("This is the IPv4 version of iptables.");
            case 'h' -> throw new Exit(help());
            case 'V' -> throw new Exit(Iptables.PROG + "\n");
            case 'f', 'c' -> throw XtError.param("option \"" + shown + "\" is not supported by nsnet");
            default -> throw XtError.param("unknown option \"" + shown + "\"");
        }
    }

    private void loadMatch(String name) {
        switch (name) {
            case "tcp" -> rule.matches.add(new RuleParser.PortState(6));
            case "udp" -> rule.matches.add(new RuleParser.PortState(17));
            case "icmp" -> rule.matches.add(new RuleParser.IcmpState());
            case "comment" -> rule.matches.add(new RuleParser.CommentState());
            default -> throw XtError.param("Couldn't load match `" + name + "':No such file or directory\n");
        }
    }

    /** An extension option: of a loaded match (latest first), the protocol's implicit match, or the target. */
    private void extOption(String name, String shown, String val, boolean invert) {
        for (int i = rule.matches.size() - 1; i >= 0; i--) {
            if (matchOption(rule.matches.get(i), name, shown, val, invert)) return;
        }
        if (targetOption(name, shown, val, invert)) return;
        // command_default(): an unknown option loads the match named after -p (tcp, udp, icmp).
        String pn = RuleParser.protoName(rule.proto);
        if (pn != null && (rule.invflags & dev.nsnet.kernel.netfilter.XtRule.INV_PROTO) == 0) {
            Object m = pn.equals("icmp") ? new RuleParser.IcmpState() : new RuleParser.PortState(rule.proto);
            if (matchOption(m, name, shown, val, invert)) {
                rule.matches.add(m);
                return;
            }
        }
        throw XtError.param("unknown option \"" + shown + "\"");
    }

    private boolean matchOption(Object m, String name, String shown, String val, boolean invert) {
        switch (m) {
            case RuleParser.PortState p -> {
                String proto = p.proto == 6 ? "tcp" : "udp";
                String opt = p.proto == 6
                        ? longExt(name, "source-port", "sport", "destination-port", "dport", "tcp-flags", "syn")
                        : longExt(name, "source-port", "sport", "destination-port", "dport");
                if (opt == null) return false;
                if (opt.equals("tcp-flags") || opt.equals("syn")) {
                    if (p.haveFlags) throw XtError.param("Only one of `--syn' or `--tcp-flags'  allowed");
                    p.haveFlags = true;
                    p.invFlags = invert;
                    if (opt.equals("syn")) {
                        p.flgMask = 0x17;
                        p.flgCmp = 0x02;
                        return true;
                    }
                    String mask = requireArg(shown, val);
                    if (optind >= argv.size() || argv.get(optind).startsWith("-") || argv.get(optind).startsWith("!"))
                        throw XtError.param("--tcp-flags requires two args.");
                    p.flgMask = RuleParser.parseTcpFlags(mask);
                    p.flgCmp = RuleParser.parseTcpFlags(argv.get(optind++));
                    return true;
                }
                String v = requireArg(shown, val);
                int[] r = RuleParser.parsePorts(v, proto);
                if (opt.equals("source-port") || opt.equals("sport")) {
                    if (p.haveS) throw XtError.param("multiple --sport flags not allowed");
                    p.haveS = true;
                    p.spMin = r[0];
                    p.spMax = r[1];
                    p.invS = invert;
                } else {
                    if (p.haveD) throw XtError.param("multiple --dport flags not allowed");
                    p.haveD = true;
                    p.dpMin = r[0];
                    p.dpMax = r[1];
                    p.invD = invert;
                }
                return true;
            }
            case RuleParser.IcmpState ic -> {
                if (longExt(name, "icmp-type") == null) return false;
                String v = requireArg(shown, val);
                RuleParser.parseIcmpType(v, ic);
                ic.inv = invert;
                return true;
            }
            case RuleParser.CommentState c -> {
                if (longExt(name, "comment") == null) return false;
                String v = requireArg(shown, val);
                if (c.text != null) throw XtError.param("multiple --comment flags not allowed");
                if (invert) throw XtError.param("cannot have ! before --comment");
                if (v.length() > 255) throw XtError.param("comment: option \"--comment\" must be at most 255 characters");
                c.text = v;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean targetOption(String name, String shown, String val, boolean invert) {
        if ("REJECT".equals(lastLoadedTarget)) {
            if (longExt(name, "reject-with") == null) return false;
            rule.rejectWith = RuleParser.parseRejectWith(requireArg(shown, val));
            return true;
        }
        if ("LOG".equals(lastLoadedTarget)) {
            String o = longExt(name, "log-level", "log-prefix", "log-tcp-sequence", "log-tcp-options", "log-ip-options",
                    "log-uid", "log-macdecode");
            if (o == null) return false;
            switch (o) {
                case "log-level" -> rule.logLevel = RuleParser.parseLogLevel(requireArg(shown, val));
                case "log-prefix" -> {
                    String p = requireArg(shown, val);
                    if (p.length() > 29) throw XtError.param("Maximum prefix length 29 for --log-prefix");
                    rule.logPrefix = p;
                }
                case "log-tcp-sequence" -> rule.logFlags |= 1;
                case "log-tcp-options" -> rule.logFlags |= 2;
                case "log-ip-options" -> rule.logFlags |= 4;
                case "log-uid" -> rule.logFlags |= 8;
                default -> rule.logFlags |= 16;
            }
            return true;
        }
        return false;
    }

    /** getopt_long over an extension's options: the exact name, else a unique prefix. */
    private static String longExt(String name, String... options) {
        for (String o : options) if (o.equals(name)) return o;
        String hit = null;
        for (String o : options) {
            if (o.startsWith(name)) {
                if (hit != null) return null;
                hit = o;
            }
        }
        return hit;
    }

    /** -h / -V: print and exit 0 at once, as iptables does when it meets them. */
    static final class Exit extends RuntimeException {
        final String text;

        Exit(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private static String help() {
        try (var in = IptArgs.class.getResourceAsStream("help.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource help.txt", e);
        }
    }

    static int ruleNumber(String s) {
        if (s.matches("[0-9]{1,10}")) {
            long n = Long.parseLong(s);
            if (n >= 1 && n <= Integer.MAX_VALUE) return (int) n;
        }
        throw XtError.param("Invalid rule number `" + s + "'");
    }

    /** The REJECT / LOG / standard target this rule names, or null for a chain (or no target). */
    XtTarget standardTarget() {
        if (rule.jumpTo == null) return null;
        return switch (rule.jumpTo) {
            case "ACCEPT" -> XtTarget.Verdict.ACCEPT;
            case "DROP" -> XtTarget.Verdict.DROP;
            case "RETURN" -> XtTarget.Verdict.RETURN;
            case "REJECT" -> new XtTarget.Reject(rule.rejectWith == null ? XtTarget.RejectWith.ICMP_PORT_UNREACHABLE : rule.rejectWith);
            case "LOG" -> new XtTarget.Log(rule.logLevel, rule.logPrefix, rule.logFlags);
            default -> null;
        };
    }
}
