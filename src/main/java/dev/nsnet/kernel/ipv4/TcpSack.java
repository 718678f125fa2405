package dev.nsnet.kernel.ipv4;

/**
 * Selective acknowledgement, both ends (net/ipv4/tcp_input.c). Receiver: the out-of-order queue
 * ({@code tcp_data_queue_ofo}: segments beyond rcv_nxt are kept, their bytes already at their
 * place in the receive buffer, and merged when the hole fills, {@code tcp_ofo_queue}), the SACK
 * blocks it advertises ({@code tcp_sack_new_ofo_skb}, {@code tcp_sack_extend} move the block of
 * the latest segment to the front, {@code tcp_sack_remove} drops what rcv_nxt passed) and the
 * one-shot D-SACK for a duplicate ({@code tcp_dsack_set}). Sender: the scoreboard of SACKed
 * ranges above snd_una ({@code tcp_sacktag_write_queue}). Ranges are sequence numbers in int
 * arrays: nothing is allocated per segment.
 */
final class TcpSack {
    private TcpSack() { }

    /** TCP_NUM_SACKS: blocks a receiver remembers. */
    static final int NUM_SACKS = 4;
    /** Out-of-order ranges kept (a segment that would need more is dropped, as under memory pressure). */
    static final int OFO_MAX = 64;
    /** Sender scoreboard ranges kept. */
    static final int SB_MAX = 32;

    static boolean before(int a, int b) { return a - b < 0; }

    static boolean after(int a, int b) { return a - b > 0; }

    /** Bytes of the out-of-order queue (they count against the receive space, as ofo skbs do). */
    static int ofoBytes(TcpSock sk) {
        int n = 0;
        for (int i = 0; i < sk.ofoN; i++) n += sk.ofoE[i] - sk.ofoS[i];
        return n;
    }

    /** How far past rbufLen the receive buffer holds bytes (the end of the last out-of-order range). */
    static int rbufHigh(TcpSock sk) {
        return sk.ofoN == 0 ? sk.rbufLen : sk.rbufLen + (sk.ofoE[sk.ofoN - 1] - sk.rcvNxt);
    }

    /**
     * tcp_data_queue_ofo(): keeps [seq, seq+len) (its bytes copied to their place beyond the
     * in-order data) and updates the SACK blocks. False when the queue is full (the segment is
     * dropped).
     */
    static boolean queueOfo(TcpSock sk, byte[] b, int dataOff, int seq, int len) {
        int end = seq + len;
        if (sk.ofoS == null) {
            sk.ofoS = new int[OFO_MAX];
            sk.ofoE = new int[OFO_MAX];
            sk.sackS = new int[NUM_SACKS];
            sk.sackE = new int[NUM_SACKS];
        }
        // merge into the sorted, disjoint range list
        int i = 0;
        while (i < sk.ofoN && before(sk.ofoE[i], seq)) i++;
        int j = i;
        while (j < sk.ofoN && !after(sk.ofoS[j], end)) j++;
        if (i == j) {
            if (sk.ofoN == OFO_MAX) return false;
            System.arraycopy(sk.ofoS, i, sk.ofoS, i + 1, sk.ofoN - i);
            System.arraycopy(sk.ofoE, i, sk.ofoE, i + 1, sk.ofoN - i);
            sk.ofoS[i] = seq;
            sk.ofoE[i] = end;
            sk.ofoN++;
        } else {
            int s = before(sk.ofoS[i], seq) ? sk.ofoS[i] : seq;
            int e = after(sk.ofoE[j - 1], end) ? sk.ofoE[j - 1] : end;
            sk.ofoS[i] = s;
            sk.ofoE[i] = e;
            int gone = j - i - 1;
            if (gone > 0) {
                System.arraycopy(sk.ofoS, j, sk.ofoS, i + 1, sk.ofoN - j);
                System.arraycopy(sk.ofoE, j, sk.ofoE, i + 1, sk.ofoN - j);
                sk.ofoN -= gone;
            }
        }
        int pos = sk.rbufLen + (seq - sk.rcvNxt);
        sk.ensureRbuf(pos + len);
        System.arraycopy(b, dataOff, sk.rbuf, pos, len);
        if (sk.sackOk) newOfoSack(sk, seq, end);
        return true;
    }

