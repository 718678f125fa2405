package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.netfilter.NetfilterNet;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.XtChain;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtRule;
import dev.nsnet.kernel.netfilter.XtTable;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code iptables} as Debian 12's default {@code iptables v1.8.9 (nf_tables)}: the commands
 * -A -I -D -R -C -L -S -F -Z -N -X -E -P on the raw/mangle/filter/nat tables of the process's
 * network namespace. As with nf_tables, a table comes into existence on its first write; until
 * then listings show its built-in chains empty and iptables-save does not show it.
 */
public final class Iptables implements Tool {
    static final String PROG = "iptables v1.8.9 (nf_tables)";

    @Override
    public String name() { return "iptables"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        PrintStream out = ctx.out();
        try {
            IptArgs a = IptArgs.parse(args, ctx.err());
            return execute(live(ctx.netns()), a, out);
        } catch (IptArgs.Exit e) {
            out.print(e.text);
            return 0;
        } catch (XtError e) {
            PrintStream err = ctx.err();
            if (e.versioned) err.println(PROG + ": " + e.getMessage());
            else if (e.tryHelp) err.println(e.getMessage());
            else err.println("iptables: " + e.getMessage());
            if (e.tryHelp) err.println("Try `iptables -h' or 'iptables --help' for more information.");
            return e.status;
        }
    }

    /** commands_v_options of xshared.c: per command, the options that are illegal with it. */
    private static String illegal(char cmd, boolean deleteNum) {
        return switch (cmd) {
            case 'I', 'R', 'A' -> "nx0";
            case 'D' -> deleteNum ? "nsdpjxio0f" : "nx0";
            case 'C' -> "nx0";
            case 'L' -> "sdpjiof";
            default -> cmd == 'P' ? "nsdpjxio0f" : "nsdpjxio0f";
        };
    }

    private static final String OPT_ORDER = "nsdpjvxio0";

    private static void optCheck(IptArgs a) {
        String bad = illegal(a.command, a.command == 'D' && a.rulenum > 0);
        for (char c : OPT_ORDER.toCharArray()) {
            if (a.opts.contains(c) && bad.indexOf(c) >= 0) {
                String o = c == '0' ? "--line-numbers" : "-" + c;
                throw XtError.param("Illegal option `" + o + "' with this command");
            }
        }
    }

    /**
     * Where a command finds its tables: the namespace's live tables, or the tables an
     * iptables-restore transaction is building off to the side.
     */
    interface Tables {
        /** The table, or null while it does not exist. */
        XtTable table(XtTable.Kind kind);

        /** The table, created if it does not exist yet. */
        XtTable ensure(XtTable.Kind kind);
    }

    static Tables live(NetNamespace ns) {
        return new Tables() {
            @Override
            public XtTable table(XtTable.Kind kind) { return NetfilterNet.table(ns, kind); }

            @Override
            public XtTable ensure(XtTable.Kind kind) { return NetfilterNet.ensureTable(ns, kind); }
        };
    }

