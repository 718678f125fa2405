package dev.nsnet.kernel.netfilter.nat;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.ipv4.IfAddr;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackCore;

/**
 * net/netfilter/nf_nat_redirect.c {@code nf_nat_redirect_ipv4()}: a destination NAT to this host:
 * 127.0.0.1 for locally generated packets (OUTPUT), else the first address of the device the
 * packet came in on (no address: dropped); for a bridged frame that is the bridge (br_nf_pre_routing
 * points skb->dev at it while the hook runs).
 */
public final class NfNatRedirect {
    private NfNatRedirect() { }

    public static int redirectIpv4(SkBuff skb, NfNatRange range, int hook, NetDevice in) {
        NfConn ct = NfConntrackCore.get(skb);
        if (ct == null) return NfHook.NF_ACCEPT;
        int newdst = 0;
        if (hook == NfHook.LOCAL_OUT) {
            newdst = 0x7f000001;
        } else {
            InDevice idev = InDevice.of(in);
            if (idev != null) {
                for (IfAddr ifa : idev.addresses()) {
                    newdst = ifa.local;
                    break;
                }
            }
            if (newdst == 0) return NfHook.NF_DROP;
        }
        int flags = range.flags() | NfNatRange.MAP_IPS;
        return NfNatCore.setupInfo(ct, new NfNatRange(flags, newdst, newdst, range.minProto(), range.maxProto()),
                NfNatCore.MANIP_DST);
    }
}
