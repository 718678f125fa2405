package dev.nsnet.kernel.drivers;

import java.util.SplittableRandom;

/** include/linux/etherdevice.h helpers shared by the Ethernet-like virtual drivers. */
public final class EtherDevice {
    private EtherDevice() { }

    /**
     * eth_random_addr(): six random bytes with the multicast bit cleared and the locally
     * administered bit set, drawn from the emulation's seeded source (deterministic runs).
     */
    public static long randomAddr(SplittableRandom r) {
        long m = r.nextLong() & 0xffff_ffff_ffffL;
        long first = ((m >>> 40) & 0xfe) | 0x02;
        return (m & 0x00ff_ffff_ffffL) | (first << 40);
    }
}
