package dev.nsnet.kernel.ipv4;

/**
 * One route in a FIB table: {@code struct fib_alias} with its {@code fib_info} and single next
 * hop folded in. The lookup answer is built once per route and returned by every lookup that
 * hits it, so the data path does not allocate.
 */
public final class FibAlias {
    public final Route route;
    /** fib_nh_scope: RT_SCOPE_NOWHERE for host routes (never killed by link down), HOST for on-link, LINK via a gateway. */
    final int nhScope;
    /** The prefix length as a suffix length (fa_slen), the order key inside a trie leaf. */
    final int slen;
    final FibResult result;

    FibAlias(Route route, int nhScope) {
        this.route = route;
        this.nhScope = nhScope;
        this.slen = 32 - route.prefixLen();
        this.result = new FibResult(route.type(), route.table(), route.prefixLen(), route.scope(), route.prefsrc(),
                route.gateway(), route.dev(), route.metric(), route);
    }

    /**
     * RTNH_F_LINKDOWN as fib_sync_down_dev(NETDEV_CHANGE) would have set it: the next hop's device
     * has no carrier (host-scope next hops are never marked).
     */
    public boolean linkdown() {
        return route.dev() != null && nhScope != Route.SCOPE_NOWHERE && !route.dev().carrier;
    }

    /** Whether two routes would share one fib_info (fib_find_info()), i.e. are the same route. */
    boolean sameInfo(Route r) {
        Route a = route;
        return a.type() == r.type() && a.protocol() == r.protocol() && a.scope() == r.scope()
                && a.prefsrc() == r.prefsrc() && a.metric() == r.metric() && a.gateway() == r.gateway()
                && a.dev() == r.dev() && a.onlink() == r.onlink();
    }

    @Override
    public String toString() { return route.toString(); }
}
