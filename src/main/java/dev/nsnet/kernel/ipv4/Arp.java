package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

import static dev.nsnet.kernel.wire.Arp.hwLen;
import static dev.nsnet.kernel.wire.Arp.hwType;
import static dev.nsnet.kernel.wire.Arp.op;
import static dev.nsnet.kernel.wire.Arp.protoLen;
import static dev.nsnet.kernel.wire.Arp.protoType;
import static dev.nsnet.kernel.wire.Arp.sha;
import static dev.nsnet.kernel.wire.Arp.spa;
import static dev.nsnet.kernel.wire.Arp.tha;
import static dev.nsnet.kernel.wire.Arp.tpa;
import static dev.nsnet.kernel.wire.Arp.write;

/**
 * net/ipv4/arp.c: receiving ARP ({@code arp_rcv}, {@code arp_process}: replies for local
 * addresses under arp_ignore/arp_filter, learning the sender), soliciting for the neighbour table
 * ({@code arp_solicit} with arp_announce's choice of source) and building frames ({@code arp_send}).
 */
public final class Arp {
    private Arp() { }

    private static final int OP_REQUEST = 1;
    private static final int OP_REPLY = 2;
    static final int ARP_FRAME_LEN = Ether.HLEN + 28;

    // ------------------------------------------------------------------ receive

    /** arp_rcv(): the ptype handler for ETH_P_ARP; {@code skb.data} at the ARP header. */
    public static void arpRcv(SkBuff skb, NetDevice dev) {
        if ((dev.flags & If.IFF_NOARP) != 0 || skb.pktType == SkBuff.PACKET_OTHERHOST
                || skb.pktType == SkBuff.PACKET_LOOPBACK) {
            Dev.consume(skb);
            return;
        }
        if (skb.len < 28) {
            Dev.drop(skb, dev, "arp_rcv", DropReason.PKT_TOO_SMALL, "short ARP packet");
            return;
        }
        byte[] b = skb.buf;
        int o = skb.data;
        if (hwLen(b, o) != 6 || protoLen(b, o) != 4) {
            Dev.drop(skb, dev, "arp_rcv", DropReason.NOT_SPECIFIED, "bad address lengths");
            return;
        }
        skb.networkHeader = o;
        arpProcess(skb, dev);
    }

