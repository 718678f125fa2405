package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.trace.Tracepoints;

/**
 * TCP tracking (net/netfilter/nf_conntrack_proto_tcp.c): the state table {@code tcp_conntracks}
 * indexed by direction, segment kind (get_conntrack_index) and state; {@code tcp_new()} (a SYN, or
 * with nf_conntrack_tcp_loose an ACK picking up a flow midstream); {@code nf_conntrack_tcp_packet()}
 * with its timeout choice (retransmissions, RST, unacknowledged data, zero window) and ASSURED.
 * Window tracking ({@code tcp_in_window()}) keeps only what the timeouts need (each side's highest
 * sequence end, unacknowledged data, the last ACK for retransmission counting); every segment is
 * taken as in window, as with nf_conntrack_tcp_be_liberal=1.
 */
public final class NfConntrackProtoTcp {
    private NfConntrackProtoTcp() { }

    static final int IPPROTO_TCP = 6;

    /** enum tcp_conntrack. */
    public static final int NONE = 0, SYN_SENT = 1, SYN_RECV = 2, ESTABLISHED = 3, FIN_WAIT = 4,
            CLOSE_WAIT = 5, LAST_ACK = 6, TIME_WAIT = 7, CLOSE = 8, SYN_SENT2 = 9, MAX = 10, IGNORE = 11,
            RETRANS = 12, UNACK = 13, TIMEOUT_MAX = 14;

    public static final String[] NAMES = {"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
            "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2"};

    /** Segment kinds of get_conntrack_index(). */
    static final int SYN_SET = 0, SYNACK_SET = 1, FIN_SET = 2, ACK_SET = 3, RST_SET = 4, NONE_SET = 5;

    /** IP_CT_TCP_FLAG_* of ip_ct_tcp_state.flags. */
    static final int FLAG_CLOSE_INIT = 0x04, FLAG_DATA_UNACKNOWLEDGED = 0x10;

    private static final int sNO = NONE, sSS = SYN_SENT, sSR = SYN_RECV, sES = ESTABLISHED, sFW = FIN_WAIT,
            sCW = CLOSE_WAIT, sLA = LAST_ACK, sTW = TIME_WAIT, sCL = CLOSE, sS2 = SYN_SENT2, sIV = MAX,
            sIG = IGNORE;

    /** tcp_conntracks[dir][index][state] of current kernels (the recording host runs 6.18). */
    private static final int[][][] TABLE = {
        {
            /* syn    */ {sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2},
            /* synack */ {sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR},
            /* fin    */ {sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV},
            /* ack    */ {sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV},
            /* rst    */ {sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL},
            /* none   */ {sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV},
        },
        {
            /* syn    */ {sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2},
            /* synack */ {sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR},
            /* fin    */ {sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV},
            /* ack    */ {sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG},
            /* rst    */ {sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL},
            /* none   */ {sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV},
        },
    };

    /** tcp_timeouts[] in seconds, indexed by state (RETRANS and UNACK at their own slots). */
    static int[] defaultTimeouts() {
        int[] t = new int[TIMEOUT_MAX];
        t[SYN_SENT] = 120;
        t[SYN_RECV] = 60;
        t[ESTABLISHED] = 432000;
        t[FIN_WAIT] = 120;
        t[CLOSE_WAIT] = 60;
        t[LAST_ACK] = 30;
        t[TIME_WAIT] = 120;
        t[CLOSE] = 10;
        t[SYN_SENT2] = 120;
        t[RETRANS] = 300;
        t[UNACK] = 300;
        return t;
    }

    /** struct ip_ct_tcp, reduced to what the state machine and the timeouts read. */
    static final class State {
        int state;
        final int[] tdEnd = new int[2];
        final int[] flags = new int[2];
        final boolean[] seen = new boolean[2];
        int lastDir = -1, lastIndex = NONE_SET, lastSeq, lastAck, lastEnd, lastWin, retrans;
    }

    /** get_conntrack_index(). */
    static int index(int flags) {
        if ((flags & 0x04) != 0) return RST_SET;
        if ((flags & 0x02) != 0) return (flags & 0x10) != 0 ? SYNACK_SET : SYN_SET;
        if ((flags & 0x01) != 0) return FIN_SET;
        if ((flags & 0x10) != 0) return ACK_SET;
        return NONE_SET;
    }

    /** tcp_valid_flags[] of tcp_error(), after ECE, CWR and PSH are masked off. */
    static boolean validFlags(int flags) {
        int f = flags & ~(0x40 | 0x80 | 0x08) & 0x3f;
        return switch (f) {
            case 0x02, 0x22, 0x12, 0x04, 0x14, 0x11, 0x31, 0x10, 0x30 -> true;
            default -> false;
        };
    }