    /**
     * tcp_ofo_queue(): after rcv_nxt moved, the ranges it reached join the in-order data (their
     * bytes are in place already); then tcp_sack_remove().
     */
    static void ofoQueue(TcpSock sk) {
        int k = 0;
        while (k < sk.ofoN && !after(sk.ofoS[k], sk.rcvNxt)) {
            if (after(sk.ofoE[k], sk.rcvNxt)) {
                sk.rbufLen += sk.ofoE[k] - sk.rcvNxt;
                sk.rcvNxt = sk.ofoE[k];
            }
            k++;
        }
        if (k > 0) {
            System.arraycopy(sk.ofoS, k, sk.ofoS, 0, sk.ofoN - k);
            System.arraycopy(sk.ofoE, k, sk.ofoE, 0, sk.ofoN - k);
            sk.ofoN -= k;
        }
        sackRemove(sk);
    }

    /** tcp_sack_new_ofo_skb() / tcp_sack_extend() + tcp_sack_maybe_coalesce(). */
    private static void newOfoSack(TcpSock sk, int seq, int end) {
        for (int i = 0; i < sk.sackN; i++) {
            if (!after(seq, sk.sackE[i]) && !after(sk.sackS[i], end)) {
                int s = before(sk.sackS[i], seq) ? sk.sackS[i] : seq;
                int e = after(sk.sackE[i], end) ? sk.sackE[i] : end;
                // the extended block moves to the front
                for (int k = i; k > 0; k--) {
                    sk.sackS[k] = sk.sackS[k - 1];
                    sk.sackE[k] = sk.sackE[k - 1];
                }
                sk.sackS[0] = s;
                sk.sackE[0] = e;
                coalesce(sk);
                return;
            }
        }
        int n = Math.min(sk.sackN, NUM_SACKS - 1);
        for (int k = n; k > 0; k--) {
            sk.sackS[k] = sk.sackS[k - 1];
            sk.sackE[k] = sk.sackE[k - 1];
        }
        sk.sackS[0] = seq;
        sk.sackE[0] = end;
        sk.sackN = n + 1;
    }

    private static void coalesce(TcpSock sk) {
        for (int i = 1; i < sk.sackN; ) {
            if (!after(sk.sackS[i], sk.sackE[0]) && !after(sk.sackS[0], sk.sackE[i])) {
                if (before(sk.sackS[i], sk.sackS[0])) sk.sackS[0] = sk.sackS[i];
                if (after(sk.sackE[i], sk.sackE[0])) sk.sackE[0] = sk.sackE[i];
                for (int k = i; k < sk.sackN - 1; k++) {
                    sk.sackS[k] = sk.sackS[k + 1];
                    sk.sackE[k] = sk.sackE[k + 1];
                }
                sk.sackN--;
            } else {
                i++;
            }
        }
    }

    /** tcp_sack_remove(): blocks rcv_nxt has reached are no longer sent. */
    private static void sackRemove(TcpSock sk) {
        if (sk.ofoN == 0) {
            sk.sackN = 0;
            return;
        }
        for (int i = 0; i < sk.sackN; ) {
            if (!before(sk.rcvNxt, sk.sackS[i])) {
                for (int k = i; k < sk.sackN - 1; k++) {
                    sk.sackS[k] = sk.sackS[k + 1];
                    sk.sackE[k] = sk.sackE[k + 1];
                }
                sk.sackN--;
            } else {
                i++;
            }
        }
    }

    /** tcp_dsack_set(): a duplicate segment is reported once, in the first block of the next ACK. */
    static void dsackSet(TcpSock sk, int seq, int end) {
        if (!sk.sackOk || sk.sysctlInt("net/ipv4/tcp_dsack", 1) == 0) return;
        sk.dsack = true;
        sk.dsackS = seq;
        sk.dsackE = end;
    }

    /** The number of SACK blocks the next segment carries: D-SACK first, at most 3 with timestamps. */
    static int blocksToSend(TcpSock sk) {
        if (!sk.sackOk) return 0;
        int n = sk.sackN + (sk.dsack ? 1 : 0);
        return Math.min(n, sk.tsOk ? 3 : 4);
    }

