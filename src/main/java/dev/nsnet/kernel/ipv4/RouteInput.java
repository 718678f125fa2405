package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.trace.Tracepoints;

/**
 * The input route of a received packet ({@code ip_route_input_noref} -> {@code ip_route_input_slow},
 * {@code __mkroute_input}, {@code fib_validate_source}; net/ipv4/route.c, fib_frontend.c).
 * The answer is written into the packet as the kernel attaches an rtable: {@code skb.routeType}
 * (LOCAL and BROADCAST deliver locally, UNICAST forwards out of {@code skb.outDev} to
 * {@code skb.nexthop}, UNREACHABLE goes to ip_error with the errno in {@code skb.nexthop}).
 */
public final class RouteInput {
    private RouteInput() { }

    public static final int LOCAL = RouteType.LOCAL.ordinal(), BROADCAST = RouteType.BROADCAST.ordinal(),
            UNICAST = RouteType.UNICAST.ordinal(), UNREACHABLE = RouteType.UNREACHABLE.ordinal(),
            MULTICAST = RouteType.MULTICAST.ordinal();

    /** Why the last martian verdict was given (-EINVAL/-EXDEV), for the drop reason; trace only. */
    static final int MARTIAN_SOURCE = 1, MARTIAN_DEST = 2, RPFILTER = 3, LOCAL_SOURCE = 4;

    /**
     * ip_route_input_slow(): 0 with the route set in {@code skb}, or a negative errno (-EINVAL for
     * martians, -EXDEV for a reverse path filter failure).
     */
    public static int routeInput(SkBuff skb, int daddr, int saddr, int tos, NetDevice dev) {
        NetNamespace ns = dev.ns;
        Tracepoints tp = ns.emulation().trace;
        InDevice in = InDevice.of(dev);
        skb.outDev = null;
        skb.nexthop = 0;
        skb.routeType = -1;
        skb.rtLocal = false;
        if (in == null) return -Errno.EINVAL.code;
        if (Inet4.isMulticast(saddr) || Inet4.isLbcast(saddr)) return martianSource(skb, dev, "multicast/broadcast source");
        if (Inet4.isLbcast(daddr) || (saddr == 0 && daddr == 0)) return brdInput(skb, saddr, tos, dev, in);
        if (Inet4.isZeronet(saddr)) return martianSource(skb, dev, "source in 0.0.0.0/8");
        if (Inet4.isZeronet(daddr)) return martianDest(skb, dev, "destination in 0.0.0.0/8");
        if (Inet4.isLoopback(daddr)) {
            if (!in.routeLocalnet()) return martianDest(skb, dev, "loopback destination (route_localnet=0)");
        } else if (Inet4.isLoopback(saddr)) {
            if (!in.routeLocalnet()) return martianSource(skb, dev, "loopback source (route_localnet=0)");
        }
        if (Inet4.isMulticast(daddr)) {
            // ip_route_input_rcu(): a group the device joined is delivered locally (ip_route_input_mc,
            // RTCF_MULTICAST | RTCF_LOCAL); multicast forwarding (ipmr) is not modelled
            if (!Igmp.checkMc(in, daddr)) {
                if (tp.on) tp.step(skb, dev, "ip_route_input_mc", Inet4.format(daddr) + " not joined on " + dev.name);
                return -Errno.EINVAL.code;
            }
            if (skb.protocol != Ether.P_IP) return -Errno.EINVAL.code;
            if (Inet4.isZeronet(saddr) && !isLocalMulticast(daddr)) return -Errno.EINVAL.code;
            if (!Inet4.isZeronet(saddr)) {
                int err = validateSource(skb, saddr, 0, tos, 0, dev, in);
                if (err < 0) return err;
            }
            skb.routeType = MULTICAST;
            skb.rtLocal = true;
            skb.outDev = ns.loopback;
            if (tp.on) tp.step(skb, dev, "ip_route_input_mc", "local delivery (joined " + Inet4.format(daddr) + ")");
            return 0;
        }
        FibResult res = Fib.lookup(ns, daddr, saddr, tos, 0, dev.ifindex, skb.mark);
        Errno ferr = Fib.errnoOf(res);
        if (tp.on) tp.step(skb, dev, "fib_table_lookup", describe(res));
        if (ferr != null) {
            if (!in.forwarding()) ferr = Errno.EHOSTUNREACH;
            return noRoute(skb, ferr);
        }
        if (res.type() == RouteType.BROADCAST) return brdInput(skb, saddr, tos, dev, in);
        if (res.type() == RouteType.LOCAL) {
            int err = validateSource(skb, saddr, daddr, tos, 0, dev, in);
            if (err < 0) return err;
            skb.routeType = LOCAL;
            skb.outDev = ns.loopback;
            if (tp.on) tp.step(skb, dev, "ip_route_input_slow", "local delivery (" + Inet4.format(daddr) + " is ours)");
            return 0;
        }
        if (!in.forwarding()) {
            if (tp.on) tp.step(skb, dev, "ip_route_input_slow", "forwarding disabled on " + dev.name);
            return noRoute(skb, Errno.EHOSTUNREACH);
        }
        if (res.type() != RouteType.UNICAST) return martianDest(skb, dev, "route type " + res.type().iprouteName());
        // __mkroute_input()
        NetDevice out = res.dev();
        if (InDevice.of(out) == null) return -Errno.EINVAL.code;
        int err = validateSource(skb, saddr, daddr, tos, out.ifindex, dev, in);
        if (err < 0) return err;
        if (skb.protocol != Ether.P_IP && out == dev && !in.proxyArpPvlan()) {
            return -Errno.EINVAL.code;
        }
        skb.routeType = UNICAST;
        skb.outDev = out;
        skb.nexthop = res.gateway();
        if (tp.on) tp.step(skb, dev, "ip_route_input_slow", "forward via " + out.name
                + (res.gateway() != 0 ? " gw " + Inet4.format(res.gateway()) : ""));
        return 0;
    }

