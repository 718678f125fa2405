package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.kernel.wire.Ipv4;
import java.util.ArrayDeque;

/**
 * A TCP socket ({@code struct tcp_sock}, net/ipv4/tcp.c, tcp_ipv4.c): the state, the sequence
 * space of both directions, the options negotiated in the handshake (MSS, window scale, SACK
 * permitted, timestamps), the send and receive queues and the timers (retransmit with the
 * kernel's RTO rules, delayed ACK, TIME_WAIT and the orphan FIN_WAIT2 timeout) on the virtual
 * clock. A listener keeps its children (SYN_RECV until the handshake ends, then in the accept
 * queue). Packet processing is {@link TcpInput}, segment building {@link TcpOutput}.
 */
public final class TcpSock extends InetSock {
    /** TCP states as numbered in include/net/tcp_states.h (ss prints them by these numbers). */
    public static final int ESTABLISHED = 1, SYN_SENT = 2, SYN_RECV = 3, FIN_WAIT1 = 4, FIN_WAIT2 = 5, TIME_WAIT = 6,
            CLOSE = 7, CLOSE_WAIT = 8, LAST_ACK = 9, LISTEN = 10, CLOSING = 11;
    static final long MS = 1_000_000L;
    /** One jiffy: the recording host's kernel runs at CONFIG_HZ=250 (RTOs and tcp_info times are in jiffies). */
    static final long JIFFY = 4 * MS;
    /** TCP_TIMEOUT_INIT, TCP_TIMEWAIT_LEN, TCP_DELACK_MIN. */
    static final long TIMEOUT_INIT = 1000 * MS, TIMEWAIT_LEN = 60_000 * MS, DELACK_MIN = 40 * MS;
    /** The receive space a socket offers (tcp_rmem[1] = 131072 with the default scaling ratio: half). */
    static final int RCV_SPACE = 65536;
    /** TCP_INIT_CWND. */
    static final int INIT_CWND = 10;

    int state = CLOSE;
    /** inet_saddr: the source address of what we send. */
    int saddr;
    // send sequence space
    int iss, sndUna, sndNxt, sndWnd, sndWl1, sndWl2;
    // receive sequence space
    int irs, rcvNxt, rcvWnd, rcvSsthresh;
    /** MSS the peer accepts (its option) and the one we advertise (route MTU - 40). */
    int mssClamp = 536, advmss;
    int sndWscale, rcvWscale;
    boolean wscaleOk, tsOk, sackOk;
    int tsRecent, tsOffset;
    int cwnd = INIT_CWND;
    long rto = TIMEOUT_INIT;
    int retransmits;
    /** When the oldest unacknowledged segment was first sent (for the RTT sample), -1 if retransmitted. */
    long rttStart = -1;
    // tcp_rtt_estimator() state, microseconds: srtt << 3, mdev << 2, as the kernel keeps them
    long srttUs, mdevUs, mdevMaxUs, rttvarUs, minRttUs = -1;
    int rttSeq;
    /** icsk_backoff: RTO doublings since the last good ACK. */
    int backoff;
    // congestion control (TcpCong): snd_ssthresh, snd_cwnd_cnt, the recovery state
    int ssthresh = TcpCong.INFINITE_SSTHRESH, cwndCnt, caState, highSeq, rtxNext, dupAcks, maxPacketsOut;
    boolean cwndLimited;
    int reordering = 3;
    // receiver: out-of-order queue, SACK blocks to send, D-SACK (TcpSack)
    // (allocated on first use: most connections never see a hole)
    int[] ofoS, ofoE;
    int ofoN;
    int[] sackS, sackE;
    int sackN;
    boolean dsack;
    int dsackS, dsackE;
    /** A FIN that came out of order: taken when rcv_nxt reaches ofoFinSeq. */
    boolean ofoFin;
    int ofoFinSeq;
    // sender: SACK scoreboard
    int[] sbS, sbE;
    int sbN, sackedBytes;
    // receive buffer auto-tuning (tcp_rcv_space_adjust): window_clamp, rcvq_space, sk_rcvbuf
    int windowClamp, rcvSpace, rcvbuf, sndbuf0;
    long rcvqTime;
    long copied, rcvqCopied;
    /** icsk_ack.rcv_mss, icsk_ack.ato (ns; 0 until data arrived). */
    int rcvMss = 536;
    long ato;
    // tcp_info counters
    long bytesSent, bytesRetrans, bytesAcked, bytesReceived;
    int segsOut, segsIn, dataSegsOut, dataSegsIn, totalRetrans, delivered, rcvOoopack, dsackDups, lostOut;
    long lastDataSent, lastDataRecv, lastAckRecv;
    /** retrans_out: retransmitted segments not yet acknowledged; max_window: the peer's largest window. */
    int retransOut, maxWindow;
    /** The busy chrono (tcp_chrono_start/stop): time with data in flight. */
    long busyNs, busyStart = -1;
    /** icsk_ca_ops->name: net.ipv4.tcp_congestion_control when the socket was made (a child: its listener's). */
    String cong;
    /** Test hook: drops a received data segment when it answers true for its index (0, 1, ...). */
    java.util.function.IntPredicate rxDrop;
    int rxDataIndex;
    /** Send queue: data from sndUna on (sent and not acknowledged, then unsent), at sbuf[sbufOff..]. */
    byte[] sbuf = new byte[4096];
    int sbufOff, sbufLen;
    /** shutdown(SHUT_WR) asked: a FIN follows the queued data; finSent once it is in the sequence space. */
    boolean finQueued, finSent;
    /** Receive queue: in-order bytes not yet read by the application. */
    byte[] rbuf = new byte[4096];
    int rbufLen;
    /** The peer's FIN arrived (reads end after the queued bytes). */
    boolean rcvFin;
    /** The application closed its descriptor (the kernel keeps the socket until the protocol is done). */
    boolean orphan;
    /** Delayed ACK pending (pingpong after a FIN). */
    boolean ackPending;
    // listener
    int backlog;
    final ArrayDeque<TcpSock> acceptQueue = new ArrayDeque<>();
    int synRecvCount;
    TcpSock parent;
    Rtable route;
    final Timer retransmitTimer;
    final Timer delackTimer;
    final Timer timewaitTimer;

