package dev.nsnet.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
            List<String> lines = Differ.commands(ScriptGenerator.script(seed, 2));
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
            // then a wait and 3 restores of 2 lines, then a wait, 8 extension steps of 2 lines and a listing
            assertTrue(lines.size() <= 3 + 2 * 40 + 1 + 2 * 14 + 3 + 1 + 1 + 2 * 3 + 1 + 2 * 8 + 1,
                    "seed " + seed + ": " + lines.size() + " lines");
        }
    }

    @Test
    void theNetfilterAndSocketStepsComeAfterTheOriginalOnes() {
        // they are drawn from a second random stream and appended, so the original steps of a seed
        // are unchanged: once an iptables, nc or ss line appears, no ip/bridge/sysctl change follows
        int seen = 0;
        for (long seed = 1; seed <= 300; seed++) {
            List<String> lines = Differ.commands(ScriptGenerator.script(seed, 2));
            boolean extras = false;
            for (String l : lines) {
                String f = Families.of(l);
                if (f.startsWith("iptables") || f.equals("nc") || f.equals("ss")) extras = true;
                else if (extras) assertTrue(f.equals("ping") || f.equals("conntrack") || Waits.isWait(l), "seed " + seed + ": " + l + " after the netfilter steps");
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
                assertTrue(r.exitStatus() != Session.INTERNAL_ERROR && (r.exitStatus() != 127 || r.output().contains("no such job")),
                        "seed " + seed + ": `" + line.text() + "` -> " + r);
            }
        }
    }

    @Test
    void olderVersionsArePrefixesOfNewerOnes() {
        for (long seed = 1; seed <= 300; seed++) {
            List<Unit> v1 = ScriptGenerator.generate(seed, 1), v2 = ScriptGenerator.generate(seed, 2), v3 = ScriptGenerator.generate(seed, 3),
                    v4 = ScriptGenerator.generate(seed, 4);
            assertEquals(v1, v2.subList(0, v1.size()), "seed " + seed);
            assertEquals(v2, v3.subList(0, v2.size()), "seed " + seed);
            assertEquals(v3, v4.subList(0, v3.size()), "seed " + seed);
            List<Unit> v5 = ScriptGenerator.generate(seed, 5);
            assertEquals(v4, v5.subList(0, v4.size()), "seed " + seed);
            List<Unit> v6 = ScriptGenerator.generate(seed, 6);
            assertEquals(v5, v6.subList(0, v5.size()), "seed " + seed);
            List<Unit> v7 = ScriptGenerator.generate(seed, 7);
            assertEquals(v6, v7.subList(0, v6.size()), "seed " + seed);
        }
        assertThrows(IllegalArgumentException.class, () -> ScriptGenerator.generate(1, ScriptGenerator.VERSION + 1));
    }

    /** The vxlan steps (version 7): two nodes of their own, explicit MACs, bounded pings after a neighbour flush. */
    @Test
    void theVxlanStepsBuildTheirWorldWithinTheStabilityRules() {
        int withSteps = 0;
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 300; seed++) {
            List<Unit> v6 = ScriptGenerator.generate(seed, 6), v7 = ScriptGenerator.generate(seed, 7);
            if (v7.size() == v6.size()) continue;
            withSteps++;
            List<String> lines = Differ.commands(Unit.text(v7.subList(v6.size(), v7.size())));
            assertEquals("ip netns add xa", lines.get(0), "seed " + seed);
            boolean dirty = false;
            String prev = "";
            for (String l : lines) {
                dev.nsnet.scenario.Command.parse(l);
                assertTrue(l.matches("(ip netns (add|exec) x[ab]( |$)|ip -n x[ab] |bridge -n x[ab] fdb |sleep 1$).*"), "seed " + seed + ": " + l);
                if (l.startsWith("ip netns add ")) assertTrue(lines.get(lines.indexOf(l) + 1).contains("disable_ipv6=1"), l);
                if (l.contains(" link add ")) assertTrue(l.matches(".* address 02:.*"), "seed " + seed + ": no explicit MAC: " + l);
                if (l.startsWith("bridge")) seen.add(l.split(" ")[4]);
                if (Families.of(l).equals("ping")) {
                    assertTrue(l.contains("-c 1 -W 1"), "seed " + seed + ": unbounded ping " + l);
                    assertTrue(prev.contains("neigh flush"), "seed " + seed + ": ping without a fresh neighbour: " + l);
                }
                if (l.equals(LiveSteps.SLEEP)) dirty = false;
                else if (Waits.isDirty(l) && !l.contains(" link add ")) dirty = true;
                else if (Families.of(l).equals("ping") || l.contains(" show")) assertFalse(dirty, "seed " + seed + ": observes right after a link change: " + l);
                prev = l;
            }
        }
        assertTrue(withSteps > 80 && withSteps < 160, "seeds with vxlan steps: " + withSteps);
        assertEquals(java.util.Set.of("add", "append", "del", "replace", "show"), seen);
    }

    /**
     * The macvlan steps (version 6): their own namespaces, explicit MACs (passthru takes the
     * lower's), bounded pings after a neighbour flush, a wait after every link change.
     */
    @Test
    void theMacvlanStepsBuildTheirWorldWithinTheStabilityRules() {
        int withSteps = 0;
        java.util.Set<String> modes = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 300; seed++) {
            List<Unit> v5 = ScriptGenerator.generate(seed, 5), v6 = ScriptGenerator.generate(seed, 6);
            if (v6.size() == v5.size()) continue;
            // (version 6 alone: its units end where version 7's begin)
            withSteps++;
            List<String> lines = Differ.commands(Unit.text(v6.subList(v5.size(), v6.size())));
            assertEquals("ip netns add mn", lines.get(0), "seed " + seed);
            boolean dirty = false;
            String prev = "";
            for (String l : lines) {
                dev.nsnet.scenario.Command.parse(l);
                assertTrue(l.matches("(ip netns (add|exec) m[nwabc]( |$)|ip -n m[nwabc] |ip link add eth0 netns mn |sleep (1|2\\.5)$).*"),
                        "seed " + seed + ": " + l);
                if (l.startsWith("ip netns add ")) assertTrue(lines.get(lines.indexOf(l) + 1).contains("disable_ipv6=1"), l);
                if (l.contains("type macvlan") && l.contains(" link add ") && !l.contains("mode passthru"))
                    assertTrue(l.contains(" address 02:"), "seed " + seed + ": no explicit MAC: " + l);
                if (l.contains("type veth")) assertTrue(l.matches(".* address 02:.*peer name \\S+ netns \\S+ address 02:.*"), l);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("type macvlan mode (\\w+)").matcher(l);
                if (m.find()) modes.add(m.group(1));
                if (Families.of(l).equals("ping")) {
                    assertTrue(l.contains("-c 1 -W 1"), "seed " + seed + ": unbounded ping " + l);
                    assertTrue(prev.contains("neigh flush"), "seed " + seed + ": ping without a fresh neighbour: " + l);
                }
                if (l.equals(LiveSteps.SLEEP) || l.equals(MacvlanSteps.CARRIER_WAIT)) dirty = false;
                else if (Waits.isDirty(l) && !l.contains(" link add ")) dirty = true;
                else if (Families.of(l).equals("ping") || l.contains(" show")) assertFalse(dirty, "seed " + seed + ": observes right after a link change: " + l);
                prev = l;
            }
        }
        assertTrue(withSteps > 100 && withSteps < 200, "seeds with macvlan steps: " + withSteps);
        assertEquals(java.util.Set.of("bogus", "bridge", "passthru", "private", "source", "vepa"), modes);
    }

    /** The NAT steps (version 5): their own namespaces, NAT rules and traffic, every job killed and waited for. */
    @Test
    void theNatStepsBuildTheirWorldAndEndTheirJobs() {
        int nat = 0;
        for (long seed = 1; seed <= 200; seed++) {
            List<Unit> v3 = ScriptGenerator.generate(seed, 4), v4 = ScriptGenerator.generate(seed, 5);
            if (v4.size() == v3.size()) continue;
            nat++;
            String text = Unit.text(v4.subList(v3.size(), v4.size()));
            org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("ip netns add nn\n"), text);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("iptables -t nat"), text);
            for (Unit u : v4.subList(v3.size(), v4.size())) {
                long bg = u.lines().stream().filter(l -> l.endsWith("&")).count();
                org.junit.jupiter.api.Assertions.assertTrue(bg == 0 || u.lines().contains("kill %1") && u.lines().contains("wait"),
                        u.toString());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(nat > 60 && nat < 140, "seeds with NAT steps: " + nat);
    }

    /** The live steps (version 3): their own namespaces, bounded waits, every job ended within its unit. */
    @Test
    void theLiveStepsAreBoundedAndSelfContained() {
        int live = 0;
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 400; seed++) {
            List<Unit> v2 = ScriptGenerator.generate(seed, 2), v3 = ScriptGenerator.generate(seed, 3);
            if (v3.size() == v2.size()) continue;
            live++;
            boolean dirty = false;
            for (Unit u : v3.subList(v2.size(), v3.size())) {
                int jobs = 0;
                for (String l : u.lines()) {
                    String f = Families.of(l);
                    seen.add(f);
                    assertFalse(f.equals("(other)"), "seed " + seed + ": " + l);
                    assertTrue(l.matches("(ip netns (add|exec) h[123]|ip -n h[123] |ip -n r1 |ip link add eth|echo [a-z0-9 ]+ \\| ip netns exec h|"
                            + "wait|kill|jobs|sleep (1|2|0\\.5)$|ip netns add r1|ip netns exec r1 ).*"), "seed " + seed + ": " + l);
                    if (l.endsWith(" &")) {
                        jobs++;
                        assertEquals(l.contains("python3") ? "sleep 2" : LiveSteps.SETTLE, u.lines().get(u.lines().indexOf(l) + 1), "seed " + seed);
                    }
                    if (l.equals("wait") || l.equals("wait %1")) jobs = 0;
                    if (f.equals("ping")) assertTrue(l.contains(" -W 1") || l.contains(" -w "), "seed " + seed + ": " + l);
                    if (f.equals("curl")) assertTrue(l.contains(" -m "), "seed " + seed + ": " + l);
                    if (f.equals("traceroute")) assertTrue(l.matches(".* -w 1 -q [12] -m [1-4].*"), "seed " + seed + ": " + l);
                    if (f.equals("nc") && !l.endsWith("&")) assertTrue(l.matches(".* -(q[01]|w [12]) .*"), "seed " + seed + ": " + l);
                    assertFalse(Waits.isWait(l), "seed " + seed + ": " + l); // the root's iptables may refuse it
                    if (l.equals(LiveSteps.SLEEP) || l.equals(LiveSteps.RESTORE_WAIT)) dirty = false;
                    else if (Waits.isDirty(l) && !l.startsWith("ip link add")) dirty = true;
                    else if (f.equals("ss") || f.equals("curl") || f.equals("traceroute") || l.contains("route get")) {
                        assertFalse(dirty, "seed " + seed + ": observes right after a link change: " + l);
                    }
                }
                if (u.kind() == Unit.Kind.STEP && !u.lines().get(0).startsWith("ip netns add")) {
                    assertEquals(0, jobs, "seed " + seed + ": a job outlives its unit " + u.lines());
                }
            }
        }
        assertTrue(live > 180 && live < 300, live + " of 400 seeds have live steps");
        assertTrue(seen.containsAll(List.of("nc", "ss", "curl", "python3", "traceroute", "ping", "jobs", "sleep")), seen.toString());
    }

    @Test
    void familiesOfLiveLines() {
        assertEquals("nc", Families.of("echo hello | ip netns exec h1 nc -q1 -p 40001 172.16.1.2 80"));
        assertEquals("nc", Families.of("ip netns exec h2 nc -l 80 &"));
        assertEquals("jobs", Families.of("kill -TERM %+"));
        assertEquals("jobs", Families.of("wait"));
        assertEquals("python3", Families.of("ip netns exec h2 python3 -m http.server 80 --directory /media &"));
        assertEquals("ip link", Families.of("ip -n h2 link set eth0 down"));
    }
}
