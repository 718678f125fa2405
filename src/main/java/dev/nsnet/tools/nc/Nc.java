package dev.nsnet.tools.nc;

import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nc} as Debian 12's netcat-openbsd 1.219 (the options {@code -l -u -z -v -w -q -n -p -s}
 * plus {@code -4} and {@code -N}): argument checks and messages of its main(), then a client
 * ({@link NcClient}) or a listener ({@link NcServer}) on the namespace's sockets. Options nc has
 * but nsnet does not model are refused with a clear message.
 */
public final class Nc implements Tool {
    static final String USAGE = """
            usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
            \t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
            \t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
            \t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
            \t  [destination] [port]
            """;
    /** netcat-openbsd's getopt string. */
    static final String OPTSTRING = "46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";
    static final String SUPPORTED = "4lNnpqsuvwz";

    /** The parsed command line. */
    static final class Opts {
        boolean lflag, uflag, zflag, vflag, nflag, nShutdown, family4;
        /** -w in ms, -1 when not given. */
        int timeout = -1;
        /** -q seconds, -1 (wait for the network) by default. */
        int qflag = -1;
        String pflag, sflag;
    }

    @Override
    public String name() { return "nc"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        Opts o = new Opts();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int p = OPTSTRING.indexOf(c);
                if (p < 0 || c == ':') return usage(ctx, "invalid option -- '" + c + "'");
                boolean takesArg = p + 1 < OPTSTRING.length() && OPTSTRING.charAt(p + 1) == ':';
                String arg = null;
                if (takesArg) {
                    if (j + 1 < a.length()) arg = a.substring(j + 1);
                    else if (i + 1 < args.size()) arg = args.get(++i);
                    else return usage(ctx, "option requires an argument -- '" + c + "'");
                }
                if (SUPPORTED.indexOf(c) < 0) {
                    ctx.err().println("nc: option -" + c + " is not supported by nsnet");
                    return 1;
                }
                switch (c) {
                    case '4' -> o.family4 = true;
                    case 'l' -> o.lflag = true;
                    case 'u' -> o.uflag = true;
                    case 'z' -> o.zflag = true;
                    case 'v' -> o.vflag = true;
                    case 'n' -> o.nflag = true;
                    case 'N' -> o.nShutdown = true;
                    case 'p' -> o.pflag = arg;
                    case 's' -> o.sflag = arg;
                    case 'w' -> {
                        Long v = strtonum(arg, 0, Integer.MAX_VALUE / 1000);
                        if (v == null) return errx(ctx, "timeout " + numErr(arg, 0, Integer.MAX_VALUE / 1000) + ": " + arg);
                        o.timeout = (int) (v * 1000);
                    }
                    case 'q' -> {
                        Long v = strtonum(arg, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        if (v == null) return errx(ctx, "quit timer " + numErr(arg, Integer.MIN_VALUE, Integer.MAX_VALUE) + ": " + arg);
                        o.qflag = (int) (long) v;
                    }
                    default -> { }
                }
                if (takesArg) break;
            }
        }
        String host;
        List<String> ports = new ArrayList<>();
        int argc = operands.size();
        if (argc == 0 && o.lflag) {
            host = o.sflag;
            if (o.pflag != null) ports.add(o.pflag);
        } else if (argc == 1 && o.pflag == null && o.sflag == null) {
            host = null;
            if (o.lflag) ports.add(operands.get(0));
        } else if (argc >= 2) {
            if (o.lflag && (o.pflag != null || o.sflag != null || argc > 2)) return usage(ctx, null);
            host = operands.get(0);
            ports.addAll(operands.subList(1, argc));
        } else {
            return usage(ctx, null);
        }
        if (ports.isEmpty()) return errx(ctx, "missing port number");
        if (o.lflag && o.zflag) return errx(ctx, "cannot use -z and -l");
        String proto = o.uflag ? "udp" : "tcp";
        List<Integer> portList = new ArrayList<>();
        for (String p : ports) {
            int dash = p.indexOf('-');
            if (dash > 0 && !o.lflag) {
                Integer lo = strtoport(ctx, p.substring(0, dash), proto);
                if (lo == null) return 1;
                Integer hi = strtoport(ctx, p.substring(dash + 1), proto);
                if (hi == null) return 1;
                if (lo > hi) { int t = lo; lo = hi; hi = t; }
                for (int x = lo; x <= hi; x++) portList.add(x);
            } else {
                Integer v = strtoport(ctx, p, proto);
                if (v == null) return 1;
                portList.add(v);
            }
        }
        if (host != null && isIpv6Literal(host)) return ipv6(ctx, o, host, portList, proto);
        if (o.lflag) {
            Integer addr = 0;
            if (host != null) {
                addr = resolve(ctx, host, portList.get(0), o.nflag);
                if (addr == null) return 1;
            }
            return new NcServer(ctx, o).run(addr, portList.get(0));
        }
        Integer dst = resolve(ctx, host, portList.get(0), o.nflag);
        if (dst == null) return 1;
        return new NcClient(ctx, o).run(host, dst, ports, portList);
    }

    /**
     * An IPv6 literal: getaddrinfo() accepts it (unless -4), then bind() or connect() fails with
     * EADDRNOTAVAIL, as on the recording host, whose scenarios turn IPv6 off (nsnet has no IPv6
     * stack; with IPv6 on, Linux would reach ::1 on lo).
     */
    private static int ipv6(ToolContext ctx, Opts o, String host, List<Integer> ports, String proto) {
        if (o.family4) {
            return errx(ctx, "getaddrinfo for host \"" + host + "\" port " + ports.get(0) + ": Address family for hostname not supported");
        }
        if (o.lflag) return errx(ctx, "Cannot assign requested address");
        for (int p : ports) {
            if (o.vflag) ctx.err().println("nc: connect to " + host + " port " + p + " (" + proto + ") failed: Cannot assign requested address");
        }
        return 1;
    }

    /** Whether {@code s} is an IPv6 address literal (with an optional %scope), as inet_pton would take it. */
    public static boolean isIpv6Literal(String s) {
        int pct = s.indexOf('%');
        String a = pct >= 0 ? s.substring(0, pct) : s;
        if (pct >= 0 && pct == s.length() - 1) return false;
        if (a.indexOf(':') < 0 || !a.matches("[0-9A-Fa-f:.]+")) return false;
        int dbl = a.indexOf("::");
        if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0) return false;
        String[] g = a.split(":", -1);
        int groups = 0;
        for (int i = 0; i < g.length; i++) {
            String x = g[i];
            if (x.isEmpty()) continue;
            if (x.contains(".")) { // an embedded IPv4 address, last
                if (i != g.length - 1 || Inet4.parse(x) == null || !x.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) return false;
                groups += 2;
            } else {
                if (x.length() > 4) return false;
                groups++;
            }
        }
        if (dbl < 0) {
            if (groups != 8) return false;
            for (String x : g) if (x.isEmpty()) return false;
            return true;
        }
        return groups <= 7 && !(a.startsWith(":") && !a.startsWith("::")) && !(a.endsWith(":") && !a.endsWith("::"));
    }

    /** getaddrinfo() as the recording host answers it (address literals, localhost, no DNS). */
    static Integer resolve(ToolContext ctx, String host, int port, boolean numeric) {
        Integer a = Inet4.parse(host);
        if (a != null) return a;
        if (!numeric && host.equalsIgnoreCase("localhost")) return 0x7f000001;
        errx(ctx, "getaddrinfo for host \"" + host + "\" port " + port + ": "
                + (numeric || host.indexOf(':') >= 0 ? "Name or service not known" : "Temporary failure in name resolution"));
        return null;
    }

    /** strtoport(): a service name of /etc/services, else a number in 1..65535. */
    static Integer strtoport(ToolContext ctx, String s, String proto) {
        int svc = Services.port(s, proto);
        if (svc >= 0) return svc;
        Long v = strtonum(s, 1, 65535);
        if (v == null) {
            errx(ctx, "port number " + numErr(s, 1, 65535) + ": " + s);
            return null;
        }
        return (int) (long) v;
    }

    /** OpenBSD strtonum(): the value, or null (then {@link #numErr} says why). */
    static Long strtonum(String s, long min, long max) {
        try {
            long v = Long.parseLong(s.trim().startsWith("+") ? s.trim().substring(1) : s.trim());
            if (v < min || v > max) return null;
            if (!s.equals(s.trim()) && !Character.isWhitespace(s.charAt(0))) return null;
            return v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String numErr(String s, long min, long max) {
        try {
            long v = Long.parseLong(s.trim().startsWith("+") ? s.trim().substring(1) : s.trim());
            return v < min ? "too small" : "too large";
        } catch (NumberFormatException e) {
            return "invalid";
        }
    }

    static int errx(ToolContext ctx, String msg) {
        ctx.err().println("nc: " + msg);
        return 1;
    }

    private static int usage(ToolContext ctx, String getoptError) {
        if (getoptError != null) ctx.err().println("nc: " + getoptError);
        ctx.err().print(USAGE);
        return 1;
    }
}
