package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import java.util.Arrays;

/**
 * The IPv4 multicast groups a device has joined (net/ipv4/igmp.c: {@code in_dev->mc_list},
 * {@code ip_mc_inc_group}, {@code ip_mc_dec_group}, {@code ip_check_mc_rcu}), as far as kernel
 * sockets join them ({@code ip_mc_join_group} of the vxlan socket, drivers/net/vxlan/vxlan_multicast.c
 * {@code vxlan_igmp_join}). A group is listed newest first with a user count; while listed and the
 * device is up its link-layer address (01:00:5e + the low 23 bits, {@code ip_eth_mc_map}) is in
 * dev->mc. The all-hosts group 224.0.0.1 every up device joins ({@code ip_mc_up}) is derived from
 * the device state elsewhere and is not in this list. A group added or dropped is announced the
 * IGMPv3 way ({@code igmp_group_added}/{@code igmp_group_dropped} -> {@code igmp_ifc_event} ->
 * {@code igmp_ifc_timer_expire} -> {@code igmpv3_send_cr}): a state-change report to 224.0.0.22
 * (TO_EX on join, TO_IN on leave) 2 jiffies later, then once more after a random part of the 1 s
 * unsolicited report interval (robustness 2). Not modelled: queries and the answers to them,
 * IGMPv1/v2 compatibility, user sockets' IP_ADD_MEMBERSHIP, source filters; only the latest change
 * of a device is reported (the kernel merges pending records of several groups into one report).
 */
public final class Igmp {
    private Igmp() { }

    public static final int IGMPV3_ALL_MCR = 0xe0000016;       // 224.0.0.22
    static final int IGMP_QRV = 2;
    static final long UNSOLICITED_INTERVAL_NS = 1_000_000_000L;
    static final long JIFFY_NS = 4_000_000L;                   // HZ=250
    /** IGMPv3 group record types: CHANGE_TO_INCLUDE_MODE (a leave), CHANGE_TO_EXCLUDE_MODE (a join). */
    public static final int TO_IN = 3, TO_EX = 4;

    /** ip_mc_inc_group(): joins {@code group} on the device (one more user if already joined). */
    public static void incGroup(NetDevice dev, int group) {
        InDevice in = InDevice.of(dev);
        if (in == null) return;
        for (int i = 0; i < in.mcCount; i++) {
            if (in.mcAddrs[i] == group) {
                in.mcUsers[i]++;
                return;
            }
        }
        if (in.mcCount == in.mcAddrs.length) {
            in.mcAddrs = Arrays.copyOf(in.mcAddrs, in.mcCount * 2 + 1);
            in.mcUsers = Arrays.copyOf(in.mcUsers, in.mcCount * 2 + 1);
        }
        // the list is prepended: /proc/net/igmp shows the newest group first
        System.arraycopy(in.mcAddrs, 0, in.mcAddrs, 1, in.mcCount);
        System.arraycopy(in.mcUsers, 0, in.mcUsers, 1, in.mcCount);
        in.mcAddrs[0] = group;
        in.mcUsers[0] = 1;
        in.mcCount++;
        ifcEvent(in, group, TO_EX);
    }

    /** ip_mc_dec_group(): one user less; the last one gone, the group leaves the list. */
    public static void decGroup(NetDevice dev, int group) {
        InDevice in = InDevice.of(dev);
        if (in == null) return;
        for (int i = 0; i < in.mcCount; i++) {
            if (in.mcAddrs[i] != group) continue;
            if (--in.mcUsers[i] > 0) return;
            System.arraycopy(in.mcAddrs, i + 1, in.mcAddrs, i, in.mcCount - i - 1);
            System.arraycopy(in.mcUsers, i + 1, in.mcUsers, i, in.mcCount - i - 1);
            in.mcCount--;
            ifcEvent(in, group, TO_IN);
            return;
        }
    }

    /** ip_check_mc_rcu() without source filters: has the device joined {@code group}? */
    public static boolean checkMc(InDevice in, int group) {
        if (in == null) return false;
        for (int i = 0; i < in.mcCount; i++) if (in.mcAddrs[i] == group) return true;
        return false;
    }

