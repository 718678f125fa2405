package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;

/** {@code struct fib_config}: one route add/delete request, as rtm_to_fib_config() fills it. */
public final class FibConfig {
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800;

    public int table = Route.TABLE_MAIN;
    public RouteType type = RouteType.UNICAST;
    public int dst;
    public int dstLen;
    public int tos;
    public int protocol = Route.RTPROT_BOOT;
    public int scope = Route.SCOPE_UNIVERSE;
    public int prefsrc;
    public int gateway;
    public NetDevice oif;
    public int priority;
    public boolean onlink;
    /** RTA_MULTIPATH (dev null / gateway 0 when not given), or null. */
    public java.util.List<Nexthop> multipath;
    /** RTA_METRICS, or null. */
    public RouteMetrics metrics;
    public int nlflags = NLM_F_CREATE | NLM_F_EXCL;
}