    /** nf_conntrack_tcp_packet(). */
    static int packet(NfConn ct, SkBuff skb, int th, int end, int ctinfo, NetDevice dev) {
        byte[] b = skb.buf;
        if (th + 20 > end) return NfConntrackCore.INVALID;
        int doff = ((b[th + 12] & 0xff) >>> 4) * 4;
        int flags = b[th + 13] & 0xff;
        if (doff < 20 || th + doff > end || !validFlags(flags)) return NfConntrackCore.INVALID;
        NfConntrackNet net = ct.net;
        State s = ct.tcp;
        int index = index(flags);
        int seq = Bytes.i32(b, th + 4), ack = Bytes.i32(b, th + 8), win = Bytes.u16(b, th + 14);
        int segEnd = seq + (end - th - doff) + ((flags & 0x02) != 0 ? 1 : 0) + ((flags & 0x01) != 0 ? 1 : 0);
        if (!ct.isConfirmed()) {
            // tcp_new()
            int ns = TABLE[0][index][sNO];
            if (ns == sIV || (ns != sSS && net.tcpLoose == 0)) return NfConntrackCore.INVALID;
            s.state = NONE;
            s.tdEnd[0] = segEnd;
            s.seen[0] = true;
            s.lastIndex = NONE_SET;
        }
        int dir = NfConn.ctinfo2dir(ctinfo);
        int old = s.state;
        int ns = TABLE[dir][index][old];
        Tracepoints tp = net.ns.emulation().trace;
        boolean ignore = ns == sIG;
        if (ns == sSS && old >= TIME_WAIT) {
            if (((s.flags[0] | s.flags[1]) & FLAG_CLOSE_INIT) != 0 || s.lastDir == dir && s.lastIndex == RST_SET) {
                // Reopening a closed connection: the old entry goes, the SYN looks up again.
                NfConntrackCore.delete(ct);
                return NfConntrackCore.REPEAT;
            }
            ignore = true;
        }
        if (ignore) {
            s.lastIndex = index;
            s.lastDir = dir;
            s.lastSeq = seq;
            s.lastAck = ack;
            s.lastEnd = segEnd;
            s.lastWin = win;
            if (tp.on) tp.step(skb, dev, "nf_conntrack_tcp_packet", "packet ignored in state " + NAMES[old]);
            return NfConntrackCore.ACCEPT;
        }
        if (ns == sIV) {
            if (tp.on) tp.step(skb, dev, "nf_conntrack_tcp_packet", "invalid state " + NAMES[old] + " for "
                    + (dir == 0 ? "original" : "reply") + " segment");
            return NfConntrackCore.INVALID;
        }
        inWindow(s, dir, index, flags, seq, ack, win, segEnd);
        s.lastIndex = index;
        s.lastDir = dir;
        s.state = ns;
        if (old != ns && ns == FIN_WAIT) s.flags[dir] |= FLAG_CLOSE_INIT;
        int[] to = net.tcpTimeouts;
        long timeout;
        if (s.retrans >= net.tcpMaxRetrans && to[ns] > to[RETRANS]) timeout = to[RETRANS];
        else if (index == RST_SET) timeout = to[CLOSE];
        else if (((s.flags[0] | s.flags[1]) & FLAG_DATA_UNACKNOWLEDGED) != 0 && to[ns] > to[UNACK]) timeout = to[UNACK];
        else if (s.lastWin == 0 && to[ns] > to[RETRANS]) timeout = to[RETRANS];
        else timeout = to[ns];
        if (old != ns) NfConntrackEvents.cache(ct, NfConntrackEvents.IPCT_PROTOINFO);
        if ((ct.status & NfConn.IPS_SEEN_REPLY) == 0) {
            if ((flags & 0x04) != 0) {
                // Only a RST came back: no connection was ever established, forget it now.
                NfConntrackCore.delete(ct);
                return NfConntrackCore.ACCEPT;
            }
            if (ns == ESTABLISHED && timeout > to[UNACK]) timeout = to[UNACK];
        } else if ((ct.status & NfConn.IPS_ASSURED) == 0 && (old == SYN_RECV || old == ESTABLISHED)
                && ns == ESTABLISHED) {
            ct.status |= NfConn.IPS_ASSURED;
            NfConntrackEvents.cache(ct, NfConntrackEvents.IPCT_ASSURED);
        }
        NfConntrackCore.refresh(ct, timeout);
        return NfConntrackCore.ACCEPT;
    }

    /** The part of tcp_in_window() the timeouts depend on. */
    private static void inWindow(State s, int dir, int index, int flags, int seq, int ack, int win, int end) {
        int rdir = 1 - dir;
        if (!s.seen[dir]) {
            s.seen[dir] = true;
            s.tdEnd[dir] = end;
        }
        if ((flags & 0x10) == 0) ack = s.tdEnd[rdir];
        if (end - s.tdEnd[dir] > 0) {
            s.tdEnd[dir] = end;
            s.flags[dir] |= FLAG_DATA_UNACKNOWLEDGED;
        }
        if (s.seen[rdir] && ack == s.tdEnd[rdir]) s.flags[rdir] &= ~FLAG_DATA_UNACKNOWLEDGED;
        if (index == ACK_SET) {
            if (s.lastDir == dir && s.lastSeq == seq && s.lastAck == ack && s.lastEnd == end && s.lastWin == win) {
                s.retrans++;
            } else {
                s.lastDir = dir;
                s.lastSeq = seq;
                s.lastAck = ack;
                s.lastEnd = end;
                s.lastWin = win;
                s.retrans = 0;
            }
        }
    }
}
