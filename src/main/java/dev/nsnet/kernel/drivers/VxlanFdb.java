package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.wire.Mac;
import java.util.ArrayList;
import java.util.List;

/**
 * A vxlan device's forwarding table (drivers/net/vxlan/vxlan_core.c: {@code struct vxlan_fdb},
 * {@code struct vxlan_rdst}, {@code vxlan_fdb_update}, {@code __vxlan_fdb_delete},
 * {@code vxlan_snoop}, {@code vxlan_cleanup}). Each entry maps an inner MAC (all-zeros for the
 * default destination) to one or more remote VTEPs. Lookups go through an open-addressing table
 * over {@code long} keys (no allocation on the data path); the dump walks a list newest first, as
 * the kernel's {@code fdb_list} (hlist_add_head) does.
 */
public final class VxlanFdb {
    /** NUD_* of an entry as {@code bridge fdb} shows it. */
    public static final int NUD_REACHABLE = 0x02, NUD_STALE = 0x04, NUD_NOARP = 0x40, NUD_PERMANENT = 0x80;
    /** NTF_* flags kept in {@code fdb->flags}. */
    public static final int NTF_SELF = 0x02, NTF_ROUTER = 0x80, NTF_EXT_LEARNED = 0x10;
    /** NLM_F_* of the request. */
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800;

    /** struct vxlan_rdst: one remote VTEP of an entry. */
    public static final class Remote {
        public int ip;
        public int port;
        public int vni;
        public int ifindex;

        Remote(int ip, int port, int vni, int ifindex) {
            this.ip = ip;
            this.port = port;
            this.vni = vni;
            this.ifindex = ifindex;
        }

        boolean matches(int ip, int port, int vni, int ifindex) {
            return this.ip == ip && this.port == port && this.vni == vni && this.ifindex == ifindex;
        }
    }

    /** struct vxlan_fdb. */
    public static final class Entry {
        public final long mac;
        public int state;
        public int flags;
        /** jiffies of the last transmit lookup / last update, as virtual ns. */
        public long used, updated;
        /** The remotes in list order (vxlan_fdb_append adds at the tail). */
        public final List<Remote> remotes = new ArrayList<>(1);
        Entry newer, older;

        Entry(long mac) { this.mac = mac; }

        public Remote first() { return remotes.isEmpty() ? null : remotes.get(0); }
    }

    private long[] keys = new long[16];
    private Entry[] vals = new Entry[16];
    private int size, used;
    private Entry newest;
    private static final Entry TOMBSTONE = new Entry(-1);
    /** vxlan->addrcnt. */
    int addrcnt;

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** __vxlan_find_mac(): no side effect. */
    public Entry find(long mac) {
        int mask = keys.length - 1;
        for (int i = hash(mac) & mask; ; i = (i + 1) & mask) {
            Entry e = vals[i];
            if (e == null) return null;
            if (e != TOMBSTONE && keys[i] == mac) return e;
        }
    }

    /** vxlan_find_mac(): a lookup of the transmit path refreshes {@code used}. */
    public Entry findUse(long mac, long now) {
        Entry e = find(mac);
        if (e != null) e.used = now;
        return e;
    }

    public int size() { return size; }

