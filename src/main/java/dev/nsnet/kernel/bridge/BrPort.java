package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RxHandler;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.sched.Timer;

/**
 * {@code struct net_bridge_port} (net/bridge/br_private.h): a device enslaved to a bridge. It is
 * the port device's rx handler ({@code br_handle_frame}).
 */
public final class BrPort implements RxHandler {
    /** BR_STATE_* of include/uapi/linux/if_bridge.h. */
    public static final int DISABLED = 0, LISTENING = 1, LEARNING = 2, FORWARDING = 3, BLOCKING = 4;

    public final NetBridge br;
    public final NetDevice dev;
    public final int portNo;
    public int priority = 32;
    public int pathCost;
    public int state = DISABLED;
    // BR_* port flags (br_private.h) as bridge link / ip -d link report them.
    public boolean learning = true, flood = true, mcastFlood = true, bcastFlood = true;
    public boolean hairpin, guard, rootBlock, fastLeave, neighSuppress, vlanTunnel, isolated, locked,
            mcastToUcast, proxyArp, proxyArpWifi;
    public int mcastRouter = 1;
    public int groupFwdMask;
    final Timer forwardDelayTimer;
    /** Kernel STP: BPDUs at most once per BR_HOLD_TIME; one waits in configPending. */
    final Timer holdTimer;
    public boolean configPending, topologyChangeAck;

    BrPort(NetBridge br, NetDevice dev, int portNo) {
        this.br = br;
        this.dev = dev;
        this.portNo = portNo;
        this.pathCost = BrIf.portCost(dev);
        this.forwardDelayTimer = br.dev.ns.host.emulation.scheduler.newTimer(() -> BrStp.forwardDelayExpired(this));
        this.holdTimer = br.dev.ns.host.emulation.scheduler.newTimer(() -> BrStpTimer.holdExpired(this));
    }

    /** br_make_port_id(): priority in the top 6 bits, port number below. */
    public int portId() { return ((priority & 0x3f) << 10) | (portNo & 0x3ff); }

    /** br_timer_value(&p->forward_delay_timer). */
    public long forwardDelayRemainingNs() {
        return forwardDelayTimer.pending() ? Math.max(0, forwardDelayTimer.expires() - br.now()) : 0;
    }

    public long holdRemainingNs() { return br.remaining(holdTimer); }

    @Override
    public RxHandlerResult handle(SkBuff skb) { return BrInput.handleFrame(this, skb); }

    public static BrPort of(NetDevice dev) {
        return dev != null && dev.rxHandlerData instanceof BrPort p ? p : null;
    }

    public static String stateName(int s) {
        return switch (s) {
            case DISABLED -> "disabled";
            case LISTENING -> "listening";
            case LEARNING -> "learning";
            case FORWARDING -> "forwarding";
            case BLOCKING -> "blocking";
            default -> null;
        };
    }

    @Override
    public String toString() { return dev.name + "@" + br.dev.name; }
}
