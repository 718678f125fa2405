package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;

/**
 * A resolved route for one flow ({@code struct rtable} + the flowi4 it was made for).
 *
 * @param type RTN type of the route (LOCAL for our own addresses, BROADCAST ...)
 * @param dev the device packets leave by (lo for local destinations)
 * @param gateway the next hop when it is not the destination itself (rt_gw4), else 0
 * @param src the source address chosen (fl4->saddr)
 * @param dst the destination (fl4->daddr)
 * @param flags RTCF_* flags
 * @param res the FIB answer it came from (null when none was needed, e.g. "assume on-link")
 * @param origOif for local routes, the device of the local address's route
 */
public record Rtable(RouteType type, NetDevice dev, int gateway, int src, int dst, int flags, FibResult res, int origOif) {
    public static final int RTCF_NOTIFY = 0x10000, RTCF_REDIRECTED = 0x40000, RTCF_DOREDIRECT = 0x01000000,
            RTCF_DIRECTSRC = 0x04000000, RTCF_BROADCAST = 0x10000000, RTCF_MULTICAST = 0x20000000,
            RTCF_LOCAL = 0x80000000;

    public boolean isLocal() { return (flags & RTCF_LOCAL) != 0; }

    public boolean isBroadcast() { return (flags & RTCF_BROADCAST) != 0; }

    /** rt_nexthop(): where to send at layer 2. */
    public int nexthop() { return gateway != 0 ? gateway : dst; }
}
