package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Inet4;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 FIB (net/ipv4/fib_frontend.c, fib_trie.c, fib_semantics.c, fib_rules.c): lookups through
 * the policy rules, route insertion and deletion with the kernel's checks, and the flushing of
 * routes whose device went away.
 */
public final class Fib {
    private Fib() { }

    /** Answers of rule actions (fib4_rule_action): they carry no route. */
    static final FibResult RULE_UNREACHABLE = new FibResult(RouteType.UNREACHABLE, 0, 0, 0, 0, 0, null, 0, null);
    static final FibResult RULE_PROHIBIT = new FibResult(RouteType.PROHIBIT, 0, 0, 0, 0, 0, null, 0, null);
    static final FibResult RULE_BLACKHOLE = new FibResult(RouteType.BLACKHOLE, 0, 0, 0, 0, 0, null, 0, null);

    /** The loopback ifindex, which output lookups use as their iif (ip_route_output_key_hash). */
    public static final int LOOPBACK_IFINDEX = 1;

    /**
     * fib_lookup(): walks the rules; returns the route found or null (-ENETUNREACH). A result of
     * type BLACKHOLE/UNREACHABLE/PROHIBIT is the kernel's error return: see {@link #errnoOf}.
     *
     * @param iif for locally generated traffic pass {@link #LOOPBACK_IFINDEX}
     */
    public static FibResult lookup(NetNamespace ns, int dst, int src, int tos, int oif, int iif, int mark) {
        return lookup(ns, dst, src, tos, oif, iif, mark, Route.SCOPE_UNIVERSE, false);
    }

    /** fib_lookup() with a flowi4_scope. */
    public static FibResult lookup(NetNamespace ns, int dst, int src, int tos, int oif, int iif, int mark,
                                   int scope, boolean ignoreLinkstate) {
        Ipv4Net net = Ipv4Net.of(ns);
        if (!net.hasCustomRules) {
            // fib_lookup() without custom rules: main (whose trie local shares), then default
            FibTable t = net.table(Route.TABLE_MAIN, false);
            FibResult res = t == null ? null : t.lookupResult(dst, src, tos, scope, oif, ignoreLinkstate);
            if (res != null && res.type() != RouteType.THROW) return res;
            t = net.table(Route.TABLE_DEFAULT, false);
            res = t == null ? null : t.lookupResult(dst, src, tos, scope, oif, ignoreLinkstate);
            return res != null && res.type() != RouteType.THROW ? res : null;
        }
        List<FibRule> rules = net.rules;
        for (int i = 0, n = rules.size(); i < n; i++) {
            FibRule r = rules.get(i);
            if (!r.matches(net, dst, src, tos, oif, iif, mark)) continue;
            switch (r.action) {
                case FibRule.FR_ACT_NOP -> { continue; }
                case FibRule.FR_ACT_UNREACHABLE -> { return RULE_UNREACHABLE; }
                case FibRule.FR_ACT_PROHIBIT -> { return RULE_PROHIBIT; }
                case FibRule.FR_ACT_BLACKHOLE -> { return RULE_BLACKHOLE; }
                case FibRule.FR_ACT_GOTO -> {
                    int target = r.gotoTarget;
                    int j = i + 1;
                    while (j < n && rules.get(j).pref < target) j++;
                    i = j - 1;
                    continue;
                }
                case FibRule.FR_ACT_TO_TBL -> { }
                default -> { return RULE_BLACKHOLE; } // fib4_rule_action(): any other action is -EINVAL
            }
            FibTable t = net.table(r.table, false);
            if (t == null) continue;
            FibResult res = t.lookupResult(dst, src, tos, scope, oif, ignoreLinkstate);
            if (res == null || res.type() == RouteType.THROW) continue;
            if (r.suppressPrefixlen >= 0 && res.prefixLen() <= r.suppressPrefixlen) continue;
            return res;
        }
        return null;
    }

