package dev.nsnet.tools.tcpdump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump on live traffic in a session: the pcap files of -w hold the real frame bytes (checked
 * byte by byte and read back by Wireshark's tshark, which must be installed when CI=true), -i any
 * writes Linux cooked v2 records, -c and signals end a capture with the statistics, -l timing.
 */
class TcpdumpLiveTest {
    @TempDir
    Path dir;

    private static final List<String> SETUP = List.of(
            "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1",
            "ip netns add a",
            "ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns a",
            "ip addr add 10.0.0.1/24 dev veth0",
            "ip -n a addr add 10.0.0.2/24 dev veth1",
            "ip link set veth0 up",
            "ip -n a link set veth1 up",
            "sleep 1");

    /** A session whose lines and background jobs all write to one transcript buffer. */
    private static final class Shell {
        final Session s = new Session(7);
        final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        final java.io.PrintStream ps = new java.io.PrintStream(buf, true, StandardCharsets.UTF_8);
        int last;

        /** Runs a line; returns what was written (by it and by the jobs) since the previous call. */
        String run(String line) {
            s.execute(line, ps, ps);
            ps.flush();
            String all = buf.toString(StandardCharsets.UTF_8);
            String r = all.substring(last);
            last = all.length();
            return r;
        }
    }

    private Shell session() {
        Shell sh = new Shell();
        sh.s.host.workingDirectory = dir;
        for (String l : SETUP) sh.run(l);
        return sh;
    }

    /** The records of a little-endian pcap file: {linktype, snaplen} then each frame's bytes. */
    private static List<byte[]> records(Path f, int[] header) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt());
        assertEquals(2, b.getShort());
        assertEquals(4, b.getShort());
        b.getInt();
        b.getInt();
        header[1] = b.getInt();
        header[0] = b.getInt();
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int caplen = b.getInt();
            int len = b.getInt();
            assertEquals(len, caplen);
            byte[] fr = new byte[caplen];
            b.get(fr);
            out.add(fr);
        }
        return out;
    }

    private static byte[] hex(String h) {
        h = h.replace(" ", "");
        byte[] r = new byte[h.length() / 2];
        for (int i = 0; i < r.length; i++) r[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return r;
    }

    @Test
    void writesTheRealFramesAndTsharkReadsThem() throws Exception {
        Shell s = session();
        s.run("tcpdump -w eth.pcap -i veth0 &");
        s.run("tcpdump -w any.pcap -i any &");
        s.run("sleep 0.5");
        s.run("ping -c 1 -e 7 10.0.0.2");
        s.run("echo hi | nc -u -w 1 -p 40000 10.0.0.2 5000");
        s.run("sleep 2");
        String k = s.run("kill %1") + s.run("kill %2");
        assertEquals("6 packets captured\n6 packets received by filter\n0 packets dropped by kernel\n".repeat(2), k);

        int[] h = new int[2];
        List<byte[]> eth = records(dir.resolve("eth.pcap"), h);
        assertEquals(1, h[0]);
        assertEquals(262144, h[1]);
        assertEquals(6, eth.size());
        // the ARP request exactly as arp_create() builds it (no padding on a veth)
        assertArrayEquals(hex("ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002"), eth.get(0));
        assertEquals(98, eth.get(2).length);
        assertEquals(45, eth.get(4).length); // 14 + 20 + 8 + "hi\n"
        assertArrayEquals("hi\n".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(eth.get(4), 42, 45));

        List<byte[]> any = records(dir.resolve("any.pcap"), h);
        assertEquals(276, h[0]);
        assertEquals(6, any.size());
        for (int i = 0; i < 6; i++) {
            byte[] c = any.get(i), e = eth.get(i);
            assertEquals(e.length + 6, c.length);
            assertArrayEquals(Arrays.copyOfRange(e, 12, 14), Arrays.copyOfRange(c, 0, 2)); // protocol
            assertEquals(i % 2 == 0 ? 4 : 0, c[10]); // PACKET_OUTGOING, then PACKET_HOST
            assertArrayEquals(Arrays.copyOfRange(e, 6, 12), Arrays.copyOfRange(c, 12, 18)); // source MAC
            assertArrayEquals(Arrays.copyOfRange(e, 14, e.length), Arrays.copyOfRange(c, 20, c.length));
        }

        List<String> fields = tshark(dir.resolve("eth.pcap"), "-e", "frame.len", "-e", "eth.src", "-e", "eth.dst", "-e", "eth.type",
                "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type", "-e", "udp.dstport", "-e", "arp.opcode");
        if (fields == null) return;
        assertEquals(List.of(
                "42,02:00:00:00:00:01,ff:ff:ff:ff:ff:ff,0x0806,,,,,1",
                "42,02:00:00:00:00:02,02:00:00:00:00:01,0x0806,,,,,2",
                "98,02:00:00:00:00:01,02:00:00:00:00:02,0x0800,10.0.0.1,10.0.0.2,8,,",
                "98,02:00:00:00:00:02,02:00:00:00:00:01,0x0800,10.0.0.2,10.0.0.1,0,,",
                "45,02:00:00:00:00:01,02:00:00:00:00:02,0x0800,10.0.0.1,10.0.0.2,,5000,",
                "73,02:00:00:00:00:02,02:00:00:00:00:01,0x0800,10.0.0.2,10.0.0.1,10.0.0.1,10.0.0.2,3,5000,"), fields); // + the quoted header
        List<String> cooked = tshark(dir.resolve("any.pcap"), "-e", "frame.len", "-e", "sll.pkttype", "-e", "sll.ifindex",
                "-e", "sll.etype", "-e", "ip.src", "-e", "icmp.type");
        assertEquals(List.of("48,4,2,0x0806,,", "48,0,2,0x0806,,", "104,4,2,0x0800,10.0.0.1,8", "104,0,2,0x0800,10.0.0.2,0",
                "51,4,2,0x0800,10.0.0.1,", "79,0,2,0x0800,10.0.0.2,10.0.0.1,3"), cooked);
    }

    /** tshark's fields, one line per packet; null (test skipped) when tshark is absent outside CI. */
    private static List<String> tshark(Path file, String... fields) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/tshark"));
        if (!present) {
            assertTrue(!"true".equals(System.getenv("CI")), "tshark must be installed in CI (scripts/install-deps.sh)");
            Assumptions.abort("tshark not installed");
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,"));
        cmd.addAll(List.of(fields));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return out.lines().toList();
    }

    @Test
    void countEndsTheCaptureAndOnlyTheTapCostsABranch() {
        Shell s = session();
        assertNull(s.s.host.rootNs.taps);
        s.run("tcpdump -c 2 -n -t -i veth0 icmp &");
        assertEquals(1, s.s.host.rootNs.taps.length);
        s.run("sleep 0.5");
        // ping's second echo leaves 1 s after the first: the block timer (1 s after the capture
        // opened) hands tcpdump the first pair in between, and -c 2 ends it before the second
        String out = s.run("ping -c 2 -e 5 10.0.0.2");
        assertEquals("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 1, length 64\n"
                + "IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 5, seq 1, length 64\n"
                + "2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n", out.substring(out.indexOf("IP "), out.indexOf("kernel\n") + 7));
        assertTrue(out.indexOf("IP ") > out.indexOf("icmp_seq=1") && out.indexOf("kernel") < out.indexOf("icmp_seq=2"), out);
        s.run("sleep 2");
        assertNull(s.s.host.rootNs.taps);
    }

    @Test
    void lineBufferedOutputFollowsThe100msTimeout() {
        Shell s = session();
        s.run("tcpdump -l -n -tt -i veth0 icmp &");
        long t0 = s.s.emulation.now();
        String ping = s.run("ping -c 1 -e 5 10.0.0.2");
        assertTrue(ping.startsWith("PING"));
        // the echo went out 1 ms after the job settled; its line waits for the block's 100 ms timer
        String later = s.run("sleep 0.05");
        assertEquals("", later);
        later = s.run("sleep 0.1");
        assertTrue(later.startsWith(String.format("%d.%06d IP 10.0.0.1 > 10.0.0.2", (t0 + 1_000_000) / 1_000_000_000L,
                (t0 + 1_000_000) % 1_000_000_000L / 1000)), later);
        s.run("kill %1");
    }

    @Test
    void onATerminalLinesComeAsWithDashL() {
        Shell s = session();
        s.s.terminal = true; // nsnet shell at a terminal: isatty(1)
        s.run("tcpdump -n -t -i veth0 icmp &");
        s.run("ping -c 1 -e 6 10.0.0.2");
        assertEquals("", s.run("sleep 0.05"));
        assertEquals("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 6, seq 1, length 64\n"
                + "IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 6, seq 1, length 64\n", s.run("sleep 0.1"));
        s.run("kill %1");
    }
}
