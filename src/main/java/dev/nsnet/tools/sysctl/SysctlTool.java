package dev.nsnet.tools.sysctl;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * procps-ng 4.0.2 {@code sysctl} over the namespace's {@code /proc/sys/net}: reads ("key = value"),
 * writes ({@code -w} or any argument with '='), {@code -n}/{@code -N}/{@code -q}/{@code -e}/{@code -b},
 * directory listings and {@code -a}, with its exact messages and exit statuses.
 */
public final class SysctlTool implements Tool {
    private static final String USAGE = """

            Usage:
             sysctl [options] [variable[=value] ...]

            Options:
              -a, --all            display all variables
              -A                   alias of -a
              -X                   alias of -a
                  --deprecated     include deprecated parameters to listing
                  --dry-run        Print the key and values but do not write
              -b, --binary         print value without new line
              -e, --ignore         ignore unknown variables errors
              -N, --names          print variable names without values
              -n, --values         print only values of the given variable(s)
              -p, --load[=<file>]  read values from file
              -f                   alias of -p
                  --system         read values from all system directories
              -r, --pattern <expression>
                                   select setting that match expression
              -q, --quiet          do not echo variable set
              -w, --write          enable writing a value to variable
              -o                   does nothing
              -x                   does nothing
              -d                   alias of -h

             -h, --help     display this help and exit
             -V, --version  output version information and exit

            For more details see sysctl(8).
            """;

    @Override
    public String name() { return "sysctl"; }

    private boolean nameOnly, valueOnly, quiet, ignore, binary, write, all, dryRun, preload, deprecated;
    /** -r/--pattern: only names matching this extended regex are listed. */
    private java.util.regex.Pattern pattern;

    @Override
    public int run(ToolContext ctx, List<String> args) {
        SysctlTool t = new SysctlTool();
        return t.exec(ctx, args);
    }

