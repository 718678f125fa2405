package dev.nsnet.kernel.wire;

/** Ethernet II header view: dst(6) src(6) ethertype(2). */
public final class Ether {
    private Ether() { }

    public static final int HLEN = 14;
    public static final int P_IP = 0x0800, P_ARP = 0x0806, P_8021Q = 0x8100, P_IPV6 = 0x86dd;

    public static long dst(byte[] b, int o) { return Bytes.u48(b, o); }

    public static long src(byte[] b, int o) { return Bytes.u48(b, o + 6); }

    public static int type(byte[] b, int o) { return Bytes.u16(b, o + 12); }

    public static void write(byte[] b, int o, long dst, long src, int type) {
        Bytes.put48(b, o, dst);
        Bytes.put48(b, o + 6, src);
        Bytes.put16(b, o + 12, type);
    }
}
