package dev.nsnet.kernel.core;

/**
 * A packet, modelled on {@code struct sk_buff}: the frame's bytes exactly as on the wire in a
 * reusable buffer, with offsets for the headers and the metadata the stack keeps beside them.
 *
 * <pre>
 *  buf: [ headroom | eth (14) | ip header | transport | payload ... | tailroom ]
 *                  ^mac       ^network    ^transport               ^tail = data + len
 *                  data points at the header the current layer is looking at
 * </pre>
 * Buffers come from {@link SkbPool} and go back on {@link #free()}; nothing is allocated per
 * packet on the hot path.
 */
public final class SkBuff {
    public static final int HEADROOM = 64;

    /** PACKET_* of the kernel's {@code skb->pkt_type}. */
    public static final int PACKET_HOST = 0, PACKET_BROADCAST = 1, PACKET_MULTICAST = 2,
            PACKET_OTHERHOST = 3, PACKET_OUTGOING = 4, PACKET_LOOPBACK = 5;

    public byte[] buf;
    /** Offset of the first byte of the current header. */
    public int data;
    /** Bytes from {@code data} to the end of the packet. */
    public int len;
    public int macHeader = -1;
    public int networkHeader = -1;
    public int transportHeader = -1;

    /** Current device: the one it arrived on (rx) or will leave from (tx). */
    public NetDevice dev;
    /** skb_iif: ifindex of the device it originally arrived on. */
    public int iif;
    public int pktType;
    public int protocol;
    public int mark;
    /** Next hop chosen by routing (network byte order int), 0 when on-link to the destination. */
    public int nexthop;
    /** Route type chosen by the input route lookup (see ipv4.RouteType ordinal), -1 if none yet. */
    public int routeType = -1;
    /**
     * RTCF_LOCAL of an output route: __mkroute_output() sets it for every route out of a loopback
     * device, so such a packet, looped back, is delivered locally (dst.input = ip_local_deliver)
     * even when its destination is not a local address.
     */
    public boolean rtLocal;
    /** Output device chosen by routing. */
    public NetDevice outDev;
    /** Whether this frame was flooded/cloned (bridge) - informational. */
    public boolean cloned;
    /** Owner pool; null for unpooled oversize buffers. */
    final SkbPool pool;
    boolean inPool;
    /** Opaque per-flow pointer, e.g. the socket that sent it (for local delivery bookkeeping). */
    public Object sk;
    /** Monotonic id for tracing, assigned by the pool when handed out. */
    public long id;
    /**
     * skb->_nfct: the conntrack entry (netfilter.conntrack.NfConn) this packet belongs to, null
     * when untracked; read it with NfConntrackCore.get(skb). {@code ctinfo} is its
     * enum ip_conntrack_info (NfConn.IP_CT_*); IP_CT_UNTRACKED with a null entry marks a packet
     * that must not be tracked (CT --notrack).
     */
    public Object nfct;
    public int ctinfo;
    /** skb->nf_trace: set by the TRACE target; the rule walks then trace every rule they test. */
    public boolean nfTrace;
    /** br_netfilter's nf_bridge info: the packet entered through a bridge port (physIn), and leaves by physOut. */
    public boolean nfBridge;
    public NetDevice physIn, physOut;

    SkBuff(SkbPool pool, int capacity) {
        this.pool = pool;
        this.buf = new byte[capacity];
    }

    public int capacity() { return buf.length; }

    public int tail() { return data + len; }

    /** Resets metadata and positions data at the headroom with length 0. */
    public void reset() {
        data = HEADROOM;
        len = 0;
        macHeader = networkHeader = transportHeader = -1;
        dev = null; outDev = null;
        iif = 0; pktType = PACKET_HOST; protocol = 0; mark = 0; nexthop = 0; routeType = -1; rtLocal = false;
        cloned = false; sk = null;
        nfct = null; ctinfo = 0;
        nfTrace = false; nfBridge = false; physIn = null; physOut = null;
    }

    /** skb_put(): extends the packet at the tail by n bytes and returns the offset of the new room. */
    public int put(int n) {
        int off = data + len;
        ensure(off + n);
        len += n;
        return off;
    }

    /** skb_push(): prepends n bytes of header and returns the new data offset. */
    public int push(int n) {
        if (data < n) throw new IllegalStateException("no headroom");
        data -= n;
        len += n;
        return data;
    }

    /** skb_pull(): strips n bytes of header from the front. */
    public int pull(int n) {
        data += n;
        len -= n;
        return data;
    }

    /** Trims the packet to n bytes from data (pskb_trim). */
    public void trim(int n) { if (n < len) len = n; }

    private void ensure(int end) {
        if (end > buf.length) {
            byte[] nb = new byte[Math.max(end + 64, buf.length * 2)];
            System.arraycopy(buf, 0, nb, 0, buf.length);
            buf = nb;
        }
    }

    /** Offset of the network header relative to mac header, etc. */
    public int networkOffset() { return networkHeader; }

    /** nf_reset_ct(): forgets the conntrack entry (skb_scrub_packet, a frame from the wire). */
    public void resetCt() {
        nfct = null;
        ctinfo = 0;
    }

    /** Returns the buffer to its pool (kfree_skb / consume_skb). Idempotence is a bug: checked. */
    public void free() {
        if (pool != null) pool.release(this);
    }

    /** skb_clone-like full copy (used for flooding and local taps). */
    public SkBuff copy() {
        SkbPool p = pool != null ? pool : SkbPool.GLOBAL;
        SkBuff c = p.alloc(len + 0);
        c.data = data;
        c.ensure(data + len);
        System.arraycopy(buf, data, c.buf, data, len);
        c.len = len;
        c.macHeader = macHeader; c.networkHeader = networkHeader; c.transportHeader = transportHeader;
        c.dev = dev; c.iif = iif; c.pktType = pktType; c.protocol = protocol; c.mark = mark;
        c.nexthop = nexthop; c.routeType = routeType; c.rtLocal = rtLocal; c.outDev = outDev; c.cloned = true; c.sk = sk;
        c.nfct = nfct; c.ctinfo = ctinfo;
        c.nfTrace = nfTrace; c.nfBridge = nfBridge; c.physIn = physIn; c.physOut = physOut;
        return c;
    }
}
