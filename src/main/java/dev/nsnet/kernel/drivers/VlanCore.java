package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * net/8021q/vlan_core.c (built into every kernel) and the VLAN steps of dev.c's
 * {@code __netif_receive_skb_core}: {@code skb_vlan_untag}, {@code vlan_do_receive} (before the
 * rx handler: a tagged frame goes to the vlan device of its VID) and {@code check_vlan_id}
 * (after it: a frame nobody took keeps no tag and is PACKET_OTHERHOST unless its VID is 0).
 * The tag stays in the frame's bytes until a vlan device takes it, so a device without one
 * (a bridge port, a veth) passes it on unchanged, as the kernel's hardware-accelerated tag does.
 */
public final class VlanCore {
    private VlanCore() { }

    public static final int P_8021Q = Ether.P_8021Q, P_8021AD = 0x88a8;
    public static final int VLAN_HLEN = 4;
    /** VLAN_VID_MASK. */
    public static final int VID_MASK = 0x0fff;

    /** What {@link #doReceive} did. */
    public static final int PASS = 0, ANOTHER = 1, CONSUMED = 2;

    /** struct vlan_info: the vlan devices of one real device, by protocol and VID. */
    static final class VlanInfo {
        final NetDevice[] q = new NetDevice[4096];
        final NetDevice[] ad = new NetDevice[4096];
        int count;

        NetDevice[] group(int proto) { return proto == P_8021AD ? ad : q; }
    }

    public static boolean isVlanProto(int p) { return p == P_8021Q || p == P_8021AD; }

    /** vlan_find_dev(). */
    public static NetDevice findDev(NetDevice real, int proto, int vid) {
        if (!(real.vlanInfo instanceof VlanInfo vi)) return null;
        return vi.group(proto)[vid & VID_MASK];
    }

    static void add(NetDevice real, int proto, int vid, NetDevice vlan) {
        VlanInfo vi = real.vlanInfo instanceof VlanInfo v ? v : null;
        if (vi == null) {
            vi = new VlanInfo();
            real.vlanInfo = vi;
        }
        vi.group(proto)[vid] = vlan;
        vi.count++;
    }

    static void remove(NetDevice real, int proto, int vid, NetDevice vlan) {
        if (!(real.vlanInfo instanceof VlanInfo vi)) return;
        NetDevice[] g = vi.group(proto);
        if (g[vid] != vlan) return;
        g[vid] = null;
        if (--vi.count == 0) real.vlanInfo = null;
    }

    /** The vlan devices of {@code real} (vlan_group_for_each_dev order: 802.1Q by VID, then 802.1ad). */
    static java.util.List<NetDevice> devices(NetDevice real) {
        java.util.List<NetDevice> l = new java.util.ArrayList<>();
        if (!(real.vlanInfo instanceof VlanInfo vi)) return l;
        for (NetDevice d : vi.q) if (d != null) l.add(d);
        for (NetDevice d : vi.ad) if (d != null) l.add(d);
        return l;
    }

    /**
     * skb_vlan_untag(): drops the 4 tag bytes that follow the MAC addresses ({@code skb.data}
     * at the tag, just past the outer ethertype); the inner ethertype becomes the protocol.
     * Returns the TCI.
     */
    static int untag(SkBuff skb) {
        byte[] b = skb.buf;
        int m = skb.macHeader;
        int tci = Bytes.u16(b, skb.data);
        int inner = Bytes.u16(b, skb.data + 2);
        System.arraycopy(b, m, b, m + VLAN_HLEN, 12);
        skb.macHeader = m + VLAN_HLEN;
        skb.pull(VLAN_HLEN);
        skb.protocol = inner;
        return tci;
    }

    /**
     * vlan_do_receive() for a frame whose protocol is a VLAN ethertype, on {@code skb.dev}: the
     * vlan device of its protocol and VID takes it (untagged, counted, ANOTHER round on it); a
     * vlan device that is down drops it (CONSUMED); no vlan device: PASS with the tag in place.
     */
    public static int doReceive(SkBuff skb) {
        NetDevice real = skb.dev;
        if (skb.len < VLAN_HLEN) return PASS;
        int tci = Bytes.u16(skb.buf, skb.data);
        NetDevice vlan = findDev(real, skb.protocol, tci & VID_MASK);
        if (vlan == null) return PASS;
        if (!vlan.isUp()) {
            Dev.drop(skb, vlan, "vlan_do_receive", DropReason.DEV_READY, "vlan device is down");
            return CONSUMED;
        }
        untag(skb);
        skb.dev = vlan;
        skb.iif = vlan.ifindex;
        if (skb.pktType == SkBuff.PACKET_OTHERHOST && Ether.dst(skb.buf, skb.macHeader) == vlan.mac) {
            skb.pktType = SkBuff.PACKET_HOST; // the vlan may have its own MAC
        }
        vlan.stats.rxPackets++;
        vlan.stats.rxBytes += skb.len;
        if (skb.pktType == SkBuff.PACKET_MULTICAST) vlan.stats.multicast++;
        Tracepoints tp = real.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, vlan, "vlan_do_receive", "vid " + (tci & VID_MASK) + " from " + real.name);
        return ANOTHER;
    }

    /**
     * check_vlan_id: a frame still tagged after the rx handler. A non-zero VID that no vlan
     * device took makes it PACKET_OTHERHOST (the IPv4/ARP handlers then drop it); a priority
     * tag (VID 0) is just removed, and an inner tag gets another vlan_do_receive.
     *
     * @return ANOTHER when a vlan device took the inner frame, else PASS (protocol now untagged)
     */
    public static int checkVlanId(SkBuff skb) {
        for (int i = 0; i < 8 && isVlanProto(skb.protocol) && skb.len >= VLAN_HLEN; i++) {
            int tci = Bytes.u16(skb.buf, skb.data);
            if ((tci & VID_MASK) != 0) {
                NetDevice dev = skb.dev;
                Tracepoints tp = dev.ns.host.emulation.trace;
                if (tp.on) tp.step(skb, dev, "__netif_receive_skb_core",
                        "no vlan device for vid " + (tci & VID_MASK) + " on " + dev.name + ": PACKET_OTHERHOST");
                untag(skb);
                skb.pktType = SkBuff.PACKET_OTHERHOST;
                return PASS;
            }
            untag(skb);
            if (isVlanProto(skb.protocol)) {
                int r = doReceive(skb);
                if (r != PASS) return r;
            }
        }
        return PASS;
    }

    /**
     * vlan_insert_tag() of the egress path ({@code skb.data} at the Ethernet header): the tag
     * goes between the source MAC and the ethertype, as a NIC inserts an accelerated tag.
     */
    public static void insertTag(SkBuff skb, int proto, int tci) {
        skb.push(VLAN_HLEN);
        byte[] b = skb.buf;
        int o = skb.data;
        System.arraycopy(b, o + VLAN_HLEN, b, o, 12);
        Bytes.put16(b, o + 12, proto);
        Bytes.put16(b, o + 14, tci);
        skb.macHeader = o;
    }
}
