package dev.nsnet.kernel.bridge;

/**
 * net/bridge/br_stp_timer.c and the root-bridge parts of br_stp.c for kernel STP: the hello timer
 * that makes configuration BPDUs, the per-port hold timer that spaces them, and topology change
 * (detected when a port starts forwarding; while it lasts, learned entries age in twice the
 * forward delay and BPDUs carry the TC flag).
 */
final class BrStpTimer {
    private BrStpTimer() { }

    static final long HOLD_TIME_NS = 1_000_000_000L; // BR_HOLD_TIME

    /** br_hello_timer_expired(). */
    static void helloExpired(NetBridge br) {
        if (!br.dev.isUp()) return;
        configBpduGeneration(br);
        if (br.stpEnabled == NetBridge.BR_KERNEL_STP) br.helloTimer.mod(br.now() + br.helloTime * NetBridge.CS);
    }

    /** br_config_bpdu_generation(): every enabled port is designated on the root bridge. */
    static void configBpduGeneration(NetBridge br) {
        for (int i = 0, n = br.ports.size(); i < n; i++) {
            BrPort p = br.ports.get(i);
            if (p.state != BrPort.DISABLED) transmitConfig(p);
        }
    }

    /** br_transmit_config(). */
    static void transmitConfig(BrPort p) {
        if (p.holdTimer.pending()) {
            p.configPending = true;
            return;
        }
        BrStpBpdu.sendConfig(p);
        p.topologyChangeAck = false;
        p.configPending = false;
        if (p.br.stpEnabled == NetBridge.BR_KERNEL_STP) p.holdTimer.mod(p.br.now() + HOLD_TIME_NS);
    }

    /** br_hold_timer_expired(). */
    static void holdExpired(BrPort p) {
        if (p.configPending) transmitConfig(p);
    }

    /** br_topology_change_detection() on the root bridge. */
    static void topologyChangeDetection(NetBridge br) {
        if (br.stpEnabled != NetBridge.BR_KERNEL_STP) return;
        setTopologyChange(br, 1);
        br.topologyChangeTimer.mod(br.now() + (long) (br.forwardDelay + br.maxAge) * NetBridge.CS);
        br.topologyChangeDetected = 1;
    }

    /** br_topology_change_timer_expired(). */
    static void topologyChangeExpired(NetBridge br) {
        br.topologyChangeDetected = 0;
        setTopologyChange(br, 0);
    }

    /** __br_set_topology_change(): the ageing time drops to twice the forward delay while it lasts. */
    static void setTopologyChange(NetBridge br, int val) {
        if (br.stpEnabled == NetBridge.BR_KERNEL_STP && br.topologyChange != val) {
            br.ageingTime = val != 0 ? 2 * br.forwardDelay : br.bridgeAgeingTime;
        }
        br.topologyChange = val;
    }
}
