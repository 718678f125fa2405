package dev.nsnet.referee;

import dev.nsnet.scenario.ShellSyntaxException;
import dev.nsnet.scenario.ShellWords;
import java.util.List;

/**
 * The command family a script line belongs to, for the fuzzer's agreement counts: the tool and,
 * for {@code ip} and {@code bridge}, the object ({@code ip addr}, {@code bridge fdb}), with
 * {@code ip netns exec NS} and global options looked through and abbreviations resolved; the
 * command after the pipe of {@code echo WORDS | CMD} (also {@code | iptables-restore}), a trailing
 * {@code &} dropped, and the job
 * builtins {@code wait}, {@code kill}, {@code jobs} as one family.
 */
public final class Families {
    private Families() { }

    private static final String[] IP_OBJECTS = {"address", "route", "rule", "neighbour", "neighbor", "link", "netns"};

    public static String of(String line) {
        if (Waits.isWait(line)) return "ping (wait)";
        List<String> w = new java.util.ArrayList<>();
        try {
            for (ShellWords.Token t : ShellWords.tokens(line)) {
                switch (t) {
                    case ShellWords.Token.Word x -> w.add(x.text());
                    case ShellWords.Token.Op o -> {
                        if (o.text().equals("|")) w.clear(); // echo WORDS | CMD: the family is CMD's
                        else if (!o.text().equals("&")) return "(other)";
                    }
                }
            }
        } catch (ShellSyntaxException e) {
            try { // `echo WORDS | CMD`: the family of the command fed
                List<List<String>> stages = dev.nsnet.scenario.Command.parse(line).stages();
                w = stages.get(stages.size() - 1);
            } catch (ShellSyntaxException e2) {
                return "(other)";
            }
        }
        if (!w.isEmpty() && (w.get(0).equals("wait") || w.get(0).equals("kill") || w.get(0).equals("jobs"))) return "jobs";
        int i = 0;
        while (w.size() >= i + 4 && w.get(i).equals("ip") && w.get(i + 1).equals("netns") && w.get(i + 2).equals("exec")) i += 4;
        if (i >= w.size()) return "(other)";
        String tool = w.get(i++);
        if (tool.equals("ip") || tool.equals("bridge")) {
            while (i < w.size() && w.get(i).startsWith("-")) {
                String o = w.get(i++);
                if (o.equals("-n") || o.equals("-netns") || o.equals("--netns")) i++;
            }
            if (i >= w.size()) return tool;
            String obj = w.get(i);
            if (tool.equals("ip")) {
                for (String full : IP_OBJECTS) {
                    if (full.startsWith(obj)) {
                        return "ip " + (full.startsWith("addr") ? "addr" : full.startsWith("neigh") ? "neigh" : full);
                    }
                }
            }
            return tool + " " + obj;
        }
        return tool;
    }
}
