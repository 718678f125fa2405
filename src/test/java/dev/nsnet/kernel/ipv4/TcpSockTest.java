package dev.nsnet.kernel.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.scenario.Session;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP sockets: port rules per namespace, backlog, bulk data with windows, retransmission, loopback. */
class TcpSockTest {
    static final int B = Inet4.parse("10.0.0.2");
    static final long MS = 1_000_000L;

    static TcpSock listener(NetNamespace ns, int port, int backlog) {
        TcpSock l = TcpSock.open(ns, null);
        l.bind(0, port);
        l.listen(backlog);
        return l;
    }

    @Test
    void samePortInTwoNamespacesButNotTwiceInOne() {
        Session s = UdpSockTest.pair();
        NetNamespace a = s.host.netns("a"), b = s.host.netns("b");
        listener(a, 80, 1);
        listener(b, 80, 1);
        TcpSock dup = TcpSock.open(b, null);
        assertEquals(Errno.EADDRINUSE, assertThrows(KernelException.class, () -> dup.bind(0, 80)).errno);
        // SO_REUSEADDR does not let a second socket share a listener's port; SO_REUSEPORT on both does
        TcpSock r = TcpSock.open(b, null);
        r.reuse = true;
        assertEquals(Errno.EADDRINUSE, assertThrows(KernelException.class, () -> r.bind(0, 80)).errno);
        TcpSock p1 = TcpSock.open(b, null), p2 = TcpSock.open(b, null);
        p1.reusePort = true;
        p2.reusePort = true;
        p1.bind(0, 81);
        p1.listen(1);
        p2.bind(0, 81);
        p2.listen(1);
    }

    @Test
    void bindWithoutPortTakesAnOddEphemeralPort() {
        Session s = UdpSockTest.pair();
        TcpSock t = TcpSock.open(s.host.netns("a"), null);
        t.listen(5);
        int[] r = InetHashtables.of(s.host.netns("a")).localPortRange();
        assertTrue(t.localPort() >= r[0] && t.localPort() <= r[1]);
        assertEquals(1, t.localPort() % 2);
        assertEquals(0, s.capture("ip netns exec a sysctl -q -w net.ipv4.ip_local_port_range=\"40000 40001\"").exitStatus());
        TcpSock c = TcpSock.open(s.host.netns("a"), null);
        c.connect(B, 9);
        assertEquals(40000, c.localPort());
    }

