package dev.nsnet.kernel.core;

/**
 * The per-type behaviour of a device ({@code struct net_device_ops} and {@code rtnl_link_ops}).
 * One subclass per driver in {@code kernel.drivers}.
 */
public abstract class NetDeviceOps {
    /** rtnl_link_ops->kind ("veth", "bridge", ...); null for devices without one (lo, a NIC). */
    public abstract String kind();

    /** ndo_start_xmit: the frame in {@code skb} (data at the Ethernet header) leaves {@code dev}. */
    public abstract void xmit(NetDevice dev, SkBuff skb);

    /** ndo_open, called when the device is set administratively up. */
    public void open(NetDevice dev) { }

    /** ndo_stop. */
    public void stop(NetDevice dev) { }

    /** Called when the device is unregistered (e.g. veth takes its peer along). */
    public void uninit(NetDevice dev) { }

    /** dev_get_iflink(): the ifindex this device is linked to (its own when none). */
    public int iflink(NetDevice dev) { return dev.ifindex; }

    /** The device this one is linked to (veth peer, macvlan lower), if any. */
    public NetDevice link(NetDevice dev) { return null; }

    /**
     * The device whose link settings ethtool's get_link_ksettings reports for {@code dev}: itself,
     * or (vxlan) its lower device; null when the speed is unknown.
     */
    public NetDevice linkSettingsDev(NetDevice dev) { return dev; }

    /**
     * rtnl_link_ops->get_link_net: the namespace the device is linked into when it is not its
     * lower's (vxlan: the underlay namespace it was created from); null otherwise.
     */
    public NetNamespace getLinkNet(NetDevice dev) { return null; }

    public int minMtu() { return 68; }

    public int maxMtu() { return 65535; }

    /** Whether the device may move between namespaces (NETIF_F_NETNS_LOCAL clear). */
    public boolean netnsLocal() { return false; }

    /** Queueing discipline attached on first open: virtual devices use noqueue. */
    public String defaultQdisc() { return "noqueue"; }

    public int defaultTxQueueLen() { return 1000; }

    /** ndo_change_mtu: a driver may refuse an MTU within [minMtu, maxMtu] (macvlan: above its lower's). */
    public void changeMtu(NetDevice dev, int mtu) { }

    /** ndo_set_mac_address's refusals, before the address changes (macvlan: EADDRINUSE). */
    public void checkMac(NetDevice dev, long mac) { }

    /** Called after the device's MAC changed. */
    public void macChanged(NetDevice dev) { }

    /**
     * ndo_add_slave: {@code port} is being enslaved to {@code master} (ip link set PORT master M).
     * Devices that cannot be masters refuse with EOPNOTSUPP, as the kernel's do_set_master does.
     */
    public void addSlave(NetDevice master, NetDevice port) {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** ndo_del_slave: {@code port} leaves {@code master} (nomaster, or a different master). */
    public void delSlave(NetDevice master, NetDevice port) {
        throw new KernelException(Errno.EOPNOTSUPP);
    }
}
