package dev.nsnet.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer's script generator: deterministic per seed, bounded, and within the stability rules. */
class ScriptGeneratorTest {
    @Test
    void theSameSeedGivesTheSameScript() {
        for (long seed = 0; seed < 50; seed++) assertEquals(ScriptGenerator.script(seed), ScriptGenerator.script(seed));
    }

    @Test
    void differentSeedsGiveDifferentScripts() {
        assertNotEquals(ScriptGenerator.script(1), ScriptGenerator.script(2));
    }

    @Test
    void aKnownSeedKeepsItsScript() {
        // pins the generator: changing it changes every seed's script (and the numbers in docs/fidelity.md)
        List<String> lines = Differ.commands(ScriptGenerator.script(1));
        assertEquals(List.of("sysctl -q -w net.ipv6.conf.all.disable_ipv6=1",
                "sysctl -q -w net.ipv6.conf.default.disable_ipv6=1", "ip link set lo up"), lines.subList(0, 3));
        assertTrue(lines.size() > 12, "script of seed 1 has " + lines.size() + " commands");
    }

    @Test
    void everyScriptFollowsTheStabilityRules() {
        for (long seed = 1; seed <= 300; seed++) {
            List<String> lines = Differ.commands(ScriptGenerator.script(seed));
            boolean dirty = false;
            int pings = 0;
            for (String l : lines) {
                dev.nsnet.scenario.Command.parse(l); // one simple command per line (or echo | CMD), nothing to expand
                assertFalse(l.matches(".*\\bnetns [0-9/].*"), "seed " + seed + ": numeric netns reaches outside: " + l);
                if (l.contains(" type veth") || l.contains(" type bridge")) {
                    assertTrue(l.contains(" address 02:"), "seed " + seed + ": no explicit MAC: " + l);
                    if (l.contains(" type veth")) assertTrue(l.matches(".*peer name \\S+ address 02:.*"), "seed " + seed + ": " + l);
                }
                if (l.startsWith("ip netns add ") && !lines.get(lines.indexOf(l) + 1).contains("disable_ipv6=1")) {
                    assertTrue(lines.subList(0, lines.indexOf(l)).contains(l), "seed " + seed + ": IPv6 left on in " + l);
                }
                if (Waits.isWait(l)) {
                    dirty = false;
                } else if (Waits.isDirty(l)) {
                    dirty = true;
                } else if (Families.of(l).equals("ping") || l.contains(" show") || l.contains("route get")) {
                    assertFalse(dirty, "seed " + seed + ": observes right after a link change: " + l);
                }
                if (l.contains("ping -c")) {
                    assertTrue(l.contains("-c 1 -W 1"), "seed " + seed + ": unbounded ping " + l);
                    pings++;
                }
                assertFalse(l.matches("ip( -n \\S+)? -s.*"), "seed " + seed + ": counters: " + l);
            }
            // 3 pings in the original steps, 2 more among the appended netfilter steps
            assertTrue(pings <= 5, "seed " + seed + ": " + pings + " pings");
            // the original steps, then at most a wait, 14 netfilter steps of 2 lines, 3 socket lines, a listing,
            // then a wait and 3 restores of 2 lines
            assertTrue(lines.size() <= 3 + 2 * 40 + 1 + 2 * 14 + 3 + 1 + 1 + 2 * 3, "seed " + seed + ": " + lines.size() + " lines");
        }
    }

    @Test
    void theNetfilterAndSocketStepsComeAfterTheOriginalOnes() {
        // they are drawn from a second random stream and appended, so the original steps of a seed
        // are unchanged: once an iptables, nc or ss line appears, no ip/bridge/sysctl change follows
        int seen = 0;
        for (long seed = 1; seed <= 300; seed++) {
            List<String> lines = Differ.commands(ScriptGenerator.script(seed));
            boolean extras = false;
            for (String l : lines) {
                String f = Families.of(l);
                if (f.startsWith("iptables") || f.equals("nc") || f.equals("ss")) extras = true;
                else if (extras) assertTrue(f.equals("ping") || Waits.isWait(l), "seed " + seed + ": " + l + " after the netfilter steps");
            }
            if (extras) seen++;
        }
        assertTrue(seen > 150, seen + " of 300 seeds have netfilter steps");
    }

    @Test
    void everyLineRunsInNsnetWithoutCrashing() {
        for (long seed = 1; seed <= 200; seed++) {
            Session s = new Session(1);
            for (Script.Line line : Script.parse("s", ScriptGenerator.script(seed)).lines()) {
                Session.Result r = s.capture(line.text());
                assertTrue(r.exitStatus() != Session.INTERNAL_ERROR && r.exitStatus() != 127,
                        "seed " + seed + ": `" + line.text() + "` -> " + r);
            }
        }
    }
}
