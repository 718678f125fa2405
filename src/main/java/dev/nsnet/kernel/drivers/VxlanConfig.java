package dev.nsnet.kernel.drivers;

/**
 * struct vxlan_config (include/net/vxlan.h) as the IFLA_VXLAN_* attributes of a newlink or
 * changelink request fill it (drivers/net/vxlan/vxlan_core.c, {@code vxlan_nl2conf}). A field left
 * at its "unset" value takes the kernel's default in {@link Vxlan#newLink}.
 */
public final class VxlanConfig {
    /** IFLA_VXLAN_DF values. */
    public static final int DF_UNSET = 0, DF_SET = 1, DF_INHERIT = 2;
    /** The kernel's default destination port (module parameter udp_port): not IANA's 4789. */
    public static final int DEFAULT_PORT = 8472;
    /** FDB_AGE_DEFAULT, seconds. */
    public static final int AGE_DEFAULT = 300;

    /** IFLA_VXLAN_ID; -1 when the request has none. */
    public int vni = -1;
    /** IFLA_VXLAN_GROUP: the default remote (unicast) or multicast group, 0 for none. */
    public int remoteIp;
    /** IFLA_VXLAN_LOCAL, 0 for any. */
    public int saddr;
    /** IFLA_VXLAN_LINK: the lower device's ifindex, 0 for none. */
    public int remoteIfindex;
    /** IFLA_VXLAN_PORT (0: the default). */
    public int dstPort;
    /** IFLA_VXLAN_PORT_RANGE. */
    public int portMin, portMax;
    /** IFLA_VXLAN_TTL (0: auto) and IFLA_VXLAN_TTL_INHERIT. */
    public int ttl;
    public boolean ttlInherit;
    /** IFLA_VXLAN_TOS (1: inherit). */
    public int tos;
    public int df = DF_UNSET;
    public int label;
    /** IFLA_VXLAN_AGEING, seconds (0 becomes the default). */
    public int ageInterval;
    /** IFLA_VXLAN_LIMIT (0: unlimited). */
    public int addrmax;
    public boolean learn = true;
    public boolean proxy, rsc, l2miss, l3miss;
    public boolean udpCsum = true;
    public boolean udp6ZeroCsumTx, udp6ZeroCsumRx, remcsumTx, remcsumRx;
    /** IFLA_VXLAN_LOCALBYPASS (on unless turned off). */
    public boolean localBypass = true;

    public VxlanConfig copy() {
        VxlanConfig c = new VxlanConfig();
        c.vni = vni;
        c.remoteIp = remoteIp;
        c.saddr = saddr;
        c.remoteIfindex = remoteIfindex;
        c.dstPort = dstPort;
        c.portMin = portMin;
        c.portMax = portMax;
        c.ttl = ttl;
        c.ttlInherit = ttlInherit;
        c.tos = tos;
        c.df = df;
        c.label = label;
        c.ageInterval = ageInterval;
        c.addrmax = addrmax;
        c.learn = learn;
        c.proxy = proxy;
        c.rsc = rsc;
        c.l2miss = l2miss;
        c.l3miss = l3miss;
        c.udpCsum = udpCsum;
        c.udp6ZeroCsumTx = udp6ZeroCsumTx;
        c.udp6ZeroCsumRx = udp6ZeroCsumRx;
        c.remcsumTx = remcsumTx;
        c.remcsumRx = remcsumRx;
        c.localBypass = localBypass;
        return c;
    }
}
