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
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * drivers/net/macvlan.c: virtual devices stacked on one Ethernet lower device, each with its own
 * MAC. The lower device's rx handler ({@link MacvlanPort#handle}, macvlan_handle_frame) hands a
 * frame to the macvlan owning its destination MAC; what a macvlan transmits
 * ({@link #xmit}, macvlan_queue_xmit) reaches a sibling directly only in bridge mode, otherwise it
 * leaves through the lower device. The lower device's own stack never talks to its macvlans: its
 * transmitted frames do not pass its rx handler, and a macvlan's frame to the lower's MAC is not
 * found in the port's table, so it goes out the wire.
 */
public final class Macvlan extends NetDeviceOps {
    public static final Macvlan OPS = new Macvlan();

    /** enum macvlan_mode (include/uapi/linux/if_link.h). */
    public static final int MODE_PRIVATE = 1, MODE_VEPA = 2, MODE_BRIDGE = 4, MODE_PASSTHRU = 8, MODE_SOURCE = 16;

    /** IFLA_MACVLAN_FLAGS bits (MACVLAN_FLAG_NOPROMISC, MACVLAN_FLAG_NODST). */
    public static final int FLAG_NOPROMISC = 1, FLAG_NODST = 2;

    /** Default IFLA_MACVLAN_BC_QUEUE_LEN (MACVLAN_DEFAULT_BC_QUEUE_LEN). */
    public static final int BC_QUEUE_LEN = 1000;

    /** struct macvlan_dev: the per-device private data. */
    public static final class Vlan {
        public final NetDevice dev;
        public final NetDevice lower;
        public final MacvlanPort port;
        public int mode;
        /** vlan->flags: FLAG_NOPROMISC (a passthru macvlan leaves the lower's promiscuity alone), FLAG_NODST. */
        public int flags;

        Vlan(NetDevice dev, NetDevice lower, MacvlanPort port, int mode) {
            this.dev = dev;
            this.lower = lower;
            this.port = port;
            this.mode = mode;
        }
    }

    public static Vlan vlan(NetDevice dev) { return dev != null && dev.priv instanceof Vlan v ? v : null; }

    /** The name of a mode as iproute2 prints it. */
    public static String modeName(int mode) {
        return switch (mode) {
            case MODE_PRIVATE -> "private";
            case MODE_VEPA -> "vepa";
            case MODE_BRIDGE -> "bridge";
            case MODE_PASSTHRU -> "passthru";
            case MODE_SOURCE -> "source";
            default -> "unknown";
        };
    }

    /**
     * macvlan_common_newlink(): {@code lower} (a macvlan's own lower when it is one) gets a port
     * (rx handler) on first use; a passthru macvlan must be alone on its port; the device inherits
     * the lower's MTU (a larger requested one is refused) and its carrier.
     */
    public static NetDevice newLink(NetNamespace ns, String name, NetDevice lower, int mode,
                                    Consumer<NetDevice> prepare, int ifindex, SplittableRandom random) {
        if (lower == null) throw new KernelException(Errno.EINVAL);
        Vlan lv = vlan(lower);
        if (lv != null) lower = lv.lower; // macvlan on a macvlan stacks on the real lower device
        if (lower.type != If.ARPHRD_ETHER) throw new KernelException(Errno.EINVAL);
        MacvlanPort port = MacvlanPort.of(lower);
        if (port == null && lower.rxHandler != null) throw new KernelException(Errno.EBUSY);
        if (port != null && (port.passthru || mode == MODE_PASSTHRU && !port.vlans.isEmpty()))
            throw new KernelException(Errno.EINVAL);
        NetDevice dev = new NetDevice(name == null ? "macvlan%d" : name, OPS);
        dev.mtu = lower.mtu;
        dev.maxMtu = lower.maxMtu;
        if (prepare != null) prepare.accept(dev);
        if (dev.mtu > lower.mtu) throw new KernelException(Errno.EINVAL);
        if (mode == MODE_PASSTHRU) {
            // eth_hw_addr_inherit(): a passthru macvlan has the lower's MAC, whatever address was asked for
            dev.mac = lower.mac;
            dev.addrAssignType = lower.addrAssignType;
        } else if (dev.mac == 0) {
            if (random != null) {
                dev.mac = EtherDevice.randomAddr(random);
                dev.addrAssignType = 1;
            }
        }
        boolean created = port == null;
        if (created) port = MacvlanPort.create(lower);
        Vlan v = new Vlan(dev, lower, port, mode);
        dev.priv = v;
        try {
            Dev.register(ns, dev, ifindex);
        } catch (RuntimeException e) {
            if (created) port.destroy();
            throw e;
        }
        port.vlans.add(v);
        if (mode == MODE_PASSTHRU) port.passthru = true;
        transferCarrier(lower, dev);
        // On a lower with carrier, the new device is operationally UP at once (golden 609: `state UP`
        // right after `ip link set mv1 up`, never UNKNOWN as a device without carrier events would be).
        if (lower.carrier && dev.operstate == OperState.UNKNOWN && dev.linkMode != 1) dev.operstate = OperState.UP;
        return dev;
    }

    /** netif_stacked_transfer_operstate(): the macvlan's carrier is the lower device's. */
    static void transferCarrier(NetDevice lower, NetDevice dev) {
        if (lower.carrier) Dev.carrierOn(dev);
        else Dev.carrierOff(dev);
    }

    /** macvlan_device_event(): the lower's carrier, MTU and unregistration reach its macvlans. */
    public static void deviceEvent(NetdevEvent ev, NetDevice lower) {
        MacvlanPort port = MacvlanPort.of(lower);
        if (port == null) return;
        switch (ev) {
            case UP, DOWN, CHANGE -> {
                for (Vlan v : port.vlans.toArray(new Vlan[0])) transferCarrier(lower, v.dev);
                if (ev == NetdevEvent.UP) syncRxMode(port);
            }
            case CHANGEADDR -> {
                // a passthru macvlan follows its lower's MAC (macvlan_sync_address)
                if (port.passthru && !port.vlans.isEmpty()) port.vlans.get(0).dev.mac = lower.mac;
            }
            case CHANGEMTU -> {
                for (Vlan v : port.vlans.toArray(new Vlan[0]))
                    if (v.dev.mtu > lower.mtu) Dev.setMtu(v.dev, lower.mtu);
                for (Vlan v : port.vlans) v.dev.maxMtu = lower.maxMtu;
            }
            case UNREGISTER -> {
                // a lower moving to another namespace keeps its macvlans (reg_state is not UNREGISTERING)
                if (!lower.unregistering) return;
                for (Vlan v : port.vlans.toArray(new Vlan[0])) Dev.unregister(v.dev);
            }
            default -> { }
        }
    }

    @Override public String kind() { return "macvlan"; }

    @Override public int iflink(NetDevice dev) {
        Vlan v = vlan(dev);
        return v == null ? dev.ifindex : v.lower.ifindex;
    }

    @Override public NetDevice link(NetDevice dev) {
        Vlan v = vlan(dev);
        return v == null ? null : v.lower;
    }

    /**
     * macvlan_open(): the MAC must not be the lower's or an up sibling's (EADDRINUSE); a passthru
     * macvlan puts the lower in promiscuous mode (unless {@code flag nopromisc}), any other adds
     * its MAC to the lower's unicast list (dev_uc_add).
     */
    @Override
    public void open(NetDevice dev) {
        Vlan v = vlan(dev);
        if (v == null) return;
        if (v.port.passthru) {
            if ((v.flags & FLAG_NOPROMISC) == 0) v.lower.promiscuity++;
            return;
        }
        if (v.port.addrBusy(dev.mac, v)) {
            dev.flags &= ~If.IFF_UP;
            throw new KernelException(Errno.EADDRINUSE);
        }
        v.port.ucCount++;
        syncRxMode(v.port);
    }

    /** macvlan_stop(): undoes what open did to the lower. */
    @Override
    public void stop(NetDevice dev) {
        Vlan v = vlan(dev);
        if (v == null) return;
        if (v.port.passthru) {
            if ((v.flags & FLAG_NOPROMISC) == 0) v.lower.promiscuity--;
            return;
        }
        v.port.ucCount--;
        syncRxMode(v.port);
    }

    /**
     * __dev_set_rx_mode() of the lower (a veth, bridge or NIC without IFF_UNICAST_FLT): while its
     * unicast list holds macvlan addresses it is promiscuous (one count, "promiscuity 1" in
     * {@code ip -d link}); evaluated only while the lower is up, so a lower that went down keeps
     * the count until it comes up again.
     */
    static void syncRxMode(MacvlanPort port) {
        if (!port.lower.isUp()) return;
        boolean want = port.ucCount > 0;
        if (want == port.ucPromisc) return;
        port.ucPromisc = want;
        port.lower.promiscuity += want ? 1 : -1;
    }

    /**
     * macvlan_set_mac_address(): the lower's address or an up sibling's is refused, up or not; a
     * passthru macvlan sets its lower's MAC instead (and follows it, see {@link #deviceEvent}).
     */
    @Override
    public void checkMac(NetDevice dev, long mac) {
        Vlan v = vlan(dev);
        if (v == null) return;
        if (v.mode == MODE_PASSTHRU) {
            try {
                Dev.setMac(v.lower, mac);
            } catch (KernelException e) {
                // the kernel ignores the lower's answer (dev_set_mac_address's result is dropped)
            }
            return;
        }
        if (v.port.addrBusy(mac, v)) throw new KernelException(Errno.EADDRINUSE);
    }

    /** macvlan_changelink()'s IFLA_MACVLAN_FLAGS: toggling nopromisc on a passthru port moves the lower's count. */
    public static void setFlags(Vlan v, int flags) {
        if (v.port.passthru && ((flags ^ v.flags) & FLAG_NOPROMISC) != 0) v.lower.promiscuity += (flags & FLAG_NOPROMISC) != 0 ? -1 : 1;
        v.flags = flags;
    }

    /** macvlan_uninit(): the device leaves its port; the last one takes the rx handler away. */
    @Override
    public void uninit(NetDevice dev) {
        Vlan v = vlan(dev);
        if (v == null) return;
        v.port.vlans.remove(v);
        if (v.mode == MODE_PASSTHRU) v.port.passthru = false;
        if (v.port.vlans.isEmpty()) v.port.destroy();
    }

    /** macvlan_change_mtu(): never above the lower device's MTU. */
    @Override
    public void changeMtu(NetDevice dev, int mtu) {
        Vlan v = vlan(dev);
        if (v != null && mtu > v.lower.mtu) throw new KernelException(Errno.EINVAL);
    }

    /**
     * macvlan_start_xmit() / macvlan_queue_xmit(): bridge mode delivers to a bridge-mode sibling
     * owning the destination (and floods multicast to bridge-mode siblings), everything else
     * leaves through the lower device.
     */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        Vlan v = vlan(dev);
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (v == null || !dev.carrier) {
            // a device without carrier has its qdisc deactivated (noop): the frame is dropped
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "macvlan_start_xmit", DropReason.DEV_READY, "no carrier");
            return;
        }
        int len = skb.len;
        dev.stats.txPackets++;
        dev.stats.txBytes += len;
        if (v.mode == MODE_BRIDGE) {
            long dst = Ether.dst(skb.buf, skb.data);
            if (Mac.isMulticast(dst)) {
                v.port.broadcast(skb, dev, MODE_BRIDGE, Ether.HLEN);
            } else {
                Vlan dest = v.port.lookup(dst);
                if (dest != null && dest.mode == MODE_BRIDGE) {
                    if (tp.on) tp.step(skb, dev, "macvlan_queue_xmit", "bridge mode: to " + dest.dev.name);
                    // dev_forward_skb(lowerdev) "for its network taps": the lower receives the frame
                    // (a capture on it sees it), and its rx_handler hands it to the sibling
                    skb.iif = 0;
                    if (v.lower.ns != dev.ns) {
                        skb.resetCt();
                        skb.mark = 0;
                    }
                    Dev.ethTypeTrans(skb, v.lower);
                    Dev.netifRx(skb);
                    return;
                }
            }
        }
        if (tp.on) tp.step(skb, dev, "macvlan_queue_xmit", "out through lower " + v.lower.name);
        skb.dev = v.lower;
        if (v.lower.ns != dev.ns) {
            skb.resetCt();
            skb.mark = 0;
        }
        Dev.queueXmit(skb);
    }
}
