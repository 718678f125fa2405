package dev.nsnet.kernel.core;

import java.util.Arrays;

/**
 * A packet socket bound as a tap on {@code ptype_all}: what {@code tcpdump}, Wireshark or
 * {@code nsnet run --pcap} open (net/packet/af_packet.c {@code packet_create}/{@code packet_rcv},
 * fed by net/core/dev.c {@code dev_queue_xmit_nit()} on transmit and by
 * {@code __netif_receive_skb_core()} on receive, before any rx_handler, so a bridge port or a
 * macvlan lower shows the frames its master takes).
 *
 * <p>A tap belongs to one network namespace (the namespace of the process that opened it) and
 * either one device or all of them ({@code dev == null}, tcpdump's {@code -i any}). Every frame
 * that passes the optional filter (the socket's BPF program, {@code sk_filter}) is copied, up to the
 * snapshot length, into the capture's own ring of reusable slots; the reader drains the ring.
 * When no tap exists in a namespace the data path pays one null check ({@link NetNamespace#taps}).
 * A full ring drops the frame and counts it ({@code tp_drops}).
 *
 * <p>The ring is a TPACKET_V3 one, as libpcap 1.10 sets it up: frames land in a block that the
 * reader only sees when the block is <i>retired</i>, because the next frame does not fit or the
 * block's retire timer fired ({@code prb_retire_rx_blk_timer_expired}, every
 * {@code tp_retire_blk_tov} ms from the socket's setup; tcpdump's default is 1000 ms, and
 * {@code --immediate-mode} makes every frame visible at once). So a tcpdump line appears up to a
 * second after its packet, on nsnet's virtual clock as on Linux.
 */
public final class Capture {
    /** The socket filter: true when the frame (at {@code off}, Ethernet header first) is wanted. */
    @FunctionalInterface
    public interface Filter {
        boolean match(byte[] frame, int off, int len, NetDevice dev, int pktType);
    }

    /**
     * A consumer that takes each frame as it passes instead of the ring (nsnet's own observers:
     * {@code nsnet run --pcap}, the web view); the bytes are valid only during the call.
     */
    @FunctionalInterface
    public interface Sink {
        void frame(NetDevice dev, int pktType, long tsNs, byte[] frame, int off, int len);
    }

    /** Largest number of frames buffered before the reader drains them (a 2 MiB ring holds about that many small frames). */
    public static final int RING_SLOTS = 4096;

    public final NetNamespace ns;
    /** The device bound to, or null for all devices of the namespace. */
    public final NetDevice dev;
    public final int snaplen;
    private final Filter filter;
    private Sink sink;

    // the ring: slot i holds one frame; slots keep their arrays and are reused
    private byte[][] data = new byte[16][];
    private int[] caplen = new int[16], wirelen = new int[16], ifindex = new int[16], pktType = new int[16];
    private long[] ts = new long[16];
    private int head, count;
    /** tp_packets: frames that passed the filter; tp_drops: those the full ring lost. */
    private long received, dropped;
    private boolean closed;
    /** Frames the reader can take (the retired blocks); the rest sit in the open block. */
    private int visible;
    /** The block retire period (ns), 0 for immediate delivery; its phase starts at {@code openedAt}. */
    private final long retireNs;
    private final long openedAt;
    private final int blockSize;
    private int blockBytes;
    private final dev.nsnet.kernel.sched.Timer retireTimer;

    private Capture(NetNamespace ns, NetDevice dev, int snaplen, Filter filter, long retireNs) {
        this.ns = ns;
        this.dev = dev;
        this.snaplen = snaplen;
        this.filter = filter;
        this.retireNs = retireNs;
        this.openedAt = ns.host.emulation.scheduler.now();
        // libpcap: a block is the smallest power of two >= one page that holds a snaplen frame
        int frame = align16(snaplen + TPACKET3_OVERHEAD);
        int bs = 4096;
        while (bs < frame) bs <<= 1;
        this.blockSize = bs;
        this.retireTimer = ns.host.emulation.scheduler.newTimer(this::retireBlock);
    }

    /** tpacket3_hdr + sockaddr_ll + alignment in front of each frame's bytes in a block. */
    private static final int TPACKET3_OVERHEAD = 68;

    private static int align16(int n) { return (n + 15) & ~15; }

    /** Opens a tap with immediate delivery (every frame visible at once). */
    public static Capture open(NetNamespace ns, NetDevice dev, int snaplen, Filter filter) {
        return open(ns, dev, snaplen, filter, 0);
    }

