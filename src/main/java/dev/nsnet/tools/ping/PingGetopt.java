package dev.nsnet.tools.ping;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU getopt(3) as ping calls it: options may follow operands (argv is permuted), clustered short
 * options, an argument attached or in the next word, "--" ends the options. Errors carry glibc's
 * messages ("invalid option -- 'x'", "option requires an argument -- 'c'"), reported where getopt meets them.
 */
final class PingGetopt {
    /** One parsed option; {@code arg} null for flags. {@code c == '?'}: getopt's error, message in arg. */
    record Opt(char c, String arg) { }

    final List<Opt> opts = new ArrayList<>();
    final List<String> operands = new ArrayList<>();

    /** Parses; options are returned in order, operands in order. */
    static PingGetopt parse(List<String> argv, String optstring) {
        PingGetopt g = new PingGetopt();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                for (int k = i + 1; k < argv.size(); k++) g.operands.add(argv.get(k));
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                g.operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int p = optstring.indexOf(c);
                if (p < 0 || c == ':') {
                    g.opts.add(new Opt('?', "invalid option -- '" + c + "'"));
                    return g;
                }
                boolean takesArg = p + 1 < optstring.length() && optstring.charAt(p + 1) == ':';
                if (!takesArg) {
                    g.opts.add(new Opt(c, null));
                    continue;
                }
                if (j + 1 < a.length()) {
                    g.opts.add(new Opt(c, a.substring(j + 1)));
                } else if (i + 1 < argv.size()) {
                    g.opts.add(new Opt(c, argv.get(++i)));
                } else {
                    g.opts.add(new Opt('?', "option requires an argument -- '" + c + "'"));
                    return g;
                }
                break;
            }
        }
        return g;
    }
}
