package dev.nsnet.tools.dmesg;

import dev.nsnet.kernel.core.Printk;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code dmesg} of util-linux 2.38.1 over the host's kernel log ring ({@link Printk}): every record
 * as "[    S.UUUUUU] text" (time since boot on the virtual clock), {@code -t}/{@code --notime}
 * without the time, {@code -c}/{@code --read-clear} prints then clears, {@code -C}/{@code --clear}
 * clears silently; {@code -h}, {@code -V}. Other util-linux options are refused with its message.
 */
public final class Dmesg implements Tool {
    @Override
    public String name() { return "dmesg"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        PrintStream out = ctx.out(), err = ctx.err();
        boolean notime = false, readClear = false, clear = false;
        for (String a : args) {
            if (a.startsWith("--")) {
                switch (a) {
                    case "--notime" -> notime = true;
                    case "--read-clear" -> readClear = true;
                    case "--clear" -> clear = true;
                    case "--help" -> {
                        return help(out);
                    }
                    case "--version" -> {
                        out.println("dmesg from util-linux 2.38.1");
                        return 0;
                    }
                    default -> {
                        err.println("dmesg: unrecognized option '" + a + "'");
                        err.println("Try 'dmesg --help' for more information.");
                        return 1;
                    }
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                err.println("dmesg: bad usage");
                err.println("Try 'dmesg --help' for more information.");
                return 1;
            }
            for (int i = 1; i < a.length(); i++) {
                char c = a.charAt(i);
                switch (c) {
                    case 't' -> notime = true;
                    case 'c' -> readClear = true;
                    case 'C' -> clear = true;
                    case 'h' -> {
                        return help(out);
                    }
                    case 'V' -> {
                        out.println("dmesg from util-linux 2.38.1");
                        return 0;
                    }
                    default -> {
                        err.println("dmesg: invalid option -- '" + c + "'");
                        err.println("Try 'dmesg --help' for more information.");
                        return 1;
                    }
                }
            }
        }
        if (clear && readClear) {
            err.println("dmesg: mutually exclusive arguments: --clear --console-off --console-on --read-clear --console-level --raw");
            return 1;
        }
        Printk ring = ctx.netns().host.printk;
        if (clear) {
            ring.clear();
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (Printk.Record r : ring.records()) {
            if (!notime) {
                long us = r.timeNs() / 1000;
                sb.append(String.format("[%5d.%06d] ", us / 1_000_000, us % 1_000_000));
            }
            sb.append(r.text()).append('\n');
        }
        out.print(sb);
        if (readClear) ring.clear();
        return 0;
    }

    private static int help(PrintStream out) {
        try (var in = Dmesg.class.getResourceAsStream("help.txt")) {
            out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource help.txt", e);
        }
        return 0;
    }
}
