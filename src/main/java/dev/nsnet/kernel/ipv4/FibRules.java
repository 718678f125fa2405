package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import java.util.List;

/**
 * net/core/fib_rules.c fib_nl_newrule / fib_nl_delrule for IPv4: adding a rule at its priority
 * (or the kernel's default priority), refusing duplicates, and finding the rule a delete request
 * describes.
 */
public final class FibRules {
    private FibRules() { }

    /** fib_default_rule_pref(): one below the second rule's priority (0 when that is 0 or absent). */
    static int defaultPref(List<FibRule> rules) {
        if (rules.size() >= 2) {
            int p = rules.get(1).pref;
            if (p != 0) return p - 1;
        }
        return 0;
    }

    /**
     * Adds {@code rule}; {@code userPref} false lets the kernel choose the priority.
     * A TO_TBL rule without a table gets a fresh empty table (fib4_rule_configure, fib_empty_table).
     */
    public static void add(NetNamespace ns, FibRule rule, boolean userPref) {
        Ipv4Net net = Ipv4Net.of(ns);
        List<FibRule> rules = net.rules;
        if (rule.action == FibRule.FR_ACT_GOTO && !rule.gotoSet) {
            throw new KernelException(Errno.EINVAL, "Missing goto target for action goto");
        }
        if (!userPref) rule.pref = defaultPref(rules);
        // Backward jumps are refused so rule walks cannot loop.
        if (rule.action == FibRule.FR_ACT_GOTO && Integer.compareUnsigned(rule.gotoTarget, rule.pref) <= 0) {
            throw new KernelException(Errno.EINVAL, "Backward goto not supported");
        }
        if (rule.srcLen > 32 || rule.dstLen > 32) throw new KernelException(Errno.EINVAL, "Invalid prefix length");
        // fib_newrule(): a duplicate is refused before ops->configure() touches anything
        for (FibRule r : rules) if (r.sameAs(rule)) throw new KernelException(Errno.EEXIST);
        // fib4_rule_configure(): local and main stop sharing a trie from the first rule on
        net.unmerge();
        net.hasCustomRules = true;
        if (rule.action == FibRule.FR_ACT_TO_TBL && rule.table == 0) {
            int id = 1;
            while (net.table(id, false) != null) id++;
            net.table(id, true);
            rule.table = id;
        }
        int pos = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).pref > rule.pref) break;
            pos = i + 1;
        }
        rules.add(pos, rule);
        net.hasCustomRules = true;
    }

    /** The fields of a delete request; null/0/-1 mean "not given" as in rule_find(). */
    public static final class Match {
        public Integer pref;
        public int action;
        public int table;
        public String iifName, oifName;
        public int mark, markMask;
        public int src, srcLen, dst, dstLen, tos;
        public int suppressPrefixlen = -1;
    }

    /** rule_find() + delete; ENOENT when no rule matches. */
    public static FibRule delete(NetNamespace ns, Match m) {
        Ipv4Net net = Ipv4Net.of(ns);
        for (FibRule r : net.rules) {
            if (m.action != 0 && r.action != m.action) continue;
            if (m.table != 0 && r.table != m.table) continue;
            if (m.pref != null && r.pref != m.pref) continue;
            if (m.iifName != null && !m.iifName.equals(r.iifName)) continue;
            if (m.oifName != null && !m.oifName.equals(r.oifName)) continue;
            if (m.mark != 0 && r.mark != m.mark) continue;
            if (m.markMask != 0 && r.markMask != m.markMask) continue;
            if (m.suppressPrefixlen != -1 && r.suppressPrefixlen != m.suppressPrefixlen) continue;
            if (m.srcLen != 0 && (r.srcLen != m.srcLen || r.src != m.src)) continue;
            if (m.dstLen != 0 && (r.dstLen != m.dstLen || r.dst != m.dst)) continue;
            if (m.tos != 0 && r.tos != m.tos) continue;
            net.unmerge(); // fib4_rule_delete()
            net.rules.remove(r);
            net.hasCustomRules = true;
            return r;
        }
        throw new KernelException(Errno.ENOENT);
    }
}
