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
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.Devinet;
import dev.nsnet.kernel.ipv4.IfAddr;
import dev.nsnet.kernel.ipv4.IpOutput;
import dev.nsnet.kernel.ipv4.RouteOutput;
import dev.nsnet.kernel.ipv4.RouteType;
import dev.nsnet.kernel.ipv4.Rtable;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.function.Consumer;

/**
 * drivers/net/ipvlan/ipvlan_main.c and ipvlan_core.c: slaves of one lower device that all share
 * the lower's MAC and are told apart by their IP addresses. The port ({@link IpvlanPort}) holds
 * the mode for all slaves: l2 (slaves resolve ARP themselves; broadcasts reach every slave), l3
 * and l3s (slaves are NOARP; what they send is routed again in the lower's namespace as a locally
 * generated packet, ipvlan_process_outbound). Modelled from the kernel source (this machine's
 * kernel has no ipvlan, so nothing here was recorded); see docs/underlay.md.
 */
public final class Ipvlan extends NetDeviceOps {
    public static final Ipvlan OPS = new Ipvlan();

    /** enum ipvlan_mode (include/uapi/linux/if_link.h). */
    public static final int MODE_L2 = 0, MODE_L3 = 1, MODE_L3S = 2;
    /** IPVLAN_F_PRIVATE, IPVLAN_F_VEPA. */
    public static final int F_PRIVATE = 0x01, F_VEPA = 0x02;

    /** A do-nothing rx handler on each slave: IFF_NO_RX_HANDLER (no bridge, macvlan... on top). */
    private static final dev.nsnet.kernel.core.RxHandler NO_RX_HANDLER = skb -> RxHandlerResult.PASS;

    /** struct ipvl_dev. */
    public static final class Slave {
        public final NetDevice dev;
        public final NetDevice lower;
        public final IpvlanPort port;
        /** ipvlan->addrs (IPv4 only). */
        int[] addrs = new int[2];
        int addrCount;

        Slave(NetDevice dev, NetDevice lower, IpvlanPort port) {
            this.dev = dev;
            this.lower = lower;
            this.port = port;
        }

        boolean hasAddr(int ip) {
            for (int i = 0; i < addrCount; i++) if (addrs[i] == ip) return true;
            return false;
        }

        /** The slave's mac_filters: broadcast always, other multicast only with allmulti/promisc. */
        boolean acceptsMulticast(long dst) {
            if (!dev.isUp()) return false;
            return dst == dev.broadcast || IpvlanPort.allMulti(dev);
        }
    }

    public static Slave slave(NetDevice dev) { return dev != null && dev.priv instanceof Slave s ? s : null; }

    public static String modeName(int mode) {
        return switch (mode) {
            case MODE_L2 -> "l2";
            case MODE_L3 -> "l3";
            case MODE_L3S -> "l3s";
            default -> "unknown";
        };
    }

    private static boolean initDone;

    /** ipvlan_init_module(): the netdevice, inetaddr and inetaddr validator notifiers. */
    public static synchronized void init() {
        if (initDone) return;
        initDone = true;
        dev.nsnet.kernel.core.KernelInit.registerNotifier(Ipvlan::deviceEvent);
        Devinet.registerInetaddrNotifier(Ipvlan::addr4Event);
        Devinet.registerInetaddrValidator(Ipvlan::addr4Validator);
    }