    /** The errno a lookup answer stands for in ip_route_output_key (0 for a usable route). */
    public static Errno errnoOf(FibResult res) {
        if (res == null) return Errno.ENETUNREACH;
        return switch (res.type()) {
            case BLACKHOLE, NAT, XRESOLVE -> Errno.EINVAL;
            case UNREACHABLE -> res.route() == null ? Errno.ENETUNREACH : Errno.EHOSTUNREACH;
            case PROHIBIT -> Errno.EACCES;
            case THROW -> Errno.EAGAIN;
            default -> null;
        };
    }

    /** inet_addr_type(): what {@code addr} is to this namespace, from the local table. */
    public static RouteType addrType(NetNamespace ns, int addr) {
        return devAddrType(ns, null, addr, Route.TABLE_LOCAL);
    }

    /** inet_dev_addr_type(): like {@link #addrType} but a local route only counts on {@code dev}. */
    public static RouteType devAddrType(NetNamespace ns, NetDevice dev, int addr) {
        return devAddrType(ns, dev, addr, Route.TABLE_LOCAL);
    }

    static RouteType devAddrType(NetNamespace ns, NetDevice dev, int addr, int tableId) {
        if (Inet4.isZeronet(addr) || Inet4.isLbcast(addr)) return RouteType.BROADCAST;
        if (Inet4.isMulticast(addr)) return RouteType.MULTICAST;
        FibTable t = Ipv4Net.of(ns).table(tableId, false);
        if (t == null) return RouteType.BROADCAST; // __inet_dev_addr_type(): no such table yet
        FibResult res = t.lookupResult(addr, 0, 0, 0, 0, false);
        if (res == null || errnoOf(res) != null) return RouteType.UNICAST;
        // the first next hop's device decides (fib_info_nhc(res.fi, 0))
        if (dev != null && dev != res.route().dev()) return RouteType.UNICAST;
        return res.type();
    }

    // ------------------------------------------------------------------ route insertion

    private static final int[] PROPS_SCOPE = new int[RouteType.values().length];
    static {
        PROPS_SCOPE[RouteType.LOCAL.ordinal()] = Route.SCOPE_HOST;
        PROPS_SCOPE[RouteType.BROADCAST.ordinal()] = Route.SCOPE_LINK;
        PROPS_SCOPE[RouteType.ANYCAST.ordinal()] = Route.SCOPE_LINK;
        PROPS_SCOPE[RouteType.UNSPEC.ordinal()] = Route.SCOPE_NOWHERE;
        PROPS_SCOPE[RouteType.NAT.ordinal()] = Route.SCOPE_NOWHERE;
        PROPS_SCOPE[RouteType.XRESOLVE.ordinal()] = Route.SCOPE_NOWHERE;
    }

    /** fib_props[type].error != 0: the reject types, and nat and xresolve (-EINVAL, as blackhole). */
    private static boolean isError(RouteType t) {
        return t == RouteType.BLACKHOLE || t == RouteType.UNREACHABLE || t == RouteType.PROHIBIT || t == RouteType.THROW
                || t == RouteType.NAT || t == RouteType.XRESOLVE;
    }