    private TcpSock(NetNamespace ns, Process owner, boolean child) {
        super(ns, owner);
        var sched = ns.emulation().scheduler;
        retransmitTimer = sched.newTimer(() -> TcpOutput.retransmitTimer(this));
        delackTimer = sched.newTimer(() -> TcpOutput.delackTimer(this));
        timewaitTimer = sched.newTimer(() -> TcpInput.timewaitTimer(this));
        if (child) return; // a child copies its listener's settings
        var ce = ns.sysctl.get("net/ipv4/tcp_congestion_control");
        cong = ce == null ? "cubic" : ce.get().get().trim();
        // tcp_init_sock(): the buffers start at tcp_rmem[1] / tcp_wmem[1] of this moment
        rcvbuf = sysctlInts("net/ipv4/tcp_rmem", new int[] {4096, 131072, 33554432})[1];
        sndbuf0 = sysctlInts("net/ipv4/tcp_wmem", new int[] {4096, 16384, 4194304})[1];
    }

    /** socket(AF_INET, SOCK_STREAM, 0) in {@code owner}'s namespace. */
    public static TcpSock open(NetNamespace ns, Process owner) { return new TcpSock(ns, owner, false); }

    /** A child of a listener for a SYN (inet_csk_clone_lock()): bound to the listener's port. */
    static TcpSock child(TcpSock listener) {
        TcpSock c = new TcpSock(listener.ns, null, true);
        c.num = listener.num;
        c.boundDevIf = listener.boundDevIf;
        // sk_clone_lock() copies sk_reuse: a TIME-WAIT child of an SO_REUSEADDR listener
        // (python's http.server) lets a later SO_REUSEADDR listener bind the port (fuzz seed 50)
        c.reuse = listener.reuse;
        c.parent = listener;
        c.cong = listener.cong;
        c.rcvbuf = listener.rcvbuf;
        c.sndbuf0 = listener.sndbuf0;
        return c;
    }

    @Override public int protocol() { return Ipv4.PROTO_TCP; }

    @Override public int state() { return state; }

    @Override public int recvQ() { return state == LISTEN ? acceptQueue.size() : rbufLen; }

    /** Send-Q: write_seq - snd_una, so a SYN or FIN not yet acknowledged counts one. */
    @Override public int sendQ() {
        if (state == LISTEN) return backlog;
        if (state == SYN_SENT) return 1;
        if (state == SYN_RECV || state == TIME_WAIT || state == CLOSE) return 0;
        boolean finAcked = finSent && sndUna == sndNxt;
        return sbufLen + (finQueued && !finAcked ? 1 : 0);
    }

    @Override boolean reuseAllowed(InetSock other) {
        return reuse && other.reuse && state != LISTEN && (!(other instanceof TcpSock t) || t.state != LISTEN);
    }

    @Override boolean inTimeWait() { return state == TIME_WAIT; }

