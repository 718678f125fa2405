package dev.nsnet.kernel.wire;

/** IPv4 header view (RFC 791) over bytes, fields read and written in place. */
public final class Ipv4 {
    private Ipv4() { }

    public static final int HLEN = 20;
    public static final int PROTO_ICMP = 1, PROTO_TCP = 6, PROTO_UDP = 17;
    public static final int DF = 0x4000, MF = 0x2000;

    public static int version(byte[] b, int o) { return (b[o] & 0xff) >>> 4; }

    public static int ihl(byte[] b, int o) { return (b[o] & 0x0f) * 4; }

    public static int tos(byte[] b, int o) { return b[o + 1] & 0xff; }

    public static int totLen(byte[] b, int o) { return Bytes.u16(b, o + 2); }

    public static int id(byte[] b, int o) { return Bytes.u16(b, o + 4); }

    public static int fragField(byte[] b, int o) { return Bytes.u16(b, o + 6); }

    /** Fragment offset in bytes. */
    public static int fragOffset(byte[] b, int o) { return (fragField(b, o) & 0x1fff) * 8; }

    public static boolean df(byte[] b, int o) { return (fragField(b, o) & DF) != 0; }

    public static boolean mf(byte[] b, int o) { return (fragField(b, o) & MF) != 0; }

    public static int ttl(byte[] b, int o) { return b[o + 8] & 0xff; }

    public static int protocol(byte[] b, int o) { return b[o + 9] & 0xff; }

    public static int checksum(byte[] b, int o) { return Bytes.u16(b, o + 10); }

    public static int src(byte[] b, int o) { return Bytes.i32(b, o + 12); }

    public static int dst(byte[] b, int o) { return Bytes.i32(b, o + 16); }

    public static void setSrc(byte[] b, int o, int a) { Bytes.put32(b, o + 12, a); }

    public static void setDst(byte[] b, int o, int a) { Bytes.put32(b, o + 16, a); }

    /** Writes a 20-byte header without options and computes its checksum. */
    public static void write(byte[] b, int o, int tos, int totLen, int id, int frag, int ttl, int proto, int src, int dst) {
        b[o] = 0x45;
        b[o + 1] = (byte) tos;
        Bytes.put16(b, o + 2, totLen);
        Bytes.put16(b, o + 4, id);
        Bytes.put16(b, o + 6, frag);
        b[o + 8] = (byte) ttl;
        b[o + 9] = (byte) proto;
        Bytes.put16(b, o + 10, 0);
        Bytes.put32(b, o + 12, src);
        Bytes.put32(b, o + 16, dst);
        Bytes.put16(b, o + 10, Bytes.checksum(b, o, HLEN));
    }

    public static boolean checksumOk(byte[] b, int o) { return Bytes.checksum(b, o, ihl(b, o)) == 0; }

    /** ip_decrease_ttl(): decrements TTL and patches the checksum incrementally (RFC 1624). */
    public static void decreaseTtl(byte[] b, int o) {
        b[o + 8]--;
        int check = Bytes.u16(b, o + 10) + 0x0100;
        check = (check & 0xffff) + (check >>> 16);
        Bytes.put16(b, o + 10, check);
    }

    public static void setChecksum(byte[] b, int o) {
        Bytes.put16(b, o + 10, 0);
        Bytes.put16(b, o + 10, Bytes.checksum(b, o, ihl(b, o)));
    }
}
