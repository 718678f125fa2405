package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.NetNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace's conntrack state ({@code struct netns_ct} + the share of the global hash table its
 * entries use, net/netfilter/nf_conntrack_core.c): the hash of tuples (chained
 * {@link NfConntrackTupleHash}es, grown by doubling when it fills), the entry count, the per-netns
 * sysctl values of nf_conntrack_standalone.c and the number of users that need tracking
 * ({@code nf_ct_netns_get()}/{@code nf_ct_netns_put()}: rules with -m conntrack/state/connmark,
 * CONNMARK, CT, NAT targets). The hooks run only while that number is positive; entries created
 * before stay listed until they expire, as on Linux.
 */
public final class NfConntrackNet {
    public final NetNamespace ns;
    private NfConntrackTupleHash[] buckets = EMPTY;
    private static final NfConntrackTupleHash[] EMPTY = new NfConntrackTupleHash[1];
    /** net->ct.count: confirmed entries in the table (the kernel also counts unconfirmed ones in flight). */
    int count;
    private int nextId = 1;
    private long seq;
    int users;
    /** Scratch tuples for the data path (one packet at a time per emulation), made on first use. */
    NfConntrackTuple scratch, scratch2;

    /** nf_conntrack_max: global in the kernel, read-only outside the initial namespace. */
    public static final int DEFAULT_MAX = 262144;
    public int max = DEFAULT_MAX;
    /** Sysctls (seconds unless noted), defaults of nf_conntrack_proto_*.c. */
    public final int[] tcpTimeouts = NfConntrackProtoTcp.defaultTimeouts();
    public int tcpLoose = 1, tcpBeLiberal = 0, tcpMaxRetrans = 3, tcpIgnoreInvalidRst = 0;
    public int udpTimeout = 30, udpTimeoutStream = 120;
    public int icmpTimeout = 30, genericTimeout = 600;
    public int acct = 0, checksum = 1, events = 2, logInvalid = 0, timestamp = 0;
    /** Sysctls the model does not act on: frag6 thresholds/timeout, gre, icmpv6, sctp, nf_hooks_lwtunnel. */
    final int[] other = {4194304, 3145728, 60, 30, 180, 30, 10, 3, 3, 210, 30, 3, 3, 3, 0};
    /** Event listeners (ctnetlink NFNLGRP_CONNTRACK_*): conntrack -E. */
    final List<NfConntrackEvents.Listener> listeners = new ArrayList<>(0);
    /** struct ip_conntrack_stat (per namespace; the kernel keeps one per CPU): conntrack -S. */
    public long statInvalid, statInsertFailed, statDrop, statEarlyDrop, statError, statClashResolve;
    /** The gc tick that reaps expired entries while an event listener exists. */
    dev.nsnet.kernel.sched.Timer gc;
    /** net_ratelimit() state of the "table full" warning. */
    long ratelimitStart;
    int ratelimitCount;

    NfConntrackNet(NetNamespace ns) { this.ns = ns; }

    /** The namespace's conntrack state (created with the namespace). */
    public static NfConntrackNet of(NetNamespace ns) { return ns.subsys(NfConntrackNet.class); }

    public long now() { return ns.emulation().now(); }

    /** Whether the hooks are registered in this namespace (some rule needs tracking). */
    public boolean active() { return users > 0; }

    NfConn alloc(NfConntrackTuple orig, NfConntrackTuple repl) {
        NfConn ct = new NfConn(this, nextId++, orig, repl);
        ct.seq = seq++;
        return ct;
    }

    /** ____nf_conntrack_find(): the tuple's entry direction, reaping expired entries met on the way. */
    NfConntrackTupleHash find(NfConntrackTuple t) {
        int idx = t.hash() & (buckets.length - 1);
        long now = now();
        for (NfConntrackTupleHash h = buckets[idx]; h != null; h = h.next) {
            NfConntrackTuple x = h.tuple;
            if (x.src == t.src && x.dst == t.dst && x.sport == t.sport && x.dport == t.dport
                    && x.protonum == t.protonum) {
                if (h.ct.isExpired(now)) {
                    NfConntrackCore.gcExpired(h.ct);
                    return null;
                }
                return h;
            }
        }
        return null;
    }

    void insert(NfConn ct) {
        if (buckets == EMPTY) buckets = new NfConntrackTupleHash[16];
        else if (count > buckets.length) grow();
        link(ct.tuplehash[NfConn.DIR_ORIGINAL]);
        link(ct.tuplehash[NfConn.DIR_REPLY]);
        ct.inHash = true;
    }

    private void link(NfConntrackTupleHash h) {
        int idx = h.tuple.hash() & (buckets.length - 1);
        h.next = buckets[idx];
        buckets[idx] = h;
    }

    void unlinkEntry(NfConn ct) {
        if (!ct.inHash) return;
        unlink(ct.tuplehash[NfConn.DIR_ORIGINAL]);
        unlink(ct.tuplehash[NfConn.DIR_REPLY]);
        ct.inHash = false;
    }

    private void unlink(NfConntrackTupleHash h) {
        int idx = h.tuple.hash() & (buckets.length - 1);
        NfConntrackTupleHash prev = null;
        for (NfConntrackTupleHash x = buckets[idx]; x != null; prev = x, x = x.next) {
            if (x == h) {
                if (prev == null) buckets[idx] = x.next;
                else prev.next = x.next;
                x.next = null;
                return;
            }
        }
    }

    private void grow() {
        NfConntrackTupleHash[] old = buckets;
        buckets = new NfConntrackTupleHash[old.length * 2];
        for (NfConntrackTupleHash head : old) {
            for (NfConntrackTupleHash h = head; h != null; ) {
                NfConntrackTupleHash n = h.next;
                link(h);
                h = n;
            }
        }
    }

    /** The confirmed, unexpired entries in creation order (reaps the expired ones). */
    public List<NfConn> entries() {
        long now = now();
        List<NfConn> all = new ArrayList<>();
        List<NfConn> dead = null;
        for (NfConntrackTupleHash head : buckets) {
            for (NfConntrackTupleHash h = head; h != null; h = h.next) {
                if (h.dir != NfConn.DIR_ORIGINAL) continue;
                if (h.ct.isExpired(now)) {
                    if (dead == null) dead = new ArrayList<>();
                    dead.add(h.ct);
                } else {
                    all.add(h.ct);
                }
            }
        }
        if (dead != null) for (NfConn ct : dead) NfConntrackCore.gcExpired(ct);
        all.sort((a, b) -> Long.compare(a.seq, b.seq));
        return all;
    }

    /** net.netfilter.nf_conntrack_count (expired entries reaped first, as the gc worker would have). */
    public int count() {
        entries();
        return count;
    }

    /** Empties the table without events (namespace exit). */
    void clear() {
        buckets = EMPTY;
        count = 0;
    }
}
