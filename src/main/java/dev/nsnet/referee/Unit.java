package dev.nsnet.referee;

import java.util.List;

/**
 * A group of script lines that only make sense together (a netns and the line that turns its IPv6
 * off), the unit the generator emits and the shrinker removes or keeps as a whole.
 */
public record Unit(Kind kind, List<String> lines) {
    public enum Kind {
        /** The world's stability prologue (IPv6 off, lo up): never removed. */
        PROLOGUE,
        /** A wait for link-watch work (ping -q -c 2 127.0.0.1): kept while shrinking, pruned after. */
        WAIT,
        /** Anything else. */
        STEP
    }

    public static Unit step(String... lines) { return new Unit(Kind.STEP, List.of(lines)); }

    /** The script text of {@code units}, one command per line. */
    public static String text(List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (Unit u : units) for (String l : u.lines()) sb.append(l).append('\n');
        return sb.toString();
    }

    /** Every line of a script as its own STEP unit, except the waits and the IPv6/lo prologue lines. */
    public static List<Unit> ofLines(List<String> lines) {
        return lines.stream().map(l -> new Unit(Waits.isWait(l) ? Kind.WAIT
                : Waits.isPrologue(l) ? Kind.PROLOGUE : Kind.STEP, List.of(l))).toList();
    }
}
