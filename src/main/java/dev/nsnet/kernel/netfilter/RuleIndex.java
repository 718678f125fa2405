package dev.nsnet.kernel.netfilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A skip index over a long chain, so that 10,000 rules that do not match a packet cost a few hash
 * lookups instead of 10,000 comparisons (the kernel walks every rule; nf_tables users reach for
 * sets instead). nsnet keeps the kernel's first-match semantics exactly:
 *
 * <ul>
 *   <li>The chain is cut into <em>blocks</em>: maximal runs of consecutive rules whose source and
 *       destination tests are not inverted. A rule with {@code ! -s} or {@code ! -d} is a block of
 *       its own that is always evaluated.</li>
 *   <li>Inside a block, rules are grouped by their (source mask, destination mask) pair. Each group
 *       is a hash map from (source &amp; mask, destination &amp; mask) to the ascending positions of
 *       the rules with exactly those address values.</li>
 *   <li>For a packet at position {@code from}, {@link #next} asks every group of the current block
 *       for its first position &ge; {@code from} under the packet's masked addresses: the smallest
 *       answer is the next rule whose addresses can match. Every other rule of the block cannot
 *       match (its address test fails), so skipping it changes neither verdict nor counters. If no
 *       group answers, the whole block is skipped.</li>
 * </ul>
 * The candidate still goes through the full match (interfaces, protocol, extensions). A block
 * costs one lookup per distinct mask pair (typically one or two), so 10,000 host rules cost about
 * as much as one. Chains shorter than {@link #MIN_RULES} are walked plainly.
 */
final class RuleIndex {
    static final int MIN_RULES = 16;

    /** Block id per rule position; -1 for a rule that must always be evaluated. */
    private final int[] blockOf;
    private final Block[] blocks;
    private final int n;

    private RuleIndex(int[] blockOf, Block[] blocks, int n) {
        this.blockOf = blockOf;
        this.blocks = blocks;
        this.n = n;
    }

    static RuleIndex build(XtRule[] rules) {
        if (rules.length < MIN_RULES) return null;
        int[] blockOf = new int[rules.length];
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < rules.length) {
            if (!indexable(rules[i])) {
                blockOf[i++] = -1;
                continue;
            }
            int start = i;
            while (i < rules.length && indexable(rules[i])) i++;
            int id = blocks.size();
            blocks.add(Block.build(rules, start, i));
            Arrays.fill(blockOf, start, i, id);
        }
        return new RuleIndex(blockOf, blocks.toArray(new Block[0]), rules.length);
    }

    private static boolean indexable(XtRule r) {
        return (r.invflags & (XtRule.INV_SRCIP | XtRule.INV_DSTIP)) == 0;
    }

    /** The first position &ge; {@code from} whose rule can match a packet from {@code s} to {@code d}, or n. */
    int next(int from, int s, int d) {
        int i = from;
        while (i < n) {
            int b = blockOf[i];
            if (b < 0) return i;
            Block blk = blocks[b];
            int best = blk.first(i, s, d);
            if (best < blk.end) return best;
            i = blk.end;
        }
        return n;
    }

    /** One block: its groups (one per mask pair) and where it ends. */
    private static final class Block {
        final int end;
        final int[] smsk, dmsk;
        final LongMap[] maps;

        private Block(int end, int[] smsk, int[] dmsk, LongMap[] maps) {
            this.end = end;
            this.smsk = smsk;
            this.dmsk = dmsk;
            this.maps = maps;
        }

        /**
         * Two passes over primitive arrays (no boxing, no per-rule collections), so indexing a
         * 50,000-rule restore costs a few milliseconds: group the rules by mask pair (usually
         * one or two groups; the last one is tried first), size each group's map, then fill.
         */
        static Block build(XtRule[] rules, int start, int end) {
            int n = end - start;
            int[] groupOf = new int[n];
            long[] gkeys = new long[4];
            int[] gcount = new int[4];
            int groups = 0, last = -1;
            for (int i = 0; i < n; i++) {
                XtRule r = rules[start + i];
                long mk = key(r.smsk, r.dmsk);
                int g = last >= 0 && gkeys[last] == mk ? last : -1;
                for (int k = 0; g < 0 && k < groups; k++) if (gkeys[k] == mk) g = k;
                if (g < 0) {
                    if (groups == gkeys.length) {
                        gkeys = Arrays.copyOf(gkeys, groups * 2);
                        gcount = Arrays.copyOf(gcount, groups * 2);
                    }
                    g = groups++;
                    gkeys[g] = mk;
                }
                groupOf[i] = g;
                gcount[g]++;
                last = g;
            }
            int[] sm = new int[groups], dm = new int[groups];
            LongMap[] maps = new LongMap[groups];
            for (int k = 0; k < groups; k++) {
                sm[k] = (int) (gkeys[k] >>> 32);
                dm[k] = (int) gkeys[k];
                maps[k] = new LongMap(gcount[k]);
            }
            for (int i = 0; i < n; i++) {
                XtRule r = rules[start + i];
                maps[groupOf[i]].add(key(r.src, r.dst), start + i);
            }
            for (LongMap m : maps) m.trim();
            return new Block(end, sm, dm, maps);
        }

        int first(int from, int s, int d) {
            int best = end;
            for (int k = 0; k < maps.length; k++) {
                int[] pos = maps[k].get(key(s & smsk[k], d & dmsk[k]));
                if (pos == null) continue;
                int j = Arrays.binarySearch(pos, from);
                if (j < 0) j = -j - 1;
                if (j < pos.length && pos[j] < best) best = pos[j];
            }
            return best;
        }
    }

    static long key(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }

    /** Open addressing long -> int[] map; lookups do not allocate. */
    static final class LongMap {
        private final long[] keys;
        private final int[][] vals;
        private final int mask;
        /** Fill of each list while {@link #add} builds the map (null: every list is full). */
        private int[] lens;

        LongMap(int size) {
            int cap = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
            keys = new long[cap];
            vals = new int[cap][];
            mask = cap - 1;
        }

        private static int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        void put(long k, int[] v) {
            int i = hash(k) & mask;
            while (vals[i] != null && keys[i] != k) i = (i + 1) & mask;
            keys[i] = k;
            vals[i] = v;
        }

        /** Appends position {@code pos} (ascending) to key {@code k}'s list; {@link #trim} fixes the lengths. */
        void add(long k, int pos) {
            int i = hash(k) & mask;
            while (vals[i] != null && keys[i] != k) i = (i + 1) & mask;
            int[] v = vals[i];
            if (v == null) {
                keys[i] = k;
                vals[i] = new int[] {pos};
                return;
            }
            if (lens == null) lens = new int[vals.length];
            int len = lens[i] == 0 ? v.length : lens[i];
            if (len == v.length) v = vals[i] = Arrays.copyOf(v, len * 2);
            v[len] = pos;
            lens[i] = len + 1;
        }

        /** Cuts the lists {@link #add} grew to their lengths (lookups binary-search whole arrays). */
        void trim() {
            if (lens == null) return;
            for (int i = 0; i < vals.length; i++) if (lens[i] > 0 && lens[i] < vals[i].length) vals[i] = Arrays.copyOf(vals[i], lens[i]);
            lens = null;
        }

        int[] get(long k) {
            int i = hash(k) & mask;
            while (true) {
                int[] v = vals[i];
                if (v == null) return null;
                if (keys[i] == k) return v;
                i = (i + 1) & mask;
            }
        }
    }
}
