package dev.nsnet.kernel.ipv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One FIB table ({@code struct fib_table}, net/ipv4/fib_trie.c). Instead of an LC-trie it keeps
 * one hash per prefix length and a count of routes per length; a lookup probes the lengths that
 * hold routes from longest to shortest, which is the same longest-prefix-match with backtracking
 * the trie does, at a bounded cost independent of the number of routes.
 * <p>
 * Like the kernel's, the local table may have no trie of its own: while no rule was ever added
 * or deleted, fib_new_table() makes local an alias of main's trie (tb_data), so one lookup sees
 * both tables and the longest prefix wins across them; every alias remembers its table (fa_tb_id)
 * and dumps of one table skip the others' ones. fib_unmerge() gives local its own trie again.
 */
public final class FibTable {
    public final int id;
    /** The trie holding this table's routes; shared with main while local is merged into it. */
    Trie trie;
    /** This table's own routes (a shared trie also holds the other table's). */
    private int size;

    /** The routes of one or two tables: {@code fib_table->tb_data}. */
    static final class Trie {
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
    }

    FibTable(int id, Trie trie) {
        this.id = id;
        this.trie = trie;
    }

    public int size() { return size; }

    /** Whether this table looks its routes up in another table's trie (local merged into main). */
    boolean sharesTrieWith(FibTable other) { return other != null && other != this && other.trie == trie; }

    static int mask(int len) { return len == 0 ? 0 : -1 << (32 - len); }

    /**
     * The aliases of one prefix in the trie (table id descending, then tos/priority order), or
     * null. While local is merged into main the list holds both tables' aliases.
     */
    List<FibAlias> aliases(int dst, int len) {
        Trie tr = trie;
        int i = tr.slot(len);
        return i < 0 ? null : tr.byLen[i].get(dst & mask(len));
    }

    List<FibAlias> aliasesOrCreate(int dst, int len) {
        Trie tr = trie;
        int key = dst & mask(len);
        // slotOrCreate() may grow byLen: take the slot first (Java reads the array reference before the index)
        int slot = tr.slotOrCreate(len);
        IntMap<List<FibAlias>> m = tr.byLen[slot];
        List<FibAlias> l = m.get(key);
        if (l == null) {
            l = new ArrayList<>(1);
            m.put(key, l);
        }
        return l;
    }

    void added(int len) {
        int slot = trie.slotOrCreate(len);
        trie.count[slot]++;
        size++;
    }

    void removed(FibAlias fa) {
        Trie tr = trie;
        int len = fa.route.prefixLen();
        int i = tr.slot(len);
        List<FibAlias> l = i < 0 ? null : tr.byLen[i].get(fa.route.dst() & mask(len));
        if (l == null || !l.remove(fa)) return;
        if (l.isEmpty()) tr.byLen[i].remove(fa.route.dst() & mask(len));
        tr.count[i]--;
        if (fa.route.table() == id) size--;
    }

    /**
     * fib_trie_unmerge() for this (local) table + fib_table_flush_external() of {@code main}: this
     * table's aliases move, in their order, to a trie of its own and leave main's.
     */
    void unmergeFrom(FibTable main) {
        if (!sharesTrieWith(main)) return;
        Trie shared = trie;
        Trie own = new Trie();
        List<FibAlias> mine = new ArrayList<>();
        for (int s = 0; s < shared.nLens; s++) {
            shared.byLen[s].forEachValue(l -> {
                for (FibAlias fa : l) if (fa.route.table() == id) mine.add(fa);
            });
        }
        for (FibAlias fa : mine) {
            int len = fa.route.prefixLen();
            int key = fa.route.dst() & mask(len);
            int i = shared.slot(len);
            List<FibAlias> l = shared.byLen[i].get(key);
            l.remove(fa);
            if (l.isEmpty()) shared.byLen[i].remove(key);
            shared.count[i]--;
            int slot = own.slotOrCreate(len);
            List<FibAlias> ol = own.byLen[slot].get(key);
            if (ol == null) {
                ol = new ArrayList<>(1);
                own.byLen[slot].put(key, ol);
            }
            ol.add(fa);
            own.count[slot]++;
        }
        trie = own;
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
        Trie tr = trie;
        for (int s = 0; s < tr.nLens; s++) {
            if (tr.count[s] == 0) continue;
            List<FibAlias> l = tr.byLen[s].get(dst & mask(tr.lens[s]));
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

    /** Every alias of this table in no particular order, for walks that change no membership and print nothing. */
    void forEachAlias(java.util.function.Consumer<FibAlias> c) {
        Trie tr = trie;
        for (int s = 0; s < tr.nLens; s++) {
            if (tr.count[s] > 0) tr.byLen[s].forEachValue(l -> {
                for (FibAlias fa : l) if (fa.route.table() == id) c.accept(fa);
            });
        }
    }

    /** Every alias in dump order: by prefix key, longer prefixes first at one key, then list order. */
    public List<FibAlias> dump() {
        List<List<FibAlias>> nodes = new ArrayList<>();
        Trie tr = trie;
        for (int s = 0; s < tr.nLens; s++) {
            if (tr.count[s] > 0) tr.byLen[s].forEachValue(nodes::add);
        }
        nodes.sort(Comparator.<List<FibAlias>>comparingLong(l -> Integer.toUnsignedLong(l.get(0).route.dst()))
                .thenComparingInt(l -> -l.get(0).route.prefixLen()));
        List<FibAlias> out = new ArrayList<>(size);
        // fib_table_dump() skips the aliases of the other table sharing the trie (fa_tb_id)
        for (List<FibAlias> l : nodes) for (FibAlias fa : l) if (fa.route.table() == id) out.add(fa);
        return out;
    }

    @Override
    public String toString() { return "fib_table(" + id + ", " + size + " routes)"; }
}
