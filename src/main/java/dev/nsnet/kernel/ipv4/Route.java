package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;

/**
 * One route ({@code fib_alias} + {@code fib_info} + its single next hop).
 *
 * @param protocol RTPROT_* (2 kernel, 3 boot, 4 static ...)
 * @param scope RT_SCOPE_* (0 universe, 200 site, 253 link, 254 host, 255 nowhere)
 * @param metrics RTA_METRICS (mtu, advmss, hoplimit ...), null when none were given
 * @param nexthops the next hops of a multipath route (gateway and dev then name the first), else null
 */
public record Route(int table, RouteType type, int dst, int prefixLen, int tos, int protocol, int scope,
                    int prefsrc, int gateway, NetDevice dev, int metric, boolean onlink, RouteMetrics metrics,
                    java.util.List<Nexthop> nexthops) {
    public static final int RTPROT_UNSPEC = 0, RTPROT_REDIRECT = 1, RTPROT_KERNEL = 2, RTPROT_BOOT = 3, RTPROT_STATIC = 4;
    public static final int SCOPE_UNIVERSE = 0, SCOPE_SITE = 200, SCOPE_LINK = 253, SCOPE_HOST = 254, SCOPE_NOWHERE = 255;
    public boolean multipath() { return nexthops != null; }

    public static final int TABLE_UNSPEC = 0, TABLE_DEFAULT = 253, TABLE_MAIN = 254, TABLE_LOCAL = 255;
}
