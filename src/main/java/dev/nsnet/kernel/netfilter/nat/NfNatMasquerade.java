package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetdevEvent;
import dev.nsnet.kernel.ipv4.Devinet;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.Inet;
import dev.nsnet.kernel.ipv4.Route;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * net/netfilter/nf_nat_masquerade.c: {@code nf_nat_masquerade_ipv4()} source-NATs a new
 * connection to the out device's address for the next hop ({@code inet_select_addr()} with
 * universe scope) and remembers the device; the notifiers ({@code masq_device_event()},
 * {@code masq_inet_event()}) kill the device's masqueraded connections when it goes down or loses
 * the address they were mapped to, so the next packet is masqueraded afresh.
 */
public final class NfNatMasquerade {
    private NfNatMasquerade() { }

    private static boolean registered;

    /** Registers the notifiers (nf_nat_masquerade_inet_register_notifiers) once per JVM. */
    public static synchronized void init() {
        if (registered) return;
        registered = true;
        KernelInit.registerNotifier((ev, dev) -> {
            if (ev == NetdevEvent.DOWN) deviceDown(dev);
        });
        Devinet.registerInetaddrNotifier((ev, ifa) -> {
            if (ev == Devinet.AddrEvent.DOWN) addressRemoved(ifa.inDev.dev, ifa.local);
        });
    }

    public static int masqueradeIpv4(SkBuff skb, NfNatRange range, NetDevice out) {
        NfConn ct = NfConntrackCore.get(skb);
        if (ct == null) return NfHook.NF_ACCEPT;
        // A source of 0.0.0.0: locally generated, probably not meant to be masqueraded.
        if (ct.tuple(NfConn.DIR_ORIGINAL).src == 0) return NfHook.NF_ACCEPT;
        int nexthop = skb.nexthop != 0 ? skb.nexthop : Ipv4.dst(skb.buf, skb.networkHeader);
        int newsrc = Inet.selectAddr(out, nexthop, Route.SCOPE_UNIVERSE);
        Tracepoints tp = out.ns.emulation().trace;
        if (newsrc == 0) {
            // The kernel logs "<dev> ate my IP address".
            if (tp.on) tp.step(skb, out, "nf_nat_masquerade_ipv4", out.name + " ate my IP address");
            return NfHook.NF_DROP;
        }
        NfNatCore.natExt(ct).masqIndex = out.ifindex;
        int flags = range.flags() | NfNatRange.MAP_IPS;
        return NfNatCore.setupInfo(ct, new NfNatRange(flags, newsrc, newsrc, range.minProto(), range.maxProto()),
                NfNatCore.MANIP_SRC);
    }

    /** masq_device_event() on NETDEV_DOWN: the device's masqueraded connections die. */
    public static void deviceDown(NetDevice dev) {
        NfConntrackNet net = NfConntrackNet.of(dev.ns);
        if (net == null) return;
        List<NfConn> victims = new ArrayList<>();
        for (NfConn ct : net.entries()) {
            if (ct.nat instanceof NfConnNat n && n.masqIndex == dev.ifindex) victims.add(ct);
        }
        for (NfConn ct : victims) NfConntrackCore.delete(ct);
    }

    /** masq_inet_event() on an address removal: connections mapped to that address die. */
    public static void addressRemoved(NetDevice dev, int addr) {
        NfConntrackNet net = NfConntrackNet.of(dev.ns);
        if (net == null) return;
        List<NfConn> victims = new ArrayList<>();
        for (NfConn ct : net.entries()) {
            if (ct.nat instanceof NfConnNat n && n.masqIndex == dev.ifindex && ct.tuple(NfConn.DIR_REPLY).dst == addr) victims.add(ct);
        }
        for (NfConn ct : victims) NfConntrackCore.delete(ct);
    }

    /** Whether an entry is still in the table (bysource entries of dead connections are skipped). */
    static boolean alive(NfConn ct) {
        return (ct.status & NfConn.IPS_DYING) == 0 && !ct.isExpired(ct.net.now());
    }
}
