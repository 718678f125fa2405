package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.UdpSock;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * struct vxlan_sock (drivers/net/vxlan/vxlan_core.c: {@code vxlan_sock_add}, {@code vxlan_rcv}):
 * the kernel UDP socket bound to 0.0.0.0:PORT in the underlay namespace, shared by every up vxlan
 * device of that namespace and port. Its {@code encap_rcv} ({@link #rcv}) takes each datagram
 * arriving there: checks the VXLAN header, finds the device by VNI, strips the outer headers,
 * learns the sender (vxlan_snoop) and hands the inner frame to the device (netif_rx). The socket
 * exists only while a device uses it, so a datagram to the port of a down device finds no socket
 * and UDP answers port unreachable, as on Linux.
 */
public final class VxlanSock implements UdpSock.EncapRcv {
    /** struct vxlan_net: a namespace's vxlan devices (by their underlay namespace) and sockets. */
    static final class Net {
        final List<Vxlan.VxlanDev> devices = new ArrayList<>();
        final List<VxlanSock> socks = new ArrayList<>(2);

        static Net of(NetNamespace ns) {
            Net n = ns.subsys(Net.class);
            if (n == null) {
                n = new Net();
                ns.setSubsys(Net.class, n);
            }
            return n;
        }
    }

    /** sizeof(struct vxlanhdr). */
    static final int VXLAN_HLEN = 8;
    /** VXLAN_HF_VNI: the I flag of the first header word. */
    static final int VXLAN_HF_VNI = 0x08000000;

    final NetNamespace net;
    final int port;
    final UdpSock sock;
    /** The up devices using the socket (vs->vni_list). */
    final List<Vxlan.VxlanDev> devs = new ArrayList<>(2);

    private VxlanSock(NetNamespace net, int port, UdpSock sock) {
        this.net = net;
        this.port = port;
        this.sock = sock;
    }

    /** vxlan_sock_add(): the namespace's socket on {@code port}, created and bound on first use. */
    static VxlanSock add(Vxlan.VxlanDev v) {
        Net n = Net.of(v.net);
        VxlanSock vs = null;
        for (VxlanSock s : n.socks) if (s.port == v.cfg.dstPort) vs = s;
        if (vs == null) {
            UdpSock sk = UdpSock.open(v.net, null);
            sk.bind(0, v.cfg.dstPort); // EADDRINUSE when a user socket holds the port
            vs = new VxlanSock(v.net, v.cfg.dstPort, sk);
            sk.encapRcv = vs;
            n.socks.add(vs);
        }
        vs.devs.add(v);
        return vs;
    }

    /** vxlan_sock_release(): the last device gone, the socket closes. */
    void release(Vxlan.VxlanDev v) {
        devs.remove(v);
        if (!devs.isEmpty()) return;
        sock.close();
        Net.of(net).socks.remove(this);
    }

    /** vxlan_vs_find_vni(). */
    Vxlan.VxlanDev findVni(int vni) {
        for (int i = 0; i < devs.size(); i++) {
            Vxlan.VxlanDev v = devs.get(i);
            if (v.cfg.vni == vni) return v;
        }
        return null;
    }

    /** vxlan_find_vni() of the namespace: the up device of {@code vni} on {@code port}, or null. */
    static Vxlan.VxlanDev findVni(NetNamespace net, int port, int vni) {
        Net n = net.subsys(Net.class);
        if (n == null) return null;
        for (VxlanSock s : n.socks) if (s.port == port) return s.findVni(vni);
        return null;
    }

    /**
     * vxlan_rcv(): {@code skb.data} at the outer UDP header, checksum already verified. The
     * datagram is always consumed (dropped when it is no VXLAN packet of ours).
     */
    @Override
    public void rcv(SkBuff skb) {
        NetDevice in = skb.dev;
        Tracepoints tp = net.emulation().trace;
        byte[] b = skb.buf;
        int uh = skb.data;
        if (skb.len < 8 + VXLAN_HLEN) {
            Dev.drop(skb, in, "vxlan_rcv", DropReason.PKT_TOO_SMALL, "shorter than the VXLAN header");
            return;
        }
        int flags = Bytes.i32(b, uh + 8);
        int vniWord = Bytes.i32(b, uh + 12);
        if ((flags & VXLAN_HF_VNI) == 0) {
            Dev.drop(skb, in, "vxlan_rcv", DropReason.VXLAN_INVALID_HDR, "I flag clear");
            return;
        }
        int vni = vniWord >>> 8;
        Vxlan.VxlanDev v = findVni(vni);
        if (v == null) {
            Dev.drop(skb, in, "vxlan_rcv", DropReason.VXLAN_VNI_NOT_FOUND, tp.on ? "vni " + vni : null);
            return;
        }
        NetDevice dev = v.dev;
        if ((flags & ~VXLAN_HF_VNI) != 0 || (vniWord & 0xff) != 0) {
            // reserved bits set: the header is not one this device parses
            dev.stats.rxFrameErrors++;
            dev.stats.rxErrors++;
            Dev.drop(skb, dev, "vxlan_rcv", DropReason.VXLAN_INVALID_HDR, "reserved bits set");
            return;
        }
        int saddr = Ipv4.src(b, skb.networkHeader);
        if (tp.on) tp.step(skb, in, "vxlan_rcv", "vni " + vni + " from " + Inet4.format(saddr) + ":"
                + Bytes.u16(b, uh) + " to " + dev.name);
        // __iptunnel_pull_header(): outer UDP + VXLAN off, skb_scrub_packet()
        skb.pull(8 + VXLAN_HLEN);
        skb.resetCt();
        boolean xnet = dev.ns != net;
        if (xnet) skb.mark = 0;
        skb.nexthop = 0;
        skb.routeType = -1;
        skb.rtLocal = false;
        skb.outDev = null;
        skb.sk = null;
        if (skb.len < Ether.HLEN) {
            Dev.drop(skb, dev, "vxlan_rcv", DropReason.PKT_TOO_SMALL, "no inner Ethernet header");
            return;
        }
        long src = Ether.src(b, skb.data);
        // vxlan_set_mac(): our own frames looped back (multicast echo) are ignored
        if (src == dev.mac) {
            Dev.drop(skb, dev, "vxlan_set_mac", DropReason.LOCAL_MAC, "source is our MAC");
            return;
        }
        if (v.cfg.learn && v.snoop(skb, saddr, src)) return;
        if (!dev.isUp()) {
            dev.stats.rxDropped++;
            Dev.drop(skb, dev, "vxlan_rcv", DropReason.DEV_READY, "device is down");
            return;
        }
        skb.iif = 0;
        skb.pktType = SkBuff.PACKET_HOST;
        Dev.ethTypeTrans(skb, dev);
        dev.stats.rxPackets++;
        dev.stats.rxBytes += skb.len;
        Dev.netifRx(skb);
    }
}
