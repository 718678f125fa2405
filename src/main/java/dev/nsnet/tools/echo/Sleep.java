package dev.nsnet.tools.echo;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * coreutils {@code sleep NUMBER[SUFFIX]...} on the virtual clock: the operands (decimal or hex
 * floating point, {@code inf}, suffix s/m/h/d) are summed and that much virtual time passes, with
 * every timer falling due on the way (so {@code sleep 1} lets link-watch, ARP and aging work run,
 * as on a real host). Messages and statuses as coreutils 9.1 in the C locale.
 */
public final class Sleep implements Tool {
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|0[xX][0-9a-fA-F]*\\.?[0-9a-fA-F]*([pP][+-]?\\d+)?"
                    + "|(?i:inf|infinity))");
    private static final long MAX_NS = Long.MAX_VALUE / 4;

    static final String HELP = """
            Usage: sleep NUMBER[SUFFIX]...
              or:  sleep OPTION
            Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
            'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an
            integer.  Given two or more arguments, pause for the amount of time
            specified by the sum of their values.

                  --help        display this help and exit
                  --version     output version information and exit

            GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
            Report any translation bugs to <https://translationproject.org/team/>
            Full documentation <https://www.gnu.org/software/coreutils/sleep>
            or available locally via: info '(coreutils) sleep invocation'
            """;

    @Override
    public String name() { return "sleep"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        int i = 0;
        if (!args.isEmpty()) {
            String a = args.get(0);
            if (a.equals("--help")) {
                ctx.out().print(HELP);
                return 0;
            }
            if (a.equals("--")) {
                i = 1;
            } else if (a.startsWith("--") && a.length() > 2) {
                return usage(ctx, "unrecognized option '" + a + "'");
            } else if (a.startsWith("-") && a.length() > 1) {
                return usage(ctx, "invalid option -- '" + a.charAt(1) + "'");
            }
        }
        if (i >= args.size()) return usage(ctx, "missing operand");
        double seconds = 0;
        boolean bad = false;
        for (; i < args.size(); i++) {
            double s = parse(args.get(i));
            if (Double.isNaN(s)) {
                ctx.err().println("sleep: invalid time interval '" + args.get(i) + "'");
                bad = true;
            } else {
                seconds += s;
            }
        }
        if (bad) {
            ctx.err().println("Try 'sleep --help' for more information.");
            return 1;
        }
        double ns = Math.ceil(seconds * 1e9);
        ctx.sleepUntil(ctx.emulation().now() + (ns >= MAX_NS ? MAX_NS : (long) ns));
        return 0;
    }

    /**
     * Seconds for one operand, or NaN when it is not a valid interval. Like coreutils, the longest
     * number is taken first (so the d of {@code 0x1d} is a hex digit), then one suffix may follow.
     */
    static double parse(String s) {
        double v = number(s);
        if (!Double.isNaN(v) || s.length() < 2) return v;
        double mult = switch (s.charAt(s.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> Double.NaN;
        };
        return mult * number(s.substring(0, s.length() - 1));
    }

    /** strtod() of the whole string in the C locale, NaN when it is not all a non-negative number. */
    private static double number(String s) {
        if (!NUMBER.matcher(s).matches()) return Double.NaN;
        String t = s.toLowerCase(java.util.Locale.ROOT);
        boolean neg = t.startsWith("-");
        if (t.startsWith("+") || neg) t = t.substring(1);
        double v;
        if (t.startsWith("inf")) {
            v = Double.POSITIVE_INFINITY;
        } else if (t.startsWith("0x")) {
            if (t.equals("0x") || t.equals("0x.")) return Double.NaN;
            try {
                v = Double.parseDouble(t.contains("p") ? t : t + "p0");
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            v = Double.parseDouble(t);
        }
        if (neg && v != 0) return Double.NaN;
        return v;
    }

    private static int usage(ToolContext ctx, String msg) {
        ctx.err().println("sleep: " + msg);
        ctx.err().println("Try 'sleep --help' for more information.");
        return 1;
    }
}
