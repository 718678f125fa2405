package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;

/**
 * net/bridge/br_netfilter_hooks.c's per-namespace state ({@code struct brnf_net}) and its
 * {@code net.bridge.*} sysctls. The reference host loads br_netfilter, so every namespace has them,
 * with bridged IPv4/IPv6/ARP passed to iptables/ip6tables/arptables by default (CONFORMANCE.md:
 * host defaults). The netfilter layer asks {@link #callIptables} before running the bridge hooks.
 */
public final class BrNetfilterNet {
    public int callIptables = 1, callIp6tables = 1, callArptables = 1;
    public int filterVlanTagged, filterPppoeTagged, passVlanInputDev;

    public static BrNetfilterNet of(NetNamespace ns) { return ns.subsys(BrNetfilterNet.class); }

    /** Whether bridged IPv4 of bridge {@code br} traverses iptables (the sysctl, or the bridge's own option). */
    public static boolean callIptables(NetBridge br) {
        BrNetfilterNet n = of(br.dev.ns);
        return (n != null && n.callIptables != 0) || br.nfCallIptables != 0;
    }

    /** brnf_init_net(): registered as pernet operations by {@link BrInit}. */
    static void register() {
        KernelInit.registerPernet(new KernelInit.PernetOps() {
            @Override
            public void init(NetNamespace ns) {
                BrNetfilterNet n = new BrNetfilterNet();
                ns.setSubsys(BrNetfilterNet.class, n);
                Sysctl s = ns.sysctl;
                // brnf_sysctl_call_tables(): any non-zero value written reads back as 1
                s.registerInt("net/bridge/bridge-nf-call-arptables", () -> n.callArptables,
                        v -> n.callArptables = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                s.registerInt("net/bridge/bridge-nf-call-ip6tables", () -> n.callIp6tables,
                        v -> n.callIp6tables = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                s.registerInt("net/bridge/bridge-nf-call-iptables", () -> n.callIptables,
                        v -> n.callIptables = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                s.registerInt("net/bridge/bridge-nf-filter-pppoe-tagged", () -> n.filterPppoeTagged,
                        v -> n.filterPppoeTagged = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                s.registerInt("net/bridge/bridge-nf-filter-vlan-tagged", () -> n.filterVlanTagged,
                        v -> n.filterVlanTagged = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                s.registerInt("net/bridge/bridge-nf-pass-vlan-input-dev", () -> n.passVlanInputDev,
                        v -> n.passVlanInputDev = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        });
    }
}
