package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.NetNamespace;

/**
 * The per-destination rate limit state ({@code struct inet_peer}'s rate_tokens/rate_last,
 * net/ipv4/inetpeer.c) and the host-wide ICMP credit ({@code icmp_global_allow}). One peer per
 * remote address is shared by ip_error()'s limiter and icmpv4_xrlim_allow(), as in the kernel,
 * so the two limits interact exactly as on a real router. Jiffies are milliseconds here (HZ=1000).
 */
final class IcmpPeers {
    /** XRLIM_BURST_FACTOR. */
    static final int BURST_FACTOR = 6;
    /** ip_rt_error_cost (HZ) and ip_rt_error_burst (5 * HZ). */
    static final long ERROR_COST = 1000, ERROR_BURST = 5000;
    /** inet_peer_maxttl: an unused peer is forgotten after 10 minutes. */
    static final long PEER_TTL_MS = 600_000;

    static final class Peer {
        long rateTokens;
        long rateLast;
        long lastUsed;
        int nRedirects;
    }

    /** ip_rt_redirect_number, ip_rt_redirect_load (HZ/50), ip_rt_redirect_silence ((HZ/50) << 10). */
    static final int REDIRECT_NUMBER = 9;
    static final long REDIRECT_LOAD = 20, REDIRECT_SILENCE = 20 << 10;

    private final NetNamespace ns;
    private final IntMap<Peer> peers = new IntMap<>();
    long globalCredit;
    long globalStamp;

    private IcmpPeers(NetNamespace ns) {
        this.ns = ns;
        this.globalStamp = Long.MIN_VALUE / 2;
    }

    static IcmpPeers of(NetNamespace ns) {
        IcmpPeers p = ns.subsys(IcmpPeers.class);
        if (p == null) {
            p = new IcmpPeers(ns);
            ns.setSubsys(IcmpPeers.class, p);
        }
        return p;
    }

    private long jiffies() { return ns.emulation().now() / 1_000_000L; }

    /** inet_getpeer_v4(): a new peer starts with rate_last 60 s in the past (a full bucket). */
    Peer get(int addr) {
        long now = jiffies();
        Peer p = peers.get(addr);
        if (p == null || now - p.lastUsed > PEER_TTL_MS) {
            p = new Peer();
            p.rateLast = now - 60_000;
            peers.put(addr, p);
        }
        p.lastUsed = now;
        return p;
    }

    /** inet_peer_xrlim_allow(). */
    boolean xrlimAllow(int addr, long timeout) {
        Peer p = get(addr);
        long now = jiffies();
        long token = p.rateTokens + (now - p.rateLast);
        p.rateLast = now;
        if (token > BURST_FACTOR * timeout) token = BURST_FACTOR * timeout;
        boolean rc = false;
        if (token >= timeout) {
            token -= timeout;
            rc = true;
        }
        p.rateTokens = token;
        return rc;
    }

    /** The limiter of ip_error() (net/ipv4/route.c) on the same peer. */
    boolean ipErrorAllow(int addr) {
        Peer p = get(addr);
        long now = jiffies();
        p.rateTokens += now - p.rateLast;
        if (p.rateTokens > ERROR_BURST) p.rateTokens = ERROR_BURST;
        p.rateLast = now;
        if (p.rateTokens >= ERROR_COST) {
            p.rateTokens -= ERROR_COST;
            return true;
        }
        return false;
    }

    /**
     * ip_rt_send_redirect()'s limiter: redirects back off exponentially (20 ms << n) and stop after
     * 9 until the source has been quiet for 20.48 s.
     */
    boolean redirectAllow(int addr) {
        Peer p = get(addr);
        long now = jiffies();
        if (now > p.rateLast + REDIRECT_SILENCE) {
            p.rateTokens = 0;
            p.nRedirects = 0;
        }
        if (p.nRedirects >= REDIRECT_NUMBER) {
            p.rateLast = now;
            return false;
        }
        if (p.nRedirects == 0 || now > p.rateLast + (REDIRECT_LOAD << p.nRedirects)) {
            p.rateLast = now;
            p.nRedirects++;
            return true;
        }
        return false;
    }

    /** icmp_global_allow(): the host-wide credit (icmp_msgs_per_sec, icmp_msgs_burst). */
    boolean globalAllow(Ipv4Net net) {
        if (globalCredit > 0) return true;
        long now = jiffies();
        long delta = Math.min(now - globalStamp, 1000);
        if (delta < 1000 / 50) return false;
        long incr = net.icmpMsgsPerSec * delta / 1000;
        if (incr == 0) return false;
        globalStamp = now;
        globalCredit = Math.min(globalCredit + incr, net.icmpMsgsBurst);
        return true;
    }

    /** icmp_global_consume(): a random 0..2 credits, so the limit cannot be probed exactly. */
    void globalConsume() {
        globalCredit -= ns.emulation().random().nextInt(3);
    }
}
