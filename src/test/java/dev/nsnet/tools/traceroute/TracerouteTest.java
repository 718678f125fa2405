package dev.nsnet.tools.traceroute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.scenario.Normalizer;
import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * traceroute against what traceroute 2.1.2 printed on the recording host (golden/310-312 hold
 * the full kernel-recorded runs through two routers).
 */
class TracerouteTest {
    private static Session.Result run(Session s, String line) { return s.capture(line); }

    private static Session lo() {
        Session s = new Session(1);
        s.capture("ip link set lo up");
        return s;
    }

    @Test
    void loopbackUdpAndIcmp() {
        Session s = lo();
        assertEquals(new Session.Result(0, """
                traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 60 byte packets
                 1  127.0.0.1  0.030 ms  0.030 ms  0.030 ms
                """), run(s, "traceroute -n 127.0.0.1"));
        assertEquals(new Session.Result(0, """
                traceroute to localhost (127.0.0.1), 2 hops max, 60 byte packets
                 1  localhost (127.0.0.1)  0.030 ms  0.030 ms
                """), run(s, "traceroute -I -q 2 -m 2 localhost"));
        assertEquals(new Session.Result(0, """
                traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 28 byte packets
                 1  127.0.0.1  0.030 ms
                """), run(s, "traceroute -nq1 127.0.0.1 20"));
    }

    @Test
    void noRouteIsReportedAfterTheHeaderForUdpAndBeforeItForIcmp() {
        Session s = new Session(1);
        assertEquals(new Session.Result(1, """
                traceroute to 10.0.0.1 (10.0.0.1), 30 hops max, 60 byte packets
                connect: Network is unreachable
                """), run(s, "traceroute -n 10.0.0.1"));
        assertEquals(new Session.Result(1, "\nconnect: Network is unreachable\n"), run(s, "traceroute -n -I 10.0.0.1"));
    }

    /**
     * The TCP method: the closed port answers RST, a listener SYN-ACK (which the kernel resets: no
     * SYN_RECV child is left); the option block follows the sysctls (no timestamps: 52 bytes).
     */
    @Test
    void tcpMethod() {
        Session s = lo();
        assertEquals(new Session.Result(0, """
                traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 60 byte packets
                 1  127.0.0.1  0.030 ms  0.030 ms  0.030 ms
                """), run(s, "traceroute -n -T 127.0.0.1"));
        run(s, "nc -l 8080 &");
        assertEquals(new Session.Result(0, """
                traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 60 byte packets
                 1  127.0.0.1  0.030 ms
                """), run(s, "traceroute -n -T -p 8080 -q 1 127.0.0.1"));
        assertEquals(new Session.Result(0, """
                State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
                LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*         \s
                """), run(s, "ss -tan"));
        run(s, "sysctl -q -w net.ipv4.tcp_timestamps=0");
        assertEquals(new Session.Result(0, """
                traceroute to 127.0.0.1 (127.0.0.1), 1 hops max, 52 byte packets
                 1  127.0.0.1  0.030 ms
                """), run(s, "traceroute -n -T -q 1 -m 1 127.0.0.1"));
        assertEquals(new Session.Result(1, "\nconnect: Network is unreachable\n"),
                run(new Session(1), "traceroute -n -T 10.0.0.1"));
    }

    @Test
    void commandLineErrors() {
        Session s = lo();
        assertEquals(new Session.Result(2, "Option `-w' (argc 1) requires an argument: `-w MAX,HERE,NEAR'\n"),
                run(s, "traceroute -w"));
        assertEquals(new Session.Result(2, "Cannot handle `--first' option with arg `x' (argc 1)\n"),
                run(s, "traceroute --first=x 127.0.0.1"));
        assertEquals(new Session.Result(2, "bad wait specifications `1.5,-2,0' used\n"),
                run(s, "traceroute -w 1.5,-2 127.0.0.1"));
        assertEquals(new Session.Result(2, "bad sendtime `-1' specified\n"), run(s, "traceroute -z -1 127.0.0.1"));
        assertEquals(2, run(s, "traceroute -U 127.0.0.1").exitStatus());
        assertEquals(0, run(s, "traceroute --help").exitStatus());
    }

    @Test
    void normaliserBlanksProbeTimesOnly() {
        assertEquals(" 3  10.0.2.2  X ms !H\n 1  10.0.1.1  X ms  X ms *\n",
                Normalizer.normalize(" 3  10.0.2.2  3078.957 ms !H\n 1  10.0.1.1  0.034 ms  0.005 ms *\n"));
    }
}