    /** arp_process(). */
    static void arpProcess(SkBuff skb, NetDevice dev) {
        NetNamespace ns = dev.ns;
        Tracepoints tp = ns.emulation().trace;
        InDevice in = InDevice.of(dev);
        byte[] b = skb.buf;
        int o = skb.data;
        if (in == null) {
            Dev.drop(skb, dev, "arp_process", DropReason.NOT_SPECIFIED, "no IPv4 on " + dev.name);
            return;
        }
        if (protoType(b, o) != Ether.P_IP || hwType(b, o) != 1) {
            Dev.drop(skb, dev, "arp_process", DropReason.NOT_SPECIFIED, "not Ethernet/IPv4");
            return;
        }
        int op = op(b, o);
        if (op != OP_REPLY && op != OP_REQUEST) {
            Dev.drop(skb, dev, "arp_process", DropReason.NOT_SPECIFIED, "ARP op " + op);
            return;
        }
        long sha = sha(b, o);
        int sip = spa(b, o);
        long tha = tha(b, o);
        int tip = tpa(b, o);
        if (tp.on) tp.step(skb, dev, "arp_process", (op == OP_REQUEST ? "request who-has " + Inet4.format(tip)
                + " tell " + Inet4.format(sip) : "reply " + Inet4.format(sip) + " is-at " + Mac.format(sha)));
        if (Inet4.isMulticast(tip) || (!in.routeLocalnet() && Inet4.isLoopback(tip))) {
            Dev.drop(skb, dev, "arp_process", DropReason.NOT_SPECIFIED, "target is multicast or loopback");
            return;
        }
        if (sip == tip && in.dropGratuitousArp()) {
            Dev.drop(skb, dev, "arp_process", DropReason.NOT_SPECIFIED, "drop_gratuitous_arp");
            return;
        }
        NeighTable tbl = NeighTable.of(ns);
        if (sip == 0) {
            // RFC 2131 duplicate address detection probe.
            if (op == OP_REQUEST && Fib.addrType(ns, tip) == RouteType.LOCAL && !arpIgnore(in, sip, tip)) {
                send(OP_REPLY, sip, dev, tip, sha, dev.mac, sha);
            }
            Dev.consume(skb);
            return;
        }
        if (op == OP_REQUEST && RouteInput.routeInput(skb, tip, sip, 0, dev) == 0) {
            int addrType = skb.routeType;
            if (addrType == RouteType.LOCAL.ordinal()) {
                boolean dontSend = arpIgnore(in, sip, tip);
                String why = dontSend ? "arp_ignore=" + in.arpIgnore() : null;
                if (!dontSend && in.arpFilter()) {
                    dontSend = arpFilter(sip, tip, dev);
                    if (dontSend) why = "arp_filter";
                }
                if (!dontSend) {
                    Neigh n = tbl.lookupOrCreate(dev, sip);
                    tbl.update(n, sha, NeighState.STALE, NeighTable.F_OVERRIDE);
                    send(OP_REPLY, sip, dev, tip, sha, dev.mac, sha);
                } else if (tp.on) {
                    tp.step(skb, dev, "arp_process", "no reply: " + why);
                }
                Dev.consume(skb);
                return;
            } else if (in.forwarding()) {
                if (addrType == RouteType.UNICAST.ordinal() && skb.outDev != null && skb.outDev != dev
                        && ((in.proxyArp() && InDevice.of(skb.outDev) != null) || tbl.pneighFind(dev, tip, false) != null)) {
                    Neigh n = tbl.lookupOrCreate(dev, sip);
                    tbl.update(n, sha, NeighState.STALE, NeighTable.F_OVERRIDE);
                    if (tp.on) tp.step(skb, dev, "arp_process", "proxy_arp reply for " + Inet4.format(tip));
                    send(OP_REPLY, sip, dev, tip, sha, dev.mac, sha);
                    Dev.consume(skb);
                    return;
                }
            }
        }
        // Update our ARP tables: only entries that exist (we asked, or the sender asked us).
        Neigh n = tbl.lookup(dev, sip);
        int[] addrType = {-1};
        boolean isGarp = false;
        boolean accept = arpAccept(in, sip);
        if (n != null || accept) isGarp = isGarp(ns, dev, addrType, op, sip, tip, sha, tha);
        if (accept && n == null) {
            if (isGarp || (op == OP_REPLY && (addrType[0] == RouteType.UNICAST.ordinal()
                    || (addrType[0] < 0 && Fib.addrType(ns, sip) == RouteType.UNICAST)))) {
                n = tbl.lookupOrCreate(dev, sip);
            }
        }
        if (n != null) {
            int state = NeighState.REACHABLE;
            long now = ns.emulation().now();
            boolean override = now > n.updated + n.parms.locktimeMs * NeighTable.MS || isGarp;
            if (op != OP_REPLY || skb.pktType != SkBuff.PACKET_HOST) state = NeighState.STALE;
            tbl.update(n, sha, state, override ? NeighTable.F_OVERRIDE : 0);
        }
        Dev.consume(skb);
    }

    /** arp_is_garp(). */
    private static boolean isGarp(NetNamespace ns, NetDevice dev, int[] addrType, int op, int sip, int tip,
                                  long sha, long tha) {
        boolean garp = tip == sip;
        if (garp && op == OP_REPLY) garp = tha == sha;
        if (garp) {
            RouteType t = Fib.addrType(ns, sip);
            addrType[0] = t.ordinal();
            if (t != RouteType.UNICAST) garp = false;
        }
        return garp;
    }

    /** arp_accept(): 0 never, 1 always, 2 only from our subnets. */
    private static boolean arpAccept(InDevice in, int sip) {
        return switch (in.arpAccept()) {
            case 1 -> true;
            case 2 -> confirmAddr(in.dev.ns, in, sip, 0, 253) != 0;
            default -> false;
        };
    }