    static int execute(Tables ns, IptArgs a, PrintStream out) {
        optCheck(a);
        char cmd = a.command;
        boolean ruleCmd = cmd == 'A' || cmd == 'I' || cmd == 'D' && a.rulenum == 0 || cmd == 'R' || cmd == 'C';
        if (ruleCmd) {
            if (a.chain.equals("PREROUTING") || a.chain.equals("INPUT")) {
                if (a.rule.haveO) throw XtError.param("Can't use -o with " + a.chain + "\n");
            }
            if (a.chain.equals("POSTROUTING") || a.chain.equals("OUTPUT")) {
                if (a.rule.haveI) throw XtError.param("Can't use -i with " + a.chain + "\n");
            }
        }
        if (a.chain != null && a.chain.length() >= 29)
            throw XtError.param("chain name `" + a.chain + "' too long (must be under 29 chars)");
        XtTable.Kind kind = XtTable.Kind.of(a.table);
        if (kind == null) {
            throw XtError.versioned("table '" + a.table + "' does not exist\nPerhaps iptables or your kernel needs to be upgraded.", 3);
        }
        XtTable t = ns.table(kind);
        int fmt = (a.numeric ? IptFormat.FMT_NUMERIC : 0) | (a.verbose ? IptFormat.FMT_VERBOSE : 0)
                | (a.exact ? IptFormat.FMT_EXACT : 0) | (a.lineNumbers ? IptFormat.FMT_LINENUMBERS : 0);
        switch (cmd) {
            case 'L' -> {
                list(kind, t, a, fmt, out);
                if (a.zeroToo && t != null) zero(t, a.chain, a.verbose ? out : null, true);
                return 0;
            }
            case 'S' -> {
                listRules(kind, t, a, out);
                return 0;
            }
            case 'F' -> {
                if (t == null) {
                    if (a.chain == null) return 0;
                    if (!isBuiltin(kind, a.chain)) throw XtError.plain(XtError.NO_CHAIN);
                    t = ns.ensure(kind); // -F CHAIN creates the table and that chain
                }
                if (a.chain == null) {
                    for (XtChain c : t.chains()) t.flush(c);
                } else {
                    XtChain c = existing(t, a.chain);
                    t.flush(c);
                    if (c.builtin()) t.createBuiltin(c);
                }
                return 0;
            }
            case 'Z' -> {
                if (t == null) {
                    if (a.chain != null) throw XtError.plain(XtError.NO_CHAIN); // built-in ones too: not created yet
                    return 0;
                }
                if (a.chain != null && !existing(t, a.chain).created()) throw XtError.plain(XtError.NO_CHAIN);
                zero(t, a.chain, a.verbose ? out : null, false);
                return 0;
            }
            case 'N' -> {
                validChainName(a.chain);
                t = ns.ensure(kind);
                if (t.chain(a.chain) != null) throw XtError.plain("Chain already exists.");
                t.newChain(a.chain);
                return 0;
            }
            case 'X' -> {
                if (t == null) {
                    if (a.chain != null) throw XtError.plain(XtError.NO_CHAIN);
                    return 0;
                }
                if (a.chain == null) {
                    // one nf_tables batch deleting every user chain in handle order: the first
                    // chain that still has rules or is jumped to fails it (EBUSY) and names itself
                    for (XtChain c : t.userChainsByHandle()) {
                        if (t.references(c) > 0 || c.size() > 0) throw busy(c);
                    }
                    for (XtChain c : new ArrayList<>(t.userChains())) t.deleteChain(c);
                    // iptables-nft also deletes the built-in chains that are empty with policy ACCEPT
                    for (XtChain c : t.chains()) {
                        if (c.builtin() && c.created() && c.size() == 0 && c.policy() == NfHook.NF_ACCEPT) t.deleteBuiltin(c);
                    }
                    return 0;
                }
                XtChain c = t.chain(a.chain);
                if (c != null && c.builtin()) { // measured on iptables 1.8.9 (nf_tables)
                    if (!c.created()) throw XtError.plain(XtError.NO_CHAIN);
                    if (c.policy() != NfHook.NF_ACCEPT) throw XtError.plain("Directory not empty.");
                    if (c.size() > 0) throw busy(c);
                    t.deleteBuiltin(c);
                    return 0;
                }
                if (c == null) throw XtError.plain(XtError.NO_CHAIN);
                if (t.references(c) > 0 || c.size() > 0) throw busy(c);
                t.deleteChain(c);
                return 0;
            }
            case 'E' -> {
                if (t == null) throw XtError.plain(XtError.NO_CHAIN);
                XtChain c = t.chain(a.chain);
                if (c == null) throw XtError.plain(XtError.NO_CHAIN);
                validChainName(a.arg2);
                if (t.chain(a.arg2) != null) throw XtError.plain("File exists.");
                t.renameChain(c, a.arg2);
                for (XtChain x : t.chains()) for (XtRule r : x.rules()) r.text = IptFormat.saveRule(r, false).trim();
                return 0;
            }
            case 'P' -> {
                if (!isBuiltin(kind, a.chain)) throw XtError.plain("Bad built-in chain name.");
                int v;
                if (a.arg2.equals("ACCEPT")) v = NfHook.NF_ACCEPT;
                else if (a.arg2.equals("DROP")) v = NfHook.NF_DROP;
                else throw XtError.plain("Bad policy name. Run `dmesg' for more information.");
                t = ns.ensure(kind);
                t.setPolicy(t.chain(a.chain), v);
                return 0;
            }
            default -> {
                int st = ruleCommand(ns, kind, t, a);
                // -v echoes the rule of a command that succeeded (print_rule, FMT_PRINT_RULE)
                if (a.verbose && a.built != null) out.print(IptFormat.printRule(a.built));
                return st;
            }
        }
    }

