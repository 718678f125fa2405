package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetNamespace;

/**
 * Next-hop exceptions ({@code struct fib_nh_exception}, net/ipv4/route.c): per destination, a
 * learnt path MTU ({@code __ip_rt_update_pmtu}, expiring after net.ipv4.route.mtu_expires, 600 s)
 * and a gateway learnt from an ICMP redirect ({@code __ip_do_redirect}, expiring after
 * ip_rt_gc_timeout, 300 s). The output path consults them; {@code ip route get} can show them.
 */
public final class IpOutputExceptions {
    static final long MTU_EXPIRES_NS = 600_000_000_000L;
    static final long REDIRECT_EXPIRES_NS = 300_000_000_000L;
    /** ip_rt_min_pmtu. */
    static final int MIN_PMTU = 552;

    /** One exception: {@code mtu} 0 / {@code gateway} 0 when that part is not set. */
    public static final class Entry {
        public int mtu;
        public long mtuExpires;
        public int gateway;
        public long gatewayExpires;
    }

    private final NetNamespace ns;
    private final IntMap<Entry> exceptions = new IntMap<>();

    private IpOutputExceptions(NetNamespace ns) { this.ns = ns; }

    public static IpOutputExceptions of(NetNamespace ns) {
        IpOutputExceptions p = ns.subsys(IpOutputExceptions.class);
        if (p == null) {
            p = new IpOutputExceptions(ns);
            ns.setSubsys(IpOutputExceptions.class, p);
        }
        return p;
    }

    /** The live exception for {@code dst} (expired parts cleared), or null. */
    public Entry get(int dst) {
        if (exceptions.size() == 0) return null;
        Entry e = exceptions.get(dst);
        if (e == null) return null;
        long now = ns.emulation().now();
        if (e.mtu != 0 && now >= e.mtuExpires) e.mtu = 0;
        if (e.gateway != 0 && now >= e.gatewayExpires) e.gateway = 0;
        if (e.mtu == 0 && e.gateway == 0) {
            exceptions.remove(dst);
            return null;
        }
        return e;
    }

    /** The learnt MTU for {@code dst}, 0 when none. */
    int mtu(int dst) {
        Entry e = get(dst);
        return e == null ? 0 : e.mtu;
    }

    /** The redirected gateway for {@code dst}, 0 when none. */
    public int gateway(int dst) {
        Entry e = get(dst);
        return e == null ? 0 : e.gateway;
    }

    private Entry entry(int dst) {
        Entry e = get(dst);
        if (e == null) {
            e = new Entry();
            exceptions.put(dst, e);
        }
        return e;
    }

    /** __ip_rt_update_pmtu(): only ever lowers the MTU below the device's. */
    public void updatePmtu(int dst, int devMtu, int mtu) {
        if (mtu < MIN_PMTU) mtu = Math.min(devMtu, MIN_PMTU);
        int cur = mtu(dst);
        int old = cur > 0 ? cur : devMtu;
        if (old < mtu) return;
        Entry e = entry(dst);
        e.mtu = mtu;
        e.mtuExpires = ns.emulation().now() + MTU_EXPIRES_NS;
    }

    /** update_or_create_fnhe() for an accepted redirect. */
    void redirect(int dst, int gw) {
        Entry e = entry(dst);
        e.gateway = gw;
        e.gatewayExpires = ns.emulation().now() + REDIRECT_EXPIRES_NS;
    }
}
