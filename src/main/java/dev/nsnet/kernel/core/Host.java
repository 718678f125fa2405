package dev.nsnet.kernel.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Linux kernel: its namespaces (the root one first), processes, the netdevice notifier chain
 * and the {@code /run/netns} names that {@code ip netns} keeps.
 */
public final class Host {
    public final Emulation emulation;
    public final String hostname;
    public final NetNamespace rootNs;
    /**
     * The working directory of the host's processes (fs_struct pwd): relative file names given to
     * tools resolve against it. The script runner sets it to the scenario file's directory, the
     * directory scripts/record-golden.sh runs each line in on the real kernel.
     */
    public java.nio.file.Path workingDirectory = java.nio.file.Path.of("").toAbsolutePath();
    private final List<NetNamespace> namespaces = new ArrayList<>();
    /** /run/netns: name -> namespace, in creation order (ip netns list sorts by readdir order). */
    private final Map<String, NetNamespace> named = new LinkedHashMap<>();
    private final List<NetdevNotifier> notifiers = new ArrayList<>();
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private int nextPid = 1000;
    /**
     * Alternative names ever added on this host minus those removed (never below the true count):
     * zero lets a name lookup skip the scan of every device's altnames (RtnlLink.devGetByName),
     * which would make registering N devices cost O(N^2).
     */
    int altnamesAdded;
    private long nextInum = 4026531840L + 0x100;
    /** The kernel log ring (dmesg). */
    public final Printk printk;
    /** The drivers this kernel has ({@link KernelConfig#REFERENCE} unless the world asks otherwise). */
    public KernelConfig kernel;

    Host(Emulation emulation, String hostname) {
        this.emulation = emulation;
        this.hostname = hostname;
        this.printk = new Printk(emulation);
        this.kernel = emulation.defaultKernel;
        for (NetdevNotifier n : KernelInit.notifiers()) notifiers.add(n);
        this.rootNs = createNetns();
    }

    /** copy_net_ns(): a fresh namespace with its loopback and per-subsystem init. */
    public NetNamespace createNetns() {
        NetNamespace ns = new NetNamespace(this, nextInum++);
        namespaces.add(ns);
        for (KernelInit.PernetOps ops : KernelInit.pernet()) ops.init(ns);
        Dev.registerLoopback(ns);
        for (KernelInit.PernetOps ops : KernelInit.pernet()) ops.postInit(ns);
        if (emulation.netnsCreated != null) emulation.netnsCreated.accept(ns);
        return ns;
    }

    /** cleanup_net(): devices are unregistered (movable ones would go to init_net; virtual ones die). */
    public void destroyNetns(NetNamespace ns) {
        if (ns == rootNs) throw new KernelException(Errno.EBUSY);
        List<NetDevice> devs = new ArrayList<>(ns.devices());
        java.util.Collections.reverse(devs);
        for (NetDevice d : devs) {
            if (d.ns != ns || d == ns.loopback) continue;
            if (d.ops.netnsLocal() || d.kind() != null) Dev.unregister(d);
            else Dev.changeNetNamespace(d, rootNs, null);
        }
        Dev.unregister(ns.loopback);
        for (KernelInit.PernetOps ops : KernelInit.pernet()) ops.exit(ns);
        ns.dead = true;
        namespaces.remove(ns);
        for (NetNamespace o : namespaces) o.forgetPeer(ns);
    }

    /**
     * put_net() as seen from user space: a namespace that has lost its last name (/run/netns) and
     * its last process is destroyed.
     */
    public void releaseNetns(NetNamespace ns) {
        if (ns == rootNs || ns.dead) return;
        if (netnsName(ns) != null || !ns.processes().isEmpty()) return;
        destroyNetns(ns);
    }

    public List<NetNamespace> namespaces() { return namespaces; }

    public Map<String, NetNamespace> namedNetns() { return named; }

    public NetNamespace netns(String name) { return named.get(name); }

    public String netnsName(NetNamespace ns) {
        for (var e : named.entrySet()) if (e.getValue() == ns) return e.getKey();
        return null;
    }

    public void nameNetns(String name, NetNamespace ns) { named.put(name, ns); }

    public void unnameNetns(String name) { named.remove(name); }

    public List<NetdevNotifier> notifiers() { return notifiers; }

    void notify(NetdevEvent ev, NetDevice dev) {
        for (NetdevNotifier n : notifiers) n.event(ev, dev);
    }

    public Process spawn(String comm, NetNamespace netns) {
        Process p = new Process(this, nextPid++, comm, netns);
        processes.put(p.pid, p);
        netns.processes().add(p);
        return p;
    }

    public void exit(Process p, int status) {
        p.exited = true;
        p.exitStatus = status;
        processes.remove(p.pid);
        p.netns.processes().remove(p);
    }

    public Process process(int pid) { return processes.get(pid); }

    public java.util.Collection<Process> processes() { return processes.values(); }

    @Override
    public String toString() { return hostname; }
}
