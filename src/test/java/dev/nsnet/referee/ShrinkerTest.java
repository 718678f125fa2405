package dev.nsnet.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Delta debugging over script lines, with synthetic oracles instead of the real kernel. */
class ShrinkerTest {
    private static List<String> lines(int n) {
        return IntStream.range(0, n).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void keepsExactlyTheTwoLinesTheDivergenceNeeds() {
        List<String> in = lines(40);
        Predicate<List<String>> oracle = l -> l.contains("line 7") && l.contains("line 31");
        Shrinker.Result<String> r = Shrinker.shrink(in, s -> true, oracle, 1000);
        assertEquals(List.of("line 7", "line 31"), r.items());
    }

    @Test
    void neverRemovesPinnedLinesAndKeepsTheOrder() {
        List<String> in = new ArrayList<>(List.of("prologue"));
        in.addAll(lines(25));
        in.add("target");
        Predicate<List<String>> oracle = l -> {
            assertTrue(l.contains("prologue") && l.contains("target"), "a pinned line was removed: " + l);
            return l.contains("line 3") && l.contains("line 20");
        };
        Shrinker.Result<String> r = Shrinker.shrink(in, s -> s.startsWith("line"), oracle, 1000);
        assertEquals(List.of("prologue", "line 3", "line 20", "target"), r.items());
    }

    @Test
    void stopsAtTheBudgetWithTheSmallestListFoundSoFar() {
        List<String> in = lines(64);
        int[] calls = {0};
        Predicate<List<String>> oracle = l -> {
            calls[0]++;
            return l.contains("line 1") && l.contains("line 62");
        };
        Shrinker.Result<String> r = Shrinker.shrink(in, s -> true, oracle, 5);
        assertEquals(5, calls[0]);
        assertEquals(5, r.calls());
        assertTrue(r.items().size() < 64 && r.items().contains("line 1") && r.items().contains("line 62"), r.items().toString());
    }

    @Test
    void aDivergenceThatNeedsNothingShrinksToThePinnedLines() {
        Shrinker.Result<String> r = Shrinker.shrink(List.of("a", "b", "keep"), s -> !s.equals("keep"), l -> true, 100);
        assertEquals(List.of("keep"), r.items());
    }

    @Test
    void waitsAreKeptOnlyAfterALinkChange() {
        List<Unit> units = List.of(Unit.step("ip link set lo up"), new Unit(Unit.Kind.WAIT, List.of(Waits.WAIT)),
                Unit.step("ip addr show"), new Unit(Unit.Kind.WAIT, List.of(Waits.WAIT)), Unit.step("ip route show"));
        assertEquals("ip link set lo up\nping -q -c 2 127.0.0.1\nip addr show\nip route show\n", Unit.text(Waits.prune(units)));
    }
}
