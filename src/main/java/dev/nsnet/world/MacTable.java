package dev.nsnet.world;

import java.util.Arrays;

/**
 * A switch's MAC address table: MAC -> port number and when it was last seen, in an
 * open-addressing table over primitive arrays so learning allocates nothing per frame.
 */
final class MacTable {
    private static final long EMPTY = -1L; // not a MAC (MACs are 48-bit)
    private long[] keys = new long[64];
    private int[] ports = new int[64];
    private long[] seen = new long[64];
    private int size;

    MacTable() { Arrays.fill(keys, EMPTY); }

    private int slot(long mac) {
        int mask = keys.length - 1;
        int i = (int) (mac ^ (mac >>> 17) ^ (mac >>> 31)) * 0x9E3779B1 & mask;
        while (keys[i] != EMPTY && keys[i] != mac) i = (i + 1) & mask;
        return i;
    }

    /** The port {@code mac} was learned on, or -1 (unknown or older than {@code maxAge} at {@code now}). */
    int lookup(long mac, long now, long maxAge) {
        int i = slot(mac);
        if (keys[i] == EMPTY || now - seen[i] > maxAge) return -1;
        return ports[i];
    }

    void learn(long mac, int port, long now) {
        int i = slot(mac);
        if (keys[i] == EMPTY) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                i = slot(mac);
            }
            keys[i] = mac;
            size++;
        }
        ports[i] = port;
        seen[i] = now;
    }

    /** Live entries learned on {@code port} (a scan: used only when a port has a MAC limit and a new address appears). */
    int countPort(int port, long now, long maxAge) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && ports[i] == port && now - seen[i] <= maxAge) n++;
        return n;
    }

    /** Forgets every address learned on {@code port} (its link went down). */
    void flushPort(int port) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && ports[i] == port) seen[i] = Long.MIN_VALUE / 2;
    }

    private void grow() {
        long[] k = keys; int[] p = ports; long[] s = seen;
        keys = new long[k.length * 2];
        Arrays.fill(keys, EMPTY);
        ports = new int[k.length * 2];
        seen = new long[k.length * 2];
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == EMPTY) continue;
            int j = slot(k[i]);
            keys[j] = k[i]; ports[j] = p[i]; seen[j] = s[i];
            size++;
        }
    }

    /** Live entries as (mac, port, seenNs) triples, in MAC order, for display. */
    long[][] entries(long now, long maxAge) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && now - seen[i] <= maxAge) n++;
        long[][] out = new long[n][];
        int j = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && now - seen[i] <= maxAge) out[j++] = new long[] {keys[i], ports[i], seen[i]};
        Arrays.sort(out, (x, y) -> Long.compare(x[0], y[0]));
        return out;
    }
}
