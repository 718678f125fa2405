package dev.nsnet.kernel.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network namespace ({@code struct net}): its own devices, ifindex space, IPv4 state (addresses,
 * FIB, rules, neighbours, sysctls) and the ids it has given to peer namespaces (nsid).
 */
public final class NetNamespace {
    public final Host host;
    /** ns.inum: the inode number that identifies the namespace (what readlink /proc/PID/ns/net shows). */
    public final long inum;
    private final TreeMap<Integer, NetDevice> byIndex = new TreeMap<>();
    private final Map<String, NetDevice> byName = new HashMap<>();
    /** net->ifindex: the cyclic allocator's cursor (last allocated index). */
    int ifindexCursor;
    public NetDevice loopback;
    public final Sysctl sysctl = new Sysctl();
    /** netns_ipv4 and friends, owned by kernel.ipv4. */
    public Object ipv4;
    /**
     * netns_nf + netns_xt, owned by kernel.netfilter: null until a table is first written, so the
     * hook points cost one null check while no iptables rule was ever set in this namespace.
     */
    public Object netfilter;
    /** Per-subsystem private state (bridge, netfilter, ...), keyed by subsystem class. */
    private final Map<Class<?>, Object> subsys = new HashMap<>();
    /** net->netns_ids: peer namespace -> nsid. */
    private final Map<NetNamespace, Integer> nsids = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    public boolean dead;
    /**
     * The packet taps (ptype_all entries of packet sockets) opened in this namespace, null when
     * none: the transmit and receive paths then pay one null check (see {@link Capture}).
     */
    public Capture[] taps;

    NetNamespace(Host host, long inum) {
        this.host = host;
        this.inum = inum;
    }

    public Emulation emulation() { return host.emulation; }

    public NetDevice dev(String name) { return byName.get(name); }

    public NetDevice dev(int ifindex) { return byIndex.get(ifindex); }

    /** Devices in ifindex order (the order a link dump returns them). */
    public Collection<NetDevice> devices() { return byIndex.values(); }

    /** The name {@code ip netns} knows this namespace by, or null. */
    public String name() { return host.netnsName(this); }

    int allocIfindex(int wanted) {
        if (wanted > 0) {
            // dev_index_reserve(): a taken index is reported as EEXIST ("RTNETLINK answers: File exists").
            if (byIndex.containsKey(wanted)) throw new KernelException(Errno.EEXIST);
            return wanted;
        }
        // xa_alloc_cyclic(&net->dev_by_index, ..., &net->ifindex): first free after the cursor.
        int i = ifindexCursor + 1;
        while (true) {
            if (i <= 0) i = 1;
            if (!byIndex.containsKey(i)) break;
            i++;
        }
        ifindexCursor = i;
        return i;
    }

    void link(NetDevice dev) {
        byIndex.put(dev.ifindex, dev);
        byName.put(dev.name, dev);
        dev.ns = this;
    }

    void unlink(NetDevice dev) {
        byIndex.remove(dev.ifindex);
        byName.remove(dev.name);
    }

    void rename(NetDevice dev, String newName) {
        byName.remove(dev.name);
        dev.name = newName;
        byName.put(newName, dev);
    }

    /** peernet2id(): the id this namespace uses for {@code peer}, or -1 (NETNSA_NSID_NOT_ASSIGNED). */
    public int nsidOf(NetNamespace peer) {
        if (peer == this) return -1;
        Integer id = nsids.get(peer);
        return id == null ? -1 : id;
    }

    /** peernet2id_alloc(): assigns the lowest free id to {@code peer} if it has none. */
    public int nsidAlloc(NetNamespace peer) {
        if (peer == this) return -1;
        Integer id = nsids.get(peer);
        if (id != null) return id;
        int n = 0;
        while (nsids.containsValue(n)) n++;
        nsids.put(peer, n);
        return n;
    }

    public NetNamespace nsidLookup(int id) {
        for (var e : nsids.entrySet()) if (e.getValue() == id) return e.getKey();
        return null;
    }

    public Map<NetNamespace, Integer> nsids() { return nsids; }

    void forgetPeer(NetNamespace peer) { nsids.remove(peer); }

    @SuppressWarnings("unchecked")
    public <T> T subsys(Class<T> key) { return (T) subsys.get(key); }

    public <T> void setSubsys(Class<T> key, T value) { subsys.put(key, value); }

    public List<Process> processes() { return processes; }

    @Override
    public String toString() {
        String n = name();
        return n != null ? n : (this == host.rootNs ? "root" : "net:[" + inum + "]");
    }
}
