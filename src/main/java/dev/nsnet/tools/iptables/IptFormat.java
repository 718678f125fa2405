package dev.nsnet.tools.iptables;

import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.XtChain;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtRule;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.kernel.wire.Inet4;

/**
 * How iptables 1.8.9 prints rules: the save form ({@code -S}, iptables-save: save_rule_details,
 * each extension's save()) and the table form of {@code -L} (print_header, print_rule_details,
 * print_ifaces, print_ipv4_addresses, each extension's print()).
 */
final class IptFormat {
    private IptFormat() { }

    static final int FMT_NUMERIC = 1, FMT_VERBOSE = 2, FMT_EXACT = 4, FMT_LINENUMBERS = 8;

    // ---------------------------------------------------------------- save form

    /** The rule after "-A CHAIN" (leading space included), optionally with "-c P B" before the target. */
    static String saveRule(XtRule r, boolean counters) {
        StringBuilder sb = new StringBuilder();
        saveAddr(sb, 's', r.src, r.smsk, (r.invflags & XtRule.INV_SRCIP) != 0);
        saveAddr(sb, 'd', r.dst, r.dmsk, (r.invflags & XtRule.INV_DSTIP) != 0);
        saveIface(sb, 'i', r.iniface, r.inWild, (r.invflags & XtRule.INV_VIA_IN) != 0);
        saveIface(sb, 'o', r.outiface, r.outWild, (r.invflags & XtRule.INV_VIA_OUT) != 0);
        if (r.proto != 0) {
            if ((r.invflags & XtRule.INV_PROTO) != 0) sb.append(" !");
            String n = NetDb.protocol(r.proto);
            sb.append(" -p ").append(n != null ? n : Integer.toString(r.proto));
        }
        for (XtMatch m : r.matches) {
            sb.append(" -m ").append(m.name());
            saveMatch(sb, m);
        }
        if (counters) sb.append(" -c ").append(r.pcnt).append(' ').append(r.bcnt);
        saveTarget(sb, r.target);
        return sb.toString();
    }

    private static void saveAddr(StringBuilder sb, char letter, int addr, int mask, boolean inv) {
        if (mask == 0 && !inv) return;
        if (inv) sb.append(" !");
        sb.append(" -").append(letter).append(' ').append(Inet4.format(addr)).append('/').append(maskText(mask));
    }

    /** A CIDR length when the mask is contiguous, else the dotted mask. */
    static String maskText(int mask) {
        int len = Integer.bitCount(mask);
        if (len == 0 ? mask == 0 : mask == (int) (0xffffffffL << (32 - len))) return Integer.toString(len);
        return Inet4.format(mask);
    }

    private static void saveIface(StringBuilder sb, char letter, String name, boolean wild, boolean inv) {
        if (name == null) return;
        if (inv) sb.append(" !");
        sb.append(" -").append(letter).append(' ').append(name).append(wild ? "+" : "");
    }

    private static void saveMatch(StringBuilder sb, XtMatch m) {
        XtRegistry.match(m.name()).save(sb, m);
    }

    /** xtables_save_string(): bare when only [A-Za-z0-9_-], else double-quoted with \ before " \ '. */
    static void saveString(StringBuilder sb, String v) {
        boolean plain = !v.isEmpty();
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        if (plain) {
            sb.append(' ').append(v);
            return;
        }
        sb.append(" \"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\' || c == '\'') sb.append('\\');
            sb.append(c);
        }
        sb.append('"');
    }

    private static void saveTarget(StringBuilder sb, XtTarget t) {
        if (t == null) return;
        if (t instanceof XtTarget.Jump j) {
            sb.append(j.isGoto() ? " -g " : " -j ").append(j.chain().name());
            return;
        }
        sb.append(" -j ").append(t.name());
        XtTargetExt ext = XtRegistry.target(t.name());
        if (ext != null) ext.save(sb, t);
    }

    static String policyName(XtChain c) { return c.policy() == NfHook.NF_ACCEPT ? "ACCEPT" : "DROP"; }

    // ---------------------------------------------------------------- table form (-L)

    /** xtables_print_num(): %8llu with -x; else up to 5 digits, then K/M/G/T in 4 (notab: unpadded). */
    static String num(long n, int fmt, boolean notab) {
        if ((fmt & FMT_EXACT) != 0) return notab ? n + " " : String.format("%8d ", n);
        if (n <= 99999) return notab ? n + " " : String.format("%5d ", n);
        String[] suffix = {"K", "M", "G", "T"};
        for (String s : suffix) {
            n = (n + 500) / 1000;
            if (n <= 9999 || s.equals("T")) return notab ? n + s + " " : String.format("%4d%s ", n, s);
        }
        throw new AssertionError();
    }

    static String header(XtChain c, int refs, int fmt) {
        StringBuilder sb = new StringBuilder("Chain ").append(c.name());
        if (c.builtin()) {
            sb.append(" (policy ").append(policyName(c));
            if ((fmt & FMT_VERBOSE) != 0) {
                sb.append(' ').append(num(c.policyPcnt, fmt, true)).append("packets, ")
                        .append(num(c.policyBcnt, fmt, true)).append("bytes");
            }
            sb.append(")\n");
        } else {
            sb.append(" (").append(refs).append(" references)\n");
        }
        if ((fmt & FMT_LINENUMBERS) != 0) sb.append(String.format("%-4s ", "num"));
        if ((fmt & FMT_VERBOSE) != 0) {
            if ((fmt & FMT_EXACT) != 0) sb.append(String.format("%8s %10s ", "pkts", "bytes"));
            else sb.append(String.format("%5s %5s ", "pkts", "bytes"));
        }
        sb.append(String.format("%-9s ", "target")).append(" prot opt");
        if ((fmt & FMT_VERBOSE) != 0) sb.append(String.format(" %-6s %-6s ", "in", "out"));
        sb.append(String.format(" %-19s  %-19s \n", "source", "destination"));
        return sb.toString();
    }

