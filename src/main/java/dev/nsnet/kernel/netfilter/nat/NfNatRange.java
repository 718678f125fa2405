package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.wire.Inet4;

/**
 * {@code struct nf_nat_range2} (include/uapi/linux/netfilter/nf_nat.h): the addresses and the
 * layer-4 "ports" (TCP/UDP ports, ICMP echo ids) a NAT target may map to, with the
 * {@code NF_NAT_RANGE_*} flags. Addresses are ints in network order as numbers (a..b compares
 * them unsigned, as the kernel's ntohl() comparisons do); ports are 0..65535.
 */
public record NfNatRange(int flags, int minAddr, int maxAddr, int minProto, int maxProto) {
    public static final int MAP_IPS = 1, PROTO_SPECIFIED = 2, PROTO_RANDOM = 4, PERSISTENT = 8,
            PROTO_RANDOM_FULLY = 16, PROTO_OFFSET = 32, NETMAP = 64;
    /** NF_NAT_RANGE_PROTO_RANDOM_ALL. */
    public static final int PROTO_RANDOM_ALL = PROTO_RANDOM | PROTO_RANDOM_FULLY;

    public boolean has(int flag) { return (flags & flag) != 0; }

    /** Whether {@code addr} lies in [minAddr, maxAddr] (unsigned, as ntohl values). */
    public boolean addrInRange(int addr) {
        return Integer.compareUnsigned(addr, minAddr) >= 0 && Integer.compareUnsigned(addr, maxAddr) <= 0;
    }

    /** The "to:" text of iptables -L and the --to-source/--to-destination argument of -S. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (has(MAP_IPS)) {
            sb.append(Inet4.format(minAddr));
            if (maxAddr != minAddr) sb.append('-').append(Inet4.format(maxAddr));
        }
        if (has(PROTO_SPECIFIED)) {
            sb.append(':').append(minProto);
            if (maxProto != minProto) sb.append('-').append(maxProto);
        }
        return sb.toString();
    }
}
