package dev.nsnet.kernel.netfilter.nat;

/**
 * {@code struct nf_conn_nat} (include/net/netfilter/nf_nat.h): the NAT extension of a conntrack
 * entry, kept in {@code NfConn.nat}. {@code masqIndex} is the ifindex MASQUERADE chose the source
 * address from (0: not masqueraded); the masquerade notifiers kill the entry when that device
 * goes down, and nf_nat_oif_changed() drops packets of the flow that leave by another device.
 */
public final class NfConnNat {
    public int masqIndex;
    /** The entry is in the namespace's bysource table (nf_nat_bysource). */
    boolean bysource;
}
