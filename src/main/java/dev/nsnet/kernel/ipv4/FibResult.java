package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetDevice;

/**
 * The answer of {@code fib_lookup()}: the route found (type, table, scope, preferred source) and
 * its next hop (gateway 0 when the destination is on-link).
 *
 * @param prefsrc the route's preferred source, 0 when it has none (then the caller selects one)
 */
public record FibResult(RouteType type, int table, int prefixLen, int scope, int prefsrc, int gateway,
                        NetDevice dev, int metric, Route route) {
}
