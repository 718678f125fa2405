package dev.nsnet.kernel.netfilter.nat;

/**
 * The hashes of nf_nat_core.c: {@code jhash2()} (include/linux/jhash.h, Bob Jenkins' lookup3 over
 * 32-bit words) and {@code reciprocal_scale()}, used by find_best_ips_proto() to spread
 * connections over an address range the way Linux does (same input, same address). The kernel
 * hashes the 16-byte {@code union nf_inet_addr} whose first word is the IPv4 address as stored in
 * memory (network order read little-endian on x86), so that is what is hashed here too.
 */
public final class NfNatHash {
    private NfNatHash() { }

    private static final int JHASH_INITVAL = 0xdeadbeef;

    /** jhash2() of one IPv4 address padded to four words, as find_best_ips_proto() calls it. */
    public static int jhashAddr(int addr, int initval) {
        int a, b, c;
        a = b = c = JHASH_INITVAL + (4 << 2) + initval;
        a += le(addr);
        // b and c add the zero words 1 and 2
        // __jhash_mix
        a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
        a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
        b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
        c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        // the fourth word (zero) goes into a, then __jhash_final
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    /** An IPv4 address (as nsnet's int, the dotted quad's big-endian value) as the u32 the kernel loads. */
    public static int le(int addr) { return Integer.reverseBytes(addr); }

    /** reciprocal_scale(): maps a 32-bit hash onto [0, ep_ro). */
    public static int reciprocalScale(int val, int epRo) {
        return (int) (((val & 0xffffffffL) * (epRo & 0xffffffffL)) >>> 32);
    }
}
