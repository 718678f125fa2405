package dev.nsnet.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `nsnet diff`'s comparison and output on hand-made transcripts, the known-differences file, families. */
class DifferTest {
    private static final List<String> CMDS = List.of("ip link set lo up", "ping -c 1 127.0.0.1", "ip addr show lo");

    private static final String KERNEL = """
            $ ip link set lo up
            $ ping -c 1 127.0.0.1
            PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
            64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.041 ms
            $ ip addr show lo
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                inet 127.0.0.1/8 scope host lo
            """;

    @Test
    void pingTimesAloneAreNoDifference() {
        assertNull(Differ.first(CMDS, KERNEL, KERNEL.replace("time=0.041 ms", "time=0.012 ms")));
    }

    @Test
    void theFirstDifferingCommandIsShownAsAUnifiedDiffOfItsBlock() {
        String nsnet = KERNEL.replace("scope host lo\n", "scope host lo\n       valid_lft forever\n")
                .replace("state UNKNOWN", "state UP");
        Divergence d = Differ.first(CMDS, KERNEL, nsnet);
        assertNotNull(d);
        assertEquals(2, d.index());
        assertEquals("""
                first difference in command 3 of 3: ip addr show lo
                --- real kernel
                +++ nsnet
                @@ $ ip addr show lo @@
                -1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                +1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UP group default qlen 1000
                     inet 127.0.0.1/8 scope host lo
                +       valid_lft forever
                """, Differ.render(d, 3));
    }

    @Test
    void anExitStatusIsPartOfTheBlockAndAnOutputLineLikeAPromptIsNotABlock() {
        List<String> cmds = List.of("echo '$ x'", "ip link show nope");
        String k = "$ echo '$ x'\n$ x\n$ ip link show nope\nDevice \"nope\" does not exist.\n[exit 1]\n";
        String s = "$ echo '$ x'\n$ x\n$ ip link show nope\nDevice \"nope\" does not exist.\n";
        Divergence d = Differ.first(cmds, k, s);
        assertEquals(1, d.index());
        assertEquals(List.of(" Device \"nope\" does not exist.", "-[exit 1]"), d.diffLines());
    }

    @Test
    void aTranscriptThatStopsEarlyDivergesAtItsFirstMissingCommand() {
        Divergence d = Differ.first(CMDS, "$ ip link set lo up\n", KERNEL);
        assertEquals(1, d.index());
        assertEquals("ping -c 1 127.0.0.1", d.command());
    }

    @Test
    void knownDifferencesMatchTheCommandAndTheDifferingLines() {
        KnownDifferences k = KnownDifferences.parse("""
                # comment
                ^\\$ ip addr show lo\\n(?:.*\\n)*\\+.*valid_lft	lifetimes are not printed yet
                ^-.*state UNKNOWN  loopback operstate
                """);
        assertEquals(2, k.size());
        String nsnet = KERNEL.replace("scope host lo\n", "scope host lo\n       valid_lft forever\n");
        assertEquals("lifetimes are not printed yet", k.match(Differ.first(CMDS, KERNEL, nsnet)).reason());
        assertEquals("loopback operstate", k.match(Differ.first(CMDS, KERNEL, KERNEL.replace("UNKNOWN", "UP"))).reason());
        assertNull(k.match(Differ.first(CMDS, KERNEL, KERNEL.replace("scope host", "scope link"))));
    }

    @Test
    void statesAreDumpedForEveryNamespaceTheScriptLeftStanding() {
        List<String> prefix = List.of("ip netns add a", "ip netns add b", "ip -n a link set lo up", "ip netns del a");
        assertEquals(List.of("b"), StateDump.namespaces(prefix));
        assertEquals(List.of("ip netns list", "ip -d link show", "ip addr show", "ip route show table all", "ip neigh show",
                "ip rule show", "ip -n b -d link show", "ip -n b addr show", "ip -n b route show table all",
                "ip -n b neigh show", "ip -n b rule show"), StateDump.commands(prefix).subList(0, 11));
    }

    @Test
    void familiesLookThroughNetnsExecOptionsAndAbbreviations() {
        assertEquals("ip addr", Families.of("ip -n a -4 a show"));
        assertEquals("ip route", Families.of("ip netns exec a ip r"));
        assertEquals("ip rule", Families.of("ip ru add from 10.0.0.0/24 table 100"));
        assertEquals("ip neigh", Families.of("ip n show 10.0.0.2 dev veth0"));
        assertEquals("ip netns", Families.of("ip netns add a"));
        assertEquals("bridge fdb", Families.of("ip netns exec b bridge fdb show dev veth0"));
        assertEquals("sysctl", Families.of("ip netns exec b sysctl -w net.ipv4.ip_forward=1"));
        assertEquals("ping (wait)", Families.of("ping -q -c 2 127.0.0.1"));
        assertEquals("ping", Families.of("ping -c 1 -W 1 10.0.0.2"));
    }
}
