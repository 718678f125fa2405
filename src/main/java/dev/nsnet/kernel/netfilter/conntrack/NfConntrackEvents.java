package dev.nsnet.kernel.netfilter.conntrack;

import java.util.List;

/**
 * Conntrack events (net/netfilter/nf_conntrack_ecache.c, delivered by ctnetlink to
 * NFNLGRP_CONNTRACK_NEW/UPDATE/DESTROY listeners such as {@code conntrack -E}) and the kernel log
 * line of a full table ({@code net_warn_ratelimited("nf_conntrack: table full, dropping packet")}).
 * As in the kernel, what a packet changes is cached on the entry ({@code nf_conntrack_event_cache})
 * and delivered as one NEW or UPDATE message when the packet passes the confirm hook
 * ({@code nf_ct_deliver_cached_events}); a deletion is reported at once.
 */
public final class NfConntrackEvents {
    private NfConntrackEvents() { }

    /** Message types (IPCTNL_MSG_CT_NEW for NEW and UPDATE, _DELETE for DESTROY). */
    public static final int NEW = 0, UPDATE = 1, DESTROY = 2;

    /** enum ip_conntrack_events bits cached on an entry. */
    static final int IPCT_NEW = 1, IPCT_REPLY = 1 << 3, IPCT_ASSURED = 1 << 4, IPCT_PROTOINFO = 1 << 5,
            IPCT_MARK = 1 << 8;

    /** A ctnetlink event subscriber; {@code timeout} in seconds as the message carries it, -1 when absent. */
    public interface Listener {
        void event(int type, NfConn ct, long timeout);
    }

    /**
     * Subscribes {@code l}. While anyone listens, a gc tick reaps expired entries once a second of
     * virtual time (gc_worker()), so their DESTROY events come without a lookup meeting them; the
     * kernel's worker finds them some time after expiry too (about 1.5 s on the recording host).
     */
    public static void listen(NfConntrackNet net, Listener l) {
        net.listeners.add(l);
        if (net.gc == null) net.gc = new dev.nsnet.kernel.sched.Timer(net.ns.emulation().scheduler, () -> gcWorker(net));
        if (!net.gc.pending()) net.gc.after(GC_INTERVAL_NS);
    }

    public static void unlisten(NfConntrackNet net, Listener l) {
        net.listeners.remove(l);
        if (net.listeners.isEmpty() && net.gc != null) net.gc.del();
    }

    private static final long GC_INTERVAL_NS = 1_000_000_000L;

    private static void gcWorker(NfConntrackNet net) {
        net.entries();
        if (!net.listeners.isEmpty()) net.gc.after(GC_INTERVAL_NS);
    }

    /** nf_conntrack_event_cache(). */
    static void cache(NfConn ct, int bits) {
        if (!ct.net.listeners.isEmpty()) ct.ecache |= bits;
    }

    /** nf_conntrack_event_cache() for the extensions (IPCT_MARK from CONNMARK). */
    public static void markChanged(NfConn ct) { cache(ct, IPCT_MARK); }

    /** nf_ct_deliver_cached_events(). */
    static void deliver(NfConn ct) {
        int bits = ct.ecache;
        if (bits == 0) return;
        ct.ecache = 0;
        NfConntrackNet net = ct.net;
        if (net.listeners.isEmpty() || !ct.isConfirmed()) return;
        long left = ct.timeout - net.now();
        send(net, (bits & IPCT_NEW) != 0 ? NEW : UPDATE, ct, Math.max(0, left / 1_000_000_000L));
    }

    /** The DESTROY message of a deleted entry: its timeout left, absent when expired. */
    static void destroyed(NfConn ct) {
        NfConntrackNet net = ct.net;
        if (net.listeners.isEmpty()) return;
        long left = ct.timeout - net.now();
        send(net, DESTROY, ct, left >= 1_000_000_000L ? left / 1_000_000_000L : -1);
    }

    private static void send(NfConntrackNet net, int type, NfConn ct, long timeout) {
        for (Listener l : List.copyOf(net.listeners)) l.event(type, ct, timeout);
    }

    /**
     * net_warn_ratelimited() into the host's kernel log (dmesg), whatever the namespace: at most 10
     * lines per 5 s (net_ratelimit()'s default burst and interval), on the virtual clock.
     */
    static void tableFull(NfConntrackNet net) {
        long now = net.now();
        if (now - net.ratelimitStart >= 5_000_000_000L || net.ratelimitCount == 0) {
            net.ratelimitStart = now;
            net.ratelimitCount = 0;
        }
        if (net.ratelimitCount++ >= 10) return;
        net.ns.host.printk.log(4, "nf_conntrack: table full, dropping packet");
    }
}
