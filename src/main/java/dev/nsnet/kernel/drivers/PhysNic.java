package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * A physical Ethernet NIC (modelled on virtio-net, the NIC of a KVM guest): the device below the OS in the
 * article's figure 1. It has no rtnl kind (so {@code ip -d link} shows no kind line), gets the
 * distribution's default qdisc on first open, and its carrier follows its cable: on only while the
 * NIC is up and the far end of the cable is powered (a NIC that is up, or a switch port).
 *
 * <p>The kernel knows nothing of cables: the NIC talks to its {@link Medium} (the PHY's view of
 * the link), which the world layer ({@code dev.nsnet.world}) implements.
 */
public final class PhysNic extends NetDeviceOps {
    public static final PhysNic OPS = new PhysNic();

    /**
     * The qdisc a single-queue NIC gets on first open. Debian 12 boots with systemd, whose
     * {@code 50-default.conf} sets {@code net.core.default_qdisc = fq_codel}; the kernel's own
     * default would be {@code pfifo_fast}. See docs/world.md.
     */
    public static final String DEFAULT_QDISC = "fq_codel";

    /** MTU range and TSO limit as a virtio-net NIC reports them (ip -d link on a KVM guest). */
    public static final int MAX_MTU = 65535, TSO_MAX_SIZE = 65536;

    /** What is on the other side of the NIC's PHY. */
    public interface Medium {
        /** Puts the frame (skb.data at the Ethernet header) on the wire; the caller keeps the skb. */
        void xmit(NetDevice dev, SkBuff skb);

        /** Whether the link partner is powered, so this NIC would see carrier. */
        boolean partnerPowered(NetDevice dev);

        /** This NIC's power changed (opened/stopped): the partner re-evaluates its carrier. */
        void powerChanged(NetDevice dev);

        /** A short name of the far end for traces ("router:eth0", "switch sw0 port 2"). */
        String describe(NetDevice dev);
    }

    /** Driver-private state (netdev_priv). */
    static final class Priv {
        Medium medium;
    }

    private PhysNic() { }

    /** Probes a NIC and registers it in {@code ns} (register_netdev at driver probe time). */
    public static NetDevice create(NetNamespace ns, String name, long mac) {
        if (!Mac.isValidUnicast(mac)) throw new IllegalArgumentException("NIC MAC must be unicast: " + Mac.format(mac));
        NetDevice dev = new NetDevice(name, OPS);
        dev.mac = mac;
        dev.addrAssignType = 0; // NET_ADDR_PERM: burnt into the NIC's EEPROM
        dev.permAddr = mac;     // register_netdevice() copies a NET_ADDR_PERM address to perm_addr
        dev.tsoMaxSize = TSO_MAX_SIZE;
        dev.carrier = false;    // no link until the PHY is up and a partner answers
        dev.priv = new Priv();
        Dev.register(ns, dev, 0);
        return dev;
    }

    public static boolean isPhysNic(NetDevice dev) { return dev != null && dev.ops == OPS; }

    public static Medium medium(NetDevice dev) { return ((Priv) dev.priv).medium; }

    /** Plugs a cable into the NIC (or unplugs it with null) and re-evaluates carrier. */
    public static void attach(NetDevice dev, Medium medium) {
        ((Priv) dev.priv).medium = medium;
        updateCarrier(dev);
    }

    /** Whether this NIC's PHY drives the link: it is registered and administratively up. */
    public static boolean powered(NetDevice dev) { return dev.ns != null && !dev.ns.dead && dev.isUp(); }

    /** Link detection: carrier is on iff we are up and the partner is powered. */
    public static void updateCarrier(NetDevice dev) {
        Medium m = medium(dev);
        boolean link = powered(dev) && m != null && m.partnerPowered(dev);
        if (link) Dev.carrierOn(dev);
        else Dev.carrierOff(dev);
    }

    /**
     * The frame arrived from the wire (the driver's NAPI poll): the hardware filter drops unicast
     * frames for other MACs unless the NIC is promiscuous or has an upper device (bridge port,
     * macvlan lower) listening; then eth_type_trans and into the stack.
     */
    public static void receive(NetDevice dev, SkBuff skb) {
        if (!dev.isUp()) {
            skb.free(); // PHY is off: the frame never existed for this host
            return;
        }
        long dst = Ether.dst(skb.buf, skb.data);
        if (!Mac.isMulticast(dst) && dst != dev.mac && dev.promiscuity == 0 && dev.rxHandler == null) {
            skb.free(); // filtered by the NIC's unicast MAC filter; not counted (never reached the host)
            return;
        }
        if (skb.len > dev.mtu + Ether.HLEN + 4) {
            // a frame longer than the NIC's receive buffers (MTU mismatch on the link): the
            // hardware discards it and counts a length error, the stack never sees it
            dev.stats.rxErrors++;
            dev.stats.rxLengthErrors++;
            skb.free();
            return;
        }
        dev.stats.rxPackets++;
        dev.stats.rxBytes += skb.len;
        if (Mac.isMulticast(dst)) dev.stats.multicast++;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "napi_gro_receive", "frame from the wire (" + medium(dev).describe(dev) + ")");
        skb.resetCt(); // a frame from the wire reaches another kernel: no conntrack state
        Dev.ethTypeTrans(skb, dev);
        Dev.netifRx(skb);
    }

    @Override public String kind() { return null; }

    @Override public String defaultQdisc() { return DEFAULT_QDISC; }

    @Override public int maxMtu() { return MAX_MTU; }

    @Override
    public void open(NetDevice dev) {
        updateCarrier(dev);
        Medium m = medium(dev);
        if (m != null) m.powerChanged(dev);
    }

    @Override
    public void stop(NetDevice dev) {
        Dev.carrierOff(dev);
        Medium m = medium(dev);
        if (m != null) m.powerChanged(dev);
    }

    @Override
    public void uninit(NetDevice dev) {
        Medium m = medium(dev);
        if (m != null) m.powerChanged(dev);
    }

    /** ndo_start_xmit: onto the wire when there is link; without carrier the noop qdisc drops it. */
    @Override
    public void xmit(NetDevice dev, SkBuff skb) {
        Medium m = medium(dev);
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (!dev.carrier || m == null) {
            dev.stats.txDropped++;
            Dev.drop(skb, dev, "noop_enqueue", DropReason.QDISC_DROP,
                    m == null ? "no cable plugged into " + dev.name : "no carrier on " + dev.name);
            return;
        }
        dev.stats.txPackets++;
        dev.stats.txBytes += skb.len;
        if (tp.on) tp.step(skb, dev, "dev_hard_start_xmit", "onto the wire to " + m.describe(dev));
        m.xmit(dev, skb);
        Dev.consume(skb);
    }
}