    static String rule(XtRule r, int num, int fmt) {
        boolean numeric = (fmt & FMT_NUMERIC) != 0;
        StringBuilder sb = new StringBuilder();
        if ((fmt & FMT_LINENUMBERS) != 0) sb.append(String.format("%-4d ", num));
        if ((fmt & FMT_VERBOSE) != 0) sb.append(num(r.pcnt, fmt, false)).append(num(r.bcnt, fmt, false));
        sb.append(String.format("%-9s ", targetName(r.target)));
        sb.append((r.invflags & XtRule.INV_PROTO) != 0 ? '!' : ' ');
        String pname;
        if (numeric) pname = Integer.toString(r.proto);
        else if (r.proto == 0) pname = "all";
        else {
            pname = NetDb.protocol(r.proto);
            if (pname == null) pname = Integer.toString(r.proto);
        }
        sb.append(String.format("%-5s", pname));
        sb.append("-- ");
        if ((fmt & FMT_VERBOSE) != 0) {
            sb.append(String.format(" %-6s ", ifaceText(r.iniface, r.inWild, (r.invflags & XtRule.INV_VIA_IN) != 0, numeric)));
            sb.append(String.format("%-6s ", ifaceText(r.outiface, r.outWild, (r.invflags & XtRule.INV_VIA_OUT) != 0, numeric)));
        }
        sb.append((r.invflags & XtRule.INV_SRCIP) != 0 ? '!' : ' ');
        sb.append(String.format("%-19s ", addrText(r.src, r.smsk, numeric)));
        sb.append((r.invflags & XtRule.INV_DSTIP) != 0 ? '!' : ' ');
        sb.append(String.format("%-19s ", addrText(r.dst, r.dmsk, numeric)));
        if (r.target instanceof XtTarget.Jump j && j.isGoto()) sb.append("[goto] ");
        for (XtMatch m : r.matches) XtRegistry.match(m.name()).print(sb, r, m, numeric);
        printTarget(sb, r.target, numeric);
        return sb.append('\n').toString();
    }

    /**
     * The one-line form iptables -v prints for a rule it adds, and iptables-restore -v for each
     * rule it loads (print_rule with FMT_PRINT_RULE): numeric, "->" between the addresses.
     */
    static String printRule(XtRule r) {
        StringBuilder sb = new StringBuilder(targetName(r.target)).append("  ");
        if ((r.invflags & XtRule.INV_PROTO) != 0) sb.append('!');
        String pname = r.proto == 0 ? "all" : NetDb.protocol(r.proto);
        sb.append(pname == null ? Integer.toString(r.proto) : pname).append(" opt -- in ");
        sb.append(ifaceText(r.iniface, r.inWild, (r.invflags & XtRule.INV_VIA_IN) != 0, true)).append(" out ");
        sb.append(ifaceText(r.outiface, r.outWild, (r.invflags & XtRule.INV_VIA_OUT) != 0, true)).append(' ');
        sb.append((r.invflags & XtRule.INV_SRCIP) != 0 ? '!' : ' ').append(addrText(r.src, r.smsk, true)).append(' ');
        sb.append((r.invflags & XtRule.INV_DSTIP) != 0 ? '!' : ' ').append("-> ").append(addrText(r.dst, r.dmsk, true)).append("  ");
        if (r.target instanceof XtTarget.Jump j && j.isGoto()) sb.append("[goto] ");
        for (XtMatch m : r.matches) XtRegistry.match(m.name()).print(sb, r, m, true);
        printTarget(sb, r.target, true);
        return sb.append('\n').toString();
    }

    private static String targetName(XtTarget t) {
        return t == null ? "" : t.realName();
    }

    private static String ifaceText(String name, boolean wild, boolean inv, boolean numeric) {
        String n = name == null ? (numeric ? "*" : "any") : name + (wild ? "+" : "");
        return (inv ? "!" : "") + n;
    }

    /** ipv4_addr_to_string(): "anywhere"/"0.0.0.0/0", a host without /32, else addr/len or addr/mask. */
    private static String addrText(int addr, int mask, boolean numeric) {
        if (mask == 0) return numeric ? "0.0.0.0/0" : "anywhere";
        String a = Inet4.format(addr);
        // Name lookups: /etc/hosts of the recording sandbox knows only localhost; nothing else resolves.
        if (!numeric && mask == -1 && addr == 0x7f000001) a = "localhost";
        return mask == -1 ? a : a + "/" + maskText(mask);
    }

    private static void printTarget(StringBuilder sb, XtTarget t, boolean numeric) {
        if (t == null || t instanceof XtTarget.Jump) return;
        XtTargetExt ext = XtRegistry.target(t.name());
        if (ext != null) ext.print(sb, t, numeric);
    }
}