    public int localPort() { return num; }

    /** The source address of a connection (its local address once connected or accepted). */
    public int localAddr() { return rcvSaddr; }

    public int iss() { return iss; }

    public int sndWscale() { return sndWscale; }

    public int rcvWscale() { return rcvWscale; }

    public int mss() { return mssClamp - (tsOk ? 12 : 0); }

    public int cwnd() { return cwnd; }

    public long rtoNs() { return rto; }

    public boolean timestamps() { return tsOk; }

    public boolean sack() { return sackOk; }

    /** listen(): autobinds a port when there is none; the backlog is capped at net.core.somaxconn. */
    public void listen(int backlogWanted) {
        if (state != CLOSE && state != LISTEN) throw new KernelException(Errno.EINVAL);
        if (num == 0) bind(0, 0);
        else if (state == CLOSE) {
            // inet_csk_get_port() again: a listener conflicts even with SO_REUSEADDR sockets
            for (TcpSock o : InetHashtables.of(ns).tcp) {
                if (o != this && o.num == num && o.state == LISTEN && o.bindConflictAddr(this)
                        && !(reusePort && o.reusePort)) {
                    throw new KernelException(Errno.EADDRINUSE);
                }
            }
        }
        int somaxconn = sysctlInt("net/core/somaxconn", 4096);
        backlog = Math.min(Math.max(backlogWanted, 0), somaxconn);
        state = LISTEN;
    }

    private boolean bindConflictAddr(InetSock o) {
        if (boundDevIf != 0 && o.boundDevIf != 0 && boundDevIf != o.boundDevIf) return false;
        return rcvSaddr == 0 || o.rcvSaddr == 0 || rcvSaddr == o.rcvSaddr;
    }

    /**
     * connect() (tcp_v4_connect()): routes to the peer (routing errors are thrown at once), picks
     * the source address and, without bind, a source port of ip_local_port_range's parity, then
     * sends the SYN. The handshake completes later: watch {@link #state()} and {@link #pendingError()}.
     */
    public void connect(int addr, int port) {
        if (state == SYN_SENT) throw new KernelException(Errno.EINVAL); // EALREADY
        if (state != CLOSE) throw new KernelException(Errno.EISCONN);
        Rtable rt = RouteOutput.resolve(ns, addr, rcvSaddr, 0, boundDevIf, 0);
        if (rt.isBroadcast() || rt.type() == RouteType.MULTICAST) throw new KernelException(Errno.ENETUNREACH);
        ns.emulation().localBhDisable();
        try {
            saddr = rt.src();
            if (rcvSaddr == 0) rcvSaddr = saddr;
            daddr = addr;
            dport = port;
            route = rt;
            if (num == 0) InetHashtables.of(ns).hashConnect(this);
            else {
                try {
                    checkEstablished();
                } catch (KernelException e) {
                    daddr = dport = 0;
                    route = null;
                    throw e;
                }
            }
            var rnd = ns.emulation().random();
            iss = rnd.nextInt();
            tsOffset = rnd.nextInt();
            inetId = rnd.nextInt(0x10000);
            initRcv(IpOutput.mtu(rt) - 40, false);
            sndUna = iss;
            sndNxt = iss;
            state = SYN_SENT;
            TcpOutput.sendSyn(this);
        } finally {
            ns.emulation().localBhEnable();
        }
    }

    /**
     * __inet_check_established(): a bound port may not repeat a connection's 4-tuple; a TIME_WAIT
     * one gives way only for loopback traffic (net.ipv4.tcp_tw_reuse = 2, the default).
     */
    private void checkEstablished() {
        for (TcpSock o : InetHashtables.of(ns).tcpSockets()) {
            if (o == this || o.state == LISTEN || o.num != num || o.daddr != daddr || o.dport != dport
                    || o.rcvSaddr != rcvSaddr) continue;
            boolean loopback = (route.dev().flags & dev.nsnet.kernel.core.If.IFF_LOOPBACK) != 0;
            if (o.state == TIME_WAIT && loopback && sysctlInt("net/ipv4/tcp_tw_reuse", 2) != 0) {
                o.done();
                continue;
            }
            throw new KernelException(Errno.EADDRNOTAVAIL);
        }
    }

