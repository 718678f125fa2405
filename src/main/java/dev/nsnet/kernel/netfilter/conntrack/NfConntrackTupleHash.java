package dev.nsnet.kernel.netfilter.conntrack;

/**
 * {@code struct nf_conntrack_tuple_hash}: one direction's tuple as it sits in the namespace's
 * conntrack hash table (an intrusive chain, so inserting allocates nothing). {@code dir} is
 * {@code tuple.dst.dir}: {@link NfConn#DIR_ORIGINAL} or {@link NfConn#DIR_REPLY}.
 */
public final class NfConntrackTupleHash {
    public final NfConntrackTuple tuple = new NfConntrackTuple();
    public final NfConn ct;
    public final int dir;
    NfConntrackTupleHash next;

    NfConntrackTupleHash(NfConn ct, int dir) {
        this.ct = ct;
        this.dir = dir;
    }
}
