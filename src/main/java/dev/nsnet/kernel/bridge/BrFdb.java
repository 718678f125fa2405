package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.Tracepoints;
import java.util.List;

/**
 * net/bridge/br_fdb.c: the forwarding database — learning ({@code br_fdb_update}), lookup
 * ({@code br_fdb_find}), the local entries of the bridge and its ports, ageing by the gc work
 * ({@code br_fdb_cleanup}) and the entries user space adds and deletes (RTM_NEWNEIGH/DELNEIGH).
 */
public final class BrFdb {
    private BrFdb() { }

    /** NUD_* states as the fdb dump reports them (fdb_to_nud()). */
    public static final int NUD_REACHABLE = 0x02, NUD_STALE = 0x04, NUD_NOARP = 0x40, NUD_PERMANENT = 0x80;
    /** Netlink flags of a new-entry request. */
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800;

    /** br_fdb_find(). */
    public static FdbEntry find(NetBridge br, long mac, int vlan) { return br.fdb.find(mac, vlan); }

    /** The entries in dump order (br->fdb_list, newest first). */
    public static List<FdbEntry> entries(NetBridge br) { return br.fdb.list(); }

    private static FdbEntry create(NetBridge br, BrPort source, long mac, int vlan, boolean local, boolean isStatic) {
        FdbEntry f = new FdbEntry(mac, vlan);
        f.dst = source;
        f.local = local;
        f.isStatic = isStatic;
        f.updated = f.used = br.now();
        br.fdb.insert(f);
        return f;
    }

    static void delete(NetBridge br, FdbEntry f) { br.fdb.remove(f); }

    /** has_expired(). */
    static boolean hasExpired(NetBridge br, FdbEntry f) {
        return !f.isStatic && f.updated + br.holdTimeNs() <= br.now();
    }

    /** fdb_to_nud(). */
    public static int nudState(NetBridge br, FdbEntry f) {
        if (f.local) return NUD_PERMANENT;
        if (f.isStatic) return NUD_NOARP;
        if (hasExpired(br, f)) return NUD_STALE;
        return NUD_REACHABLE;
    }

    /** br_fdb_update(): learns that {@code src} lives behind {@code source}. */
    static void update(NetBridge br, BrPort source, long src, int vlan, dev.nsnet.kernel.core.SkBuff skb) {
        if (br.holdTimeNs() == 0) return; // ageing_time 0: "some users want to always flood"
        FdbEntry f = br.fdb.find(src, vlan);
        Tracepoints tp = br.dev.ns.host.emulation.trace;
        if (f != null) {
            if (f.local) return; // own address as source: the kernel only warns
            long now = br.now();
            f.updated = now;
            if (f.dst != source && !f.sticky) {
                if (tp.on) tp.step(skb, source.dev, "br_fdb_update",
                        "moved " + Mac.format(src) + " to port " + source.dev.name);
                f.dst = source;
            }
        } else {
            create(br, source, src, vlan, false, false);
            if (tp.on) tp.step(skb, source.dev, "br_fdb_update",
                    "learned " + Mac.format(src) + " on port " + source.dev.name);
        }
    }

    /** fdb_add_local(): a local (permanent) entry for {@code mac}, kept if one exists already. */
    static void addLocal(NetBridge br, BrPort source, long mac) {
        if (!Mac.isValidUnicast(mac)) return;
        FdbEntry f = br.fdb.find(mac, 0);
        if (f != null) {
            if (f.local) return; // several ports may share an address: the first one wins
            delete(br, f);
        }
        create(br, source, mac, 0, true, true);
    }

    /** fdb_delete_local(): hands the local entry to another owner of the address, else deletes it. */
    static void deleteLocal(NetBridge br, BrPort p, FdbEntry f) {
        for (BrPort op : br.ports) {
            if (op != p && op.dev.mac == f.mac) {
                f.dst = op;
                f.addedByUser = false;
                return;
            }
        }
        if (p != null && br.dev.mac == f.mac) {
            f.dst = null;
            f.addedByUser = false;
            return;
        }
        delete(br, f);
    }

    /** br_fdb_changeaddr(): a port's MAC changed. */
    static void changeAddr(BrPort p, long newMac) {
        NetBridge br = p.br;
        for (FdbEntry f : br.fdb.list()) {
            if (f.dst == p && f.local && !f.addedByUser) {
                deleteLocal(br, p, f);
                break;
            }
        }
        addLocal(br, p, newMac);
    }

    /** br_fdb_change_mac_address(): the bridge device's own MAC changed to {@code newMac}. */
    static void changeMacAddress(NetBridge br, long oldMac, long newMac) {
        FdbEntry f = br.fdb.find(oldMac, 0);
        if (f != null && f.local && f.dst == null && !f.addedByUser) deleteLocal(br, null, f);
        addLocal(br, null, newMac);
    }

