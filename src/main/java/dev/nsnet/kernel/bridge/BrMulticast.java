package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.ipv4.Igmp;

/**
 * net/bridge/br_multicast.c as far as it shows without multicast listeners: when a bridge with
 * snooping on opens, {@code br_multicast_open()} joins the multicast-router discovery group
 * 224.0.0.106 on the bridge device ({@code br_ip4_multicast_join_snoopers}). The IPv4 side of that
 * join (net/ipv4/igmp.c: {@code igmp_group_added} -> {@code igmp_ifc_event}) sends the IGMPv3
 * state-change report robustness-variable (2) times: one at once, one after a random part of the
 * unsolicited report interval (1 s). These two 54-byte frames are what a real bridge transmits
 * right after {@code ip link set BR up} (checked with scripts/sandbox.sh: TX 108 bytes, 2 packets,
 * flooded to every forwarding port; counted as TX dropped when the bridge has no carrier).
 */
final class BrMulticast {
    private BrMulticast() { }

    static final int IGMPV3_ALL_MCR = 0xe0000016;       // 224.0.0.22
    static final int SNOOPERS_GROUP = 0xe000006a;       // 224.0.0.106
    static final int IGMP_QRV = 2;
    static final long UNSOLICITED_INTERVAL_NS = 1_000_000_000L;
    static final long JIFFY_NS = 4_000_000L;            // HZ=250

    /** IGMPv3 group record types: CHANGE_TO_INCLUDE_MODE (a leave), CHANGE_TO_EXCLUDE_MODE (a join). */
    static final int TO_IN = 3, TO_EX = 4;

    /** br_multicast_open(). */
    static void open(NetBridge br) {
        if (br.mcastSnooping == 0) return;
        startReports(br, TO_EX);
    }

    /**
     * br_multicast_toggle(): turning snooping on joins the group (on an up bridge), turning it
     * off leaves it - and a leave is reported the same way, twice, with a TO_IN record.
     */
    static void toggle(NetBridge br, boolean on) {
        if (!br.dev.isUp()) return;
        startReports(br, on ? TO_EX : TO_IN);
    }

    private static void startReports(NetBridge br, int recordType) {
        br.igmpRecordType = recordType;
        br.igmpReportsLeft = IGMP_QRV;
        if (br.igmpTimer == null) br.igmpTimer = br.dev.ns.host.emulation.scheduler.newTimer(() -> ifcTimerExpire(br));
        br.igmpTimer.mod(br.now() + 2 * JIFFY_NS); // igmp_ifc_start_timer(in_dev, 1)
    }

    /** br_multicast_stop(). */
    static void stop(NetBridge br) {
        br.igmpReportsLeft = 0;
        if (br.igmpTimer != null) br.igmpTimer.del();
    }

    /** igmp_ifc_timer_expire(): one report, and the next while the robustness count lasts. */
    private static void ifcTimerExpire(NetBridge br) {
        if (!br.dev.isUp() || br.igmpReportsLeft <= 0) return;
        sendReport(br);
        if (--br.igmpReportsLeft > 0) {
            long delay = br.dev.ns.host.emulation.random().nextLong(UNSOLICITED_INTERVAL_NS / JIFFY_NS) * JIFFY_NS;
            br.igmpTimer.mod(br.now() + delay + 2 * JIFFY_NS);
        }
    }

    /** igmpv3_send_cr(): one record for 224.0.0.106 (join or leave), no sources. */
    private static void sendReport(NetBridge br) {
        Igmp.sendCr(br.dev, SNOOPERS_GROUP, br.igmpRecordType);
    }
}
