package dev.nsnet.kernel.netfilter.conntrack;

/**
 * One direction of a connection ({@code struct nf_conntrack_tuple}, include/net/netfilter/
 * nf_conntrack_tuple.h): addresses in network byte order as ints, the protocol, and the
 * protocol's two 16-bit words. For TCP/UDP these are the ports; for ICMP {@code sport} is the echo
 * id ({@code src.u.icmp.id}) and {@code dport} is {@code type << 8 | code} ({@code dst.u.icmp}).
 * Mutable so the data path can fill a scratch tuple without allocating.
 */
public final class NfConntrackTuple {
    public int src, dst;
    public int sport, dport;
    public int protonum;

    public NfConntrackTuple() { }

    public NfConntrackTuple(int src, int dst, int protonum, int sport, int dport) {
        set(src, dst, protonum, sport, dport);
    }

    public NfConntrackTuple set(int src, int dst, int protonum, int sport, int dport) {
        this.src = src;
        this.dst = dst;
        this.protonum = protonum;
        this.sport = sport;
        this.dport = dport;
        return this;
    }

    public NfConntrackTuple copyFrom(NfConntrackTuple o) { return set(o.src, o.dst, o.protonum, o.sport, o.dport); }

    public NfConntrackTuple copy() { return new NfConntrackTuple(src, dst, protonum, sport, dport); }

    /** ICMP type of an ICMP tuple. */
    public int icmpType() { return dport >>> 8; }

    public int icmpCode() { return dport & 0xff; }

    /** nf_ct_tuple_equal(). */
    public boolean equal(NfConntrackTuple o) {
        return src == o.src && dst == o.dst && sport == o.sport && dport == o.dport && protonum == o.protonum;
    }

    /** nf_ct_tuple_src_equal() / dst_equal(). */
    public boolean srcEqual(NfConntrackTuple o) { return src == o.src && sport == o.sport && protonum == o.protonum; }

    /**
     * nf_ct_invert_tuple() into {@code out}: addresses and ports swap; an ICMP query type becomes
     * its reply type (icmp_invert_tuple()). Returns false for an ICMP type without an inverse.
     */
    public boolean invert(NfConntrackTuple out) {
        int s = src, d = dst, sp = sport, dp = dport, p = protonum;
        if (p == NfConntrackProtoIcmp.IPPROTO_ICMP) {
            int inv = NfConntrackProtoIcmp.invmap(dp >>> 8);
            if (inv < 0) return false;
            out.set(d, s, p, sp, inv << 8 | (dp & 0xff));
            return true;
        }
        if (p == 6 || p == 17 || p == 132 || p == 136) {
            out.set(d, s, p, dp, sp);
        } else {
            out.set(d, s, p, 0, 0);
        }
        return true;
    }

    /** hash_conntrack_raw(): any good mix; the listing order of the real kernel is not reproduced. */
    int hash() {
        int h = src * 0x9E3779B1;
        h ^= Integer.rotateLeft(dst * 0x85EBCA77, 13);
        h ^= (sport << 16 | dport) * 0xC2B2AE3D;
        h ^= protonum * 0x27D4EB2F;
        return h ^ (h >>> 16);
    }

    /** For traces: conntrack's own words, "src=A dst=B sport=P dport=Q" or "... type=T code=C id=I". */
    @Override
    public String toString() {
        String a = "src=" + dev.nsnet.kernel.wire.Inet4.format(src) + " dst=" + dev.nsnet.kernel.wire.Inet4.format(dst);
        return switch (protonum) {
            case 1 -> a + " type=" + icmpType() + " code=" + icmpCode() + " id=" + sport;
            case 6, 17, 132, 136 -> a + " sport=" + sport + " dport=" + dport;
            default -> a;
        };
    }
}
