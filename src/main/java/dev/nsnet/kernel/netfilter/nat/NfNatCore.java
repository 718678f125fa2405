package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackTuple;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * net/netfilter/nf_nat_core.c: binding a new connection to its translation
 * ({@code nf_nat_setup_info()}: {@code get_unique_tuple()} picks the new tuple, the reply tuple is
 * altered so replies find the entry) and rewriting every packet of a bound connection
 * ({@code nf_nat_packet()} / {@code nf_nat_manip_pkt()}). The table walk only happens for a
 * connection's first packet in each direction of manip ({@link NfNatHook}); later packets and
 * replies are rewritten from the entry alone.
 */
public final class NfNatCore {
    private NfNatCore() { }

    /** enum nf_nat_manip_type. */
    public static final int MANIP_SRC = 0, MANIP_DST = 1;
    /** NF_NAT_MAX_ATTEMPTS of nf_nat_l4proto_unique_tuple(). */
    static final int MAX_ATTEMPTS = 128;

    /** HOOK2MANIP(): POSTROUTING and INPUT change the source, PREROUTING and OUTPUT the destination. */
    public static int hook2manip(int hook) {
        return hook == NfHook.POST_ROUTING || hook == NfHook.LOCAL_IN ? MANIP_SRC : MANIP_DST;
    }

    /** nf_nat_initialized(). */
    public static boolean initialized(NfConn ct, int manip) {
        return (ct.status & (manip == MANIP_SRC ? NfConn.IPS_SRC_NAT_DONE : NfConn.IPS_DST_NAT_DONE)) != 0;
    }

    /** nf_ct_nat_ext_add(). */
    public static NfConnNat natExt(NfConn ct) {
        NfConnNat n = (NfConnNat) ct.nat;
        if (n == null) {
            n = new NfConnNat();
            ct.nat = n;
        }
        return n;
    }

    /**
     * nf_nat_setup_info(): chooses the connection's translated tuple within {@code range} and
     * makes the reply tuple its inverse. Only an unconfirmed entry (first packet) can be bound.
     */
    public static int setupInfo(NfConn ct, NfNatRange range, int manip) {
        if (ct.isConfirmed()) return NfHook.NF_ACCEPT;
        NfConntrackTuple curr = new NfConntrackTuple(), next = new NfConntrackTuple();
        // What the original direction looks like after the manips already done (the inverse of the reply).
        ct.tuple(NfConn.DIR_REPLY).invert(curr);
        getUniqueTuple(next, curr, range, ct, manip);
        if (!next.equal(curr)) {
            NfConntrackTuple reply = new NfConntrackTuple();
            next.invert(reply);
            NfConntrackCore.alterReply(ct, reply);
            ct.status |= manip == MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT;
        }
        if (manip == MANIP_SRC) NfNatNet.of(ct.net.ns).bysourceAdd(ct);
        ct.status |= manip == MANIP_DST ? NfConn.IPS_DST_NAT_DONE : NfConn.IPS_SRC_NAT_DONE;
        return NfHook.NF_ACCEPT;
    }

    /**
     * nf_nat_alloc_null_binding(): a connection no rule translated is still bound to its own
     * address (the port may move if it clashes with a translated connection).
     */
    public static int allocNullBinding(NfConn ct, int hook) {
        int manip = hook2manip(hook);
        NfConntrackTuple r = ct.tuple(NfConn.DIR_REPLY);
        int ip = manip == MANIP_SRC ? r.dst : r.src;
        return setupInfo(ct, new NfNatRange(NfNatRange.MAP_IPS, ip, ip, 0, 0), manip);
    }

