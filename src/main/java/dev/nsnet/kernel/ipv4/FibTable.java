package dev.nsnet.kernel.ipv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One FIB table ({@code struct fib_table}, net/ipv4/fib_trie.c). Instead of an LC-trie it keeps
 * one hash per prefix length and a count of routes per length; a lookup probes the lengths that
 * hold routes from longest to shortest, which is the same longest-prefix-match with backtracking
 * the trie does, at a bounded cost independent of the number of routes.
 */
public final class FibTable {
    public final int id;
    /*
     * The prefix lengths that hold (or held) routes, longest first, each with its prefixes and its
     * count of routes: slot i is length lens[i]. A table uses a few lengths (a pod's: 32, 8, 16
     * and 0), so only those cost memory and a lookup probes only those.
     */
    private byte[] lens = new byte[2];
    @SuppressWarnings("unchecked")
    private IntMap<List<FibAlias>>[] byLen = new IntMap[2];
    private int[] count = new int[2];
    private int nLens;
    private int size;

    FibTable(int id) {
        this.id = id;
    }

    public int size() { return size; }

    static int mask(int len) { return len == 0 ? 0 : -1 << (32 - len); }

    /** The slot of prefix length {@code len}, or -1. */
    private int slot(int len) {
        for (int i = 0; i < nLens; i++) if (lens[i] == len) return i;
        return -1;
    }

    /** The slot of {@code len}, made in its place in the longest-first order if missing. */
    private int slotOrCreate(int len) {
        int i = slot(len);
        if (i >= 0) return i;
        if (nLens == lens.length) {
            lens = java.util.Arrays.copyOf(lens, nLens * 2);
            byLen = java.util.Arrays.copyOf(byLen, nLens * 2);
            count = java.util.Arrays.copyOf(count, nLens * 2);
        }
        i = 0;
        while (i < nLens && lens[i] > len) i++;
        System.arraycopy(lens, i, lens, i + 1, nLens - i);
        System.arraycopy(byLen, i, byLen, i + 1, nLens - i);
        System.arraycopy(count, i, count, i + 1, nLens - i);
        lens[i] = (byte) len;
        byLen[i] = new IntMap<>();
        count[i] = 0;
        nLens++;
        return i;
    }

    /** The aliases of one prefix (tos/priority order), or null. */
    List<FibAlias> aliases(int dst, int len) {
        int i = slot(len);
        return i < 0 ? null : byLen[i].get(dst & mask(len));
    }

    List<FibAlias> aliasesOrCreate(int dst, int len) {
        int key = dst & mask(len);
        // slotOrCreate() may grow byLen: take the slot first (Java reads the array reference before the index)
        int slot = slotOrCreate(len);
        IntMap<List<FibAlias>> m = byLen[slot];
        List<FibAlias> l = m.get(key);
        if (l == null) {
            l = new ArrayList<>(1);
            m.put(key, l);
        }
        return l;
    }

    void added(int len) {
        int slot = slotOrCreate(len);
        count[slot]++;
        size++;
    }

    void removed(FibAlias fa) {
        int len = fa.route.prefixLen();
        int i = slot(len);
        List<FibAlias> l = i < 0 ? null : byLen[i].get(fa.route.dst() & mask(len));
        if (l == null || !l.remove(fa)) return;
        if (l.isEmpty()) byLen[i].remove(fa.route.dst() & mask(len));
        count[i]--;
        size--;
    }

    /**
     * fib_table_lookup(): the first usable alias of the longest matching prefix.
     *
     * @param scope flowi4_scope: aliases whose scope is narrower are skipped
     * @param oif when non-zero only next hops through this device match
     * @param ignoreLinkstate FIB_LOOKUP_IGNORE_LINKSTATE (nexthop checks at route insertion)
     */
    FibAlias lookup(int dst, int tos, int scope, int oif, boolean ignoreLinkstate) {
        FibResult r = lookupResult(dst, 0, tos, scope, oif, ignoreLinkstate);
        return r == null ? null : aliasOf(r);
    }

    private FibAlias aliasOf(FibResult r) {
        List<FibAlias> l = aliases(r.route().dst(), r.prefixLen());
        if (l != null) for (FibAlias fa : l) if (fa.route == r.route()) return fa;
        return null;
    }

    /** fib_table_lookup() with the next hop chosen for the flow (multipath). */
    FibResult lookupResult(int dst, int src, int tos, int scope, int oif, boolean ignoreLinkstate) {
        for (int s = 0; s < nLens; s++) {
            if (count[s] == 0) continue;
            List<FibAlias> l = byLen[s].get(dst & mask(lens[s]));
            if (l == null) continue;
            for (int i = 0, n = l.size(); i < n; i++) {
                FibAlias fa = l.get(i);
                Route r = fa.route;
                if (r.tos() != 0 && r.tos() != tos) continue;
                if (r.scope() < scope) continue;
                FibResult res = fa.select(dst, src, oif, ignoreLinkstate);
                if (res != null) return res;
            }
        }
        return null;
    }

    /** Every alias in no particular order, for walks that change no membership and print nothing. */
    void forEachAlias(java.util.function.Consumer<FibAlias> c) {
        for (int s = 0; s < nLens; s++) {
            if (count[s] > 0) byLen[s].forEachValue(l -> l.forEach(c));
        }
    }

    /** Every alias in dump order: by prefix key, longer prefixes first at one key, then list order. */
    public List<FibAlias> dump() {
        List<List<FibAlias>> nodes = new ArrayList<>();
        for (int s = 0; s < nLens; s++) {
            if (count[s] > 0) byLen[s].forEachValue(nodes::add);
        }
        nodes.sort(Comparator.<List<FibAlias>>comparingLong(l -> Integer.toUnsignedLong(l.get(0).route.dst()))
                .thenComparingInt(l -> -l.get(0).route.prefixLen()));
        List<FibAlias> out = new ArrayList<>(size);
        for (List<FibAlias> l : nodes) out.addAll(l);
        return out;
    }

    @Override
    public String toString() { return "fib_table(" + id + ", " + size + " routes)"; }
}
