package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RxHandler;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IpInput;
import dev.nsnet.kernel.ipv4.L3mdevRx;
import dev.nsnet.kernel.ipv4.RouteInput;
import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * drivers/net/ipvlan/ipvlan_core.c's {@code struct ipvl_port}: the ipvlan slaves of one lower
 * ("master") device, the per-port mode and flags, the hash of the slaves' IPv4 addresses
 * ({@code ipvlan_ht_addr_lookup}, only addresses of slaves that are up), and the rx handler on
 * the lower ({@code ipvlan_handle_frame}). In l3s mode the rx handler passes everything and the
 * l3mdev hooks of drivers/net/ipvlan/ipvlan_l3s.c ({@code ipvlan_l3_rcv}, {@code ipvlan_nf_input})
 * take over inside the lower's IPv4 input.
 */
public final class IpvlanPort implements RxHandler, L3mdevRx {
    public final NetDevice lower;
    /** port->ipvlans, in creation order. */
    public final List<Ipvlan.Slave> slaves = new ArrayList<>();
    /** port->mode (IPVLAN_MODE_*), L3 when the port is created. */
    public int mode = Ipvlan.MODE_L3;
    /** port->flags (IPVLAN_F_PRIVATE / IPVLAN_F_VEPA; 0 is bridge). */
    public int flags;

    // the address hash (open addressing, int keys: no boxing per lookup)
    private int[] keys = new int[8];
    private Ipvlan.Slave[] vals = new Ipvlan.Slave[8];

    private IpvlanPort(NetDevice lower) { this.lower = lower; }

    public static IpvlanPort of(NetDevice dev) {
        return dev != null && dev.rxHandlerData instanceof IpvlanPort p ? p : null;
    }

    /** ipvlan_port_create(): netdev_rx_handler_register() on the lower device. */
    static IpvlanPort create(NetDevice lower) {
        IpvlanPort p = new IpvlanPort(lower);
        lower.rxHandler = p;
        lower.rxHandlerData = p;
        return p;
    }

    /** ipvlan_port_destroy(). */
    void destroy() {
        if (lower.rxHandlerData == this) {
            lower.rxHandler = null;
            lower.rxHandlerData = null;
        }
    }

    public boolean isPrivate() { return (flags & Ipvlan.F_PRIVATE) != 0; }

    public boolean isVepa() { return (flags & Ipvlan.F_VEPA) != 0; }

    // ---------------------------------------------------------------- addresses

    private static int hash(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** ipvlan_ht_addr_lookup(): the up slave holding IPv4 address {@code ip}, or null. */
    public Ipvlan.Slave lookup(int ip) {
        int m = keys.length - 1;
        for (int i = hash(ip) & m; vals[i] != null; i = (i + 1) & m) {
            if (keys[i] == ip) return vals[i];
        }
        return null;
    }

    /** ipvlan_addr_busy(): whether any slave of the port (up or not) holds {@code ip}. */
    boolean addrBusy(int ip) {
        for (Ipvlan.Slave s : slaves) if (s.hasAddr(ip)) return true;
        return false;
    }

    /** ipvlan_ht_addr_add/del as slaves open, stop and gain or lose addresses: the hash is rebuilt. */
    void rehash() {
        int n = 0;
        for (Ipvlan.Slave s : slaves) if (s.dev.isUp()) n += s.addrCount;
        int cap = 8;
        while (cap < n * 2 + 2) cap <<= 1;
        int[] k = new int[cap];
        Ipvlan.Slave[] v = new Ipvlan.Slave[cap];
        for (Ipvlan.Slave s : slaves) {
            if (!s.dev.isUp()) continue;
            for (int j = 0; j < s.addrCount; j++) {
                int ip = s.addrs[j];
                int i = hash(ip) & (cap - 1);
                while (v[i] != null && k[i] != ip) i = (i + 1) & (cap - 1);
                if (v[i] == null) {
                    k[i] = ip;
                    v[i] = s;
                }
            }
        }
        keys = k;
        vals = v;
    }

    /**
     * ipvlan_get_L3_hdr() + ipvlan_addr_lookup() on a frame whose L3 header starts at {@code nh}:
     * the IPv4 destination (source when {@code useDest} is false) or the ARP target (sender)
     * address; null for other protocols or malformed headers.
     */
    Ipvlan.Slave addrLookup(SkBuff skb, int proto, int nh, boolean useDest) {
        byte[] b = skb.buf;
        int avail = skb.tail() - nh;
        if (proto == Ether.P_IP) {
            if (avail < Ipv4.HLEN) return null;
            int ihl = Ipv4.ihl(b, nh);
            int tot = Ipv4.totLen(b, nh);
            if (ihl < Ipv4.HLEN || Ipv4.version(b, nh) != 4 || avail < tot || tot < ihl) return null;
            return lookup(useDest ? Ipv4.dst(b, nh) : Ipv4.src(b, nh));
        }
        if (proto == Ether.P_ARP) {
            if (avail < 28) return null;
            return lookup(useDest ? Arp.tpa(b, nh) : Arp.spa(b, nh));
        }
        return null;
    }

    // ---------------------------------------------------------------- receive

    /** ipvlan_handle_frame(): {@code skb.data} past the Ethernet header (eth_type_trans ran for the lower). */
    @Override
    public RxHandlerResult handle(SkBuff skb) {
        if (mode == Ipvlan.MODE_L3S) return RxHandlerResult.PASS;
        if (mode == Ipvlan.MODE_L2 && Mac.isMulticast(Ether.dst(skb.buf, skb.macHeader))) {
            if (externalFrame(skb)) multicastRx(skb);
            return RxHandlerResult.PASS;
        }
        return handleModeL3(skb);
    }

    /** ipvlan_handle_mode_l3(): the slave owning the destination IP (or ARP target) gets the frame. */
    private RxHandlerResult handleModeL3(SkBuff skb) {
        Ipvlan.Slave s = addrLookup(skb, skb.protocol, skb.data, true);
        if (s == null) return RxHandlerResult.PASS;
        NetDevice dev = s.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "ipvlan_handle_mode_l3", "to " + dev.name);
        // ipvlan_rcv_frame(local = false)
        Ipvlan.countRx(dev, skb.len + Ether.HLEN, false);
        if (dev.ns != lower.ns) {
            skb.resetCt();
            skb.mark = 0;
        }
        skb.dev = dev;
        return RxHandlerResult.ANOTHER;
    }

