package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.wire.Mac;

/**
 * net/bridge/br_if.c: adding and removing ports ({@code br_add_if}, {@code br_del_if}), deleting
 * a bridge ({@code br_dev_delete}), the MTU that follows the ports ({@code br_mtu_auto_adjust})
 * and the path cost a port starts with ({@code port_cost}).
 */
public final class BrIf {
    private BrIf() { }

    /** BR_MAX_PORTS. */
    static final int MAX_PORTS = 1 << 10;

    /** port_cost(): from the link speed; veth reports 10 Gb/s (cost 2), unknown speeds cost 100. */
    static int portCost(NetDevice dev) {
        NetDevice d = dev.ops.linkSettingsDev(dev);
        return d != null && "veth".equals(d.kind()) ? 2 : 100;
    }

    /** br_add_if(): {@code ip link set DEV master BR}. */
    public static void addIf(NetBridge br, NetDevice dev) {
        if ((dev.flags & If.IFF_LOOPBACK) != 0 || dev.type != If.ARPHRD_ETHER || !Mac.isValidUnicast(dev.mac)) {
            throw new KernelException(Errno.EINVAL);
        }
        if (NetBridge.of(dev) != null) throw new KernelException(Errno.ELOOP, "Can not enslave a bridge to a bridge");
        if (dev.master != null) throw new KernelException(Errno.EBUSY);
        if (dev.rxHandler != null) throw new KernelException(Errno.EBUSY);
        if (dev.ns != br.dev.ns) throw new KernelException(Errno.EINVAL);
        int portNo = findPortNo(br);
        BrPort p = new BrPort(br, dev, portNo);
        dev.rxHandler = p;
        dev.rxHandlerData = p;
        dev.master = br.dev;
        // dev_set_allmulti(dev, 1) and, without vlan filtering, every port is promiscuous
        // (nbp_update_port_count -> br_manage_promisc); user-visible flags stay unchanged.
        dev.allmulti++;
        dev.promiscuity++;
        br.ports.add(0, p);
        BrFdb.addLocal(br, p, dev.mac);
        boolean changedAddr = BrStp.recalculateBridgeId(br);
        if (br.dev.isUp() && BrStp.portCanRun(dev)) BrStp.enablePort(p);
        if (changedAddr) BrNotify.bridgeAddrChanged(br);
        mtuAutoAdjust(br);
        setGsoLimits(br);
    }

    /** find_portno(): the lowest free port number from 1. */
    private static int findPortNo(NetBridge br) {
        boolean[] used = new boolean[MAX_PORTS];
        used[0] = true;
        for (BrPort p : br.ports) used[p.portNo] = true;
        for (int i = 1; i < MAX_PORTS; i++) if (!used[i]) return i;
        throw new KernelException(Errno.EXFULL);
    }

    /** br_del_if(): {@code nomaster}, a new master, or the port going away. */
    public static void delIf(NetBridge br, NetDevice dev) {
        BrPort p = BrPort.of(dev);
        if (p == null || p.br != br) throw new KernelException(Errno.EINVAL);
        delNbp(p);
        boolean changedAddr = BrStp.recalculateBridgeId(br);
        if (changedAddr) BrNotify.bridgeAddrChanged(br);
        mtuAutoAdjust(br);
        setGsoLimits(br);
    }

    /** br_set_gso_limits(): the smallest TSO limits of the ports (TSO_MAX_SIZE/SEGS without ports). */
    static void setGsoLimits(NetBridge br) {
        int size = 524280, segs = 65535;
        for (BrPort p : br.ports) {
            size = Math.min(size, p.dev.tsoMaxSize);
            segs = Math.min(segs, p.dev.tsoMaxSegs);
        }
        br.dev.tsoMaxSize = size;
        br.dev.tsoMaxSegs = segs;
        if (size < br.dev.gsoMaxSize) br.dev.gsoMaxSize = size;
    }

    /** del_nbp(). */
    private static void delNbp(BrPort p) {
        NetBridge br = p.br;
        BrStp.disablePort(p);
        br.ports.remove(p);
        BrFdb.deleteByPort(br, p, true);
        p.forwardDelayTimer.del();
        p.dev.rxHandler = null;
        p.dev.rxHandlerData = null;
        p.dev.master = null;
        p.dev.allmulti--;
        p.dev.promiscuity--;
    }

    /** br_dev_delete(): the bridge is unregistered; its ports are released first. */
    static void devDelete(NetBridge br) {
        for (BrPort p : br.ports.toArray(new BrPort[0])) delNbp(p);
        BrFdb.flushAll(br);
        BrFdb.stopGc(br);
    }

    /** br_mtu_min(). */
    static int mtuMin(NetBridge br) {
        int m = 0;
        for (BrPort p : br.ports) if (m == 0 || p.dev.mtu < m) m = p.dev.mtu;
        return m == 0 ? 1500 : m;
    }

    /** br_mtu_auto_adjust(): unless the user set the bridge's MTU, it is the smallest port MTU. */
    static void mtuAutoAdjust(NetBridge br) {
        if (br.mtuSetByUser) return;
        int m = mtuMin(br);
        if (m == br.dev.mtu) return;
        br.autoMtu = true;
        try {
            dev.nsnet.kernel.core.Dev.setMtu(br.dev, m);
        } finally {
            br.autoMtu = false;
        }
    }
}