    /** get_unique_tuple(). */
    static void getUniqueTuple(NfConntrackTuple tuple, NfConntrackTuple orig, NfNatRange range, NfConn ct, int manip) {
        if (manip == MANIP_SRC && !range.has(NfNatRange.PROTO_RANDOM_ALL)) {
            // 1) The original source already fits, or another connection of this source endpoint
            // was mapped into the range before: keep that mapping.
            if (inRange(orig, range)) {
                if (!usedTuple(orig, ct)) {
                    tuple.copyFrom(orig);
                    return;
                }
            } else if (NfNatNet.of(ct.net.ns).findAppropriateSrc(orig, tuple, range)) {
                if (!usedTuple(tuple, ct)) return;
            }
        }
        // 2) The address: the only one, or one hashed from the endpoints.
        tuple.copyFrom(orig);
        findBestIpsProto(tuple, range, manip);
        // 3) The port, only if it is not already in range and unique.
        if (!range.has(NfNatRange.PROTO_RANDOM_ALL)) {
            if (range.has(NfNatRange.PROTO_SPECIFIED)) {
                if (!range.has(NfNatRange.PROTO_OFFSET) && l4protoInRange(tuple, manip, range.minProto(), range.maxProto())
                        && (range.minProto() == range.maxProto() || !usedTuple(tuple, ct))) return;
            } else if (!usedTuple(tuple, ct)) {
                return;
            }
        }
        l4protoUniqueTuple(tuple, range, manip, ct);
    }

    /** in_range(). */
    static boolean inRange(NfConntrackTuple t, NfNatRange range) {
        if (range.has(NfNatRange.MAP_IPS) && !range.addrInRange(t.src)) return false;
        if (!range.has(NfNatRange.PROTO_SPECIFIED)) return true;
        return l4protoInRange(t, MANIP_SRC, range.minProto(), range.maxProto());
    }

    /** l4proto_in_range(): the ICMP id, or the port this manip changes; other protocols have none. */
    static boolean l4protoInRange(NfConntrackTuple t, int manip, int min, int max) {
        int port;
        switch (t.protonum) {
            case Ipv4.PROTO_ICMP -> port = t.sport;
            case Ipv4.PROTO_TCP, Ipv4.PROTO_UDP, 132, 136 -> port = manip == MANIP_SRC ? t.sport : t.dport;
            default -> {
                return true;
            }
        }
        return port >= min && port <= max;
    }

    /** find_best_ips_proto(). */
    static void findBestIpsProto(NfConntrackTuple t, NfNatRange range, int manip) {
        if (!range.has(NfNatRange.MAP_IPS)) return;
        int ip;
        if (range.minAddr() == range.maxAddr()) {
            ip = range.minAddr();
        } else {
            boolean persistent = range.has(NfNatRange.PERSISTENT);
            int j = NfNatHash.jhashAddr(t.src, persistent ? 0 : NfNatHash.le(t.dst));
            long dist = (range.maxAddr() & 0xffffffffL) - (range.minAddr() & 0xffffffffL) + 1;
            ip = range.minAddr() + NfNatHash.reciprocalScale(j, (int) dist);
        }
        if (manip == MANIP_SRC) t.src = ip;
        else t.dst = ip;
    }

    /** nf_nat_used_tuple(): whether the reply of {@code t} already belongs to another connection. */
    static boolean usedTuple(NfConntrackTuple t, NfConn ignored) {
        NfConntrackTuple reply = new NfConntrackTuple();
        t.invert(reply);
        return NfConntrackCore.tupleTaken(ignored.net, reply, ignored);
    }

    /**
     * nf_nat_l4proto_unique_tuple(): walks the port range from an offset (random for source
     * manips and --random, 0 for a destination range) until the tuple is free; without a range, a
     * source port keeps its class (1-511, 600-1023, 1024-65535) and a destination port never moves.
     */
    static void l4protoUniqueTuple(NfConntrackTuple t, NfNatRange range, int manip, NfConn ct) {
        int min, rangeSize;
        boolean icmp = t.protonum == Ipv4.PROTO_ICMP;
        boolean srcKey = icmp || manip == MANIP_SRC;
        int key = srcKey ? t.sport : t.dport;
        if (icmp) {
            if (!range.has(NfNatRange.PROTO_SPECIFIED)) {
                min = 0;
                rangeSize = 65536;
            } else {
                min = range.minProto();
                rangeSize = range.maxProto() - range.minProto() + 1;
            }
        } else {
            if (t.protonum != Ipv4.PROTO_TCP && t.protonum != Ipv4.PROTO_UDP && t.protonum != 132 && t.protonum != 136) return;
            if (!range.has(NfNatRange.PROTO_SPECIFIED)) {
                if (manip == MANIP_DST) return;
                if (key < 1024) {
                    if (key < 512) {
                        min = 1;
                        rangeSize = 511;
                    } else {
                        min = 600;
                        rangeSize = 1023 - 600 + 1;
                    }
                } else {
                    min = 1024;
                    rangeSize = 65535 - 1024 + 1;
                }
            } else {
                int lo = range.minProto(), hi = range.maxProto();
                if (hi < lo) {
                    int x = lo;
                    lo = hi;
                    hi = x;
                }
                min = lo;
                rangeSize = hi - lo + 1;
            }
        }
        int off;
        if (range.has(NfNatRange.PROTO_RANDOM_ALL) || manip != MANIP_DST) off = random16(ct);
        else off = 0;
        int attempts = Math.min(rangeSize, MAX_ATTEMPTS);
        for (int round = 0; round < 32; round++) {
            for (int i = 0; i < attempts; i++, off = (off + 1) & 0xffff) {
                int port = min + (int) ((off & 0xffffL) % rangeSize);
                if (srcKey) t.sport = port;
                else t.dport = port;
                if (!usedTuple(t, ct)) return;
            }
            if (attempts >= rangeSize || attempts < 16) return;
            attempts /= 2;
            off = random16(ct);
        }
    }

