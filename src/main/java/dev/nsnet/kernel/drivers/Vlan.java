package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.NetdevEvent;
import dev.nsnet.kernel.core.OperState;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.function.Consumer;

/**
 * net/8021q/vlan_dev.c, vlan.c and vlan_netlink.c: an 802.1Q (or 802.1ad) sub-interface of a
 * real device. What it sends gets the 4-byte tag of its VID and leaves by the real device
 * (vlan_dev_hard_start_xmit); what the real device receives with that tag comes to it
 * ({@link VlanCore#doReceive}). It follows the real device: opened and closed with it (unless
 * loose_binding), its carrier and MTU limit are the real device's. Modelled from the kernel
 * source (the recording kernel has no 8021q module); see docs/underlay.md.
 */
public final class Vlan extends NetDeviceOps {
    public static final Vlan OPS = new Vlan();

    /** VLAN_FLAG_*. */
    public static final int FLAG_REORDER_HDR = 0x1, FLAG_GVRP = 0x2, FLAG_LOOSE_BINDING = 0x4, FLAG_MVRP = 0x8,
            FLAG_BRIDGE_BINDING = 0x10;
    static final int ALL_FLAGS = 0x1f;

    /** struct vlan_dev_priv. */
    public static final class Priv {
        public final NetDevice real;
        public final int proto;
        public final int id;
        public int flags = FLAG_REORDER_HDR;
        /** ingress_priority_map: VLAN priority (PCP) -> skb priority. */
        public final int[] ingress = new int[8];
        /** The egress mappings (skb priority -> PCP) in the order they were set. */
        public final java.util.LinkedHashMap<Long, Integer> egress = new java.util.LinkedHashMap<>();
        /** vlan->real_dev_addr: the real device's MAC when last synced. */
        long realDevAddr;

        Priv(NetDevice real, int proto, int id) {
            this.real = real;
            this.proto = proto;
            this.id = id;
        }

        public int ingressCount() {
            int n = 0;
            for (int v : ingress) if (v != 0) n++;
            return n;
        }
    }

    public static Priv priv(NetDevice dev) { return dev != null && dev.priv instanceof Priv p ? p : null; }

    private static boolean initDone;

    /** vlan_proto_init(): the netdevice notifier. */
    public static synchronized void init() {
        if (initDone) return;
        initDone = true;
        dev.nsnet.kernel.core.KernelInit.registerNotifier(Vlan::deviceEvent);
    }

    /** NETIF_F_VLAN_CHALLENGED: loopback and ipvlan slaves carry no VLANs. */
    static boolean vlanChallenged(NetDevice dev) {
        return (dev.flags & If.IFF_LOOPBACK) != 0 || Ipvlan.slave(dev) != null;
    }

    /**
     * vlan_newlink() after vlan_validate(): the real device must carry VLANs and not have this
     * VID yet; the MTU is the real device's unless given (a larger one is refused); flags and
     * QoS maps are applied (vlan_changelink) and the device registered (register_vlan_dev).
     */
    public static NetDevice newLink(NetNamespace ns, String name, NetDevice real, int proto, int id,
                                    int flags, int flagsMask, Consumer<NetDevice> prepare, int ifindex) {
        if (vlanChallenged(real)) throw new KernelException(Errno.EOPNOTSUPP, "8021q: VLANs not supported on device");
        if (VlanCore.findDev(real, proto, id) != null) throw new KernelException(Errno.EEXIST, "8021q: VLAN device already exists");
        NetDevice dev = new NetDevice(name == null ? "vlan%d" : name, OPS);
        dev.minMtu = 0;
        dev.maxMtu = 65535;
        dev.mtu = -1;
        if (prepare != null) prepare.accept(dev);
        if (dev.mtu < 0) dev.mtu = real.mtu;
        else if (dev.mtu > real.mtu) throw new KernelException(Errno.EINVAL);
        Priv p = new Priv(real, proto, id);
        p.flags = (p.flags & ~flagsMask) | (flags & flagsMask);
        dev.priv = p;
        // vlan_dev_init(): flags, carrier and (when none was given) MAC and broadcast of the real device
        dev.flags = real.flags & ~(If.IFF_UP | If.IFF_PROMISC | If.IFF_ALLMULTI | If.IFF_MASTER | If.IFF_SLAVE
                | If.IFF_LOOPBACK);
        if (dev.mac == 0) {
            dev.mac = real.mac;
            dev.addrAssignType = 2; // NET_ADDR_STOLEN
        }
        dev.broadcast = real.broadcast;
        dev.carrier = real.carrier;
        Dev.register(ns, dev, ifindex);
        VlanCore.add(real, proto, id, dev);
        // netif_stacked_transfer_operstate() + linkwatch_fire_event()
        if (real.carrier) Dev.carrierOn(dev);
        else Dev.carrierOff(dev);
        if (real.carrier && dev.operstate == OperState.UNKNOWN && dev.linkMode != 1) dev.operstate = OperState.UP;
        return dev;
    }

    /** vlan_dev_change_flags(). */
    public static void changeFlags(NetDevice dev, int flags, int mask) {
        Priv p = priv(dev);
        if ((mask & ~ALL_FLAGS) != 0) throw new KernelException(Errno.EINVAL);
        p.flags = (p.flags & ~mask) | (flags & mask);
    }

    /** vlan_dev_set_ingress_priority(): map[PCP & 7] = skb priority. */
    public static void setIngressPriority(NetDevice dev, int skbPrio, int vlanPrio) {
        priv(dev).ingress[vlanPrio & 7] = skbPrio;
    }

    /** vlan_dev_set_egress_priority(): skb priority -> PCP (0 removes the mapping from what is shown). */
    public static void setEgressPriority(NetDevice dev, long skbPrio, int vlanPrio) {
        priv(dev).egress.put(skbPrio, vlanPrio & 7);
    }

