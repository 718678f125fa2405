package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.NetdevEvent;

/**
 * inet_init() (net/ipv4/af_inet.c): registers the IPv4 stack's pernet state, its netdevice
 * notifiers (devinet.c inetdev_event, then fib_frontend.c fib_netdev_event, in the kernel's
 * registration order) and the protocol handlers; plus the address helpers the rest of the stack
 * calls (inet_select_addr, __ip_dev_find, inet_ifa_byaddr).
 */
public final class Inet {
    private Inet() { }

    public static void init() {
        KernelInit.registerPernet(new KernelInit.PernetOps() {
            @Override
            public void init(NetNamespace ns) {
                Ipv4Net net = new Ipv4Net(ns);
                ns.ipv4 = net;
                Ipv4Sysctl.registerNet(ns, net);
            }
        });
        KernelInit.registerNotifier(Inet::inetdevEvent);
        KernelInit.registerNotifier(FibFrontend::netdevEvent);
        // The data path (IPv4 layer): ip_rcv/arp_rcv packet types, ICMP as inet protocol, arp_tbl.
        KernelInit.addPack(dev.nsnet.kernel.wire.Ether.P_IP, IpInput::ipRcv);
        KernelInit.addPack(dev.nsnet.kernel.wire.Ether.P_ARP, Arp::arpRcv);
        Ipv4Sockets.addProtocol(dev.nsnet.kernel.wire.Ipv4.PROTO_ICMP, IcmpRcv.INSTANCE);
        Ipv4Sockets.addProtocol(dev.nsnet.kernel.wire.Ipv4.PROTO_UDP, UdpProtocol.INSTANCE);
        Ipv4Sockets.addProtocol(dev.nsnet.kernel.wire.Ipv4.PROTO_TCP, TcpInput.INSTANCE);
        Arp.init();
    }

    /** IPV4_MIN_MTU: inetdev_valid_mtu(). */
    static final int IPV4_MIN_MTU = 68;

    /** inetdev_event(). */
    static void inetdevEvent(NetdevEvent ev, NetDevice dev) {
        NetNamespace ns = dev.ns;
        InDevice in = InDevice.of(dev);
        switch (ev) {
            case REGISTER -> {
                if (in == null) inetdevInit(dev);
            }
            case UNREGISTER -> {
                if (in == null) return;
                Devinet.destroy(in);
                dev.ipPtr = null; // its sysctl directories go with it (Ipv4Sysctl resolves them on access)
            }
            case UP -> {
                if (in == null) return;
                if ((dev.flags & If.IFF_LOOPBACK) != 0) {
                    IfAddr ifa = new IfAddr(in);
                    ifa.local = ifa.address = 0x7f000001;
                    ifa.prefixLen = 8;
                    ifa.mask = FibTable.mask(8);
                    ifa.scope = Route.SCOPE_HOST;
                    ifa.label = dev.name;
                    ifa.flags = IfAddr.IFA_F_PERMANENT;
                    in.cnf.state = (1L << DevConf.COUNT) - 1; // ipv4_devconf_setall()
                    try {
                        Devinet.insertIfa(ifa);
                    } catch (dev.nsnet.kernel.core.KernelException e) {
                        // already there from an earlier up: inet_insert_ifa() returns -EEXIST, ignored
                    }
                }
            }
            case CHANGEMTU -> {
                // IPv4 needs 68 bytes: below, the device loses its in_device (addresses, routes,
                // conf, ARP parms); at 68 or more again it gets a fresh one (no address: the
                // loopback's 127.0.0.1 only comes back with the next NETDEV_UP)
                boolean valid = dev.mtu >= IPV4_MIN_MTU;
                if (in != null && !valid) {
                    Devinet.destroy(in);
                    dev.ipPtr = null;
                    NeighTable tbl = NeighTable.of(ns);
                    tbl.parmsRelease(dev);
                    tbl.ifdown(dev);
                } else if (in == null && valid && dev.ns != null) {
                    inetdevInit(dev);
                    NeighTable.of(ns).parmsAlloc(dev);
                }
            }
            case CHANGENAME -> {
                if (in == null) return;
                in.sysctlName = dev.name; // moves its net.ipv4/ipv6.conf directories
                changeName(in);
            }
            default -> { }
        }
    }

