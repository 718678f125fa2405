package dev.nsnet.tools.ip;

import dev.nsnet.scenario.Session;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays a golden scenario (golden/NNN-*.sh, recorded on the real kernel by
 * scripts/record-golden.sh) through nsnet and compares the blocks of the commands selected by a
 * predicate, so the {@code ip link} / {@code ip netns} parts can be checked before every other
 * tool of the scenario exists. Lines of other tools still run when registered (they shape state).
 */
final class IpGolden {
    private IpGolden() { }

    static Path goldenDir() {
        Path p = Path.of("golden");
        if (!Files.isDirectory(p)) p = Path.of("/work/main/golden");
        return p;
    }

    static ToolRegistry registry() {
        ToolRegistry r = Tools.standard();
        if (r.get("ip") == null) r.register(new Ip());
        return r;
    }

    /** The output block of each command in the transcript, "[exit N]" line included. */
    static List<String[]> blocks(String out) {
        List<String[]> res = new ArrayList<>();
        String cmd = null;
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("$ ")) {
                if (cmd != null) res.add(new String[] {cmd, sb.toString()});
                cmd = line.substring(2);
                sb.setLength(0);
            } else if (cmd != null) {
                sb.append(line).append('\n');
            }
        }
        if (cmd != null) {
            String s = sb.toString();
            if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
            res.add(new String[] {cmd, s});
        }
        return res;
    }

    /** True for an {@code ip} line whose object is link or netns. */
    static boolean linkOrNetns(String cmd) {
        String[] w = cmd.trim().split("\\s+");
        if (!w[0].equals("ip")) return false;
        // `ip netns exec NS sysctl ...` belongs to the sysctl front-end's tests
        if (cmd.contains(" exec ") && !cmd.matches(".* exec \\S+ ip .*")) return false;
        int i = 1;
        while (i < w.length && w[i].startsWith("-")) {
            if (IpUtil.matches(w[i], "-netns")) i++;
            i++;
        }
        if (i >= w.length) return false;
        return IpUtil.matches(w[i], "link") || IpUtil.matches(w[i], "netns");
    }

    /**
     * True for an {@code ip} line this front-end answers itself: link, netns, the global options
     * and object selection (not the address/route/rule/neigh objects, tested by their owners).
     */
    static boolean ipFrontEnd(String cmd) {
        String[] w = cmd.trim().split("\\s+");
        if (!w[0].equals("ip")) return false;
        int i = 1;
        while (i < w.length && w[i].startsWith("-")) {
            if (IpUtil.matches(w[i], "-netns")) i++;
            i++;
        }
        if (i >= w.length) return true;
        for (String other : new String[] {"address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour"}) {
            if (IpUtil.matches(w[i], other)) return false;
        }
        return linkOrNetns(cmd) || !IpUtil.matches(w[i], "netns");
    }

    /** Differences (empty when every selected block matches), as readable text. */
    static List<String> diffs(String scenario, Predicate<String> compare) throws IOException {
        return diffs(goldenDir().resolve(scenario + ".out"), compare);
    }

    /** A transcript recorded next to this test (src/test/resources/dev/nsnet/tools/ip/NAME.out). */
    static Path resource(String name) {
        try {
            return Path.of(IpGolden.class.getResource(name + ".out").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> diffs(Path out, Predicate<String> compare) throws IOException {
        List<String[]> want = blocks(Files.readString(out, StandardCharsets.UTF_8));
        Session s = new Session(1, registry());
        List<String> diffs = new ArrayList<>();
        for (String[] b : want) {
            Session.Result r = s.capture(b[0]);
            String got = r.output() + (r.exitStatus() != 0 ? "[exit " + r.exitStatus() + "]\n" : "");
            if (!compare.test(b[0])) continue;
            if (!got.equals(b[1])) diffs.add("$ " + b[0] + "\n--- want\n" + b[1] + "--- got\n" + got);
        }
        return diffs;
    }
}