    /** The joined groups, newest first (what /proc/net/igmp lists besides 224.0.0.1). */
    public static int[] groups(NetDevice dev) {
        InDevice in = InDevice.of(dev);
        return in == null ? new int[0] : Arrays.copyOf(in.mcAddrs, in.mcCount);
    }

    /** ip_eth_mc_map(): 01:00:5e and the group's low 23 bits. */
    public static long ethMcMap(int group) {
        return 0x01005e000000L | (group & 0x7fffff);
    }

    /** igmp_ifc_event(): the report of a changed group, robustness-variable times. */
    private static void ifcEvent(InDevice in, int group, int recordType) {
        if (in.dead || (in.dev.flags & dev.nsnet.kernel.core.If.IFF_LOOPBACK) != 0) return;
        in.igmpGroup = group;
        in.igmpRecordType = recordType;
        in.igmpReportsLeft = IGMP_QRV;
        if (in.igmpTimer == null) in.igmpTimer = in.dev.ns.host.emulation.scheduler.newTimer(() -> ifcTimerExpire(in));
        in.igmpTimer.after(2 * JIFFY_NS); // igmp_ifc_start_timer(in_dev, 1)
    }

    /** igmp_ifc_timer_expire(): one report, and the next while the robustness count lasts. */
    private static void ifcTimerExpire(InDevice in) {
        if (in.dead || !in.dev.isUp() || in.igmpReportsLeft <= 0) return;
        sendCr(in.dev, in.igmpGroup, in.igmpRecordType);
        if (--in.igmpReportsLeft > 0) {
            long delay = in.dev.ns.host.emulation.random().nextLong(UNSOLICITED_INTERVAL_NS / JIFFY_NS) * JIFFY_NS;
            in.igmpTimer.after(delay + 2 * JIFFY_NS);
        }
    }

    /**
     * igmpv3_send_cr() with one group record and no sources: a 54-byte frame to 224.0.0.22
     * (01:00:5e:00:00:16), TOS 0xc0, TTL 1, DF with IP id 0, the router alert option.
     */
    public static void sendCr(NetDevice dev, int group, int recordType) {
        SkBuff skb = dev.ns.host.emulation.pool.alloc(64);
        int e = skb.put(54);
        byte[] b = skb.buf;
        Ether.write(b, e, ethMcMap(IGMPV3_ALL_MCR), dev.mac, Ether.P_IP);
        int ip = e + Ether.HLEN;
        int saddr = Inet.selectAddr(dev, 0, Route.SCOPE_LINK);
        Bytes.put8(b, ip, 0x46);                 // IPv4, 24-byte header (router alert option)
        Bytes.put8(b, ip + 1, 0xc0);             // TOS internetwork control
        Bytes.put16(b, ip + 2, 40);
        Bytes.put16(b, ip + 4, 0);               // DF without a socket: id 0
        Bytes.put16(b, ip + 6, 0x4000);
        Bytes.put8(b, ip + 8, 1);                // TTL 1
        Bytes.put8(b, ip + 9, 2);                // IGMP
        Bytes.put16(b, ip + 10, 0);
        Bytes.put32(b, ip + 12, saddr);
        Bytes.put32(b, ip + 16, IGMPV3_ALL_MCR);
        Bytes.put32(b, ip + 20, 0x94040000);     // router alert
        Bytes.put16(b, ip + 10, Bytes.checksum(b, ip, 24));
        int ig = ip + 24;
        Bytes.put8(b, ig, 0x22);                 // IGMPv3 membership report
        Bytes.put8(b, ig + 1, 0);
        Bytes.put16(b, ig + 2, 0);
        Bytes.put16(b, ig + 4, 0);
        Bytes.put16(b, ig + 6, 1);               // one group record
        Bytes.put8(b, ig + 8, recordType);
        Bytes.put8(b, ig + 9, 0);
        Bytes.put16(b, ig + 10, 0);
        Bytes.put32(b, ig + 12, group);
        Bytes.put16(b, ig + 2, Bytes.checksum(b, ig, 16));
        skb.macHeader = e;
        skb.networkHeader = ip;
        skb.transportHeader = ig;
        skb.protocol = Ether.P_IP;
        skb.dev = dev;
        Dev.queueXmit(skb);
    }
}