    /**
     * ipvlan_link_new(): the lower must be an Ethernet device that is not loopback and whose rx
     * handler is free (an ipvlan given as lower stands for its own lower); the slave takes the
     * lower's MAC and (unless given) MTU; the port's flags and mode are set by every new slave
     * (mode l3 when none is given).
     *
     * @param mode IFLA_IPVLAN_MODE or null; {@code flags} IFLA_IPVLAN_FLAGS or null
     */
    public static NetDevice newLink(NetNamespace ns, String name, NetDevice lower, Integer mode, Integer flags,
                                    Consumer<NetDevice> prepare, int ifindex) {
        if (lower == null) throw new KernelException(Errno.EINVAL);
        Slave ls = slave(lower);
        if (ls != null) {
            lower = ls.lower;
        } else if (IpvlanPort.of(lower) == null) {
            if (lower.type != If.ARPHRD_ETHER || (lower.flags & If.IFF_LOOPBACK) != 0) throw new KernelException(Errno.EINVAL);
            if (lower.rxHandler != null) throw new KernelException(Errno.EBUSY);
        }
        NetDevice dev = new NetDevice(name == null ? "ipvlan%d" : name, OPS);
        dev.mtu = lower.mtu;
        dev.maxMtu = 65535;
        if (prepare != null) prepare.accept(dev);
        dev.mac = lower.mac; // eth_hw_addr_set(dev, phy_dev->dev_addr), whatever address was asked for
        IpvlanPort port = IpvlanPort.of(lower);
        boolean created = port == null;
        if (created) port = IpvlanPort.create(lower);
        Slave s = new Slave(dev, lower, port);
        dev.priv = s;
        dev.rxHandler = NO_RX_HANDLER;
        try {
            Dev.register(ns, dev, ifindex);
        } catch (RuntimeException e) {
            if (created) port.destroy();
            throw e;
        }
        if (flags != null) port.flags = flags;
        setPortMode(port, mode == null ? MODE_L3 : mode);
        port.slaves.add(s);
        transferCarrier(lower, dev);
        if (lower.carrier && dev.operstate == OperState.UNKNOWN && dev.linkMode != 1) dev.operstate = OperState.UP;
        return dev;
    }

    /** ipvlan_set_port_mode(): a mode change sets or clears NOARP on every slave (l3 and l3s are NOARP). */
    public static void setPortMode(IpvlanPort port, int mode) {
        if (port.mode == mode) return;
        for (Slave s : port.slaves) {
            if (mode == MODE_L3 || mode == MODE_L3S) s.dev.flags |= If.IFF_NOARP;
            else s.dev.flags &= ~If.IFF_NOARP;
        }
        port.mode = mode;
    }

    /** ipvlan_nl_changelink(): mode (for the whole port) and flags (always sent by iproute2). */
    public static void changeLink(NetDevice dev, Integer mode, Integer flags) {
        Slave s = slave(dev);
        if (s == null) return;
        if (mode != null) setPortMode(s.port, mode);
        if (flags != null) s.port.flags = flags;
    }

    static void transferCarrier(NetDevice lower, NetDevice dev) {
        if (lower.carrier) Dev.carrierOn(dev);
        else Dev.carrierOff(dev);
    }

    /** ipvlan_device_event(): carrier, MTU, MAC and unregistration of the lower reach its slaves. */
    public static void deviceEvent(NetdevEvent ev, NetDevice lower) {
        IpvlanPort port = IpvlanPort.of(lower);
        if (port == null) return;
        switch (ev) {
            case UP, CHANGE -> {
                for (Slave s : port.slaves.toArray(new Slave[0])) transferCarrier(lower, s.dev);
            }
            case CHANGEMTU -> {
                for (Slave s : port.slaves) s.dev.mtu = lower.mtu; // ipvlan_adjust_mtu(): up or down
            }
            case CHANGEADDR -> {
                for (Slave s : port.slaves) s.dev.mac = lower.mac;
            }
            case UNREGISTER -> {
                if (!lower.unregistering) return;
                for (Slave s : port.slaves.toArray(new Slave[0])) Dev.unregister(s.dev);
            }
            default -> { }
        }
    }

    /** ipvlan_addr4_validator_event(): an address any slave of the port holds is refused. */
    static void addr4Validator(IfAddr ifa) {
        Slave s = slave(ifa.inDev.dev);
        if (s == null) return;
        if (s.port.addrBusy(ifa.address)) {
            throw new KernelException(Errno.EADDRINUSE, "Address already assigned to an ipvlan device");
        }
    }

    /** ipvlan_addr4_event(): the slave's address list follows its IPv4 addresses (ifa_address). */
    static void addr4Event(Devinet.AddrEvent ev, IfAddr ifa) {
        Slave s = slave(ifa.inDev.dev);
        if (s == null) return;
        int ip = ifa.address;
        if (ev == Devinet.AddrEvent.UP) {
            if (s.hasAddr(ip)) return;
            if (s.addrCount == s.addrs.length) s.addrs = java.util.Arrays.copyOf(s.addrs, s.addrCount * 2);
            s.addrs[s.addrCount++] = ip;
        } else {
            for (int i = 0; i < s.addrCount; i++) {
                if (s.addrs[i] != ip) continue;
                System.arraycopy(s.addrs, i + 1, s.addrs, i, s.addrCount - i - 1);
                s.addrCount--;
                break;
            }
        }
        s.port.rehash();
    }

