package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
    static String run(boolean trace, int[] statusOut) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Demo.Outcome o = Demo.demo(new PrintStream(buf, true, StandardCharsets.UTF_8), trace);
        System.arraycopy(o.pingStatus(), 0, statusOut, 0, statusOut.length);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsToTheEndAndPrintsEveryCommandAndTheFigure() {
        int[] status = new int[3];
        String out = run(true, status);
        assertTrue(out.contains("node1# ip link add cni0 address 0a:58:0a:f4:01:01 type bridge"), out);
        assertTrue(out.contains("node1# nsnet-world switch port tor node1:eth0"));
        assertTrue(out.contains("| veth6b7a2f1c     bridge cni0       veth0d4c88e3  |"));
        assertTrue(out.contains("== Summary =="));
        for (String[] c : Demo.CASES) assertTrue(out.contains("ip netns exec pod1 ping -c 1 -W 1 " + c[0]));
    }

    /**
     * The three pings succeed once ip, sysctl and ping are in this build, as they do on a real
     * kernel (the same topology built with namespaces and veth standing in for the cables: see
     * docs/world.md), where the remote host's reply arrives with ttl=62 (two routers on the way back).
     */
    @Test
    void allThreePingsGetRepliesWhenTheToolsExist() {
        var reg = Tools.standard();
        if (reg.get("ip") == null || reg.get("ping") == null || reg.get("sysctl") == null) return;
        int[] status = new int[3];
        String out = run(false, status);
        assertArrayEquals(new int[] {0, 0, 0}, status, out);
        assertTrue(out.contains("64 bytes from 10.244.1.3: icmp_seq=1 ttl=64"), out);
        assertTrue(out.contains("64 bytes from 192.168.1.10: icmp_seq=1 ttl=64"), out);
        assertTrue(out.contains("64 bytes from 203.0.113.10: icmp_seq=1 ttl=62"), out);
        assertEquals(0, Demo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err, new String[0]));
    }

    @Test
    void options() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream ebuf = new ByteArrayOutputStream();
        PrintStream es = new PrintStream(ebuf, true, StandardCharsets.UTF_8);
        assertEquals(0, Demo.run(ps, es, new String[] {"--help"}));
        assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("Usage: nsnet demo"));
        buf.reset();
        assertEquals(2, Demo.run(ps, es, new String[] {"--frob"}));
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "usage errors go to stderr");
        assertTrue(ebuf.toString(StandardCharsets.UTF_8).startsWith("nsnet demo: unknown option '--frob'\nUsage: nsnet demo"));
    }

    /** Runs {@code line} on host {@code host} of the demo's world; stdout and stderr merged. */
    static String on(Demo.Outcome o, String host, String line) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Demo.Shell sh = new Demo.Shell(o.emulation(), o.emulation().host(host), o.tools(), ps);
        sh.run(sh.node, line);
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.substring(s.indexOf('\n') + 1); // drop the echoed "host# line"
    }

    /**
     * The demo's world as the real kernel has it: the same commands run in namespaces node1,
     * router, baidu, pod1, pod2 (veth pairs standing in for the cables) with scripts/sandbox.sh
     * printed exactly these routes, route lookups and learned bridge entries after the three pings.
     */
    @Test
    void worldMatchesTheRealKernel() {
        var reg = Tools.standard();
        if (reg.get("ip") == null || reg.get("ping") == null || reg.get("sysctl") == null || reg.get("bridge") == null) return;
        Demo.Outcome o = Demo.demo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        assertEquals("""
                default via 192.168.1.1 dev eth0\s
                10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1\s
                192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10\s
                """, on(o, "node1", "ip route"));
        assertEquals("""
                default via 10.244.1.1 dev eth0\s
                10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2\s
                """, on(o, "node1", "ip -n pod1 route"));
        assertEquals("""
                192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1\s
                203.0.113.0/24 dev eth1 proto kernel scope link src 203.0.113.1\s
                """, on(o, "router", "ip route"));
        assertEquals("""
                default via 203.0.113.1 dev eth0\s
                203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.10\s
                """, on(o, "baidu", "ip route"));
        assertEquals("""
                203.0.113.10 from 10.244.1.2 via 192.168.1.1 dev eth0\s
                    cache iif cni0\s
                """, on(o, "node1", "ip route get 203.0.113.10 from 10.244.1.2 iif cni0"));
        assertEquals("""
                192.168.1.10 via 10.244.1.1 dev eth0 src 10.244.1.2 uid 0\s
                    cache\s
                """, on(o, "node1", "ip -n pod1 route get 192.168.1.10"));
        String fdb = on(o, "node1", "bridge fdb show br cni0");
        assertTrue(fdb.contains("0a:58:0a:f4:01:02 dev veth6b7a2f1c master cni0 \n"), fdb);
        assertTrue(fdb.contains("0a:58:0a:f4:01:03 dev veth0d4c88e3 master cni0 \n"), fdb);
        assertEquals("192.168.1.1 lladdr 52:54:00:00:01:01 REACHABLE \n",
                on(o, "node1", "ip neigh show 192.168.1.1 dev eth0"));
    }
}
