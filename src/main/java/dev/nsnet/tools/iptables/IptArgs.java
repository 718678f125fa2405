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
    /** The rule the command compiled (for -v's echo), once it is built. */
    dev.nsnet.kernel.netfilter.XtRule built;
    private boolean haveJ;
    private boolean haveTable;
    /** Extensions whose options are in getopt's table, each name once, in load order (xtables_merge_options). */
    private final List<XtExt> loaded = new java.util.ArrayList<>();

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

    static IptArgs parse(List<String> args) { return parse(args, null); }

    /** Parses; extensions' warnings go to {@code err} as they are met. */
    static IptArgs parse(List<String> args, java.io.PrintStream err) {
        IptArgs a = new IptArgs(args);
        a.rule.err = err;
        a.run();
        return a;
    }

    private boolean hasArg() {
        return optind < argv.size() && !argv.get(optind).startsWith("-") && !argv.get(optind).startsWith("!");
    }

    String requireArg(String shown, String attached) {
        if (attached != null) return attached;
        if (optind < argv.size()) return argv.get(optind++);
        throw XtError.param("option \"" + shown + "\" requires an argument");
    }

    /** The next word when it does not start with "-" or "!", or null; not consumed. */
    String peekPlain() {
        if (optind >= argv.size() || argv.get(optind).startsWith("-") || argv.get(optind).startsWith("!")) return null;
        return argv.get(optind);
    }

    /** The next word, consumed, when it does not start with "-" or "!"; else null. */
    String nextPlain() {
        String s = peekPlain();
        if (s != null) optind++;
        return s;
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
                String g = exactGlobal(name);
                if (g != null) option(g.charAt(0), val != null ? s : "--" + name, val, invert);
                else longOption(name, s, val, invert);
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
            throw XtError.bare("Bad argument `" + s + "'");
        }
        if (invert) throw XtError.param("unknown arguments found on commandline");
        if (command == 0) throw XtError.param("no command specified");
    }

    private static String exactGlobal(String name) {
        for (String[] o : GLOBAL_LONG) if (o[0].equals(name)) return o[1];
        return null;
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
                // command_jump(): a target extension of that name merges its options.
                XtTargetExt t = XtRegistry.target(v);
                if (t != null) {
                    t.rule = rule;
                    rule.target = t;
                    loaded.add(t);
                }
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

    /** command_match(): loads the extension; a second -m of the same name completes the first. */
    private void loadMatch(String name) {
        XtMatchExt m = XtRegistry.match(name);
        if (m == null) throw XtError.param("Couldn't load match `" + name + "':No such file or directory\n");
        m.rule = rule;
        rule.matches.add(m);
        if (loadedByName(name) == null) loaded.add(m);
    }

    private XtExt loadedByName(String name) {
        for (XtExt e : loaded) if (e instanceof XtMatchExt && e.name().equals(name)) return e;
        return null;
    }

    /**
     * An extension option: getopt_long over the merged table (global options, then each loaded
     * extension's, exact names first, else a prefix that names one option only); an option no
     * extension knows loads the -p protocol's match once (command_default) and is looked up again.
     */
    private void longOption(String name, String shown, String val, boolean invert) {
        XtOpt o = resolve(name, shown, val, invert);
        if (globalHit != 0) {
            option(globalHit, val != null ? shown : "--" + name, val, invert);
            return;
        }
        if (o == null && !rule.protoUsed && rule.proto != 0 && (rule.invflags & dev.nsnet.kernel.netfilter.XtRule.INV_PROTO) == 0) {
            String pn = NetDb.protocol(rule.proto);
            XtMatchExt m = pn == null ? null : XtRegistry.match(pn);
            if (m != null) {
                m.rule = rule;
                rule.protoUsed = true;
                rule.matches.add(m);
                if (loadedByName(pn) == null) loaded.add(m);
                o = resolve(name, shown, val, invert);
                if (globalHit != 0) {
                    option(globalHit, val != null ? shown : "--" + name, val, invert);
                    return;
                }
            }
        }
        if (o == null) throw XtError.param("unknown option \"" + shown + "\"");
        owner.optionParse(o);
        owner.parse(o);
    }

    /** The extension instance that gets the option {@link #resolve} found. */
    private XtExt owner;
    /** The global option letter {@link #resolve} found by a unique prefix, or 0. */
    private char globalHit;

    private XtOpt resolve(String name, String shown, String val, boolean invert) {
        globalHit = 0;
        XtExt hitExt = null;
        String hitOpt = null;
        for (XtExt e : loaded) {
            for (String o : e.options()) {
                if (o.equals(name)) {
                    hitExt = e;
                    hitOpt = o;
                    break;
                }
            }
            if (hitExt != null) break;
        }
        if (hitExt == null) {
            // A prefix: ambiguous when it starts two different options (src/source are one: same letter).
            char g = 0;
            for (String[] o : GLOBAL_LONG) {
                if (o[0].startsWith(name)) {
                    if (g != 0 && g != o[1].charAt(0)) return null;
                    g = o[1].charAt(0);
                }
            }
            for (XtExt e : loaded) {
                for (String o : e.options()) {
                    if (o.startsWith(name)) {
                        if (hitExt != null || g != 0) return null;
                        hitExt = e;
                        hitOpt = o;
                    }
                }
            }
            if (hitExt == null) {
                globalHit = g;
                return null;
            }
        }
        owner = instanceOf(hitExt);
        return new XtOpt(hitOpt, shown, invert, this, val);
    }

    /** The latest loaded instance of that extension (an earlier -m of the same name is completed). */
    private XtExt instanceOf(XtExt e) {
        if (e == rule.target) return e;
        for (int i = rule.matches.size() - 1; i >= 0; i--) {
            if (rule.matches.get(i).name().equals(e.name())) return rule.matches.get(i);
        }
        return e;
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

    /** The standard verdict -j names, or null (a target extension, a chain, or no -j). */
    XtTarget standardVerdict() {
        if (rule.jumpTo == null) return null;
        return switch (rule.jumpTo) {
            case "ACCEPT" -> XtTarget.Verdict.ACCEPT;
            case "DROP" -> XtTarget.Verdict.DROP;
            case "RETURN" -> XtTarget.Verdict.RETURN;
            default -> null;
        };
    }
}