    /**
     * Opens a tap in {@code ns} on {@code dev} (null: every device) and registers it (dev_add_pack
     * on ptype_all); {@code retireNs} is the block retire timeout (0: immediate).
     */
    public static Capture open(NetNamespace ns, NetDevice dev, int snaplen, Filter filter, long retireNs) {
        Capture c = new Capture(ns, dev, snaplen, filter, retireNs);
        Capture[] t = ns.taps;
        if (t == null) ns.taps = new Capture[] {c};
        else {
            t = Arrays.copyOf(t, t.length + 1);
            t[t.length - 1] = c;
            ns.taps = t;
        }
        return c;
    }

    /** Opens a tap whose frames go to {@code sink} as they pass (no ring, no timer). */
    public static Capture openSink(NetNamespace ns, NetDevice dev, Sink sink) {
        Capture c = open(ns, dev, Integer.MAX_VALUE, null, 0);
        c.sink = sink;
        return c;
    }

    /** Unregisters the tap (dev_remove_pack); frames already in the ring stay readable. */
    public void close() {
        if (closed) return;
        closed = true;
        retireTimer.del();
        Capture[] t = ns.taps;
        if (t == null) return;
        int n = 0;
        Capture[] rest = new Capture[t.length];
        for (Capture c : t) if (c != this) rest[n++] = c;
        ns.taps = n == 0 ? null : Arrays.copyOf(rest, n);
    }

    public boolean isClosed() { return closed; }

    /**
     * Hands a frame to every tap of the device's namespace: {@code dev_queue_xmit_nit()} (with
     * {@link SkBuff#PACKET_OUTGOING}) or {@code deliver_skb()} on receive.
     */
    static void deliver(Capture[] taps, NetDevice dev, byte[] b, int off, int len, int pktType) {
        for (Capture c : taps) {
            if (c.dev != null && c.dev != dev) continue;
            c.packetRcv(dev, b, off, len, pktType);
        }
    }

    private void packetRcv(NetDevice d, byte[] b, int off, int len, int type) {
        if (closed) return;
        if (filter != null && !filter.match(b, off, len, d, type)) return;
        received++;
        if (sink != null) {
            sink.frame(d, type, ns.host.emulation.scheduler.now(), b, off, len);
            return;
        }
        if (count == RING_SLOTS) {
            dropped++;
            return;
        }
        int n = Math.min(len, snaplen);
        if (retireNs > 0) {
            int need = align16(n + TPACKET3_OVERHEAD);
            if (blockBytes + need > blockSize) retireBlock();
            blockBytes += need;
            if (!retireTimer.pending()) {
                long now = ns.host.emulation.scheduler.now();
                long k = (now - openedAt) / retireNs + 1;
                retireTimer.mod(openedAt + k * retireNs);
            }
        }
        if (count == data.length) grow();
        int i = (head + count) % data.length;
        byte[] slot = data[i];
        if (slot == null || slot.length < n) data[i] = slot = new byte[Math.max(n, 128)];
        System.arraycopy(b, off, slot, 0, n);
        caplen[i] = n;
        wirelen[i] = len;
        ifindex[i] = d.ifindex;
        pktType[i] = type;
        ts[i] = ns.host.emulation.scheduler.now();
        count++;
        if (retireNs == 0) visible = count;
    }

    /** Closes the open block: its frames become visible to the reader. */
    private void retireBlock() {
        visible = count;
        blockBytes = 0;
    }

    private void grow() {
        int n = data.length * 2;
        byte[][] nd = new byte[n][];
        int[] nc = new int[n], nw = new int[n], ni = new int[n], np = new int[n];
        long[] nt = new long[n];
        for (int k = 0; k < count; k++) {
            int i = (head + k) % data.length;
            nd[k] = data[i]; nc[k] = caplen[i]; nw[k] = wirelen[i]; ni[k] = ifindex[i]; np[k] = pktType[i]; nt[k] = ts[i];
        }
        data = nd; caplen = nc; wirelen = nw; ifindex = ni; pktType = np; ts = nt;
        head = 0;
    }

    /** Frames the reader can take now. */
    public int pending() { return visible; }

    public long received() { return received; }

    public long dropped() { return dropped; }

    /** One frame as the reader sees it (tpacket header + bytes); valid until the next {@link #next}. */
    public static final class Frame {
        public byte[] data;
        public int caplen, len, ifindex, pktType;
        public long tsNs;
    }

    /**
     * Takes the oldest frame out of the ring into {@code f} (its bytes are copied into
     * {@code f.data}, grown when needed); false when the ring is empty.
     */
    public boolean next(Frame f) {
        if (visible == 0) return false;
        int i = head;
        int n = caplen[i];
        if (f.data == null || f.data.length < n) f.data = new byte[Math.max(n, 256)];
        System.arraycopy(data[i], 0, f.data, 0, n);
        f.caplen = n;
        f.len = wirelen[i];
        f.ifindex = ifindex[i];
        f.pktType = pktType[i];
        f.tsNs = ts[i];
        head = (head + 1) % data.length;
        count--;
        visible--;
        return true;
    }
}
