package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * drivers/net/veth.c: a pair of devices where what one transmits the other receives. Carrier is
 * on only while both ends are up; deleting one end deletes the other.
 */
public final class Veth extends NetDeviceOps {
    public static final Veth OPS = new Veth();

    /**
     * Queues each end gets (veth_get_num_queues(): one per possible CPU; the recording host has 2).
     */
    public static final int DEFAULT_QUEUES = 2;

    /** veth_newlink() with no extra attributes: registers the peer first (lower ifindex), then {@code name}. */
    public static NetDevice create(NetNamespace ns, String name, long mac, int ifindex,
                                   NetNamespace peerNs, String peerName, long peerMac, int peerIfindex) {
        return newLink(ns, name, d -> { d.mac = mac; }, ifindex, null,
                peerNs, peerName, d -> { d.mac = peerMac; }, peerIfindex, null);
    }

    /**
     * veth_newlink(): {@code prepare} callbacks apply the rtnl_create_link() attributes (they may
     * refuse, e.g. an MTU out of range) and {@code configure} callbacks the requested flags
     * (rtnl_configure_link). A device whose MAC is still 0 after prepare gets a random one from
     * {@code random} (eth_hw_addr_random), the peer's drawn first. The peer is registered and
     * configured before the device exists; if the device cannot be registered, the peer goes.
     * The caller configures the returned device itself.
     */
    public static NetDevice newLink(NetNamespace ns, String name, Consumer<NetDevice> prepare, int ifindex,
                                    SplittableRandom random, NetNamespace peerNs, String peerName,
                                    Consumer<NetDevice> peerPrepare, int peerIfindex,
                                    Consumer<NetDevice> peerConfigure) {
        NetDevice dev = new NetDevice(name == null ? "veth%d" : name, OPS);
        NetDevice peer = new NetDevice(peerName == null ? "veth%d" : peerName, OPS);
        dev.numTxQueues = dev.numRxQueues = DEFAULT_QUEUES;
        peer.numTxQueues = peer.numRxQueues = DEFAULT_QUEUES;
        if (prepare != null) prepare.accept(dev);
        if (peerPrepare != null) peerPrepare.accept(peer);
        if (peer.mac == 0 && random != null) {
            peer.mac = randomMac(random);
            peer.addrAssignType = 1; // NET_ADDR_RANDOM
        }
        Dev.register(peerNs, peer, peerIfindex);
        if (peerConfigure != null) {
            try {
                peerConfigure.accept(peer);
            } catch (RuntimeException e) {
                Dev.unregister(peer);
                throw e;
            }
        }
        if (dev.mac == 0 && random != null) {
            dev.mac = randomMac(random);
            dev.addrAssignType = 1;
        }
        try {
            Dev.register(ns, dev, ifindex);
        } catch (RuntimeException e) {
            Dev.unregister(peer);
            throw e;
        }
        peer.priv = dev;
        dev.priv = peer;
        // netif_carrier_off() on both (peer first); linkwatch runs once both are off, so a fresh
        // pair reports LOWERLAYERDOWN on whichever end is set up first.
        Dev.carrierOff(peer, dev);
        return dev;
    }

    /** eth_hw_addr_random(): see {@link EtherDevice#randomAddr}. */
    public static long randomMac(SplittableRandom r) { return EtherDevice.randomAddr(r); }

    public static NetDevice peer(NetDevice dev) { return (NetDevice) dev.priv; }

    @Override public String kind() { return "veth"; }

    @Override public int iflink(NetDevice dev) {
        NetDevice p = peer(dev);
        return p == null ? 0 : p.ifindex;
    }

    @Override public NetDevice link(NetDevice dev) { return peer(dev); }

    /** veth_open(): an end whose peer is not linked yet (configured during creation) refuses. */
    @Override
    public void open(NetDevice dev) {
        NetDevice peer = peer(dev);
        if (peer == null) {
            dev.flags &= ~If.IFF_UP;
            throw new KernelException(Errno.ENOTCONN);
        }
        if (peer != null && peer.isUp()) {
            Dev.carrierOn(dev);
            Dev.carrierOn(peer);
        }
    }

    /**
     * veth_close(): carrier off on both ends, then linkwatch: the peer (still up) finds this end
     * without carrier and reports LOWERLAYERDOWN; this end, not running, reports DOWN.
     */
    @Override
    public void stop(NetDevice dev) {
        Dev.carrierOff(dev, peer(dev));
    }

    @Override
    public void uninit(NetDevice dev) {
        NetDevice peer = peer(dev);
        dev.priv = null;
        if (peer != null) {
            peer.priv = null;
            Dev.unregister(peer);
        }
    }

    /** veth_xmit() + __dev_forward_skb(): the frame is received by the peer. */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        NetDevice rcv = peer(dev);
        int len = skb.len;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (rcv == null || !rcv.isUp() || len - Ether.HLEN > rcv.mtu + 4) {
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "veth_xmit", DropReason.DEV_READY,
                    rcv == null ? "no peer" : !rcv.isUp() ? "peer " + rcv.name + " is down" : "frame larger than peer MTU");
            return;
        }
        // an outer 802.1Q/802.1ad tag rides out of band in the kernel (hw-accelerated): not in skb->len
        int counted = VlanCore.isVlanProto(Ether.type(skb.buf, skb.data))
                ? len - VlanCore.VLAN_HLEN : len;
        dev.stats.txPackets++;
        dev.stats.txBytes += counted;
        rcv.stats.rxPackets++;
        rcv.stats.rxBytes += counted;
        if (tp.on) tp.step(skb, dev, "veth_xmit", "to peer " + rcv.name + (rcv.ns != dev.ns ? " in netns " + rcv.ns : ""));
        skb.iif = 0;
        skb.resetCt(); // skb_scrub_packet(): nf_reset_ct() on every forward
        if (rcv.ns != dev.ns) skb.mark = 0; // skb_scrub_packet(skb, xnet) clears the mark across namespaces
        Dev.ethTypeTrans(skb, rcv);
        Dev.netifRx(skb);
    }
}
