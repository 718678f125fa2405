package dev.nsnet.kernel.bridge;

/**
 * {@code struct net_bridge_fdb_entry} (net/bridge/br_private.h): one MAC address the bridge knows,
 * the port it lives behind ({@code null} = the bridge device itself) and its BR_FDB_* flags.
 * Times are virtual nanoseconds.
 */
public final class FdbEntry {
    public final long mac;
    public final int vlan;
    /** fdb->dst; null for entries that point at the bridge device itself. */
    public BrPort dst;
    /** BR_FDB_LOCAL: frames to this address go up to the host ("permanent"). */
    public boolean local;
    /** BR_FDB_STATIC: never ages out. */
    public boolean isStatic;
    /** BR_FDB_ADDED_BY_USER. */
    public boolean addedByUser;
    public boolean sticky;
    public long updated;
    public long used;
    /* The bridge's fdb_list: newest first (hlist_add_head). */
    FdbEntry prev, next;

    FdbEntry(long mac, int vlan) {
        this.mac = mac;
        this.vlan = vlan;
    }
}
