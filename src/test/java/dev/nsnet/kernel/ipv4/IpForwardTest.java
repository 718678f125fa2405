package dev.nsnet.kernel.ipv4;

import static dev.nsnet.kernel.ipv4.IpInputWorld.addr;
import static dev.nsnet.kernel.ipv4.IpInputWorld.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forwarding through a router namespace: h1 (10.0.1.2) - r (10.0.1.1 | 10.0.2.1) - h2 (10.0.2.2),
 * the topology checked in the sandbox with
 * {@code ip netns exec h1 ping -c 2 -i 0.2 -t 1 10.0.2.2} ("From 10.0.1.1 icmp_seq=1 Time to live
 * exceeded") and, with ip_forward=0, silence and IpInAddrErrors 2 on the router.
 */
class IpForwardTest {
    private final IpInputWorld w = new IpInputWorld();
    private final NetNamespace h1 = w.ns();
    private final NetNamespace r = w.ns();
    private final NetNamespace h2 = w.ns();
    private final NetDevice[] l1 = w.veth(h1, "eth0", "02:00:00:00:01:02", r, "r1", "02:00:00:00:01:01");
    private final NetDevice[] l2 = w.veth(h2, "eth0", "02:00:00:00:02:02", r, "r2", "02:00:00:00:02:01");
    private final List<String> drops = new ArrayList<>();

    IpForwardTest() {
        addr(l1[0], "10.0.1.2/24");
        addr(l1[1], "10.0.1.1/24");
        addr(l2[0], "10.0.2.2/24");
        addr(l2[1], "10.0.2.1/24");
        IpInputWorld.route(h1, "default", "10.0.1.1");
        IpInputWorld.route(h2, "default", "10.0.2.1");
        w.emu.trace.attach(new PacketObserver() {
            @Override public void step(SkBuff skb, NetDevice dev, String func, String detail) { }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
                drops.add(func + ":" + reason);
            }
        });
    }

    private PingSocket socket() {
        PingSocket s = PingSocket.open(h1, true);
        s.recverr = true;
        return s;
    }

    @Test
    void forwardedEchoComesBackWithTtl63() {
        IpInputWorld.forwarding(r, true);
        PingSocket s = socket();
        assertEquals(0, IpInputWorld.echo(s, ip("10.0.2.2"), 9, 1, 56));
        PingSocket.Datagram d = (PingSocket.Datagram) s.poll();
        assertNotNull(d);
        assertEquals(63, d.ttl());
        assertEquals(ip("10.0.2.2"), d.from());
    }

    @Test
    void forwardingDisabledDropsSilently() {
        PingSocket s = socket();
        IpInputWorld.echo(s, ip("10.0.2.2"), 9, 1, 56);
        w.run(2000);
        assertNull(s.poll());
        assertTrue(drops.contains("ip_error:IP_INADDRERRORS"), drops.toString());
    }

    @Test
    void ttlExpiryAnswersTimeExceededFromTheRouter() {
        IpInputWorld.forwarding(r, true);
        PingSocket s = socket();
        s.ttl = 1;
        IpInputWorld.echo(s, ip("10.0.2.2"), 9, 1, 56);
        PingSocket.Datagram raw = (PingSocket.Datagram) s.poll();
        byte[] p = raw.data();
        assertEquals(0xc0, Ipv4.tos(p, 0), "errors carry IPTOS_PREC_INTERNETCONTROL");
        assertEquals(64, Ipv4.ttl(p, 0));
        assertEquals(ip("10.0.1.1"), Ipv4.src(p, 0));
        assertEquals(20 + 8 + 84, Ipv4.totLen(p, 0), "the whole offending datagram is quoted (it is < 548 bytes)");
        assertEquals(11, p[20]);
        assertEquals(0, Bytes.checksum(p, 20, p.length - 20));
        assertEquals(ip("10.0.2.2"), Ipv4.dst(p, 28), "the quoted header");
        assertEquals(1, Ipv4.ttl(p, 28));
        PingSocket.ErrorMsg e = s.pollError();
        assertEquals(11, e.type());
        assertEquals(0, e.code());
        assertEquals(ip("10.0.1.1"), e.offender());
        assertEquals(1, dev.nsnet.kernel.wire.Icmp.seq(e.payload(), 0));
    }

    @Test
    void netUnreachableIsRateLimitedLikeTheRealRouter() {
        // Sandbox: 12 probes 0.2 s apart to 192.168.5.5 through r: 2 errors (seq 1 and 2) and
        // IcmpOutRateLimitHost 3 - ip_error()'s limiter and icmp_send()'s share one inet_peer.
        IpInputWorld.forwarding(r, true);
        PingSocket s = socket();
        List<Integer> seqs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            IpInputWorld.echo(s, ip("192.168.5.5"), 9, i, 56);
            w.run(200);
            PingSocket.ErrorMsg e;
            while ((e = s.pollError()) != null) {
                assertEquals(3, e.type());
                assertEquals(0, e.code());
                seqs.add(dev.nsnet.kernel.wire.Icmp.seq(e.payload(), 0));
            }
        }
        assertEquals(List.of(1, 2), seqs);
    }

    @Test
    void dfPacketTooBigForTheNextLinkGetsFragNeeded() {
        IpInputWorld.forwarding(r, true);
        dev.nsnet.kernel.core.Dev.setMtu(l2[1], 1400);
        PingSocket s = socket();
        s.pmtudisc = PingSocket.PMTUDISC_DO;
        IpInputWorld.echo(s, ip("10.0.2.2"), 9, 1, 1440);
        PingSocket.ErrorMsg e = s.pollError();
        assertNotNull(e);
        assertEquals(3, e.type());
        assertEquals(4, e.code());
        assertEquals(1400, e.info());
        // The path MTU is learnt: the next send fails locally.
        assertEquals(-dev.nsnet.kernel.core.Errno.EMSGSIZE.code, IpInputWorld.echo(s, ip("10.0.2.2"), 9, 2, 1440));
        assertEquals(PingSocket.ORIGIN_LOCAL, s.pollError().origin());
    }

    @Test
    void strictRpFilterDropsASourceThatRoutesBackElsewhereLooseAcceptsIt() {
        IpInputWorld.forwarding(r, true);
        r.sysctl.get("net/ipv4/conf/r1/rp_filter").set().accept("1");
        NeighTable.of(r).rtmNewNeigh(l2[1], ip("10.0.2.2"), dev.nsnet.kernel.wire.Mac.parse("02:00:00:00:02:02"),
                NeighState.PERMANENT, NeighTable.NLM_F_CREATE, false);
        IpInputWorld.Tap tap = IpInputWorld.Tap.on(l2[0]);
        String spoofed = spoofedEcho();
        IpInputWorld.inject(l1[1], spoofed);
        assertTrue(drops.contains("ip_rcv_finish_core:IP_RPFILTER"), drops.toString());
        assertEquals(0, tap.frames.size());
        r.sysctl.get("net/ipv4/conf/r1/rp_filter").set().accept("2");
        IpInputWorld.inject(l1[1], spoofed);
        assertEquals(1, tap.frames.size());
    }

    /** An echo request from 10.0.2.99 (a source behind r2) arriving on r1. */
    private static String spoofedEcho() {
        byte[] f = new byte[14 + 20 + 8];
        Bytes.put48(f, 0, dev.nsnet.kernel.wire.Mac.parse("02:00:00:00:01:01"));
        Bytes.put48(f, 6, dev.nsnet.kernel.wire.Mac.parse("02:00:00:00:01:02"));
        Bytes.put16(f, 12, 0x0800);
        Ipv4.write(f, 14, 0, 28, 1, 0, 64, 1, ip("10.0.2.99"), ip("10.0.2.2"));
        f[34] = 8;
        dev.nsnet.kernel.wire.Icmp.setChecksum(f, 34, 8);
        return java.util.HexFormat.of().formatHex(f);
    }
}
