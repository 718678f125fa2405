package dev.nsnet.kernel.ipv4;

/**
 * {@code struct ipv4_devconf}: the per-device IPv4 knobs of net/ipv4/conf/{all,default,DEV}.
 * Values are kept in an array indexed by the constants below; {@link #state} records which ones
 * were written explicitly (devinet_copy_dflt_conf() leaves those alone when "default" changes).
 */
public final class DevConf {
    /** Sysctl names, in the index order of the constants. */
    static final String[] NAMES = {
        "accept_local", "accept_redirects", "accept_source_route", "arp_accept", "arp_announce",
        "arp_evict_nocarrier", "arp_filter", "arp_ignore", "arp_notify", "bc_forwarding", "bootp_relay",
        "disable_policy", "disable_xfrm", "drop_gratuitous_arp", "drop_unicast_in_l2_multicast",
        "force_igmp_version", "forwarding", "igmpv2_unsolicited_report_interval",
        "igmpv3_unsolicited_report_interval", "ignore_routes_with_linkdown", "log_martians", "mc_forwarding",
        "medium_id", "promote_secondaries", "proxy_arp", "proxy_arp_pvlan", "route_localnet", "rp_filter",
        "secure_redirects", "send_redirects", "shared_media", "src_valid_mark", "tag",
    };
    public static final int ACCEPT_LOCAL = 0, ACCEPT_REDIRECTS = 1, ACCEPT_SOURCE_ROUTE = 2, ARP_ACCEPT = 3,
            ARP_ANNOUNCE = 4, ARP_EVICT_NOCARRIER = 5, ARP_FILTER = 6, ARP_IGNORE = 7, ARP_NOTIFY = 8,
            BC_FORWARDING = 9, BOOTP_RELAY = 10, DISABLE_POLICY = 11, DISABLE_XFRM = 12,
            DROP_GRATUITOUS_ARP = 13, DROP_UNICAST_IN_L2_MULTICAST = 14, FORCE_IGMP_VERSION = 15,
            FORWARDING = 16, IGMPV2_INTERVAL = 17, IGMPV3_INTERVAL = 18, IGNORE_ROUTES_WITH_LINKDOWN = 19,
            LOG_MARTIANS = 20, MC_FORWARDING = 21, MEDIUM_ID = 22, PROMOTE_SECONDARIES = 23, PROXY_ARP = 24,
            PROXY_ARP_PVLAN = 25, ROUTE_LOCALNET = 26, RP_FILTER = 27, SECURE_REDIRECTS = 28,
            SEND_REDIRECTS = 29, SHARED_MEDIA = 30, SRC_VALID_MARK = 31, TAG = 32;
    static final int COUNT = NAMES.length;

    /**
     * The values, shared copy-on-write: a fresh namespace's all/default start on the compiled-in
     * arrays and a new device on its namespace's "default", until one of them is written. Read
     * directly; written only through {@link #put} / {@link #set}. So a pod's devconfs cost no
     * arrays until someone tunes them.
     */
    int[] v;
    /** Whether {@link #v} is this devconf's own array (else it is shared and a write copies it first). */
    private boolean own;
    /** Bit i set: value i was written explicitly (COUNT fits in a long; a BitSet would cost two objects per devconf). */
    long state;

    /** The compiled-in ipv4_devconf / ipv4_devconf_dflt a fresh namespace starts from. */
    static DevConf initial(boolean all) { return new DevConf(all ? INITIAL_ALL : INITIAL_DFLT); }

    private static final int[] INITIAL_ALL = initialValues(true), INITIAL_DFLT = initialValues(false);

    private static int[] initialValues(boolean all) {
        int[] v = new int[COUNT];
        v[ACCEPT_REDIRECTS] = 1;
        v[ACCEPT_SOURCE_ROUTE] = all ? 0 : 1;
        v[ARP_EVICT_NOCARRIER] = 1;
        v[IGMPV2_INTERVAL] = 10000;
        v[IGMPV3_INTERVAL] = 1000;
        v[SECURE_REDIRECTS] = 1;
        v[SEND_REDIRECTS] = 1;
        v[SHARED_MEDIA] = 1;
        return v;
    }

    private DevConf(int[] v) { this.v = v; }

    DevConf copy() {
        own = false; // both share the array now: whichever is written first copies it
        return new DevConf(v);
    }

    public int get(int i) { return v[i]; }

    /** Writes a value without marking it explicitly set (forwarding changes, "default" propagation). */
    void put(int i, int value) {
        if (v[i] == value) return;
        if (!own) {
            v = v.clone();
            own = true;
        }
        v[i] = value;
    }

    /** Sets a value as the kernel's proc handler does (marks it explicitly set). */
    public void set(int i, int value) {
        put(i, value);
        state |= 1L << i;
    }

    static int index(String name) {
        for (int i = 0; i < COUNT; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }

    static String name(int i) { return NAMES[i]; }
}
