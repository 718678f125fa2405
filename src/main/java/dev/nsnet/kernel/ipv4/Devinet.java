package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * net/ipv4/devinet.c: a device's IPv4 addresses: inet_rtm_newaddr / inet_rtm_deladdr, the
 * primary/secondary bookkeeping of __inet_insert_ifa / __inet_del_ifa (with promotion), and the
 * inetaddr notifier chain the FIB (and ARP) listen on.
 */
public final class Devinet {
    private Devinet() { }

    /** The inetaddr_chain events. */
    public enum AddrEvent { UP, DOWN }

    private static final List<BiConsumer<AddrEvent, IfAddr>> INETADDR_CHAIN = new ArrayList<>();

    /** register_inetaddr_notifier(): called after an address appears (UP) or before it is gone (DOWN). */
    public static void registerInetaddrNotifier(BiConsumer<AddrEvent, IfAddr> n) { INETADDR_CHAIN.add(n); }

    private static final List<java.util.function.Consumer<IfAddr>> VALIDATOR_CHAIN = new ArrayList<>();

    /**
     * register_inetaddr_validator_notifier(): asked before an address is inserted; a validator
     * refuses it by throwing a KernelException (ipvlan: an address another slave already has).
     */
    public static void registerInetaddrValidator(java.util.function.Consumer<IfAddr> v) { VALIDATOR_CHAIN.add(v); }

    private static void notify(AddrEvent ev, IfAddr ifa) {
        FibFrontend.inetaddrEvent(ev, ifa);
        for (BiConsumer<AddrEvent, IfAddr> n : INETADDR_CHAIN) n.accept(ev, ifa);
    }

    /** An RTM_NEWADDR / RTM_DELADDR request (the attributes iproute2 sends). */
    public static final class AddrRequest {
        public int local;
        /** IFA_ADDRESS (the peer, or local again); null when not sent (wildcard delete). */
        public Integer address;
        public int prefixLen;
        /** IFA_BROADCAST, 0 when not sent. */
        public int broadcast;
        public int scope;
        public String label;
        public int flags;
        public int rtPriority;
        public int nlflags = FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL;
        /** IFA_CACHEINFO lifetimes in seconds (IfAddr.INFINITY_LIFE_TIME: forever). */
        public long validLft = IfAddr.INFINITY_LIFE_TIME, preferredLft = IfAddr.INFINITY_LIFE_TIME;
        public boolean hasLocal = true;
    }

    /** inet_rtm_newaddr(): adds the address, or updates it under NLM_F_REPLACE. */
    public static IfAddr newAddr(NetDevice dev, AddrRequest req) {
        InDevice in = InDevice.of(dev);
        if (in == null) throw new KernelException(Errno.ENOBUFS);
        checkLabel(req.label);
        if (req.prefixLen > 32 || !req.hasLocal) throw new KernelException(Errno.EINVAL);
        IfAddr ifa = new IfAddr(in);
        ifa.local = req.local;
        ifa.address = req.address != null ? req.address : req.local;
        ifa.prefixLen = req.prefixLen;
        ifa.mask = FibTable.mask(req.prefixLen);
        ifa.broadcast = req.broadcast;
        ifa.scope = req.scope;
        ifa.flags = req.flags | IfAddr.IFA_F_PERMANENT;
        ifa.label = req.label != null ? req.label : dev.name;
        ifa.rtPriority = req.rtPriority;
        setLifetime(ifa, req.validLft, req.preferredLft);
        IfAddr old = findMatching(in, ifa);
        if (old == null) {
            insertIfa(ifa);
            scheduleLifetimeCheck(dev.ns);
            return ifa;
        }
        if ((req.nlflags & FibConfig.NLM_F_EXCL) != 0 || (req.nlflags & FibConfig.NLM_F_REPLACE) == 0) {
            throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
        }
        // Replace: the kernel updates lifetimes and the prefix route's metric in place.
        if (old.rtPriority != ifa.rtPriority) {
            old.rtPriority = ifa.rtPriority;
            FibFrontend.modifyPrefixMetric(old);
        }
        // Only the metric and lifetimes change: flags such as noprefixroute stay as they were.
        setLifetime(old, req.validLft, req.preferredLft);
        scheduleLifetimeCheck(dev.ns);
        return old;
    }

