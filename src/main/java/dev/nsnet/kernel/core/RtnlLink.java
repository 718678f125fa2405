package dev.nsnet.kernel.core;

import dev.nsnet.kernel.wire.Mac;

/**
 * The link half of net/core/rtnetlink.c: what an RTM_NEWLINK on an existing device
 * ({@code do_setlink}), a new device ({@code rtnl_create_link}, {@code rtnl_configure_link}) and
 * a link dump ({@code dev_get_flags}, {@code rtnl_fill_link_netnsid}) do. Front-ends build a
 * {@link SetLink} (the IFLA_* attributes they would send) instead of touching device fields.
 */
public final class RtnlLink {
    private RtnlLink() { }

    /** The attributes of an RTM_NEWLINK for an existing device; null/0 means "not sent". */
    public static final class SetLink {
        /** IFLA_NET_NS_FD / _PID, and IFLA_NEW_IFINDEX (0: none). */
        public NetNamespace netns;
        public int newIfindex;
        public Long address;
        /** Length of IFLA_ADDRESS when it is not 6 bytes (0 otherwise). */
        public int addressLen;
        public Integer mtu;
        public Integer group;
        public String ifname;
        /** IFLA_IFALIAS: "" removes the alias. */
        public String alias;
        public Long broadcast;
        public int ifiFlags;
        public int ifiChange;
        /** IFLA_MASTER: 0 detaches. */
        public Integer master;
        public Integer carrier;
        public Integer txqlen;
        public Integer gsoMaxSize;
        public Integer gsoMaxSegs;
        public Integer groMaxSize;
        /** IFLA_OPERSTATE: an IF_OPER_* transition asked by user space. */
        public Integer operstate;
        /** IFLA_LINKMODE: 0 default, 1 dormant. */
        public Integer linkMode;
        /** IFLA_AF_SPEC / AF_INET6 / IFLA_INET6_ADDR_GEN_MODE. */
        public Integer addrGenMode;
        /** IFLA_PROTO_DOWN. */
        public Integer protoDown;
        /** IFLA_PROTO_DOWN_REASON was sent. */
        public boolean protoDownReason;
        /** IFLA_VFINFO_LIST was sent. */
        public boolean vfInfo;
        /** IFLA_LINK_NETNSID: must name a known nsid of the caller's namespace. */
        public Integer linkNetnsid;
    }

    /** IPV6_MIN_MTU: below it addrconf has no in6_dev for the device (no IPv6 AF_SPEC). */
    public static final int IPV6_MIN_MTU = 1280;

    /**
     * __dev_get_by_name(): a device by its name or one of its alternative names (the netns name
     * hash holds both), or null.
     */
    public static NetDevice devGetByName(NetNamespace ns, String name) {
        NetDevice d = ns.dev(name);
        if (d != null || ns.host.altnamesAdded == 0) return d;
        for (NetDevice x : ns.devices()) if (x.altnames.contains(name)) return x;
        return null;
    }

    /** netdev_name_in_use(): a name or altname of some device in {@code ns}. */
    public static boolean nameInUse(NetNamespace ns, String name) { return devGetByName(ns, name) != null; }

    /**
     * rtnl_linkprop() for RTM_NEWLINKPROP / RTM_DELLINKPROP: each altname in turn, stopping at the
     * first refusal with the earlier ones done (netdev_name_node_alt_create / _destroy).
     */
    public static void linkProp(NetDevice dev, boolean add, java.util.List<String> names) {
        for (String name : names) {
            if (add) {
                if (nameInUse(dev.ns, name)) throw new KernelException(Errno.EEXIST);
                dev.altnames.add(name);
                dev.ns.host.altnamesAdded++;
            } else {
                NetDevice owner = devGetByName(dev.ns, name);
                if (owner == null) throw new KernelException(Errno.ENOENT);
                // the lookup found the primary name or another device's altname
                if (owner != dev || dev.name.equals(name)) throw new KernelException(Errno.EINVAL);
                dev.altnames.remove(name);
                dev.ns.host.altnamesAdded--;
            }
        }
    }

    /** Whether addrconf has an in6_dev for the device (IFLA_AF_SPEC carries AF_INET6 in a dump). */
    public static boolean hasInet6Dev(NetDevice dev) {
        return dev.mtu >= IPV6_MIN_MTU || dev.type == If.ARPHRD_LOOPBACK;
    }

