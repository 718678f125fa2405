package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Mac;
import java.util.ArrayList;
import java.util.List;

/**
 * net/core/rtnetlink.c's AF_BRIDGE neighbour requests: {@code rtnl_fdb_add}, {@code rtnl_fdb_del},
 * {@code rtnl_fdb_dump} and the default handlers for devices without their own FDB
 * ({@code ndo_dflt_fdb_add/del/dump}), dispatching "master" requests to the bridge of a port and
 * "self" requests to the device itself.
 */
public final class RtnlFdb {
    private RtnlFdb() { }

    public static final int NTF_SELF = 0x02, NTF_MASTER = 0x04, NTF_STICKY = 0x40;

    /**
     * A device with its own forwarding table (ndo_fdb_add / ndo_fdb_del / ndo_fdb_dump, e.g.
     * vxlan): "self" requests go to it instead of the default address-list handlers.
     */
    public interface NdoFdb {
        /** ndo_fdb_add(); {@code attrs} holds the request's NDA_DST/PORT/VNI/IFINDEX. */
        void fdbAdd(NetDevice dev, long mac, int state, int ndmFlags, int nlFlags, FdbRecord.Remote attrs);

        /** ndo_fdb_del(). */
        void fdbDel(NetDevice dev, long mac, int state, FdbRecord.Remote attrs);

        /** ndo_fdb_dump(): the device's entries, one record per destination. */
        void fdbDump(NetDevice dev, List<FdbRecord> out);
    }

    /** rtnl_fdb_add(). */
    public static void add(NetDevice dev, long mac, int vlan, int ndmFlags, int state, int nlFlags) {
        add(dev, mac, vlan, ndmFlags, state, nlFlags, null);
    }

    /** rtnl_fdb_add() with the tunnel attributes of the request (null when none). */
    public static void add(NetDevice dev, long mac, int vlan, int ndmFlags, int state, int nlFlags,
                           FdbRecord.Remote attrs) {
        if (dev.type != If.ARPHRD_ETHER) throw new KernelException(Errno.EINVAL, "FDB add only supported for Ethernet devices");
        if (vlan != -1 && (vlan == 0 || vlan >= 4095)) throw new KernelException(Errno.EINVAL, "invalid vlan id");
        if (vlan == -1) vlan = 0;
        boolean sticky = (ndmFlags & NTF_STICKY) != 0;
        Errno err = Errno.EOPNOTSUPP;
        boolean errSet = false;
        if (((ndmFlags & (NTF_SELF | NTF_MASTER)) == 0 || (ndmFlags & NTF_MASTER) != 0) && BrPort.of(dev) != null) {
            BrFdb.userAdd(dev, mac, vlan, state, nlFlags, sticky);
            ndmFlags &= ~NTF_MASTER;
            errSet = true;
        }
        if ((ndmFlags & NTF_SELF) != 0) {
            if (NetBridge.of(dev) != null) BrFdb.userAdd(dev, mac, vlan, state, nlFlags, sticky);
            else if (dev.ops instanceof NdoFdb n) n.fdbAdd(dev, mac, state, ndmFlags, nlFlags, attrs);
            else dfltAdd(dev, mac, vlan, state, nlFlags);
            errSet = true;
        }
        if (!errSet) throw new KernelException(err);
    }

    /** ndo_dflt_fdb_add(). */
    private static void dfltAdd(NetDevice dev, long mac, int vlan, int state, int nlFlags) {
        if (state != 0 && (state & BrFdb.NUD_PERMANENT) == 0) throw new KernelException(Errno.EINVAL);
        if (vlan != 0) throw new KernelException(Errno.EINVAL);
        boolean added = DevAddrLists.add(dev, mac, Mac.isMulticast(mac));
        if (!added && (nlFlags & BrFdb.NLM_F_EXCL) != 0) throw new KernelException(Errno.EEXIST);
    }

    /** rtnl_fdb_del(). */
    public static void del(NetDevice dev, long mac, int vlan, int ndmFlags, int state) {
        del(dev, mac, vlan, ndmFlags, state, null);
    }

