package dev.nsnet.kernel.ipv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour hash ({@code neigh_hash_table}): open addressing keyed by (ifindex, IPv4 address)
 * packed in a long, so a lookup on the transmit path allocates nothing.
 */
final class NeighHash {
    // Made by the first entry (many namespaces never resolve a neighbour), then 16 slots as before:
    // the slot order is the dump order, so the size sequence must not change.
    private static final long[] NO_KEYS = new long[1];
    private static final Neigh[] NO_VALS = new Neigh[1];
    private long[] keys = NO_KEYS;
    private Neigh[] vals = NO_VALS;
    private int size;

    static long key(int ifindex, int ip) { return ((long) ifindex << 32) | (ip & 0xffffffffL); }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    Neigh get(long key) {
        int m = keys.length - 1;
        for (int i = slot(key, m); vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) return vals[i];
        }
        return null;
    }

    void put(long key, Neigh n) {
        if (keys == NO_KEYS) {
            keys = new long[16];
            vals = new Neigh[16];
        }
        if ((size + 1) * 2 > keys.length) grow();
        int m = keys.length - 1;
        int i = slot(key, m);
        for (; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) {
                vals[i] = n;
                return;
            }
        }
        keys[i] = key;
        vals[i] = n;
        size++;
    }

    void remove(long key) {
        int m = keys.length - 1;
        int i = slot(key, m);
        for (; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) break;
        }
        if (vals[i] == null) return;
        vals[i] = null;
        size--;
        for (int j = (i + 1) & m; vals[j] != null; j = (j + 1) & m) {
            long k = keys[j];
            Neigh v = vals[j];
            vals[j] = null;
            size--;
            put(k, v);
        }
    }

    int size() { return size; }

    /** The entries in slot order (a dump's order, which the kernel does not define either). */
    List<Neigh> values() {
        List<Neigh> l = new ArrayList<>(size);
        for (Neigh n : vals) if (n != null) l.add(n);
        return l;
    }

    private void grow() {
        long[] ok = keys;
        Neigh[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new Neigh[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ov[i] != null) put(ok[i], ov[i]);
    }
}
