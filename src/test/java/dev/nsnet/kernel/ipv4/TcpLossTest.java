package dev.nsnet.kernel.ipv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.scenario.Session;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TCP under injected loss (a receiving socket's test hook drops chosen data segments as a lossy
 * wire would): the out-of-order queue and its reassembly, SACK blocks laid out as the kernel's
 * (golden/NOTES.md: a real capture), fast retransmit from the scoreboard or after three
 * duplicate ACKs, RTO with go-back-N in slow start, and window growth on both ends.
 */
class TcpLossTest {
    static final long MS = 1_000_000L;

    /** What one side sent: each segment's seq, length, flags and option bytes. */
    record Seg(String from, int seq, int ack, int len, int flags, byte[] opts, long time) { }

    static final class Wire implements PacketObserver {
        final List<Seg> segs = new ArrayList<>();
        final Session s;

        Wire(Session s) { this.s = s; }

        @Override
        public void step(SkBuff skb, NetDevice dev, String func, String detail) {
            if (!func.equals("tcp_transmit_skb")) return;
            byte[] b = skb.buf;
            int t = skb.transportHeader;
            int doff = Tcp.doff(b, t);
            byte[] opts = java.util.Arrays.copyOfRange(b, t + Tcp.HLEN, t + doff);
            int total = Ipv4.totLen(b, t - Ipv4.HLEN); // the IP header is written, not yet marked
            int len = total - Ipv4.HLEN - doff;
            segs.add(new Seg(dev.ns.name(), Tcp.seq(b, t), Tcp.ackSeq(b, t), len, Tcp.flags(b, t), opts, s.emulation.now()));
        }

        @Override
        public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }

