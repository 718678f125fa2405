package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;

/**
 * One next hop of a multipath route ({@code struct fib_nh}): gateway (0 when on-link), device,
 * weight (rtnh_hops + 1) and the onlink flag.
 */
public record Nexthop(int gateway, NetDevice dev, int weight, boolean onlink) {
}