    /** rtnl_fdb_del() with the tunnel attributes of the request (null when none). */
    public static void del(NetDevice dev, long mac, int vlan, int ndmFlags, int state, FdbRecord.Remote attrs) {
        if (dev.type != If.ARPHRD_ETHER) throw new KernelException(Errno.EINVAL, "FDB delete only supported for Ethernet devices");
        if (vlan != -1 && (vlan == 0 || vlan >= 4095)) throw new KernelException(Errno.EINVAL, "invalid vlan id");
        if (vlan == -1) vlan = 0;
        boolean done = false;
        if (((ndmFlags & (NTF_SELF | NTF_MASTER)) == 0 || (ndmFlags & NTF_MASTER) != 0) && BrPort.of(dev) != null) {
            BrFdb.userDelete(dev, mac, vlan);
            ndmFlags &= ~NTF_MASTER;
            done = true;
        }
        if ((ndmFlags & NTF_SELF) != 0) {
            if (NetBridge.of(dev) != null) {
                BrFdb.userDelete(dev, mac, vlan);
            } else if (dev.ops instanceof NdoFdb n) {
                n.fdbDel(dev, mac, state, attrs);
            } else {
                if (state != 0 && (state & BrFdb.NUD_PERMANENT) == 0) throw new KernelException(Errno.EINVAL);
                if (vlan != 0) throw new KernelException(Errno.EINVAL);
                if (!DevAddrLists.del(dev, mac, Mac.isMulticast(mac))) throw new KernelException(Errno.ENOENT);
            }
            done = true;
        }
        if (!done) throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * rtnl_fdb_dump(): every device in ifindex order — a port's entries in its bridge, then the
     * device's own list (a bridge's own list and its port-less entries).
     *
     * @param filterIfindex ndm_ifindex (brport/dev), 0 for all
     * @param filterMaster  NDA_MASTER (br), 0 for all
     */
    public static List<FdbRecord> dump(NetNamespace ns, int filterIfindex, int filterMaster) {
        List<FdbRecord> out = new ArrayList<>();
        NetDevice brFilter = filterMaster != 0 ? ns.dev(filterMaster) : null;
        for (NetDevice dev : ns.devices()) {
            if (filterIfindex != 0 && dev.ifindex != filterIfindex) continue;
            BrPort port = BrPort.of(dev);
            if (brFilter != null) {
                if (dev != brFilter && port == null) continue;
                if (dev.master != brFilter && NetBridge.of(dev) == null) continue;
            }
            if (port != null) bridgeEntries(out, port.br, port);
            NetBridge self = NetBridge.of(dev);
            if (self != null) {
                dflt(out, dev);
                bridgeEntries(out, self, null);
            } else if (dev.ops instanceof NdoFdb n) {
                n.fdbDump(dev, out);
            } else {
                dflt(out, dev);
            }
        }
        return out;
    }

    /** br_fdb_dump(): the bridge's entries whose port is {@code port} (null: the bridge itself). */
    private static void bridgeEntries(List<FdbRecord> out, NetBridge br, BrPort port) {
        long now = br.now();
        for (FdbEntry f : br.fdb.list()) {
            if (f.dst != port) continue;
            out.add(record(br, f, now));
        }
    }

    static FdbRecord record(NetBridge br, FdbEntry f, long now) {
        int ifindex = f.dst != null ? f.dst.dev.ifindex : br.dev.ifindex;
        return new FdbRecord(f.mac, ifindex, false, f.sticky, br.dev.ifindex, f.vlan, BrFdb.nudState(br, f),
                (now - f.used) / NetBridge.CS, (now - f.updated) / NetBridge.CS);
    }

    /** ndo_dflt_fdb_dump(): Ethernet devices list their unicast then multicast addresses. */
    private static void dflt(List<FdbRecord> out, NetDevice dev) {
        if (dev.type != If.ARPHRD_ETHER) return;
        for (long m : DevAddrLists.unicast(dev)) out.add(selfRecord(dev, m));
        for (long m : DevAddrLists.multicast(dev)) out.add(selfRecord(dev, m));
    }

    private static FdbRecord selfRecord(NetDevice dev, long mac) {
        return new FdbRecord(mac, dev.ifindex, true, false, 0, 0, BrFdb.NUD_PERMANENT, -1, -1);
    }

    /** rtnl_fdb_get() for the bridge: the entry for {@code mac} in the bridge of {@code dev} (or {@code br}). */
    public static FdbRecord get(NetDevice dev, NetDevice brDev, long mac, int vlan) {
        NetBridge br = brDev != null ? NetBridge.of(brDev) : null;
        if (br == null && dev != null) {
            BrPort p = BrPort.of(dev);
            br = p != null ? p.br : NetBridge.of(dev);
        }
        if (br == null) throw new KernelException(Errno.EINVAL);
        FdbEntry f = br.fdb.find(mac, vlan);
        if (f == null) throw new KernelException(Errno.ENOENT, "Fdb entry not found");
        return record(br, f, br.now());
    }

    /** br_fdb_delete_bulk() (bridge fdb flush dev BR [brport P] [state filters]). */
    public static void flush(NetDevice dev, int ndmFlags, NetDevice brport, int stateMask, int state) {
        NetBridge br = NetBridge.of(dev);
        BrPort p = null;
        if (br == null) {
            p = BrPort.of(dev);
            // "self" on a device without a bulk-delete handler, or "master" on a device that is no port
            if (p == null || (ndmFlags & NTF_MASTER) == 0) throw new KernelException(Errno.EOPNOTSUPP);
            br = p.br;
        }
        if (brport != null) {
            BrPort bp = BrPort.of(brport);
            if (bp == null || bp.br != br) throw new KernelException(Errno.EINVAL, "Invalid bridge port");
            p = bp;
        }
        for (FdbEntry f : br.fdb.list()) {
            if (p != null && f.dst != p) continue;
            int flagsState = (f.local ? BrFdb.NUD_PERMANENT : 0) | (f.isStatic ? BrFdb.NUD_NOARP : 0);
            if (stateMask != 0 && (flagsState & stateMask) != (state & stateMask)) continue;
            BrFdb.delete(br, f);
        }
    }
}
