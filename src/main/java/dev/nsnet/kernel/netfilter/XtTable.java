package dev.nsnet.kernel.netfilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One xtables table of a namespace ({@code struct xt_table} + its rules): built-in chains for its
 * hooks and user chains. The control plane edits it through the methods here (what a ruleset
 * replace does in the kernel); the data path is {@link IptDoTable}.
 */
public final class XtTable {
    /** The four IPv4 tables this model knows, with their hooks and per-hook priorities. */
    public enum Kind {
        RAW("raw", new int[] {NfHook.PRE_ROUTING, NfHook.LOCAL_OUT}, new int[] {NfHook.PRI_RAW, NfHook.PRI_RAW}),
        MANGLE("mangle", new int[] {NfHook.PRE_ROUTING, NfHook.LOCAL_IN, NfHook.FORWARD, NfHook.LOCAL_OUT,
                NfHook.POST_ROUTING}, new int[] {NfHook.PRI_MANGLE, NfHook.PRI_MANGLE, NfHook.PRI_MANGLE,
                NfHook.PRI_MANGLE, NfHook.PRI_MANGLE}),
        FILTER("filter", new int[] {NfHook.LOCAL_IN, NfHook.FORWARD, NfHook.LOCAL_OUT},
                new int[] {NfHook.PRI_FILTER, NfHook.PRI_FILTER, NfHook.PRI_FILTER}),
        NAT("nat", new int[] {NfHook.PRE_ROUTING, NfHook.LOCAL_IN, NfHook.LOCAL_OUT, NfHook.POST_ROUTING},
                new int[] {NfHook.PRI_NAT_DST, NfHook.PRI_NAT_SRC, NfHook.PRI_NAT_DST, NfHook.PRI_NAT_SRC});

        public final String tableName;
        public final int[] hooks;
        final int[] priorities;

        Kind(String tableName, int[] hooks, int[] priorities) {
            this.tableName = tableName;
            this.hooks = hooks;
            this.priorities = priorities;
        }

        public static Kind of(String name) {
            for (Kind k : values()) if (k.tableName.equals(name)) return k;
            return null;
        }
    }

    public final Kind kind;
    private final Map<String, XtChain> builtins = new LinkedHashMap<>();
    /** User chains in strcmp order, the order iptables-nft lists them. */
    private final TreeMap<String, XtChain> user = new TreeMap<>();
    /** Jump stack shared by the walks of this table (a walk restores the depth it started at). */
    XtChain[] stackChain = new XtChain[16];
    int[] stackPos = new int[16];
    int stackTop;
    /** xt_action_param of each nested walk of this table (a target may re-enter it: REJECT's reply). */
    XtActionParam[] params = {new XtActionParam()};
    int paramDepth;
    /** Where the last NF_DROP of a walk came from (for the drop reason text): rule position, -1 policy. */
    XtChain lastChain;
    int lastPos;

    /** The namespace of a registered table (null for a phantom one shown by listings). */
    dev.nsnet.kernel.core.NetNamespace ns;

    /** nf_tables' per-table handle generator (table->hgenerator). */
    private long handles;

    /** Whether this is a blob being built off to the side (see {@link #staging}). */
    private final boolean staged;

    XtTable(Kind kind) { this(kind, false); }

    private XtTable(Kind kind, boolean staged) {
        this.kind = kind;
        this.staged = staged;
        for (int h : kind.hooks) {
            XtChain c = new XtChain(NfHook.chainName(h), h);
            c.staged = staged;
            builtins.put(c.name, c);
        }
    }

    /**
     * An empty table built off to the side, the way a ruleset replace (xt_replace_table, an
     * nf_tables transaction) prepares the new blob before it swaps it in: rule changes are not
     * published to the data path one by one, so loading N rules costs O(N), not O(N^2).
     */
    public static XtTable staging(Kind kind) { return new XtTable(kind, true); }