    @Test
    void acceptQueueHoldsBacklogPlusOneThenSynsAreDropped() {
        Session s = UdpSockTest.pair();
        TcpSock l = listener(s.host.netns("b"), 8080, 1);
        List<TcpSock> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TcpSock c = TcpSock.open(s.host.netns("a"), null);
            c.connect(B, 8080);
            clients.add(c);
            s.emulation.scheduler.sleep(MS);
        }
        assertEquals(TcpSock.ESTABLISHED, clients.get(0).state());
        assertEquals(TcpSock.ESTABLISHED, clients.get(1).state());
        assertEquals(TcpSock.SYN_SENT, clients.get(2).state());
        assertEquals(2, l.recvQ());
        assertEquals(1, l.sendQ());
        assertNotNull(l.accept(null));
        // the third client's SYN goes again after its 1 s RTO (on the timer wheel: 1.004-1.032 s) and is taken now
        s.emulation.scheduler.sleep(1040 * MS);
        assertEquals(TcpSock.ESTABLISHED, clients.get(2).state());
    }

    @Test
    void bulkTransferRespectsWindowsAndArrivesInOrder() {
        Session s = UdpSockTest.pair();
        TcpSock l = listener(s.host.netns("b"), 5001, 5);
        TcpSock c = TcpSock.open(s.host.netns("a"), null);
        c.connect(B, 5001);
        s.emulation.scheduler.sleep(MS);
        TcpSock srv = l.accept(null);
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
        assertEquals(data.length, c.send(data, 0, data.length));
        // nobody reads: the receiver's window (64 KiB of space, advertised in 1 KiB units) limits it
        s.emulation.scheduler.sleep(10 * MS);
        assertTrue(srv.available() <= TcpSock.RCV_SPACE + 1024, "received " + srv.available());
        assertTrue(srv.available() > 60_000);
        byte[] got = new byte[data.length];
        int n = 0;
        long deadline = s.emulation.now() + 60_000 * MS;
        while (n < data.length && s.emulation.now() < deadline) {
            byte[] d = srv.read(1 << 20);
            System.arraycopy(d, 0, got, n, d.length);
            n += d.length;
            s.emulation.scheduler.sleep(MS);
        }
        assertEquals(data.length, n);
        assertTrue(java.util.Arrays.equals(data, got));
        assertEquals(0, c.sendQ());
    }

    @Test
    void lostDataIsRetransmittedOnTheVirtualClock() {
        Session s = UdpSockTest.pair();
        TcpSock l = listener(s.host.netns("b"), 5001, 5);
        TcpSock c = TcpSock.open(s.host.netns("a"), null);
        c.connect(B, 5001);
        s.emulation.scheduler.sleep(MS);
        TcpSock srv = l.accept(null);
        List<Long> sent = new ArrayList<>();
        s.emulation.trace.attach(new PacketObserver() {
            @Override
            public void step(SkBuff skb, NetDevice dev, String func, String detail) {
                if (func.equals("tcp_transmit_skb") && detail.contains("len 5")) sent.add(s.emulation.now());
            }

            @Override
            public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        });
        // the peer's receive path loses everything for a while: its firewall-like stand-in is a down link
        assertEquals(0, s.capture("ip -n b link set veth1 down").exitStatus());
        long t0 = s.emulation.now();
        c.send("hello".getBytes(), 0, 5);
        s.emulation.scheduler.sleep(500 * MS);
        assertEquals(0, srv.available());
        assertEquals(0, s.capture("ip -n b link set veth1 up").exitStatus());
        s.emulation.scheduler.sleep(2000 * MS);
        assertEquals(5, srv.available());
        // RTO = 200 ms + RTT after the handshake, doubling (200, then 400 ms), each filed on the
        // kernel's timer wheel (a jiffy late at level 0, rounded up to 8 jiffies at level 1)
        assertTrue(sent.size() >= 3, "sends " + sent);
        assertEquals(0, sent.get(0) - t0);
        assertEquals(dev.nsnet.kernel.sched.TimerWheel.expiry(sent.get(0), 200 * MS), (long) sent.get(1));
        assertEquals(dev.nsnet.kernel.sched.TimerWheel.expiry(sent.get(1), 400 * MS), (long) sent.get(2));
        assertTrue(sent.get(1) - t0 > 200 * MS && sent.get(1) - t0 <= 204 * MS, "first RTO " + (sent.get(1) - t0));
    }

    @Test
    void loopbackConnectionInsideANamespace() {
        Session s = UdpSockTest.pair();
        NetNamespace a = s.host.netns("a");
        TcpSock l = listener(a, 7, 1);
        TcpSock c = TcpSock.open(a, null);
        c.connect(Inet4.parse("127.0.0.1"), 7);
        s.emulation.scheduler.sleep(MS);
        TcpSock srv = l.accept(null);
        assertNotNull(srv);
        assertEquals(65495 - 12, c.mss()); // lo's MTU 65536 - 40, less the timestamp option
        c.send("x".getBytes(), 0, 1);
        s.emulation.scheduler.sleep(MS);
        assertEquals("x", new String(srv.read(10)));
        assertNull(l.accept(null));
    }

    @Test
    void aTimeWaitPortIsTakenUnlessBothAskForReuseaddr() {
        Session s = UdpSockTest.pair();
        listener(s.host.netns("b"), 8080, 1);
        TcpSock c = TcpSock.open(s.host.netns("a"), null);
        c.reusePort = true;
        c.reuse = true;
        c.bind(0, 40000);
        c.connect(B, 8080);
        s.emulation.scheduler.sleep(MS);
        c.close();
        s.emulation.scheduler.sleep(MS);
        TcpSock child = InetHashtables.of(s.host.netns("b")).tcpSockets().stream()
                .filter(t -> t.state() == TcpSock.CLOSE_WAIT).findFirst().orElseThrow();
        child.close();
        s.emulation.scheduler.sleep(MS);
        assertEquals(TcpSock.TIME_WAIT, c.state());
        TcpSock again = TcpSock.open(s.host.netns("a"), null);
        again.reusePort = true; // nc -p: SO_REUSEPORT only
        assertEquals(Errno.EADDRINUSE, assertThrows(KernelException.class, () -> again.bind(0, 40000)).errno);
        TcpSock withReuse = TcpSock.open(s.host.netns("a"), null);
        withReuse.reuse = true;
        withReuse.bind(0, 40000);
    }

    @Test
    void resetByPeerAndUnreadDataOnClose() {
        Session s = UdpSockTest.pair();
        TcpSock l = listener(s.host.netns("b"), 9000, 1);
        TcpSock c = TcpSock.open(s.host.netns("a"), null);
        c.connect(B, 9000);
        s.emulation.scheduler.sleep(MS);
        TcpSock srv = l.accept(null);
        c.send("unread".getBytes(), 0, 6);
        s.emulation.scheduler.sleep(MS);
        srv.close(); // data never read: RST instead of FIN
        s.emulation.scheduler.sleep(MS);
        assertEquals(TcpSock.CLOSE, c.state());
        assertEquals(Errno.ECONNRESET.code, c.takeError());
    }
}
