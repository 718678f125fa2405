package dev.nsnet.tools.ip;

import dev.nsnet.kernel.ipv4.FibAlias;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.ipv4.Route;
import dev.nsnet.kernel.ipv4.RouteMetrics;
import dev.nsnet.kernel.ipv4.RouteType;
import dev.nsnet.kernel.wire.Inet4;

/**
 * iproute.c's print_route() for the IPv4 routes of a FIB dump: the attributes fib_dump_info()
 * would report for each route, printed in iproute2's order, minus what the filter fixed
 * (a {@code dev}, {@code proto}, {@code scope} or {@code via} filter hides that field).
 */
final class IpRoutePrint {
    private IpRoutePrint() { }

    static final int RTNH_F_DEAD = 1, RTNH_F_ONLINK = 4, RTNH_F_LINKDOWN = 16;

    /** The filter state that affects printing (iproute2's filter.*mask == -1 and filter.tb). */
    static final class Shown {
        boolean oifFixed, protocolFixed, scopeFixed, metricFixed, tosFixed;
        int viaBitlen;
        int prefsrcBitlen;
        /** filter.tb: 0 when listing all tables (then the table is printed). */
        int tb;
        boolean typeFiltered;
    }

    /** print_rta_multipath(). */
    static void multipath(IpPrint p, FibAlias fa) {
        p.openArray(IpPrint.JSON, "nexthops");
        for (int i = 0; i < fa.route.nexthops().size(); i++) {
            dev.nsnet.kernel.ipv4.Nexthop nh = fa.route.nexthops().get(i);
            p.openObject(null);
            p.string(IpPrint.FP, null, "%s\tnexthop ", p.sl);
            if (nh.gateway() != 0) gateway(p, nh.gateway());
            p.string(IpPrint.ANY, "dev", "dev %s ", nh.dev().name);
            p.integer(IpPrint.ANY, "weight", "weight %d ", nh.weight());
            int f = 0;
            if (fa.dead(i)) f |= RTNH_F_DEAD;
            if (nh.onlink()) f |= RTNH_F_ONLINK;
            if (fa.linkdown(i)) {
                f |= RTNH_F_LINKDOWN;
                InDevice in = InDevice.of(nh.dev());
                if (in != null && in.ignoreRoutesWithLinkdown()) f |= RTNH_F_DEAD;
            }
            rtFlags(p, f);
            p.closeObject();
        }
        p.closeArray(IpPrint.JSON, null);
    }

    /** rtm_flags of a route in a dump: its next hop's flags. */
    static int flags(FibAlias fa) {
        Route r = fa.route;
        int f = 0;
        if (r.onlink()) f |= RTNH_F_ONLINK;
        if (fa.linkdown()) {
            f |= RTNH_F_LINKDOWN;
            InDevice in = InDevice.of(r.dev());
            if (in != null && in.ignoreRoutesWithLinkdown()) f |= RTNH_F_DEAD;
        }
        return f;
    }

    static void print(IpPrint p, IpOptions o, Shown s, FibAlias fa) {
        Route r = fa.route;
        p.openObject(null);
        if (r.type() != RouteType.UNICAST || o.details > 0) {
            p.string(IpPrint.ANY, "type", "%s ", r.type().iprouteName());
        }
        String dst = r.prefixLen() == 0 ? "default"
                : r.prefixLen() == 32 ? Inet4.format(r.dst()) : Inet4.format(r.dst()) + "/" + r.prefixLen();
        if (r.prefixLen() == 0) p.string(IpPrint.ANY, "dst", "%s ", dst); // "default" is not coloured
        else p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%s ", dst);
        if (r.tos() != 0 && !s.tosFixed) p.string(IpPrint.ANY, "tos", "tos %s ", String.format("0x%02x", r.tos()));
        if (!r.multipath()) {
            if (r.gateway() != 0 && s.viaBitlen != 32) gateway(p, r.gateway());
            if (r.dev() != null && !s.oifFixed) ifidx(p, r.dev().name, "dev");
        }
        int table = r.table();
        if (table != 0 && (table != Route.TABLE_MAIN || o.details > 0) && s.tb == 0) {
            p.string(IpPrint.ANY, "table", "table %s ", IpRouteUtil.tableName(table));
        }
        if ((r.protocol() != Route.RTPROT_BOOT || o.details > 0) && !s.protocolFixed) {
            p.string(IpPrint.ANY, "protocol", "proto %s ", IpRouteUtil.protoName(r.protocol()));
        }
        if ((r.scope() != Route.SCOPE_UNIVERSE || o.details > 0) && !s.scopeFixed) {
            p.string(IpPrint.ANY, "scope", "scope %s ", IpRouteUtil.scopeName(r.scope()));
        }
        if (r.prefsrc() != 0 && s.prefsrcBitlen != 32) prefsrc(p, r.prefsrc());
        if (r.metric() != 0 && !s.metricFixed) p.uint(IpPrint.ANY, "metric", "metric %u ", r.metric() & 0xffffffffL);
        rtFlags(p, r.multipath() ? 0 : flags(fa));
        if (r.metrics() != null) metrics(p, r.metrics());
        if (r.multipath()) multipath(p, fa);
        p.string(IpPrint.FP, null, "\n", null);
        p.closeObject();
        p.flush();
    }