    /** tcp_connect_init() / tcp_openreq_init_rwin(): our MSS, window and window scale. */
    void initRcv(int routeAdvmss, boolean passiveWithTs) {
        advmss = Math.max(routeAdvmss, 88);
        int[] rmem = sysctlInts("net/ipv4/tcp_rmem", new int[] {4096, 131072, 33554432});
        int rmemMax = sysctlInt("net/core/rmem_max", 4194304);
        int space = Math.max(rmem[2], rmemMax);
        rcvWscale = wscaleEnabled() ? Math.max(0, Math.min(14, 31 - Integer.numberOfLeadingZeros(space) - 15)) : 0;
        int mss = advmss - (passiveWithTs ? 12 : 0);
        int wnd = rcvbuf / 2; // tcp_full_space()
        if (wnd > mss) wnd = wnd / mss * mss;
        rcvWnd = Math.min(wnd, 65535);
        rcvSsthresh = rcvWnd;
        windowClamp = rcvbuf / 2; // tcp_full_space()
        rcvSpace = Math.min(rcvWnd, INIT_CWND * advmss);
        rcvqTime = ns.emulation().now();
    }

    boolean wscaleEnabled() { return sysctlInt("net/ipv4/tcp_window_scaling", 1) != 0; }

    /** accept(): the next established child, or null while the queue is empty. */
    public TcpSock accept(Process owner) {
        TcpSock c = acceptQueue.pollFirst();
        if (c != null) {
            c.owner = owner;
            c.parent = null;
        }
        return c;
    }

    public boolean acceptReady() { return !acceptQueue.isEmpty(); }

    /** write(): queues the bytes and sends what the windows allow; -EPIPE-like errors as negative errno. */
    public int send(byte[] data, int off, int len) {
        int e = takeError();
        if (e != 0) return -e;
        if (state != ESTABLISHED && state != CLOSE_WAIT) {
            return state == SYN_SENT || state == SYN_RECV ? -Errno.EAGAIN.code : -32; // EPIPE
        }
        if (finQueued) return -32;
        if (sbufOff + sbufLen + len > sbuf.length) {
            byte[] n = sbufLen + len > sbuf.length ? new byte[Math.max(sbuf.length * 2, sbufLen + len)] : sbuf;
            System.arraycopy(sbuf, sbufOff, n, 0, sbufLen);
            sbuf = n;
            sbufOff = 0;
        }
        System.arraycopy(data, off, sbuf, sbufOff + sbufLen, len);
        sbufLen += len;
        ns.emulation().localBhDisable();
        try {
            TcpOutput.writeXmit(this, true);
        } finally {
            ns.emulation().localBhEnable();
        }
        return len;
    }

    /** The congestion control module's name (INET_DIAG_CONG). */
    public String congName() { return cong; }

    /** tcp_info of the socket now (what ss -i prints). */
    public TcpInfo info() { return TcpInfo.of(this); }

    /**
     * sk_sndbuf: tcp_wmem[1] at socket creation, grown as tcp_sndbuf_expand() does to hold two (bbr: three) times
     * the congestion window of full-sized skbs (the payload plus MAX_TCP_HEADER and
     * skb_shared_info, rounded up to a power of two, plus struct sk_buff), up to tcp_wmem[2].
     */
    int sndbuf(int[] wmem) {
        if (state == LISTEN || state == SYN_SENT || state == CLOSE) return sndbuf0;
        // MAX_TCP_HEADER + skb_shared_info: 576 bytes fits the recording host (1460 -> 2048, 65495 -> 131072)
        int perMss = Integer.highestOneBit(Math.max(mssClamp, mss()) + 576 - 1) << 1;
        perMss += 256;
        int nr = Math.max(Math.max(INIT_CWND, cwnd), reordering + 1);
        long mem = (long) ("bbr".equals(cong) ? 3 : 2) * nr * perMss;
        return (int) Math.max(sndbuf0, Math.min(mem, wmem[2]));
    }

    /** Grows the receive buffer to hold {@code n} bytes (in-order data plus the out-of-order queue). */
    void ensureRbuf(int n) {
        if (n <= rbuf.length) return;
        byte[] nb = new byte[Math.max(rbuf.length * 2, n)];
        System.arraycopy(rbuf, 0, nb, 0, Math.min(rbuf.length, TcpSack.rbufHigh(this)));
        rbuf = nb;
    }

    /** Bytes ready to read. */
    public int available() { return rbufLen; }

    /** Whether a read would not block: data, end of stream or an error. */
    public boolean readable() { return rbufLen > 0 || rcvFin || skErr != 0 || state == CLOSE; }