    private static XtError busy(XtChain c) {
        return XtError.versioned(" CHAIN_DEL failed (Device or resource busy): chain " + c.name(), 4);
    }

    private static boolean isBuiltin(XtTable.Kind kind, String name) {
        for (int h : kind.hooks) if (NfHook.chainName(h).equals(name)) return true;
        return false;
    }

    private static XtChain existing(XtTable t, String name) {
        XtChain c = t.chain(name);
        if (c == null) throw XtError.plain(XtError.NO_CHAIN);
        return c;
    }

    /** -Z; with -v each chain is announced ("Zeroing chain `INPUT'"). */
    private static void zero(XtTable t, String chain, PrintStream verbose, boolean listed) {
        // Without a name -Z takes only the chains that exist (built-in chains are created lazily);
        // -L -Z zeroes every chain it listed (measured on iptables 1.8.9).
        List<XtChain> cs = chain != null ? List.of(existing(t, chain))
                : listed ? t.chains() : t.chains().stream().filter(XtChain::created).toList();
        for (XtChain c : cs) {
            if (verbose != null) verbose.println("Zeroing chain `" + c.name() + "'");
            t.zero(c);
        }
    }

    /** assert_valid_chain_name() and the clash with target names. */
    static void validChainName(String name) {
        if (name.length() >= 29) throw XtError.param("chain name `" + name + "' too long (must be under 29 chars)");
        if (name.startsWith("-") || name.startsWith("!"))
            throw XtError.param("chain name not allowed to start with `" + name.charAt(0) + "'");
        if (Set.of("ACCEPT", "DROP", "RETURN", "QUEUE", "REJECT", "LOG", "MASQUERADE", "SNAT", "DNAT", "REDIRECT", "MARK",
                "CONNMARK", "CT", "NOTRACK", "TRACE").contains(name))
            throw XtError.param("chain name may not clash with target name");
        for (char c : name.toCharArray()) if (Character.isWhitespace(c)) throw XtError.param("Invalid chain name `" + name + "'");
    }