    /** br_fdb_delete_by_port(): drops what was learned on {@code p} (and, with doAll, its local and static entries). */
    static void deleteByPort(NetBridge br, BrPort p, boolean doAll) {
        for (FdbEntry f : br.fdb.list()) {
            if (f.dst != p) continue;
            if (!doAll && f.isStatic) continue;
            if (f.local) deleteLocal(br, p, f);
            else delete(br, f);
        }
    }

    /** br_fdb_flush(): every dynamic entry goes (bridge deleted, or user flush). */
    static void flushAll(NetBridge br) {
        for (FdbEntry f : br.fdb.list()) delete(br, f);
    }

    /** br_fdb_flush() for IFLA_BR_FDB_FLUSH: every entry that is neither local nor static. */
    static void flushDynamic(NetBridge br) {
        for (FdbEntry f : br.fdb.list()) if (!f.isStatic) delete(br, f);
    }

    /** br_fdb_cleanup(): the gc work; deletes expired dynamic entries and re-arms itself. */
    static void cleanup(NetBridge br) {
        long delay = br.holdTimeNs();
        long work = delay;
        long now = br.now();
        for (FdbEntry f : br.fdb.list()) {
            if (f.isStatic) continue;
            long expires = f.updated + delay;
            if (expires > now) work = Math.min(work, expires - now);
            else {
                delete(br, f);
            }
        }
        br.gcTimer.mod(now + Math.max(work, 10_000_000L)); // at least 10 ms apart
    }

    /** Starts the gc work (br_stp_enable_bridge queues it HZ/10 after the bridge opens). */
    static void startGc(NetBridge br) { br.gcTimer.mod(br.now() + 100_000_000L); }

    static void stopGc(NetBridge br) { br.gcTimer.del(); }

    // ---------------------------------------------------------------- user requests

    /**
     * br_fdb_add() with fdb_add_entry(): {@code bridge fdb add|replace|append ADDR dev DEV master}
     * (DEV a port) or {@code ... dev BR self} (DEV the bridge itself).
     *
     * @param state NUD_* bits of the request; {@code nlFlags} NLM_F_CREATE/EXCL/REPLACE
     */
    public static void userAdd(NetDevice dev, long mac, int vlan, int state, int nlFlags, boolean sticky) {
        NetBridge br = NetBridge.of(dev);
        BrPort p = null;
        if (br == null) {
            p = BrPort.of(dev);
            if (p == null) throw new KernelException(Errno.EINVAL);
            br = p.br;
        }
        if ((state & (NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)) == 0) throw new KernelException(Errno.EINVAL);
        if (mac == 0) throw new KernelException(Errno.EINVAL);
        if (vlan != 0) throw new KernelException(Errno.EINVAL); // no vlan is configured with vlan_filtering 0
        if (p != null && (state & NUD_PERMANENT) == 0 && (state & NUD_NOARP) == 0
                && !(p.state == BrPort.LEARNING || p.state == BrPort.FORWARDING)) {
            throw new KernelException(Errno.EPERM); // a port that cannot learn takes only local and static entries
        }
        if (p == null && (state & NUD_PERMANENT) == 0) throw new KernelException(Errno.EINVAL);
        if (sticky && (state & NUD_PERMANENT) != 0) throw new KernelException(Errno.EINVAL);
        FdbEntry f = br.fdb.find(mac, vlan);
        boolean modified = false;
        if (f == null) {
            if ((nlFlags & NLM_F_CREATE) == 0) throw new KernelException(Errno.ENOENT);
            f = create(br, p, mac, vlan, false, false);
            modified = true;
        } else {
            if ((nlFlags & NLM_F_EXCL) != 0) throw new KernelException(Errno.EEXIST);
            if (f.dst != p) {
                f.dst = p;
                modified = true;
            }
        }
        if ((state & NUD_PERMANENT) != 0) {
            f.local = true;
            f.isStatic = true;
        } else if ((state & NUD_NOARP) != 0) {
            f.local = false;
            f.isStatic = true;
        } else {
            f.local = false;
            f.isStatic = false;
        }
        f.sticky = sticky;
        f.addedByUser = true;
        long now = br.now();
        f.used = now;
        f.updated = now; // fdb_add_entry() always sees a changed state word, so it always refreshes
    }

    /** br_fdb_delete(): {@code bridge fdb del ADDR dev PORT master} / {@code dev BR self}. */
    public static void userDelete(NetDevice dev, long mac, int vlan) {
        NetBridge br = NetBridge.of(dev);
        BrPort p = null;
        if (br == null) {
            p = BrPort.of(dev);
            if (p == null) throw new KernelException(Errno.EINVAL);
            br = p.br;
        }
        FdbEntry f = br.fdb.find(mac, vlan);
        if (f == null || f.dst != p) throw new KernelException(Errno.ENOENT);
        delete(br, f);
    }
}