    /** set_ifa_lifetime(): a finite valid lifetime makes the address dynamic, preferred 0 deprecated. */
    static void setLifetime(IfAddr ifa, long valid, long preferred) {
        ifa.flags &= ~(IfAddr.IFA_F_PERMANENT | IfAddr.IFA_F_DEPRECATED);
        if (valid != IfAddr.INFINITY_LIFE_TIME) ifa.validLft = valid;
        else ifa.flags |= IfAddr.IFA_F_PERMANENT;
        if (preferred != IfAddr.INFINITY_LIFE_TIME) {
            if (preferred == 0) ifa.flags |= IfAddr.IFA_F_DEPRECATED;
            ifa.preferredLft = preferred;
        }
        ifa.tstamp = ifa.inDev.dev.ns.emulation().now();
    }

    /** Arms the namespace's check_lifetime work for the next deprecation or expiry. */
    static void scheduleLifetimeCheck(dev.nsnet.kernel.core.NetNamespace ns) {
        Ipv4Net net = Ipv4Net.of(ns);
        long next = Long.MAX_VALUE;
        for (NetDevice d : ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in == null) continue;
            for (IfAddr ifa : in.ifaList) {
                if ((ifa.flags & IfAddr.IFA_F_PERMANENT) != 0) continue;
                if (ifa.validLft != IfAddr.INFINITY_LIFE_TIME) next = Math.min(next, ifa.tstamp + ifa.validLft * 1_000_000_000L);
                if (ifa.preferredLft != IfAddr.INFINITY_LIFE_TIME && (ifa.flags & IfAddr.IFA_F_DEPRECATED) == 0) {
                    next = Math.min(next, ifa.tstamp + ifa.preferredLft * 1_000_000_000L);
                }
            }
        }
        if (next == Long.MAX_VALUE) {
            if (net.lifetimeTimer != null) net.lifetimeTimer.del();
            return;
        }
        // made by the first finite lifetime: most namespaces never need one
        if (net.lifetimeTimer == null) net.lifetimeTimer = ns.emulation().scheduler.newTimer(() -> checkLifetime(ns));
        // round_jiffies_up(): the work runs on the next whole second of the clock, so an
        // address outlives its lifetime by a fraction of a second, as on a real host.
        long sec = 1_000_000_000L;
        net.lifetimeTimer.mod(Math.max((next + sec - 1) / sec * sec, ns.emulation().now() + 1));
    }

    /** check_lifetime(): deprecates addresses past their preferred lifetime, deletes expired ones. */
    static void checkLifetime(dev.nsnet.kernel.core.NetNamespace ns) {
        if (ns.dead) return;
        long now = ns.emulation().now();
        for (NetDevice d : List.copyOf(ns.devices())) {
            InDevice in = InDevice.of(d);
            if (in == null) continue;
            for (IfAddr ifa : List.copyOf(in.ifaList)) {
                if ((ifa.flags & IfAddr.IFA_F_PERMANENT) != 0 || !in.ifaList.contains(ifa)) continue;
                // ADDRCONF_TIMER_FUZZ_MINUS (HZ/50): within 20 ms of the deadline counts as reached
                long age = (now - ifa.tstamp + 20_000_000L) / 1_000_000_000L;
                if (ifa.validLft != IfAddr.INFINITY_LIFE_TIME && age >= ifa.validLft) {
                    delIfa(in, ifa);
                } else if (ifa.preferredLft != IfAddr.INFINITY_LIFE_TIME && age >= ifa.preferredLft) {
                    ifa.flags |= IfAddr.IFA_F_DEPRECATED;
                }
            }
        }
        scheduleLifetimeCheck(ns);
    }

    /** ifa_ipv4_policy: IFA_LABEL is a string of at most IFNAMSIZ - 1 bytes. */
    private static void checkLabel(String label) {
        if (label != null && label.length() > 15) {
            throw new KernelException(Errno.EINVAL, "Attribute failed policy validation");
        }
    }

    /** find_matching_ifa(). */
    private static IfAddr findMatching(InDevice in, IfAddr ifa) {
        for (IfAddr a : in.ifaList) {
            if (a.mask == ifa.mask && a.match(ifa.address) && a.local == ifa.local) return a;
        }
        return null;
    }

    /** __inet_insert_ifa(): primaries sorted by scope, a same-subnet address becomes secondary. */
    static void insertIfa(IfAddr ifa) {
        InDevice in = ifa.inDev;
        ifa.flags &= ~IfAddr.IFA_F_SECONDARY;
        int lastPrimary = 0;
        for (int i = 0; i < in.ifaList.size(); i++) {
            IfAddr a = in.ifaList.get(i);
            if (!a.secondary() && ifa.scope <= a.scope) lastPrimary = i + 1;
            if (a.mask == ifa.mask && a.match(ifa.address)) {
                if (a.local == ifa.local) throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
                if (a.scope != ifa.scope) throw new KernelException(Errno.EINVAL, "ipv4: Invalid scope value");
                ifa.flags |= IfAddr.IFA_F_SECONDARY;
            }
        }
        for (java.util.function.Consumer<IfAddr> v : VALIDATOR_CHAIN) v.accept(ifa);
        if (ifa.secondary()) in.ifaList.add(ifa);
        else in.ifaList.add(lastPrimary, ifa);
        Ipv4Net.of(in.dev.ns).addrHashAdd(ifa);
        notify(AddrEvent.UP, ifa);
    }

    /**
     * inet_rtm_deladdr(): deletes the first address matching the given attributes.
     *
     * @param local IFA_LOCAL or null; {@code address} IFA_ADDRESS (with prefixLen) or null; label or null
     */
    public static IfAddr delAddr(NetDevice dev, Integer local, Integer address, int prefixLen, String label) {
        checkLabel(label);
        InDevice in = InDevice.of(dev);
        if (in == null) throw new KernelException(Errno.ENODEV, "ipv4: Device not found"); // no in_device (MTU below 68)
        for (IfAddr ifa : in.ifaList) {
            if (local != null && ifa.local != local) continue;
            if (label != null && !label.equals(ifa.label)) continue;
            if (address != null && (prefixLen != ifa.prefixLen || !ifa.match(address))) continue;
            delIfa(in, ifa);
            return ifa;
        }
        throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }

    /** __inet_del_ifa(): removes one address; a primary takes its secondaries along or promotes one. */
    public static void delIfa(InDevice in, IfAddr ifa1) {
        List<IfAddr> list = in.ifaList;
        if (!list.contains(ifa1)) return;
        IfAddr promote = null;
        int lastPrimIdx = -1; // insert position for the promoted address, computed after ifa1 is unlinked
        boolean doPromote = in.promoteSecondaries() && !in.dead;
        if (!ifa1.secondary()) {
            int idx = list.indexOf(ifa1);
            IfAddr lastPrim = null;
            for (int i = idx + 1; i < list.size(); ) {
                IfAddr ifa = list.get(i);
                if (!ifa.secondary() && ifa1.scope <= ifa.scope) lastPrim = ifa;
                if (!ifa.secondary() || ifa1.mask != ifa.mask || !ifa1.match(ifa.address)) {
                    i++;
                    continue;
                }
                if (!doPromote) {
                    list.remove(i);
                    Ipv4Net.of(in.dev.ns).addrHashDel(ifa);
                    notify(AddrEvent.DOWN, ifa);
                    continue;
                }
                promote = ifa;
                break;
            }
            if (promote != null) {
                for (int i = list.indexOf(promote); i < list.size(); i++) {
                    IfAddr ifa = list.get(i);
                    if (ifa1.mask == ifa.mask && ifa1.match(ifa.address)) FibFrontend.delIfaddr(ifa, ifa1);
                }
            }
            list.remove(ifa1);
            Ipv4Net.of(in.dev.ns).addrHashDel(ifa1);
            if (promote != null) lastPrimIdx = lastPrim == null ? idx : list.indexOf(lastPrim) + 1;
        } else {
            list.remove(ifa1);
            Ipv4Net.of(in.dev.ns).addrHashDel(ifa1);
        }
        notify(AddrEvent.DOWN, ifa1);
        if (promote != null) {
            int pi = list.indexOf(promote);
            List<IfAddr> nextSec = new ArrayList<>(list.subList(pi + 1, list.size()));
            if (pi != lastPrimIdx && lastPrimIdx >= 0) {
                list.remove(pi);
                if (lastPrimIdx > pi) lastPrimIdx--;
                list.add(lastPrimIdx, promote);
            }
            promote.flags &= ~IfAddr.IFA_F_SECONDARY;
            notify(AddrEvent.UP, promote);
            for (IfAddr ifa : nextSec) {
                if (ifa1.mask != ifa.mask || !ifa1.match(ifa.address)) continue;
                FibFrontend.addIfaddr(ifa);
            }
        }
    }

    /** inetdev_destroy(): the device goes away; its addresses go without promotion. */
    static void destroy(InDevice in) {
        in.dead = true;
        while (!in.ifaList.isEmpty()) delIfa(in, in.ifaList.get(0));
    }
}
