package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.bridge.BrNetfilterNet;
import dev.nsnet.kernel.bridge.BrNfHooks;
import dev.nsnet.kernel.bridge.BrPort;
import dev.nsnet.kernel.bridge.NetBridge;
import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IpOutput;
import dev.nsnet.kernel.ipv4.Neigh;
import dev.nsnet.kernel.ipv4.NeighTable;
import dev.nsnet.kernel.ipv4.RouteInput;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * br_netfilter for IPv4 (net/bridge/br_netfilter_hooks.c): with net.bridge.bridge-nf-call-iptables
 * on (the reference host's default), bridged IPv4 frames traverse the iptables hooks —
 * PREROUTING when they enter a port ({@code br_nf_pre_routing}, in = the bridge), FORWARD when
 * they are forwarded to another port ({@code br_nf_forward_ip}, in and out = the bridge) and
 * POSTROUTING on the way out ({@code br_nf_post_routing}, out = the bridge). A frame that is
 * passed up to the bridge device's own IP stack does not traverse PREROUTING a second time
 * ({@code ip_sabotage_in}, see {@link #preroutedByBridge}). The nf_bridge info physdev matches
 * read is set here: {@code skb.physIn} when the frame enters a port (nf_bridge_info_get at
 * br_nf_pre_routing), {@code skb.physOut} when it is forwarded to a port (br_nf_forward_ip).
 */
final class BrNetfilter {
    private BrNetfilter() { }

    /** Installs the bridge hook (once; it passes everything in namespaces without tables). */
    static void register() {
        if (BrNfHooks.hook == null) BrNfHooks.hook = BrNetfilter::hook;
    }

    static boolean hook(int hooknum, SkBuff skb, NetDevice in, NetDevice out) {
        NetDevice any = in != null ? in : out;
        if (any.ns.netfilter == null || skb.protocol != Ether.P_IP) return true;
        int inet;
        NetDevice port;
        switch (hooknum) {
            case BrNfHooks.NF_BR_PRE_ROUTING -> {
                inet = NfHook.PRE_ROUTING;
                port = in;
            }
            case BrNfHooks.NF_BR_FORWARD -> {
                inet = NfHook.FORWARD;
                port = out;
            }
            case BrNfHooks.NF_BR_POST_ROUTING -> {
                inet = NfHook.POST_ROUTING;
                port = out;
            }
            default -> {
                return true;
            }
        }
        BrPort p = BrPort.of(port);
        if (p == null || !BrNetfilterNet.callIptables(p.br)) return true;
        if (inet == NfHook.POST_ROUTING) {
            // br_nf_post_routing() acts only on frames that entered through a port of this bridge
            // (they carry nf_bridge info); the bridge's own or routed-in packets had ip_output's.
            BrPort from = BrPort.of(any.ns.dev(skb.iif));
            if (from == null || from.br != p.br) return true;
        }
        NetDevice br = p.br.dev;
        if (inet == NfHook.PRE_ROUTING && !validate(skb, in)) return false;
        if (inet == NfHook.PRE_ROUTING) {
            skb.nfBridge = true;
            skb.physIn = in;
            skb.physOut = null;
        } else if (inet == NfHook.FORWARD) {
            skb.physOut = out;
        }
        skb.networkHeader = skb.data;
        NetfilterNet n = NetfilterNet.of(any.ns);
        return switch (inet) {
            case NfHook.PRE_ROUTING -> {
                int daddr = Ipv4.dst(skb.buf, skb.networkHeader);
                if (!Netfilter.traverse(n, inet, skb, br, null)) yield false;
                yield Ipv4.dst(skb.buf, skb.networkHeader) == daddr || preRoutingFinishDnat(skb, in, br);
            }
            case NfHook.FORWARD -> Netfilter.traverse(n, inet, skb, br, br);
            default -> Netfilter.traverse(n, inet, skb, null, br);
        };
    }

    /**
     * br_nf_pre_routing_finish() for a frame whose destination DNAT changed: routed to a device
     * other than the bridge (or to this host), it goes up to the bridge's IP stack (its destination
     * MAC becomes the bridge's); routed back onto the bridge itself it is bridged to the new
     * destination ("bridged DNAT": destination MAC from the neighbour entry, then the bridge's
     * forwarding, which sends it back out of the port it came in on only in hairpin mode). An
     * unresolved neighbour sends the frame through the neighbour's output on the bridge device
     * (the kernel's bridged_dnat slow path) — the source MAC is then the bridge's, not the sender's.
     */
    private static boolean preRoutingFinishDnat(SkBuff skb, NetDevice port, NetDevice br) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        Tracepoints tp = br.ns.emulation().trace;
        int err = RouteInput.routeInput(skb, Ipv4.dst(b, nh), Ipv4.src(b, nh), Ipv4.tos(b, nh), br);
        if (err != 0) {
            Dev.drop(skb, port, "br_nf_pre_routing_finish", DropReason.IP_INADDRERRORS, "no route after DNAT");
            return false;
        }
        if (skb.routeType == RouteInput.UNICAST && skb.outDev == br) {
            int nexthop = skb.nexthop != 0 ? skb.nexthop : Ipv4.dst(b, nh);
            Neigh neigh = NeighTable.of(br.ns).lookup(br, nexthop);
            if (neigh != null && neigh.valid()) {
                Bytes.put48(b, skb.macHeader, neigh.ha);
                skb.routeType = -1;
                if (tp.on) tp.step(skb, br, "br_nf_pre_routing_finish", "DNAT back onto " + br.name + ": bridged to "
                        + Mac.format(neigh.ha));
                return true;
            }
            if (tp.on) tp.step(skb, br, "br_nf_pre_routing_finish", "DNAT back onto " + br.name + ": neighbour "
                    + Inet4.format(nexthop) + " unresolved, sent through it");
            skb.dev = br;
            IpOutput.neighOutput(skb);
            return false;
        }
        // To this host or routed elsewhere: up through the bridge device.
        Bytes.put48(b, skb.macHeader, br.mac);
        skb.pktType = SkBuff.PACKET_HOST;
        skb.routeType = -1;
        return true;
    }

    /** br_validate_ipv4(): a frame with a broken IPv4 header is dropped before iptables sees it. */
    private static boolean validate(SkBuff skb, NetDevice in) {
        byte[] b = skb.buf;
        int o = skb.data;
        if (skb.len < Ipv4.HLEN || Ipv4.version(b, o) != 4 || Ipv4.ihl(b, o) < Ipv4.HLEN || skb.len < Ipv4.ihl(b, o)
                || !Ipv4.checksumOk(b, o) || skb.len < Ipv4.totLen(b, o) || Ipv4.totLen(b, o) < Ipv4.ihl(b, o)) {
            Dev.drop(skb, in, "br_validate_ipv4", DropReason.IP_INHDR, "bad IPv4 header on a bridge port");
            return false;
        }
        return true;
    }

    /**
     * ip_sabotage_in(): an IPv4 packet received by a bridge device came up through one of its ports
     * and was already shown to PREROUTING by {@link #hook}, so ip_rcv's pass skips the tables.
     */
    static boolean preroutedByBridge(NetDevice in) {
        return in != null && in.priv instanceof NetBridge br && BrNetfilterNet.callIptables(br);
    }
}
