package dev.nsnet.kernel.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's initcalls: protocol handlers (ptype_base), per-namespace init/exit
 * ({@code pernet_operations}) and netdevice notifiers that subsystems register once.
 */
public final class KernelInit {
    private KernelInit() { }

    /** {@code struct pernet_operations}. */
    public interface PernetOps {
        void init(NetNamespace ns);

        /** Runs after the namespace's loopback exists. */
        default void postInit(NetNamespace ns) { }

        default void exit(NetNamespace ns) { }
    }

    private static final List<PernetOps> PERNET = new ArrayList<>();
    private static final List<NetdevNotifier> NOTIFIERS = new ArrayList<>();
    static final PacketHandler[] PTYPES = new PacketHandler[0x10000];
    private static boolean done;

    public static synchronized void ensure() {
        if (done) return;
        done = true;
        registerNotifier(RtnlLink::rtnetlinkEvent);
        dev.nsnet.kernel.ipv4.Inet.init();
        dev.nsnet.kernel.bridge.BrInit.init();
        registerNotifier(dev.nsnet.kernel.drivers.Macvlan::deviceEvent);
        dev.nsnet.kernel.drivers.Ipvlan.init();
        dev.nsnet.kernel.drivers.Vxlan.init();
        dev.nsnet.kernel.drivers.Vlan.init();
        dev.nsnet.kernel.netfilter.conntrack.NfConntrackStandalone.init();
        dev.nsnet.kernel.netfilter.nat.NfNatMasquerade.init();
    }

    public static void registerPernet(PernetOps ops) { PERNET.add(ops); }

    public static void registerNotifier(NetdevNotifier n) { NOTIFIERS.add(n); }

    public static void addPack(int ethertype, PacketHandler h) { PTYPES[ethertype] = h; }

    /**
     * dev_remove_pack(): unregisters {@code h} if it is still the handler of {@code ethertype}. The
     * table is process-wide (as ptype_base is kernel-wide), so a test that adds a handler removes it,
     * or every later test's frames of that type reach it.
     */
    public static void removePack(int ethertype, PacketHandler h) {
        if (PTYPES[ethertype] == h) PTYPES[ethertype] = null;
    }

    static List<PernetOps> pernet() { return PERNET; }

    static List<NetdevNotifier> notifiers() { return NOTIFIERS; }
}
