package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.Igmp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's secondary address lists ({@code dev->uc} and {@code dev->mc}, net/core/dev_addr_lists.c)
 * as far as {@code bridge fdb} shows them ("self permanent" lines, ndo_dflt_fdb_dump).
 *
 * <p>The unicast list and the multicast addresses user space adds ({@code bridge fdb add ADDR dev D
 * self}) are stored. The groups the protocols join are derived from the device's state the way a
 * Debian 12 kernel with IPv6 disabled in the namespace fills them (checked with scripts/sandbox.sh):
 * every Ethernet device joins 33:33:00:00:00:01 when registered (IPv6 all-nodes, joined even with
 * disable_ipv6=1); while up a bridge with multicast snooping joins 01:00:5e:00:00:6a and
 * 33:33:00:00:00:6a (br_multicast_open), then every up device 01:00:5e:00:00:01 (ip_mc_up).
 * IPv6 with addresses (solicited-node groups) is not modelled.
 */
public final class DevAddrLists {
    private final Map<NetDevice, List<Long>> uc = new IdentityHashMap<>();
    private final Map<NetDevice, List<Long>> mc = new IdentityHashMap<>();
    /** Protocol-joined groups that user space deleted ({@code bridge fdb del GROUP dev D self}). */
    private final Map<NetDevice, List<Long>> mcDeleted = new IdentityHashMap<>();

    static DevAddrLists of(NetNamespace ns) {
        DevAddrLists l = ns.subsys(DevAddrLists.class);
        if (l == null) {
            l = new DevAddrLists();
            ns.setSubsys(DevAddrLists.class, l);
        }
        return l;
    }

    /** dev->uc in insertion order. */
    public static List<Long> unicast(NetDevice dev) {
        List<Long> l = of(dev.ns).uc.get(dev);
        return l == null ? List.of() : l;
    }

    /** dev->mc in insertion order: the protocols' groups, then what user space added. */
    public static List<Long> multicast(NetDevice dev) {
        List<Long> out = new ArrayList<>();
        if (dev.type != If.ARPHRD_ETHER) return out;
        out.add(0x3333_0000_0001L);
        if (dev.isUp()) {
            NetBridge br = NetBridge.of(dev);
            if (br != null && br.mcastSnooping != 0) {
                out.add(0x0100_5e00_006aL);
                out.add(0x3333_0000_006aL);
            }
            out.add(0x0100_5e00_0001L);
            // ip_mc_filter_add() of the groups kernel sockets joined (igmp_group_added), oldest first
            int[] groups = Igmp.groups(dev);
            for (int i = groups.length - 1; i >= 0; i--) {
                long m = Igmp.ethMcMap(groups[i]);
                if (!out.contains(m)) out.add(m);
            }
        }
        List<Long> gone = of(dev.ns).mcDeleted.get(dev);
        if (gone != null) out.removeAll(gone);
        List<Long> user = of(dev.ns).mc.get(dev);
        if (user != null) for (Long m : user) if (!out.contains(m)) out.add(m);
        return out;
    }

    /** dev_uc_add_excl() / dev_mc_add_excl(): false when the address is already listed. */
    static boolean add(NetDevice dev, long mac, boolean multicast) {
        if (multicast ? multicast(dev).contains(mac) : unicast(dev).contains(mac)) return false;
        (multicast ? of(dev.ns).mc : of(dev.ns).uc).computeIfAbsent(dev, d -> new ArrayList<>()).add(mac);
        return true;
    }

    /** dev_uc_del() / dev_mc_del(): false when the address was not listed by user space. */
    static boolean del(NetDevice dev, long mac, boolean multicast) {
        List<Long> l = (multicast ? of(dev.ns).mc : of(dev.ns).uc).get(dev);
        if (l != null && l.remove((Long) mac)) return true;
        if (multicast && multicast(dev).contains(mac)) {
            // dev_mc_del() drops the one reference the protocol held: the group is gone from the list
            of(dev.ns).mcDeleted.computeIfAbsent(dev, d -> new ArrayList<>()).add(mac);
            return true;
        }
        return false;
    }

    /** The device left the namespace or went away. */
    static void forget(NetDevice dev) {
        if (dev.ns == null) return;
        DevAddrLists l = dev.ns.subsys(DevAddrLists.class);
        if (l == null) return;
        l.uc.remove(dev);
        l.mc.remove(dev);
        l.mcDeleted.remove(dev);
    }
}
