package dev.nsnet.tools.iptables;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code iptables-restore} of iptables 1.8.9 (nf_tables), xtables-restore.c: options
 * {@code -c -n -t -v -T TABLE -w [S] -W US -M PATH} and one FILE (without one it reads standard
 * input, which is the {@code echo ... |} text or empty). A relative FILE resolves against the
 * process's working directory ({@code Host.workingDirectory}: the scenario's directory). The lines
 * are processed by {@link RestoreTransaction}; like the nft backend, each {@code COMMIT} commits
 * its table as one transaction.
 */
public final class IptablesRestore implements Tool {
    static final String PROG = "iptables-restore v1.8.9 (nf_tables)";
    private static final String TRY = "Try `iptables-restore -h' for more information.";

    @Override
    public String name() { return "iptables-restore"; }

    /** The parsed command line. */
    static final class Options {
        boolean counters, noflush, test, verbose;
        String table, file;
    }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        Options o = new Options();
        PrintStream err = ctx.err();
        String bad = parseOptions(args, o, ctx);
        if (bad != null) {
            if (!bad.isEmpty()) {
                err.println(bad);
                if (!bad.startsWith("Unknown")) err.println(TRY);
                return 1;
            }
            return 0; // -V / -h printed
        }
        String text;
        if (o.file == null) {
            text = ctx.stdin() == null ? "" : ctx.stdin();
        } else {
            Path p = ctx.host().workingDirectory.resolve(o.file);
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("Can't open " + o.file + ": No such file or directory");
                return 1;
            } catch (IOException e) {
                err.println("Can't open " + o.file + ": " + (Files.isDirectory(p) ? "Is a directory" : "Permission denied"));
                return 1;
            }
        }
        // stdout is a file or a pipe under a script: fully buffered, so verbose lines come out
        // after anything written to stderr, at exit (as the recorder sees it).
        PrintStream out = ctx.fullyBufferedStdout();
        try {
            return new RestoreTransaction(ctx.netns(), o, out, err).run(text);
        } finally {
            out.flush();
        }
    }

    /** getopt_long over "bcvVthnwWM:T:46": null to go on, "" after -V/-h, else the error text. */
    private static String parseOptions(List<String> args, Options o, ToolContext ctx) {
        String[][] longs = {{"counters", "c"}, {"verbose", "v"}, {"version", "V"}, {"test", "t"}, {"help", "h"},
            {"noflush", "n"}, {"modprobe", "M"}, {"table", "T"}, {"ipv4", "4"}, {"ipv6", "6"}, {"wait", "w"},
            {"wait-interval", "W"}};
        int files = 0;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            char c;
            String val = null;
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    val = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String hit = null;
                boolean ambiguous = false;
                for (String[] l : longs) {
                    if (l[0].equals(name)) {
                        hit = l[1];
                        ambiguous = false;
                        break;
                    }
                    if (l[0].startsWith(name)) {
                        if (hit != null) ambiguous = true;
                        hit = l[1];
                    }
                }
                if (ambiguous) return "iptables-restore: option '" + s + "' is ambiguous";
                if (hit == null) return "iptables-restore: unrecognized option '" + s + "'";
                c = hit.charAt(0);
                if ((c == 'M' || c == 'T' || c == 'W') && val == null) {
                    if (i + 1 >= args.size()) return "iptables-restore: option '--" + name + "' requires an argument";
                    val = args.get(++i);
                }
                String err = option(c, val, o, ctx);
                if (err != null) return err;
                continue;
            }
            if (s.startsWith("-") && s.length() > 1) {
                for (int k = 1; k < s.length(); k++) {
                    c = s.charAt(k);
                    if ("bcvVthnw46MTW".indexOf(c) < 0) return "iptables-restore: invalid option -- '" + c + "'";
                    if (c == 'M' || c == 'T' || c == 'W') {
                        if (k + 1 < s.length()) val = s.substring(k + 1);
                        else if (i + 1 < args.size()) val = args.get(++i);
                        else return "iptables-restore: option requires an argument -- '" + c + "'";
                        String err = option(c, val, o, ctx);
                        if (err != null) return err;
                        break;
                    }
                    if (c == 'w' && k + 1 == s.length() && i + 1 < args.size() && args.get(i + 1).matches("[0-9]+")) i++;
                    String err = option(c, null, o, ctx);
                    if (err != null) return err;
                }
                continue;
            }
            if (files++ == 0) o.file = s;
            else return "Unknown arguments found on commandline";
        }
        return null;
    }

    private static String option(char c, String val, Options o, ToolContext ctx) {
        switch (c) {
            case 'c' -> o.counters = true;
            case 'v' -> o.verbose = true;
            case 't' -> o.test = true;
            case 'n' -> o.noflush = true;
            case 'T' -> o.table = val;
            case 'V' -> {
                ctx.out().println(PROG);
                return "";
            }
            case 'h' -> {
                ctx.out().print(USAGE);
                return "";
            }
            case '6' -> {
                return "iptables-restore: nsnet models IPv4 only (-6 is not supported)";
            }
            default -> { } // -b (binary, ignored), -w/-W (no lock in nsnet), -M, -4
        }
        return null;
    }

    private static final String USAGE = """
            Usage: iptables-restore [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]
            	   [ --counters ]
            	   [ --verbose ]
            	   [ --version]
            	   [ --test ]
            	   [ --help ]
            	   [ --noflush ]
            	   [ --table=<TABLE> ]
            	   [ --modprobe=<command> ]
            	   [ --ipv4 ]
            	   [ --ipv6 ]
            """;
}
