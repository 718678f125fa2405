package dev.nsnet.kernel.wire;

/** ARP packet view for Ethernet/IPv4 (RFC 826): 28 bytes. */
public final class Arp {
    private Arp() { }

    public static final int LEN = 28;
    public static final int OP_REQUEST = 1, OP_REPLY = 2;

    public static int hwType(byte[] b, int o) { return Bytes.u16(b, o); }

    public static int protoType(byte[] b, int o) { return Bytes.u16(b, o + 2); }

    public static int hwLen(byte[] b, int o) { return b[o + 4] & 0xff; }

    public static int protoLen(byte[] b, int o) { return b[o + 5] & 0xff; }

    public static int op(byte[] b, int o) { return Bytes.u16(b, o + 6); }

    public static long sha(byte[] b, int o) { return Bytes.u48(b, o + 8); }

    public static int spa(byte[] b, int o) { return Bytes.i32(b, o + 14); }

    public static long tha(byte[] b, int o) { return Bytes.u48(b, o + 18); }

    public static int tpa(byte[] b, int o) { return Bytes.i32(b, o + 24); }

    public static void write(byte[] b, int o, int op, long sha, int spa, long tha, int tpa) {
        Bytes.put16(b, o, 1);
        Bytes.put16(b, o + 2, Ether.P_IP);
        b[o + 4] = 6;
        b[o + 5] = 4;
        Bytes.put16(b, o + 6, op);
        Bytes.put48(b, o + 8, sha);
        Bytes.put32(b, o + 14, spa);
        Bytes.put48(b, o + 18, tha);
        Bytes.put32(b, o + 24, tpa);
    }
}