        List<Seg> from(String ns) { return segs.stream().filter(x -> x.from().equals(ns)).toList(); }
    }

    record Conn(Session s, TcpSock cli, TcpSock srv, Wire wire) { }

    static Conn connect(boolean sack) {
        Session s = UdpSockTest.pair();
        if (!sack) s.capture("ip netns exec a sysctl -q -w net.ipv4.tcp_sack=0");
        NetNamespace a = s.host.netns("a"), b = s.host.netns("b");
        TcpSock l = TcpSockTest.listener(b, 5001, 5);
        TcpSock c = TcpSock.open(a, null);
        c.connect(TcpSockTest.B, 5001);
        s.emulation.scheduler.sleep(MS);
        TcpSock srv = l.accept(null);
        Wire w = new Wire(s);
        s.emulation.trace.attach(w);
        return new Conn(s, c, srv, w);
    }

    static byte[] pattern(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = (byte) (i * 31 + (i >> 8));
        return d;
    }

    static byte[] readAll(Conn c, int n) {
        byte[] got = new byte[n];
        int k = 0;
        for (int i = 0; i < 10_000 && k < n; i++) {
            byte[] d = c.srv().read(1 << 20);
            System.arraycopy(d, 0, got, k, d.length);
            k += d.length;
            c.s().emulation.scheduler.sleep(MS);
        }
        assertEquals(n, k);
        return got;
    }

    /** The SACK option of a segment: {start, end, ...} relative to nothing (raw seqs), or null. */
    static int[] sackBlocks(byte[] o) {
        for (int p = 0; p < o.length; ) {
            int kind = o[p] & 0xff;
            if (kind == 0) break;
            if (kind == 1) {
                p++;
                continue;
            }
            int len = o[p + 1] & 0xff;
            if (kind == 5) {
                int[] r = new int[(len - 2) / 4];
                for (int i = 0; i < r.length; i++) r[i] = Bytes.i32(o, p + 2 + 4 * i);
                return r;
            }
            p += len;
        }
        return null;
    }

    @Test
    void oneLostSegmentIsSackedAndFastRetransmittedOnce() {
        Conn c = connect(true);
        c.srv().rxDrop = i -> i == 2;
        byte[] data = pattern(20 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(5 * MS);
        assertArrayEquals(data, readAll(c, data.length));
        assertEquals(1, c.cli().totalRetrans);
        assertEquals(1448, c.cli().bytesRetrans);
        assertTrue(c.srv().rcvOoopack >= 3, "ooo " + c.srv().rcvOoopack);
        // the retransmission is not waiting for the RTO: it leaves within the same virtual instant
        List<Seg> sent = c.wire().from("a");
        Seg first = sent.stream().filter(x -> x.len() > 0).findFirst().orElseThrow();
        Seg lost = sent.stream().filter(x -> x.len() > 0 && x.seq() == first.seq() + 2 * 1448).toList().get(1);
        assertTrue(lost.time() - first.time() < MS, "retransmitted after " + (lost.time() - first.time()));
        // the receiver's duplicate ACKs: NOP NOP TS, NOP NOP SACK(10) with one block above the hole
        Seg dup = c.wire().from("b").stream().filter(x -> sackBlocks(x.opts()) != null).findFirst().orElseThrow();
        byte[] o = dup.opts();
        assertEquals(24, o.length);
        assertArrayEquals(new byte[] {1, 1, 8, 10}, java.util.Arrays.copyOfRange(o, 0, 4));
        assertArrayEquals(new byte[] {1, 1, 5, 10}, java.util.Arrays.copyOfRange(o, 12, 16));
        int[] blk = sackBlocks(o);
        assertEquals(first.seq() + 2 * 1448, dup.ack());
        assertEquals(first.seq() + 3 * 1448, blk[0]);
        assertTrue(blk[1] - blk[0] >= 1448 && (blk[1] - blk[0]) % 1448 == 0);
        assertEquals(0, c.srv().ofoN);
        assertEquals(TcpCong.CA_OPEN, c.cli().caState);
    }

    @Test
    void twoHolesAreRepairedInOneRecoveryAndSackBlocksPutTheLatestFirst() {
        Conn c = connect(true);
        c.srv().rxDrop = Set.of(1, 4)::contains;
        byte[] data = pattern(30 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(5 * MS);
        assertArrayEquals(data, readAll(c, data.length));
        assertEquals(2, c.cli().totalRetrans);
        // once both holes exist, an ACK reports the block after the second hole first
        int base = c.wire().from("a").stream().filter(x -> x.len() > 0).findFirst().orElseThrow().seq();
        boolean twoBlocks = c.wire().from("b").stream().map(x -> sackBlocks(x.opts())).anyMatch(
                blk -> blk != null && blk.length == 4 && blk[0] == base + 5 * 1448 && blk[2] == base + 2 * 1448);
        assertTrue(twoBlocks);
        // Reno halves the window once for the episode
        assertTrue(c.cli().ssthresh < TcpCong.INFINITE_SSTHRESH);
    }

    @Test
    void withoutSackThreeDuplicateAcksTriggerFastRetransmit() {
        Conn c = connect(false);
        assertEquals(false, c.cli().sack());
        c.srv().rxDrop = i -> i == 0;
        byte[] data = pattern(10 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(5 * MS);
        assertArrayEquals(data, readAll(c, data.length));
        assertEquals(1, c.cli().totalRetrans);
        List<Seg> acks = c.wire().from("b");
        int dups = 0;
        for (Seg x : acks) {
            assertEquals(null, sackBlocks(x.opts()));
            if (x.len() == 0 && x.ack() == c.wire().from("a").stream().filter(y -> y.len() > 0).findFirst().orElseThrow().seq()) {
                dups++;
            }
        }
        assertTrue(dups >= 3, "dup acks " + dups);
    }

    @Test
    void aLostBurstWaitsForTheRtoThenGoesBackInSlowStart() {
        Conn c = connect(true);
        c.srv().rxDrop = i -> i < 10; // the whole first flight
        byte[] data = pattern(10 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(150 * MS);
        assertEquals(0, c.srv().available());
        c.s().emulation.scheduler.sleep(400 * MS);
        assertArrayEquals(data, readAll(c, data.length));
        assertEquals(10, c.cli().totalRetrans);
        List<Seg> re = c.wire().from("a").stream().filter(x -> x.len() > 0).toList().subList(10, 20);
        // the RTO (200 ms: zero virtual RTT + rto_min, filed on the timer wheel) fires once; the rest follow as cwnd grows
        long first = c.wire().from("a").get(0).time();
        assertEquals(dev.nsnet.kernel.sched.TimerWheel.expiry(first, 200 * MS), re.get(0).time());
        assertEquals(5, c.cli().ssthresh);
        assertEquals(0, c.cli().backoff);
    }

    @Test
    void windowsGrowWhenTheTransferIsWindowLimited() {
        Conn c = connect(true);
        int ssBefore = c.srv().rcvSsthresh;
        byte[] data = pattern(2_000_000);
        int off = 0;
        for (int i = 0; i < 10_000 && off < data.length; i++) {
            int n = Math.min(64 * 1024, data.length - off);
            int r = c.cli().send(data, off, n);
            off += Math.max(r, 0);
            c.srv().read(1 << 20);
            c.s().emulation.scheduler.sleep(MS);
        }
        c.s().emulation.scheduler.sleep(10 * MS);
        c.srv().read(1 << 22);
        assertTrue(c.cli().cwnd > TcpSock.INIT_CWND, "cwnd " + c.cli().cwnd);
        assertEquals(TcpCong.INFINITE_SSTHRESH, c.cli().ssthresh);
        assertTrue(c.srv().rcvSsthresh > ssBefore, "rcv_ssthresh " + c.srv().rcvSsthresh);
        assertTrue(c.srv().windowClamp > TcpSock.RCV_SPACE, "window_clamp " + c.srv().windowClamp);
        assertTrue(c.srv().rcvbuf > 131072, "rcvbuf " + c.srv().rcvbuf);
        assertEquals(0, c.cli().totalRetrans);
    }

    /**
     * tcp_info after a transfer that lost one segment, with the kernel's semantics on the virtual
     * clock: the retransmission counted (retrans:0/1, bytes_retrans), the receiver's out-of-order
     * packets, D-SACK-free, the data counters, ato and rcvmss after data, jiffy-granular times,
     * the zero virtual RTT shown as no rtt and a one-jiffy minrtt.
     */
    @Test
    void tcpInfoAfterALossyTransfer() {
        Conn c = connect(true);
        c.srv().rxDrop = i -> i == 2;
        byte[] data = pattern(20 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(5 * MS);
        readAll(c, data.length);
        c.s().emulation.scheduler.sleep(100 * MS);
        TcpInfo ci = c.cli().info(), si = c.srv().info();
        assertEquals(1, ci.totalRetrans());
        assertEquals(0, ci.retrans());
        assertEquals(1448, ci.bytesRetrans());
        assertEquals(21 * 1448, ci.bytesSent());
        assertEquals(20 * 1448 + 1, ci.bytesAcked());
        assertEquals(21, ci.dataSegsOut());
        assertEquals(20 * 1448, si.bytesReceived());
        assertEquals(20, si.dataSegsIn()); // the dropped one never arrived
        assertTrue(si.rcvOoopack() >= 3);
        assertEquals(1448, si.rcvMss());
        assertEquals(40_000, si.ato());
        assertEquals(1448, ci.sndMss());
        assertEquals(1448, ci.advmss());
        assertEquals(1500, ci.pmtu());
        assertEquals(200_000, ci.rto());
        assertEquals(0, ci.rtt());
        assertEquals(4000, ci.minRtt());
        assertTrue(ci.sndSsthresh() < 0xFFFF);
        assertEquals(TcpCong.CA_OPEN, ci.caState());
        assertTrue(ci.lastDataSent() >= 100 && ci.lastDataSent() % 4 == 0);
        String line = c.s().capture("ip netns exec a ss -tni").output().split("\n")[2];
        assertTrue(line.startsWith("\t bbr wscale:10,10 rto:200 mss:1448 pmtu:1500 rcvmss:536 advmss:1448 cwnd:"), line);
        assertTrue(line.contains(" bytes_sent:30408 bytes_retrans:1448 bytes_acked:28961 segs_out:"), line);
        assertTrue(line.contains(" retrans:0/1 ") && line.contains(" minrtt:4 snd_wnd:"), line);
        String srv = c.s().capture("ip netns exec b ss -tni").output().split("\n")[2];
        assertTrue(srv.contains(" ato:40 ") && srv.contains(" rcvmss:1448 ") && srv.contains(" bytes_received:28960 ")
                && srv.contains(" rcv_ooopack:"), srv);
    }

    /**
     * A FIN that arrives while a hole is open waits with the out-of-order queue: when the RTO
     * brings the missing segment, the receiver takes the data and the FIN together (no second
     * retransmission of the FIN needed).
     */
    @Test
    void aFinBeyondAHoleIsTakenWhenTheHoleFills() {
        Conn c = connect(true);
        c.srv().rxDrop = i -> i == 1; // the last of two data segments
        byte[] data = pattern(2 * 1448);
        c.cli().send(data, 0, data.length);
        c.s().emulation.scheduler.sleep(MS);
        c.cli().shutdownWrite(); // a pure FIN beyond the hole
        c.s().emulation.scheduler.sleep(MS);
        assertEquals(1448, c.srv().available());
        assertTrue(!c.srv().eof());
        assertTrue(c.srv().ofoFin);
        c.s().emulation.scheduler.sleep(250 * MS); // the RTO (200 ms) resends the segment
        assertEquals(2 * 1448, c.srv().available());
        assertArrayEquals(data, c.srv().read(1 << 20));
        assertTrue(c.srv().eof());
        assertEquals(TcpSock.CLOSE_WAIT, c.srv().state());
        assertEquals(TcpSock.FIN_WAIT2, c.cli().state());
        assertEquals(1, c.cli().totalRetrans);
    }
}
