package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * Packet rewriting of net/netfilter/nf_nat_proto.c: {@code nf_nat_ipv4_manip_pkt()} rewrites the
 * source or destination address of the IPv4 header at {@code iphdroff} and, through
 * {@code l4proto_manip_pkt()}, the TCP/UDP port or ICMP query id behind it, updating every checksum
 * incrementally ({@code inet_proto_csum_replace4/2}: RFC 1624 arithmetic, the pseudo-header part for
 * the address). A header cut short (the embedded packet of an ICMP error carries only 8 bytes of
 * TCP) gets its port rewritten but not its checksum, as tcp_manip_pkt() does. Nothing allocates.
 */
public final class NfNatProto {
    private NfNatProto() { }

    /**
     * nf_nat_ipv4_manip_pkt(): the L4 part first (it needs the old address for the pseudo-header
     * delta), then the IP header.
     *
     * @param proto  the target tuple's protocol (the ICMP error's outer rewrite passes ICMP)
     * @param port   the new port (TCP/UDP) or echo id (ICMP) for this manip
     * @param src    NF_NAT_MANIP_SRC (true) or DST
     */
    public static void ipv4ManipPkt(SkBuff skb, int iphdroff, int proto, int addr, int port, boolean src) {
        byte[] b = skb.buf;
        int hdroff = iphdroff + Ipv4.ihl(b, iphdroff);
        int end = skb.tail();
        int oldAddr = src ? Ipv4.src(b, iphdroff) : Ipv4.dst(b, iphdroff);
        // Non-first fragments carry no L4 header (nf_nat_ipv4_manip_pkt checks the fragment offset).
        if (Ipv4.fragOffset(b, iphdroff) == 0) {
            switch (proto) {
                case Ipv4.PROTO_TCP -> tcpManip(b, hdroff, end, oldAddr, addr, port, src);
                case Ipv4.PROTO_UDP -> udpManip(b, hdroff, end, oldAddr, addr, port, src);
                case Ipv4.PROTO_ICMP -> icmpManip(b, hdroff, end, port);
                default -> { }
            }
        }
        int check = Ipv4.checksum(b, iphdroff);
        Bytes.put16(b, iphdroff + 10, csumReplace4(check, oldAddr, addr));
        if (src) Ipv4.setSrc(b, iphdroff, addr);
        else Ipv4.setDst(b, iphdroff, addr);
    }

    private static void tcpManip(byte[] b, int th, int end, int oldAddr, int addr, int port, boolean src) {
        if (th + 8 > end) return;
        int portOff = src ? th : th + 2;
        int oldPort = Bytes.u16(b, portOff);
        Bytes.put16(b, portOff, port);
        if (th + 20 > end) return;
        int check = Bytes.u16(b, th + 16);
        check = csumReplace4(check, oldAddr, addr);
        check = csumReplace2(check, oldPort, port);
        Bytes.put16(b, th + 16, check);
    }

    private static void udpManip(byte[] b, int th, int end, int oldAddr, int addr, int port, boolean src) {
        if (th + 8 > end) return;
        int portOff = src ? th : th + 2;
        int oldPort = Bytes.u16(b, portOff);
        Bytes.put16(b, portOff, port);
        int check = Bytes.u16(b, th + 6);
        // A zero UDP checksum means "none" and stays so; a result of 0 is sent as 0xffff (CSUM_MANGLED_0).
        if (check == 0) return;
        check = csumReplace4(check, oldAddr, addr);
        check = csumReplace2(check, oldPort, port);
        Bytes.put16(b, th + 6, check == 0 ? 0xffff : check);
    }

    /** icmp_manip_pkt(): only query messages carry an id; errors are left alone. */
    private static void icmpManip(byte[] b, int ih, int end, int id) {
        if (ih + 8 > end) return;
        if (!isQuery(Icmp.type(b, ih))) return;
        int old = Icmp.id(b, ih);
        Bytes.put16(b, ih + 4, id);
        Bytes.put16(b, ih + 2, csumReplace2(Bytes.u16(b, ih + 2), old, id));
    }

    /** The ICMP types that have an id (echo, timestamp, info, address mask; requests and replies). */
    public static boolean isQuery(int type) {
        return type == Icmp.ECHO || type == Icmp.ECHOREPLY || type == 13 || type == 14 || type == 15 || type == 16
                || type == 17 || type == 18;
    }

    /** ICMP errors whose payload is the offending packet's header (nf_nat_icmp_reply_translation's input). */
    public static boolean isError(int type) {
        return type == Icmp.DEST_UNREACH || type == Icmp.SOURCE_QUENCH || type == Icmp.REDIRECT
                || type == Icmp.TIME_EXCEEDED || type == 12;
    }

    /** inet_proto_csum_replace4(): a checksum after a 32-bit field changed from {@code from} to {@code to}. */
    public static int csumReplace4(int check, int from, int to) {
        long s = (~check & 0xffff) + ((~from >>> 16) & 0xffff) + (~from & 0xffff) + ((to >>> 16) & 0xffff) + (to & 0xffff);
        while ((s >>> 16) != 0) s = (s & 0xffff) + (s >>> 16);
        return (int) (~s & 0xffff);
    }

    /** inet_proto_csum_replace2(): the same for a 16-bit field. */
    public static int csumReplace2(int check, int from, int to) {
        long s = (~check & 0xffff) + (~from & 0xffff) + (to & 0xffff);
        while ((s >>> 16) != 0) s = (s & 0xffff) + (s >>> 16);
        return (int) (~s & 0xffff);
    }

    /** Recomputes the checksum of the ICMP message at {@code ih} up to the packet's end (after an inner rewrite). */
    public static void icmpRecompute(byte[] b, int ih, int end) {
        Bytes.put16(b, ih + 2, 0);
        Bytes.put16(b, ih + 2, Bytes.checksum(b, ih, end - ih));
    }
}
