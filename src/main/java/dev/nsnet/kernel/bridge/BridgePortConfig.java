package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;

/**
 * An AF_BRIDGE RTM_SETLINK request for a port (IFLA_PROTINFO): what {@code bridge link set}
 * sends and {@code br_setport()} (net/bridge/br_netlink.c) applies. Null fields are not sent.
 */
public final class BridgePortConfig {
    public Boolean guard, hairpin, fastLeave, rootBlock, learning, learningSync, flood, mcastFlood, bcastFlood,
            mcastToUcast, neighSuppress, vlanTunnel, isolated, locked;
    public Integer mcastRouter, cost, priority, state;

    /** BR_MAX_PORT_PRIORITY, BR_MIN/MAX_PATH_COST. */
    static final int MAX_PORT_PRIORITY = 63, MIN_PATH_COST = 1, MAX_PATH_COST = 65535;

    /**
     * rtnl_bridge_setlink(): {@code selfOnly} (the "self" flag alone) asks the device itself,
     * otherwise its bridge master handles it.
     */
    public void apply(NetDevice dev, boolean selfOnly) {
        BrPort p = BrPort.of(dev);
        if (selfOnly || p == null) throw new KernelException(Errno.EOPNOTSUPP);
        if (hairpin != null) p.hairpin = hairpin;
        if (guard != null) p.guard = guard;
        if (fastLeave != null) p.fastLeave = fastLeave;
        if (rootBlock != null) p.rootBlock = rootBlock;
        if (learning != null) p.learning = learning;
        if (flood != null) p.flood = flood;
        if (mcastFlood != null) p.mcastFlood = mcastFlood;
        if (bcastFlood != null) p.bcastFlood = bcastFlood;
        if (mcastToUcast != null) p.mcastToUcast = mcastToUcast;
        if (neighSuppress != null) p.neighSuppress = neighSuppress;
        if (vlanTunnel != null) p.vlanTunnel = vlanTunnel;
        if (isolated != null) p.isolated = isolated;
        if (locked != null) p.locked = locked;
        if (learningSync != null && learningSync) throw new KernelException(Errno.EOPNOTSUPP);
        if (mcastRouter != null) {
            if (mcastRouter > 3) throw new KernelException(Errno.EINVAL, "invalid multicast router type");
            p.mcastRouter = mcastRouter;
        }
        // br_stp_set_path_cost() / br_stp_set_port_priority() reselect port states (and so the carrier)
        if (cost != null) {
            if (cost < MIN_PATH_COST || cost > MAX_PATH_COST) throw new KernelException(Errno.ERANGE);
            p.pathCost = cost;
            BrStp.stateSelection(p.br);
        }
        if (priority != null) {
            if (priority > MAX_PORT_PRIORITY) throw new KernelException(Errno.ERANGE);
            p.priority = priority;
            BrStp.stateSelection(p.br);
        }
        if (state != null) setPortState(p, state);
    }

    /** br_set_port_state(). */
    private static void setPortState(BrPort p, int state) {
        if (state > BrPort.BLOCKING) throw new KernelException(Errno.EINVAL);
        if (p.br.stpEnabled == NetBridge.BR_KERNEL_STP) throw new KernelException(Errno.EBUSY);
        if (!p.dev.isUp() || (!BrStp.portCanRun(p.dev) && state != BrPort.DISABLED)) {
            throw new KernelException(Errno.ENETDOWN);
        }
        p.state = state;
        BrStp.stateSelection(p.br);
    }
}