    /**
     * ipvlan_external_frame(): a multicast frame is external unless it carries the lower's MAC
     * as source and an IPv4/ARP source address of one of the slaves (its own broadcast coming
     * back from a hairpinning switch).
     */
    private boolean externalFrame(SkBuff skb) {
        if (Ether.src(skb.buf, skb.macHeader) != lower.mac) return true;
        int p = skb.protocol;
        if (p != Ether.P_IP && p != Ether.P_ARP) return true;
        return addrLookup(skb, p, skb.data, false) == null;
    }

    /**
     * ipvlan_process_multicast() for a frame from the wire: a copy to every up slave (the
     * kernel defers this to a work queue; here it happens at once), the lower keeps the frame.
     */
    private void multicastRx(SkBuff skb) {
        int mac = skb.macHeader;
        skb.push(skb.data - mac);
        for (int i = 0, n = slaves.size(); i < n; i++) {
            Ipvlan.Slave s = slaves.get(i);
            if (!s.acceptsMulticast(Ether.dst(skb.buf, skb.data))) continue;
            Ipvlan.countRx(s.dev, skb.len, true);
            SkBuff c = skb.copy();
            c.resetCt();
            c.mark = 0;
            Dev.ethTypeTrans(c, s.dev);
            Dev.netifRx(c);
        }
        skb.pull(Ether.HLEN);
    }

    // ---------------------------------------------------------------- l3s

    /**
     * ipvlan_l3_rcv(): in l3s mode, a packet for a slave's address is routed in the slave's
     * namespace (ip_route_input_noref with the slave device); a local route then delivers it
     * through the lower namespace's LOCAL_IN hooks (so the host's INPUT chain and conntrack see
     * it) and {@link #nfLocalIn} hands it to the slave.
     */
    @Override
    public boolean l3Rcv(SkBuff skb, NetDevice dev) {
        if (mode != Ipvlan.MODE_L3S || skb.protocol != Ether.P_IP) return false;
        int nh = skb.networkHeader;
        Ipvlan.Slave s = addrLookup(skb, Ether.P_IP, nh, true);
        if (s == null) return false;
        byte[] b = skb.buf;
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "ipvlan_l3_rcv", "route in " + s.dev.name + "'s namespace");
        int err = RouteInput.routeInput(skb, Ipv4.dst(b, nh), Ipv4.src(b, nh), Ipv4.tos(b, nh), s.dev);
        if (err != 0) {
            skb.routeType = -1;
            return false; // no dst: ip_rcv_finish_core routes it in the lower's namespace
        }
        int t = skb.routeType;
        if (t == RouteInput.LOCAL || t == RouteInput.BROADCAST) {
            IpInput.localDeliver(skb);
        } else {
            Dev.drop(skb, dev, "ipvlan_l3_rcv", DropReason.NOT_SPECIFIED,
                    tp.on ? "slave route is not local (forwarding from an l3s slave is not modelled)" : null);
        }
        return true;
    }

    /** ipvlan_nf_input(): LOCAL_IN of the lower's namespace, last priority: the packet moves to its slave. */
    @Override
    public NetDevice nfLocalIn(SkBuff skb, NetDevice dev) {
        if (mode != Ipvlan.MODE_L3S) return dev;
        Ipvlan.Slave s = addrLookup(skb, Ether.P_IP, skb.networkHeader, true);
        if (s == null) return dev;
        skb.dev = s.dev;
        skb.iif = s.dev.ifindex;
        Ipvlan.countRx(s.dev, Ipv4.totLen(skb.buf, skb.networkHeader) + Ether.HLEN, false);
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, s.dev, "ipvlan_nf_input", "to " + s.dev.name);
        return s.dev;
    }

    /** dev_forward_skb() of a frame ({@code skb.data} at the Ethernet header) to {@code to}. */
    static void forward(SkBuff skb, NetDevice to) {
        skb.iif = 0;
        skb.resetCt();
        if (skb.dev == null || skb.dev.ns != to.ns) skb.mark = 0;
        Dev.ethTypeTrans(skb, to);
        Dev.netifRx(skb);
    }

    static boolean allMulti(NetDevice d) { return (d.flags & (If.IFF_PROMISC | If.IFF_ALLMULTI)) != 0 || d.promiscuity > 0; }
}
