package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IpOutputExceptions;
import dev.nsnet.kernel.ipv4.Fib;
import dev.nsnet.kernel.ipv4.FibResult;
import dev.nsnet.kernel.ipv4.Ipv4Net;
import dev.nsnet.kernel.ipv4.Route;
import dev.nsnet.kernel.ipv4.RouteInput;
import dev.nsnet.kernel.ipv4.RouteOutput;
import dev.nsnet.kernel.ipv4.RouteType;
import dev.nsnet.kernel.ipv4.Rtable;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * {@code ip route get} (iproute.c iproute_get + the kernel's inet_rtm_getroute / rt_fill_info):
 * resolves an output route (or an input route with {@code iif}) and prints it as a cloned route
 * with its cache flags.
 */
final class IpRouteGet {
    private IpRouteGet() { }

    static int run(ToolContext ctx, IpOptions o, List<String> args) {
        NetNamespace ns = ctx.netns();
        int family = o.family;
        String idev = null, odev = null;
        long mark = 0;
        Integer src = null;
        Integer dst = null;
        int tos = 0;
        boolean fibmatch = false;
        boolean connected = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("tos") || IpUtil.matches(a, "dsfield")) {
                String v = IpRoute.next(args, ++i);
                Long t = IpUtil.getUnsigned(v);
                if (t == null || t > 255) throw IpError.invarg("TOS value is invalid\n", v);
                tos = t.intValue();
            } else if (IpUtil.matches(a, "from")) {
                String v = IpRoute.next(args, ++i);
                if (IpUtil.matches(v, "help")) throw new IpError(IpRoute.USAGE, 255);
                IpRouteUtil.Prefix p = IpRouteUtil.getPrefix(v, family);
                if (family == 0) family = p.family;
                src = p.addr;
            } else if (IpUtil.matches(a, "iif")) {
                idev = IpRoute.next(args, ++i);
            } else if (IpUtil.matches(a, "mark")) {
                String v = IpRoute.next(args, ++i);
                Long m = IpUtil.getUnsigned(v);
                if (m == null) throw IpError.invarg("invalid mark value", v);
                mark = m;
            } else if (IpUtil.matches(a, "oif") || a.equals("dev")) {
                odev = IpRoute.next(args, ++i);
            } else if (IpUtil.matches(a, "notify")) {
                // accepted, no effect on the answer
            } else if (IpUtil.matches(a, "connected")) {
                connected = true;
            } else if (IpUtil.matches(a, "uid")) {
                String v = IpRoute.next(args, ++i);
                if (IpUtil.getUnsigned(v) == null) throw IpError.invarg("invalid UID\n", v);
            } else if (IpUtil.matches(a, "fibmatch")) {
                fibmatch = true;
            } else {
                if (a.equals("to")) a = IpRoute.next(args, ++i);
                if (IpUtil.matches(a, "help")) throw new IpError(IpRoute.USAGE, 255);
                IpRouteUtil.Prefix p = IpRouteUtil.getPrefix(a, family);
                if (family == 0) family = p.family;
                if (p.bitlen != 32) {
                    ctx.err().print("Warning: /" + p.bitlen + " as prefix is invalid, only /32 (or none) is supported.\n");
                }
                dst = p.addr;
            }
        }
        if (dst == null) throw new IpError("need at least a destination address\n", 1);
        NetDevice iif = null, oif = null;
        if (idev != null) {
            iif = IpUtil.llNameToIndex(ns, idev);
            if (iif == null) throw IpError.nodev(idev);
        }
        if (odev != null) {
            oif = IpUtil.llNameToIndex(ns, odev);
            if (oif == null) throw IpError.nodev(odev);
        }
        int s = src == null ? 0 : src;
        Ipv4Net net = Ipv4Net.of(ns);
        IpPrint p = IpPrint.of(ctx.out(), o);
        if (iif != null) {
            SkBuff skb = ns.emulation().pool.alloc(64);
            try {
                skb.protocol = Ether.P_IP;
                skb.mark = (int) mark;
                skb.dev = iif;
                int err = RouteInput.routeInput(skb, dst, s, tos, iif);
                // martians and reverse-path failures both answer -EINVAL to RTM_GETROUTE
                if (err < 0) throw new KernelException(Errno.EINVAL);
                if (skb.routeType == RouteInput.UNREACHABLE) throw new KernelException(errno(skb.nexthop));
                RouteType type = RouteType.values()[skb.routeType];
                FibResult res = Fib.lookup(ns, dst, s, tos, 0, iif.ifindex, (int) mark);
                int table = tableOf(net, res);
                int flags = 0;
                if (type == RouteType.LOCAL) flags |= Rtable.RTCF_LOCAL;
                if (type == RouteType.BROADCAST) flags |= Rtable.RTCF_LOCAL | Rtable.RTCF_BROADCAST;
                NetDevice out = skb.outDev;
                int gw = type == RouteType.UNICAST ? skb.nexthop : 0;
                print(p, o.details > 0, res != null && res.route() != null ? res.route().tos() : 0, type, dst, src, gw, out, table, 0, mark, flags, iif,
                        type == RouteType.UNICAST && res != null && res.route() != null ? res.route().metrics() : null);
            } finally {
                skb.free();
            }
            return 0;
        }
        Rtable rt = RouteOutput.resolve(ns, dst, s, tos, oif == null ? 0 : oif.ifindex, (int) mark);
        int table = tableOf(net, rt.res());
        if (fibmatch) {
            // RTM_F_FIB_MATCH: the FIB entry itself, in dump form
            dev.nsnet.kernel.ipv4.FibAlias fa = rt.res() == null || rt.res().route() == null ? null
                    : Fib.alias(ns, rt.res().route());
            if (fa == null) throw new KernelException(Errno.EHOSTUNREACH);
            IpRoutePrint.Shown shown = new IpRoutePrint.Shown();
            shown.tb = table == Route.TABLE_MAIN || table == 0 ? -1 : 0;
            p.newJsonObj();
            IpRoutePrint.print(p, o, shown, fa);
            p.deleteJsonObj();
            return 0;
        }
        int prefsrc = (src == null || rt.src() != src) ? rt.src() : 0;
        if (connected && src == null) {
            // iproute2 prints the first answer, then asks again (with the same request) and
            // prints that answer too
            print(p, o.details > 0, rt.res() != null && rt.res().route() != null ? rt.res().route().tos() : 0, rt.type(), dst, src, rt.gateway(), rt.dev(), table, prefsrc, mark, rt.flags(), null,
                    rt.res() != null && rt.res().route() != null ? rt.res().route().metrics() : null);
        }
        print(p, o.details > 0, rt.res() != null && rt.res().route() != null ? rt.res().route().tos() : 0, rt.type(), dst, src, rt.gateway(), rt.dev(), table, prefsrc, mark, rt.flags(), null,
                rt.res() != null && rt.res().route() != null ? rt.res().route().metrics() : null);
        return 0;
    }

    private static Errno errno(int code) {
        for (Errno e : Errno.values()) if (e.code == code) return e;
        return Errno.EINVAL;
    }

    /**
     * RTA_TABLE of the answer: the table the lookup ended in. Without custom rules the kernel's
     * local and main tables share one trie looked up as "main", so local routes report main.
     */
    private static int tableOf(Ipv4Net net, FibResult res) {
        if (res == null || res.route() == null) return 0;
        int t = res.table();
        if (!net.hasCustomRules() && (t == Route.TABLE_LOCAL || t == Route.TABLE_MAIN)) return Route.TABLE_MAIN;
        return t;
    }

    /** print_route() of a cloned route as rt_fill_info() reports it. */
    private static void print(IpPrint p, boolean details, int routeTos, RouteType type, int dst, Integer src, int gw, NetDevice dev,
                              int table,
                              int prefsrc, long mark, int flags, NetDevice iif, dev.nsnet.kernel.ipv4.RouteMetrics metrics) {
        p.newJsonObj();
        p.openObject(null);
        if (type != RouteType.UNICAST || details) p.string(IpPrint.ANY, "type", "%s ", type.iprouteName());
        p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%s ", Inet4.format(dst));
        if (src != null) p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "from", "from %s ", Inet4.format(src));
        // the reply carries the matched route's TOS (0 for routes without one), not the query's
        if (routeTos != 0) p.string(IpPrint.ANY, "tos", "tos %s ", String.format("0x%02x", routeTos));
        if (gw != 0) IpRoutePrint.gateway(p, gw);
        if (dev != null) IpRoutePrint.ifidx(p, dev.name, "dev");
        if (table != 0 && (table != Route.TABLE_MAIN || details)) {
            p.string(IpPrint.ANY, "table", "table %s ", IpRouteUtil.tableName(table));
        }
        if (prefsrc != 0) IpRoutePrint.prefsrc(p, prefsrc);
        IpRoutePrint.rtFlags(p, flags & ~0xFFFF);
        if (mark != 0) {
            if (p.isJson()) p.uint(IpPrint.JSON, "mark", null, mark);
            else if (mark >= 16) p.fp("mark 0x" + Long.toHexString(mark) + " ");
            else p.fp("mark " + mark + " ");
        }
        if (iif == null) p.uint(IpPrint.ANY, "uid", "uid %u ", 0);
        cacheFlags(p, flags);
        // rt_fill_info() of an output route bound to a learnt path MTU (a PMTU exception):
        // RTA_CACHEINFO's expiry, and the MTU as a metric
        IpOutputExceptions.Entry ex = dev != null && iif == null && metrics == null
                && !p.isJson() ? IpOutputExceptions.of(dev.ns).get(dst) : null;
        if (ex != null && ex.mtu != 0) {
            long left = Math.max(0, ex.mtuExpires - dev.ns.emulation().now()) / 1_000_000_000L;
            p.fp("expires " + left + "sec mtu " + ex.mtu + " ");
        }
        if (metrics != null) IpRoutePrint.metrics(p, metrics);
        if (iif != null) IpRoutePrint.ifidx(p, iif.name, "iif");
        p.string(IpPrint.FP, null, "\n", null);
        p.closeObject();
        p.deleteJsonObj();
    }

    /** print_cache_flags(). */
    private static void cacheFlags(IpPrint p, int flags) {
        String[] names = {"local", "mc", "brd", "src-direct", "redirected", "redirect", "notify"};
        int[] bits = {Rtable.RTCF_LOCAL, Rtable.RTCF_MULTICAST, Rtable.RTCF_BROADCAST, Rtable.RTCF_DIRECTSRC,
                Rtable.RTCF_REDIRECTED, Rtable.RTCF_DOREDIRECT, Rtable.RTCF_NOTIFY};
        flags &= ~0xFFFF;
        if (p.isJson()) {
            p.openArray(IpPrint.JSON, "cache");
            for (int i = 0; i < bits.length; i++) if ((flags & bits[i]) != 0) p.string(IpPrint.JSON, null, null, names[i]);
            p.closeArray(IpPrint.JSON, null);
            return;
        }
        StringBuilder b = new StringBuilder(p.sl).append("    cache ");
        if (flags != 0) {
            b.append('<');
            for (int i = 0; i < bits.length; i++) {
                if ((flags & bits[i]) == 0) continue;
                flags &= ~bits[i];
                b.append(names[i]).append(flags != 0 ? "," : "> ");
            }
        }
        p.fp(b.toString());
    }
}
