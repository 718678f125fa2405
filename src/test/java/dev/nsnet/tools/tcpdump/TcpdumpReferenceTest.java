package dev.nsnet.tools.tcpdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printers against tcpdump 4.99.3 itself: veth0.pcap, any.pcap (LINUX_SLL2) and lo.pcap
 * were captured by the real tcpdump on a real kernel (ARP, ICMP echo, time exceeded, port
 * unreachable, fragments, UDP, TCP handshakes with data, HTTP on 8080, RST), and reference.txt
 * holds what the real {@code tcpdump -r FILE OPTIONS} printed for 13 option sets each (-n, -nn,
 * -t without -n, -e, -v, -vv, -q, -tt, -ttt, -tttt, -e -q, -e -v, -q -v); vlan.pcap (802.1Q on a
 * veth) and igmp.pcap (a bridge's IGMPv3 reports) were written by nsnet and printed by the real
 * tcpdump with 6 option sets each. nsnet's
 * {@code tcpdump -r} must print the same bytes; only the interface-name column of cooked
 * captures is host-dependent (tcpdump names ifindexes with the reading host's interfaces).
 */
class TcpdumpReferenceTest {
    @TempDir
    Path dir;

    @Test
    void readsRealCapturesExactlyAsTcpdump() throws IOException {
        for (String f : List.of("veth0.pcap", "any.pcap", "lo.pcap", "vlan.pcap", "igmp.pcap")) {
            try (InputStream in = getClass().getResourceAsStream(f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        String ref;
        try (InputStream in = getClass().getResourceAsStream("reference.txt")) {
            ref = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Emulation emu = new Emulation(1);
        Host host = emu.newHost("h");
        host.workingDirectory = dir;
        ToolRegistry reg = new ToolRegistry().register(new Tcpdump());
        int cases = 0;
        for (String block : ref.split("=== ")) {
            if (block.isEmpty()) continue;
            int nl = block.indexOf('\n');
            String[] head = block.substring(0, nl).split(" ", 2);
            String expected = block.substring(nl + 1);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            int st = reg.run(new ToolContext(host.spawn("tcpdump", host.rootNs), ps, ps, reg, null),
                    ShellWords.split("tcpdump -r " + head[0] + ".pcap " + head[1]));
            assertEquals(0, st, block.substring(0, nl));
            assertEquals(normalise(expected), normalise(buf.toString(StandardCharsets.UTF_8)), head[0] + " " + head[1]);
            cases++;
        }
        assertEquals(67, cases);
    }

    /**
     * Filter expressions against the real tcpdump: filters.txt (and arith.txt, 30 relations over
     * packet bytes) holds, for 44 expressions over the
     * Ethernet and the cooked capture, what {@code tcpdump -n -t -r FILE EXPR} printed (the packets
     * chosen, or the compile error) and its exit status.
     */
    @Test
    void filtersChooseTheSamePacketsAsLibpcap() throws IOException {
        assertEquals(88, filterCases("filters.txt"));
        // relations over packet bytes: tcp[tcpflags] & tcp-syn != 0, icmp[icmptype] == icmp-echo, ip[6:2] & 0x1fff ...
        assertEquals(60, filterCases("arith.txt"));
    }

    private int filterCases(String resource) throws IOException {
        for (String f : List.of("veth0.pcap", "any.pcap")) {
            try (InputStream in = getClass().getResourceAsStream(f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        String ref;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            ref = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Emulation emu = new Emulation(1);
        Host host = emu.newHost("h");
        host.workingDirectory = dir;
        ToolRegistry reg = new ToolRegistry().register(new Tcpdump());
        int cases = 0;
        for (String block : ref.split("=== ")) {
            if (block.isEmpty()) continue;
            int nl = block.indexOf('\n');
            String[] head = block.substring(0, nl).split(" ", 2);
            String body = block.substring(nl + 1);
            int rcAt = body.lastIndexOf("rc=");
            int rc = Integer.parseInt(body.substring(rcAt + 3).strip());
            String expected = body.substring(0, rcAt);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of("tcpdump", "-n", "-t", "-r", head[0] + ".pcap"));
            argv.add(head[1]);
            int st = reg.run(new ToolContext(host.spawn("tcpdump", host.rootNs), ps, ps, reg, null), argv);
            assertEquals(normalise(expected), normalise(buf.toString(StandardCharsets.UTF_8)), block.substring(0, nl));
            assertEquals(rc, st, block.substring(0, nl));
            cases++;
        }
        return cases;
    }

    /** Blanks the interface name before a cooked header's direction ("ifb0  Out " -> "IF Out "). */
    private static String normalise(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("\n", -1)) out.add(l.replaceFirst("\\S+ +(In  |Out |B   |M   |P   )", "IF $1"));
        return String.join("\n", out);
    }

    @Test
    void refusedOptionsAndBadFiles() throws IOException {
        Emulation emu = new Emulation(1);
        Host host = emu.newHost("h");
        host.workingDirectory = dir;
        ToolRegistry reg = new ToolRegistry().register(new Tcpdump());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("short"), "abc");
        assertEquals(1, reg.run(new ToolContext(host.spawn("tcpdump", host.rootNs), ps, ps, reg, null), List.of("tcpdump", "-r", "short")));
        assertEquals("tcpdump: truncated dump file; tried to read 4 file header bytes, only got 3\n", buf.toString(StandardCharsets.UTF_8));
        buf.reset();
        assertEquals(1, reg.run(new ToolContext(host.spawn("tcpdump", host.rootNs), ps, ps, reg, null), List.of("tcpdump", "-A", "-i", "lo")));
        assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("tcpdump: option -A is not supported by nsnet"));
    }
}