    /** rx statistics of a slave (ipvlan_count_rx). */
    static void countRx(NetDevice dev, int len, boolean mcast) {
        dev.stats.rxPackets++;
        dev.stats.rxBytes += len;
        if (mcast) dev.stats.multicast++;
    }

    @Override public String kind() { return "ipvlan"; }

    @Override public int iflink(NetDevice dev) {
        Slave s = slave(dev);
        return s == null ? dev.ifindex : s.lower.ifindex;
    }

    @Override public NetDevice link(NetDevice dev) {
        Slave s = slave(dev);
        return s == null ? null : s.lower;
    }

    /** ipvlan_open(): NOARP in l3/l3s, and the slave's addresses enter the port's hash. */
    @Override
    public void open(NetDevice dev) {
        Slave s = slave(dev);
        if (s == null) return;
        if (s.port.mode == MODE_L3 || s.port.mode == MODE_L3S) dev.flags |= If.IFF_NOARP;
        else dev.flags &= ~If.IFF_NOARP;
        s.port.rehash();
    }

    /** ipvlan_stop(): its addresses leave the hash. */
    @Override
    public void stop(NetDevice dev) {
        Slave s = slave(dev);
        if (s != null) s.port.rehash();
    }

    /** ipvlan_uninit() + ipvlan_link_delete(): the slave leaves its port; the last one takes the rx handler away. */
    @Override
    public void uninit(NetDevice dev) {
        Slave s = slave(dev);
        if (s == null) return;
        s.port.slaves.remove(s);
        s.addrCount = 0;
        s.port.rehash();
        if (s.port.slaves.isEmpty()) s.port.destroy();
    }

