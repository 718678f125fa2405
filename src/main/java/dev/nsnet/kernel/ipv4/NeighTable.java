package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARP neighbour table of one namespace ({@code arp_tbl}, net/core/neighbour.c): entries per
 * (device, address), the NUD state machine driven by {@link #timerHandler}, {@code __neigh_update},
 * {@code __neigh_event_send} and the output functions that queue packets while a resolution runs.
 * Times are the emulation's virtual clock.
 */
public final class NeighTable {
    static final long MS = 1_000_000L;
    /** HZ/100: the shortest timer the kernel arms for neighbours. */
    static final long MIN_TIMER_NS = 10 * MS;

    /** NEIGH_UPDATE_F_* flags. */
    public static final int F_OVERRIDE = 1, F_WEAK_OVERRIDE = 2, F_OVERRIDE_ISROUTER = 4, F_ADMIN = 0x80000000;

    final NetNamespace ns;
    public final NeighParms dflt = new NeighParms();
    // sized for a namespace's usual few devices (the default size allocates 64 slots up front)
    private final Map<NetDevice, NeighParms> devParms = new IdentityHashMap<>(4);
    private final Map<NetDevice, String> parmsNames = new IdentityHashMap<>(4);
    private final NeighHash hash = new NeighHash();
    public int gcThresh1 = 128, gcThresh2 = 512, gcThresh3 = 1024;
    public long gcIntervalMs = 30_000;
    private long createSeq;

    NeighTable(NetNamespace ns) {
        this.ns = ns;
        dflt.reachableTimeMs = randReachTime(dflt.baseReachableTimeMs);
        ns.sysctl.mount("net/ipv4/neigh/default/", DEFAULT_SYSCTL, new NeighParms.Ref(this, dflt));
        ns.sysctl.mountPerName("net/ipv4/neigh/", PARMS_SYSCTL, this::parmsSysctl, parmsNames::values);
    }

    /** net.ipv4.neigh.DEV.*: the parms files (schema shared by every namespace). */
    private static final Sysctl.Table<NeighParms.Ref> PARMS_SYSCTL = NeighParms.sysctlTable();

    /** net.ipv4.neigh.default.*: the parms files plus the table's own gc knobs. */
    private static final Sysctl.Table<NeighParms.Ref> DEFAULT_SYSCTL = NeighParms.sysctlTable()
            .addInt("gc_interval", r -> (int) (r.tbl().gcIntervalMs / 1000), (r, v) -> r.tbl().gcIntervalMs = v * 1000L,
                    0, Integer.MAX_VALUE)
            .addInt("gc_thresh1", r -> r.tbl().gcThresh1, (r, v) -> r.tbl().gcThresh1 = v, 0, Integer.MAX_VALUE)
            .addInt("gc_thresh2", r -> r.tbl().gcThresh2, (r, v) -> r.tbl().gcThresh2 = v, 0, Integer.MAX_VALUE)
            .addInt("gc_thresh3", r -> r.tbl().gcThresh3, (r, v) -> r.tbl().gcThresh3 = v, 0, Integer.MAX_VALUE);

    /** The parms behind directory net/ipv4/neigh/NAME, or null when no device registered one under that name. */
    private NeighParms.Ref parmsSysctl(String name) {
        NetDevice dev = ns.dev(name);
        NeighParms p = dev == null ? null : devParms.get(dev);
        return p != null && name.equals(parmsNames.get(dev)) ? new NeighParms.Ref(this, p) : null;
    }

    /** The namespace's ARP table (created by the IPv4 pernet init). */
    public static NeighTable of(NetNamespace ns) {
        NeighTable t = ns.subsys(NeighTable.class);
        if (t == null) {
            t = new NeighTable(ns);
            ns.setSubsys(NeighTable.class, t);
        }
        return t;
    }

    /** neigh_rand_reach_time(): uniformly in [base/2, 3*base/2). */
    long randReachTime(long baseMs) {
        if (baseMs <= 0) return 0;
        return ns.emulation().random().nextLong(baseMs) + (baseMs >> 1);
    }

    // ------------------------------------------------------------------ parms per device

    /** neigh_parms_alloc() for a device that gains IPv4: a copy of "default" and its sysctl files. */
    public NeighParms parmsAlloc(NetDevice dev) {
        NeighParms p = devParms.get(dev);
        if (p != null) return p;
        p = dflt.copy();
        p.reachableTimeMs = randReachTime(p.baseReachableTimeMs);
        devParms.put(dev, p);
        parmsNames.put(dev, dev.name);
        return p;
    }

    /** neigh_parms_release() + neigh_sysctl_unregister(). */
    public void parmsRelease(NetDevice dev) {
        if (devParms.remove(dev) == null) return;
        parmsNames.remove(dev);
    }

    /** The sysctl directory follows a renamed device. */
    public void parmsRename(NetDevice dev) {
        NeighParms p = devParms.get(dev);
        if (p == null) return;
        parmsNames.put(dev, dev.name);
    }

    public NeighParms parms(NetDevice dev) {
        NeighParms p = devParms.get(dev);
        return p != null ? p : dflt;
    }

    // ------------------------------------------------------------------ lookup / create

    /**
     * neigh_lookup(): the exact key. Entries of loopback and point-to-point devices are all keyed
     * 0.0.0.0 (arp_constructor), so a netlink request naming another address finds none of them;
     * the data path maps the next hop itself first ({@link #keyFor}, __ipv4_neigh_lookup_noref).
     */
    public Neigh lookup(NetDevice dev, int ip) { return hash.get(NeighHash.key(dev.ifindex, ip)); }

    /** __neigh_lookup(..., creat): finds or creates. */
    public Neigh lookupOrCreate(NetDevice dev, int ip) {
        Neigh n = lookup(dev, ip);
        return n != null ? n : create(dev, ip);
    }

    /**
     * __neigh_create() with arp_constructor(): NOARP for lo, multicast and broadcast. The
     * constructor rewrites a loopback/point-to-point key to 0.0.0.0, and an entry that then already
     * exists under the final key is returned instead of the new one (so `ip neigh add X dev lo`
     * updates the 0.0.0.0 entry loopback traffic uses).
     */
    public Neigh create(NetDevice dev, int ip) {
        ip = keyFor(dev, ip);
        Neigh existing = hash.get(NeighHash.key(dev.ifindex, ip));
        if (existing != null) return existing;
        long now = ns.emulation().now();
        Neigh n = new Neigh(this, dev, ip, parms(dev));
        n.seq = ++createSeq;
        n.used = n.updated = now;
        n.confirmed = now - (n.parms.baseReachableTimeMs << 1) * MS;
        RouteType type = Fib.addrType(ns, ip);
        if (type == RouteType.MULTICAST) {
            n.nudState = NeighState.NOARP;
            n.ha = 0x01005e000000L | (ip & 0x7fffff);
        } else if ((dev.flags & (If.IFF_NOARP | If.IFF_LOOPBACK)) != 0) {
            n.nudState = NeighState.NOARP;
            n.ha = dev.mac;
        } else if (type == RouteType.BROADCAST || (dev.flags & If.IFF_POINTOPOINT) != 0) {
            n.nudState = NeighState.NOARP;
            n.ha = dev.broadcast;
        }
        hash.put(NeighHash.key(dev.ifindex, ip), n);
        return n;
    }

    /**
     * All entries (for dumps). The kernel's order depends on a random hash seed, so scenarios
     * observe one entry at a time; here it is creation order, which is at least stable.
     */
    public List<Neigh> entries() {
        List<Neigh> l = hash.values();
        l.sort((a, b) -> Long.compare(a.seq, b.seq));
        return l;
    }

    /** neigh_fill_info()'s cacheinfo: seconds since {@code t}, as ip -s shows them (clock_t / USER_HZ). */
    public long ageSeconds(long t) {
        long d = ns.emulation().now() - t;
        return d < 0 ? 0 : d / 1_000_000_000L;
    }

    // ------------------------------------------------------------------ netlink (ip neigh)

    /** NLM_F_* flags of RTM_NEWNEIGH. */
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400;

    /** The key an entry of {@code dev} has for {@code ip}: loopback and point-to-point use 0.0.0.0. */
    static int keyFor(NetDevice dev, int ip) {
        return (dev.flags & (If.IFF_LOOPBACK | If.IFF_POINTOPOINT)) != 0 ? 0 : ip;
    }

    /** neigh_add() (RTM_NEWNEIGH): {@code lladdr} -1 when not given. */
    public void rtmNewNeigh(NetDevice dev, int dst, long lladdr, int state, int nlflags, boolean router) {
        if (dev.ipPtr == null) throw new KernelException(Errno.EINVAL);
        Neigh n = lookup(dev, dst);
        int flags = F_ADMIN | F_OVERRIDE;
        if (n == null) {
            if ((nlflags & NLM_F_CREATE) == 0) throw new KernelException(Errno.ENOENT);
            n = create(dev, dst);
        } else {
            if ((nlflags & NLM_F_EXCL) != 0) throw new KernelException(Errno.EEXIST);
            if ((nlflags & NLM_F_REPLACE) == 0) flags &= ~(F_OVERRIDE | F_OVERRIDE_ISROUTER);
        }
        if (router) n.flags |= 0x80;
        if (!update(n, lladdr, state, flags) && lladdr < 0 && (n.nudState & NeighState.VALID) == 0
                && (state & NeighState.VALID) != 0) {
            throw new KernelException(Errno.EINVAL, "No link layer address given");
        }
    }

    /** neigh_delete() (RTM_DELNEIGH). */
    public void rtmDelNeigh(NetDevice dev, int dst) {
        Neigh n = lookup(dev, dst);
        if (n == null) throw new KernelException(Errno.ENOENT);
        update(n, -1, NeighState.FAILED, F_OVERRIDE | F_ADMIN);
        remove(n);
    }

    /** A proxy entry ({@code struct pneigh_entry}): answer ARP for {@code key} on {@code dev} (null: any). */
    public record PNeigh(int key, NetDevice dev) { }

    private final java.util.ArrayList<PNeigh> proxies = new java.util.ArrayList<>();

    /** pneigh_lookup(..., creat=1) for RTM_NEWNEIGH with NTF_PROXY: adding twice is no error. */
    public void pneighAdd(NetDevice dev, int ip) {
        if (pneighFind(dev, ip, true) == null) proxies.add(new PNeigh(ip, dev));
    }

    /** pneigh_delete(). */
    public void pneighDelete(NetDevice dev, int ip) {
        PNeigh p = pneighFind(dev, ip, true);
        if (p == null) throw new KernelException(Errno.ENOENT);
        proxies.remove(p);
    }

    /** pneigh_lookup(..., creat=0): exact device match when {@code exact}, else also device-less entries. */
    public PNeigh pneighFind(NetDevice dev, int ip, boolean exact) {
        for (PNeigh p : proxies) {
            if (p.key() == ip && (p.dev() == dev || (!exact && p.dev() == null))) return p;
        }
        return null;
    }

    public List<PNeigh> proxies() { return java.util.Collections.unmodifiableList(proxies); }

    /** pneigh_ifdown(): proxies of a device that goes away. */
    void pneighIfdown(NetDevice dev) { proxies.removeIf(p -> p.dev() == dev); }

    /** neigh_get() (RTM_GETNEIGH). */
    public Neigh rtmGetNeigh(NetDevice dev, int dst) {
        Neigh n = lookup(dev, dst);
        if (n == null) {
            throw new KernelException(Errno.ENOENT, "Neighbour entry not found");
        }
        return n;
    }

    public int size() { return hash.size(); }

    // ------------------------------------------------------------------ timers

    private void addTimer(Neigh n, long when) {
        n.timer.mod(when);
    }

    private void delTimer(Neigh n) {
        n.timer.del();
    }

    /** The reference the running timer holds (neigh_add_timer's neigh_hold): what "ref" shows. */
    public int refcnt(Neigh n) { return n.refcnt + (n.timer.pending() ? 1 : 0); }

    private static int maxProbes(Neigh n) {
        NeighParms p = n.parms;
        return p.ucastProbes + p.appProbes + ((n.nudState & NeighState.PROBE) != 0 ? p.mcastReprobes : p.mcastProbes);
    }

    /** neigh_timer_handler(). */
    void timerHandler(Neigh n) {
        if (n.dead) return;
        long now = ns.emulation().now();
        int state = n.nudState;
        long next = now + 1000 * MS;
        boolean notify = false;
        if ((state & NeighState.IN_TIMER) == 0) return;
        NeighParms p = n.parms;
        if ((state & NeighState.REACHABLE) != 0) {
            if (now <= n.confirmed + p.reachableTimeMs * MS) {
                next = n.confirmed + p.reachableTimeMs * MS;
            } else if (now <= n.used + p.delayProbeTimeMs * MS) {
                n.nudState = NeighState.DELAY;
                n.updated = now;
                next = now + p.delayProbeTimeMs * MS;
            } else {
                n.nudState = NeighState.STALE;
                n.updated = now;
                notify = true;
            }
        } else if ((state & NeighState.DELAY) != 0) {
            if (now <= n.confirmed + p.delayProbeTimeMs * MS) {
                n.nudState = NeighState.REACHABLE;
                n.updated = now;
                notify = true;
                next = n.confirmed + p.reachableTimeMs * MS;
            } else {
                n.nudState = NeighState.PROBE;
                n.updated = now;
                n.probes = 0;
                notify = true;
                next = now + Math.max(p.retransTimeMs * MS, MIN_TIMER_NS);
            }
        } else {
            next = now + Math.max(p.retransTimeMs * MS, MIN_TIMER_NS);
        }
        if ((n.nudState & (NeighState.INCOMPLETE | NeighState.PROBE)) != 0 && n.probes >= maxProbes(n)) {
            n.nudState = NeighState.FAILED;
            invalidate(n);
            return;
        }
        if ((n.nudState & NeighState.IN_TIMER) != 0) {
            if (next < now + MIN_TIMER_NS) next = now + MIN_TIMER_NS;
            addTimer(n, next);
        }
        if ((n.nudState & (NeighState.INCOMPLETE | NeighState.PROBE)) != 0) probe(n);
    }

    /** neigh_probe(): solicits with the newest queued packet as the hint for the source address. */
    private void probe(Neigh n) {
        SkBuff hint = n.arpQueue.peekLast();
        Arp.solicit(n, hint);
        n.probes++;
    }

    /** neigh_invalidate(): the resolution failed; every queued packet gets its error report. */
    private void invalidate(Neigh n) {
        n.updated = ns.emulation().now();
        Tracepoints tp = ns.emulation().trace;
        while (n.nudState == NeighState.FAILED && !n.arpQueue.isEmpty()) {
            SkBuff skb = n.arpQueue.pollFirst();
            n.arpQueueLenBytes -= truesize(skb);
            if (tp.on) tp.step(skb, n.dev, "arp_error_report", "neighbour " + Inet4.format(n.key) + " FAILED");
            Arp.errorReport(n, skb);
        }
        purgeQueue(n, DropReason.NEIGH_FAILED);
    }

    private void purgeQueue(Neigh n, DropReason reason) {
        SkBuff skb;
        while ((skb = n.arpQueue.pollFirst()) != null) Dev.drop(skb, n.dev, "neigh_flush", reason, null);
        n.arpQueueLenBytes = 0;
    }

    static int truesize(SkBuff skb) {
        // SKB_TRUESIZE of the kmalloc'ed head: data rounded up to a power of two plus the overhead.
        int d = Integer.highestOneBit(Math.max(skb.len + 64, 256) - 1) << 1;
        return d + 576;
    }

    // ------------------------------------------------------------------ event send / update

    /**
     * neigh_event_send(): 0 when {@code skb} may go now, 1 when it was queued (INCOMPLETE) or
     * dropped (FAILED without probes).
     */
    public int eventSend(Neigh n, SkBuff skb) {
        long now = ns.emulation().now();
        n.used = now;
        if ((n.nudState & (NeighState.CONNECTED | NeighState.DELAY | NeighState.PROBE)) != 0) return 0;
        NeighParms p = n.parms;
        boolean immediateProbe = false;
        if ((n.nudState & (NeighState.STALE | NeighState.INCOMPLETE)) == 0) {
            if (p.mcastProbes + p.appProbes != 0) {
                n.probes = p.ucastProbes;
                delTimer(n);
                n.nudState = NeighState.INCOMPLETE;
                n.updated = now;
                addTimer(n, now + Math.max(p.retransTimeMs * MS, MIN_TIMER_NS));
                immediateProbe = true;
            } else {
                n.nudState = NeighState.FAILED;
                n.updated = now;
                if (skb != null) Dev.drop(skb, n.dev, "__neigh_event_send", DropReason.NEIGH_FAILED, "no probes configured");
                return 1;
            }
        } else if ((n.nudState & NeighState.STALE) != 0) {
            n.nudState = NeighState.DELAY;
            n.updated = now;
            addTimer(n, now + p.delayProbeTimeMs * MS);
        }
        if (n.nudState == NeighState.INCOMPLETE) {
            if (skb != null) {
                int ts = truesize(skb);
                while (n.arpQueueLenBytes + ts > p.queueLenBytes && !n.arpQueue.isEmpty()) {
                    SkBuff old = n.arpQueue.pollFirst();
                    n.arpQueueLenBytes -= truesize(old);
                    Dev.drop(old, n.dev, "__neigh_event_send", DropReason.NEIGH_QUEUEFULL, "unres_qlen_bytes exceeded");
                }
                n.arpQueue.addLast(skb);
                n.arpQueueLenBytes += ts;
            }
            if (immediateProbe) probe(n);
            return 1;
        }
        return 0;
    }

    /**
     * __neigh_update(): {@code lladdr} -1 means "none given". Returns false when the update was
     * refused (EINVAL for a missing address, EPERM-like no-ops on PERMANENT/NOARP without ADMIN).
     */
    public boolean update(Neigh n, long lladdr, int newState, int flags) {
        long now = ns.emulation().now();
        int old = n.nudState;
        if ((flags & F_ADMIN) == 0 && (old & (NeighState.NOARP | NeighState.PERMANENT)) != 0) return false;
        if (n.dead) return false;
        if ((newState & NeighState.VALID) == 0) {
            delTimer(n);
            n.nudState = newState;
            if ((old & (NeighState.INCOMPLETE | NeighState.PROBE)) != 0 && (newState & NeighState.FAILED) != 0) {
                invalidate(n);
            }
            return true;
        }
        if (lladdr >= 0) {
            if ((old & NeighState.VALID) != 0 && lladdr == n.ha) lladdr = n.ha;
        } else {
            if ((old & NeighState.VALID) == 0) return false;
            lladdr = n.ha;
        }
        if ((newState & NeighState.CONNECTED) != 0) {
            n.confirmed = now;
            // Observed on 6.18 (ip -s neigh): a confirmation by the network also refreshes "used".
            if ((flags & F_ADMIN) == 0) n.used = now;
        }
        if ((old & NeighState.VALID) != 0) {
            if (lladdr != n.ha && (flags & F_OVERRIDE) == 0) {
                if ((flags & F_WEAK_OVERRIDE) != 0 && (old & NeighState.CONNECTED) != 0) {
                    lladdr = n.ha;
                    newState = NeighState.STALE;
                } else {
                    return true;
                }
            } else if (lladdr == n.ha && newState == NeighState.STALE && (flags & F_ADMIN) == 0) {
                newState = old;
            }
        }
        if (newState != old || lladdr != n.ha) n.updated = now;
        if (newState != old) {
            delTimer(n);
            if ((newState & NeighState.PROBE) != 0) n.probes = 0;
            if ((newState & NeighState.IN_TIMER) != 0) {
                addTimer(n, now + ((newState & NeighState.REACHABLE) != 0 ? n.parms.reachableTimeMs * MS : 0));
            }
            n.nudState = newState;
        }
        if (lladdr != n.ha) {
            n.ha = lladdr;
            if ((newState & NeighState.CONNECTED) == 0) {
                n.confirmed = now - (n.parms.baseReachableTimeMs << 1) * MS;
            }
        }
        if (newState == old) return true;
        if ((old & NeighState.VALID) == 0) {
            SkBuff skb;
            while ((n.nudState & NeighState.VALID) != 0 && (skb = n.arpQueue.pollFirst()) != null) {
                n.arpQueueLenBytes -= truesize(skb);
                output(n, skb);
            }
            purgeQueue(n, DropReason.NEIGH_DEAD);
        }
        return true;
    }

    /** neigh_confirm() (dst_confirm_neigh / MSG_CONFIRM). */
    public void confirm(Neigh n) {
        long now = ns.emulation().now();
        if (n.confirmed != now) n.confirmed = now;
    }

    // ------------------------------------------------------------------ output

    /**
     * neigh_output(): a CONNECTED entry sends at once (the cached header, which does not touch
     * {@code used}); anything else goes through neigh_resolve_output().
     */
    public void output(Neigh n, SkBuff skb) {
        if ((n.nudState & NeighState.CONNECTED) != 0) {
            xmit(n, skb);
            return;
        }
        resolveOutput(n, skb);
    }

    /** neigh_resolve_output(). */
    void resolveOutput(Neigh n, SkBuff skb) {
        Tracepoints tp = ns.emulation().trace;
        if (tp.on) tp.step(skb, n.dev, "neigh_resolve_output",
                Inet4.format(n.key) + " " + NeighState.name(n.nudState));
        if (eventSend(n, skb) == 0) xmit(n, skb);
    }

    /** dev_hard_header() with the entry's address + dev_queue_xmit(); {@code skb.data} at the IP header. */
    private static void xmit(Neigh n, SkBuff skb) {
        NetDevice dev = n.dev;
        int o = skb.push(Ether.HLEN);
        Ether.write(skb.buf, o, n.ha, dev.mac, Ether.P_IP);
        skb.macHeader = o;
        skb.dev = dev;
        Object sk = skb.sk;
        if (sk instanceof PingSocket ps) {
            // dev_queue_xmit()'s verdict goes back to sendmsg(): ENETDOWN, or ENOBUFS for NET_XMIT_DROP.
            long dropped = dev.stats.txDropped;
            boolean up = dev.isUp();
            Dev.queueXmit(skb);
            if (dev.stats.txDropped != dropped) ps.xmitError = up ? Errno.ENOBUFS.code : Errno.ENETDOWN.code;
            return;
        }
        Dev.queueXmit(skb);
    }

    // ------------------------------------------------------------------ removal

    /** neigh_flush_dev(): {@code skipPerm} keeps PERMANENT entries (carrier loss). */
    public void flushDev(NetDevice dev, boolean skipPerm) {
        for (Neigh n : hash.values()) {
            if (dev != null && n.dev != dev) continue;
            if (skipPerm && n.nudState == NeighState.PERMANENT) continue;
            remove(n);
        }
    }

    /** neigh_ifdown(): the device went down or away; every entry on it goes. */
    public void ifdown(NetDevice dev) { flushDev(dev, false); }

    /** neigh_carrier_down(). */
    public void carrierDown(NetDevice dev) { flushDev(dev, true); }

    /** neigh_changeaddr(). */
    public void changeAddr(NetDevice dev) { flushDev(dev, false); }

    /** Unlinks an entry (neigh_del / neigh_mark_dead). */
    public void remove(Neigh n) {
        if (n.dead) return;
        n.dead = true;
        delTimer(n);
        hash.remove(NeighHash.key(n.dev.ifindex, n.key));
        purgeQueue(n, DropReason.NEIGH_DEAD);
        if ((n.nudState & NeighState.VALID) != 0) n.nudState = NeighState.NOARP;
    }

    /** Whether {@code mac} is a usable unicast link-layer address for an entry. */
    static boolean validLladdr(long mac) { return mac >= 0 && mac <= Mac.BROADCAST; }
}
