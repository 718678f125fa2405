package dev.nsnet.tools.python3;

import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * {@code python3}, reduced to the one program nsnet models: {@code python3 -m http.server}
 * (Lib/http/server.py of Debian 12's Python 3.11.2). Its command line is that module's argparse
 * ({@code [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]}, long forms too; -p only HTTP/1.0);
 * every other use of python3 is refused with a clear message, since nsnet runs no Python code.
 */
public final class Python3 implements Tool {
    static final String USAGE = "usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n";

    @Override
    public String name() { return "python3"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("-m") || !args.get(1).equals("http.server")) {
            ctx.err().println("python3: nsnet only models 'python3 -m http.server [PORT] [--bind ADDR] [-d DIR]'");
            return 2;
        }
        int port = 8000;
        String bind = null;
        boolean havePort = false;
        List<String> rest = args.subList(2, args.size());
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            String val = null;
            String opt = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                opt = a.substring(0, eq);
                val = a.substring(eq + 1);
            }
            switch (opt) {
                case "-h", "--help" -> {
                    ctx.out().print(USAGE);
                    ctx.out().println("(nsnet models the options -b/--bind, -d/--directory and -p HTTP/1.0 of http.server)");
                    return 0;
                }
                case "-b", "--bind", "-d", "--directory", "-p", "--protocol" -> {
                    if (val == null) {
                        if (i + 1 >= rest.size()) {
                            ctx.err().print(USAGE);
                            ctx.err().println("server.py: error: argument " + longName(opt) + ": expected one argument");
                            return 2;
                        }
                        val = rest.get(++i);
                    }
                    if (opt.equals("-b") || opt.equals("--bind")) bind = val;
                    if ((opt.equals("-p") || opt.equals("--protocol")) && !val.equals("HTTP/1.0")) {
                        ctx.err().println("python3: -m http.server -p " + val + " is not supported by nsnet (only HTTP/1.0)");
                        return 2;
                    }
                    // --directory: the served directory is virtual and always empty (docs/http.md)
                }
                case "--cgi" -> {
                    ctx.err().println("python3: -m http.server --cgi is not supported by nsnet");
                    return 2;
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1 && !isInt(a)) {
                        ctx.err().print(USAGE);
                        ctx.err().println("server.py: error: unrecognized arguments: " + a);
                        return 2;
                    }
                    if (havePort) {
                        ctx.err().print(USAGE);
                        ctx.err().println("server.py: error: unrecognized arguments: " + a);
                        return 2;
                    }
                    if (!isInt(a)) {
                        ctx.err().print(USAGE);
                        ctx.err().println("server.py: error: argument port: invalid int value: '" + a + "'");
                        return 2;
                    }
                    port = Integer.parseInt(a.trim());
                    havePort = true;
                }
            }
        }
        return new HttpServer(ctx).serve(bind, port);
    }

    private static String longName(String opt) {
        return switch (opt) {
            case "-b", "--bind" -> "-b/--bind";
            case "-p", "--protocol" -> "-p/--protocol";
            default -> "-d/--directory";
        };
    }

    private static boolean isInt(String s) {
        return s.trim().matches("[+-]?[0-9]{1,9}");
    }
}