    /**
     * set_operstate(): user space may move an UP device to DORMANT or TESTING and back to UP;
     * other transitions are ignored.
     */
    public static void setOperstate(NetDevice dev, int transition) {
        OperState cur = dev.operstate, st = cur;
        boolean operUp = cur == OperState.UP || cur == OperState.UNKNOWN;
        if (transition == OperState.UP.ordinal()) {
            if ((cur == OperState.DORMANT || cur == OperState.TESTING || cur == OperState.UNKNOWN) && !dev.dormant)
                st = OperState.UP;
        } else if (transition == OperState.TESTING.ordinal()) {
            if (operUp) st = OperState.TESTING;
        } else if (transition == OperState.DORMANT.ordinal()) {
            if (operUp) st = OperState.DORMANT;
        }
        if (st != cur) {
            dev.operstate = st;
            dev.host().notify(NetdevEvent.CHANGE, dev);
        }
    }

    /**
     * do_setlink(): the attributes in the kernel's order (namespace move, address, MTU, group,
     * name, alias, broadcast, flags, master, carrier, queue length, GSO/GRO), stopping at the
     * first refusal with the changes made so far kept.
     */
    public static void setlink(NetDevice dev, SetLink s) {
        // rtnl_newlink(): the link netns id is resolved before anything is done
        if (s.linkNetnsid != null && dev.ns.nsidLookup(s.linkNetnsid) == null)
            throw new KernelException(Errno.EINVAL, "Unknown network namespace id");
        // validate_linkmsg()
        if (s.gsoMaxSize != null && Integer.compareUnsigned(s.gsoMaxSize, dev.tsoMaxSize) > 0)
            throw new KernelException(Errno.EINVAL, "too big gso_max_size");
        if (s.addrGenMode != null) {
            // inet6_validate_link_af(): no in6_dev, or stable_privacy without a stable_secret
            if (!hasInet6Dev(dev)) throw new KernelException(Errno.EAFNOSUPPORT);
            if (s.addrGenMode == 2) throw new KernelException(Errno.EINVAL);
        }
        String ifname = s.ifname;
        if (s.netns != null && s.netns != dev.ns) {
            NetNamespace from = dev.ns;
            // The new name is only a fallback pattern when the current one is taken over there;
            // otherwise the device moves under its name and the rename below may still fail.
            String pattern = nameInUse(s.netns, dev.name) ? ifname : null;
            Dev.changeNetNamespace(dev, s.netns, pattern, s.newIfindex);
            // RTM_DELLINK carries IFLA_NEW_NETNSID: the old namespace gets an id for the new one.
            from.nsidAlloc(s.netns);
            fillLinkNetnsid(dev);
            if (pattern != null) ifname = null;
        }
        if (s.address != null) {
            if (s.addressLen != 0 && s.addressLen < 6) throw new KernelException(Errno.EINVAL);
            if (Mac.isMulticast(s.address) || s.address == 0) throw new KernelException(Errno.EADDRNOTAVAIL);
            if (s.address != dev.mac) Dev.setMac(dev, s.address);
        }
        if (s.mtu != null) {
            validateMtu(dev, s.mtu);
            Dev.setMtu(dev, s.mtu);
            // addrconf: the in6_dev goes below IPV6_MIN_MTU and comes back with the defaults
            if (!hasInet6Dev(dev)) dev.addrGenMode = 0;
        }
        if (s.group != null) dev.group = s.group;
        if (ifname != null) Dev.changeName(dev, ifname);
        if (s.alias != null) dev.alias = s.alias.isEmpty() ? null : s.alias;
        if (s.broadcast != null) dev.broadcast = s.broadcast;
        if (s.ifiChange != 0) changeFlags(dev, s.ifiFlags, s.ifiChange);
        if (s.master != null) setMaster(dev, s.master);
        // IFLA_CARRIER needs ndo_change_carrier, which none of the modelled drivers have.
        if (s.carrier != null) throw new KernelException(Errno.EOPNOTSUPP);
        if (s.txqlen != null) dev.txQueueLen = s.txqlen;
        if (s.gsoMaxSize != null) dev.gsoMaxSize = s.gsoMaxSize;
        if (s.gsoMaxSegs != null) dev.gsoMaxSegs = s.gsoMaxSegs;
        if (s.groMaxSize != null) dev.groMaxSize = s.groMaxSize;
        if (s.operstate != null) setOperstate(dev, s.operstate);
        if (s.linkMode != null) dev.linkMode = s.linkMode;
        // do_setvfinfo(): none of the modelled drivers has SR-IOV virtual functions
        if (s.vfInfo) throw new KernelException(Errno.EOPNOTSUPP);
        if (s.addrGenMode != null) dev.addrGenMode = s.addrGenMode;
        // do_set_proto_down(): no modelled driver sets IFF_CHANGE_PROTO_DOWN
        if (s.protoDown != null || s.protoDownReason)
            throw new KernelException(Errno.EOPNOTSUPP, "Protodown not supported by device");
    }

