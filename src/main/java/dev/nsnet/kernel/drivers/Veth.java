package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * drivers/net/veth.c: a pair of devices where what one transmits the other receives. Carrier is
 * on only while both ends are up; deleting one end deletes the other.
 */
public final class Veth extends NetDeviceOps {
    public static final Veth OPS = new Veth();

    /** veth_newlink(): registers the peer first (it gets the lower ifindex), then {@code name}. */
    public static NetDevice create(NetNamespace ns, String name, long mac, int ifindex,
                                   NetNamespace peerNs, String peerName, long peerMac, int peerIfindex) {
        NetDevice peer = new NetDevice(peerName == null ? "veth%d" : peerName, OPS);
        NetDevice dev = new NetDevice(name == null ? "veth%d" : name, OPS);
        peer.mac = peerMac;
        dev.mac = mac;
        peer.carrier = false;
        dev.carrier = false;
        peer.priv = dev;
        dev.priv = peer;
        Dev.register(peerNs, peer, peerIfindex);
        try {
            Dev.register(ns, dev, ifindex);
        } catch (RuntimeException e) {
            peer.priv = null;
            Dev.unregister(peer);
            throw e;
        }
        return dev;
    }

    public static NetDevice peer(NetDevice dev) { return (NetDevice) dev.priv; }

    @Override public String kind() { return "veth"; }

    @Override public int iflink(NetDevice dev) {
        NetDevice p = peer(dev);
        return p == null ? 0 : p.ifindex;
    }

    @Override public NetDevice link(NetDevice dev) { return peer(dev); }

    @Override
    public void open(NetDevice dev) {
        NetDevice peer = peer(dev);
        if (peer != null && peer.isUp()) {
            Dev.carrierOn(dev);
            Dev.carrierOn(peer);
        }
    }

    @Override
    public void stop(NetDevice dev) {
        Dev.carrierOff(dev);
        NetDevice peer = peer(dev);
        if (peer != null) Dev.carrierOff(peer);
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
        dev.stats.txPackets++;
        dev.stats.txBytes += len;
        rcv.stats.rxPackets++;
        rcv.stats.rxBytes += len;
        if (tp.on) tp.step(skb, dev, "veth_xmit", "to peer " + rcv.name + (rcv.ns != dev.ns ? " in netns " + rcv.ns : ""));
        skb.iif = 0;
        if (rcv.ns != dev.ns) skb.mark = 0; // skb_scrub_packet(skb, xnet) clears the mark across namespaces
        Dev.ethTypeTrans(skb, rcv);
        Dev.netifRx(skb);
    }
}
