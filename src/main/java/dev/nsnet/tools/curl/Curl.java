package dev.nsnet.tools.curl;

import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;
import java.util.Set;

/**
 * {@code curl} as Debian 12's curl 7.88.1, the subset that makes a web request a real one in
 * nsnet: plain HTTP GET (HEAD with {@code -I}) of one URL, {@code -s -S -v -i -I -o /dev/null
 * -w FORMAT -m SECONDS --connect-timeout SECONDS}. Option parsing and messages are curl's
 * (src/tool_getparam.c); the transfer is {@link CurlTransfer}. nsnet has no file system, so
 * {@code -o} accepts only /dev/null; options curl has but nsnet does not model are refused clearly.
 */
public final class Curl implements Tool {
    static final String TRY = "curl: try 'curl --help' or 'curl --manual' for more information";
    /** Real curl options nsnet does not model (refused by name rather than called unknown). */
    private static final Set<String> UNSUPPORTED = Set.of("-L", "--location", "-X", "--request", "-H", "--header",
            "-d", "--data", "-k", "--insecure", "-A", "--user-agent", "-x", "--proxy", "-4", "-6", "-f", "--fail",
            "-O", "--remote-name", "-u", "--user", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
            "-F", "--form", "-T", "--upload-file", "-r", "--range", "-C", "--http2", "--http1.0", "--compressed",
            "--resolve", "--interface", "--retry", "-D", "--dump-header", "--trace", "--trace-ascii", "-#", "-N");

    /** The parsed command line. */
    static final class Opts {
        boolean silent, showError, verbose, head, include;
        /** -o /dev/null given: the body is discarded. */
        boolean discard;
        String writeOut;
        /** -m and --connect-timeout in ns, 0 for none. */
        long maxTime, connectTimeout;
        String url;
    }

    @Override
    public String name() { return "curl"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        Opts o = new Opts();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String val = null;
                if (takesArg(name)) {
                    if (i + 1 >= args.size()) return optErr(ctx, "option " + name + ": requires parameter");
                    val = args.get(++i);
                }
                Integer rc = longOpt(ctx, o, name, val);
                if (rc != null) return rc;
            } else if (a.length() > 1 && a.charAt(0) == '-') {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    String sh = "-" + c;
                    String name = switch (c) {
                        case 's' -> "--silent";
                        case 'S' -> "--show-error";
                        case 'v' -> "--verbose";
                        case 'I' -> "--head";
                        case 'i' -> "--include";
                        case 'o' -> "--output";
                        case 'w' -> "--write-out";
                        case 'm' -> "--max-time";
                        default -> null;
                    };
                    if (name == null) {
                        if (UNSUPPORTED.contains(sh)) return unsupported(ctx, sh);
                        return optErr(ctx, "option " + sh + ": is unknown");
                    }
                    String val = null;
                    if (takesArg(name)) {
                        if (j + 1 < a.length()) val = a.substring(j + 1);
                        else if (i + 1 < args.size()) val = args.get(++i);
                        else return optErr(ctx, "option " + sh + ": requires parameter");
                        Integer rc = longOpt(ctx, o, name, val, sh);
                        if (rc != null) return rc;
                        break;
                    }
                    Integer rc = longOpt(ctx, o, name, null, sh);
                    if (rc != null) return rc;
                }
            } else {
                if (o.url != null) {
                    ctx.err().println("curl: nsnet fetches one URL per curl command");
                    return 2;
                }
                o.url = a;
            }
        }
        if (o.url == null) {
            ctx.err().println(TRY);
            return 2;
        }
        return new CurlTransfer(ctx, o).run();
    }

    private static boolean takesArg(String name) {
        return name.equals("--output") || name.equals("--write-out") || name.equals("--max-time")
                || name.equals("--connect-timeout");
    }

    private static Integer longOpt(ToolContext ctx, Opts o, String name, String val) {
        return longOpt(ctx, o, name, val, name);
    }

    /** Applies one option; an exit status when it ends the command. */
    private static Integer longOpt(ToolContext ctx, Opts o, String name, String val, String shown) {
        switch (name) {
            case "--silent" -> o.silent = true;
            case "--show-error" -> o.showError = true;
            case "--verbose" -> o.verbose = true;
            case "--head" -> o.head = true;
            case "--include" -> o.include = true;
            case "--output" -> {
                if (!val.equals("/dev/null")) {
                    ctx.err().println("curl: nsnet has no file system: -o accepts only /dev/null");
                    return 2;
                }
                o.discard = true;
            }
            case "--write-out" -> o.writeOut = val;
            case "--max-time", "--connect-timeout" -> {
                Long ns = seconds(val);
                if (ns == null) return optErr(ctx, "option " + shown + ": expected a proper numerical parameter");
                if (name.equals("--max-time")) o.maxTime = ns;
                else o.connectTimeout = ns;
            }
            default -> {
                if (UNSUPPORTED.contains(name)) return unsupported(ctx, name);
                return optErr(ctx, "option " + name + ": is unknown");
            }
        }
        return null;
    }

    /** str2udouble() for timeouts: a non-negative decimal number of seconds. */
    private static Long seconds(String s) {
        if (!s.matches("[0-9]*(\\.[0-9]*)?") || s.isEmpty() || s.equals(".")) return null;
        double d = Double.parseDouble(s);
        return (long) (d * 1000) * 1_000_000L;
    }

    private static int optErr(ToolContext ctx, String msg) {
        ctx.err().println("curl: " + msg);
        ctx.err().println(TRY);
        return 2;
    }

    private static int unsupported(ToolContext ctx, String opt) {
        ctx.err().println("curl: option " + opt + " is not supported by nsnet");
        return 2;
    }

    /** A parsed http:// URL. */
    record Url(String host, int port, String path) { }

    /** Curl_parseurl() for the http scheme; null with the exit status's message printed. */
    static Url parseUrl(String url) {
        String rest = url;
        int sch = rest.indexOf("://");
        if (sch >= 0) rest = rest.substring(sch + 3);
        int slash = rest.indexOf('/');
        int q = rest.indexOf('?');
        if (q >= 0 && (slash < 0 || q < slash)) slash = q;
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        if (path.startsWith("?")) path = "/" + path;
        int hash = path.indexOf('#');
        if (hash >= 0) path = path.substring(0, hash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        String host = authority;
        int port = 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) > 65535) return null;
                port = Integer.parseInt(p);
            }
        }
        if (host.isEmpty()) return null;
        return new Url(host, port, removeDotSegments(path));
    }

    /** RFC 3986 5.2.4 on the path (curl normalises "/." and "/a/../" before sending). */
    static String removeDotSegments(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        String[] segs = path.split("/", -1);
        for (int i = 1; i < segs.length; i++) {
            String sgm = segs[i];
            boolean last = i == segs.length - 1;
            if (sgm.equals(".")) {
                if (last) out.add("");
            } else if (sgm.equals("..")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                if (last) out.add("");
            } else {
                out.add(sgm);
            }
        }
        return "/" + String.join("/", out) + query;
    }

    /** The scheme of a URL ("http" when none is given), lower case. */
    static String scheme(String url) {
        int sch = url.indexOf("://");
        return sch < 0 ? "http" : url.substring(0, sch).toLowerCase(java.util.Locale.ROOT);
    }

    /** Resolution as on the recording host: address literals and localhost, no DNS. */
    static Integer resolve(String host) {
        Integer a = Inet4.parse(host);
        if (a != null) return a;
        if (host.equalsIgnoreCase("localhost")) return 0x7f000001;
        return null;
    }
}
