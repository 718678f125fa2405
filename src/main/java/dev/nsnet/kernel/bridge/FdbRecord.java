package dev.nsnet.kernel.bridge;

/**
 * One RTM_NEWNEIGH message of an AF_BRIDGE neighbour dump: what {@code bridge fdb} prints.
 *
 * @param ifindex ndm_ifindex (the port, or the device whose own address list it is)
 * @param self    NTF_SELF (an entry of the device's own address list)
 * @param master  NDA_MASTER ifindex, 0 when absent
 * @param state   NUD_* as fdb_to_nud() reports
 * @param usedCs  NDA_CACHEINFO ndm_used in clock_t, -1 when the message has no cache info
 * @param remote  a tunnel device's destination attributes (vxlan), null for other devices
 */
public record FdbRecord(long mac, int ifindex, boolean self, boolean sticky, int master, int vlan, int state,
                        long usedCs, long updatedCs, Remote remote) {
    public FdbRecord(long mac, int ifindex, boolean self, boolean sticky, int master, int vlan, int state,
                     long usedCs, long updatedCs) {
        this(mac, ifindex, self, sticky, master, vlan, state, usedCs, updatedCs, null);
    }

    /**
     * The NDA_DST / NDA_PORT / NDA_VNI / NDA_IFINDEX / NDA_LINK_NETNSID attributes of a vxlan
     * entry (or of a request): {@code dst} null, {@code port} 0, {@code vni} -1,
     * {@code ifindex} 0 and {@code linkNetnsid} -1 mean "absent".
     */
    public record Remote(Integer dst, int port, int vni, int ifindex, int linkNetnsid) { }
}