    /** read(): up to {@code max} bytes; an empty array at end of stream. */
    public byte[] read(int max) {
        int n = Math.min(max, rbufLen);
        byte[] r = new byte[n];
        int before = TcpOutput.selectWindow(this);
        System.arraycopy(rbuf, 0, r, 0, n);
        System.arraycopy(rbuf, n, rbuf, 0, TcpSack.rbufHigh(this) - n);
        rbufLen -= n;
        copied += n;
        if (n > 0) TcpCong.rcvSpaceAdjust(this);
        // tcp_cleanup_rbuf(): a window that opened up a lot is announced at once (a window update)
        int after = TcpOutput.selectWindow(this);
        boolean sync = state == ESTABLISHED || state == FIN_WAIT1 || state == FIN_WAIT2;
        if (n > 0 && sync && !rcvFin && after >= 2 * before && (after - before) << rcvWscale >= mss()) {
            ns.emulation().localBhDisable();
            try {
                TcpOutput.sendAck(this);
            } finally {
                ns.emulation().localBhEnable();
            }
        }
        return r;
    }

    /** The peer closed its side and everything was read. */
    public boolean eof() { return rcvFin && rbufLen == 0; }

    /** shutdown(SHUT_WR): a FIN after the queued data. */
    public void shutdownWrite() {
        if (finQueued) return;
        if (state != ESTABLISHED && state != CLOSE_WAIT && state != SYN_RECV) return;
        ns.emulation().localBhDisable();
        try {
            finQueued = true;
            state = state == CLOSE_WAIT ? LAST_ACK : FIN_WAIT1;
            TcpOutput.writeXmit(this, true);
        } finally {
            ns.emulation().localBhEnable();
        }
    }

    /**
     * close() (tcp_close()): a listener resets its unaccepted children; unread data resets the
     * connection; otherwise a FIN goes out and the kernel finishes the connection on its own.
     */
    public void close() {
        if (orphan) return;
        orphan = true;
        ns.emulation().localBhDisable();
        try {
            switch (state) {
                case LISTEN -> {
                    for (TcpSock c : acceptQueue) {
                        TcpOutput.sendActiveReset(c);
                        c.done();
                    }
                    acceptQueue.clear();
                    for (TcpSock c : InetHashtables.of(ns).tcpSockets()) {
                        if (c.parent == this) {
                            c.done();
                        }
                    }
                    done();
                }
                case SYN_SENT, CLOSE -> done();
                case ESTABLISHED, CLOSE_WAIT, SYN_RECV -> {
                    if (rbufLen > 0) {
                        rbufLen = 0;
                        TcpOutput.sendActiveReset(this);
                        done();
                    } else {
                        shutdownWrite();
                    }
                }
                case FIN_WAIT2 -> TcpInput.armFinTimeout(this);
                default -> { }
            }
        } finally {
            ns.emulation().localBhEnable();
        }
    }

    /** tcp_done(): the socket leaves the tables; timers stop. */
    void done() {
        state = CLOSE;
        retransmitTimer.del();
        delackTimer.del();
        timewaitTimer.del();
        if (!closed) {
            closed = true;
            InetHashtables.of(ns).unhash(this);
        }
        if (parent != null) {
            parent.acceptQueue.remove(this);
            parent = null;
        }
    }

    /** Marks the socket hashed under its port (children and connect() ports). */
    void hashChild() { InetHashtables.of(ns).addTcp(this); }

    int sysctlInt(String path, int dflt) {
        Sysctl.Entry e = ns.sysctl.get(path);
        if (e == null) return dflt;
        try {
            return Integer.parseInt(e.get().get().trim());
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }

    int[] sysctlInts(String path, int[] dflt) {
        Sysctl.Entry e = ns.sysctl.get(path);
        if (e == null) return dflt;
        String[] p = e.get().get().trim().split("\\s+");
        if (p.length != dflt.length) return dflt;
        int[] r = new int[p.length];
        try {
            for (int i = 0; i < p.length; i++) r[i] = Integer.parseInt(p[i]);
        } catch (NumberFormatException ex) {
            return dflt;
        }
        return r;
    }

    /** The state name as ss prints it. */
    public static String stateName(int st) {
        return switch (st) {
            case ESTABLISHED -> "ESTAB";
            case SYN_SENT -> "SYN-SENT";
            case SYN_RECV -> "SYN-RECV";
            case FIN_WAIT1 -> "FIN-WAIT-1";
            case FIN_WAIT2 -> "FIN-WAIT-2";
            case TIME_WAIT -> "TIME-WAIT";
            case CLOSE -> "UNCONN";
            case CLOSE_WAIT -> "CLOSE-WAIT";
            case LAST_ACK -> "LAST-ACK";
            case LISTEN -> "LISTEN";
            case CLOSING -> "CLOSING";
            default -> "UNKNOWN";
        };
    }
}
