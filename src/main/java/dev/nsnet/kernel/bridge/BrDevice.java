package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.SplittableRandom;

/**
 * net/bridge/br_device.c: the bridge as a network device — created with a random address that
 * the lowest port address replaces ({@code br_dev_setup}, {@code br_stp_recalculate_bridge_id}),
 * opened and stopped ({@code br_dev_open}/{@code br_dev_stop}), and transmitting what the host
 * sends through it ({@code br_dev_xmit}).
 */
public final class BrDevice extends NetDeviceOps {
    public static final BrDevice OPS = new BrDevice();

    /**
     * br_dev_newlink(): a bridge named {@code name} ("bridge%d" when null). {@code mac} is the
     * explicit address, or null for a random one (NET_ADDR_RANDOM). Not yet registered: the
     * caller applies its generic attributes and registers it with {@link #register}.
     */
    public static NetDevice alloc(String name, SplittableRandom random) {
        NetDevice dev = new NetDevice(name == null ? "bridge%d" : name, OPS);
        long m = random.nextLong() & 0xffff_ffff_ffffL;
        dev.mac = (m & 0x00ff_ffff_ffffL) | ((((m >>> 40) & 0xfe) | 0x02) << 40);
        dev.addrAssignType = 1; // NET_ADDR_RANDOM
        dev.tsoMaxSize = 65536; // TSO_LEGACY_MAX_SIZE until br_set_gso_limits() sees ports
        return dev;
    }

    /** register_netdevice() for a bridge plus the private part and its own local fdb entry. */
    public static NetBridge register(NetNamespace ns, NetDevice dev, int ifindex) {
        NetBridge br = new NetBridge(dev, ns);
        dev.priv = br;
        Dev.register(ns, dev, ifindex);
        if (dev.addrAssignType == 3) {
            // br_dev_newlink(): an address given at creation goes through br_stp_change_bridge_id()
            BrStp.changeBridgeId(br, dev.mac);
        } else {
            BrFdb.addLocal(br, null, dev.mac);
        }
        return br;
    }

    /** Convenience for tests and the Java API: alloc + optional address + register. */
    public static NetBridge create(NetNamespace ns, String name, Long mac) {
        NetDevice dev = alloc(name, ns.host.emulation.random());
        if (mac != null) {
            dev.mac = mac;
            dev.addrAssignType = 3;
        }
        return register(ns, dev, 0);
    }

    @Override public String kind() { return "bridge"; }

    @Override public int minMtu() { return 68; }

    @Override public int maxMtu() { return 65535; }

    @Override public boolean netnsLocal() { return true; }

    /** br_dev_open(). */
    @Override
    public void open(NetDevice dev) {
        NetBridge br = NetBridge.of(dev);
        if (br != null) {
            BrStp.enableBridge(br);
            BrMulticast.open(br);
        }
    }

    /** br_dev_stop(). */
    @Override
    public void stop(NetDevice dev) {
        NetBridge br = NetBridge.of(dev);
        if (br != null) {
            BrMulticast.stop(br);
            BrStp.disableBridge(br);
        }
    }

    @Override
    public void uninit(NetDevice dev) {
        NetBridge br = NetBridge.of(dev);
        if (br != null) BrIf.devDelete(br);
    }

    /** br_set_mac_address(): the user set the address; it becomes the bridge id and a local entry. */
    @Override
    public void macChanged(NetDevice dev) {
        NetBridge br = NetBridge.of(dev);
        if (br == null || dev.mac == br.lastMac) return;
        BrStp.changeBridgeId(br, dev.mac);
    }

    /** br_add_slave(). */
    @Override
    public void addSlave(NetDevice master, NetDevice port) {
        BrIf.addIf(NetBridge.of(master), port);
    }

    /** br_del_slave(). */
    @Override
    public void delSlave(NetDevice master, NetDevice port) {
        BrIf.delIf(NetBridge.of(master), port);
    }

    /**
     * br_dev_xmit() as __dev_queue_xmit() runs it, under rcu_read_lock_bh(): every copy of a
     * flooded frame is queued to its port before the receivers process any (local_bh_enable).
     */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        Emulation emu = dev.ns.host.emulation;
        emu.localBhDisable();
        try {
            devXmit(dev, skb);
        } finally {
            emu.localBhEnable();
        }
    }

    /** br_dev_xmit(): a frame the host sends on the bridge goes to the port its FDB names, else everywhere. */
    private static void devXmit(NetDevice dev, SkBuff skb) {
        NetBridge br = NetBridge.of(dev);
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (!dev.carrier) {
            // Without carrier the device's queue is deactivated (noop qdisc): dropped before br_dev_xmit.
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "__dev_queue_xmit", DropReason.DEV_READY, dev.name + " has no carrier");
            return;
        }
        dev.stats.txPackets++;
        dev.stats.txBytes += skb.len;
        skb.macHeader = skb.data;
        long dest = Ether.dst(skb.buf, skb.data);
        skb.pull(Ether.HLEN);
        skb.dev = dev;
        if (tp.on) tp.step(skb, dev, "br_dev_xmit", null);
        if (Mac.isBroadcast(dest)) {
            BrForward.flood(br, skb, BrForward.PKT_BROADCAST, false, true);
        } else if (Mac.isMulticast(dest)) {
            BrForward.flood(br, skb, BrForward.PKT_MULTICAST, false, true);
        } else {
            FdbEntry f = br.fdb.find(dest, 0);
            if (tp.on) tp.step(skb, dev, "br_fdb_find", (f != null ? "hit " : "miss ") + Mac.format(dest));
            if (f != null) {
                if (f.dst == null) {
                    Dev.drop(skb, dev, "br_forward", DropReason.BRIDGE_NO_EGRESS_PORT, "destination is the bridge itself");
                } else {
                    BrForward.forward(f.dst, skb, false, true);
                }
            } else {
                BrForward.flood(br, skb, BrForward.PKT_UNICAST, false, true);
            }
        }
    }
}
