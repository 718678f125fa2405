package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip [-force] -batch FILE}: ip.c's {@code batch()} with lib/utils.c's {@code do_batch()},
 * {@code getcmdline()} and {@code makeargs()}. Each line is an object and its arguments, run with
 * the global options given before. nsnet has no file system, so only {@code -} (standard input,
 * the {@code echo WORDS | ip -batch -} form) can be read.
 *
 * <p>A command that returns an error prints "Command failed FILE:LINE" and ends the batch (with
 * {@code -force} the batch goes on), exit status 1. A command that calls {@code exit()} in
 * iproute2 (usage and argument errors, status 255) ends ip at once with that status.
 */
final class IpBatch {
    private IpBatch() { }

    static int run(ToolContext ctx, Ip ip, IpOptions o, String name) {
        if (!name.equals("-")) {
            ctx.err().print("Cannot open file \"" + name + "\" for reading: No such file or directory\n");
            return 1;
        }
        String in = ctx.stdin() == null ? "" : ctx.stdin();
        int origFamily = o.family;
        int ret = 0;
        String[] lines = in.split("\n", -1);
        int lineNo = 0;
        for (int k = 0; k < lines.length; k++) {
            // getline() gives nothing for the empty tail after the last newline
            if (k == lines.length - 1 && lines[k].isEmpty()) break;
            lineNo++;
            String line = stripComment(lines[k]);
            // a backslash before the newline continues the command on the next line (a comment
            // cut the newline off)
            while (lines[k].indexOf('#') < 0 && line.endsWith("\\")) {
                if (k + 1 >= lines.length || (k + 1 == lines.length - 1 && lines[k + 1].isEmpty())) {
                    ctx.err().print("Missing continuation line\n");
                    return ret;
                }
                k++;
                lineNo++;
                line = line.substring(0, line.length() - 1) + stripComment(lines[k]);
            }
            List<String> words = makeargs(line);
            if (words.isEmpty()) continue;
            o.family = origFamily;
            int st = runOne(ctx, ip, o, words);
            if (st != 0) {
                ctx.err().print("Command failed " + name + ":" + lineNo + "\n");
                ctx.err().flush();
                ret = 1;
                if (!o.force) break;
            }
        }
        return ret;
    }

    /** One command: errors that return print here; exit() errors (255) end ip. */
    private static int runOne(ToolContext ctx, Ip ip, IpOptions o, List<String> words) {
        try {
            return ip.dispatch(ctx, o, words);
        } catch (IpError e) {
            if (e.status == 255) throw e;
            ctx.out().flush();
            ctx.err().print(e.text);
            ctx.err().flush();
            return e.status;
        } catch (KernelException e) {
            ctx.out().flush();
            Ip.kernelError(ctx, e);
            return 2;
        }
    }

    private static String stripComment(String line) {
        int h = line.indexOf('#');
        return h < 0 ? line : line.substring(0, h);
    }

    /** makeargs(): words split at blanks; a word may be quoted with ' or " (no escapes). */
    static List<String> makeargs(String line) {
        List<String> words = new ArrayList<>();
        int i = 0, n = line.length();
        String ws = " \t\r\n";
        while (i < n) {
            while (i < n && ws.indexOf(line.charAt(i)) >= 0) i++;
            if (i >= n) break;
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) throw new IpError("Unterminated quoted string\n", 1);
                words.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int j = i;
                while (j < n && ws.indexOf(line.charAt(j)) < 0) j++;
                words.add(line.substring(i, j));
                i = j + 1;
            }
        }
        return words;
    }
}