    /** vlan_dev_get_egress_qos_mask(): the PCP bits for a packet of {@code skbPrio}. */
    static int egressQosMask(Priv p, long skbPrio) {
        if (p.egress.isEmpty()) return 0;
        Integer pcp = p.egress.get(skbPrio);
        return pcp == null ? 0 : pcp << 13;
    }

    /** vlan_device_event(): what the real device does reaches its vlans. */
    public static void deviceEvent(NetdevEvent ev, NetDevice real) {
        if (real.vlanInfo == null) return;
        switch (ev) {
            case CHANGE -> {
                for (NetDevice v : VlanCore.devices(real)) transferOperstate(real, v);
            }
            case CHANGEADDR -> {
                for (NetDevice v : VlanCore.devices(real)) if (v.isUp()) syncAddress(real, v);
            }
            case CHANGEMTU -> {
                for (NetDevice v : VlanCore.devices(real)) if (v.mtu > real.mtu) Dev.setMtu(v, real.mtu);
            }
            case DOWN -> {
                for (NetDevice v : VlanCore.devices(real)) {
                    if (!v.isUp() || (priv(v).flags & FLAG_LOOSE_BINDING) != 0) continue;
                    Dev.close(v);
                    transferOperstate(real, v);
                }
            }
            case UP -> {
                for (NetDevice v : VlanCore.devices(real)) {
                    if (!v.isUp() && (priv(v).flags & FLAG_LOOSE_BINDING) == 0) {
                        try {
                            RtnlLink.changeFlags(v, If.IFF_UP, If.IFF_UP);
                        } catch (KernelException e) {
                            // dev_change_flags() failing leaves the vlan down
                        }
                    }
                    transferOperstate(real, v);
                }
            }
            case UNREGISTER -> {
                if (!real.unregistering) return;
                for (NetDevice v : VlanCore.devices(real)) Dev.unregister(v);
            }
            default -> { }
        }
    }

    /** vlan_stacked_transfer_operstate() without bridge binding: the real device's carrier. */
    static void transferOperstate(NetDevice real, NetDevice v) {
        if (!v.isUp()) return; // vlan_dev_stop() turned the carrier off; open turns it on again
        if (real.carrier) Dev.carrierOn(v);
        else Dev.carrierOff(v);
    }

    /** vlan_sync_address(): a vlan that took the real device's MAC (NET_ADDR_STOLEN) keeps following it. */
    static void syncAddress(NetDevice real, NetDevice v) {
        Priv p = priv(v);
        if (p.realDevAddr == real.mac) return;
        if (v.addrAssignType == 2) v.mac = real.mac;
        p.realDevAddr = real.mac;
    }

    @Override public String kind() { return "vlan"; }

    @Override public int iflink(NetDevice dev) {
        Priv p = priv(dev);
        return p == null ? dev.ifindex : p.real.ifindex;
    }

    @Override public NetDevice link(NetDevice dev) {
        Priv p = priv(dev);
        return p == null ? null : p.real;
    }

    /** vlan_dev_open(): the real device must be up (unless loose_binding); the carrier is the real device's. */
    @Override
    public void open(NetDevice dev) {
        Priv p = priv(dev);
        if (p == null) return;
        if (!p.real.isUp() && (p.flags & FLAG_LOOSE_BINDING) == 0) {
            dev.flags &= ~If.IFF_UP;
            throw new KernelException(Errno.ENETDOWN);
        }
        if (dev.addrAssignType == 2) dev.mac = p.real.mac; // vlan_dev_inherit_address()
        p.realDevAddr = p.real.mac;
        if (p.real.carrier) Dev.carrierOn(dev);
    }

    /** vlan_dev_stop(): carrier off. */
    @Override
    public void stop(NetDevice dev) {
        if (priv(dev) != null) Dev.carrierOff(dev);
    }

    /** unregister_vlan_dev(): the VID is free again. */
    @Override
    public void uninit(NetDevice dev) {
        Priv p = priv(dev);
        if (p != null) VlanCore.remove(p.real, p.proto, p.id, dev);
    }

    /** vlan_dev_change_mtu(): never above the real device's (ERANGE). */
    @Override
    public void changeMtu(NetDevice dev, int mtu) {
        Priv p = priv(dev);
        if (p != null && mtu > p.real.mtu) throw new KernelException(Errno.ERANGE);
    }

    /**
     * vlan_dev_hard_start_xmit(): the tag of this VID (PCP from the egress map for priority 0)
     * unless the frame already carries one of this protocol without reorder_hdr; tx counters
     * count the frame as handed over, without the tag (the kernel's tag is out of band here).
     */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        Priv p = priv(dev);
        if (p == null || !dev.carrier) {
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "vlan_dev_hard_start_xmit", DropReason.DEV_READY, "no carrier");
            return;
        }
        int len = skb.len;
        if ((p.flags & FLAG_REORDER_HDR) != 0 || Bytes.u16(skb.buf, skb.data + 12) != p.proto) {
            VlanCore.insertTag(skb, p.proto, p.id | egressQosMask(p, 0));
        }
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "vlan_dev_hard_start_xmit", "vid " + p.id + " out through " + p.real.name);
        if (!p.real.isUp()) {
            dev.stats.txDropped++;
            Dev.drop(skb, p.real, "__dev_queue_xmit", DropReason.DEV_READY, "real device is down");
            return;
        }
        dev.stats.txPackets++;
        dev.stats.txBytes += len;
        if (p.real.ns != dev.ns) skb.resetCt();
        skb.dev = p.real;
        Dev.queueXmit(skb);
    }
}
