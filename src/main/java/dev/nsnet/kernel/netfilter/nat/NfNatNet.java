package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * A namespace's share of nf_nat_core.c's {@code nf_nat_bysource} hash: source-NATed connections
 * by their original source endpoint (address, port, protocol), newest first, so that a new
 * connection of the same endpoint keeps its mapping ({@code find_appropriate_src()}). Dead
 * entries are dropped when met (the kernel unlinks them in nf_nat_cleanup_conntrack()).
 */
public final class NfNatNet {
    private final Map<Long, ArrayList<NfConn>> bysource = new HashMap<>();

    public static NfNatNet of(NetNamespace ns) {
        NfNatNet n = ns.subsys(NfNatNet.class);
        if (n == null) {
            n = new NfNatNet();
            ns.setSubsys(NfNatNet.class, n);
        }
        return n;
    }

    private static long key(NfConntrackTuple t) {
        return ((long) t.src << 32) ^ ((long) t.sport << 8) ^ t.protonum;
    }

    void bysourceAdd(NfConn ct) {
        NfConnNat nat = NfNatCore.natExt(ct);
        if (nat.bysource) return;
        nat.bysource = true;
        bysource.computeIfAbsent(key(ct.tuple(NfConn.DIR_ORIGINAL)), k -> new ArrayList<>(2)).add(ct);
    }

    /** find_appropriate_src(): the newest live connection of this source whose mapping is in range. */
    boolean findAppropriateSrc(NfConntrackTuple orig, NfConntrackTuple result, NfNatRange range) {
        ArrayList<NfConn> l = bysource.get(key(orig));
        if (l == null) return false;
        for (int i = l.size() - 1; i >= 0; i--) {
            NfConn ct = l.get(i);
            if (!NfNatMasquerade.alive(ct)) {
                l.remove(i);
                continue;
            }
            NfConntrackTuple o = ct.tuple(NfConn.DIR_ORIGINAL);
            if (o.protonum != orig.protonum || o.src != orig.src || o.sport != orig.sport) continue;
            ct.tuple(NfConn.DIR_REPLY).invert(result);
            result.dst = orig.dst;
            result.dport = orig.dport;
            if (NfNatCore.inRange(result, range)) return true;
        }
        if (l.isEmpty()) bysource.remove(key(orig));
        return false;
    }
}