    /** No ndo_set_mac_address: dev_set_mac_address() answers EOPNOTSUPP. */
    @Override
    public void checkMac(NetDevice dev, long mac) {
        if (slave(dev) != null) throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * ipvlan_start_xmit() / ipvlan_queue_xmit(): by the port's mode. tx counters count what was
     * accepted (the frame length); a refused frame counts as tx_dropped.
     */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        Slave s = slave(dev);
        if (s == null || !dev.carrier) {
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "ipvlan_start_xmit", DropReason.DEV_READY, "no carrier");
            return;
        }
        int len = skb.len;
        boolean ok = s.port.mode == MODE_L2 ? xmitModeL2(s, skb) : xmitModeL3(s, skb);
        if (ok) {
            dev.stats.txPackets++;
            dev.stats.txBytes += len;
        } else {
            dev.stats.txDropped++;
        }
    }

    /**
     * ipvlan_xmit_mode_l2(): a frame to the shared MAC goes to the slave owning its destination
     * address, else up the lower's own stack (so l2 slaves reach the host); broadcasts go to the
     * other slaves and out; anything else out through the lower.
     */
    private static boolean xmitModeL2(Slave s, SkBuff skb) {
        NetDevice dev = s.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        byte[] b = skb.buf;
        long dst = Ether.dst(b, skb.data);
        IpvlanPort port = s.port;
        if (!port.isVepa() && dst == Ether.src(b, skb.data)) {
            Slave to = port.addrLookup(skb, Ether.type(b, skb.data), skb.data + Ether.HLEN, true);
            if (to != null) {
                if (port.isPrivate()) {
                    Dev.consume(skb);
                    return false;
                }
                return rcvFrameLocal(to, skb);
            }
            if (tp.on) tp.step(skb, dev, "ipvlan_xmit_mode_l2", "to the lower " + s.lower.name + "'s own stack");
            IpvlanPort.forward(skb, s.lower);
            return true;
        }
        if (Mac.isMulticast(dst)) {
            // ipvlan_multicast_enqueue(tx_pkt): to the other slaves, then out through the lower
            for (int i = 0, n = port.slaves.size(); i < n; i++) {
                Slave o = port.slaves.get(i);
                if (o == s || !o.acceptsMulticast(dst)) continue;
                // ipvlan_count_rx(skb->len + ETH_HLEN) of a frame that holds its header already
                countRx(o.dev, skb.len + Ether.HLEN, true);
                SkBuff c = skb.copy();
                c.dev = dev;
                IpvlanPort.forward(c, o.dev);
            }
        }
        if (tp.on) tp.step(skb, dev, "ipvlan_xmit_mode_l2", "out through lower " + s.lower.name);
        toLower(s, skb);
        Dev.queueXmit(skb);
        return true;
    }

    /**
     * ipvlan_xmit_mode_l3(): a packet for a sibling's address goes straight to it (not in vepa
     * mode; dropped in private mode); everything else loses its Ethernet header and is routed in
     * the lower's namespace (ipvlan_process_outbound).
     */
    private static boolean xmitModeL3(Slave s, SkBuff skb) {
        NetDevice dev = s.dev;
        byte[] b = skb.buf;
        int proto = Ether.type(b, skb.data);
        IpvlanPort port = s.port;
        if (!port.isVepa()) {
            Slave to = port.addrLookup(skb, proto, skb.data + Ether.HLEN, true);
            if (to != null) {
                if (port.isPrivate()) {
                    Dev.consume(skb);
                    return false;
                }
                return rcvFrameLocal(to, skb);
            }
        }
        toLower(s, skb);
        return processOutbound(s, skb);
    }

    /** ipvlan_rcv_frame(local = true): dev_forward_skb() to a sibling that is up. */
    private static boolean rcvFrameLocal(Slave to, SkBuff skb) {
        int len = skb.len + Ether.HLEN; // the header counted twice, as the kernel does on this path
        if (!to.dev.isUp()) {
            to.dev.stats.rxErrors++;
            to.dev.stats.rxDropped++;
            Dev.drop(skb, to.dev, "ipvlan_rcv_frame", DropReason.DEV_READY, "slave is down");
            return true;
        }
        Tracepoints tp = to.dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, to.dev, "ipvlan_rcv_frame", "to sibling " + to.dev.name);
        countRx(to.dev, len, false);
        IpvlanPort.forward(skb, to.dev);
        return true;
    }

    /** ipvlan_skb_crossing_ns(skb, phy_dev): scrubbed when the namespaces differ, now on the lower. */
    private static void toLower(Slave s, SkBuff skb) {
        if (s.lower.ns != s.dev.ns) {
            skb.resetCt();
            skb.mark = 0;
        }
        skb.dev = s.lower;
    }

    /**
     * ipvlan_process_outbound() + ipvlan_process_v4_outbound(): multicast frames are dropped; an
     * IPv4 packet gets an output route in the lower's namespace (oif the lower, any source
     * allowed), which must be unicast or local, and leaves by ip_local_out() there: the lower
     * namespace's OUTPUT and POSTROUTING chains and neighbour table handle it.
     */
    private static boolean processOutbound(Slave s, SkBuff skb) {
        NetDevice lower = s.lower;
        Tracepoints tp = lower.ns.host.emulation.trace;
        byte[] b = skb.buf;
        if (Mac.isMulticast(Ether.dst(b, skb.data))) {
            Dev.drop(skb, lower, "ipvlan_process_outbound", DropReason.NOT_SPECIFIED,
                    tp.on ? "l3 mode: no multicast or broadcast" : null);
            return false;
        }
        int proto = Ether.type(b, skb.data);
        if (proto != Ether.P_IP) {
            Dev.drop(skb, lower, "ipvlan_process_outbound", DropReason.NOT_SPECIFIED,
                    tp.on ? String.format("dropped outbound packet type=%x", proto) : null);
            return false;
        }
        skb.pull(Ether.HLEN);
        skb.macHeader = -1;
        int nh = skb.data;
        skb.networkHeader = nh;
        Rtable rt;
        try {
            // FLOWI_FLAG_ANYSRC: the slave's source address need not be local here
            rt = RouteOutput.resolve(lower.ns, Ipv4.dst(b, nh), 0, Ipv4.tos(b, nh), lower.ifindex, skb.mark);
        } catch (KernelException e) {
            rt = null;
        }
        if (rt == null || (rt.type() != RouteType.UNICAST && rt.type() != RouteType.LOCAL)) {
            lower.stats.txErrors++;
            Dev.drop(skb, lower, "ipvlan_process_v4_outbound", DropReason.IP_OUTNOROUTES,
                    tp.on ? "no unicast route in the lower's namespace" : null);
            return false;
        }
        if (tp.on) tp.step(skb, lower, "ipvlan_process_v4_outbound", "routed in the lower's namespace");
        IpOutput.localOut(skb, rt);
        return true;
    }
}
