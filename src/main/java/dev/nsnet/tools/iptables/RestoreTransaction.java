package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.netfilter.NetfilterNet;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.XtChain;
import dev.nsnet.kernel.netfilter.XtRule;
import dev.nsnet.kernel.netfilter.XtTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The line loop of xtables-restore.c (xtables_restore_parse) with the nft backend's batches: a
 * {@code *table} line opens a table (flushed first unless --noflush), {@code :CHAIN POLICY [p:b]}
 * lines declare chains, other lines are iptables commands run against a copy of the table built
 * off to the side, and {@code COMMIT} swaps that copy in as one transaction
 * ({@link NetfilterNet#commit}). So a failing table leaves the namespace as it was, while tables
 * committed earlier in the same file stay (measured on iptables 1.8.9 nf_tables).
 *
 * <p>Errors come in the real tool's two kinds: a parse error ({@code xtables_error}: the message,
 * "Error occurred at line: N", the help hint, exit 2) stops at once; an error the kernel reports
 * when the batch is sent ("iptables-restore: line N failed: MSG", exit 1) surfaces at COMMIT, and
 * not at all with --test, which sends nothing.
 */
final class RestoreTransaction {
    private static final String TRY = "Try `iptables-restore -h' or 'iptables-restore --help' for more information.";

    private final NetNamespace ns;
    private final IptablesRestore.Options o;
    private final PrintStream out, err;

    /** The table being loaded (null: outside a table), whether -T skips it, and its staged copy. */
    private XtTable.Kind kind;
    private boolean inTable, skipped;
    /** The table is edited in place, not deleted first (--noflush, or -v's chain-by-chain flush): it stays even if emptied. */
    private boolean keepTable;
    private XtTable staged;
    /**
     * What the commit of the current table will report: the first command the kernel refuses
     * (its whole message and exit status), or a jump to a chain that does not exist, which
     * iptables-nft only checks when it prepares the batch at COMMIT (so it names the COMMIT line).
     */
    private String failText, jumpError;
    private int failStatus;
    /**
     * Where preparing the batch stops, and with it -v's echo of rules (exclusive): at a jump to a
     * missing chain, or just after the first command the kernel refuses (that rule is echoed).
     */
    private int firstFailLine;
    /**
     * What -v prints when the batch is prepared at COMMIT: the chain-by-chain flush, then each
     * rule loaded (with its line, so the echo stops at a failing one).
     */
    private final StringBuilder verboseFlush = new StringBuilder();
    private final List<String> verboseRules = new ArrayList<>();
    private final List<Integer> verboseLines = new ArrayList<>();
    /**
     * After a verbose (chain by chain) flush, the built-in chains kept their policies, but
     * iptables-nft's cache takes them as gone: the first command naming one adds it again with
     * policy ACCEPT. The chains not re-added yet (measured on 1.8.9: "-A FORWARD" or ":INPUT -"
     * turn a DROP policy into ACCEPT there, while untouched chains keep DROP).
     */
    private final java.util.Set<String> keptPolicies = new java.util.HashSet<>();

    RestoreTransaction(NetNamespace ns, IptablesRestore.Options o, PrintStream out, PrintStream err) {
        this.ns = ns;
        this.o = o;
        this.out = out;
        this.err = err;
    }

    /** A parse error of line {@code line}: printed by {@link #run}, which exits with {@code status}. */
    private static final class ParseError extends RuntimeException {
        final int status;

        ParseError(String text, int status) {
            super(text, null, false, false);
            this.status = status;
        }
    }

    int run(String text) {
        int lineNo = 0;
        int start = 0;
        try {
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
                start = nl < 0 ? text.length() : nl + 1;
                lineNo++;
                int st = line(line, lineNo);
                if (st != 0) return st;
            }
        } catch (ParseError e) {
            err.print(e.getMessage());
            return e.status;
        }
        if (inTable) {
            err.println("iptables-restore: COMMIT expected at line " + (lineNo + 1));
            return 1;
        }
        return 0;
    }

    private static ParseError param(String msg, int line) {
        return new ParseError(IptablesRestore.PROG + ": " + msg + "\nError occurred at line: " + line + "\n" + TRY + "\n", 2);
    }

    /** One line; a non-zero return ends the run with that status. */
    private int line(String line, int n) {
        if (line.isEmpty()) return 0;
        if (line.charAt(0) == '#') {
            if (o.verbose) {
                out.println(line);
                out.flush(); // echoed at once, before anything the commit prints
            }
            return 0;
        }
        if (inTable && line.startsWith("COMMIT")) return commit(n);
        if (!inTable && line.charAt(0) == '*') {
            openTable(line, n);
            return 0;
        }
        if (inTable && line.charAt(0) == ':') {
            if (!skipped) chainLine(line, n);
            return 0;
        }
        if (inTable) {
            if (!skipped) ruleLine(line, n);
            return 0;
        }
        err.println("iptables-restore: line " + n + " failed");
        return 1;
    }

    private void openTable(String line, int n) {
        String name = firstWord(line.substring(1));
        inTable = true;
        keptPolicies.clear();
        failText = null;
        jumpError = null;
        firstFailLine = Integer.MAX_VALUE;
        verboseFlush.setLength(0);
        verboseRules.clear();
        verboseLines.clear();
        if (o.table != null && !o.table.equals(name)) {
            skipped = true;
            return;
        }
        skipped = false;
        if (name.isEmpty()) throw param("iptables-restore: line " + n + " table name invalid", n);
        kind = XtTable.Kind.of(name);
        if (kind == null) throw param("iptables-restore: line " + n + " table name '" + name + "' invalid", n);
        XtTable live = NetfilterNet.table(ns, kind);
        keepTable = live != null && (o.noflush || o.verbose);
        if (o.noflush) {
            staged = live != null ? live.stagedCopy(true) : XtTable.staging(kind);
        } else if (o.verbose && live == null) {
            for (int h : kind.hooks) verboseFlush.append("Flushing chain `").append(NfHook.chainName(h)).append("'\n");
            staged = XtTable.staging(kind);
        } else if (o.verbose) {
            // nft_table_flush() in verbose mode flushes chain by chain (keeping the policies) and
            // deletes the user chains, saying so; without -v it deletes the whole table.
            for (XtChain c : live.chains()) verboseFlush.append("Flushing chain `").append(c.name()).append("'\n");
            for (XtChain c : live.userChains()) verboseFlush.append("Deleting chain `").append(c.name()).append("'\n");
            staged = live.stagedCopy(false);
            for (XtChain c : staged.builtinChains()) keptPolicies.add(c.name());
        } else {
            staged = XtTable.staging(kind);
        }
    }

    private int commit(int n) {
        inTable = false;
        if (skipped || o.test) return 0;
        out.print(verboseFlush);
        for (int i = 0; i < verboseRules.size() && verboseLines.get(i) < firstFailLine; i++) out.print(verboseRules.get(i));
        if (jumpError != null) throw param(jumpError, n);
        if (failText != null) {
            err.print(failText);
            return failStatus;
        }
        if (keepTable) NetfilterNet.ensureTable(ns, kind).replaceWith(staged);
        else NetfilterNet.commit(ns, kind, staged);
        staged = null;
        return 0;
    }

    /** A command the kernel refuses when the batch is sent; the first one is reported. */
    private void kernelRefuses(int line, XtError e) {
        // preparing the batch stops at the first failing command, after echoing it (-v)
        firstFailLine = Math.min(firstFailLine, line + 1);
        if (failText != null) return;
        String msg = e.getMessage().strip();
        if (!e.versioned) {
            failText = "iptables-restore: line " + line + " failed" + (msg.isEmpty() ? "" : ": " + msg) + "\n";
            failStatus = 1;
        } else {
            failText = IptablesRestore.PROG + ": \nline " + line + ": " + msg + "\n";
            failStatus = e.status;
        }
    }

    /** ":NAME POLICY [p:b]": a built-in chain's policy ("-" keeps it), or a user chain (created or flushed). */
    private void chainLine(String line, int n) {
        List<String> w = words(line.substring(1));
        if (w.isEmpty()) throw param("iptables-restore: line " + n + " chain name invalid", n);
        String name = w.get(0);
        boolean builtin = false;
        for (int h : kind.hooks) if (NfHook.chainName(h).equals(name)) builtin = true;
        if (!builtin) {
            try {
                Iptables.validChainName(name);
            } catch (XtError e) {
                throw param(e.getMessage(), n);
            }
        }
        if (w.size() < 2) throw param("iptables-restore: line " + n + " policy invalid", n);
        if (!builtin) {
            XtChain c = staged.chain(name);
            if (c != null) staged.flush(c);
            else staged.newChain(name);
            return;
        }
        String policy = w.get(1);
        XtChain c = staged.chain(name);
        long[] cnt = null;
        if (o.counters && !policy.equals("-")) {
            cnt = w.size() < 3 ? null : counters(w.get(2));
            if (cnt == null) throw param("invalid policy counters for chain '" + name + "'", n);
        }
        if (policy.equals("-")) {
            if (keptPolicies.remove(name)) {
                staged.resetBuiltin(c);
            } else {
                // iptables-nft restores the base chain with counters: its policy counts from zero,
                // or from [p:b] with -c (golden 653, fuzz seed 169)
                staged.restoreBuiltin(c);
                long[] given = o.counters && w.size() >= 3 ? counters(w.get(2)) : null;
                if (given != null) XtTable.setPolicyCounters(c, given[0], given[1]);
            }
            return;
        }
        keptPolicies.remove(name);
        int v;
        if (policy.equals("ACCEPT")) v = NfHook.NF_ACCEPT;
        else if (policy.equals("DROP")) v = NfHook.NF_DROP;
        else {
            kernelRefuses(n, XtError.plain("Bad policy name."));
            return;
        }
        staged.setPolicy(c, v);
        if (cnt != null) XtTable.setPolicyCounters(c, cnt[0], cnt[1]);
    }

    /** "[p:b]" as two numbers, or null. */
    private static long[] counters(String s) {
        if (!s.startsWith("[") || !s.endsWith("]")) return null;
        int colon = s.indexOf(':');
        if (colon < 0) return null;
        try {
            return new long[] {Long.parseUnsignedLong(s.substring(1, colon)), Long.parseUnsignedLong(s.substring(colon + 1, s.length() - 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void ruleLine(String line, int n) {
        long pc = -1, bc = -1;
        String rest = line;
        if (line.charAt(0) == '[') {
            int close = line.indexOf(']');
            if (close < 0) throw param("Bad line " + n + ": need ]", n);
            if (o.counters) {
                String inner = line.substring(1, close);
                int colon = inner.indexOf(':');
                String p = colon < 0 ? inner : inner.substring(0, colon);
                if (!p.matches("[0-9]+")) throw param("-c packet counter not numeric", n);
                String b = colon < 0 ? "" : inner.substring(colon + 1);
                if (!b.matches("[0-9]+")) throw param("-c byte counter not numeric", n);
                pc = Long.parseUnsignedLong(p);
                bc = Long.parseUnsignedLong(b);
            }
            rest = line.substring(close + 1);
        }
        List<String> argv = new ArrayList<>();
        argv.add("-t");
        argv.add(kind.tableName);
        tokenize(rest, n, argv);
        IptArgs a = null;
        try {
            a = IptArgs.parse(argv, err);
            if ((a.command == 'A' || a.command == 'I') && keptPolicies.remove(a.chain)) staged.resetBuiltin(staged.chain(a.chain));
            if (a.command == 'P') keptPolicies.remove(a.chain);
            Iptables.Tables tabs = new Iptables.Tables() {
                @Override
                public XtTable table(XtTable.Kind k) { return staged; }

                @Override
                public XtTable ensure(XtTable.Kind k) { return staged; }
            };
            Iptables.execute(tabs, a, out);
        } catch (IptArgs.Exit e) {
            out.print(e.text);
            return;
        } catch (XtError e) {
            String m = e.getMessage();
            if (e.versioned && e.tryHelp && m.startsWith("Chain '") && m.endsWith("' does not exist")) {
                if (jumpError == null) jumpError = m;
                firstFailLine = Math.min(firstFailLine, n);
                return;
            }
            if (e.tryHelp) {
                String msg = e.getMessage();
                String text = (e.versioned ? IptablesRestore.PROG + ": " : "") + msg
                        + "\nError occurred at line: " + n + "\n" + TRY + "\n";
                throw new ParseError(text, e.status);
            }
            kernelRefuses(n, e);
            // the batch was built with this rule in it (the kernel refuses it later): -v shows it
            if (a != null && a.built != null && (a.command == 'A' || a.command == 'I')) echo(a.built, n);
            return;
        }
        boolean added = a.command == 'A' || a.command == 'I';
        if (!added) return;
        XtChain c = staged.chain(a.chain);
        XtRule r = c.rules().get(a.command == 'A' ? c.size() - 1 : Math.max(0, a.rulenum - 1));
        if (pc >= 0) XtTable.setCounters(r, pc, bc);
        echo(r, n);
    }

    /** -v's line for a rule put into the batch (printed at COMMIT, up to a failing jump). */
    private void echo(XtRule r, int n) {
        if (o.verbose && !o.noflush && !o.test) {
            verboseRules.add(IptFormat.printRule(r));
            verboseLines.add(n);
        }
    }

    /**
     * add_param_to_argv() of xshared.c: words split at blanks, double quotes group (a backslash
     * escapes the next character inside them), single quotes are ordinary characters; a short
     * option cluster holding 't' is refused (the table comes from the *table line).
     */
    static void tokenize(String s, int line, List<String> argv) {
        StringBuilder w = new StringBuilder();
        boolean quoted = false, escaped = false, have = false, wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (escaped) {
                    w.append(c);
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    w.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                have = true;
                wasQuoted = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                if (have) emit(w, wasQuoted, line, argv);
                have = false;
                wasQuoted = false;
                continue;
            }
            w.append(c);
            have = true;
        }
        if (quoted) w.append('\n'); // an open quote runs on to the end of the buffer, newline included
        if (have) emit(w, wasQuoted, line, argv);
    }

    private static void emit(StringBuilder w, boolean quoted, int line, List<String> argv) {
        String p = w.toString();
        w.setLength(0);
        if (!quoted && p.length() > 1 && p.charAt(0) == '-' && p.charAt(1) != '-' && p.indexOf('t') > 0) {
            throw param("The -t option cannot be used in iptables-restore.\n", line);
        }
        argv.add(p);
    }

    private static String firstWord(String s) {
        List<String> w = words(s);
        return w.isEmpty() ? "" : w.get(0);
    }

    private static List<String> words(String s) {
        List<String> l = new ArrayList<>();
        for (String p : s.split("[ \t\r]+")) if (!p.isEmpty()) l.add(p);
        return l;
    }
}
