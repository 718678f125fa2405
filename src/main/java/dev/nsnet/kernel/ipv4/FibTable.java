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
    @SuppressWarnings("unchecked")
    private final IntMap<List<FibAlias>>[] byLen = new IntMap[33];
    private final int[] count = new int[33];
    private int size;

    FibTable(int id) {
        this.id = id;
        for (int i = 0; i <= 32; i++) byLen[i] = new IntMap<>();
    }

    public int size() { return size; }

    static int mask(int len) { return len == 0 ? 0 : -1 << (32 - len); }

    /** The aliases of one prefix (tos/priority order), or null. */
    List<FibAlias> aliases(int dst, int len) { return byLen[len].get(dst & mask(len)); }

    List<FibAlias> aliasesOrCreate(int dst, int len) {
        int key = dst & mask(len);
        List<FibAlias> l = byLen[len].get(key);
        if (l == null) {
            l = new ArrayList<>(1);
            byLen[len].put(key, l);
        }
        return l;
    }

    void added(int len) {
        count[len]++;
        size++;
    }

    void removed(FibAlias fa) {
        int len = fa.route.prefixLen();
        List<FibAlias> l = aliases(fa.route.dst(), len);
        if (l == null || !l.remove(fa)) return;
        if (l.isEmpty()) byLen[len].remove(fa.route.dst() & mask(len));
        count[len]--;
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
        for (int len = 32; len >= 0; len--) {
            if (count[len] == 0) continue;
            List<FibAlias> l = byLen[len].get(dst & mask(len));
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

    /** Every alias in dump order: by prefix key, longer prefixes first at one key, then list order. */
    public List<FibAlias> dump() {
        List<List<FibAlias>> nodes = new ArrayList<>();
        for (int len = 0; len <= 32; len++) {
            if (count[len] > 0) byLen[len].forEachValue(nodes::add);
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
