package dev.nsnet.kernel.bridge;

/**
 * One RTM_NEWNEIGH message of an AF_BRIDGE neighbour dump: what {@code bridge fdb} prints.
 *
 * @param ifindex ndm_ifindex (the port, or the device whose own address list it is)
 * @param self    NTF_SELF (an entry of the device's own address list)
 * @param master  NDA_MASTER ifindex, 0 when absent
 * @param state   NUD_* as fdb_to_nud() reports
 * @param usedCs  NDA_CACHEINFO ndm_used in clock_t, -1 when the message has no cache info
 */
public record FdbRecord(long mac, int ifindex, boolean self, boolean sticky, int master, int vlan, int state,
                        long usedCs, long updatedCs) { }
