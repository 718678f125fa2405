package dev.nsnet.cli;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.ShellSyntaxException;
import dev.nsnet.scenario.ShellWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The interactive shell's logic, apart from the line editor: runs each line in the shell's current
 * namespace, and keeps the nsnet-only ways to move between namespaces:
 * {@code ip netns exec NS bash} (or {@code sh}) enters NS, {@code exit} leaves it again (and at the
 * root, ends the shell). The prompt names the namespace: {@code nsnet:root# }, {@code nsnet:NS# }.
 */
public final class ShellSession {
    final Session session;
    private final PrintStream out;
    private final PrintStream err;
    /** The namespaces entered with ip netns exec NS bash; empty at the root. */
    private final java.util.ArrayDeque<NetNamespace> stack = new java.util.ArrayDeque<>();
    int lastStatus;
    boolean done;

    public ShellSession(Session session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    public NetNamespace current() {
        while (!stack.isEmpty() && stack.peek().dead) {
            stack.pop();
            err.println("nsnet: the namespace this shell was in is gone; back to " + label());
        }
        return stack.isEmpty() ? session.host.rootNs : stack.peek();
    }

    String label() {
        if (stack.isEmpty()) return "root";
        String n = stack.peek().name();
        return n == null ? "netns:" + stack.peek().inum : n;
    }

    public String prompt() {
        current();
        return "nsnet:" + label() + "# ";
    }

    /** Runs one line typed at the prompt. */
    public void accept(String line) {
        String t = line.replace("\0", "").strip(); // bash drops NUL bytes from its input
        if (t.isEmpty() || t.startsWith("#")) return;
        List<String> w;
        try {
            w = ShellWords.split(t);
        } catch (ShellSyntaxException e) {
            w = List.of();
        }
        if (!w.isEmpty() && w.get(0).equals("exit")) {
            if (w.size() > 1) {
                Integer n = parseStatus(w.get(1));
                if (n == null) {
                    // bash leaves anyway, with status 2
                    err.println("bash: exit: " + w.get(1) + ": numeric argument required");
                    lastStatus = 2;
                } else if (w.size() > 2) {
                    err.println("bash: exit: too many arguments"); // and bash stays
                    lastStatus = 1;
                    return;
                } else {
                    lastStatus = n;
                }
            }
            if (stack.isEmpty()) done = true;
            else stack.pop();
            return;
        }
        if (w.size() == 1 && w.get(0).equals("help")) {
            help();
            return;
        }
        if (w.size() == 5 && w.get(0).equals("ip") && w.get(1).equals("netns") && w.get(2).equals("exec")
                && (w.get(4).equals("bash") || w.get(4).equals("sh"))) {
            NetNamespace ns = session.host.netns(w.get(3));
            if (ns == null) {
                err.println("Cannot open network namespace \"" + w.get(3) + "\": No such file or directory");
                lastStatus = 255;
            } else {
                stack.push(ns);
                lastStatus = 0;
            }
            return;
        }
        lastStatus = session.execute(t, current(), out, err);
    }

    /** The last command's exit status ({@code $?}). */
    public int lastStatus() { return lastStatus; }

    /** Whether {@code exit} was typed at the root (a terminal shell ends then). */
    public boolean done() { return done; }

    /** Keeps the shell going after {@code exit} at the root (the web console has no end). */
    public void resume() { done = false; }

    /** Reads lines from a non-terminal (no prompt, no editing), like {@code bash < FILE}. */
    int runPlain(BufferedReader in) throws IOException {
        String line;
        while (!done && (line = in.readLine()) != null) accept(line);
        return lastStatus;
    }

    /** exit's argument as bash reads it (a 64-bit integer, optional sign) modulo 256, or null. */
    private static Integer parseStatus(String s) {
        if (!s.matches("[+-]?\\d+")) return null;
        try {
            return (int) (Long.parseLong(s.startsWith("+") ? s.substring(1) : s) & 0xff);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void help() {
        out.println("nsnet shell: Linux networking commands run in an emulated host (see README.md).");
        out.println("Commands: " + String.join(" ", session.registry.names()));
        out.println("  ip netns exec NS bash   enter namespace NS (the prompt shows it); exit leaves it");
        out.println("  exit [N]                leave the namespace, or the shell at the root");
        out.println("  TAB completes commands, ip objects, devices and namespaces; history is ~/.nsnet_history");
    }
}