    /** fib_create_info(): validates a request and resolves its next hop; returns the new alias. */
    static FibAlias createInfo(NetNamespace ns, FibConfig cfg) {
        if (cfg.multipath != null && cfg.multipath.size() == 1) {
            Nexthop only = cfg.multipath.get(0);
            if (cfg.gateway == 0) cfg.gateway = only.gateway();
            if (cfg.oif == null) cfg.oif = only.dev();
            cfg.onlink |= only.onlink();
            cfg.multipath = null;
        }
        // the scope of the type first (fib_props[].scope): nat and xresolve want scope nowhere, so
        // iproute2's default scope host for nat is "Invalid scope"; then types with an error
        // (reject types, nat, xresolve) take no next hop, any other scope; the rest must be a
        // unicast-like type with a scope up to host
        if (PROPS_SCOPE[cfg.type.ordinal()] > cfg.scope) throw new KernelException(Errno.EINVAL, "Invalid scope");
        NetDevice dev = null;
        int nhScope;
        if (isError(cfg.type)) {
            if (cfg.gateway != 0 || cfg.oif != null || cfg.multipath != null) {
                throw new KernelException(Errno.EINVAL, "Gateway, device and multipath can not be specified for this route type");
            }
            nhScope = Route.SCOPE_NOWHERE;
        } else if (cfg.type != RouteType.UNICAST && cfg.type != RouteType.LOCAL && cfg.type != RouteType.BROADCAST
                && cfg.type != RouteType.ANYCAST && cfg.type != RouteType.MULTICAST) {
            throw new KernelException(Errno.EINVAL, "Invalid route type");
        } else if (cfg.scope > Route.SCOPE_HOST) {
            throw new KernelException(Errno.EINVAL, "Invalid scope");
        } else if (cfg.scope == Route.SCOPE_HOST) {
            if (cfg.gateway != 0) throw new KernelException(Errno.EINVAL, "Route with host scope can not have a gateway");
            if (cfg.oif == null) throw new KernelException(Errno.ENODEV);
            dev = cfg.oif;
            nhScope = Route.SCOPE_NOWHERE;
        } else if (cfg.multipath != null && cfg.multipath.size() > 1) {
            return createMultipath(ns, cfg);
        } else if (cfg.gateway != 0) {
            int[] sc = new int[1];
            dev = checkNhGw(ns, cfg, sc);
            nhScope = sc[0];
        } else {
            if (cfg.onlink) throw new KernelException(Errno.EINVAL, "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
            if (cfg.oif == null || InDevice.of(cfg.oif) == null) throw new KernelException(Errno.ENODEV);
            if (!cfg.oif.isUp()) throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
            dev = cfg.oif;
            nhScope = Route.SCOPE_HOST;
        }
        if (cfg.prefsrc != 0 && !validPrefsrc(ns, cfg)) throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
        RouteMetrics mx = cfg.metrics == null || cfg.metrics.isEmpty() ? null : cfg.metrics;
        if (mx != null) mx.convert();
        Route r = new Route(cfg.table, cfg.type, cfg.dst & FibTable.mask(cfg.dstLen), cfg.dstLen, cfg.tos, cfg.protocol,
                cfg.scope, cfg.prefsrc, cfg.gateway, dev, cfg.priority, cfg.onlink, mx, null);
        return new FibAlias(r, nhScope);
    }

    /** fib_create_info() for RTA_MULTIPATH: every next hop is checked like a single one. */
    private static FibAlias createMultipath(NetNamespace ns, FibConfig cfg) {
        List<Nexthop> nhs = new ArrayList<>();
        int[] scopes = new int[cfg.multipath.size()];
        for (int i = 0; i < scopes.length; i++) {
            Nexthop req = cfg.multipath.get(i);
            FibConfig one = new FibConfig();
            one.table = cfg.table;
            one.scope = cfg.scope;
            one.gateway = req.gateway();
            one.oif = req.dev();
            one.onlink = req.onlink();
            NetDevice dev;
            if (req.gateway() != 0) {
                int[] sc = new int[1];
                dev = checkNhGw(ns, one, sc);
                scopes[i] = sc[0];
            } else {
                if (one.onlink) throw new KernelException(Errno.EINVAL, "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
                if (one.oif == null || InDevice.of(one.oif) == null) throw new KernelException(Errno.ENODEV);
                if (!one.oif.isUp()) throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
                dev = one.oif;
                scopes[i] = Route.SCOPE_HOST;
            }
            nhs.add(new Nexthop(req.gateway(), dev, req.weight(), req.onlink()));
        }
        if (cfg.prefsrc != 0 && !validPrefsrc(ns, cfg)) throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
        RouteMetrics mx = cfg.metrics == null || cfg.metrics.isEmpty() ? null : cfg.metrics;
        if (mx != null) mx.convert();
        Nexthop first = nhs.get(0);
        Route r = new Route(cfg.table, cfg.type, cfg.dst & FibTable.mask(cfg.dstLen), cfg.dstLen, cfg.tos, cfg.protocol,
                cfg.scope, cfg.prefsrc, first.gateway(), first.dev(), cfg.priority, first.onlink(), mx, List.copyOf(nhs));
        return new FibAlias(r, scopes);
    }

    /** fib_check_nh_v4_gw(): the gateway must be on-link (or declared so), through an up device. */
    private static NetDevice checkNhGw(NetNamespace ns, FibConfig cfg, int[] nhScope) {
        if (cfg.onlink) {
            if (cfg.scope >= Route.SCOPE_LINK) throw new KernelException(Errno.EINVAL, "Nexthop has invalid scope");
            NetDevice dev = cfg.oif;
            if (dev == null) throw new KernelException(Errno.EINVAL, "Nexthop device required for onlink");
            if (!dev.isUp()) throw new KernelException(Errno.ENETDOWN, "Nexthop device is not up");
            if (devAddrType(ns, null, cfg.gateway, Route.TABLE_LOCAL) != RouteType.UNICAST) {
                throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
            }
            nhScope[0] = Route.SCOPE_LINK;
            return dev;
        }
        int scope = Math.max(cfg.scope + 1, Route.SCOPE_LINK);
        int oif = cfg.oif == null ? 0 : cfg.oif.ifindex;
        FibResult res = null;
        if (cfg.table != 0 && cfg.table != Route.TABLE_MAIN) {
            FibTable t = Ipv4Net.of(ns).table(cfg.table, false);
            if (t != null) {
                FibAlias fa = t.lookup(cfg.gateway, 0, scope, oif, true);
                if (fa != null && errnoOf(fa.result) == null) res = fa.result;
                else if (fa != null && fa.route.type() != RouteType.THROW) res = fa.result;
            }
        }
        if (res == null || errnoOf(res) != null) {
            res = lookup(ns, cfg.gateway, 0, 0, oif, LOOPBACK_IFINDEX, 0, scope, true);
        }
        if (res == null || errnoOf(res) != null) throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
        if (res.type() != RouteType.UNICAST && res.type() != RouteType.LOCAL) {
            throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
        }
        NetDevice dev = res.dev();
        if (dev == null) throw new KernelException(Errno.EINVAL, "No egress device for nexthop gateway");
        if (!dev.isUp()) throw new KernelException(Errno.ENETDOWN);
        nhScope[0] = res.scope();
        return dev;
    }

    /** fib_valid_prefsrc(). */
    private static boolean validPrefsrc(NetNamespace ns, FibConfig cfg) {
        if (cfg.type != RouteType.LOCAL || cfg.dst == 0 || cfg.prefsrc != cfg.dst) {
            int tb = cfg.table == Route.TABLE_MAIN ? Route.TABLE_LOCAL : cfg.table;
            RouteType rc = devAddrType(ns, null, cfg.prefsrc, tb);
            if (rc != RouteType.LOCAL && tb != Route.TABLE_LOCAL) rc = devAddrType(ns, null, cfg.prefsrc, Route.TABLE_LOCAL);
            return rc == RouteType.LOCAL;
        }
        return true;
    }

    /** fib_table_insert(): adds (or replaces) a route as RTM_NEWROUTE with {@code cfg.nlflags}. */
    public static Route insert(NetNamespace ns, FibConfig cfg) {
        if (cfg.table == 0) cfg.table = Route.TABLE_MAIN; // fib_new_table(net, 0) is main
        if (cfg.dstLen < 0 || cfg.dstLen > 32) throw new KernelException(Errno.EINVAL, "Invalid prefix length");
        if ((cfg.dst & ~FibTable.mask(cfg.dstLen)) != 0) throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
        // inet_rtm_newroute(): the table exists from here on, even when the route is then refused
        FibTable t = Ipv4Net.of(ns).table(cfg.table, true);
        FibAlias nfa = createInfo(ns, cfg);
        List<FibAlias> l = t.aliases(cfg.dst, cfg.dstLen);
        int first = -1;
        if (l != null) {
            for (int i = 0; i < l.size(); i++) {
                Route r = l.get(i).route;
                if (r.table() != cfg.table) continue; // the other table of a merged trie
                if (r.tos() == cfg.tos && r.metric() == cfg.priority) { first = i; break; }
            }
        }
        if (first >= 0) {
            if ((cfg.nlflags & FibConfig.NLM_F_EXCL) != 0) throw new KernelException(Errno.EEXIST);
            if ((cfg.nlflags & FibConfig.NLM_F_REPLACE) != 0) {
                l.set(first, nfa);
                return nfa.route;
            }
            for (int i = first; i < l.size(); i++) {
                FibAlias fa = l.get(i);
                if (fa.route.table() != cfg.table || fa.route.tos() != cfg.tos || fa.route.metric() != cfg.priority) break;
                if (fa.sameInfo(nfa.route)) throw new KernelException(Errno.EEXIST);
            }
        } else if ((cfg.nlflags & FibConfig.NLM_F_CREATE) == 0) {
            throw new KernelException(Errno.ENOENT);
        }
        boolean append = (cfg.nlflags & FibConfig.NLM_F_APPEND) != 0;
        l = t.aliasesOrCreate(cfg.dst, cfg.dstLen);
        int pos = l.size();
        for (int i = 0; i < l.size(); i++) {
            Route r = l.get(i).route;
            // fib_find_alias(): a prefix's aliases are grouped by table, highest id first
            if (r.table() > cfg.table) continue;
            if (r.table() < cfg.table) { pos = i; break; }
            if (r.tos() < cfg.tos) { pos = i; break; }
            if (r.tos() == cfg.tos && (append ? r.metric() > cfg.priority : r.metric() >= cfg.priority)) { pos = i; break; }
        }
        l.add(pos, nfa);
        t.added(cfg.dstLen);
        return nfa.route;
    }

    /**
     * fib_table_delete(): removes the first route matching the request's given fields
     * (type UNSPEC, scope NOWHERE, protocol/prefsrc/gateway 0 and oif null mean "any").
     */
    public static Route delete(NetNamespace ns, FibConfig cfg) {
        if (cfg.table == 0) cfg.table = Route.TABLE_MAIN;
        if (cfg.dstLen < 0 || cfg.dstLen > 32) throw new KernelException(Errno.EINVAL, "Invalid prefix length");
        FibTable t = Ipv4Net.of(ns).table(cfg.table == 0 ? Route.TABLE_MAIN : cfg.table, false);
        if (t == null) throw new KernelException(Errno.ESRCH);
        List<FibAlias> l = t.aliases(cfg.dst, cfg.dstLen);
        if (l == null) throw new KernelException(Errno.ESRCH);
        for (FibAlias fa : l) {
            Route r = fa.route;
            if (r.table() != cfg.table) continue;
            if (r.tos() != cfg.tos) continue;
            if (cfg.type != RouteType.UNSPEC && r.type() != cfg.type) continue;
            if (cfg.scope != Route.SCOPE_NOWHERE && r.scope() != cfg.scope) continue;
            if (cfg.prefsrc != 0 && r.prefsrc() != cfg.prefsrc) continue;
            if (cfg.protocol != 0 && r.protocol() != cfg.protocol) continue;
            if (cfg.priority != 0 && r.metric() != cfg.priority) continue;
            if (cfg.oif != null && r.dev() != cfg.oif) continue;
            if (cfg.gateway != 0 && r.gateway() != cfg.gateway) continue;
            t.removed(fa);
            return r;
        }
        throw new KernelException(Errno.ESRCH);
    }

    /** The FIB entry of a route (for printing its dump form), or null when it is gone. */
    public static FibAlias alias(NetNamespace ns, Route r) {
        FibTable t = Ipv4Net.of(ns).table(r.table(), false);
        List<FibAlias> l = t == null ? null : t.aliases(r.dst(), r.prefixLen());
        if (l == null) return null;
        for (FibAlias fa : l) if (fa.route == r) return fa;
        return null;
    }

    /** Removes one route (the flush of ip route flush). */
    public static void remove(NetNamespace ns, Route r) {
        FibTable t = Ipv4Net.of(ns).table(r.table(), false);
        if (t == null) return;
        List<FibAlias> l = t.aliases(r.dst(), r.prefixLen());
        if (l == null) return;
        for (FibAlias fa : new ArrayList<>(l)) if (fa.route == r) t.removed(fa);
    }

    /** fib_magic(): the kernel's own routes for an address; errors (EEXIST, ESRCH) are ignored like the kernel does. */
    static void magic(NetNamespace ns, boolean add, RouteType type, int dst, int dstLen, IfAddr prim, int priority) {
        FibConfig cfg = new FibConfig();
        cfg.protocol = Route.RTPROT_KERNEL;
        cfg.type = type;
        cfg.dst = dst;
        cfg.dstLen = dstLen;
        cfg.priority = priority;
        cfg.prefsrc = prim.local;
        cfg.oif = prim.inDev.dev;
        cfg.nlflags = FibConfig.NLM_F_CREATE | FibConfig.NLM_F_APPEND;
        cfg.table = type == RouteType.UNICAST ? Route.TABLE_MAIN : Route.TABLE_LOCAL;
        cfg.scope = type != RouteType.LOCAL ? Route.SCOPE_LINK : Route.SCOPE_HOST;
        try {
            if (add) insert(ns, cfg);
            else delete(ns, cfg);
        } catch (KernelException e) {
            // fib_magic() ignores the result: duplicates and already-gone routes are normal here.
        }
    }

    /**
     * fib_sync_down_dev() + fib_flush(): routes whose next hop is {@code dev} die; host-scope next
     * hops (local routes) survive unless {@code force} (the device is going away).
     */
    static void syncDownDev(NetNamespace ns, NetDevice dev, boolean force) {
        for (FibTable t : Ipv4Net.of(ns).tablesInDumpOrder()) {
            for (FibAlias fa : t.dump()) {
                Route r = fa.route;
                if (!r.multipath()) {
                    if (r.dev() != dev) continue;
                    if (!force && fa.nhScope() == Route.SCOPE_NOWHERE) continue;
                    t.removed(fa);
                    continue;
                }
                // A multipath route loses the next hops through dev; it dies with the last one
                // (or at once when dev is unregistered).
                int deadCount = 0;
                boolean touched = false;
                for (int i = 0; i < fa.nhCount(); i++) {
                    if (r.nexthops().get(i).dev() == dev) {
                        touched = true;
                        if (force) deadCount = fa.nhCount();
                        fa.dead[i] = true;
                    }
                    if (fa.dead[i]) deadCount++;
                }
                if (!touched) continue;
                if (deadCount >= fa.nhCount()) t.removed(fa);
                else fa.rebalance();
            }
        }
    }

    /** fib_sync_up(dev, RTNH_F_DEAD): next hops of surviving multipath routes come back with dev. */
    static void syncUp(NetNamespace ns, NetDevice dev) {
        // order does not matter here (no route comes or goes), so no sorted dump per device up
        for (FibTable t : Ipv4Net.of(ns).tablesInDumpOrder()) {
            t.forEachAlias(fa -> {
                if (!fa.route.multipath()) return;
                boolean changed = false;
                for (int i = 0; i < fa.nhCount(); i++) {
                    if (fa.dead[i] && fa.route.nexthops().get(i).dev() == dev && dev.isUp()) {
                        fa.dead[i] = false;
                        changed = true;
                    }
                }
                if (changed) fa.rebalance();
            });
        }
    }

    /** fib_sync_down_addr() + fib_flush(): main-table routes using a vanished address as prefsrc die. */
    static void syncDownAddr(NetNamespace ns, int local) {
        FibTable t = Ipv4Net.of(ns).table(Route.TABLE_MAIN, false);
        if (t == null) return;
        for (FibAlias fa : t.dump()) if (fa.route.prefsrc() == local) t.removed(fa);
    }

    static boolean isLoopback(NetDevice dev) { return (dev.flags & If.IFF_LOOPBACK) != 0; }
}
