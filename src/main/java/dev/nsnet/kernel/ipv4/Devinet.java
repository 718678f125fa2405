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
        IfAddr old = findMatching(in, ifa);
        if (old == null) {
            insertIfa(ifa);
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
        // Only the metric (and lifetimes) change: flags such as noprefixroute stay as they were.
        return old;
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
        if (in == null) throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
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
