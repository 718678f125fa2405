package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;

/**
 * The IFLA_BR_* attributes of an RTM_NEWLINK/SETLINK for a bridge ({@code ip link add|set BR type
 * bridge ...}) and {@code br_changelink()} (net/bridge/br_netlink.c) applying them in the kernel's
 * order, with its range checks. Null fields are not sent. Times are clock_t (centiseconds).
 */
public final class BridgeOptions {
    public Long forwardDelay, helloTime, maxAge, ageingTime, stpState;
    public Integer priority, vlanFiltering, vlanProtocol, groupFwdMask, vlanDefaultPvid, vlanStatsEnabled,
            vlanStatsPerPort, mcastRouter, mcastSnooping, mcastVlanSnooping, mcastQueryUseIfaddr, mcastQuerier,
            mcastStatsEnabled, mcastIgmpVersion, mcastMldVersion, nfCallIptables, nfCallIp6tables,
            nfCallArptables, noLinklocalLearn;
    public Long groupAddr;
    public Long mcastHashElasticity, mcastHashMax, mcastLastMemberCount, mcastStartupQueryCount,
            mcastLastMemberIntvl, mcastMembershipIntvl, mcastQuerierIntvl, mcastQueryIntvl,
            mcastQueryResponseIntvl, mcastStartupQueryIntvl;
    /** BR_MULTICAST_QUERY_INTVL_MIN / STARTUP_QUERY_INTVL_MIN: 1 s, in clock_t. */
    static final long MIN_QUERY_INTVL = 100;
    public boolean fdbFlush;

    /** BR_MIN/MAX_HELLO_TIME, BR_MIN/MAX_MAX_AGE, BR_MIN/MAX_FORWARD_DELAY in clock_t. */
    static final long MIN_HELLO = 100, MAX_HELLO = 1000, MIN_MAX_AGE = 600, MAX_MAX_AGE = 4000,
            MIN_FWD_DELAY = 200, MAX_FWD_DELAY = 3000;
    /** BR_GROUPFWD_RESTRICTED: STP, MAC pause and LACP groups may not be forwarded. */
    static final int GROUPFWD_RESTRICTED = 0x0007;