    private int exec(ToolContext ctx, List<String> args) {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        if (args.isEmpty()) {
            err.print(USAGE);
            return 1;
        }
        List<String> names = new ArrayList<>();
        boolean noMoreOpts = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (noMoreOpts || !a.startsWith("-") || a.equals("-")) {
                names.add(a);
                continue;
            }
            if (a.equals("--")) {
                noMoreOpts = true;
                continue;
            }
            if (a.startsWith("--pattern=")) {
                if (!setPattern(a.substring("--pattern=".length()), err)) return 1;
                continue;
            }
            if (a.startsWith("--load=")) {
                preload = true;
                names.add(a.substring("--load=".length()));
                continue;
            }
            if (a.startsWith("--")) {
                switch (a) {
                    case "--all" -> all = true;
                    case "--binary" -> binary = true;
                    case "--ignore" -> ignore = true;
                    case "--names" -> nameOnly = true;
                    case "--values" -> valueOnly = true;
                    case "--quiet" -> quiet = true;
                    case "--write" -> write = true;
                    case "--dry-run" -> dryRun = true;
                    case "--deprecated" -> deprecated = true;
                    case "--load" -> preload = true;
                    case "--pattern" -> {
                        if (i + 1 >= args.size()) {
                            err.println("sysctl: option '--pattern' requires an argument");
                            err.print(USAGE);
                            return 0;
                        }
                        if (!setPattern(args.get(++i), err)) return 1;
                    }
                    case "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--version" -> {
                        out.println("sysctl from procps-ng 4.0.2");
                        return 0;
                    }
                    default -> {
                        err.println("sysctl: unrecognized option '" + a + "'");
                        err.print(USAGE);
                        return 0;
                    }
                }
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 'a', 'A', 'X' -> all = true;
                    case 'b' -> binary = true;
                    case 'e' -> ignore = true;
                    case 'N' -> nameOnly = true;
                    case 'n' -> valueOnly = true;
                    case 'q' -> quiet = true;
                    case 'w' -> write = true;
                    case 'o', 'x' -> { }
                    case 'h', 'd' -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case 'V' -> {
                        out.println("sysctl from procps-ng 4.0.2");
                        return 0;
                    }
                    case 'p', 'f' -> {
                        preload = true;
                        if (j + 1 < a.length()) {
                            names.add(a.substring(j + 1));
                            j = a.length();
                        }
                    }
                    case 'r' -> {
                        String v;
                        if (j + 1 < a.length()) v = a.substring(j + 1);
                        else if (i + 1 < args.size()) v = args.get(++i);
                        else {
                            err.println("sysctl: option requires an argument -- 'r'");
                            err.print(USAGE);
                            return 0;
                        }
                        if (!setPattern(v, err)) return 1;
                        j = a.length();
                    }
                    default -> {
                        // procps prints the usage and, oddly, exits 0 for an unknown option
                        err.println("sysctl: invalid option -- '" + c + "'");
                        err.print(USAGE);
                        return 0;
                    }
                }
            }
        }
        Sysctl s = ctx.netns().sysctl;
        if (preload) {
            // nsnet has no file system: the default /etc/sysctl.conf holds only comments (as on
            // Debian), any other file cannot be opened.
            int rc = 0;
            for (String f : names) {
                err.println("sysctl: cannot open \"" + f + "\": No such file or directory");
                rc = 1;
            }
            return rc;
        }
        if (all) {
            listDir(s, "net", out);
            return 0;
        }
        if (names.isEmpty()) {
            err.println("sysctl: no variables specified");
            err.println("Try `sysctl --help' for more information.");
            return 1;
        }
        int rc = 0;
        for (String n : names) {
            int r;
            if (n.indexOf('=') >= 0) {
                r = writeSetting(s, n, out, err);
            } else if (write) {
                err.println("sysctl: command line(0): invalid syntax, continuing...");
                r = 1;
            } else {
                r = readSetting(s, n, out, err);
            }
            if (r != 0) rc = r;
        }
        return rc;
    }

    /**
     * procps' slashdot(): when the first separator is not already {@code to}, every '/' and '.'
     * swap (so "net/ipv4/conf/eth0.10" and "net.ipv4.conf.eth0/10" name the same file).
     */
    private static String slashdot(String name, char from, char to, PrintStream warn) {
        int first = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '.') {
                first = i;
                break;
            }
        }
        if (first < 0 || name.charAt(first) == to) return name;
        StringBuilder b = new StringBuilder(name);
        boolean warned = false;
        for (int i = first; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c != '/' && c != '.') continue;
            if (!warned && warn != null && i + 1 < b.length() && (b.charAt(i + 1) == '/' || b.charAt(i + 1) == '.')) {
                warn.println("sysctl: separators should not be repeated: " + name.substring(i));
                warned = true;
            }
            b.setCharAt(i, c == from ? to : from);
        }
        return b.toString();
    }

    /** The /proc/sys path of a key (empty components collapse, as in the file system). */
    private String path(String key, PrintStream err) {
        String k = slashdot(key, '.', '/', err);
        k = k.replaceAll("/{2,}", "/");
        while (k.startsWith("/")) k = k.substring(1);
        while (k.endsWith("/")) k = k.substring(0, k.length() - 1);
        return k;
    }

    /** The name printed for a key as the user gave it. */
    private static String outname(String key) { return slashdot(key, '/', '.', null); }

    /** The name printed for a file found while listing a directory. */
    private static String display(String path) { return slashdot(path, '/', '.', null); }

    /** stat() of /proc/sys/PATH: null when it exists, else the strerror text. */
    private static String statError(Sysctl s, String path) {
        if (s.get(path) != null || s.isDirectory(path)) return null;
        String[] parts = path.split("/");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) p.append('/');
            p.append(parts[i]);
            if (s.get(p.toString()) != null) return "Not a directory";
        }
        return "No such file or directory";
    }

    private int readSetting(Sysctl s, String key, PrintStream out, PrintStream err) {
        String path = path(key, err);
        String e = statError(s, path);
        if (e != null) {
            if (ignore) return 0;
            err.println("sysctl: cannot stat /proc/sys/" + path + ": " + e);
            return 1;
        }
        if (s.get(path) == null) {
            listDir(s, path, out);
            return 0;
        }
        Sysctl.Entry en = s.get(path);
        if (en.get() == null) return 0; // write-only (route/flush): procps prints nothing
        print(outname(key), en.get().get(), out);
        return 0;
    }

    private void print(String name, String value, PrintStream out) {
        if (nameOnly) out.println(name);
        else if (valueOnly) {
            if (binary) out.print(value);
            else out.println(value);
        } else {
            if (binary) out.print(value);
            else out.println(name + " = " + value);
        }
    }

    /**
     * Lists a directory recursively in /proc/sys order: each directory's entries sorted by name
     * (so "veth0" comes before "veth0.1", which a plain sort of full paths would invert).
     */
    private void listDir(Sysctl s, String dir, PrintStream out) {
        String prefix = dir + "/";
        List<String> keys = new ArrayList<>();
        for (String k : s.all().keySet()) if (k.startsWith(prefix)) keys.add(k);
        keys.sort(SysctlTool::compareByComponent);
        for (String k : keys) {
            Sysctl.Entry e = s.get(k);
            if (e.get() == null) continue;
            if (pattern != null && !pattern.matcher(display(k)).find()) continue;
            if (!deprecated && isDeprecated(k)) continue;
            print(display(k), e.get().get(), out);
        }
    }

    /** procps hides the neighbour tables' second-based duplicates of the *_ms knobs from listings. */
    private static boolean isDeprecated(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        return leaf.equals("base_reachable_time") || leaf.equals("retrans_time");
    }

    private boolean setPattern(String regex, PrintStream err) {
        try {
            pattern = java.util.regex.Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            err.println("sysctl: unable to parse pattern: " + regex);
            return false;
        }
    }

    private static int compareByComponent(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private int writeSetting(Sysctl s, String arg, PrintStream out, PrintStream err) {
        int eq = arg.indexOf('=');
        String key = arg.substring(0, eq).strip();
        String value = arg.substring(eq + 1).strip();
        if (key.isEmpty()) {
            err.println("sysctl: Path is not under /proc/sys/: /proc/sys/");
            return 1;
        }
        String path = path(key, err);
        String e = statError(s, path);
        if (e != null) {
            if (ignore) return 0;
            err.println("sysctl: cannot stat /proc/sys/" + path + ": " + e);
            return 1;
        }
        Sysctl.Entry en = s.get(path);
        String shown = outname(key);
        if (en == null || en.set() == null) {
            // A directory or a read-only file: procps reports the failed write but does not fail.
            err.println("sysctl: setting key \"" + shown + "\": Invalid argument");
            return 0;
        }
        if (!dryRun) {
            try {
                en.set().accept(value);
            } catch (KernelException ex) {
                err.println("sysctl: setting key \"" + shown + "\": " + ex.errno.message);
                return 1;
            }
        }
        if (!quiet) print(shown, value, out);
        return 0;
    }
}