    /** arp_ignore(): whether to stay silent for a request for {@code tip} from {@code sip}. */
    static boolean arpIgnore(InDevice in, int sip, int tip) {
        int scope;
        InDevice where = in;
        switch (in.arpIgnore()) {
            case 0: return false;
            case 1: sip = 0; scope = 254; break;
            case 2: scope = 254; break;
            case 3: sip = 0; scope = 253; where = null; break;
            case 8: return true;
            default: return false;
        }
        return confirmAddr(in.dev.ns, where, sip, tip, scope) == 0;
    }

    /** arp_filter(): reply only if the route back to the sender leaves through this device. */
    private static boolean arpFilter(int sip, int tip, NetDevice dev) {
        FibResult res = Fib.lookup(dev.ns, sip, tip, 0, 0, Fib.LOOPBACK_IFINDEX, 0);
        if (res == null || Fib.errnoOf(res) != null) return true;
        return res.dev() != dev;
    }

    /** inet_confirm_addr(): an address of {@code in} (or any device when null) that confirms local/dst. */
    static int confirmAddr(NetNamespace ns, InDevice in, int dst, int local, int scope) {
        if (in != null) return confirmAddrIndev(in, dst, local, scope);
        for (NetDevice d : ns.devices()) {
            InDevice id = InDevice.of(d);
            if (id == null) continue;
            int a = confirmAddrIndev(id, dst, local, scope);
            if (a != 0) return a;
        }
        return 0;
    }

    /** confirm_addr_indev(). */
    private static int confirmAddrIndev(InDevice in, int dst, int local, int scope) {
        int localnetScope = in.routeLocalnet() ? 253 : 254;
        int addr = 0;
        boolean same = false;
        for (IfAddr ifa : in.addresses()) {
            int minScope = Math.min(ifa.scope, localnetScope);
            if (addr == 0 && (local == ifa.local || local == 0) && minScope <= scope) {
                addr = ifa.local;
                if (same) break;
            }
            if (!same) {
                same = (local == 0 || ifa.match(local)) && (dst == 0 || ifa.match(dst));
                if (same && addr != 0) {
                    if (local != 0 || dst == 0) break;
                    if (ifa.match(addr)) break;
                    if (minScope <= scope) {
                        addr = ifa.local;
                        break;
                    }
                    same = false;
                }
            }
        }
        return same ? addr : 0;
    }

    // ------------------------------------------------------------------ solicit / send

    /** arp_solicit(): asks for the entry's address, broadcast while INCOMPLETE, unicast in PROBE. */
    static void solicit(Neigh n, SkBuff hint) {
        NetDevice dev = n.dev;
        InDevice in = InDevice.of(dev);
        if (in == null) return;
        NetNamespace ns = dev.ns;
        int target = n.key;
        int saddr = 0;
        switch (in.arpAnnounce()) {
            case 1 -> {
                if (hint != null) {
                    int s = Ipv4.src(hint.buf, hint.networkHeader);
                    if (Fib.addrType(ns, s) == RouteType.LOCAL && addrOnlink(in, target, s)) saddr = s;
                }
            }
            case 2 -> { }
            default -> {
                if (hint != null) {
                    int s = Ipv4.src(hint.buf, hint.networkHeader);
                    if (Fib.addrType(ns, s) == RouteType.LOCAL) saddr = s;
                }
            }
        }
        if (saddr == 0) saddr = Inet.selectAddr(dev, target, Route.SCOPE_LINK);
        int probes = n.probes - n.parms.ucastProbes;
        long dstHw = -1;
        if (probes < 0) {
            dstHw = n.ha;
        } else if (probes - n.parms.appProbes < 0) {
            return; // neigh_app_ns(): a user-space resolver would be asked; none exists here
        }
        send(OP_REQUEST, target, dev, saddr, dstHw, dev.mac, -1);
    }

    /** inet_addr_onlink(): {@code a} (and {@code b} when non-zero) lie in one of the device's subnets. */
    private static boolean addrOnlink(InDevice in, int a, int b) {
        for (IfAddr ifa : in.addresses()) {
            if (ifa.match(a) && (b == 0 || ifa.match(b))) return true;
        }
        return false;
    }

