package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.nat.NfNatHook;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * net/ipv4/netfilter/iptable_mangle.c {@code ipt_mangle_out()}: the mangle table at LOCAL_OUT
 * re-routes a locally generated packet whose source, destination, mark or TOS its rules changed
 * (ip_route_me_harder), so {@code -j MARK} in mangle OUTPUT steers policy routing (ip rule
 * fwmark). Later tables of the same hook still see the original output device, as in the kernel
 * (state->out is fixed when the hook starts).
 */
final class IptableMangle {
    private IptableMangle() { }

    static int hookOut(XtTable t, SkBuff skb, NetDevice out) {
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        int saddr = Ipv4.src(b, nh), daddr = Ipv4.dst(b, nh), tos = Ipv4.tos(b, nh), mark = skb.mark;
        int v = IptDoTable.run(t, NfHook.LOCAL_OUT, skb, null, out);
        if (v != NfHook.NF_ACCEPT) return v;
        nh = skb.networkHeader;
        if (Ipv4.src(b, nh) != saddr || Ipv4.dst(b, nh) != daddr || skb.mark != mark || Ipv4.tos(b, nh) != tos) {
            return NfNatHook.routeMeHarder(skb, out) ? NfHook.NF_ACCEPT : NfHook.NF_DROP;
        }
        return v;
    }
}
