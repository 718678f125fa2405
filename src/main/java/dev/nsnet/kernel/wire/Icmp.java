package dev.nsnet.kernel.wire;

/** ICMP header view (RFC 792). */
public final class Icmp {
    private Icmp() { }

    public static final int HLEN = 8;
    public static final int ECHOREPLY = 0, DEST_UNREACH = 3, SOURCE_QUENCH = 4, REDIRECT = 5, ECHO = 8,
            TIME_EXCEEDED = 11, PARAMETERPROB = 12;
    /** Codes for DEST_UNREACH. */
    public static final int NET_UNREACH = 0, HOST_UNREACH = 1, PROT_UNREACH = 2, PORT_UNREACH = 3,
            FRAG_NEEDED = 4, SR_FAILED = 5, NET_UNKNOWN = 6, HOST_UNKNOWN = 7, HOST_ISOLATED = 8,
            NET_ANO = 9, HOST_ANO = 10, NET_UNR_TOS = 11, HOST_UNR_TOS = 12, PKT_FILTERED = 13,
            PREC_VIOLATION = 14, PREC_CUTOFF = 15;
    /** Codes for TIME_EXCEEDED. */
    public static final int EXC_TTL = 0, EXC_FRAGTIME = 1;

    public static int type(byte[] b, int o) { return b[o] & 0xff; }

    public static int code(byte[] b, int o) { return b[o + 1] & 0xff; }

    public static int id(byte[] b, int o) { return Bytes.u16(b, o + 4); }

    public static int seq(byte[] b, int o) { return Bytes.u16(b, o + 6); }

    /** For FRAG_NEEDED: the next-hop MTU. */
    public static int mtu(byte[] b, int o) { return Bytes.u16(b, o + 6); }

    public static void setChecksum(byte[] b, int o, int len) {
        Bytes.put16(b, o + 2, 0);
        Bytes.put16(b, o + 2, Bytes.checksum(b, o, len));
    }
}
