package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.OperState;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.kernel.drivers.EtherDevice;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generic part of an {@code ip link add|set} request, as iproute2's {@code iplink_parse()}
 * fills an RTM_NEWLINK message: every field is null/unset unless given on the command line.
 * {@link IpLinkParse} builds it; a {@link LinkKind} uses {@link #prepare} and {@link #configure}
 * to apply it around {@code Dev.register} the way rtnetlink.c's {@code rtnl_create_link()} and
 * {@code rtnl_configure_link()} do.
 */
public final class LinkRequest {
    /** IFLA_IFNAME: the new name (add) or the rename target (set); null when not given. */
    public String name;
    /** The device a "set"/"del" acts on. */
    public String dev;
    /** ifi_index of the device a "set"/"del" acts on (may name no device: the kernel says ENODEV). */
    public int ifindex;
    public Long mac;
    /** Length of the given address when it is not 6 bytes (0 otherwise). */
    public int macLen;
    public Long broadcast;
    public Integer mtu;
    public Integer txqlen;
    public Integer numTxQueues;
    public Integer numRxQueues;
    /** IFLA_NET_NS_FD / _PID resolved: the namespace to create in or move to. */
    public NetNamespace netns;
    /** ifi_index / IFLA_NEW_IFINDEX; 0 when not given. */
    public int index;
    public Integer group;
    public String alias;
    /** ifi_flags / ifi_change: up/down, arp, multicast, allmulticast, promisc, trailers, dynamic. */
    public int ifiFlags;
    public int ifiChange;
    /** IFLA_MASTER: ifindex of the master; 0 means nomaster; null when not given. */
    public Integer master;
    /** IFLA_LINK: ifindex of the lower device ({@code link DEV}). */
    public Integer link;
    public Integer carrier;
    public Integer gsoMaxSize;
    public Integer gsoMaxSegs;
    public Integer groMaxSize;
    /** IFLA_OPERSTATE ({@code state}): an IF_OPER_* value. */
    public Integer operstate;
    /** IFLA_LINKMODE ({@code mode default|dormant}). */
    public Integer linkMode;
    /** IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE ({@code addrgenmode}). */
    public Integer addrGenMode;
    /** IFLA_PROTO_DOWN ({@code protodown on|off}). */
    public Integer protoDown;
    /** IFLA_PROTO_DOWN_REASON was sent ({@code protodown_reason N on|off}). */
    public boolean protoDownReason;
    /** IFLA_VFINFO_LIST was sent ({@code vf N ...}). */
    public boolean vfInfo;
    /** IFLA_LINK_NETNSID ({@code link-netns NAME} / {@code link-netnsid ID}); null when not given. */
    public Integer linkNetnsid;
    /** IFLA_XDP with no program ({@code xdp off}). */
    public boolean xdpOff;
    /** {@code ip link set|del group N} without a device: the group selects the devices. */
    public boolean groupOnly;
    /** {@code type KIND}, or null. */
    public String type;
    /** The words after {@code type KIND}, for the kind's own parser. */
    public List<String> kindArgs = List.of();
    /** What a kind's {@link LinkKind#parse} made of {@link #kindArgs} (e.g. the veth peer's request). */
    public Object kindData;

    /**
     * rtnl_create_link(): applies the attributes a device gets before it is registered (MTU
     * checked against the driver's limits, MAC, queue length, group, link mode). A device without a
     * given MAC keeps the one the driver set ({@link #randomMac} for most virtual devices).
     */
    public void prepare(NetDevice dev) {
        if (numTxQueues != null && (numTxQueues < 1 || numTxQueues > 4096))
            throw new KernelException(Errno.EINVAL, "Invalid number of transmit queues");
        if (numRxQueues != null && (numRxQueues < 1 || numRxQueues > 4096))
            throw new KernelException(Errno.EINVAL, "Invalid number of receive queues");
        if (mtu != null) {
            RtnlLink.validateNewMtu(dev, mtu);
            dev.mtu = mtu;
        }
        if (mac != null) {
            dev.mac = mac;
            dev.addrAssignType = 3; // NET_ADDR_SET
        }
        if (broadcast != null) dev.broadcast = broadcast;
        if (txqlen != null) dev.txQueueLen = txqlen;
        if (numTxQueues != null) dev.numTxQueues = numTxQueues;
        if (numRxQueues != null) dev.numRxQueues = numRxQueues;
        if (group != null) dev.group = group;
        if (gsoMaxSize != null) dev.gsoMaxSize = gsoMaxSize;
        if (gsoMaxSegs != null) dev.gsoMaxSegs = gsoMaxSegs;
        if (groMaxSize != null) dev.groMaxSize = groMaxSize;
        // IFLA_IFALIAS is not one of rtnl_create_link()'s attributes: a new device has no alias
        if (linkMode != null) dev.linkMode = linkMode;
        if (operstate != null && operstate == OperState.UP.ordinal() && dev.operstate == OperState.UNKNOWN)
            dev.operstate = OperState.UP; // set_operstate() before registration
    }

    /** rtnl_configure_link() + the IFLA_MASTER of __rtnl_newlink(): flags (e.g. up), then master. */
    public void configure(NetDevice dev) {
        if (ifiChange != 0) RtnlLink.changeFlags(dev, ifiFlags, ifiChange);
        if (master != null && master != 0) RtnlLink.setMaster(dev, master);
    }

    /** dev_validate_mtu() with do_setlink's extack messages. */
    public static void validateMtu(NetDevice dev, int mtu) { RtnlLink.validateMtu(dev, mtu); }

    /** The request as the IFLA_* attributes of an RTM_NEWLINK on an existing device. */
    public RtnlLink.SetLink toSetLink() {
        RtnlLink.SetLink s = new RtnlLink.SetLink();
        s.netns = netns;
        s.newIfindex = netns != null ? index : 0;
        s.address = mac;
        s.addressLen = macLen;
        s.mtu = mtu;
        s.group = group;
        s.ifname = name;
        s.alias = alias;
        s.broadcast = broadcast;
        s.ifiFlags = ifiFlags;
        s.ifiChange = ifiChange;
        s.master = master;
        s.carrier = carrier;
        s.txqlen = txqlen;
        s.gsoMaxSize = gsoMaxSize;
        s.gsoMaxSegs = gsoMaxSegs;
        s.groMaxSize = groMaxSize;
        s.operstate = operstate;
        s.linkMode = linkMode;
        s.addrGenMode = addrGenMode;
        s.protoDown = protoDown;
        s.protoDownReason = protoDownReason;
        s.vfInfo = vfInfo;
        s.linkNetnsid = linkNetnsid;
        return s;
    }

    /** eth_random_addr(): a random locally administered unicast MAC from the emulation's seeded source. */
    public static long randomMac(SplittableRandom r) { return EtherDevice.randomAddr(r); }

    /** True when the request asks for {@code up}. */
    public boolean wantsUp() { return (ifiChange & If.IFF_UP) != 0 && (ifiFlags & If.IFF_UP) != 0; }

    /** Registers {@code dev} in {@code ns} with the requested index (helper for simple kinds). */
    public void register(NetNamespace ns, NetDevice dev) {
        prepare(dev);
        Dev.register(ns, dev, index);
        configureOrUnregister(dev);
    }

    /** rtnl_newlink(): a device whose flags or master cannot be applied is unregistered again. */
    public void configureOrUnregister(NetDevice dev) {
        try {
            configure(dev);
        } catch (RuntimeException e) {
            Dev.unregister(dev);
            throw e;
        }
    }
}
