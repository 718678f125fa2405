package dev.nsnet.kernel.netfilter.conntrack;

/**
 * One tracked connection ({@code struct nf_conn}, include/net/netfilter/nf_conntrack.h).
 *
 * <p>API for NAT and the xtables extensions:
 * <ul>
 * <li>{@link #tuple(int)}: the ORIGINAL and REPLY tuples. The reply tuple is the inverse of the
 *     original until NAT changes it with {@link NfConntrackCore#alterReply} (only while the entry is
 *     unconfirmed, i.e. between the first packet's PREROUTING/OUTPUT and its POSTROUTING/INPUT).</li>
 * <li>{@link #status}: the {@code IPS_*} bits of include/uapi/linux/netfilter/nf_conntrack_common.h;
 *     NAT sets {@link #IPS_SRC_NAT}/{@link #IPS_DST_NAT} and the {@code _DONE} bits itself.</li>
 * <li>{@link #mark} (ct->mark, CONNMARK), {@link #nat}: free slot for the NAT extension
 *     (nf_conn_nat), {@link #timeoutSeconds(long)} for listings.</li>
 * <li>A packet's entry: {@link NfConntrackCore#get(dev.nsnet.kernel.core.SkBuff)} (nf_ct_get), its
 *     {@code skb.ctinfo} one of the {@code IP_CT_*} values below.</li>
 * </ul>
 * Timeouts follow the kernel since 5.x: no timer per entry; {@link #timeout} is a deadline on the
 * virtual clock (a relative value while unconfirmed, made absolute at confirm, as
 * nf_ct_refresh_acct() does with jiffies) and an expired entry is reaped when met (lookups,
 * listings, the count).
 */
public final class NfConn {
    /** enum ip_conntrack_dir. */
    public static final int DIR_ORIGINAL = 0, DIR_REPLY = 1;

    /** enum ip_conntrack_info. */
    public static final int IP_CT_ESTABLISHED = 0, IP_CT_RELATED = 1, IP_CT_NEW = 2, IP_CT_IS_REPLY = 3,
            IP_CT_ESTABLISHED_REPLY = 3, IP_CT_RELATED_REPLY = 4, IP_CT_UNTRACKED = 7;

    /** enum ip_conntrack_status bits. */
    public static final int IPS_EXPECTED = 1, IPS_SEEN_REPLY = 1 << 1, IPS_ASSURED = 1 << 2,
            IPS_CONFIRMED = 1 << 3, IPS_SRC_NAT = 1 << 4, IPS_DST_NAT = 1 << 5, IPS_SEQ_ADJUST = 1 << 6,
            IPS_SRC_NAT_DONE = 1 << 7, IPS_DST_NAT_DONE = 1 << 8, IPS_DYING = 1 << 9,
            IPS_FIXED_TIMEOUT = 1 << 10, IPS_TEMPLATE = 1 << 11, IPS_NAT_CLASH = 1 << 12,
            IPS_HELPER = 1 << 13, IPS_OFFLOAD = 1 << 14, IPS_HW_OFFLOAD = 1 << 15;
    public static final int IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
    public static final int IPS_NAT_DONE_MASK = IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE;

    final NfConntrackTupleHash[] tuplehash = {new NfConntrackTupleHash(this, DIR_ORIGINAL),
            new NfConntrackTupleHash(this, DIR_REPLY)};
    public final NfConntrackNet net;
    public int status;
    public int mark;
    /** Deadline in virtual ns once confirmed; before that the relative timeout in ns. */
    public long timeout;
    /** ct->id (ctnetlink's CTA_ID), unique per namespace. */
    public final int id;
    /** nf_conn_nat: owned by the NAT code (null when NAT never looked at this entry). */
    public Object nat;
    /** Protocol private part (ct->proto): TCP state machine, UDP stream start. */
    final NfConntrackProtoTcp.State tcp;
    long udpStreamTs;
    boolean inHash;
    /** Cached event bits (ct->ecache) until the packet reaches the confirm hook. */
    int ecache;
    /** Deleted through ctnetlink (conntrack -D/-F): DESTROY events say [USERSPACE]. */
    boolean byUser;
    /** Insertion order: listings go in this order (the kernel's hash order is not reproduced). */
    long seq;

    NfConn(NfConntrackNet net, int id, NfConntrackTuple orig, NfConntrackTuple repl) {
        this.net = net;
        this.id = id;
        tuplehash[DIR_ORIGINAL].tuple.copyFrom(orig);
        tuplehash[DIR_REPLY].tuple.copyFrom(repl);
        tcp = orig.protonum == NfConntrackProtoTcp.IPPROTO_TCP ? new NfConntrackProtoTcp.State() : null;
    }

    public NfConntrackTuple tuple(int dir) { return tuplehash[dir].tuple; }

    public int protonum() { return tuplehash[DIR_ORIGINAL].tuple.protonum; }

    public boolean isConfirmed() { return (status & IPS_CONFIRMED) != 0; }

    /** The TCP tracker's state (TCP_CONNTRACK_*), -1 for other protocols. */
    public int tcpState() { return tcp == null ? -1 : tcp.state; }

    /** nf_ct_is_expired(). */
    public boolean isExpired(long now) { return isConfirmed() && timeout - now <= 0; }

    /**
     * Seconds left as ctnetlink and /proc print them (nf_ct_expires() / HZ, rounded down). The real
     * tools always run some jiffies after the packet that refreshed the entry, so a reading at the
     * very instant of the refresh shows one second less than the full timeout, like the kernel.
     */
    public long timeoutSeconds(long now) {
        long left = isConfirmed() ? timeout - now : timeout;
        if (left <= 0) return 0;
        return (left - 1) / 1_000_000_000L;
    }

    public boolean deletedByUser() { return byUser; }

    /** nf_ct_expires(): ns left (the relative timeout while unconfirmed), never negative. */
    public long expiresNs(long now) {
        long left = isConfirmed() ? timeout - now : timeout;
        return Math.max(0, left);
    }

    /** ctinfo direction: CTINFO2DIR(). */
    public static int ctinfo2dir(int ctinfo) { return ctinfo >= IP_CT_IS_REPLY ? DIR_REPLY : DIR_ORIGINAL; }

    @Override
    public String toString() {
        return NfConntrackCore.protoName(protonum()) + " " + tuple(DIR_ORIGINAL) + ", reply " + tuple(DIR_REPLY);
    }
}
