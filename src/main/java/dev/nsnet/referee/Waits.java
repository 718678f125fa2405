package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scripts' one way to let the kernel's link-watch catch up (golden/README.md: a line
 * {@code ping -q -c 2 127.0.0.1} after link state changes), which lines need such a wait before
 * the next observation, and pruning of waits that no longer follow such a line.
 */
public final class Waits {
    private Waits() { }

    public static final String WAIT = "ping -q -c 2 127.0.0.1";

    private static final Pattern DIRTY = Pattern.compile(
            "\\blink (del|delete|add)\\b.*|\\bnetns (del|delete)\\b.*|\\blink set .*\\b(up|down|netns|master|nomaster)\\b.*");

    public static boolean isWait(String line) { return line.equals(WAIT); }

    /** Lines every generated script starts with (CONFORMANCE.md stability rules). */
    public static boolean isPrologue(String line) {
        return line.contains("sysctl -q -w net.ipv6.conf.") || line.equals("ip link set lo up");
    }

    /** Whether a line may start asynchronous link-state work that a later observation could race with. */
    public static boolean isDirty(String line) { return !isWait(line) && DIRTY.matcher(line).find(); }

    /** Drops each WAIT unit that no dirty line precedes since the previous kept wait. */
    public static List<Unit> prune(List<Unit> units) {
        List<Unit> out = new ArrayList<>();
        boolean dirty = false;
        for (Unit u : units) {
            if (u.kind() == Unit.Kind.WAIT) {
                if (dirty) out.add(u);
                dirty = false;
                continue;
            }
            for (String l : u.lines()) if (isDirty(l)) dirty = true;
            out.add(u);
        }
        return out;
    }
}