    static void gateway(IpPrint p, int gw) {
        if (p.isJson()) p.string(IpPrint.JSON, "gateway", null, Inet4.format(gw));
        else {
            p.fp("via ");
            p.colorFp(IpPrint.COLOR_INET, Inet4.format(gw) + " ");
        }
    }

    static void ifidx(IpPrint p, String name, String prefix) {
        if (p.isJson()) p.string(IpPrint.JSON, prefix, null, name);
        else {
            p.fp(prefix + " ");
            p.colorFp(IpPrint.COLOR_IFNAME, name + " ");
        }
    }

    static void prefsrc(IpPrint p, int a) {
        if (p.isJson()) p.string(IpPrint.JSON, "prefsrc", null, Inet4.format(a));
        else {
            p.fp("src ");
            p.colorFp(IpPrint.COLOR_INET, Inet4.format(a) + " ");
        }
    }

    private static final String[] MX_NAMES = {null, null, "mtu", "window", "rtt", "rttvar", "ssthresh", "cwnd", "advmss",
        "reordering", "hoplimit", "initcwnd", "features", "rto_min", "initrwnd", "quickack", "congctl",
        "fastopen_no_cookie"};

    /** print_rta_metrics(). */
    static void metrics(IpPrint p, RouteMetrics mx) {
        p.openArray(IpPrint.JSON, "metrics");
        p.openObject(null);
        int lock = mx.lockMask();
        for (int i = 2; i <= RouteMetrics.RTAX_MAX; i++) {
            if (!mx.has(i) && (lock & (1 << i)) == 0) continue;
            long val = i == RouteMetrics.RTAX_CC_ALGO ? 0 : mx.get(i);
            if (i == RouteMetrics.RTAX_HOPLIMIT && (int) val == -1) continue;
            if (!p.isJson()) {
                p.fp(MX_NAMES[i] + " ");
                if ((lock & (1 << i)) != 0) p.fp("lock ");
            }
            switch (i) {
                case RouteMetrics.RTAX_FEATURES -> {
                    if ((val & 1) != 0) {
                        p.string(IpPrint.ANY, null, "%s ", "ecn");
                        val &= ~1;
                    }
                    if (val != 0) p.hex(IpPrint.ANY, null, "0x%x ", val);
                }
                case RouteMetrics.RTAX_RTT, RouteMetrics.RTAX_RTTVAR, RouteMetrics.RTAX_RTO_MIN -> {
                    if (i == RouteMetrics.RTAX_RTT) val /= 8;
                    else if (i == RouteMetrics.RTAX_RTTVAR) val /= 4;
                    if (p.isJson()) p.uint(IpPrint.JSON, MX_NAMES[i], null, val);
                    else if (val >= 1000) p.fp(IpPrint.cformat("%g", val / 1e3) + "s ");
                    else p.fp(val + "ms ");
                }
                case RouteMetrics.RTAX_CC_ALGO -> p.string(IpPrint.ANY, "congestion", "%s ", mx.ccAlgo());
                default -> p.uint(IpPrint.ANY, MX_NAMES[i], "%u ", val);
            }
        }
        p.closeObject();
        p.closeArray(IpPrint.JSON, null);
    }

    /** print_rt_flags(). */
    static void rtFlags(IpPrint p, int flags) {
        p.openArray(IpPrint.JSON, p.isJson() ? "flags" : "");
        if ((flags & RTNH_F_DEAD) != 0) p.string(IpPrint.ANY, null, "%s ", "dead");
        if ((flags & RTNH_F_ONLINK) != 0) p.string(IpPrint.ANY, null, "%s ", "onlink");
        if ((flags & 0x100) != 0) p.string(IpPrint.ANY, null, "%s ", "notify");
        if ((flags & RTNH_F_LINKDOWN) != 0) p.string(IpPrint.ANY, null, "%s ", "linkdown");
        // RTM_F_* bits share rtm_flags with a cloned route's RTCF_* bits, so RTCF_MULTICAST
        // (0x20000000) reads as RTM_F_OFFLOAD_FAILED, as iproute2 prints it.
        if ((flags & 0x2000) != 0) p.string(IpPrint.ANY, null, "%s ", "rt_offload");
        if ((flags & 0x4000) != 0) p.string(IpPrint.ANY, null, "%s ", "rt_trap");
        if ((flags & 0x20000000) != 0) p.string(IpPrint.ANY, null, "%s ", "rt_offload_failed");
        p.closeArray(IpPrint.JSON, null);
    }
}
