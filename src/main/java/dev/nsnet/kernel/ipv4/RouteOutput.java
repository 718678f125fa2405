package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Inet4;

/**
 * ip_route_output_key_hash_rcu() and __mkroute_output() (net/ipv4/route.c): the route of a
 * locally generated packet, with the source address selection of fib_select_path() /
 * inet_select_addr().
 */
public final class RouteOutput {
    private RouteOutput() { }

    /**
     * Resolves the route for a packet from this host.
     *
     * @param src requested source (0: choose one)
     * @param oif required output device ifindex (0: any; SO_BINDTODEVICE / ping -I)
     * @throws KernelException ENETUNREACH (no route), EHOSTUNREACH (unreachable route), EACCES
     *         (prohibit), EINVAL (blackhole, bad source), ENODEV (no such oif)
     */
    public static Rtable resolve(NetNamespace ns, int dst, int src, int tos, int oif, int mark) {
        NetDevice devOut = null;
        int origOif = 0;
        int flags = 0;
        if (src != 0) {
            if (Inet4.isMulticast(src) || Inet4.isLbcast(src) || Inet4.isZeronet(src)) throw new KernelException(Errno.EINVAL);
            if (oif == 0 && (Inet4.isMulticast(dst) || Inet4.isLbcast(dst))) {
                devOut = Inet.devFind(ns, src);
                if (devOut == null) throw new KernelException(Errno.ENETUNREACH);
                return mkroute(ns, null, dst, src, devOut, RouteType.UNICAST, 0, 0);
            }
            if (Inet.devFind(ns, src) == null) throw new KernelException(Errno.ENETUNREACH);
        }
        if (oif != 0) {
            devOut = ns.dev(oif);
            if (devOut == null) throw new KernelException(Errno.ENODEV);
            if (!devOut.isUp() || InDevice.of(devOut) == null) throw new KernelException(Errno.ENETUNREACH);
            if (isLocalMulticast(dst) || Inet4.isLbcast(dst)) {
                if (src == 0) src = Inet.selectAddr(devOut, 0, Route.SCOPE_LINK);
                return mkroute(ns, null, dst, src, devOut, RouteType.UNICAST, 0, 0);
            }
            if (src == 0) {
                if (Inet4.isMulticast(dst)) src = Inet.selectAddr(devOut, 0, Route.SCOPE_UNIVERSE);
                else if (dst == 0) src = Inet.selectAddr(devOut, 0, Route.SCOPE_HOST);
            }
        }
        if (dst == 0) {
            dst = src;
            if (dst == 0) dst = src = 0x7f000001;
            return mkroute(ns, null, dst, src, ns.loopback, RouteType.LOCAL, Rtable.RTCF_LOCAL, 0);
        }
        FibResult res = Fib.lookup(ns, dst, src, tos, oif, Fib.LOOPBACK_IFINDEX, mark);
        Errno err = Fib.errnoOf(res);
        if (err != null) {
            if (oif != 0) {
                // "Apparently, routing tables are wrong. Assume, that the destination is on link."
                if (src == 0) src = Inet.selectAddr(devOut, 0, Route.SCOPE_LINK);
                return mkroute(ns, null, dst, src, devOut, RouteType.UNICAST, 0, 0);
            }
            throw new KernelException(err);
        }
        if (res.type() == RouteType.LOCAL) {
            if (src == 0) src = res.prefsrc() != 0 ? res.prefsrc() : dst;
            origOif = res.dev() == null ? 0 : res.dev().ifindex;
            return mkroute(ns, res, dst, src, ns.loopback, RouteType.LOCAL, Rtable.RTCF_LOCAL, origOif);
        }
        if (src == 0) src = prefsrc(res);
        return mkroute(ns, res, dst, src, res.dev(), res.type(), flags, 0);
    }

    /** fib_result_prefsrc(): the route's prefsrc, else an address of the next hop's device. */
    public static int prefsrc(FibResult res) {
        if (res.prefsrc() != 0) return res.prefsrc();
        return Inet.selectAddr(res.dev(), res.gateway(), res.scope());
    }

    private static boolean isLocalMulticast(int a) { return (a & 0xffffff00) == 0xe0000000; }

    /** __mkroute_output(). */
    private static Rtable mkroute(NetNamespace ns, FibResult res, int dst, int src, NetDevice devOut, RouteType type,
                                  int flags, int origOif) {
        InDevice in = InDevice.of(devOut);
        if (in == null) throw new KernelException(Errno.EINVAL);
        if (!in.routeLocalnet() && Inet4.isLoopback(src) && (devOut.flags & If.IFF_LOOPBACK) == 0) {
            throw new KernelException(Errno.EINVAL);
        }
        if (Inet4.isLbcast(dst)) type = RouteType.BROADCAST;
        else if (Inet4.isMulticast(dst)) type = RouteType.MULTICAST;
        else if (Inet4.isZeronet(dst)) throw new KernelException(Errno.EINVAL);
        if ((devOut.flags & If.IFF_LOOPBACK) != 0) flags |= Rtable.RTCF_LOCAL;
        if (type == RouteType.BROADCAST) {
            flags |= Rtable.RTCF_BROADCAST | Rtable.RTCF_LOCAL;
        } else if (type == RouteType.MULTICAST) {
            // ip_check_mc_rcu(): every IGMP-capable up device is in the all-hosts group
            flags |= Rtable.RTCF_MULTICAST;
            if (dst == 0xe0000001) flags |= Rtable.RTCF_LOCAL;
        }
        // The dst cache: the gateway below depends only on the FIB answer, and a FIB answer object
        // lives exactly as long as its route (a changed route is a new answer), so an equal
        // request for the same answer may reuse the last route made: no allocation per packet.
        Ipv4Net net = res == null ? null : Ipv4Net.of(ns);
        if (net != null) {
            Rtable c = net.rthOutput;
            if (c != null && c.res() == res && c.dst() == dst && c.src() == src && c.dev() == devOut
                    && c.type() == type && c.flags() == flags && c.origOif() == origOif) {
                return c;
            }
        }
        int gw = 0;
        if (res != null && res.route() != null && res.gateway() != 0 && type == RouteType.UNICAST) {
            FibAlias fa = aliasOf(ns, res);
            if (fa == null || fa.nhScopeOf(res) == Route.SCOPE_LINK) gw = res.gateway();
        }
        Rtable rt = new Rtable(type, devOut, gw, src, dst, flags, res, origOif);
        if (net != null) net.rthOutput = rt;
        return rt;
    }

    private static FibAlias aliasOf(NetNamespace ns, FibResult res) {
        Route r = res.route();
        FibTable t = Ipv4Net.of(ns).table(r.table(), false);
        if (t == null) return null;
        var l = t.aliases(r.dst(), r.prefixLen());
        if (l == null) return null;
        for (FibAlias fa : l) if (fa.route == r) return fa;
        return null;
    }
}
