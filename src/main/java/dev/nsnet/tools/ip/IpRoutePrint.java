package dev.nsnet.tools.ip;

import dev.nsnet.kernel.ipv4.FibAlias;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.ipv4.Route;
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
        p.string(IpPrint.ANY, "dst", "%s ", dst);
        if (r.tos() != 0 && !s.tosFixed) p.string(IpPrint.ANY, "tos", "tos %s ", String.format("0x%02x", r.tos()));
        if (r.gateway() != 0 && s.viaBitlen != 32) gateway(p, r.gateway());
        if (r.dev() != null && !s.oifFixed) ifidx(p, r.dev().name, "dev");
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
        rtFlags(p, flags(fa));
        p.string(IpPrint.FP, null, "\n", null);
        p.closeObject();
        p.flush();
    }

    static void gateway(IpPrint p, int gw) {
        if (p.isJson()) p.string(IpPrint.JSON, "gateway", null, Inet4.format(gw));
        else p.fp("via " + Inet4.format(gw) + " ");
    }

    static void ifidx(IpPrint p, String name, String prefix) {
        if (p.isJson()) p.string(IpPrint.JSON, prefix, null, name);
        else p.fp(prefix + " " + name + " ");
    }

    static void prefsrc(IpPrint p, int a) {
        if (p.isJson()) p.string(IpPrint.JSON, "prefsrc", null, Inet4.format(a));
        else p.fp("src " + Inet4.format(a) + " ");
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
