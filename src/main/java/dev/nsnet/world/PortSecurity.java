package dev.nsnet.world;

import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import java.util.Arrays;

/**
 * What one switch port lets into the network, as managed switches and cloud VPCs enforce it:
 * <ul>
 * <li>a MAC limit (Cisco's {@code switchport port-security maximum N} in "protect" mode): once N
 *     addresses are learned on the port, frames from any further source MAC are dropped;</li>
 * <li>an allowed-address list (OpenStack port security / AWS source-destination check): only
 *     the MACs the platform assigned may send, and for IPv4 and ARP only from the IPs assigned
 *     to that MAC. 0.0.0.0 is always allowed as a source (DHCP discovery, ARP probes), as
 *     OpenStack's anti-spoofing rules allow it.</li>
 * </ul>
 * Only frames entering the switch from the port are checked; what the switch sends out of it is
 * not. The check reads the frame in place and allocates nothing.
 */
public final class PortSecurity {
    /** Why a frame was refused (0: let in). */
    public static final int PASS = 0, MAC_LIMIT = 1, SRC_MAC = 2, SRC_IP = 3;

    /** 0: no limit. */
    public int maxMacs;
    /** Allowed source MACs; null: any MAC. */
    private long[] macs;
    /** Allowed IPv4 sources per MAC (same index); null entry: any IP from that MAC. */
    private int[][] ips;

    public long droppedMacLimit, droppedSrcMac, droppedSrcIp;

    public boolean restrictsAddresses() { return macs != null; }

    /** Allows {@code mac} to send, from any IP when {@code allowedIps} is null or empty, else only from those. */
    public void allow(long mac, int[] allowedIps) {
        int[] v = allowedIps == null || allowedIps.length == 0 ? null : allowedIps.clone();
        if (macs == null) {
            macs = new long[] {mac};
            ips = new int[][] {v};
            return;
        }
        for (int i = 0; i < macs.length; i++) {
            if (macs[i] != mac) continue;
            if (v == null || ips[i] == null) ips[i] = null;
            else {
                int[] m = Arrays.copyOf(ips[i], ips[i].length + v.length);
                System.arraycopy(v, 0, m, ips[i].length, v.length);
                ips[i] = m;
            }
            return;
        }
        macs = Arrays.copyOf(macs, macs.length + 1);
        ips = Arrays.copyOf(ips, ips.length + 1);
        macs[macs.length - 1] = mac;
        ips[ips.length - 1] = v;
    }

    /** Forgets the allowed-address list (any MAC and IP may send again). */
    public void allowAny() {
        macs = null;
        ips = null;
    }

    /** Checks the source addresses of the frame at {@code b[off]}; returns PASS, SRC_MAC or SRC_IP. */
    int checkAddresses(byte[] b, int off, int len) {
        if (macs == null) return PASS;
        long src = Ether.src(b, off);
        int i = 0;
        while (i < macs.length && macs[i] != src) i++;
        if (i == macs.length) return SRC_MAC;
        int[] allowed = ips[i];
        if (allowed == null) return PASS;
        int ip = sourceIp(b, off, len);
        if (ip == 0) return PASS;
        for (int a : allowed) if (a == ip) return PASS;
        return SRC_IP;
    }

    /** The IPv4 source of an IPv4 packet or ARP message (sender IP) in the frame, else 0. */
    static int sourceIp(byte[] b, int off, int len) {
        int type = Ether.type(b, off);
        int l3 = off + Ether.HLEN;
        if (type == Ether.P_8021Q && len >= Ether.HLEN + 4) {
            type = Bytes.u16(b, off + Ether.HLEN + 2);
            l3 += 4;
        }
        if (type == Ether.P_IP && l3 + Ipv4.HLEN <= off + len) return Ipv4.src(b, l3);
        if (type == Ether.P_ARP && l3 + Arp.LEN <= off + len) return Arp.spa(b, l3);
        return 0; // other protocols are not address-checked
    }

    /** The allowed list as "MAC[,IP...]" words, for display; empty when any address may send. */
    public String[] allowedWords() {
        if (macs == null) return new String[0];
        String[] out = new String[macs.length];
        for (int i = 0; i < macs.length; i++) {
            StringBuilder sb = new StringBuilder(Mac.format(macs[i]));
            if (ips[i] != null) for (int a : ips[i]) sb.append(',').append(Inet4.format(a));
            out[i] = sb.toString();
        }
        return out;
    }

    public long dropped() { return droppedMacLimit + droppedSrcMac + droppedSrcIp; }

    public static String reasonText(int reason) {
        return switch (reason) {
            case MAC_LIMIT -> "mac-limit";
            case SRC_MAC -> "source MAC not allowed";
            case SRC_IP -> "source IP not allowed";
            default -> "pass";
        };
    }
}
