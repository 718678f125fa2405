package dev.nsnet.kernel.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.scenario.Session;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** UDP sockets per namespace: delivery, port unreachable, bind rules, ephemeral ports. */
class UdpSockTest {
    static final int A = Inet4.parse("10.0.0.1"), B = Inet4.parse("10.0.0.2");

    /** Two namespaces a (10.0.0.1) and b (10.0.0.2) joined by a veth, as the golden scenarios build them. */
    static Session pair() {
        Session s = new Session(1);
        for (String l : new String[] {"ip netns add a", "ip netns add b",
                "ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02",
                "ip -n a addr add 10.0.0.1/24 dev veth0", "ip -n b addr add 10.0.0.2/24 dev veth1",
                "ip -n a link set veth0 up", "ip -n b link set veth1 up", "ip -n a link set lo up", "ip -n b link set lo up"}) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        s.emulation.scheduler.sleep(1_000_000_000L);
        return s;
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void datagramCrossesNamespaces() {
        Session s = pair();
        NetNamespace a = s.host.netns("a"), b = s.host.netns("b");
        UdpSock srv = UdpSock.open(b, null);
        srv.bind(0, 9999);
        UdpSock cli = UdpSock.open(a, null);
        assertEquals(3, cli.sendto(bytes("hi\n"), 0, 3, B, 9999));
        s.emulation.scheduler.sleep(1_000_000L);
        UdpSock.Datagram d = srv.recv();
        assertNotNull(d);
        assertEquals("hi\n", new String(d.data(), StandardCharsets.UTF_8));
        assertEquals(A, d.from());
        assertEquals(cli.num, d.fromPort());
        int[] r = InetHashtables.of(a).localPortRange();
        assertTrue(cli.num >= r[0] && cli.num <= r[1]);
    }

    @Test
    void closedPortGivesConnectionRefusedOnConnectedSocket() {
        Session s = pair();
        UdpSock cli = UdpSock.open(s.host.netns("a"), null);
        cli.connect(B, 9999);
        assertEquals(A, cli.rcvSaddr);
        assertEquals(1, cli.send(bytes("X"), 0, 1));
        s.emulation.scheduler.sleep(1_000_000L);
        assertEquals(-Errno.ECONNREFUSED.code, cli.send(bytes("X"), 0, 1));
        assertEquals(1, cli.send(bytes("X"), 0, 1));
    }

    @Test
    void unconnectedSocketIgnoresPortUnreachable() {
        Session s = pair();
        UdpSock cli = UdpSock.open(s.host.netns("a"), null);
        cli.sendto(bytes("X"), 0, 1, B, 9999);
        s.emulation.scheduler.sleep(1_000_000L);
        assertEquals(0, cli.pendingError());
    }

    @Test
    void bindRulesPerNamespace() {
        Session s = pair();
        NetNamespace a = s.host.netns("a"), b = s.host.netns("b");
        UdpSock x = UdpSock.open(a, null);
        x.bind(0, 53);
        UdpSock y = UdpSock.open(a, null);
        KernelException e = assertThrows(KernelException.class, () -> y.bind(A, 53));
        assertEquals(Errno.EADDRINUSE, e.errno);
        UdpSock z = UdpSock.open(b, null);
        z.bind(0, 53); // another namespace: its own port space
        UdpSock r1 = UdpSock.open(a, null), r2 = UdpSock.open(a, null);
        r1.reuse = true;
        r2.reuse = true;
        r1.bind(0, 54);
        r2.bind(0, 54); // SO_REUSEADDR on both
        UdpSock w = UdpSock.open(a, null);
        assertEquals(Errno.EADDRNOTAVAIL, assertThrows(KernelException.class, () -> w.bind(B, 55)).errno);
        x.close();
        y.bind(A, 53);
    }

    @Test
    void loopbackInsideNamespace() {
        Session s = pair();
        NetNamespace a = s.host.netns("a");
        UdpSock srv = UdpSock.open(a, null);
        srv.bind(Inet4.parse("127.0.0.1"), 7);
        UdpSock cli = UdpSock.open(a, null);
        cli.sendto(bytes("ping"), 0, 4, Inet4.parse("127.0.0.1"), 7);
        s.emulation.scheduler.sleep(1_000_000L);
        UdpSock.Datagram d = srv.recv();
        assertNotNull(d);
        assertEquals(Inet4.parse("127.0.0.1"), d.from());
        assertNull(srv.recv());
    }

    @Test
    void noRouteIsNetworkUnreachable() {
        Session s = pair();
        UdpSock cli = UdpSock.open(s.host.netns("a"), null);
        assertEquals(Errno.ENETUNREACH, assertThrows(KernelException.class,
                () -> cli.connect(Inet4.parse("192.168.9.9"), 53)).errno);
        assertEquals(-Errno.ENETUNREACH.code, cli.sendto(bytes("x"), 0, 1, Inet4.parse("192.168.9.9"), 53));
    }
}
