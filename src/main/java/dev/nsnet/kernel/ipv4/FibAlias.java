package dev.nsnet.kernel.ipv4;

/**
 * One route in a FIB table: {@code struct fib_alias} with its {@code fib_info} and next hops
 * folded in. The lookup answer is built once per next hop and returned by every lookup that
 * selects it, so the data path does not allocate.
 */
public final class FibAlias {
    public final Route route;
    /**
     * fib_nh_scope per next hop: NOWHERE for host routes (never killed by link down), HOST on-link,
     * LINK via a gateway. Never written, so single next hops share one array per scope.
     */
    final int[] nhScopes;
    /** One shared {scope} array per scope value, for single-path routes. */
    private static final int[][] SINGLE_SCOPE = new int[256][];
    static {
        for (int i = 0; i < 256; i++) SINGLE_SCOPE[i] = new int[] {i};
    }
    /**
     * RTNH_F_DEAD per next hop: only multipath routes keep dead next hops (single-path ones are
     * flushed), so it is null for them.
     */
    final boolean[] dead;
    /** fib_nh_upper_bound per next hop (fib_rebalance), -1 for unusable ones. */
    private final int[] upperBound;
    /** The prefix length as a suffix length (fa_slen), the order key inside a trie leaf. */
    final int slen;
    final FibResult result;
    /** The answer per next hop of a multipath route; null for a single next hop (then it is {@link #result}). */
    private final FibResult[] results;

    FibAlias(Route route, int nhScope) {
        this(route, nhScope >= 0 && nhScope < 256 ? SINGLE_SCOPE[nhScope] : new int[] {nhScope});
    }

    FibAlias(Route route, int[] nhScopes) {
        this.route = route;
        this.nhScopes = nhScopes;
        this.slen = 32 - route.prefixLen();
        int n = nhScopes.length;
        // single-path routes (nearly all) keep no multipath state: a pod has a few of each kind
        this.dead = route.multipath() ? new boolean[n] : null;
        this.upperBound = route.multipath() ? new int[n] : null;
        FibResult[] results = new FibResult[n];
        for (int i = 0; i < n; i++) {
            Nexthop nh = route.multipath() ? route.nexthops().get(i) : null;
            results[i] = new FibResult(route.type(), route.table(), route.prefixLen(), route.scope(), route.prefsrc(),
                    nh != null ? nh.gateway() : route.gateway(), nh != null ? nh.dev() : route.dev(), route.metric(), route);
        }
        this.result = results[0];
        this.results = n > 1 ? results : null;
        rebalance();
    }

    int nhScope() { return nhScopes[0]; }

    int nhCount() { return nhScopes.length; }

    /** The next hop's scope for a result this alias returned. */
    int nhScopeOf(FibResult r) {
        if (results == null) return nhScopes[0];
        for (int i = 0; i < results.length; i++) if (results[i] == r) return nhScopes[i];
        return nhScopes[0];
    }

    private dev.nsnet.kernel.core.NetDevice nhDev(int i) {
        return route.multipath() ? route.nexthops().get(i).dev() : route.dev();
    }

    /**
     * RTNH_F_LINKDOWN as fib_sync_down_dev(NETDEV_CHANGE) would have set it: the next hop's device
     * has no carrier (host-scope next hops are never marked).
     */
    public boolean linkdown() { return linkdown(0); }

    public boolean linkdown(int i) {
        dev.nsnet.kernel.core.NetDevice d = nhDev(i);
        return d != null && nhScopes[i] != Route.SCOPE_NOWHERE && !d.carrier;
    }

    public boolean dead(int i) { return dead != null && dead[i]; }

    private boolean ignoreLinkdown(int i) {
        return linkdown(i) && nhDev(i).ipPtr instanceof InDevice in && in.ignoreRoutesWithLinkdown();
    }

    /** fib_rebalance(): cumulative weight bounds over the next hops that can be used. */
    void rebalance() {
        if (!route.multipath()) return;
        long total = 0;
        for (int i = 0; i < nhScopes.length; i++) if (!dead[i]) total += route.nexthops().get(i).weight();
        long w = 0;
        for (int i = 0; i < nhScopes.length; i++) {
            if (dead[i] || total == 0) {
                upperBound[i] = -1;
                continue;
            }
            w += route.nexthops().get(i).weight();
            upperBound[i] = (int) (((w << 31) + total / 2) / total) - 1;
        }
    }

    /**
     * fib_table_lookup()'s next hop walk plus fib_select_multipath(): the answer for a flow, or
     * null when no next hop fits ({@code oif}, dead, ignored linkdown).
     */
    FibResult select(int dst, int src, int oif, boolean ignoreLinkstate) {
        int n = nhScopes.length;
        if (n == 1) {
            if (route.dev() != null) {
                if (!ignoreLinkstate && ignoreLinkdown(0)) return null;
                if (oif != 0 && route.dev().ifindex != oif) return null;
            }
            return result;
        }
        if (oif != 0) {
            for (int i = 0; i < n; i++) {
                if (dead[i] || (!ignoreLinkstate && ignoreLinkdown(i))) continue;
                if (nhDev(i).ifindex == oif) return results[i];
            }
            return null;
        }
        // fib_multipath_hash() (L3 policy): a deterministic hash of the addresses stands in for
        // the kernel's randomly keyed jhash, so a flow always takes the same path.
        int h = (src * 0x9E3779B1) ^ Integer.rotateLeft(dst * 0x85EBCA6B, 13);
        h ^= h >>> 16;
        h &= 0x7fffffff;
        FibResult first = null;
        for (int i = 0; i < n; i++) {
            if (upperBound[i] < 0) continue;
            if (!ignoreLinkstate && ignoreLinkdown(i)) continue;
            if (first == null) first = results[i];
            if (h <= upperBound[i]) return results[i];
        }
        return first;
    }

    /** Whether two routes would share one fib_info (fib_find_info()), i.e. are the same route. */
    boolean sameInfo(Route r) {
        Route a = route;
        return a.type() == r.type() && a.protocol() == r.protocol() && a.scope() == r.scope()
                && a.prefsrc() == r.prefsrc() && a.metric() == r.metric() && a.gateway() == r.gateway()
                && a.dev() == r.dev() && a.onlink() == r.onlink() && java.util.Objects.equals(a.metrics(), r.metrics())
                && java.util.Objects.equals(a.nexthops(), r.nexthops());
    }

    @Override
    public String toString() { return route.toString(); }
}