    /** dev_validate_mtu() as do_setlink reports it (with the extack message). */
    public static void validateMtu(NetDevice dev, int mtu) {
        if (mtu < dev.minMtu) throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
        if (dev.maxMtu > 0 && mtu > dev.maxMtu) throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
    }

    /**
     * rtnl_create_link()'s MTU check: an out-of-range MTU for a new device is refused without an
     * extack message (observed: "RTNETLINK answers: Invalid argument").
     */
    public static void validateNewMtu(NetDevice dev, int mtu) {
        if (mtu < dev.minMtu || (dev.maxMtu > 0 && mtu > dev.maxMtu)) throw new KernelException(Errno.EINVAL);
    }

    /**
     * dev_get_flags(): PROMISC and ALLMULTI as user space asked for them (dev->gflags), not the
     * internal counts (a bridge port is promiscuous without showing PROMISC).
     */
    public static int getFlags(NetDevice dev) {
        int mask = If.IFF_PROMISC | If.IFF_ALLMULTI;
        return (dev.reportedFlags() & ~mask) | (dev.gflags & mask);
    }

    /**
     * rtnl_dev_combine_flags() + __dev_change_flags(): the plain flags, then up/down, then the
     * user's promisc/allmulti counts (each held once, in dev->gflags).
     */
    public static void changeFlags(NetDevice dev, int ifiFlags, int ifiChange) {
        int flags = (getFlags(dev) & ~ifiChange) | (ifiFlags & ifiChange);
        int plain = If.IFF_DEBUG | If.IFF_NOTRAILERS | If.IFF_NOARP | If.IFF_DYNAMIC | If.IFF_MULTICAST
                | If.IFF_PORTSEL | If.IFF_AUTOMEDIA;
        dev.flags = (flags & plain) | (dev.flags & ~plain);
        if (((dev.flags ^ flags) & If.IFF_UP) != 0) {
            if ((flags & If.IFF_UP) != 0) Dev.open(dev);
            else Dev.close(dev);
        }
        if (((flags ^ dev.gflags) & If.IFF_PROMISC) != 0) {
            boolean on = (flags & If.IFF_PROMISC) != 0;
            dev.gflags ^= If.IFF_PROMISC;
            dev.promiscuity += on ? 1 : -1;
        }
        if (((flags ^ dev.gflags) & If.IFF_ALLMULTI) != 0) {
            boolean on = (flags & If.IFF_ALLMULTI) != 0;
            dev.gflags ^= If.IFF_ALLMULTI;
            dev.allmulti += on ? 1 : -1;
        }
    }

    /** do_set_master(): leave the old master (ndo_del_slave), join the new one (ndo_add_slave). */
    public static void setMaster(NetDevice dev, int ifindex) {
        NetDevice upper = dev.master;
        if (upper != null && upper.ifindex != ifindex) upper.ops.delSlave(upper, dev);
        if (ifindex != 0 && (dev.master == null || dev.master.ifindex != ifindex)) {
            NetDevice m = dev.ns.dev(ifindex);
            if (m == null) throw new KernelException(Errno.EINVAL);
            m.ops.addSlave(m, dev);
        }
    }

    /** The namespace of the device this one links to, when it is not the device's own. */
    public static NetNamespace linkNet(NetDevice dev) {
        NetNamespace own = dev.ops.getLinkNet(dev);
        if (own != null) return own == dev.ns ? null : own;
        NetDevice l = dev.link();
        if (l == null || l.ns == null || l.ns == dev.ns) return null;
        return l.ns;
    }

    /**
     * rtnl_fill_link_netnsid(): filling IFLA_LINK_NETNSID (a notification of a new or moved
     * device, or a dump) allocates an nsid for the peer's namespace (peernet2id_alloc); -1 when
     * the device links within its own namespace.
     */
    /**
     * rtnetlink_event() / rtmsg_ifinfo(): each RTM_NEWLINK notification of a device is filled by
     * rtnl_fill_ifinfo(), whose IFLA_LINK_NETNSID allocates the peer namespace's id in the device's
     * namespace (a veth raised, its mtu or address changed, its carrier gained...).
     */
    static void rtnetlinkEvent(NetdevEvent ev, NetDevice dev) {
        if (dev.ns == null || dev.ns.dead) return;
        switch (ev) {
            // linkwatch_do_dev() tells only about a device that is up (netdev_state_change)
            case CHANGE -> { if (dev.isUp()) fillLinkNetnsid(dev); }
            case UP, DOWN, CHANGEMTU, CHANGEADDR, CHANGENAME, CHANGEUPPER, CHANGELOWERSTATE -> fillLinkNetnsid(dev);
            default -> { }
        }
    }

    public static int fillLinkNetnsid(NetDevice dev) {
        NetNamespace l = linkNet(dev);
        return l == null ? -1 : dev.ns.nsidAlloc(l);
    }
}
