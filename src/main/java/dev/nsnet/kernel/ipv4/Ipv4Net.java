package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code struct netns_ipv4}: a namespace's IPv4 state: devconf all/default, the FIB tables, the
 * policy rules and the net.ipv4.* sysctl values the stack consults.
 */
public final class Ipv4Net {
    public final NetNamespace ns;
    public final DevConf devconfAll = DevConf.initial(true);
    public final DevConf devconfDflt = DevConf.initial(false);
    /** By table id; an int-keyed map because every route lookup asks for one (no boxing per packet). */
    private final IntMap<FibTable> tables = new IntMap<>();
    /**
     * The last output route made (RouteOutput.mkroute), reused while the same FIB answer is asked
     * for the same flow: a one-entry stand-in for the kernel's per-next-hop dst cache.
     */
    Rtable rthOutput;
    /** Creation order of the tables (the fib_table_hash buckets list the newest first). */
    private final List<FibTable> tableOrder = new ArrayList<>(2); // main and local, usually all
    final List<FibRule> rules = new ArrayList<>(3); // the three default rules, usually all
    /** inet_addr_lst: local address -> the addresses carrying it (several devices may share one). */
    private final IntMap<List<IfAddr>> addrHash = new IntMap<>();
    boolean hasCustomRules;
    /** check_lifetime work (armed while some address has a finite lifetime). */
    dev.nsnet.kernel.sched.Timer lifetimeTimer;

    // net.ipv4.* values the stack reads (sysctl_net_ipv4.c), with a fresh namespace's defaults.
    public int ipDefaultTtl = 64;
    public int icmpEchoIgnoreAll;
    public int icmpEchoIgnoreBroadcasts = 1;
    public int icmpIgnoreBogusErrorResponses = 1;
    public int icmpErrorsUseInboundIfaddr;
    public int icmpRatelimit = 1000;
    public int icmpRatemask = 6168;
    public int icmpMsgsPerSec = 1000;
    public int icmpMsgsBurst = 50;
    public int ipNonlocalBind;
    public int fwmarkReflect;
    public int ipNoPmtuDisc;
    public int ipEarlyDemux = 1;
    public int ipfragHighThresh = 4194304;
    public int ipfragLowThresh = 3145728;
    public int ipfragTime = 30;
    public int ipfragMaxDist = 64;
    public final int[] pingGroupRange = {1, 0};
    public final int[] ipLocalPortRange = {32768, 60999};
    public int ipUnprivilegedPortStart = 1024;

    Ipv4Net(NetNamespace ns) {
        this.ns = ns;
        // fib4_rules_init(): the default rules only; tables come with their first use (fib_new_table)
        rules.add(defaultRule(0, Route.TABLE_LOCAL));
        rules.add(defaultRule(32766, Route.TABLE_MAIN));
        rules.add(defaultRule(32767, Route.TABLE_DEFAULT));
    }

    private static FibRule defaultRule(int pref, int table) {
        FibRule r = new FibRule();
        r.pref = pref;
        r.table = table;
        r.protocol = 2; // RTPROT_KERNEL
        return r;
    }

    /** The namespace's IPv4 state (created by Inet's pernet init). */
    public static Ipv4Net of(NetNamespace ns) { return (Ipv4Net) ns.ipv4; }

    /** net.ipv4.ip_forward, which is conf/all/forwarding. */
    public int ipForward() { return devconfAll.v[DevConf.FORWARDING]; }

    /**
     * fib_get_table() (create false) / fib_new_table() (create true). While no rule was ever added
     * or deleted, a new local table is an alias of main's trie (main is made first if needed).
     */
    public FibTable table(int id, boolean create) {
        FibTable t = tables.get(id);
        if (t == null && create) {
            FibTable.Trie trie = id == Route.TABLE_LOCAL && !hasCustomRules
                    ? table(Route.TABLE_MAIN, true).trie : new FibTable.Trie();
            t = new FibTable(id, trie);
            tables.put(id, t);
            tableOrder.add(t);
        }
        return t;
    }

    /** fib_unmerge(): the local table gets its own trie again (the first rule added or deleted). */
    void unmerge() {
        FibTable local = tables.get(Route.TABLE_LOCAL);
        if (local != null) local.unmergeFrom(tables.get(Route.TABLE_MAIN));
    }

    /** Tables in the order a dump of all tables visits them (fib_table_hash bucket, newest first). */
    public List<FibTable> tablesInDumpOrder() {
        List<FibTable> out = new ArrayList<>(tableOrder);
        java.util.Collections.reverse(out);
        out.sort(java.util.Comparator.comparingInt(t -> t.id & 0xff));
        return out;
    }

    /** inet_hash_insert(). */
    void addrHashAdd(IfAddr ifa) {
        List<IfAddr> l = addrHash.get(ifa.local);
        if (l == null) {
            l = new ArrayList<>(1);
            addrHash.put(ifa.local, l);
        }
        l.add(ifa);
    }

    /** inet_hash_remove(). */
    void addrHashDel(IfAddr ifa) {
        List<IfAddr> l = addrHash.get(ifa.local);
        if (l == null) return;
        l.remove(ifa);
        if (l.isEmpty()) addrHash.remove(ifa.local);
    }

    /** inet_lookup_ifaddr_rcu(): the first address record with this local address, or null. */
    IfAddr addrLookup(int local) {
        List<IfAddr> l = addrHash.get(local);
        return l == null ? null : l.get(0);
    }

    /** net->ipv4.fib_has_custom_rules: set once a rule is added or deleted, never cleared. */
    public boolean hasCustomRules() { return hasCustomRules; }

    /** The rules in priority order (read-only). */
    public List<FibRule> rules() { return java.util.Collections.unmodifiableList(rules); }
}