    /**
     * A staged copy of this table to edit and swap back in ({@code iptables-restore --noflush}):
     * same chains, policies and counters, the rules copied with their jumps pointing at the copy's
     * chains. Without {@code rules}, only the built-in chains with their policies (a flush that
     * keeps policies: iptables-nft restore -v flushes chain by chain).
     */
    public XtTable stagedCopy(boolean rules) {
        XtTable t = new XtTable(kind, true);
        for (XtChain c : builtins.values()) {
            XtChain n = t.builtins.get(c.name);
            n.policy = c.policy;
            n.policyPcnt = c.policyPcnt;
            n.policyBcnt = c.policyBcnt;
            n.stats = c.stats;
            n.created = c.created;
        }
        if (!rules) return t;
        for (XtChain c : userChainsByHandle()) t.newChain(c.name).handle = c.handle;
        t.handles = handles;
        for (XtChain c : chains()) {
            XtChain n = t.chain(c.name);
            for (XtRule r : c.list()) {
                XtRule copy = r.target instanceof XtTarget.Jump j
                        ? r.withTarget(new XtTarget.Jump(t.chain(j.chain().name), j.isGoto())) : r.withTarget(r.target);
                n.add(n.size(), copy);
            }
        }
        return t;
    }

    /**
     * Swaps in the chains of a staged table in one step (the table replace's pointer swap): the
     * data path sees the old rules or the new ones, never a mix. {@code from} must not be used after.
     */
    public void replaceWith(XtTable from) {
        if (!from.staged) throw new IllegalArgumentException("not a staged table");
        for (XtChain c : from.chains()) {
            c.staged = false;
            c.publish();
        }
        // the new blob's extensions are checked in (nf_ct_netns_get) before the old one's are released
        List<XtChain> old = chains();
        for (XtChain c : from.chains()) for (XtRule r : c.list()) conntrackRefs(r, true);
        for (XtChain c : old) for (XtRule r : c.list()) conntrackRefs(r, false);
        builtins.clear();
        builtins.putAll(from.builtins);
        user.clear();
        user.putAll(from.user);
        handles = Math.max(handles, from.handles);
        lastChain = null;
    }

    /** Whether anything of this table exists in the kernel: a created built-in chain or a user chain. */
    public boolean populated() {
        if (!user.isEmpty()) return true;
        for (XtChain c : builtins.values()) if (c.created) return true;
        return false;
    }

    public String name() { return kind.tableName; }

    /** "filter/FORWARD rule 3: -A FORWARD -s 10.0.0.0/8 -j DROP" for the last drop (traces only). */
    String lastVerdictText() {
        XtChain c = lastChain;
        if (c == null) return name();
        if (lastPos < 0 || lastPos >= c.rules.length) return name() + "/" + c.name + " policy DROP";
        XtRule r = c.rules[lastPos];
        return name() + "/" + c.name + " rule " + (lastPos + 1) + ": -A " + c.name + (r.text.isEmpty() ? "" : " " + r.text);
    }

    public XtChain chain(String name) {
        XtChain c = builtins.get(name);
        return c != null ? c : user.get(name);
    }

    XtChain builtin(int hook) { return builtins.get(NfHook.chainName(hook)); }

    public Collection<XtChain> builtinChains() { return builtins.values(); }

    public Collection<XtChain> userChains() { return user.values(); }

    /** User chains in creation (nf_tables handle) order. */
    public List<XtChain> userChainsByHandle() {
        List<XtChain> l = new ArrayList<>(user.values());
        l.sort(java.util.Comparator.comparingLong(c -> c.handle));
        return l;
    }

    /** Built-in chains in hook order, then user chains. */
    public List<XtChain> chains() {
        List<XtChain> l = new ArrayList<>(builtins.values());
        l.addAll(user.values());
        return l;
    }

    public XtChain newChain(String name) {
        XtChain c = new XtChain(name, -1);
        c.handle = ++handles;
        c.staged = staged;
        user.put(name, c);
        return c;
    }

    public void deleteChain(XtChain c) { user.remove(c.name); }

    public void renameChain(XtChain c, String to) {
        if (c.builtin()) {
            builtins.remove(c.name);
            c.name = to;
            builtins.put(to, c);
            return;
        }
        user.remove(c.name);
        c.name = to;
        user.put(to, c);
    }

    /** How many rules of this table jump or go to {@code c}. */
    public int references(XtChain c) {
        int n = 0;
        for (XtChain x : chains()) {
            for (XtRule r : x.list()) if (r.target instanceof XtTarget.Jump j && j.chain() == c) n++;
        }
        return n;
    }

