package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.OperState;

/**
 * net/bridge/br_stp.c and br_stp_if.c as far as a bridge without a spanning-tree peer goes: the
 * bridge is always root and every port designated, so an enabled port goes straight to forwarding
 * when STP is off (br_make_forwarding), or through listening and learning, one forward_delay
 * each, when kernel STP is on. The bridge's carrier is on while at least one port forwards
 * (br_port_state_selection).
 */
final class BrStp {
    private BrStp() { }

    /** netif_running() && netif_oper_up(). */
    static boolean portCanRun(NetDevice d) {
        return d.isUp() && (d.operstate == OperState.UP || d.operstate == OperState.UNKNOWN) && d.carrier;
    }

    /** br_stp_enable_port(): br_init_port() (blocking) then state selection. */
    static void enablePort(BrPort p) {
        p.state = BrPort.BLOCKING;
        stateSelection(p.br);
    }

    /** br_stp_disable_port(). */
    static void disablePort(BrPort p) {
        p.state = BrPort.DISABLED;
        p.topologyChangeAck = false;
        p.configPending = false;
        p.forwardDelayTimer.del();
        p.holdTimer.del();
        BrFdb.deleteByPort(p.br, p, false);
        stateSelection(p.br);
    }

    /** br_make_forwarding(). */
    private static void makeForwarding(BrPort p) {
        if (p.state != BrPort.BLOCKING) return;
        NetBridge br = p.br;
        if (br.stpEnabled == NetBridge.BR_NO_STP || br.forwardDelay == 0) {
            p.state = BrPort.FORWARDING;
        } else if (br.stpEnabled == NetBridge.BR_KERNEL_STP) {
            p.state = BrPort.LISTENING;
        } else {
            p.state = BrPort.LEARNING;
        }
        // The timer runs even without STP (ip -d link shows it counting down); it only moves
        // listening/learning ports on.
        if (br.forwardDelay != 0) p.forwardDelayTimer.mod(br.now() + br.forwardDelay * NetBridge.CS);
    }

    /** br_forward_delay_timer_expired(). */
    static void forwardDelayExpired(BrPort p) {
        NetBridge br = p.br;
        if (p.state == BrPort.LISTENING) {
            p.state = BrPort.LEARNING;
            p.forwardDelayTimer.mod(br.now() + br.forwardDelay * NetBridge.CS);
        } else if (p.state == BrPort.LEARNING) {
            p.state = BrPort.FORWARDING;
            if (designatedForSomePort(br)) BrStpTimer.topologyChangeDetection(br);
            Dev.carrierOn(br.dev);
        }
    }

    /** br_is_designated_for_some_port(): on the root bridge, any enabled port. */
    private static boolean designatedForSomePort(NetBridge br) {
        for (BrPort q : br.ports) if (q.state != BrPort.DISABLED) return true;
        return false;
    }

    /** br_port_state_selection(): every enabled port is designated; carrier follows the forwarding ports. */
    static void stateSelection(NetBridge br) {
        int live = 0;
        for (BrPort p : br.ports) {
            if (p.state == BrPort.DISABLED) continue;
            if (br.stpEnabled != NetBridge.BR_USER_STP) makeForwarding(p);
            if (p.state == BrPort.FORWARDING) live++;
        }
        if (live == 0) Dev.carrierOff(br.dev);
        else Dev.carrierOn(br.dev);
    }

    /** br_stp_enable_bridge(): the bridge came up. */
    static void enableBridge(NetBridge br) {
        if (br.stpEnabled == NetBridge.BR_KERNEL_STP) br.helloTimer.mod(br.now() + br.helloTime * NetBridge.CS);
        BrFdb.startGc(br);
        BrStpTimer.configBpduGeneration(br);
        for (BrPort p : br.ports) {
            if (portCanRun(p.dev)) enablePort(p);
        }
    }

    /** br_stp_disable_bridge(): the bridge went down. */
    static void disableBridge(NetBridge br) {
        for (BrPort p : br.ports) {
            if (p.state != BrPort.DISABLED) disablePort(p);
        }
        BrStpTimer.setTopologyChange(br, 0);
        br.topologyChangeDetected = 0;
        br.helloTimer.del();
        br.topologyChangeTimer.del();
        BrFdb.stopGc(br);
    }

    /** br_port_carrier_check(): the port's carrier or operstate changed. */
    static void carrierCheck(BrPort p) {
        if (!p.br.dev.isUp()) return;
        if (portCanRun(p.dev)) {
            if (p.state == BrPort.DISABLED) enablePort(p);
        } else if (p.state != BrPort.DISABLED) {
            disablePort(p);
        }
    }

    /** br_stp_recalculate_bridge_id(): the lowest port MAC, unless the address was set by the user. */
    static boolean recalculateBridgeId(NetBridge br) {
        if (br.dev.addrAssignType == 3) return false; // NET_ADDR_SET
        long best = 0;
        for (BrPort p : br.ports) {
            if (best == 0 || Long.compareUnsigned(p.dev.mac, best) < 0) best = p.dev.mac;
        }
        if (best == br.bridgeIdMac) return false; // without ports the id becomes 00:00:00:00:00:00
        changeBridgeId(br, best);
        return true;
    }

    /**
     * br_stp_change_bridge_id(): the bridge's address and id change, its local fdb entry follows,
     * and the port states are selected again — which is why a bridge given an address (at creation
     * or later) or taking a port's address loses its carrier until a port forwards.
     */
    static void changeBridgeId(NetBridge br, long mac) {
        long old = br.lastMac;
        br.bridgeIdMac = mac;
        br.dev.mac = mac;
        br.lastMac = mac;
        BrFdb.changeMacAddress(br, old, mac);
        stateSelection(br);
    }
}
