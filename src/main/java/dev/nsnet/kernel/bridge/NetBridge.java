package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.sched.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct net_bridge} (net/bridge/br_private.h): the private part of a bridge device — its
 * ports, forwarding database and the options {@code ip link ... type bridge} sets. Times are kept
 * as the kernel reports them to user space, in clock_t (centiseconds), and converted to virtual
 * nanoseconds where they drive timers.
 */
public final class NetBridge {
    /** BR_NO_STP, BR_KERNEL_STP, BR_USER_STP. */
    public static final int BR_NO_STP = 0, BR_KERNEL_STP = 1, BR_USER_STP = 2;
    static final long CS = 10_000_000L; // one clock_t tick (1/USER_HZ s) in ns

    public final NetDevice dev;
    /** br->port_list: list_add_rcu puts a new port at the head, so floods visit newest first. */
    final List<BrPort> ports = new ArrayList<>();
    final FdbTable fdb = new FdbTable();
    final Timer gcTimer;

    // Options, in the units IFLA_BR_* carries them (clock_t for times).
    public int forwardDelay = 1500;
    public int helloTime = 200;
    public int maxAge = 2000;
    /** br->ageing_time as reported (twice the forward delay during an STP topology change). */
    public int ageingTime = 30000;
    /** br->bridge_ageing_time: what the user configured. */
    public int bridgeAgeingTime = 30000;
    public int stpEnabled = BR_NO_STP;
    public int priority = 32768;
    public int vlanFiltering;
    public int vlanProtocol = 0x8100;
    public int vlanDefaultPvid = 1;
    public int groupFwdMask;
    public long groupAddr = 0x0180c2000000L;
    public int mcastSnooping = 1;
    public int mcastRouter = 1;
    public int mcastQuerier;
    public int noLinklocalLearn;
    public int nfCallIptables, nfCallIp6tables, nfCallArptables;
    public int mcastQueryUseIfaddr, mcastStatsEnabled, mcastIgmpVersion = 2, mcastMldVersion = 1;
    public long mcastHashMax = 4096, mcastLastMemberCount = 2, mcastStartupQueryCount = 2;
    /** Multicast intervals in clock_t, as IFLA_BR_MCAST_*_INTVL carry them. */
    public long mcastLastMemberIntvl = 100, mcastMembershipIntvl = 26000, mcastQuerierIntvl = 25500,
            mcastQueryIntvl = 12500, mcastQueryResponseIntvl = 1000, mcastStartupQueryIntvl = 3124;
    /** BROPT_MTU_SET_BY_USER: the MTU no longer follows the ports. */
    public boolean mtuSetByUser;
    /** br->bridge_id's MAC part; 0 until a port or an explicit address sets it. */
    public long bridgeIdMac;
    public int topologyChange, topologyChangeDetected;
    /** Set while the bridge itself changes its MTU, so the notifier can tell it from a user request. */
    boolean autoMtu;

    /** in_dev->mr_ifc_timer / mr_ifc_count of the IGMPv3 reports for the snooping group (BrMulticast). */
    Timer igmpTimer;
    /** Kernel STP: hello timer (configuration BPDUs) and topology change timer. */
    final Timer helloTimer, topologyChangeTimer;
    int igmpReportsLeft, igmpRecordType;
    /** The address the bridge had before its last change (the fdb's local entry follows it). */
    long lastMac;

    NetBridge(NetDevice dev, dev.nsnet.kernel.core.NetNamespace ns) {
        this.dev = dev;
        this.lastMac = dev.mac;
        this.gcTimer = ns.host.emulation.scheduler.newTimer(() -> BrFdb.cleanup(this));
        this.helloTimer = ns.host.emulation.scheduler.newTimer(() -> BrStpTimer.helloExpired(this));
        this.topologyChangeTimer = ns.host.emulation.scheduler.newTimer(() -> BrStpTimer.topologyChangeExpired(this));
    }

    public List<BrPort> ports() { return ports; }

    public BrPort port(NetDevice d) {
        for (BrPort p : ports) if (p.dev == d) return p;
        return null;
    }

    /** hold_time(): how long a learned entry lives, in ns. */
    long holdTimeNs() { return (long) (topologyChange != 0 ? forwardDelay : ageingTime) * CS; }

    long now() { return dev.ns.host.emulation.scheduler.now(); }

    /** br_timer_value(&br->gc_work.timer): what is left until the next FDB garbage collection. */
    public long gcRemainingNs() { return gcTimer.pending() ? Math.max(0, gcTimer.expires() - now()) : 0; }

    public long helloRemainingNs() { return remaining(helloTimer); }

    public long topologyChangeRemainingNs() { return remaining(topologyChangeTimer); }

    long remaining(Timer t) { return t.pending() ? Math.max(0, t.expires() - now()) : 0; }

    /** The bridge of a bridge device, or null. */
    public static NetBridge of(NetDevice dev) {
        return dev != null && dev.priv instanceof NetBridge b ? b : null;
    }
}