    /** inetdev_init(): the device's in_device with a copy of conf/default. */
    private static InDevice inetdevInit(NetDevice dev) {
        Ipv4Net net = Ipv4Net.of(dev.ns);
        InDevice in = new InDevice(dev, net.devconfDflt.copy());
        if ((dev.flags & If.IFF_LOOPBACK) != 0) {
            in.cnf.put(DevConf.DISABLE_XFRM, 1);
            in.cnf.put(DevConf.DISABLE_POLICY, 1);
        }
        dev.ipPtr = in;
        Ipv4Sysctl.initDevIpv6(dev.ns, in);
        in.sysctlName = dev.name; // names its net.ipv4/ipv6.conf directories
        return in;
    }

    /**
     * inetdev_changename(): labels follow the device name. The first address of the list gets the
     * bare name; every later one keeps its alias suffix (from the first ':' of its old label) or,
     * having none, gets ":N", N its position in the list (1-based). A suffix that does not fit in
     * IFNAMSIZ overwrites the end of the name.
     */
    private static void changeName(InDevice in) {
        String name = in.dev.name;
        int named = 0;
        for (IfAddr ifa : in.ifaList) {
            String old = ifa.label;
            if (named++ == 0) {
                ifa.label = name;
                continue;
            }
            int colon = old.indexOf(':');
            String suffix = colon >= 0 ? old.substring(colon) : ":" + named;
            if (suffix.length() + name.length() < 16) ifa.label = name + suffix;
            else ifa.label = name.substring(0, Math.max(0, 15 - suffix.length())) + suffix;
        }
    }

    // ------------------------------------------------------------------ address helpers

    /**
     * inet_select_addr(): the source address for talking to {@code dst} out of {@code dev} within
     * {@code scope}: a primary of the device (one in dst's subnet preferred), else the first
     * suitable primary of any device of the namespace, else 0.
     */
    public static int selectAddr(NetDevice dev, int dst, int scope) {
        InDevice in = InDevice.of(dev);
        int addr = 0;
        int localnetScope = Route.SCOPE_HOST;
        if (in != null) {
            if (in.routeLocalnet()) localnetScope = Route.SCOPE_LINK;
            for (IfAddr ifa : in.ifaList) {
                if (ifa.secondary()) continue;
                if (Math.min(ifa.scope, localnetScope) > scope) continue;
                if (dst == 0 || ifa.match(dst)) {
                    addr = ifa.local;
                    break;
                }
                if (addr == 0) addr = ifa.local;
            }
            if (addr != 0) return addr;
        }
        for (NetDevice d : dev.ns.devices()) {
            InDevice i2 = InDevice.of(d);
            if (i2 == null) continue;
            for (IfAddr ifa : i2.ifaList) {
                if (!ifa.secondary() && ifa.scope != Route.SCOPE_LINK && Math.min(ifa.scope, localnetScope) <= scope) {
                    return ifa.local;
                }
            }
        }
        return 0;
    }

    /** inet_lookup_ifaddr_rcu(): the address record whose local address is {@code addr}, or null. */
    public static IfAddr ifaByAddr(NetNamespace ns, int addr) {
        return Ipv4Net.of(ns).addrLookup(addr);
    }

    /** __ip_dev_find(): the device owning local address {@code addr}, or null. */
    public static NetDevice devFind(NetNamespace ns, int addr) {
        IfAddr ifa = ifaByAddr(ns, addr);
        if (ifa != null) return ifa.inDev.dev;
        // Not a configured address: a "local" route may still make it ours (ip route add local ...).
        FibTable local = Ipv4Net.of(ns).table(Route.TABLE_LOCAL, false);
        FibAlias fa = local == null ? null : local.lookup(addr, 0, 0, 0, false);
        return fa != null && fa.route.type() == RouteType.LOCAL ? fa.route.dev() : null;
    }

    /** inet_confirm_addr()-style check: whether {@code addr} is configured on {@code dev}. */
    public static boolean isDevAddr(NetDevice dev, int addr) {
        InDevice in = InDevice.of(dev);
        if (in == null) return false;
        for (IfAddr ifa : in.ifaList) if (ifa.local == addr) return true;
        return false;
    }
}