    private static String describe(FibResult res) {
        if (res == null) return "no route";
        Route r = res.route();
        StringBuilder sb = new StringBuilder("route: ");
        if (r == null) return sb.append(res.type().iprouteName()).append(" (rule)").toString();
        if (res.type() != RouteType.UNICAST) sb.append(res.type().iprouteName()).append(' ');
        sb.append(r.prefixLen() == 0 ? "default" : Inet4.format(r.dst()) + (r.prefixLen() == 32 ? "" : "/" + r.prefixLen()));
        if (r.gateway() != 0) sb.append(" via ").append(Inet4.format(r.gateway()));
        if (r.dev() != null) sb.append(" dev ").append(r.dev().name);
        sb.append(" table ").append(r.table() == Route.TABLE_MAIN ? "main" : r.table() == Route.TABLE_LOCAL ? "local" : Integer.toString(r.table()));
        return sb.toString();
    }

    private static boolean isLocalMulticast(int a) { return (a & 0xffffff00) == 0xe0000000; }

    private static int brdInput(SkBuff skb, int saddr, int tos, NetDevice dev, InDevice in) {
        if (skb.protocol != Ether.P_IP) return -Errno.EINVAL.code;
        if (!Inet4.isZeronet(saddr)) {
            int err = validateSource(skb, saddr, 0, tos, 0, dev, in);
            if (err < 0) return err;
        }
        skb.routeType = BROADCAST;
        skb.outDev = dev.ns.loopback;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_route_input_slow", "broadcast, local delivery");
        return 0;
    }

    /** no_route: an input route whose input function is ip_error() with this errno. */
    private static int noRoute(SkBuff skb, Errno err) {
        skb.routeType = UNREACHABLE;
        skb.nexthop = err.code;
        return 0;
    }

    private static int martianSource(SkBuff skb, NetDevice dev, String why) {
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_handle_martian_source", "martian source: " + why);
        return -Errno.EINVAL.code;
    }

    private static int martianDest(SkBuff skb, NetDevice dev, String why) {
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "ip_route_input_slow", "martian destination: " + why);
        return -Errno.EINVAL.code - 1000;
    }

    /** Turns an error of {@link #routeInput} into the errno value (martian destinations are tagged). */
    static int errno(int err) { return err < -1000 ? err + 1000 : err; }

    static boolean isMartianDest(int err) { return err < -1000; }

    /**
     * fib_validate_source(): 0 or 1 (source directly connected) when acceptable, -EINVAL for a local
     * source, -EXDEV when rp_filter rejects it.
     */
    static int validateSource(SkBuff skb, int src, int dst, int tos, int oif, NetDevice dev, InDevice in) {
        NetNamespace ns = dev.ns;
        Tracepoints tp = ns.emulation().trace;
        int rpf = in.rpFilter();
        if (rpf == 0 && (dev.ifindex != oif || !in.sendRedirects())) {
            if (in.acceptLocal()) return 0;
            if (Inet.ifaByAddr(ns, src) != null) {
                if (tp.on) tp.step(skb, dev, "fib_validate_source", "source " + Inet4.format(src) + " is a local address");
                return -Errno.EINVAL.code;
            }
            return 0;
        }
        int r = validateSourceFull(ns, skb, src, dst, tos, oif, dev, rpf, in);
        if (tp.on) tp.step(skb, dev, "fib_validate_source", r == -Errno.EXDEV.code
                ? "rp_filter=" + rpf + ": no route back to " + Inet4.format(src) + " via " + dev.name
                : r < 0 ? "invalid source " + Inet4.format(src) : "ok (rp_filter=" + rpf + ")");
        return r;
    }

    /** __fib_validate_source(). */
    private static int validateSourceFull(NetNamespace ns, SkBuff skb, int src, int dst, int tos, int oif,
                                          NetDevice dev, int rpf, InDevice in) {
        boolean noAddr = in.addresses().isEmpty();
        boolean acceptLocal = in.acceptLocal();
        int mark = in.srcValidMark() ? skb.mark : 0;
        FibResult res = Fib.lookup(ns, src, dst, tos, 0, oif != 0 ? oif : Fib.LOOPBACK_IFINDEX, mark);
        if (res == null || Fib.errnoOf(res) != null) return rpf != 0 ? -Errno.EXDEV.code : 0;
        if (res.type() != RouteType.UNICAST && (res.type() != RouteType.LOCAL || !acceptLocal)) return -Errno.EINVAL.code;
        boolean devMatch = res.dev() == dev || (res.type() == RouteType.LOCAL && dev == ns.loopback);
        if (devMatch) return res.gateway() == 0 ? 1 : 0;
        if (noAddr) return rpf != 0 ? -Errno.EXDEV.code : 0;
        if (rpf == 1) return -Errno.EXDEV.code;
        FibResult r2 = Fib.lookup(ns, src, dst, tos, dev.ifindex, oif != 0 ? oif : Fib.LOOPBACK_IFINDEX, mark,
                Route.SCOPE_UNIVERSE, true);
        if (r2 != null && Fib.errnoOf(r2) == null && r2.type() == RouteType.UNICAST) return r2.gateway() == 0 ? 1 : 0;
        return 0;
    }
}
