package dev.nsnet.tools.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Normalizer;
import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * ping's output against text captured from iputils 20221126 on the real kernel, in a sandbox
 * built by the same commands as {@link #TOPO} (scripts/sandbox.sh 'source topo.sh; ...').
 * Times are compared after the conformance normaliser, as the golden scenarios are.
 */
class PingTest {
    /** h1 (10.0.1.2) - r (10.0.1.1 | 10.0.2.1) - h2 (10.0.2.2), forwarding on in r. */
    static final String[] TOPO = {
        "ip link set lo up",
        "ip netns add h1", "ip netns add r", "ip netns add h2",
        "ip -n h1 link set lo up", "ip -n r link set lo up", "ip -n h2 link set lo up",
        "ip -n h1 link add eth0 address 02:00:00:00:01:02 type veth peer name r1 address 02:00:00:00:01:01 netns r",
        "ip -n h2 link add eth0 address 02:00:00:00:02:02 type veth peer name r2 address 02:00:00:00:02:01 netns r",
        "ip -n h1 addr add 10.0.1.2/24 dev eth0", "ip -n h1 link set eth0 up", "ip -n h1 route add default via 10.0.1.1",
        "ip -n h2 addr add 10.0.2.2/24 dev eth0", "ip -n h2 link set eth0 up", "ip -n h2 route add default via 10.0.2.1",
        "ip -n r addr add 10.0.1.1/24 dev r1", "ip -n r link set r1 up",
        "ip -n r addr add 10.0.2.1/24 dev r2", "ip -n r link set r2 up",
        "ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
    };

    private final Session s = new Session(1);

    PingTest() {
        for (String l : TOPO) assertEquals(0, s.capture(l).exitStatus(), l);
    }

    private void check(String line, int status, String want) {
        Session.Result r = s.capture(line);
        assertEquals(Normalizer.normalize(want), Normalizer.normalize(r.output()), line);
        assertEquals(status, r.exitStatus(), line);
    }

    @Test
    void hostUnreachableBehindTheRouterArrivesAfterThreeSecondsForAllQueuedProbes() {
        long t0 = s.emulation.now();
        check("ip netns exec h1 ping -c 3 -i 0.2 10.0.2.9", 1, """
                PING 10.0.2.9 (10.0.2.9) 56(84) bytes of data.
                From 10.0.1.1 icmp_seq=1 Destination Host Unreachable
                From 10.0.1.1 icmp_seq=2 Destination Host Unreachable
                From 10.0.1.1 icmp_seq=3 Destination Host Unreachable

                --- 10.0.2.9 ping statistics ---
                3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 405ms
                pipe 3
                """);
        long took = s.emulation.now() - t0;
        assertTrue(took >= 3_000_000_000L && took < 3_100_000_000L, "virtual time " + took);
    }

    @Test
    void localNeighbourFailure() {
        check("ip netns exec h1 ping -c 2 -i 0.2 10.0.1.9", 1, """
                PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.
                From 10.0.1.2 icmp_seq=1 Destination Host Unreachable
                From 10.0.1.2 icmp_seq=2 Destination Host Unreachable

                --- 10.0.1.9 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 201ms
                pipe 2
                """);
    }

    @Test
    void deadlineEndsBeforeTheNeighbourFails() {
        check("ip netns exec h1 ping -c 2 -w 3 10.0.1.9", 1, """
                PING 10.0.1.9 (10.0.1.9) 56(84) bytes of data.

                --- 10.0.1.9 ping statistics ---
                3 packets transmitted, 0 received, 100% packet loss, time 2029ms

                """);
    }

    @Test
    void ttlExceeded() {
        check("ip netns exec h1 ping -c 2 -i 0.2 -t 1 10.0.2.2", 1, """
                PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
                From 10.0.1.1 icmp_seq=1 Time to live exceeded
                From 10.0.1.1 icmp_seq=2 Time to live exceeded

                --- 10.0.2.2 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 201ms

                """);
    }

    @Test
    void netUnreachableIsRateLimitedPerSource() {
        check("ip netns exec h1 ping -c 12 -i 0.2 -W 1 192.168.5.5", 1, """
                PING 192.168.5.5 (192.168.5.5) 56(84) bytes of data.
                From 10.0.1.1 icmp_seq=1 Destination Net Unreachable
                From 10.0.1.1 icmp_seq=2 Destination Net Unreachable

                --- 192.168.5.5 ping statistics ---
                12 packets transmitted, 0 received, +2 errors, 100% packet loss, time 2247ms

                """);
    }

    @Test
    void forwardingAndFragmentation() {
        check("ip netns exec h1 ping -c 2 -i 0.2 10.0.2.2", 0, """
                PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
                64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.050 ms
                64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=0.054 ms

                --- 10.0.2.2 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 202ms
                rtt min/avg/max/mdev = 0.050/0.052/0.054/0.002 ms
                """);
        check("ip netns exec h1 ping -c 1 -s 3000 10.0.2.2", 0, """
                PING 10.0.2.2 (10.0.2.2) 3000(3028) bytes of data.
                3008 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.043 ms

                --- 10.0.2.2 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms
                rtt min/avg/max/mdev = 0.043/0.043/0.043/0.000 ms
                """);
        check("ip netns exec h1 ping -c 2 -s 3000 -M do 10.0.2.2", 1, """
                PING 10.0.2.2 (10.0.2.2) 3000(3028) bytes of data.
                ping: local error: message too long, mtu=1500
                ping: local error: message too long, mtu=1500

                --- 10.0.2.2 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1005ms

                """);
    }

    @Test
    void forwardingOffIsSilence() {
        s.capture("ip netns exec r sysctl -q -w net.ipv4.ip_forward=0");
        check("ip netns exec h1 ping -c 2 -i 0.2 -W 1 10.0.2.2", 1, """
                PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.

                --- 10.0.2.2 ping statistics ---
                2 packets transmitted, 0 received, 100% packet loss, time 203ms

                """);
    }

    @Test
    void hundredProbesTakeVirtualTimeOnly() {
        long real = System.nanoTime();
        // (A scenario line is cut at 20 s like `timeout 20` in the recordings, so -i 0.1.)
        long t0 = s.emulation.now();
        check("ip netns exec h1 ping -q -c 100 -i 0.1 10.0.2.2", 0, """
                PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.

                --- 10.0.2.2 ping statistics ---
                100 packets transmitted, 100 received, 0% packet loss, time 9900ms
                rtt min/avg/max/mdev = 0.030/0.030/0.030/0.000 ms
                """);
        // not a speed check: the 9.9 s of probe intervals must not have been slept in real time
        assertTrue(System.nanoTime() - real < 9_900_000_000L, "ping slept in real time");
        assertTrue(s.emulation.now() - t0 >= 9_900_000_000L, "virtual time passed");
    }

    @Test
    void timeFormatFollowsIputils() {
        assertEquals("0.045", PingLoop.formatTime(45));
        assertEquals("1.23", PingLoop.formatTime(1234));
        assertEquals("12.3", PingLoop.formatTime(12345));
        assertEquals("123", PingLoop.formatTime(123456));
        assertEquals("33.3333", PingLoop.formatG((float) (200 / 6.0)));
        assertEquals("100", PingLoop.formatG(100f));
    }
}
