package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.ipv4.RouteOutput;
import dev.nsnet.kernel.ipv4.Rtable;
import dev.nsnet.kernel.netfilter.Netfilter;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.XtTable;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * The nat table's hook functions (net/netfilter/nf_nat_proto.c {@code nf_nat_ipv4_fn()} and its
 * PREROUTING/OUTPUT wrappers, nf_nat_core.c {@code nf_nat_inet_fn()}): the nat table's rules are
 * walked only for a connection's first packet (NEW or RELATED, once per manip type); a connection
 * no rule bound gets a null binding; every packet is then rewritten from the entry. ICMP errors
 * related to a connection have their embedded header translated back
 * ({@code nf_nat_icmp_reply_translation()}).
 */
public final class NfNatHook {
    private NfNatHook() { }

    /**
     * The nat table's entry at {@code hook} (nf_nat_ipv4_ops): nf_nat_ipv4_in (PREROUTING: a
     * changed destination drops the attached route), nf_nat_ipv4_local_fn (OUTPUT: a changed
     * destination re-routes, ip_route_me_harder), nf_nat_ipv4_out / local_in (plain).
     */
    public static int hook(XtTable table, int hook, SkBuff skb, NetDevice in, NetDevice out) {
        int nh = skb.networkHeader;
        int daddr = Ipv4.dst(skb.buf, nh);
        int ret = ipv4Fn(table, hook, skb, in, out);
        if (ret != NfHook.NF_ACCEPT || Ipv4.dst(skb.buf, nh) == daddr) return ret;
        if (hook == NfHook.PRE_ROUTING) {
            skb.routeType = -1;
        } else if (hook == NfHook.LOCAL_OUT) {
            return routeMeHarder(skb, out) ? NfHook.NF_ACCEPT : NfHook.NF_DROP;
        }
        return ret;
    }

