package dev.nsnet.kernel.ipv4;

import java.util.function.Consumer;

/**
 * An open-addressing hash map from int keys, so FIB probes do not box their keys. Values are never
 * null: a slot is in use when its value is set (no separate flags array, it is kept per table).
 */
final class IntMap<V> {
    private int[] keys = new int[4];
    private Object[] vals = new Object[4];
    private int size;

    private static int hash(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int m = keys.length - 1;
        for (int i = hash(key) & m; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) return (V) vals[i];
        }
        return null;
    }

    void put(int key, V v) {
        java.util.Objects.requireNonNull(v);
        if ((size + 1) * 2 > keys.length) grow();
        int m = keys.length - 1;
        int i = hash(key) & m;
        for (; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) {
                vals[i] = v;
                return;
            }
        }
        keys[i] = key;
        vals[i] = v;
        size++;
    }

    void remove(int key) {
        int m = keys.length - 1;
        int i = hash(key) & m;
        for (; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == key) break;
        }
        if (vals[i] == null) return;
        vals[i] = null;
        size--;
        // Re-insert the rest of the cluster so probing stays correct (linear probing deletion).
        for (int j = (i + 1) & m; vals[j] != null; j = (j + 1) & m) {
            int k = keys[j];
            Object v = vals[j];
            vals[j] = null;
            size--;
            @SuppressWarnings("unchecked") V vv = (V) v;
            put(k, vv);
        }
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<V> c) {
        for (int i = 0; i < keys.length; i++) if (vals[i] != null) c.accept((V) vals[i]);
    }

    int size() { return size; }

    private void grow() {
        int[] ok = keys;
        Object[] ov = vals;
        keys = new int[ok.length * 2];
        vals = new Object[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                @SuppressWarnings("unchecked") V v = (V) ov[i];
                put(ok[i], v);
            }
        }
    }
}
