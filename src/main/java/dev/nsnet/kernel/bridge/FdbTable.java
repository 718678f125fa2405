package dev.nsnet.kernel.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The bridge's FDB storage: the rhashtable keyed by (MAC, vlan) and {@code br->fdb_list}, the
 * list the dump walks, newest entry first. Open addressing over {@code long} keys so that a
 * lookup on the data path allocates nothing.
 */
final class FdbTable {
    private long[] keys = new long[64];
    private FdbEntry[] vals = new FdbEntry[64];
    private int size, used;
    private FdbEntry head;
    private static final FdbEntry TOMBSTONE = new FdbEntry(-1, -1);

    private static long key(long mac, int vlan) { return (mac & 0xffff_ffff_ffffL) | ((long) vlan << 48); }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    FdbEntry find(long mac, int vlan) {
        long k = key(mac, vlan);
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            FdbEntry e = vals[i];
            if (e == null) return null;
            if (e != TOMBSTONE && keys[i] == k) return e;
        }
    }

    /** Inserts a new entry at the head of the list; the key must not be present. */
    void insert(FdbEntry e) {
        if ((used + 1) * 2 > keys.length) rehash(size * 4 > keys.length ? keys.length * 2 : keys.length);
        long k = key(e.mac, e.vlan);
        int mask = keys.length - 1;
        int i = hash(k) & mask;
        while (vals[i] != null && vals[i] != TOMBSTONE) i = (i + 1) & mask;
        if (vals[i] == null) used++;
        keys[i] = k;
        vals[i] = e;
        size++;
        e.next = head;
        e.prev = null;
        if (head != null) head.prev = e;
        head = e;
    }

    void remove(FdbEntry e) {
        long k = key(e.mac, e.vlan);
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            FdbEntry v = vals[i];
            if (v == null) return;
            if (v == e) {
                vals[i] = TOMBSTONE;
                size--;
                break;
            }
        }
        if (e.prev != null) e.prev.next = e.next; else head = e.next;
        if (e.next != null) e.next.prev = e.prev;
        e.prev = e.next = null;
    }

    private void rehash(int cap) {
        long[] ok = keys;
        FdbEntry[] ov = vals;
        keys = new long[cap];
        vals = new FdbEntry[cap];
        used = 0;
        int mask = cap - 1;
        for (int j = 0; j < ok.length; j++) {
            FdbEntry e = ov[j];
            if (e == null || e == TOMBSTONE) continue;
            int i = hash(ok[j]) & mask;
            while (vals[i] != null) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = e;
            used++;
        }
    }

    int size() { return size; }

    /** The entries in fdb_list order (newest first); a snapshot, safe to modify the table while walking. */
    List<FdbEntry> list() {
        List<FdbEntry> l = new ArrayList<>(size);
        for (FdbEntry e = head; e != null; e = e.next) l.add(e);
        return l;
    }
}
