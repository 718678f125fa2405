package dev.nsnet.referee;

import dev.nsnet.scenario.Normalizer;
import dev.nsnet.scenario.ShellSyntaxException;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.tools.Tools;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of a world at one point of a script: the listings a person looks at first when two
 * worlds disagree, for the root namespace and every named namespace the script created by then.
 * Both worlds are dumped the same way: the script's first commands are run again with the dump
 * commands appended, and their blocks are taken from the end of the transcript.
 */
public final class StateDump {
    private StateDump() { }

    private static final List<String> PER_NS = List.of("-d link show", "addr show", "route show table all",
            "neigh show", "rule show");

    /** The named namespaces that exist after {@code prefix} ({@code ip netns add} minus {@code del}). */
    public static List<String> namespaces(List<String> prefix) {
        Set<String> ns = new LinkedHashSet<>();
        for (String line : prefix) {
            List<String> w;
            try {
                w = ShellWords.split(line);
            } catch (ShellSyntaxException e) {
                continue;
            }
            if (w.size() < 4 || !w.get(0).equals("ip")) continue;
            int i = 1;
            while (i < w.size() && w.get(i).startsWith("-")) i++;
            if (i + 2 >= w.size() || !w.get(i).equals("netns")) continue;
            String op = w.get(i + 1), name = w.get(i + 2);
            if (op.equals("add") || op.equals("a")) ns.add(name);
            else if (op.equals("del") || op.equals("delete") || op.equals("d")) ns.remove(name);
        }
        return new ArrayList<>(ns);
    }

    /** The dump commands for the world after {@code prefix}. */
    public static List<String> commands(List<String> prefix) {
        List<String> c = new ArrayList<>();
        c.add("ip netns list");
        for (String p : PER_NS) c.add("ip " + p);
        for (String ns : namespaces(prefix)) for (String p : PER_NS) c.add("ip -n " + ns + " " + p);
        if (Tools.standard().get("iptables-save") != null) {
            c.add("iptables-save");
            for (String ns : namespaces(prefix)) c.add("ip netns exec " + ns + " iptables-save");
        }
        return c;
    }

    /** The script made of {@code prefix} and the dump commands. */
    public static String script(List<String> prefix) {
        StringBuilder sb = new StringBuilder();
        for (String l : prefix) sb.append(l).append('\n');
        for (String l : commands(prefix)) sb.append(l).append('\n');
        return sb.toString();
    }

    /**
     * Renders both worlds' dumps (transcripts of {@link #script}) as one listing per dump command,
     * a unified diff in which lines common to both worlds appear once.
     */
    public static String render(List<String> prefix, String kernelTranscript, String nsnetTranscript) {
        List<String> all = new ArrayList<>(prefix);
        List<String> dump = commands(prefix);
        all.addAll(dump);
        List<Blocks.Block> k = Blocks.split(Normalizer.normalize(kernelTranscript), all);
        List<Blocks.Block> s = Blocks.split(Normalizer.normalize(nsnetTranscript), all);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dump.size(); i++) {
            int at = prefix.size() + i;
            String kb = at < k.size() ? k.get(at).body() : "(missing)\n";
            String nb = at < s.size() ? s.get(at).body() : "(missing)\n";
            sb.append("$ ").append(dump.get(i)).append(kb.equals(nb) ? "   (same in both)" : "   (differs)").append('\n');
            for (String l : UnifiedDiff.lines(kb, nb)) sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
