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

    /**
     * The net.bridge ctl_table, shared by every namespace. brnf_sysctl_call_tables(): any
     * non-zero value written reads back as 1 (sysctl -w still echoes what was written).
     */
    private static final Sysctl.Table<BrNetfilterNet> TABLE = new Sysctl.Table<BrNetfilterNet>()
            .addInt("bridge-nf-call-arptables", n -> n.callArptables, (n, v) -> n.callArptables = v != 0 ? 1 : 0,
                    Integer.MIN_VALUE, Integer.MAX_VALUE)
            .addInt("bridge-nf-call-ip6tables", n -> n.callIp6tables, (n, v) -> n.callIp6tables = v != 0 ? 1 : 0,
                    Integer.MIN_VALUE, Integer.MAX_VALUE)
            .addInt("bridge-nf-call-iptables", n -> n.callIptables, (n, v) -> n.callIptables = v != 0 ? 1 : 0,
                    Integer.MIN_VALUE, Integer.MAX_VALUE)
            .addInt("bridge-nf-filter-pppoe-tagged", n -> n.filterPppoeTagged,
                    (n, v) -> n.filterPppoeTagged = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE)
            .addInt("bridge-nf-filter-vlan-tagged", n -> n.filterVlanTagged,
                    (n, v) -> n.filterVlanTagged = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE)
            .addInt("bridge-nf-pass-vlan-input-dev", n -> n.passVlanInputDev,
                    (n, v) -> n.passVlanInputDev = v != 0 ? 1 : 0, Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** brnf_init_net(): registered as pernet operations by {@link BrInit}. */
    static void register() {
        KernelInit.registerPernet(new KernelInit.PernetOps() {
            @Override
            public void init(NetNamespace ns) {
                BrNetfilterNet n = new BrNetfilterNet();
                ns.setSubsys(BrNetfilterNet.class, n);
                ns.sysctl.mount("net/bridge/", TABLE, n);
            }
        });
    }
}
