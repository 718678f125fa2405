package dev.nsnet.kernel.core;

import java.util.List;
import java.util.Set;

/**
 * Which of the device drivers nsnet models a host's kernel was built with (its {@code CONFIG_*}
 * choices, or the modules it can load). A driver the kernel lacks answers {@code ip link add ...
 * type KIND} as rtnl_newlink() does when no {@code rtnl_link_ops} has that kind:
 * {@code Error: Unknown device type.}
 *
 * <p>The default, {@link #REFERENCE}, is the kernel the golden scenarios are recorded on (a
 * 6.18 guest kernel with everything built in and no modules): it has veth, bridge, macvlan and
 * vxlan but neither ipvlan ({@code CONFIG_IPVLAN}) nor 802.1q ({@code CONFIG_VLAN_8021Q}), so a
 * script behaves as it does there. {@link #FULL} adds the two drivers nsnet models from the kernel
 * source (drivers/net/ipvlan, net/8021q), as a distribution kernel has them as modules
 * (Debian's loads them on demand). Chosen per run ({@code nsnet run --kernel full}), per host
 * ({@code nsnet-world host add NAME kernel full}, a topology file's {@code kernel: full}).
 */
public final class KernelConfig {
    /** The recording kernel: no ipvlan, no 8021q. */
    public static final KernelConfig REFERENCE = new KernelConfig("reference", Set.of("ipvlan", "vlan"));
    /** Every driver nsnet models. */
    public static final KernelConfig FULL = new KernelConfig("full", Set.of());

    /** The names {@link #byName} accepts, in the order help texts list them. */
    public static final List<String> NAMES = List.of(REFERENCE.name, FULL.name);

    public final String name;
    private final Set<String> absentKinds;

    private KernelConfig(String name, Set<String> absentKinds) {
        this.name = name;
        this.absentKinds = absentKinds;
    }

    /** Whether {@code rtnl_link_ops} of this IFLA_INFO_KIND are registered in this kernel. */
    public boolean hasLinkKind(String kind) { return !absentKinds.contains(kind); }

    /** {@code reference} or {@code full}; null for anything else. */
    public static KernelConfig byName(String name) {
        if (REFERENCE.name.equals(name)) return REFERENCE;
        if (FULL.name.equals(name)) return FULL;
        return null;
    }

    @Override
    public String toString() { return name; }
}