    /** br_changelink(). Throws before changing anything the kernel would refuse up front. */
    public void apply(NetBridge br) {
        if (forwardDelay != null) {
            if (br.stpEnabled != NetBridge.BR_NO_STP && (forwardDelay < MIN_FWD_DELAY || forwardDelay > MAX_FWD_DELAY)) {
                throw new KernelException(Errno.ERANGE);
            }
            br.forwardDelay = (int) (long) forwardDelay;
        }
        if (helloTime != null) {
            if (helloTime < MIN_HELLO || helloTime > MAX_HELLO) throw new KernelException(Errno.ERANGE);
            br.helloTime = (int) (long) helloTime;
        }
        if (maxAge != null) {
            if (maxAge < MIN_MAX_AGE || maxAge > MAX_MAX_AGE) throw new KernelException(Errno.ERANGE);
            br.maxAge = (int) (long) maxAge;
        }
        if (ageingTime != null) {
            br.ageingTime = (int) (long) ageingTime;
            br.bridgeAgeingTime = br.ageingTime;
            BrFdb.cleanup(br); // br_set_ageing_time() kicks the gc work at once; it re-arms itself
        }
        if (stpState != null) setStpEnabled(br, stpState != 0);
        if (priority != null) {
            br.priority = priority;
            BrStp.stateSelection(br); // br_stp_set_bridge_priority() reselects port states
        }
        if (vlanFiltering != null) {
            // The reference kernel is built without CONFIG_BRIDGE_VLAN_FILTERING: the stub of
            // br_vlan_filter_toggle() refuses any value, 0 included (golden/152).
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        if (vlanProtocol != null || vlanDefaultPvid != null || vlanStatsEnabled != null || vlanStatsPerPort != null) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        if (groupFwdMask != null) {
            if ((groupFwdMask & GROUPFWD_RESTRICTED) != 0) throw new KernelException(Errno.EINVAL);
            br.groupFwdMask = groupFwdMask;
        }
        if (groupAddr != null) {
            long low = groupAddr & 0xff;
            // link-local 01:80:c2:00:00:0X, but not pause (1), slow protocols (2) or 802.1X (3)
            if ((groupAddr & ~0xfL) != 0x0180c2000000L || low == 1 || low == 2 || low == 3) {
                throw new KernelException(Errno.EINVAL);
            }
            br.groupAddr = groupAddr;
        }
        if (fdbFlush) BrFdb.flushDynamic(br);
        if (mcastRouter != null) {
            if (mcastRouter > 2) throw new KernelException(Errno.EINVAL);
            br.mcastRouter = mcastRouter;
        }
        if (mcastSnooping != null) {
            int v = mcastSnooping != 0 ? 1 : 0;
            if (v != br.mcastSnooping) {
                br.mcastSnooping = v;
                BrMulticast.toggle(br, v != 0);
            }
        }
        if (mcastQuerier != null) br.mcastQuerier = mcastQuerier != 0 ? 1 : 0;
        if (mcastQueryUseIfaddr != null) br.mcastQueryUseIfaddr = mcastQueryUseIfaddr != 0 ? 1 : 0;
        if (mcastVlanSnooping != null && mcastVlanSnooping != 0) {
            throw new KernelException(Errno.EINVAL, "bridge: Cannot enable multicast vlan snooping with vlan filtering disabled");
        }
        // IFLA_BR_MCAST_HASH_ELASTICITY is accepted and ignored (the table is an rhashtable now)
        if (mcastHashMax != null) br.mcastHashMax = mcastHashMax;
        if (mcastLastMemberCount != null) br.mcastLastMemberCount = mcastLastMemberCount;
        if (mcastStartupQueryCount != null) br.mcastStartupQueryCount = mcastStartupQueryCount;
        if (mcastLastMemberIntvl != null) br.mcastLastMemberIntvl = mcastLastMemberIntvl;
        if (mcastMembershipIntvl != null) br.mcastMembershipIntvl = mcastMembershipIntvl;
        if (mcastQuerierIntvl != null) br.mcastQuerierIntvl = mcastQuerierIntvl;
        if (mcastQueryIntvl != null) br.mcastQueryIntvl = Math.max(mcastQueryIntvl, MIN_QUERY_INTVL);
        if (mcastQueryResponseIntvl != null) br.mcastQueryResponseIntvl = mcastQueryResponseIntvl;
        if (mcastStartupQueryIntvl != null) br.mcastStartupQueryIntvl = Math.max(mcastStartupQueryIntvl, MIN_QUERY_INTVL);
        if (mcastStatsEnabled != null) br.mcastStatsEnabled = mcastStatsEnabled != 0 ? 1 : 0;
        if (mcastIgmpVersion != null) {
            if (mcastIgmpVersion != 2 && mcastIgmpVersion != 3) throw new KernelException(Errno.EINVAL);
            br.mcastIgmpVersion = mcastIgmpVersion;
        }
        if (mcastMldVersion != null) {
            if (mcastMldVersion != 1 && mcastMldVersion != 2) throw new KernelException(Errno.EINVAL);
            br.mcastMldVersion = mcastMldVersion;
        }
        if (nfCallIptables != null) br.nfCallIptables = nfCallIptables != 0 ? 1 : 0;
        if (nfCallIp6tables != null) br.nfCallIp6tables = nfCallIp6tables != 0 ? 1 : 0;
        if (nfCallArptables != null) br.nfCallArptables = nfCallArptables != 0 ? 1 : 0;
        if (noLinklocalLearn != null) br.noLinklocalLearn = noLinklocalLearn != 0 ? 1 : 0;
    }

    /** br_stp_set_enabled(): in a namespace other than init_net there is no user-space helper: kernel STP. */
    static void setStpEnabled(NetBridge br, boolean on) {
        if (on == (br.stpEnabled != NetBridge.BR_NO_STP)) return;
        if (on) {
            // br_stp_start(): the forward delay is brought into the STP range, kernel STP starts
            // (no user-space helper in a namespace), the hello timer runs while the bridge is up.
            br.forwardDelay = (int) Math.max(MIN_FWD_DELAY, Math.min(MAX_FWD_DELAY, br.forwardDelay));
            br.stpEnabled = NetBridge.BR_KERNEL_STP;
            if (br.dev.isUp()) br.helloTimer.mod(br.now() + br.helloTime * NetBridge.CS);
        } else {
            br.stpEnabled = NetBridge.BR_NO_STP;
        }
        BrStp.stateSelection(br);
    }
}
