package dev.nsnet.kernel.wire;

/** Big-endian field access over byte arrays (network byte order). */
public final class Bytes {
    private Bytes() { }

    public static int u8(byte[] b, int o) { return b[o] & 0xff; }

    public static int u16(byte[] b, int o) { return ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff); }

    public static int i32(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    public static long u48(byte[] b, int o) {
        return ((long) u16(b, o) << 32) | (i32(b, o + 2) & 0xffffffffL);
    }

    public static void put8(byte[] b, int o, int v) { b[o] = (byte) v; }

    public static void put16(byte[] b, int o, int v) { b[o] = (byte) (v >>> 8); b[o + 1] = (byte) v; }

    public static void put32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24); b[o + 1] = (byte) (v >>> 16); b[o + 2] = (byte) (v >>> 8); b[o + 3] = (byte) v;
    }

    public static void put48(byte[] b, int o, long v) {
        put16(b, o, (int) (v >>> 32));
        put32(b, o + 2, (int) v);
    }

    /** One's-complement sum of {@code len} bytes, not folded (RFC 1071). */
    public static long sum(byte[] b, int o, int len) {
        long s = 0;
        int end = o + (len & ~1);
        for (int i = o; i < end; i += 2) s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        if ((len & 1) != 0) s += (b[o + len - 1] & 0xff) << 8;
        return s;
    }

    public static int fold(long s) {
        while ((s >>> 16) != 0) s = (s & 0xffff) + (s >>> 16);
        return (int) (~s & 0xffff);
    }

    /** Internet checksum of a byte range. */
    public static int checksum(byte[] b, int o, int len) { return fold(sum(b, o, len)); }
}