    // ---- sender

    /**
     * tcp_sacktag_write_queue(): records the blocks of an ACK that lie within (ack, snd_nxt] (a
     * D-SACK below the ACK is counted, not recorded). Returns the bytes newly SACKed.
     */
    static int sacktag(TcpSock sk, int ack, int[] bs, int[] be, int n) {
        int newly = 0;
        for (int k = 0; k < n; k++) {
            int s = bs[k], e = be[k];
            if (!after(e, s)) continue;
            if (!after(e, ack)) {
                sk.dsackDups++;
                continue;
            }
            if (before(s, ack)) s = ack;
            if (after(e, sk.sndNxt)) e = sk.sndNxt;
            if (!after(e, s)) continue;
            newly += addScoreboard(sk, s, e);
        }
        return newly;
    }

    private static int addScoreboard(TcpSock sk, int seq, int end) {
        if (sk.sbS == null) {
            sk.sbS = new int[SB_MAX];
            sk.sbE = new int[SB_MAX];
        }
        int before = sk.sackedBytes;
        int i = 0;
        while (i < sk.sbN && before(sk.sbE[i], seq)) i++;
        int j = i;
        while (j < sk.sbN && !after(sk.sbS[j], end)) j++;
        if (i == j) {
            if (sk.sbN == SB_MAX) return 0;
            System.arraycopy(sk.sbS, i, sk.sbS, i + 1, sk.sbN - i);
            System.arraycopy(sk.sbE, i, sk.sbE, i + 1, sk.sbN - i);
            sk.sbS[i] = seq;
            sk.sbE[i] = end;
            sk.sbN++;
        } else {
            int s = before(sk.sbS[i], seq) ? sk.sbS[i] : seq;
            int e = after(sk.sbE[j - 1], end) ? sk.sbE[j - 1] : end;
            sk.sbS[i] = s;
            sk.sbE[i] = e;
            int gone = j - i - 1;
            if (gone > 0) {
                System.arraycopy(sk.sbS, j, sk.sbS, i + 1, sk.sbN - j);
                System.arraycopy(sk.sbE, j, sk.sbE, i + 1, sk.sbN - j);
                sk.sbN -= gone;
            }
        }
        recount(sk);
        return sk.sackedBytes - before;
    }

    /** The cumulative ACK moved to {@code una}: SACKed ranges below it leave the scoreboard. */
    static void cleanRtxQueue(TcpSock sk, int una) {
        int k = 0;
        while (k < sk.sbN && !after(sk.sbE[k], una)) k++;
        if (k > 0) {
            System.arraycopy(sk.sbS, k, sk.sbS, 0, sk.sbN - k);
            System.arraycopy(sk.sbE, k, sk.sbE, 0, sk.sbN - k);
            sk.sbN -= k;
        }
        if (sk.sbN > 0 && before(sk.sbS[0], una)) sk.sbS[0] = una;
        recount(sk);
    }

    private static void recount(TcpSock sk) {
        int n = 0;
        for (int i = 0; i < sk.sbN; i++) n += sk.sbE[i] - sk.sbS[i];
        sk.sackedBytes = n;
    }

    /** The highest SACKed sequence (snd_una when nothing is SACKed). */
    static int highSacked(TcpSock sk) { return sk.sbN == 0 ? sk.sndUna : sk.sbE[sk.sbN - 1]; }

    /** The end of the not-SACKed run starting at {@code seq} (the next SACKed start, or {@code limit}). */
    static int holeEnd(TcpSock sk, int seq, int limit) {
        for (int i = 0; i < sk.sbN; i++) {
            if (after(sk.sbS[i], seq)) return before(sk.sbS[i], limit) ? sk.sbS[i] : limit;
        }
        return limit;
    }

    /** Where {@code seq} lies in a SACKed range, that range's end; else {@code seq}. */
    static int skipSacked(TcpSock sk, int seq) {
        for (int i = 0; i < sk.sbN; i++) {
            if (!before(seq, sk.sbS[i]) && before(seq, sk.sbE[i])) return sk.sbE[i];
        }
        return seq;
    }
}
