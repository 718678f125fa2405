package dev.nsnet.kernel.core;

import dev.nsnet.kernel.wire.Mac;

/**
 * A network device: what {@code struct net_device} holds. Behaviour lives in {@link #ops}; state
 * changes that the rest of the stack must hear about go through {@link NetNamespace} and the
 * host's netdevice notifier chain.
 */
public final class NetDevice {
    public String name;
    public int ifindex;
    public final NetDeviceOps ops;
    public NetNamespace ns;
    public int type = If.ARPHRD_ETHER;
    public long mac;
    public long broadcast = Mac.BROADCAST;
    /**
     * dev->perm_addr (IFLA_PERM_ADDRESS): the address a NIC was born with, 0 when the device has
     * none (virtual devices). {@code ip link} prints {@code permaddr} when it differs from {@link #mac}.
     */
    public long permAddr;
    /** NET_ADDR_PERM (0), NET_ADDR_RANDOM (1), NET_ADDR_STOLEN (2), NET_ADDR_SET (3). */
    public int addrAssignType;
    public int mtu = 1500;
    public int minMtu;
    public int maxMtu;
    public int flags;
    /** Flags as last reported to user space (dev_get_flags adds RUNNING/LOWER_UP from carrier). */
    public boolean carrier = true;
    public boolean dormant;
    /** dev->operstate, maintained by linkwatch (rfc2863_policy); UNKNOWN until a carrier event. */
    public OperState operstate = OperState.UNKNOWN;
    public int txQueueLen;
    /** Attached qdisc kind; "noop" until the device is first opened. */
    public String qdisc = "noop";
    public NetDevice master;
    /** reg_state == NETREG_UNREGISTERING: set by Dev.unregister (not by a move to another netns). */
    public boolean unregistering;
    public RxHandler rxHandler;
    /** Driver-private data (veth peer record, bridge, bridge port ...). */
    public Object priv;
    /** Upper-device private data for a device that is a port (e.g. the bridge port). */
    public Object rxHandlerData;
    /** dev->vlan_info: the 802.1q vlan devices stacked on this one (kernel.drivers.VlanCore), or null. */
    public Object vlanInfo;
    /** IPv4 per-device state ({@code in_device}), owned by kernel.ipv4. */
    public Object ipPtr;
    public final DevStats stats = new DevStats();
    public String alias;
    public int group;
    public int promiscuity;
    /** dev->gflags: IFF_PROMISC / IFF_ALLMULTI as requested by user space (each holds one count). */
    public int gflags;
    /** carrier_up_count + carrier_down_count: IFLA_CARRIER_CHANGES ("transns" of ip -s -s link). */
    public long carrierChanges;
    /** dev->link_mode: IF_LINK_MODE_DEFAULT (0) or DORMANT (1). */
    public int linkMode;
    public int allmulti;
    public int gsoMaxSize = 65536, gsoMaxSegs = 65535, groMaxSize = 65536, tsoMaxSize = 524280, tsoMaxSegs = 65535;
    public int numTxQueues = 1, numRxQueues = 1;
    /** The alternative names of dev->name_node (RTM_NEWLINKPROP altname), in the order added. */
    public final java.util.List<String> altnames = new java.util.ArrayList<>();
    /**
     * The IPv6 in6_dev's cnf.addr_gen_mode (IFLA_INET6_ADDR_GEN_MODE): 0 eui64, 1 none,
     * 2 stable_privacy, 3 random. The in6_dev exists while the MTU is at least 1280.
     */
    public int addrGenMode;
    /** Name of the device this one was created with, for "altname"-less listing order. */
    public long createdSeq;

    public NetDevice(String name, NetDeviceOps ops) {
        this.name = name;
        this.ops = ops;
        this.minMtu = ops.minMtu();
        this.maxMtu = ops.maxMtu();
        this.txQueueLen = ops.defaultTxQueueLen();
        this.flags = If.IFF_BROADCAST | If.IFF_MULTICAST;
    }

    public boolean isUp() { return (flags & If.IFF_UP) != 0; }

    /** netif_running() && netif_carrier_ok(): the device can move packets. */
    public boolean isOperational() { return isUp() && carrier; }

    /** dev_get_flags(): what RTM_NEWLINK reports as ifi_flags. */
    public int reportedFlags() {
        int f = flags & ~(If.IFF_RUNNING | If.IFF_LOWER_UP | If.IFF_DORMANT);
        // dev_get_flags(): PROMISC/ALLMULTI as user space asked (gflags), not the internal counts
        // that e.g. a bridge port holds (ip -d link shows those as "promiscuity 1 allmulti 1").
        f |= gflags & (If.IFF_PROMISC | If.IFF_ALLMULTI);
        if (isUp()) {
            if (operstate == OperState.UP || operstate == OperState.UNKNOWN) f |= If.IFF_RUNNING;
            if (carrier) f |= If.IFF_LOWER_UP;
            if (dormant) f |= If.IFF_DORMANT;
        }
        return f;
    }

    /** IFLA_OPERSTATE as rtnl_fill_ifinfo reports it: DOWN whenever the device is not running. */
    public OperState reportedOperstate() { return isUp() ? operstate : OperState.DOWN; }

    public int iflink() { return ops.iflink(this); }

    public NetDevice link() { return ops.link(this); }

    public String kind() { return ops.kind(); }

    public Host host() { return ns.host; }

    @Override
    public String toString() { return name + "(" + ifindex + ")"; }
}
