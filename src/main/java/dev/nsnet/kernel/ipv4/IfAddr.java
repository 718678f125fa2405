package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.wire.Inet4;

/**
 * One IPv4 address of a device ({@code struct in_ifaddr}, include/linux/inetdevice.h).
 * {@code local} is the address itself, {@code address} the peer (equal to local unless a peer
 * was given), both as ints of the dotted quad.
 */
public final class IfAddr {
    public static final int IFA_F_SECONDARY = 0x01, IFA_F_NODAD = 0x02, IFA_F_OPTIMISTIC = 0x04,
            IFA_F_DADFAILED = 0x08, IFA_F_HOMEADDRESS = 0x10, IFA_F_DEPRECATED = 0x20,
            IFA_F_TENTATIVE = 0x40, IFA_F_PERMANENT = 0x80, IFA_F_MANAGETEMPADDR = 0x100,
            IFA_F_NOPREFIXROUTE = 0x200, IFA_F_MCAUTOJOIN = 0x400, IFA_F_STABLE_PRIVACY = 0x800;

    public final InDevice inDev;
    public int local;
    public int address;
    public int prefixLen;
    public int mask;
    public int broadcast;
    public int scope;
    public int flags;
    public String label;
    /** ifa_rt_priority: the metric of the prefix route. */
    public int rtPriority;
    public static final long INFINITY_LIFE_TIME = 0xffffffffL;
    /** ifa_valid_lft / ifa_preferred_lft in seconds (INFINITY_LIFE_TIME: forever). */
    public long validLft = INFINITY_LIFE_TIME, preferredLft = INFINITY_LIFE_TIME;
    /** ifa_tstamp: when the lifetimes were last set (virtual ns). */
    public long tstamp;

    /**
     * The remaining lifetimes as inet_fill_ifaddr() reports them in IFA_CACHEINFO at virtual time
     * {@code now}: {valid, preferred}. Note the kernel only ages them when preferred is finite.
     */
    public long[] cacheinfo(long now) {
        if ((flags & IFA_F_PERMANENT) != 0) return new long[] {INFINITY_LIFE_TIME, INFINITY_LIFE_TIME};
        long preferred = preferredLft, valid = validLft;
        if (preferred != INFINITY_LIFE_TIME) {
            long tval = (now - tstamp) / 1_000_000_000L;
            preferred = preferred > tval ? preferred - tval : 0;
            if (valid != INFINITY_LIFE_TIME) valid = valid > tval ? valid - tval : 0;
        }
        return new long[] {valid, preferred};
    }

    IfAddr(InDevice inDev) { this.inDev = inDev; }

    public boolean secondary() { return (flags & IFA_F_SECONDARY) != 0; }

    /** inet_ifa_match(): whether {@code addr} lies in this address's subnet. */
    public boolean match(int addr) { return ((addr ^ address) & mask) == 0; }

    public int prefix() { return address & mask; }

    @Override
    public String toString() { return Inet4.format(local) + "/" + prefixLen + " " + label; }
}