    /**
     * arp_send() / arp_create() + arp_xmit(): {@code destHw} -1 broadcasts, {@code targetHw} -1
     * leaves the target hardware address zero (requests).
     */
    public static void send(int op, int destIp, NetDevice dev, int srcIp, long destHw, long srcHw, long targetHw) {
        if ((dev.flags & If.IFF_NOARP) != 0) return;
        SkBuff skb = dev.ns.emulation().pool.alloc(ARP_FRAME_LEN);
        int o = skb.put(ARP_FRAME_LEN);
        long ethDst = destHw < 0 ? dev.broadcast : destHw;
        Ether.write(skb.buf, o, ethDst, srcHw, Ether.P_ARP);
        write(skb.buf, o + Ether.HLEN, op, srcHw, srcIp, targetHw < 0 ? 0 : targetHw, destIp);
        skb.macHeader = o;
        skb.networkHeader = o + Ether.HLEN;
        skb.protocol = Ether.P_ARP;
        skb.dev = dev;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "arp_send", (op == OP_REQUEST ? "who-has " + Inet4.format(destIp) + " tell "
                + Inet4.format(srcIp) : Inet4.format(srcIp) + " is-at " + Mac.format(srcHw)) + " to " + Mac.format(ethDst));
        Dev.queueXmit(skb);
    }

    /** arp_error_report() -> ipv4_link_failure(): ICMP host unreachable for a packet that waited in vain. */
    static void errorReport(Neigh n, SkBuff skb) {
        IcmpSend.send(skb, 3, 1, 0);
        Dev.drop(skb, n.dev, "arp_error_report", DropReason.NEIGH_FAILED, "neighbour " + Inet4.format(n.key) + " failed");
    }

    /** arp_ifdown(). */
    public static void ifdown(NetDevice dev) { NeighTable.of(dev.ns).ifdown(dev); }

    /**
     * arp_init() and the ARP side of the notifiers: the table per namespace (neigh_table_init +
     * its sysctls), per-device parms (neigh_parms_alloc in inetdev_init), arp_netdev_event, the
     * arp_ifdown() of fib_disable_ip() on NETDEV_DOWN/UNREGISTER and when a device loses its last
     * IPv4 address.
     */
    public static void init() {
        dev.nsnet.kernel.core.KernelInit.registerPernet(new dev.nsnet.kernel.core.KernelInit.PernetOps() {
            @Override
            public void init(NetNamespace ns) { NeighTable.of(ns); }
        });
        dev.nsnet.kernel.core.KernelInit.registerNotifier(Arp::netdevEvent);
        Devinet.registerInetaddrNotifier((ev, ifa) -> {
            if (ev == Devinet.AddrEvent.DOWN && ifa.inDev.addresses().isEmpty() && ifa.inDev.dev.ns != null) {
                ifdown(ifa.inDev.dev);
            }
        });
    }

    /** inetdev_event(): with arp_notify, a gratuitous ARP for the first address when the link comes up. */
    private static void arpNotify(NetDevice d) {
        InDevice in = InDevice.of(d);
        if (in == null || in.arpNotify() == 0 || !d.isUp()) return;
        IfAddr ifa = in.primary();
        if (ifa == null) return;
        send(OP_REQUEST, ifa.local, d, ifa.local, -1, d.mac, -1);
    }

    private static void netdevEvent(dev.nsnet.kernel.core.NetdevEvent ev, NetDevice d) {
        if (d.ns == null) return;
        NeighTable tbl = NeighTable.of(d.ns);
        switch (ev) {
            case REGISTER -> {
                if (InDevice.of(d) != null) tbl.parmsAlloc(d);
            }
            case CHANGENAME -> tbl.parmsRename(d);
            case CHANGEADDR -> {
                tbl.changeAddr(d);
                arpNotify(d);
            }
            case UP -> arpNotify(d);
            case CHANGE -> {
                InDevice in = InDevice.of(d);
                if (!d.carrier && (in == null || in.arpEvictNocarrier())) tbl.carrierDown(d);
            }
            case DOWN -> tbl.ifdown(d);
            case UNREGISTER -> {
                tbl.ifdown(d);
                tbl.pneighIfdown(d);
                tbl.parmsRelease(d);
            }
            default -> { }
        }
    }
}