    /** The entries newest first (the order of {@code bridge fdb show}). */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>(size);
        for (Entry e = newest; e != null; e = e.older) out.add(e);
        return out;
    }

    private void insert(Entry e) {
        if ((used + 1) * 2 > keys.length) rehash(size * 4 > keys.length ? keys.length * 2 : keys.length);
        int mask = keys.length - 1;
        int i = hash(e.mac) & mask;
        while (vals[i] != null && vals[i] != TOMBSTONE) i = (i + 1) & mask;
        if (vals[i] == null) used++;
        keys[i] = e.mac;
        vals[i] = e;
        size++;
        e.older = newest;
        if (newest != null) newest.newer = e;
        newest = e;
    }

    private void rehash(int cap) {
        long[] ok = keys;
        Entry[] ov = vals;
        keys = new long[cap];
        vals = new Entry[cap];
        used = 0;
        int mask = cap - 1;
        for (int j = 0; j < ok.length; j++) {
            Entry e = ov[j];
            if (e == null || e == TOMBSTONE) continue;
            int i = hash(ok[j]) & mask;
            while (vals[i] != null) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = e;
            used++;
        }
    }

    /** vxlan_fdb_destroy(). */
    public void destroy(Entry e) {
        int mask = keys.length - 1;
        for (int i = hash(e.mac) & mask; ; i = (i + 1) & mask) {
            if (vals[i] == null) return;
            if (vals[i] == e) {
                vals[i] = TOMBSTONE;
                break;
            }
        }
        size--;
        if (Mac.isValidUnicast(e.mac)) addrcnt--;
        if (e.newer != null) e.newer.older = e.older;
        else newest = e.older;
        if (e.older != null) e.older.newer = e.newer;
        e.newer = e.older = null;
    }

    /** vxlan_fdb_create(): a new entry with one remote, at the head of the list. */
    public Entry create(long mac, int ip, int port, int vni, int ifindex, int state, int flags, long now) {
        Entry e = new Entry(mac);
        e.state = state;
        e.flags = flags;
        e.used = e.updated = now;
        e.remotes.add(new Remote(ip, port, vni, ifindex));
        insert(e);
        if (Mac.isValidUnicast(mac)) addrcnt++;
        return e;
    }

    /**
     * vxlan_fdb_update(): {@code bridge fdb add|append|replace} and learning. An existing entry
     * takes the request's state and flags; REPLACE rewrites a unicast entry's first remote
     * (EOPNOTSUPP for the all-zeros and multicast ones), APPEND adds a remote to an all-zeros or
     * multicast entry only. A new entry needs NLM_F_CREATE (ENOENT), respects {@code maxaddress}
     * (ENOSPC) and cannot be a non-unicast REPLACE.
     */
    public void update(long mac, int ip, int port, int vni, int ifindex, int state, int nlFlags, int fdbFlags,
                       int addrmax, long now) {
        Entry f = find(mac);
        boolean multi = mac == 0 || Mac.isMulticast(mac);
        if (f != null) {
            if ((nlFlags & NLM_F_EXCL) != 0) throw new KernelException(Errno.EEXIST);
            if (f.state != state) {
                f.state = state;
                f.updated = now;
            }
            if (f.flags != fdbFlags) {
                f.flags = fdbFlags;
                f.updated = now;
            }
            if ((nlFlags & NLM_F_REPLACE) != 0) {
                if (multi) throw new KernelException(Errno.EOPNOTSUPP, "Cannot replace non-unicast fdb entries");
                replace(f, ip, port, vni, ifindex);
            }
            if ((nlFlags & NLM_F_APPEND) != 0 && multi) append(f, ip, port, vni, ifindex);
            f.updated = now;
            return;
        }
        if ((nlFlags & NLM_F_CREATE) == 0) throw new KernelException(Errno.ENOENT);
        if (addrmax != 0 && addrcnt >= addrmax) throw new KernelException(Errno.ENOSPC);
        if ((nlFlags & NLM_F_REPLACE) != 0 && multi) throw new KernelException(Errno.EOPNOTSUPP);
        create(mac, ip, port, vni, ifindex, state, fdbFlags, now);
    }

    /** vxlan_fdb_replace(): the first remote becomes the given one unless it is already listed. */
    private static void replace(Entry f, int ip, int port, int vni, int ifindex) {
        for (Remote r : f.remotes) if (r.matches(ip, port, vni, ifindex)) return;
        Remote r = f.first();
        if (r == null) return;
        r.ip = ip;
        r.port = port;
        r.vni = vni;
        r.ifindex = ifindex;
    }

    /** vxlan_fdb_append(): a remote added at the tail unless already listed. */
    private static void append(Entry f, int ip, int port, int vni, int ifindex) {
        for (Remote r : f.remotes) if (r.matches(ip, port, vni, ifindex)) return;
        f.remotes.add(new Remote(ip, port, vni, ifindex));
    }

    /**
     * __vxlan_fdb_delete(): without a destination the whole entry goes; with one, that remote
     * (the entry when it was the only one). An entry without that remote is left alone and the
     * request still succeeds; a missing entry is ENOENT.
     */
    public void delete(long mac, boolean anyIp, int ip, int port, int vni, int ifindex, long now) {
        Entry f = findUse(mac, now);
        if (f == null) throw new KernelException(Errno.ENOENT);
        Remote rd = null;
        if (!anyIp) {
            for (Remote r : f.remotes) {
                if (r.matches(ip, port, vni, ifindex)) {
                    rd = r;
                    break;
                }
            }
            if (rd == null) return;
        }
        if (rd != null && f.remotes.size() > 1) {
            f.remotes.remove(rd);
            return;
        }
        destroy(f);
    }

    /**
     * vxlan_flush(): {@code doAll} empties the table (device deletion); otherwise (device stop)
     * only the entries neither permanent nor static go, the default destination stays.
     */
    public void flush(boolean doAll) {
        for (Entry e : list()) {
            if (!doAll && (e.state & (NUD_PERMANENT | NUD_NOARP)) != 0) continue;
            destroy(e);
        }
    }
}