    /** ip_route_me_harder(): the packet's new destination gets a new output route. */
    public static boolean routeMeHarder(SkBuff skb, NetDevice out) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        Rtable rt;
        try {
            rt = RouteOutput.resolve(out.ns, Ipv4.dst(b, nh), Ipv4.src(b, nh), Ipv4.tos(b, nh), 0, skb.mark);
        } catch (KernelException e) {
            Tracepoints tp = out.ns.emulation().trace;
            if (tp.on) tp.step(skb, out, "ip_route_me_harder", "no route after NAT: " + e.getMessage());
            return false;
        }
        skb.outDev = rt.dev();
        skb.dev = rt.dev();
        skb.nexthop = rt.gateway();
        skb.routeType = rt.type().ordinal();
        skb.rtLocal = (rt.dev().flags & dev.nsnet.kernel.core.If.IFF_LOOPBACK) != 0;
        Tracepoints tp = out.ns.emulation().trace;
        if (tp.on) tp.step(skb, rt.dev(), "ip_route_me_harder", "re-routed to " + Inet4.format(rt.dst()) + " dev " + rt.dev().name);
        return true;
    }

    /** nf_nat_ipv4_fn() + nf_nat_inet_fn(); {@code skb.networkHeader} is at the IP header. */
    static int ipv4Fn(XtTable table, int hook, SkBuff skb, NetDevice in, NetDevice out) {
        NfConn ct = NfConntrackCore.get(skb);
        if (ct == null) return NfHook.NF_ACCEPT;
        int ctinfo = skb.ctinfo;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        if ((ctinfo == NfConn.IP_CT_RELATED || ctinfo == NfConn.IP_CT_RELATED_REPLY)
                && Ipv4.protocol(b, nh) == Ipv4.PROTO_ICMP) {
            return icmpReplyTranslation(skb, ct, ctinfo, hook, in != null ? in : out) ? NfHook.NF_ACCEPT : NfHook.NF_DROP;
        }
        int manip = NfNatCore.hook2manip(hook);
        NfConnNat nat = (NfConnNat) ct.nat;
        if (ctinfo == NfConn.IP_CT_NEW || ctinfo == NfConn.IP_CT_RELATED || ctinfo == NfConn.IP_CT_RELATED_REPLY) {
            if (!NfNatCore.initialized(ct, manip)) {
                int ret = Netfilter.iptDoTable(table, hook, skb, in, out);
                if (ret != NfHook.NF_ACCEPT) return ret;
                if (!NfNatCore.initialized(ct, manip)) {
                    ret = NfNatCore.allocNullBinding(ct, hook);
                    if (ret != NfHook.NF_ACCEPT) return ret;
                }
            } else if (oifChanged(hook, ctinfo, nat, out)) {
                return oifChangedDrop(skb, ct, out);
            }
        } else if (oifChanged(hook, ctinfo, nat, out)) {
            return oifChangedDrop(skb, ct, out);
        }
        // The device the trace shows: where the packet leaves for POSTROUTING/OUTPUT, else where it came in.
        NetDevice dev = out != null && (hook == NfHook.POST_ROUTING || hook == NfHook.LOCAL_OUT) ? out : in != null ? in : out;
        return NfNatCore.packet(ct, ctinfo, hook, skb, dev);
    }

    /** nf_nat_oif_changed(): a masqueraded flow now leaving by another device than the one it was masqueraded on. */
    private static boolean oifChanged(int hook, int ctinfo, NfConnNat nat, NetDevice out) {
        return nat != null && hook == NfHook.POST_ROUTING && NfConn.ctinfo2dir(ctinfo) == NfConn.DIR_ORIGINAL
                && nat.masqIndex != 0 && out != null && out.ifindex != nat.masqIndex;
    }

    private static int oifChangedDrop(SkBuff skb, NfConn ct, NetDevice out) {
        Tracepoints tp = out.ns.emulation().trace;
        if (tp.on) tp.step(skb, out, "nf_nat_inet_fn", "masqueraded connection now leaves by " + out.name + ": killed");
        NfConntrackCore.delete(ct);
        return NfHook.NF_DROP;
    }

    /**
     * nf_nat_icmp_reply_translation(): an ICMP error about a translated connection: the packet it
     * quotes is put back into the form its sender saw, then the outer header is rewritten like the
     * connection's other packets in this direction. The ICMP checksum is recomputed.
     */
    static boolean icmpReplyTranslation(SkBuff skb, NfConn ct, int ctinfo, int hook, NetDevice dev) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int hdrlen = Ipv4.ihl(b, nh);
        int ih = nh + hdrlen;
        int end = skb.tail();
        if (ih + Icmp.HLEN + Ipv4.HLEN > end) return false;
        int manip = NfNatCore.hook2manip(hook);
        int dir = NfConn.ctinfo2dir(ctinfo);
        int inner = ih + Icmp.HLEN;
        if (Icmp.type(b, ih) == Icmp.REDIRECT) {
            // Redirects only make sense for connections nobody translated.
            if ((ct.status & NfConn.IPS_NAT_DONE_MASK) != NfConn.IPS_NAT_DONE_MASK) return false;
            if ((ct.status & NfConn.IPS_NAT_MASK) != 0) return false;
        }
        int statusbit = manip == NfNatCore.MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT;
        if (dir == NfConn.DIR_REPLY) statusbit ^= NfConn.IPS_NAT_MASK;
        if ((ct.status & statusbit) == 0) return true;
        // The inner packet travelled in the other direction: rewrite it with the opposite manip.
        var t = ct.tuple(dir == NfConn.DIR_ORIGINAL ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL);
        int innerManip = manip == NfNatCore.MANIP_SRC ? NfNatCore.MANIP_DST : NfNatCore.MANIP_SRC;
        int innerAddr = innerManip == NfNatCore.MANIP_SRC ? t.src : t.dst;
        int innerPort = t.protonum == Ipv4.PROTO_ICMP ? t.sport : innerManip == NfNatCore.MANIP_SRC ? t.sport : t.dport;
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "nf_nat_icmp_reply_translation", "embedded packet " + (innerManip == NfNatCore.MANIP_SRC
                ? "source" : "destination") + " -> " + Inet4.format(innerAddr)
                + (t.protonum == Ipv4.PROTO_ICMP ? "" : ":" + innerPort));
        NfNatProto.ipv4ManipPkt(skb, inner, t.protonum, innerAddr, innerPort, innerManip == NfNatCore.MANIP_SRC);
        NfNatProto.icmpRecompute(b, ih, end);
        // The outer header: like the connection's own packets in this direction.
        var o = ct.tuple(dir == NfConn.DIR_ORIGINAL ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL);
        int addr = manip == NfNatCore.MANIP_SRC ? o.dst : o.src;
        NfNatProto.ipv4ManipPkt(skb, nh, Ipv4.PROTO_ICMP, addr, 0, manip == NfNatCore.MANIP_SRC);
        return true;
    }
}
