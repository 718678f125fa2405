package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.bridge.FdbRecord;
import dev.nsnet.kernel.bridge.RtnlFdb;
import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetDeviceOps;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.NetdevEvent;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.Igmp;
import dev.nsnet.kernel.ipv4.InetHashtables;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * drivers/net/vxlan/vxlan_core.c: an Ethernet device whose frames travel inside UDP datagrams of
 * an IPv4 underlay (RFC 7348). Creation and configuration ({@code vxlan_newlink},
 * {@code vxlan_config_validate}, {@code vxlan_config_apply}), open/stop ({@code vxlan_open}:
 * the UDP socket, the ageing timer; {@code vxlan_stop}: learnt entries flushed), the FDB
 * ({@link VxlanFdb}), transmit ({@link VxlanXmit}: {@code vxlan_xmit}) and receive
 * ({@link VxlanSock#rcv}: {@code vxlan_rcv}). The underlay is the namespace the device was
 * created from ({@code vxlan->net}); the device itself may move elsewhere.
 */
public final class Vxlan extends NetDeviceOps implements RtnlFdb.NdoFdb {
    public static final Vxlan OPS = new Vxlan();

    /** VXLAN_HEADROOM for IPv4: outer IP + UDP + VXLAN + inner Ethernet header. */
    public static final int HEADROOM = 20 + 8 + 8 + 14;
    /** FDB_AGE_INTERVAL: the ageing timer's period, 10 s. */
    static final long AGE_INTERVAL_NS = 10_000_000_000L;

    /** struct vxlan_dev. */
    public static final class VxlanDev {
        public final NetDevice dev;
        /** vxlan->net: the underlay namespace (socket, routes, lower device). */
        public final NetNamespace net;
        public final VxlanConfig cfg;
        public final VxlanFdb fdb = new VxlanFdb();
        VxlanSock vs;
        Timer ageTimer;
        /** The lower device whose group this device joined at open (vxlan_igmp_join), or null. */
        NetDevice mcDev;
        int mcGroup;
        /** inet_get_local_port_range() of the underlay, read at open (the default source ports). */
        int portLow = 32768, portHigh = 60999;

        VxlanDev(NetDevice dev, NetNamespace net, VxlanConfig cfg) {
            this.dev = dev;
            this.net = net;
            this.cfg = cfg;
        }

        long now() { return net.emulation().now(); }

        /**
         * vxlan_snoop(): the sender's MAC is learnt (or moved) to the outer source address.
         * Returns true when the frame must be dropped: it claims the MAC of a static entry
         * pointing elsewhere.
         */
        boolean snoop(SkBuff skb, int srcIp, long srcMac) {
            long now = now();
            VxlanFdb.Entry f = fdb.find(srcMac);
            Tracepoints tp = net.emulation().trace;
            if (f != null) {
                f.updated = now;
                VxlanFdb.Remote r = f.first();
                if (r != null && r.ip == srcIp && r.ifindex == 0) return false;
                if ((f.state & (VxlanFdb.NUD_PERMANENT | VxlanFdb.NUD_NOARP)) != 0) {
                    dev.stats.rxDropped++;
                    Dev.drop(skb, dev, "vxlan_snoop",
                            DropReason.VXLAN_ENTRY_EXISTS, "static entry elsewhere");
                    return true;
                }
                if (tp.on) tp.step(skb, dev, "vxlan_snoop", Mac.format(srcMac) + " migrated to " + Inet4.format(srcIp));
                if (r != null) {
                    r.ip = srcIp;
                    r.ifindex = 0;
                }
                return false;
            }
            if (!Mac.isValidUnicast(srcMac)) return false;
            try {
                fdb.update(srcMac, srcIp, cfg.dstPort, cfg.vni, 0, VxlanFdb.NUD_REACHABLE,
                        VxlanFdb.NLM_F_EXCL | VxlanFdb.NLM_F_CREATE, VxlanFdb.NTF_SELF, cfg.addrmax, now);
                if (tp.on) tp.step(skb, dev, "vxlan_snoop", "learnt " + Mac.format(srcMac) + " at " + Inet4.format(srcIp));
            } catch (KernelException e) {
                // maxaddress reached: the frame is still delivered, the address not learnt
            }
            return false;
        }

        /** vxlan_cleanup(): learnt entries not refreshed for {@code ageing} seconds expire. */
        void cleanup() {
            long now = now();
            long age = (long) cfg.ageInterval * 1_000_000_000L;
            long next = now + AGE_INTERVAL_NS;
            for (VxlanFdb.Entry f : fdb.list()) {
                if ((f.state & (VxlanFdb.NUD_PERMANENT | VxlanFdb.NUD_NOARP)) != 0) continue;
                if ((f.flags & VxlanFdb.NTF_EXT_LEARNED) != 0) continue;
                long timeout = f.updated + age;
                if (timeout <= now) fdb.destroy(f);
                else if (timeout < next) next = timeout;
            }
            ageTimer.mod(next);
        }
    }

    public static VxlanDev vxlan(NetDevice dev) { return dev != null && dev.priv instanceof VxlanDev v ? v : null; }

    /**
     * vxlan_newlink(): validates {@code cfg} against the underlay namespace {@code net} (the
     * caller's), applies defaults, registers the device in {@code ns} and creates the default
     * destination entry (00:00:00:00:00:00) for a remote or group.
     */
    public static NetDevice newLink(NetNamespace net, NetNamespace ns, String name, VxlanConfig cfg,
                                    Consumer<NetDevice> prepare, int ifindex, SplittableRandom random) {
        if (cfg.vni < 0) throw new KernelException(Errno.EINVAL, "Required attributes not provided to perform the operation");
        if (cfg.portMax < cfg.portMin)
            throw new KernelException(Errno.EINVAL, "Invalid source port range");
        NetDevice lower = null;
        if (cfg.remoteIfindex != 0) {
            lower = net.dev(cfg.remoteIfindex);
            if (lower == null) throw new KernelException(Errno.ENODEV, "Invalid local interface, device not found");
        } else if (Inet4.isMulticast(cfg.remoteIp)) {
            throw new KernelException(Errno.EINVAL, "Local interface required for multicast remote destination");
        }
        if (cfg.dstPort == 0) cfg.dstPort = VxlanConfig.DEFAULT_PORT;
        if (cfg.ageInterval == 0) cfg.ageInterval = VxlanConfig.AGE_DEFAULT;
        for (VxlanDev o : VxlanSock.Net.of(net).devices) {
            if (o.cfg.vni == cfg.vni && o.cfg.dstPort == cfg.dstPort)
                throw new KernelException(Errno.EEXIST, "A VXLAN device with the specified VNI already exists");
        }
        NetDevice dev = new NetDevice(name == null ? "vxlan%d" : name, OPS);
        dev.tsoMaxSize = 65536;
        if (lower != null) {
            dev.tsoMaxSize = lower.tsoMaxSize;
            dev.mtu = Math.max(68, lower.mtu - HEADROOM);
        }
        if (random != null) {
            dev.mac = EtherDevice.randomAddr(random);
            dev.addrAssignType = 1;
        }
        if (prepare != null) prepare.accept(dev);
        // vxlan_config_apply(): a requested MTU above the lower's minus the encapsulation is clamped
        if (lower != null && dev.mtu > Math.max(68, lower.mtu - HEADROOM)) dev.mtu = Math.max(68, lower.mtu - HEADROOM);
        VxlanDev v = new VxlanDev(dev, net, cfg);
        dev.priv = v;
        Dev.register(ns, dev, ifindex);
        VxlanSock.Net.of(net).devices.add(v);
        if (cfg.remoteIp != 0) {
            v.fdb.create(0, cfg.remoteIp, cfg.dstPort, cfg.vni, cfg.remoteIfindex,
                    VxlanFdb.NUD_REACHABLE | VxlanFdb.NUD_PERMANENT, VxlanFdb.NTF_SELF, v.now());
        }
        return dev;
    }

    /**
     * vxlan_changelink(): the attributes that may change on a live device (ttl, tos, df, ageing,
     * learning, remote, local, dev; the tool refuses the others with the kernel's messages). A new
     * remote moves the default destination in the fdb.
     */
    public static void changeLink(NetDevice dev, VxlanConfig c) {
        VxlanDev v = vxlan(dev);
        if (v == null) throw new KernelException(Errno.EOPNOTSUPP);
        VxlanConfig cfg = v.cfg;
        cfg.ttl = c.ttl;
        cfg.ttlInherit = c.ttlInherit;
        cfg.tos = c.tos;
        cfg.df = c.df;
        cfg.label = c.label;
        cfg.ageInterval = c.ageInterval == 0 ? VxlanConfig.AGE_DEFAULT : c.ageInterval;
        cfg.addrmax = c.addrmax;
        cfg.learn = c.learn;
        cfg.saddr = c.saddr;
        int oldRemote = cfg.remoteIp, oldIfindex = cfg.remoteIfindex;
        // a running device moves its group membership when the group or the lower changes
        boolean changeIgmp = v.dev.isUp() && (c.remoteIp != oldRemote || c.remoteIfindex != oldIfindex);
        if (changeIgmp) igmpLeave(v);
        cfg.remoteIfindex = c.remoteIfindex;
        if (c.remoteIp != oldRemote) {
            // the default destination: the new remote appended to the all-zeros entry, then the old one
            // deleted from it (so other appended default remotes stay in front)
            if (c.remoteIp != 0) {
                v.fdb.update(0, c.remoteIp, cfg.dstPort, cfg.vni, c.remoteIfindex, VxlanFdb.NUD_REACHABLE | VxlanFdb.NUD_PERMANENT,
                        VxlanFdb.NLM_F_APPEND | VxlanFdb.NLM_F_CREATE, VxlanFdb.NTF_SELF, 0, v.now());
            }
            if (oldRemote != 0) {
                try {
                    v.fdb.delete(0, false, oldRemote, cfg.dstPort, cfg.vni, oldIfindex, v.now());
                } catch (KernelException e) {
                    // the user already deleted it
                }
            }
            cfg.remoteIp = c.remoteIp;
        }
        if (changeIgmp) igmpJoin(v);
    }

    /**
     * vxlan_init_module(): the netdevice notifier, and the pernet exit that deletes the devices
     * whose underlay namespace goes away (vxlan_exit_batch_rtnl), wherever they live.
     */
    public static void init() {
        KernelInit.registerNotifier(Vxlan::deviceEvent);
        KernelInit.registerPernet(new KernelInit.PernetOps() {
            @Override public void init(NetNamespace ns) { }

            @Override
            public void exit(NetNamespace ns) {
                VxlanSock.Net n = ns.subsys(VxlanSock.Net.class);
                if (n == null) return;
                for (VxlanDev v : n.devices.toArray(new VxlanDev[0]))
                    if (!v.dev.unregistering && v.dev.ns != null) Dev.unregister(v.dev);
            }
        });
    }

    /** vxlan_netdevice_event(): deleting the lower device deletes the vxlan devices on it. */
    public static void deviceEvent(NetdevEvent ev, NetDevice lower) {
        if (ev != NetdevEvent.UNREGISTER || !lower.unregistering) return;
        VxlanSock.Net n = lower.ns.subsys(VxlanSock.Net.class);
        if (n == null) return;
        for (VxlanDev v : n.devices.toArray(new VxlanDev[0])) {
            if (v.cfg.remoteIfindex == lower.ifindex && v.net == lower.ns && !v.dev.unregistering)
                Dev.unregister(v.dev);
        }
    }

    @Override public String kind() { return "vxlan"; }

    /** vxlan_open(): the UDP socket (EADDRINUSE if a user holds the port) and the ageing timer. */
    @Override
    public void open(NetDevice dev) {
        VxlanDev v = vxlan(dev);
        if (v == null) return;
        try {
            v.vs = VxlanSock.add(v);
        } catch (KernelException e) {
            dev.flags &= ~If.IFF_UP;
            throw e;
        }
        igmpJoin(v);
        int[] range = InetHashtables.of(v.net).localPortRange();
        v.portLow = range[0];
        v.portHigh = range[1];
        if (v.ageTimer == null) v.ageTimer = new Timer(v.net.emulation().scheduler, v::cleanup);
        v.ageTimer.after(AGE_INTERVAL_NS);
    }

    /** vxlan_stop(): the socket goes, and with it every entry that is neither permanent nor static. */
    @Override
    public void stop(NetDevice dev) {
        VxlanDev v = vxlan(dev);
        if (v == null) return;
        if (v.ageTimer != null) v.ageTimer.del();
        v.fdb.flush(false);
        igmpLeave(v);
        if (v.vs != null) v.vs.release(v);
        v.vs = null;
    }

    /**
     * vxlan_igmp_join() (vxlan_multicast.c): a multicast default destination is joined on the lower
     * device by the socket (ip_mc_join_group -> ip_mc_inc_group), so datagrams to the group are
     * delivered locally. A second device of the socket on the same group and lower shares the join
     * (vxlan_group_used); nsnet counts one user per device, which lists the same groups.
     */
    static void igmpJoin(VxlanDev v) {
        if (v.mcDev != null || !Inet4.isMulticast(v.cfg.remoteIp) || v.cfg.remoteIfindex == 0) return;
        NetDevice lower = v.net.dev(v.cfg.remoteIfindex);
        if (lower == null) return;
        Igmp.incGroup(lower, v.cfg.remoteIp);
        v.mcDev = lower;
        v.mcGroup = v.cfg.remoteIp;
    }

    /** vxlan_igmp_leave(): the group left when the device stops (or its group changes). */
    static void igmpLeave(VxlanDev v) {
        if (v.mcDev == null) return;
        Igmp.decGroup(v.mcDev, v.mcGroup);
        v.mcDev = null;
        v.mcGroup = 0;
    }

    /** vxlan_uninit() / vxlan_dellink(): off the namespace's list, the table emptied. */
    @Override
    public void uninit(NetDevice dev) {
        VxlanDev v = vxlan(dev);
        if (v == null) return;
        igmpLeave(v);
        if (v.vs != null) {
            v.vs.release(v);
            v.vs = null;
        }
        if (v.ageTimer != null) v.ageTimer.del();
        v.fdb.flush(true);
        VxlanSock.Net.of(v.net).devices.remove(v);
    }

    /** vxlan_get_link_net(): the underlay namespace. */
    @Override
    public NetNamespace getLinkNet(NetDevice dev) {
        VxlanDev v = vxlan(dev);
        return v == null ? null : v.net;
    }

    /** vxlan_get_link_ksettings(): the lower device's link, unknown without one. */
    @Override
    public NetDevice linkSettingsDev(NetDevice dev) {
        VxlanDev v = vxlan(dev);
        return v == null || v.cfg.remoteIfindex == 0 ? null : v.net.dev(v.cfg.remoteIfindex);
    }

    /** vxlan_change_mtu(): with a lower device, at most its MTU minus the encapsulation. */
    @Override
    public void changeMtu(NetDevice dev, int mtu) {
        VxlanDev v = vxlan(dev);
        if (v == null || v.cfg.remoteIfindex == 0) return;
        NetDevice lower = v.net.dev(v.cfg.remoteIfindex);
        if (lower != null && mtu > lower.mtu - HEADROOM) throw new KernelException(Errno.EINVAL);
    }

    /** NTF_USE: a request flag, never stored. */
    private static final int NTF_USE = 0x01;
    /** One clock_t tick (USER_HZ = 100) in ns, the unit of NDA_CACHEINFO. */
    private static final long CS = 10_000_000L;

    /**
     * vxlan_fdb_parse(): the destination of a request, with the device's defaults for what it
     * leaves out (port and VNI; 0.0.0.0 without NDA_DST).
     */
    private static int[] parse(VxlanDev v, FdbRecord.Remote a) {
        int ip = a != null && a.dst() != null ? a.dst() : 0;
        int port = a != null && a.port() != 0 ? a.port() : v.cfg.dstPort;
        int vni = a != null && a.vni() >= 0 ? a.vni() : v.cfg.vni;
        int ifindex = a != null ? a.ifindex() : 0;
        if (ifindex != 0 && v.dev.ns.dev(ifindex) == null) throw new KernelException(Errno.EADDRNOTAVAIL, "Device not found");
        return new int[] {ip, port, vni, ifindex};
    }

    /** vxlan_fdb_add(): a destination (dst) is required; the state must be permanent or reachable. */
    @Override
    public void fdbAdd(NetDevice dev, long mac, int state, int ndmFlags, int nlFlags, FdbRecord.Remote attrs) {
        VxlanDev v = vxlan(dev);
        if ((state & (VxlanFdb.NUD_PERMANENT | VxlanFdb.NUD_REACHABLE)) == 0) throw new KernelException(Errno.EINVAL);
        if (attrs == null || attrs.dst() == null) throw new KernelException(Errno.EINVAL);
        int[] d = parse(v, attrs);
        v.fdb.update(mac, d[0], d[1], d[2], d[3], state, nlFlags, ndmFlags & ~NTF_USE & 0xff, v.cfg.addrmax, v.now());
    }

    /** vxlan_fdb_delete(). */
    @Override
    public void fdbDel(NetDevice dev, long mac, int state, FdbRecord.Remote attrs) {
        VxlanDev v = vxlan(dev);
        int[] d = parse(v, attrs);
        v.fdb.delete(mac, d[0] == 0, d[0], d[1], d[2], d[3], v.now());
    }

    /** vxlan_fdb_dump() / vxlan_fdb_info(): one message per remote, newest entry first. */
    @Override
    public void fdbDump(NetDevice dev, List<FdbRecord> out) {
        VxlanDev v = vxlan(dev);
        long now = v.now();
        int netnsid = v.net == dev.ns ? -1 : dev.ns.nsidOf(v.net);
        for (VxlanFdb.Entry f : v.fdb.list()) {
            for (VxlanFdb.Remote r : f.remotes) {
                FdbRecord.Remote a = new FdbRecord.Remote(r.ip != 0 ? r.ip : null,
                        r.port != 0 && r.port != v.cfg.dstPort ? r.port : 0,
                        r.vni != v.cfg.vni ? r.vni : -1, r.ifindex, netnsid);
                out.add(new FdbRecord(f.mac, dev.ifindex, (f.flags & VxlanFdb.NTF_SELF) != 0, false, 0, 0, f.state,
                        (now - f.used) / CS, (now - f.updated) / CS, a));
            }
        }
    }

    @Override
    public void xmit(NetDevice dev, SkBuff skb) { VxlanXmit.xmit(dev, skb); }
}