    public void insert(XtChain c, int pos, XtRule r) {
        c.add(pos, r);
        conntrackRefs(r, true);
    }

    public void append(XtChain c, XtRule r) {
        c.add(c.size(), r);
        conntrackRefs(r, true);
    }

    public void appendAll(XtChain c, List<XtRule> rs) {
        c.addAll(rs);
        for (XtRule r : rs) conntrackRefs(r, true);
    }

    public void replace(XtChain c, int pos, XtRule r) {
        XtRule old = c.list().get(pos);
        c.set(pos, r);
        conntrackRefs(r, true);
        conntrackRefs(old, false);
    }

    public XtRule delete(XtChain c, int pos) {
        XtRule r = c.remove(pos);
        conntrackRefs(r, false);
        return r;
    }

    public void flush(XtChain c) {
        XtRule[] old = c.list().toArray(new XtRule[0]);
        c.clear();
        for (XtRule r : old) conntrackRefs(r, false);
    }

    /** The table leaves the namespace (xt_unregister_table): its rules' extensions let go of what they held. */
    void release() {
        for (XtChain c : chains()) for (XtRule r : c.list()) conntrackRefs(r, false);
    }

    /** checkentry's nf_ct_netns_get() / destroy's nf_ct_netns_put() of the rule's extensions. */
    private void conntrackRefs(XtRule r, boolean get) {
        if (ns == null) return;
        int n = 0;
        for (XtMatch m : r.matches) if (m instanceof XtNeedsConntrack x && x.needsConntrack()) n++;
        if (r.target instanceof XtNeedsConntrack x && x.needsConntrack()) n++;
        for (int i = 0; i < n; i++) {
            if (get) dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore.netnsGet(ns);
            else dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore.netnsPut(ns);
        }
    }

    /** iptables-nft creates a built-in chain that a command names (-F CHAIN) if it does not exist yet. */
    public void createBuiltin(XtChain c) { c.created = true; }

    /**
     * iptables-restore's {@code :CHAIN - [p:b]} for a built-in chain: iptables-nft (re)creates the
     * base chain with counters, so its policy counts from zero from now on, keeping the policy.
     */
    public void restoreBuiltin(XtChain c) {
        c.created = true;
        c.stats = true;
        c.policyPcnt = 0;
        c.policyBcnt = 0;
    }

    /**
     * -X of a built-in chain: iptables-nft deletes the base chain; it reads as absent (lazily
     * created, no policy counters) from then on, while listings still show it with policy ACCEPT.
     */
    public void deleteBuiltin(XtChain c) {
        c.created = false;
        c.stats = false;
        c.policyPcnt = 0;
        c.policyBcnt = 0;
    }

    /**
     * iptables-nft (re)adding a built-in chain it believes absent: policy ACCEPT, no policy
     * counters (what a verbose restore does to a flushed built-in chain that a command names).
     */
    public void resetBuiltin(XtChain c) {
        c.policy = NfHook.NF_ACCEPT;
        c.created = true;
        c.stats = false;
        c.policyPcnt = 0;
        c.policyBcnt = 0;
    }

    /** Sets the policy; like iptables-nft's chain update this (re)starts the policy's counters at zero. */
    public void setPolicy(XtChain c, int verdict) {
        c.policy = verdict;
        c.created = true;
        c.stats = true;
        c.policyPcnt = 0;
        c.policyBcnt = 0;
    }

    /** -Z: zeroes rule and policy counters; a built-in chain counts its policy from then on (see XtChain.stats). */
    public void zero(XtChain c) {
        if (c.builtin()) c.stats = true;
        c.policyPcnt = 0;
        c.policyBcnt = 0;
        for (XtRule r : c.list()) {
            r.pcnt = 0;
            r.bcnt = 0;
        }
    }

    /** Sets a rule's or a policy's counters (iptables -c / iptables-restore --counters). */
    public static void setCounters(XtRule r, long pcnt, long bcnt) {
        r.pcnt = pcnt;
        r.bcnt = bcnt;
    }

    public static void setPolicyCounters(XtChain c, long pcnt, long bcnt) {
        c.stats = true;
        c.policyPcnt = pcnt;
        c.policyBcnt = bcnt;
    }
}
