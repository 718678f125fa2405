package dev.nsnet.kernel.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of a table: a built-in chain (bound to a hook, with a policy and the policy's counters)
 * or a user chain (its end is an implicit RETURN). Rules are kept in an array that the control
 * plane replaces on each change, so the data path walks a plain array (like the kernel's blob that
 * a table replace swaps in).
 */
public final class XtChain {
    String name;
    /** The hook of a built-in chain, -1 for a user chain. */
    public final int hook;
    /** NF_ACCEPT or NF_DROP (built-in chains only). */
    int policy = NfHook.NF_ACCEPT;
    public long policyPcnt, policyBcnt;
    /**
     * Whether the policy counts packets. iptables-nft creates built-in chains without counters
     * (nf_tables base chain stats), so the policy line reads 0 packets until {@code -P} replaces
     * the chain with one that has them (from zero, each time the policy is set).
     */
    boolean stats;
    /**
     * Whether the chain exists in the kernel. iptables-nft creates a table's built-in chains
     * lazily: the first rule or policy for a chain creates it; listings show the others anyway.
     */
    boolean created;
    /**
     * The nf_tables chain handle: allocated from the table's counter when the chain is created
     * and kept across renames. Commands that walk every user chain (-X, -F without a chain) go in
     * handle order, which is why their first error names the oldest chain, not the first by name.
     */
    long handle;
    private final List<XtRule> list = new ArrayList<>();
    /** The rules as the data path sees them. */
    XtRule[] rules = new XtRule[0];
    /** Skip index over {@link #rules}, rebuilt with them (null: walk every rule). */
    RuleIndex index;
    /**
     * A chain of a table being built off to the side (a restore's new blob): changes are not
     * published to the data path one by one; {@link XtTable#replaceWith} publishes it once.
     */
    boolean staged;

    XtChain(String name, int hook) {
        this.name = name;
        this.hook = hook;
    }

    public String name() { return name; }

    public boolean builtin() { return hook >= 0; }

    public int policy() { return policy; }

    public List<XtRule> rules() { return java.util.Collections.unmodifiableList(list); }


    public int size() { return list.size(); }

    /** The rule list itself (no copy, no wrapper) for the control plane's bulk walks. */
    List<XtRule> list() { return list; }

    public boolean created() { return created || hook < 0; }

    void add(int pos, XtRule r) {
        created = true;
        list.add(pos, r);
        publish();
    }

    void set(int pos, XtRule r) {
        list.set(pos, r);
        publish();
    }

    XtRule remove(int pos) {
        XtRule r = list.remove(pos);
        publish();
        return r;
    }

    void clear() {
        list.clear();
        publish();
    }

    /** Adds many rules at once (a restore), publishing once. */
    void addAll(List<XtRule> rs) {
        created = true;
        list.addAll(rs);
        publish();
    }

    void publish() {
        if (staged) return;
        rules = list.toArray(new XtRule[0]);
        index = RuleIndex.build(rules);
    }
}
