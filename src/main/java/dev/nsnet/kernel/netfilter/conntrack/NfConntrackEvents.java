package dev.nsnet.kernel.netfilter.conntrack;

import java.util.ArrayList;
import java.util.List;

/**
 * Conntrack events (net/netfilter/nf_conntrack_ecache.c, delivered by ctnetlink to
 * NFNLGRP_CONNTRACK_NEW/UPDATE/DESTROY listeners such as {@code conntrack -E}) and the kernel log
 * line of a full table ({@code net_warn_ratelimited("nf_conntrack: table full, dropping packet")}).
 * Events are delivered at once, not cached until the packet leaves the hook as the kernel does.
 */
public final class NfConntrackEvents {
    private NfConntrackEvents() { }

    public static final int NEW = 0, UPDATE = 1, DESTROY = 2;

    /** A ctnetlink event subscriber. */
    public interface Listener {
        void event(int type, NfConn ct);
    }

    public static void listen(NfConntrackNet net, Listener l) { net.listeners.add(l); }

    public static void unlisten(NfConntrackNet net, Listener l) { net.listeners.remove(l); }

    static void event(NfConntrackNet net, int type, NfConn ct) {
        List<Listener> ls = net.listeners;
        if (ls.isEmpty()) return;
        for (Listener l : List.copyOf(ls)) l.event(type, ct);
    }

    static void tableFull(NfConntrackNet net) {
        if (net.kernelLog.size() < 1000) net.kernelLog.add("nf_conntrack: table full, dropping packet");
    }

    /** Kernel log lines written by conntrack in this namespace (oldest first). */
    public static List<String> kernelLog(NfConntrackNet net) { return new ArrayList<>(net.kernelLog); }
}
