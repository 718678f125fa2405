package dev.nsnet.kernel.wire;

/**
 * A view of a UDP header (RFC 768) in place: ports, length and the checksum over the IPv4
 * pseudo-header, where a computed 0 goes out as 0xffff and a received 0 means "none".
 */
public final class Udp {
    private Udp() { }

    public static final int HLEN = 8;

    public static int srcPort(byte[] b, int o) { return Bytes.u16(b, o); }

    public static int dstPort(byte[] b, int o) { return Bytes.u16(b, o + 2); }

    public static int len(byte[] b, int o) { return Bytes.u16(b, o + 4); }

    public static int checksum(byte[] b, int o) { return Bytes.u16(b, o + 6); }

    /** Writes the header for {@code len} bytes (header included) and its checksum. */
    public static void write(byte[] b, int o, int sport, int dport, int len, int src, int dst) {
        Bytes.put16(b, o, sport);
        Bytes.put16(b, o + 2, dport);
        Bytes.put16(b, o + 4, len);
        Bytes.put16(b, o + 6, 0);
        int c = Bytes.fold(pseudoSum(src, dst, Ipv4.PROTO_UDP, len) + Bytes.sum(b, o, len));
        Bytes.put16(b, o + 6, c == 0 ? 0xffff : c);
    }

    /** Whether the checksum of a {@code len}-byte datagram verifies (or is absent). */
    public static boolean checksumOk(byte[] b, int o, int len, int src, int dst) {
        if (checksum(b, o) == 0) return true;
        return Bytes.fold(pseudoSum(src, dst, Ipv4.PROTO_UDP, len) + Bytes.sum(b, o, len)) == 0;
    }

    /** The one's-complement sum of the IPv4 pseudo-header (unfolded). */
    public static long pseudoSum(int src, int dst, int proto, int len) {
        return ((src >>> 16) & 0xffff) + (src & 0xffff) + ((dst >>> 16) & 0xffff) + (dst & 0xffff) + proto + len;
    }
}