    private static int ruleCommand(Tables ns, XtTable.Kind kind, XtTable t, IptArgs a) {
        char cmd = a.command;
        if (cmd == 'D' && a.rulenum > 0) {
            if (t == null) throw XtError.plain(XtError.NO_CHAIN);
            XtChain c = existing(t, a.chain);
            if (!c.created()) throw XtError.plain(XtError.NO_CHAIN);
            if (a.rulenum > c.size()) throw XtError.plain("Index of deletion too big.");
            t.delete(c, a.rulenum - 1);
            return 0;
        }
        XtRule r = build(t, a);
        a.built = r;
        if (cmd == 'D' || cmd == 'C') {
            if (t == null) throw XtError.plain(XtError.BAD_RULE);
            XtChain c = t.chain(a.chain);
            if (c == null) throw XtError.plain(XtError.BAD_RULE);
            List<XtRule> rules = c.rules();
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).sameAs(r)) {
                    if (cmd == 'D') t.delete(c, i);
                    return 0;
                }
            }
            throw XtError.plain(XtError.BAD_RULE);
        }
        // The kernel's checks fail the whole transaction: nothing is created.
        checkEntries(t, kind, a, r);
        // A table that does not exist yet is created by the transaction that adds its first rule
        // (and only if that transaction succeeds).
        XtTable target = t;
        if (target == null) {
            if (cmd == 'R' || !isBuiltin(kind, a.chain)) throw XtError.plain(XtError.NO_CHAIN);
            if (cmd == 'I' && a.rulenum > 1) throw XtError.plain("Index of insertion too big.");
            target = ns.ensure(kind);
        }
        XtChain c = target.chain(a.chain);
        if (c == null) {
            if (cmd == 'I' && a.rulenum > 1) throw XtError.plain("Index of insertion too big.");
            throw XtError.plain(XtError.NO_CHAIN);
        }
        switch (cmd) {
            case 'A' -> target.append(c, r);
            case 'I' -> {
                int pos = a.rulenum == 0 ? 1 : a.rulenum;
                if (pos > c.size() + 1) throw XtError.plain("Index of insertion too big.");
                target.insert(c, pos - 1, r);
            }
            default -> {
                if (!c.created()) throw XtError.plain(XtError.NO_CHAIN);
                if (a.rulenum > c.size()) throw XtError.plain("Index of replacement too big.");
                target.replace(c, a.rulenum - 1, r);
            }
        }
        return 0;
    }

    /**
     * Compiles the command line's rule: each match's final check, the target's, then a jump to a
     * chain that does not exist fails. The kernel's checkentry runs when the rule is committed.
     */
    static XtRule build(XtTable t, IptArgs a) {
        RuleParser p = a.rule;
        XtRuleCtx ctx = new XtRuleCtx(a.table, a.chain, a.command, p.proto, (p.invflags & XtRule.INV_PROTO) != 0, a.chain);
        XtMatch[] matches = p.buildMatches(ctx);
        {
            // nft.c add_nft_tcp()/add_nft_udp(): native port matches need the rule's protocol
            // (measured for -A and -C alike).
            for (XtMatch m : matches) {
                if (m instanceof dev.nsnet.kernel.netfilter.xt.XtTcpUdp x && (x.hasSport() || x.hasDport() || x.hasFlags())
                        && p.proto != x.proto()) {
                    throw XtError.param(x.proto() == 6 ? "TCP match requires '-p tcp'" : "UDP match requires '-p udp'");
                }
            }
        }
        XtTarget target = a.standardVerdict();
        if (p.target != null) {
            target = p.target.finalCheck(ctx);
            p.target.optionsFcheck();
        }
        if (p.jumpTo != null && target == null) {
            XtChain c = t == null ? null : t.chain(p.jumpTo);
            if (c == null || c.builtin()) throw XtError.param("Chain '" + p.jumpTo + "' does not exist");
            target = new XtTarget.Jump(c, p.isGoto);
        } else if (target != null && p.isGoto) {
            throw XtError.param("goto '" + p.jumpTo + "' is not a chain");
        }
        if (target == XtTarget.Verdict.DROP && a.table.equals("nat")) {
            throw XtError.param("\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n");
        }
        XtRule r = new XtRule(p.src, p.haveS ? p.smsk : 0, p.dst, p.haveD ? p.dmsk : 0, p.iniface, p.inWild, p.outiface,
                p.outWild, p.proto, p.invflags, matches, target, null);
        r.text = IptFormat.saveRule(r, false).trim();
        return r;
    }

    /**
     * The kernel's checkentry of every extension of the rule (and, for a jump, of the rules of the
     * chains it reaches) for every built-in chain that reaches the rule's chain, as nf_tables
     * validates a chain against the hooks of its base chains.
     */
    private static void checkEntries(XtTable t, XtTable.Kind kind, IptArgs a, XtRule r) {
        // A first pass without a hook runs the checks that do not depend on it and finds out whether
        // any does (XtRuleCtx.chainIn); only then are the reaching hooks worked out (a scan of the
        // table's jumps, which a restore of many rules into a user chain must not pay per rule).
        boolean[] asked = {false};
        check(t, a, r, null, new java.util.HashSet<>(), asked);
        if (!asked[0]) return;
        java.util.Set<String> hooks = t != null ? hooksReaching(t, a.chain)
                : isBuiltin(kind, a.chain) ? java.util.Set.of(a.chain) : java.util.Set.of();
        for (String h : hooks) check(t, a, r, h, new java.util.HashSet<>(), null);
    }

    private static void check(XtTable t, IptArgs a, XtRule r, String hook, java.util.Set<XtChain> seen, boolean[] asked) {
        XtRuleCtx ctx = new XtRuleCtx(a.table, a.chain, a.command, r.proto, (r.invflags & XtRule.INV_PROTO) != 0, hook, asked);
        for (XtMatch m : r.matches) XtRegistry.match(m.name()).checkEntry(ctx, m);
        if (r.target instanceof XtTarget.Jump j) {
            if (seen.add(j.chain())) for (XtRule x : j.chain().rules()) check(t, a, x, hook, seen, asked);
        } else if (r.target != null && XtRegistry.isTarget(r.target.name())) {
            XtRegistry.target(r.target.name()).checkEntry(ctx, r.target);
        }
    }

    /** The built-in chains whose walk can reach {@code chain} (itself if built-in). */
    private static java.util.Set<String> hooksReaching(XtTable t, String chain) {
        java.util.Set<String> hooks = new java.util.TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(chain));
        java.util.Set<String> visited = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (!visited.add(n)) continue;
            XtChain c = t.chain(n);
            if (c == null) continue;
            if (c.builtin()) {
                hooks.add(n);
                continue; // no rule can jump to a built-in chain: no O(rules) scan per rule added
            }
            for (XtChain x : t.chains()) {
                for (XtRule y : x.rules()) if (y.target instanceof XtTarget.Jump j && j.chain() == c) todo.add(x.name());
            }
        }
        return hooks;
    }

    // ---------------------------------------------------------------- listings

    /** The table's chains, or the built-in chains a table that does not exist yet would have. */
    static List<XtChain> chains(XtTable.Kind kind, XtTable t) {
        if (t != null) return t.chains();
        return List.copyOf(NetfilterNet.phantom(kind).chains());
    }

    private static void list(XtTable.Kind kind, XtTable t, IptArgs a, int fmt, PrintStream out) {
        XtTable view = t != null ? t : NetfilterNet.phantom(kind);
        List<XtChain> chains;
        if (a.chain != null) {
            XtChain c = view.chain(a.chain);
            if (c == null) throw incompatible(a);
            chains = List.of(c);
        } else {
            chains = view.chains();
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (XtChain c : chains) {
            if (a.rulenum > 0) {
                if (a.rulenum <= c.size()) sb.append(IptFormat.rule(c.rules().get(a.rulenum - 1), a.rulenum, fmt));
                continue;
            }
            if (!first) sb.append('\n');
            first = false;
            sb.append(IptFormat.header(c, view.references(c), fmt));
            int n = 1;
            for (XtRule r : c.rules()) sb.append(IptFormat.rule(r, n++, fmt));
        }
        out.print(sb);
    }

    private static XtError incompatible(IptArgs a) {
        return XtError.versioned("chain `" + a.chain + "' in table `" + a.table + "' is incompatible, use 'nft' tool.", 1);
    }

    private static void listRules(XtTable.Kind kind, XtTable t, IptArgs a, PrintStream out) {
        XtTable view = t != null ? t : NetfilterNet.phantom(kind);
        List<XtChain> chains;
        if (a.chain != null) {
            XtChain c = view.chain(a.chain);
            if (c == null) throw incompatible(a);
            chains = List.of(c);
        } else {
            chains = view.chains();
        }
        StringBuilder sb = new StringBuilder();
        if (a.rulenum > 0) {
            XtChain c = chains.get(0);
            if (a.rulenum <= c.size()) {
                sb.append("-A ").append(c.name()).append(IptFormat.saveRule(c.rules().get(a.rulenum - 1), a.verbose)).append('\n');
            }
            out.print(sb);
            return;
        }
        for (XtChain c : chains) {
            if (c.builtin()) {
                sb.append("-P ").append(c.name()).append(' ').append(IptFormat.policyName(c));
                if (a.verbose) sb.append(" -c ").append(c.policyPcnt).append(' ').append(c.policyBcnt);
                sb.append('\n');
            } else {
                sb.append("-N ").append(c.name()).append('\n');
            }
        }
        for (XtChain c : chains) {
            for (XtRule r : c.rules()) sb.append("-A ").append(c.name()).append(IptFormat.saveRule(r, a.verbose)).append('\n');
        }
        out.print(sb);
    }
}