    /** get_random_u16() from the emulation's seeded generator. */
    private static int random16(NfConn ct) { return ct.net.ns.emulation().random().nextInt(0x10000); }

    /**
     * nf_nat_packet(): rewrites the packet if its connection was translated in the sense this hook
     * undoes or applies (a source NAT is applied at POSTROUTING on the way out and reverted at
     * PREROUTING on the way back, as a destination rewrite of the reply).
     */
    public static int packet(NfConn ct, int ctinfo, int hook, SkBuff skb, NetDevice dev) {
        int manip = hook2manip(hook);
        int dir = NfConn.ctinfo2dir(ctinfo);
        int statusbit = manip == MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT;
        if (dir == NfConn.DIR_REPLY) statusbit ^= NfConn.IPS_NAT_MASK;
        if ((ct.status & statusbit) != 0) manipPkt(skb, ct, manip, dir, dev);
        return NfHook.NF_ACCEPT;
    }

    /** nf_nat_manip_pkt(): the packet takes the tuple the other direction's reply implies. */
    static void manipPkt(SkBuff skb, NfConn ct, int manip, int dir, NetDevice dev) {
        NfConntrackTuple other = ct.tuple(dir == NfConn.DIR_ORIGINAL ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL);
        // The target is the inverse of the other direction's tuple: its dst is our src and vice versa.
        int proto = other.protonum;
        int addr, port;
        if (manip == MANIP_SRC) {
            addr = other.dst;
            port = other.dport;
        } else {
            addr = other.src;
            port = other.sport;
        }
        if (proto == Ipv4.PROTO_ICMP) port = other.sport;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) trace(tp, skb, dev, b, nh, proto, manip, dir, addr, port);
        NfNatProto.ipv4ManipPkt(skb, nh, proto, addr, port, manip == MANIP_SRC);
    }

    private static void trace(Tracepoints tp, SkBuff skb, NetDevice dev, byte[] b, int nh, int proto, int manip,
                              int dir, int addr, int port) {
        int th = nh + Ipv4.ihl(b, nh);
        boolean ports = proto == Ipv4.PROTO_TCP || proto == Ipv4.PROTO_UDP;
        int oldAddr = manip == MANIP_SRC ? Ipv4.src(b, nh) : Ipv4.dst(b, nh);
        int oldPort = !ports ? 0 : Bytes.u16(b, manip == MANIP_SRC ? th : th + 2);
        String what = dir == NfConn.DIR_ORIGINAL ? (manip == MANIP_SRC ? "SNAT source " : "DNAT destination ")
                : (manip == MANIP_SRC ? "reply: un-DNAT source " : "reply: un-SNAT destination ");
        String id = proto == Ipv4.PROTO_ICMP && NfNatProto.isQuery(Bytes.u8(b, th)) && Bytes.u16(b, th + 4) != port
                ? " (icmp id " + Bytes.u16(b, th + 4) + " -> " + port + ")" : "";
        tp.step(skb, dev, "nf_nat_manip_pkt", what + Inet4.format(oldAddr) + (ports ? ":" + oldPort : "")
                + " -> " + Inet4.format(addr) + (ports ? ":" + port : "") + id);
    }
}
