package dev.nsnet.kernel.ipv4;

import java.util.function.Consumer;

/** An open-addressing hash map from int keys, so FIB probes do not box their keys. */
final class IntMap<V> {
    private int[] keys = new int[8];
    private Object[] vals = new Object[8];
    private boolean[] used = new boolean[8];
    private int size;

    private static int hash(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int m = keys.length - 1;
        for (int i = hash(key) & m; used[i]; i = (i + 1) & m) {
            if (keys[i] == key) return (V) vals[i];
        }
        return null;
    }

    void put(int key, V v) {
        if ((size + 1) * 2 > keys.length) grow();
        int m = keys.length - 1;
        int i = hash(key) & m;
        for (; used[i]; i = (i + 1) & m) {
            if (keys[i] == key) {
                vals[i] = v;
                return;
            }
        }
        used[i] = true;
        keys[i] = key;
        vals[i] = v;
        size++;
    }

    void remove(int key) {
        int m = keys.length - 1;
        int i = hash(key) & m;
        for (; used[i]; i = (i + 1) & m) {
            if (keys[i] == key) break;
        }
        if (!used[i]) return;
        used[i] = false;
        vals[i] = null;
        size--;
        // Re-insert the rest of the cluster so probing stays correct (linear probing deletion).
        for (int j = (i + 1) & m; used[j]; j = (j + 1) & m) {
            int k = keys[j];
            Object v = vals[j];
            used[j] = false;
            vals[j] = null;
            size--;
            @SuppressWarnings("unchecked") V vv = (V) v;
            put(k, vv);
        }
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<V> c) {
        for (int i = 0; i < keys.length; i++) if (used[i]) c.accept((V) vals[i]);
    }

    int size() { return size; }

    private void grow() {
        int[] ok = keys;
        Object[] ov = vals;
        boolean[] ou = used;
        keys = new int[ok.length * 2];
        vals = new Object[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ou[i]) {
                @SuppressWarnings("unchecked") V v = (V) ov[i];
                put(ok[i], v);
            }
        }
    }
}
