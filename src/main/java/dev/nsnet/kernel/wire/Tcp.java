package dev.nsnet.kernel.wire;

/**
 * A view of a TCP header (RFC 9293) in place: ports, sequence numbers, data offset, flags,
 * window, checksum over the IPv4 pseudo-header, and the option kinds Linux uses.
 */
public final class Tcp {
    private Tcp() { }

    public static final int HLEN = 20;
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;
    /** TCPOPT_*. */
    public static final int OPT_EOL = 0, OPT_NOP = 1, OPT_MSS = 2, OPT_WINDOW = 3, OPT_SACK_PERM = 4, OPT_SACK = 5,
            OPT_TIMESTAMP = 8;

    public static int srcPort(byte[] b, int o) { return Bytes.u16(b, o); }

    public static int dstPort(byte[] b, int o) { return Bytes.u16(b, o + 2); }

    public static int seq(byte[] b, int o) { return Bytes.i32(b, o + 4); }

    public static int ackSeq(byte[] b, int o) { return Bytes.i32(b, o + 8); }

    /** Header length in bytes (data offset * 4). */
    public static int doff(byte[] b, int o) { return ((b[o + 12] & 0xff) >>> 4) * 4; }

    public static int flags(byte[] b, int o) { return b[o + 13] & 0xff; }

    public static int window(byte[] b, int o) { return Bytes.u16(b, o + 14); }

    public static int checksum(byte[] b, int o) { return Bytes.u16(b, o + 16); }

    /** Writes the fixed header (checksum 0); options follow at {@code o + 20}. */
    public static void write(byte[] b, int o, int sport, int dport, int seq, int ack, int hlen, int flags, int window) {
        Bytes.put16(b, o, sport);
        Bytes.put16(b, o + 2, dport);
        Bytes.put32(b, o + 4, seq);
        Bytes.put32(b, o + 8, ack);
        b[o + 12] = (byte) ((hlen / 4) << 4);
        b[o + 13] = (byte) flags;
        Bytes.put16(b, o + 14, window);
        Bytes.put16(b, o + 16, 0);
        Bytes.put16(b, o + 18, 0);
    }

    /** Computes the checksum of a {@code len}-byte segment (header + data). */
    public static void setChecksum(byte[] b, int o, int len, int src, int dst) {
        Bytes.put16(b, o + 16, 0);
        Bytes.put16(b, o + 16, Bytes.fold(Udp.pseudoSum(src, dst, Ipv4.PROTO_TCP, len) + Bytes.sum(b, o, len)));
    }

    public static boolean checksumOk(byte[] b, int o, int len, int src, int dst) {
        return Bytes.fold(Udp.pseudoSum(src, dst, Ipv4.PROTO_TCP, len) + Bytes.sum(b, o, len)) == 0;
    }

    /** tcpdump-style flag letters ("S", "S.", "P.", "R.", "F."). */
    public static String flagText(int f) {
        StringBuilder s = new StringBuilder();
        if ((f & SYN) != 0) s.append('S');
        if ((f & FIN) != 0) s.append('F');
        if ((f & PSH) != 0) s.append('P');
        if ((f & RST) != 0) s.append('R');
        if ((f & URG) != 0) s.append('U');
        if ((f & ACK) != 0) s.append('.');
        return s.toString();
    }
}
