package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code struct in_device}: a device's IPv4 side, its addresses in the order the kernel keeps them
 * (primaries sorted by scope, secondaries after) and its devconf. The {@code effective*} getters
 * combine the device with {@code conf/all} the way include/linux/inetdevice.h's IN_DEV_* macros do.
 */
public final class InDevice {
    public final NetDevice dev;
    final DevConf cnf;
    final List<IfAddr> ifaList = new ArrayList<>(1); // most devices carry one address
    boolean dead;
    /** The name its net/ipv4/conf directory was registered under (renamed on NETDEV_CHANGENAME). */
    String sysctlName;
    /** net.ipv6.conf.DEV.disable_ipv6 (kept only so scripts can set it). */
    public int disableIpv6;
    /** in_dev->mc_list (see {@link Igmp}): joined groups newest first, and their user counts. */
    int[] mcAddrs = new int[0], mcUsers = new int[0];
    int mcCount;
    /** in_dev->mr_ifc_timer and the pending state-change report (see {@link Igmp}). */
    dev.nsnet.kernel.sched.Timer igmpTimer;
    int igmpReportsLeft, igmpGroup, igmpRecordType;
    /** net.ipv6.conf.DEV.forwarding (kept only so scripts can set it). */
    public int ipv6Forwarding;

    InDevice(NetDevice dev, DevConf cnf) {
        this.dev = dev;
        this.cnf = cnf;
    }

    /** __in_dev_get_rtnl(dev); null when the device has no IPv4 side. */
    public static InDevice of(NetDevice dev) { return dev == null ? null : (InDevice) dev.ipPtr; }

    /** The addresses, primaries first (read-only view). */
    public List<IfAddr> addresses() { return Collections.unmodifiableList(ifaList); }

    public DevConf conf() { return cnf; }

    private DevConf all() { return Ipv4Net.of(dev.ns).devconfAll; }

    private int andConf(int i) { return all().v[i] != 0 && cnf.v[i] != 0 ? 1 : 0; }

    private boolean orConf(int i) { return all().v[i] != 0 || cnf.v[i] != 0; }

    private int maxConf(int i) { return Math.max(all().v[i], cnf.v[i]); }

    /** IN_DEV_FORWARD: the device's own value. */
    public boolean forwarding() { return cnf.v[DevConf.FORWARDING] != 0; }

    /** IN_DEV_RPFILTER: max(all, dev). */
    public int rpFilter() { return maxConf(DevConf.RP_FILTER); }

    public boolean acceptLocal() { return orConf(DevConf.ACCEPT_LOCAL); }

    public int arpIgnore() { return maxConf(DevConf.ARP_IGNORE); }

    public int arpAnnounce() { return maxConf(DevConf.ARP_ANNOUNCE); }

    public int arpAccept() { return maxConf(DevConf.ARP_ACCEPT); }

    public int arpNotify() { return maxConf(DevConf.ARP_NOTIFY); }

    public boolean arpFilter() { return orConf(DevConf.ARP_FILTER); }

    public boolean proxyArp() { return orConf(DevConf.PROXY_ARP); }

    public boolean proxyArpPvlan() { return orConf(DevConf.PROXY_ARP_PVLAN); }

    public boolean sharedMedia() { return orConf(DevConf.SHARED_MEDIA); }

    /** IN_DEV_TX_REDIRECTS. */
    public boolean sendRedirects() { return orConf(DevConf.SEND_REDIRECTS); }

    /** IN_DEV_RX_REDIRECTS: AND of all/dev while forwarding, OR otherwise. */
    public boolean acceptRedirects() {
        return forwarding() ? andConf(DevConf.ACCEPT_REDIRECTS) != 0 : orConf(DevConf.ACCEPT_REDIRECTS);
    }

    public boolean secureRedirects() { return orConf(DevConf.SECURE_REDIRECTS); }

    public boolean logMartians() { return orConf(DevConf.LOG_MARTIANS); }

    public boolean routeLocalnet() { return orConf(DevConf.ROUTE_LOCALNET); }

    public boolean srcValidMark() { return orConf(DevConf.SRC_VALID_MARK); }

    public boolean promoteSecondaries() { return orConf(DevConf.PROMOTE_SECONDARIES); }

    public boolean ignoreRoutesWithLinkdown() { return orConf(DevConf.IGNORE_ROUTES_WITH_LINKDOWN); }

    public boolean acceptSourceRoute() { return andConf(DevConf.ACCEPT_SOURCE_ROUTE) != 0; }

    public boolean bcForwarding() { return andConf(DevConf.BC_FORWARDING) != 0; }

    public boolean mcForwarding() { return andConf(DevConf.MC_FORWARDING) != 0; }

    public boolean dropGratuitousArp() { return orConf(DevConf.DROP_GRATUITOUS_ARP); }

    public boolean dropUnicastInL2Multicast() { return orConf(DevConf.DROP_UNICAST_IN_L2_MULTICAST); }

    public boolean arpEvictNocarrier() { return andConf(DevConf.ARP_EVICT_NOCARRIER) != 0; }

    /**
     * Whether the loopback carries IPv6's ::1/128 (addrconf adds it when lo comes up with IPv6
     * enabled and removes it on down or disable_ipv6). nsnet models no other IPv6 state; this lets
     * listings of a fresh namespace match a host where IPv6 is on.
     */
    public boolean hasIpv6Loopback() {
        return (dev.flags & If.IFF_LOOPBACK) != 0 && dev.isUp() && disableIpv6 == 0;
    }

    /** inet_ifa_byprefix(): the primary address with this prefix and mask. */
    public IfAddr ifaByPrefix(int prefix, int mask) {
        for (IfAddr ifa : ifaList) {
            if (ifa.mask == mask && ifa.match(prefix)) return ifa;
        }
        return null;
    }

    /** The first primary address (what inet_confirm_addr/arp pick as "the" address). */
    public IfAddr primary() {
        for (IfAddr ifa : ifaList) if (!ifa.secondary()) return ifa;
        return null;
    }

    @Override
    public String toString() { return "in_device(" + dev.name + ")"; }
}
