package dev.nsnet.kernel.core;

import dev.nsnet.kernel.drivers.Loopback;
import dev.nsnet.kernel.drivers.VlanCore;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * net/core/dev.c: device registration and state changes, and the generic receive and transmit
 * paths ({@code netif_rx}, {@code __netif_receive_skb}, {@code dev_queue_xmit}).
 */
public final class Dev {
    private Dev() { }

    public static final int IFNAMSIZ = 16;

    // ---------------------------------------------------------------- registration

    /** dev_valid_name(). */
    public static boolean validName(String name) {
        if (name.isEmpty() || name.length() >= IFNAMSIZ) return false;
        if (name.equals(".") || name.equals("..")) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) return false;
        }
        return true;
    }

    /** dev_alloc_name(): expands one "%d" in {@code pattern} to the lowest free number in {@code ns}. */
    public static String allocName(NetNamespace ns, String pattern) {
        int p = pattern.indexOf("%d");
        if (p < 0 || pattern.indexOf('%', p + 1) >= 0) throw new KernelException(Errno.EINVAL);
        for (int i = 0; i < 32768; i++) {
            String n = pattern.substring(0, p) + i + pattern.substring(p + 2);
            if (ns.dev(n) == null) return n;
        }
        throw new KernelException(Errno.ENFILE);
    }

    /** register_netdevice() into {@code ns}; {@code wantedIfindex} 0 picks the next free index. */
    public static void register(NetNamespace ns, NetDevice dev, int wantedIfindex) {
        if (dev.name.contains("%")) dev.name = allocName(ns, dev.name);
        if (!validName(dev.name)) throw new KernelException(Errno.EINVAL);
        if (RtnlLink.nameInUse(ns, dev.name)) throw new KernelException(Errno.EEXIST); // names and altnames
        dev.ifindex = ns.allocIfindex(wantedIfindex);
        ns.link(dev);
        // linkwatch_init_dev(): a device registered without carrier gets its operstate now.
        if (!dev.carrier || dev.dormant) dev.operstate = defaultOperstate(dev);
        ns.host.notify(NetdevEvent.REGISTER, dev);
    }

    static void registerLoopback(NetNamespace ns) {
        NetDevice lo = Loopback.create();
        register(ns, lo, 1);
        ns.loopback = lo;
    }

    /** unregister_netdevice(): closes, detaches and removes the device (and what its driver takes along). */
    public static void unregister(NetDevice dev) {
        if (dev.ns == null) return;
        NetNamespace ns = dev.ns;
        if (ns.dev(dev.ifindex) != dev) return;
        if (dev.isUp()) close(dev);
        dev.unregistering = true;
        ns.host.notify(NetdevEvent.UNREGISTER, dev);
        ns.unlink(dev);
        dev.ops.uninit(dev);
    }

    // ---------------------------------------------------------------- state

    /** dev_open(). */
    public static void open(NetDevice dev) {
        if (dev.isUp()) return;
        dev.host().notify(NetdevEvent.PRE_UP, dev);
        dev.flags |= If.IFF_UP;
        dev.ops.open(dev);
        if ("noop".equals(dev.qdisc)) dev.qdisc = dev.ops.defaultQdisc();
        dev.host().notify(NetdevEvent.UP, dev);
    }

    /** dev_close(). */
    public static void close(NetDevice dev) {
        if (!dev.isUp()) return;
        dev.host().notify(NetdevEvent.GOING_DOWN, dev);
        dev.flags &= ~If.IFF_UP;
        dev.ops.stop(dev);
        dev.host().notify(NetdevEvent.DOWN, dev);
    }

    /** netif_carrier_on(): carrier up, operstate recomputed (linkwatch) and NETDEV_CHANGE sent. */
    public static void carrierOn(NetDevice dev) {
        if (dev.carrier) return;
        dev.carrier = true;
        dev.carrierChanges++;
        linkwatch(dev);
    }

    /** netif_carrier_off(). */
    public static void carrierOff(NetDevice dev) {
        if (!dev.carrier) return;
        dev.carrier = false;
        dev.carrierChanges++;
        linkwatch(dev);
    }

    /**
     * netif_carrier_off() on several devices in one rtnl operation (veth_close, veth_newlink): the
     * linkwatch events are queued and run afterwards, so each device's operstate is computed with
     * every carrier already off (in queue order).
     */
    public static void carrierOff(NetDevice... devs) {
        java.util.List<NetDevice> changed = new java.util.ArrayList<>(devs.length);
        for (NetDevice dev : devs) {
            if (dev == null || !dev.carrier) continue;
            dev.carrier = false;
            dev.carrierChanges++;
            changed.add(dev);
        }
        for (NetDevice dev : changed) linkwatch(dev);
    }

    /** linkwatch_do_dev() + rfc2863_policy(): recompute operstate and tell the stack. */
    static void linkwatch(NetDevice dev) {
        if (dev.ns == null) return;
        OperState before = dev.operstate;
        // rfc2863_policy() (also on a device that is not running: it records the carrier state).
        OperState st = defaultOperstate(dev);
        // link mode DORMANT (ip link set X mode dormant): a device that becomes operational is
        // DORMANT until user space says otherwise (ip link set X state up)
        if (st != before && st == OperState.UP && dev.linkMode == 1) st = OperState.DORMANT;
        dev.operstate = st;
        if (before != dev.operstate || true) dev.host().notify(NetdevEvent.CHANGE, dev);
    }

    /** default_operstate(). */
    static OperState defaultOperstate(NetDevice dev) {
        if (!dev.carrier) {
            // Since 6.12 the lower device is looked up by iflink in the device's own namespace:
            // LOWERLAYERDOWN only when a device with that index there has no carrier either
            // (a veth whose peer moved to another namespace reports DOWN, or LOWERLAYERDOWN when
            // an unrelated local device with the peer's index is without carrier).
            int iflink = dev.iflink();
            if (iflink == dev.ifindex || dev.ns == null) return OperState.DOWN;
            NetDevice lower = dev.ns.dev(iflink);
            if (lower == null) return OperState.DOWN;
            return lower.carrier ? OperState.DOWN : OperState.LOWERLAYERDOWN;
        }
        if (dev.dormant) return OperState.DORMANT;
        return OperState.UP;
    }

    /** dev_set_mtu(). */
    public static void setMtu(NetDevice dev, int mtu) {
        if (mtu < 0) throw new KernelException(Errno.EINVAL);
        if (mtu < dev.minMtu) throw new KernelException(Errno.EINVAL,
                "mtu less than device minimum");
        if (dev.maxMtu > 0 && mtu > dev.maxMtu) throw new KernelException(Errno.EINVAL,
                "mtu greater than device maximum");
        if (dev.mtu == mtu) return;
        dev.ops.changeMtu(dev, mtu);
        dev.mtu = mtu;
        dev.host().notify(NetdevEvent.CHANGEMTU, dev);
    }

    /** dev_set_mac_address(). */
    public static void setMac(NetDevice dev, long mac) {
        if (Mac.isMulticast(mac) || mac == 0) throw new KernelException(Errno.EADDRNOTAVAIL);
        dev.ops.checkMac(dev, mac);
        dev.mac = mac;
        dev.addrAssignType = 3; // NET_ADDR_SET
        dev.ops.macChanged(dev);
        dev.host().notify(NetdevEvent.CHANGEADDR, dev);
    }

    /** dev_change_name(). */
    public static void changeName(NetDevice dev, String name) {
        if (dev.name.equals(name)) return;
        if (!validName(name)) throw new KernelException(Errno.EINVAL);
        if (dev.isUp() && false) throw new KernelException(Errno.EBUSY);
        if (RtnlLink.nameInUse(dev.ns, name)) throw new KernelException(Errno.EEXIST); // names and altnames
        dev.ns.rename(dev, name);
        dev.host().notify(NetdevEvent.CHANGENAME, dev);
    }

    /**
     * dev_change_net_namespace(): closes the device, moves it keeping its ifindex when that is free
     * in the target namespace, optionally renaming it.
     */
    public static void changeNetNamespace(NetDevice dev, NetNamespace target, String newName) {
        changeNetNamespace(dev, target, newName, 0);
    }

    /**
     * __dev_change_net_namespace() with IFLA_NEW_IFINDEX: {@code newIfindex} (0: keep the index
     * when free, else the next one) must be free in the target (EEXIST otherwise).
     */
    public static void changeNetNamespace(NetDevice dev, NetNamespace target, String newName, int newIfindex) {
        if (dev.ns == target) return;
        if (dev.ops.netnsLocal()) throw new KernelException(Errno.EINVAL, "The interface netns is immutable");
        // __dev_change_net_namespace(): the current name (names and altnames count), else the
        // fallback pattern, must be free over there; then the device's own altnames; then the index.
        String name = dev.name;
        if (RtnlLink.nameInUse(target, dev.name) || newName != null) {
            if (newName == null) {
                throw new KernelException(Errno.EEXIST, "An interface with the same name exists in the target netns");
            }
            if (RtnlLink.nameInUse(target, newName)) {
                throw new KernelException(Errno.EEXIST, "Unable to use '" + newName + "' for the new interface name in the target netns");
            }
            name = newName;
        }
        for (String alt : dev.altnames) {
            if (RtnlLink.nameInUse(target, alt)) {
                throw new KernelException(Errno.EEXIST, "An interface with the altname " + alt + " exists in the target netns");
            }
        }
        if (newIfindex > 0 && target.dev(newIfindex) != null) {
            throw new KernelException(Errno.EEXIST, "The ifindex " + newIfindex + " is not available in the target netns");
        }
        NetDevice peer = dev.link();
        boolean peerHadCarrier = peer != null && peer.carrier;
        if (dev.isUp()) close(dev);
        NetNamespace from = dev.ns;
        from.host.notify(NetdevEvent.UNREGISTER, dev);
        from.unlink(dev);
        dev.name = name;
        int idx = newIfindex > 0 ? newIfindex : target.dev(dev.ifindex) == null ? dev.ifindex : 0;
        dev.ifindex = target.allocIfindex(idx);
        // dev_shutdown() freed the qdisc: the device shows "noop" until it is opened again.
        dev.qdisc = "noop";
        target.link(dev);
        target.host.notify(NetdevEvent.REGISTER, dev);
        // linkwatch runs after the rtnl operation: the carrier-off events of the close above are
        // evaluated with the device already gone from its old namespace (a veth peer left behind
        // then finds no lower device at its iflink and reports DOWN, not LOWERLAYERDOWN).
        // Only a carrier that the close turned off queued such an event.
        NetDevice lower = dev.link();
        if (lower != null && lower.ns != null && peerHadCarrier && !lower.carrier) linkwatch(lower);
    }

    // ---------------------------------------------------------------- data path

    /**
     * eth_type_trans(): classifies the frame for {@code dev} (pkt_type by destination MAC),
     * records the MAC header and pulls it; returns the ethertype.
     */
    public static int ethTypeTrans(SkBuff skb, NetDevice dev) {
        skb.dev = dev;
        skb.macHeader = skb.data;
        byte[] b = skb.buf;
        long dst = Ether.dst(b, skb.data);
        if (Mac.isMulticast(dst)) {
            skb.pktType = dst == dev.broadcast ? SkBuff.PACKET_BROADCAST : SkBuff.PACKET_MULTICAST;
        } else if (dst != dev.mac) {
            skb.pktType = SkBuff.PACKET_OTHERHOST;
        } else {
            skb.pktType = SkBuff.PACKET_HOST;
        }
        skb.protocol = Ether.type(b, skb.data);
        skb.pull(Ether.HLEN);
        return skb.protocol;
    }

    /** netif_rx(): queues a received frame (already through eth_type_trans) for the softirq. */
    public static void netifRx(SkBuff skb) {
        skb.dev.ns.host.emulation.backlog.enqueue(skb);
    }

    /** __netif_receive_skb_core(): rx handlers (bridge ports...), then the protocol handler. */
    static void netifReceiveSkb(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (skb.iif == 0) skb.iif = dev.ifindex;
        while (true) {
            if (tp.on) tp.step(skb, dev, "__netif_receive_skb", null);
            Capture[] taps = dev.ns.taps;
            if (taps != null && skb.macHeader >= 0) {
                Capture.deliver(taps, dev, skb.buf, skb.macHeader, skb.data + skb.len - skb.macHeader, skb.pktType);
            }
            // a tagged frame goes to its vlan device before any rx handler (vlan_do_receive)
            if (VlanCore.isVlanProto(skb.protocol)) {
                int v = VlanCore.doReceive(skb);
                if (v == VlanCore.CONSUMED) return;
                if (v == VlanCore.ANOTHER) {
                    dev = skb.dev;
                    continue;
                }
            }
            RxHandler h = dev.rxHandler;
            if (h != null) {
                RxHandlerResult r = h.handle(skb);
                if (r == RxHandlerResult.CONSUMED) return;
                if (r == RxHandlerResult.ANOTHER) {
                    dev = skb.dev;
                    continue;
                }
            }
            // check_vlan_id: still tagged, nobody took it
            if (VlanCore.isVlanProto(skb.protocol)) {
                int v = VlanCore.checkVlanId(skb);
                if (v == VlanCore.CONSUMED) return;
                if (v == VlanCore.ANOTHER) {
                    dev = skb.dev;
                    continue;
                }
            }
            break;
        }
        PacketHandler ph = KernelInit.PTYPES[skb.protocol & 0xffff];
        if (ph == null) {
            dev.stats.rxNohandler++;
            // the detail text only when tracing: no allocation per dropped frame otherwise
            drop(skb, dev, "__netif_receive_skb_core", DropReason.UNHANDLED_PROTO,
                    tp.on ? String.format("no handler for ethertype 0x%04x", skb.protocol) : null);
            return;
        }
        ph.receive(skb, dev);
    }

    /** dev_queue_xmit(): {@code skb.data} at the Ethernet header, {@code skb.dev} the egress device. */
    public static void queueXmit(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (!dev.isUp()) {
            dev.stats.txDropped++;
            drop(skb, dev, "__dev_queue_xmit", DropReason.DEV_READY, "device is down");
            return;
        }
        if (tp.on) tp.step(skb, dev, "dev_queue_xmit", null);
        Capture[] taps = dev.ns.taps;
        if (taps != null) Capture.deliver(taps, dev, skb.buf, skb.data, skb.len, SkBuff.PACKET_OUTGOING);
        dev.ops.xmit(dev, skb);
    }

    /** kfree_skb_reason(): frees the packet and tells observers why. */
    public static void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
        Tracepoints tp = (dev != null ? dev.ns.host.emulation.trace : null);
        if (tp != null && tp.on) tp.drop(skb, dev, func, reason, detail);
        skb.free();
    }

    /** consume_skb(): the packet reached its end normally. */
    public static void consume(SkBuff skb) { skb.free(); }
}
