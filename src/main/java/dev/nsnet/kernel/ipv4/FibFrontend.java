package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.NetdevEvent;
import dev.nsnet.kernel.wire.Inet4;
import java.util.List;

/**
 * net/ipv4/fib_frontend.c: the routes the kernel derives from addresses (fib_add_ifaddr,
 * fib_del_ifaddr) and the FIB's reaction to address and device events (fib_inetaddr_event,
 * fib_netdev_event).
 */
final class FibFrontend {
    private FibFrontend() { }

    private static final int LOCAL_OK = 1, BRD_OK = 2, BRD0_OK = 4, BRD1_OK = 8;

    /** fib_add_ifaddr(). */
    static void addIfaddr(IfAddr ifa) {
        InDevice in = ifa.inDev;
        NetDevice dev = in.dev;
        NetNamespace ns = dev.ns;
        IfAddr prim = ifa;
        int mask = ifa.mask;
        int addr = ifa.local;
        int prefix = ifa.address & mask;
        if (ifa.secondary()) {
            prim = in.ifaByPrefix(prefix, mask);
            if (prim == null) return;
        }
        Fib.magic(ns, true, RouteType.LOCAL, addr, 32, prim, 0);
        if (!dev.isUp()) return;
        if (ifa.broadcast != 0 && ifa.broadcast != -1) Fib.magic(ns, true, RouteType.BROADCAST, ifa.broadcast, 32, prim, 0);
        if (!Inet4.isZeronet(prefix) && !ifa.secondary() && (prefix != addr || ifa.prefixLen < 32)) {
            if ((ifa.flags & IfAddr.IFA_F_NOPREFIXROUTE) == 0) {
                Fib.magic(ns, true, Fib.isLoopback(dev) ? RouteType.LOCAL : RouteType.UNICAST, prefix, ifa.prefixLen,
                        prim, ifa.rtPriority);
            }
            if (ifa.prefixLen < 31) Fib.magic(ns, true, RouteType.BROADCAST, prefix | ~mask, 32, prim, 0);
        }
    }

    /** fib_modify_prefix_metric(): the prefix route moves to the address's new metric. */
    static void modifyPrefixMetric(IfAddr ifa) {
        NetDevice dev = ifa.inDev.dev;
        int prefix = ifa.address & ifa.mask;
        if (!dev.isUp() || ifa.secondary() || Inet4.isZeronet(prefix) || (prefix == ifa.local && ifa.prefixLen == 32)
                || (ifa.flags & IfAddr.IFA_F_NOPREFIXROUTE) != 0) return;
        FibTable t = Ipv4Net.of(dev.ns).table(Route.TABLE_MAIN, false);
        List<FibAlias> l = t == null ? null : t.aliases(prefix, ifa.prefixLen);
        if (l != null) {
            for (FibAlias fa : List.copyOf(l)) {
                Route r = fa.route;
                if (r.table() == Route.TABLE_MAIN && r.dev() == dev && r.prefsrc() == ifa.local
                        && r.protocol() == Route.RTPROT_KERNEL) t.removed(fa);
            }
        }
        Fib.magic(dev.ns, true, RouteType.UNICAST, prefix, ifa.prefixLen, ifa, ifa.rtPriority);
    }

