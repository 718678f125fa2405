package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * ICMP tracking (net/netfilter/nf_conntrack_proto_icmp.c): queries (echo, timestamp, info, address
 * mask) open an entry whose reply tuple carries the answer type and the same id; an ICMP error is
 * RELATED to the entry of the packet it quotes ({@code nf_conntrack_icmpv4_error()} /
 * {@code nf_conntrack_inet_error()}), or INVALID when no entry matches.
 */
final class NfConntrackProtoIcmp {
    private NfConntrackProtoIcmp() { }

    static final int IPPROTO_ICMP = 1;
    static final int NOT_ERROR = 2;
    private static final int NR_ICMP_TYPES = 18;

    /** icmp_invert_tuple()'s invmap: the answer type of a query (either way), -1 when none. */
    static int invmap(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** nf_conntrack_icmp_packet(): only a query type may open an entry; each packet refreshes it. */
    static int packet(NfConn ct) {
        int type = ct.tuple(NfConn.DIR_ORIGINAL).icmpType();
        if (type != 8 && type != 13 && type != 15 && type != 17) return NfConntrackCore.INVALID;
        NfConntrackCore.refresh(ct, ct.net.icmpTimeout);
        return NfConntrackCore.ACCEPT;
    }

    static boolean isErr(int type) { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }

    /**
     * nf_conntrack_icmpv4_error(): {@link #NOT_ERROR} for a query or answer (normal tracking
     * follows); otherwise the packet leaves with the quoted flow's entry as RELATED, or without one
     * (INVALID).
     */
    static int error(NfConntrackNet net, SkBuff skb, int th, int end, NetDevice dev) {
        byte[] b = skb.buf;
        Tracepoints tp = net.ns.emulation().trace;
        if (th + 8 > end) {
            if (tp.on) tp.step(skb, dev, "nf_conntrack_icmpv4_error", "INVALID: short packet");
            return NfConntrackCore.INVALID;
        }
        int type = b[th] & 0xff;
        if (type > NR_ICMP_TYPES) {
            if (tp.on) tp.step(skb, dev, "nf_conntrack_icmpv4_error", "INVALID: invalid icmp type");
            return NfConntrackCore.INVALID;
        }
        if (!isErr(type)) return NOT_ERROR;
        int inh = th + 8;
        NfConntrackTuple orig = net.scratch, inner = net.scratch2;
        boolean ok = inh + Ipv4.HLEN <= end;
        if (ok) {
            int ith = inh + Ipv4.ihl(b, inh);
            int iproto = Ipv4.protocol(b, inh);
            ok = NfConntrackCore.pktToTuple(b, ith, end, Ipv4.src(b, inh), Ipv4.dst(b, inh), iproto, orig)
                    && orig.invert(inner);
        }
        NfConntrackTupleHash h = ok ? net.find(inner) : null;
        if (h == null) {
            if (tp.on) tp.step(skb, dev, "nf_conntrack_inet_error", "INVALID: no entry for the quoted packet");
            return NfConntrackCore.INVALID;
        }
        skb.nfct = h.ct;
        skb.ctinfo = h.dir == NfConn.DIR_REPLY ? NfConn.IP_CT_RELATED_REPLY : NfConn.IP_CT_RELATED;
        if (tp.on) tp.step(skb, dev, "nf_conntrack_inet_error", NfConntrackCore.ctinfoName(skb.ctinfo) + ": " + h.ct);
        return NfConntrackCore.ACCEPT;
    }
}