    /** fib_del_ifaddr(): removes what the address contributed, unless another address still needs it. */
    static void delIfaddr(IfAddr ifa, IfAddr iprim) {
        InDevice in = ifa.inDev;
        NetDevice dev = in.dev;
        NetNamespace ns = dev.ns;
        int brd = ifa.address | ~ifa.mask;
        int any = ifa.address & ifa.mask;
        IfAddr prim = ifa;
        IfAddr prim1 = null;
        boolean subnet = false;
        int ok = 0;
        boolean samePrefsrc = false;
        boolean gone = true;
        if (ifa.secondary()) {
            prim = in.ifaByPrefix(any, ifa.mask);
            if (prim == null) return;
            if (iprim != null && iprim != prim) return;
        } else if (!Inet4.isZeronet(any) && (any != ifa.local || ifa.prefixLen < 32)) {
            if ((ifa.flags & IfAddr.IFA_F_NOPREFIXROUTE) == 0) {
                Fib.magic(ns, false, Fib.isLoopback(dev) ? RouteType.LOCAL : RouteType.UNICAST, any, ifa.prefixLen, prim, 0);
            }
            subnet = true;
        }
        if (!in.dead) {
            for (IfAddr ifa1 : in.ifaList) {
                if (ifa1 == ifa) {
                    gone = false;
                    continue;
                }
                if (iprim != null && ifa1.mask == iprim.mask && iprim.match(ifa1.address)) continue;
                if (ifa1.secondary()) {
                    if (ifa1.mask == prim.mask && prim.match(ifa1.address)) {
                        prim1 = prim;
                    } else {
                        if (!samePrefsrc) continue;
                        if (prim1 == null || ifa1.mask != prim1.mask || !prim1.match(ifa1.address)) {
                            prim1 = in.ifaByPrefix(ifa1.address, ifa1.mask);
                        }
                        if (prim1 == null) continue;
                        if (prim1.local != prim.local) continue;
                    }
                } else {
                    if (prim.local != ifa1.local) continue;
                    prim1 = ifa1;
                    if (prim != prim1) samePrefsrc = true;
                }
                if (ifa.local == ifa1.local) ok |= LOCAL_OK;
                if (ifa.broadcast == ifa1.broadcast) ok |= BRD_OK;
                if (brd == ifa1.broadcast) ok |= BRD1_OK;
                if (any == ifa1.broadcast) ok |= BRD0_OK;
                if (prim1 == ifa1 && ifa1.prefixLen < 31) {
                    int brd1 = ifa1.address | ~ifa1.mask;
                    int any1 = ifa1.address & ifa1.mask;
                    if (!Inet4.isZeronet(any1)) {
                        if (ifa.broadcast == brd1 || ifa.broadcast == any1) ok |= BRD_OK;
                        if (brd == brd1 || brd == any1) ok |= BRD1_OK;
                        if (any == brd1 || any == any1) ok |= BRD0_OK;
                    }
                }
            }
        }
        if ((ok & BRD_OK) == 0) Fib.magic(ns, false, RouteType.BROADCAST, ifa.broadcast, 32, prim, 0);
        if (subnet && ifa.prefixLen < 31) {
            if ((ok & BRD1_OK) == 0) Fib.magic(ns, false, RouteType.BROADCAST, brd, 32, prim, 0);
            if ((ok & BRD0_OK) == 0) Fib.magic(ns, false, RouteType.BROADCAST, any, 32, prim, 0);
        }
        if ((ok & LOCAL_OK) == 0) {
            Fib.magic(ns, false, RouteType.LOCAL, ifa.local, 32, prim, 0);
            // inet_addr_type_dev_table() looks the address up without a device: a local route of
            // the same address on another device keeps the routes that use it as source.
            if (gone && Fib.devAddrType(ns, null, ifa.local, Route.TABLE_LOCAL) != RouteType.LOCAL) {
                Fib.syncDownAddr(ns, ifa.local);
            }
        }
    }

    /** fib_inetaddr_event(). */
    static void inetaddrEvent(Devinet.AddrEvent ev, IfAddr ifa) {
        switch (ev) {
            case UP -> addIfaddr(ifa);
            case DOWN -> {
                delIfaddr(ifa, null);
                if (ifa.inDev.ifaList.isEmpty()) Fib.syncDownDev(ifa.inDev.dev.ns, ifa.inDev.dev, true);
            }
        }
    }

    /** fib_netdev_event(). */
    static void netdevEvent(NetdevEvent ev, NetDevice dev) {
        InDevice in = InDevice.of(dev);
        switch (ev) {
            case UNREGISTER -> Fib.syncDownDev(dev.ns, dev, true);
            case UP -> {
                if (in == null) return;
                for (IfAddr ifa : List.copyOf(in.ifaList)) addIfaddr(ifa);
                Fib.syncUp(dev.ns, dev);
            }
            case DOWN -> Fib.syncDownDev(dev.ns, dev, false);
            default -> { }
        }
    }
}
