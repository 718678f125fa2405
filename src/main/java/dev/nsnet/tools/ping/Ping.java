package dev.nsnet.tools.ping;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.IfAddr;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.ipv4.PingSocket;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * {@code ping} of iputils 20221126 (ping/ping.c, ping_common.c) for IPv4, run as root: a raw ICMP
 * socket, the identifier from the emulation's random source, option parsing and every message
 * and exit status as the real tool. The probe loop runs on the emulation's virtual clock
 * ({@link PingLoop}), so {@code ping -c 100} takes milliseconds of real time.
 */
public final class Ping implements Tool {
    static final String OPTSTRING = "h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:";

    /** Thrown after the message is printed: the process exits with this status. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    @Override
    public String name() { return "ping"; }

    /**
     * Runs ping with stdout fully buffered, as glibc makes it for a file or pipe: what ping prints
     * reaches the transcript at its fflush() calls (after each reply or error line, in finish())
     * and at exit, which is when a background ping's lines become visible. Killed by a signal it
     * has no handler for (kill %1, timeout(1)), it loses what is still buffered, as on Linux.
     */
    @Override
    public int run(ToolContext ctx0, List<String> args) {
        java.io.PrintStream stdout = ctx0.fullyBufferedStdout();
        ToolContext ctx = ctx0.withStdout(stdout);
        PingLoop p = new PingLoop(ctx);
        int status;
        try {
            status = runInner(ctx, p, args);
        } catch (Exit e) {
            status = e.status;
        } finally {
            p.close();
            ctx.err().flush();
        }
        stdout.flush();
        ctx0.out().flush();
        return status;
    }

    /** glibc error(): stdout flushed first, then "ping: MSG[: strerror]" on stderr. */
    static void error(ToolContext ctx, int status, Errno errno, String msg) {
        ctx.out().flush();
        ctx.err().print("ping: " + msg + (errno != null ? ": " + errno.message : "") + "\n");
        ctx.err().flush();
        if (status != 0) throw new Exit(status);
    }

    private static int runInner(ToolContext ctx, PingLoop p, List<String> args) {
        PingGetopt g = PingGetopt.parse(args, OPTSTRING);
        String device = null;
        int source = 0;
        boolean strictSource = false;
        String pattern = null;
        int family = 0;
        boolean optNumeric = false;
        for (PingGetopt.Opt o : g.opts) {
            String a = o.arg();
            switch (o.c()) {
                case '?' -> {
                    ctx.err().print("ping: " + a + "\n");
                    usage(ctx);
                }
                case '4' -> {
                    if (family == 6) error(ctx, 2, null, "only one -4 or -6 option may be specified");
                    family = 4;
                }
                case '6' -> {
                    if (family == 4) error(ctx, 2, null, "only one -4 or -6 option may be specified");
                    family = 6;
                }
                case 'n' -> optNumeric = true;
                case 'B' -> strictSource = true;
                // No visible effect in the emulation: connect() on the socket, SO_DEBUG, multicast
                // loop, user-to-user latency (times are virtual anyway), SO_SNDBUF.
                case 'C', 'd', 'L', 'U' -> { }
                case 'S' -> strtolOrErr(ctx, a, 1, Integer.MAX_VALUE);
                case 'O' -> p.outstanding = true;
                case 'A' -> p.adaptive = true;
                case 'R' -> p.recordRoute = true;
                case 'f' -> {
                    p.flood = true;
                    optNumeric = true;
                }
                case 'D' -> p.timestamps = true;
                case 'a' -> p.audible = true;
                case 'e' -> p.fixedIdent = (int) strtolOrErr(ctx, a, 0, 0xffff);
                case 'b' -> p.broadcastPings = true;
                case 'c' -> p.npackets = strtolOrErr(ctx, a, 1, Long.MAX_VALUE);
                case 'i' -> {
                    double v = strtod(ctx, a, "bad timing interval");
                    if (v > Integer.MAX_VALUE / 1000.0) error(ctx, 2, null, "bad timing interval: " + a);
                    p.interval = (int) (v * 1000);
                    p.optInterval = true;
                }
                case 'W' -> {
                    double v = strtod(ctx, a, "bad linger time");
                    if (v < 0 || v > Integer.MAX_VALUE / 1000.0) error(ctx, 2, null, "bad linger time: " + a);
                    p.lingertime = (int) (v * 1000);
                }
                case 'w' -> p.deadline = (int) strtolOrErr(ctx, a, 0, Integer.MAX_VALUE);
                case 's' -> p.datalen = (int) strtolOrErr(ctx, a, 0, Integer.MAX_VALUE);
                case 't' -> {
                    p.ttl = (int) strtolOrErr(ctx, a, 0, 255);
                    p.optTtl = true;
                }
                case 'l' -> p.preload = (int) strtolOrErr(ctx, a, 1, 0x10000);
                case 'm' -> p.mark = (int) strtolOrErr(ctx, a, 0, 0xffffffffL);
                case 'q' -> p.quiet = true;
                case 'p' -> pattern = a;
                case 'I' -> {
                    Long addr = inetAton(a);
                    if (a.indexOf(':') >= 0) error(ctx, 2, null, "invalid source address: " + a);
                    if (addr != null) {
                        source = (int) (long) addr;
                        strictSource = true;
                    } else {
                        device = a;
                    }
                }
                case 'M' -> {
                    switch (a) {
                        case "do" -> p.pmtudisc = PingSocket.PMTUDISC_DO;
                        case "dont" -> p.pmtudisc = PingSocket.PMTUDISC_DONT;
                        case "want" -> p.pmtudisc = PingSocket.PMTUDISC_WANT;
                        default -> error(ctx, 2, null, "invalid -M argument: " + a);
                    }
                }
                case 'Q' -> p.tos = parseTos(ctx, a);
                case 'V' -> {
                    ctx.out().print("ping from iputils 20221126\n"
                            + "libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n");
                    throw new Exit(0);
                }
                case 'h' -> usage(ctx);
                default -> error(ctx, 2, null, "option -" + o.c() + " is not supported by nsnet's ping");
            }
        }
        if (g.operands.isEmpty()) error(ctx, 1, null, "usage error: Destination address required");
        String target = g.operands.get(g.operands.size() - 1);
        if (pattern != null) p.fill(pattern);
        Long dst = inetAton(target);
        boolean numeric = dst != null;
        if (dst == null) dst = PingHosts.lookup(target);
        if (dst == null) {
            if (target.indexOf(':') >= 0) {
                if (family == 4) error(ctx, 2, null, target + ": Address family for hostname not supported");
                error(ctx, 2, null, "IPv6 is not supported by nsnet's ping (" + target + ")");
            }
            error(ctx, 2, null, target + ": Temporary failure in name resolution");
        }
        if (family == 6) error(ctx, 2, null, target + ": Address family for hostname not supported");
        p.numeric = numeric || optNumeric;
        if (g.operands.size() > 1) {
            // Several hosts: a loose source route through the first ones (ping4_run()).
            if (g.operands.size() > 10 || p.recordRoute) usage(ctx);
            int[] hops = new int[g.operands.size() - 1];
            for (int i = 0; i < hops.length; i++) {
                String h = g.operands.get(i);
                Long a = inetAton(h);
                if (a == null) a = PingHosts.lookup(h);
                if (a == null) error(ctx, 2, null, h + ": Temporary failure in name resolution");
                hops[i] = (int) (long) a;
            }
            p.sourceRoute = hops;
            p.numeric = optNumeric;
        }
        return p.run(target, (int) (long) dst, device, source, strictSource);
    }

    static void usage(ToolContext ctx) {
        ctx.err().print(PingUsage.TEXT);
        throw new Exit(2);
    }

    /** iputils strtol_or_err(). */
    static long strtolOrErr(ToolContext ctx, String s, long min, long max) {
        String t = s.stripLeading();
        long v;
        try {
            if (t.isEmpty() || !t.matches("[+-]?[0-9]+")) throw new NumberFormatException();
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            boolean range = !t.isEmpty() && t.matches("[+-]?[0-9]+");
            error(ctx, 1, range ? Errno.ERANGE : null, "invalid argument: '" + s + "'");
            return 0;
        }
        if (v < min || v > max) {
            error(ctx, 1, null, "invalid argument: '" + s + "': out of range: " + min + " <= value <= " + max);
        }
        return v;
    }

    /** ping_strtod(): garbage is a warning (the number before it counts), a non-finite value an error. */
    static double strtod(ToolContext ctx, String s, String what) {
        if (s.isEmpty()) error(ctx, 2, null, what + ": " + s);
        String t = s.stripLeading();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)").matcher(t);
        double v = 0;
        String end = s;
        if (m.find()) {
            v = Double.parseDouble(m.group());
            end = t.substring(m.end());
        } else if (t.toLowerCase(java.util.Locale.ROOT).matches("^[+-]?(inf|infinity|nan).*")) {
            error(ctx, 2, Errno.ERANGE, what + ": " + s);
        }
        if (!end.isEmpty()) {
            error(ctx, 0, null, "option argument contains garbage: " + end);
            error(ctx, 0, null, "this will become fatal error in the future");
        }
        if (Double.isInfinite(v) || Double.isNaN(v)) error(ctx, 2, Errno.ERANGE, what + ": " + s);
        return v;
    }

    private static int parseTos(ToolContext ctx, String s) {
        int tos;
        try {
            tos = s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            error(ctx, 2, null, "bad TOS value: " + s);
            return 0;
        }
        if (tos > 255) error(ctx, 2, null, "the decimal value of TOS bits must be in range 0-255: " + tos);
        return tos;
    }

    /** inet_aton(): 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); null when invalid. */
    public static Long inetAton(String s) {
        if (s.isEmpty()) return null;
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) return null;
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) return null;
            try {
                if (p.startsWith("0x") || p.startsWith("0X")) v[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                else if (p.length() > 1 && p.charAt(0) == '0') v[i] = Long.parseLong(p.substring(1), 8);
                else if (p.chars().allMatch(Character::isDigit)) v[i] = Long.parseLong(p);
                else return null;
            } catch (NumberFormatException e) {
                return null;
            }
            if (v[i] < 0) return null;
        }
        int n = v.length;
        for (int i = 0; i < n - 1; i++) if (v[i] > 255) return null;
        long last = v[n - 1];
        if (last >= (1L << (8 * (5 - n)))) return null;
        long r = 0;
        for (int i = 0; i < n - 1; i++) r |= v[i] << (24 - 8 * i);
        return r | last;
    }

    /** Whether {@code addr} is configured on {@code dev} (getifaddrs() in ping4_run). */
    static boolean onDevice(NetNamespace ns, String dev, int addr) {
        var d = ns.dev(dev);
        InDevice in = InDevice.of(d);
        if (in == null) return false;
        for (IfAddr ifa : in.addresses()) if (ifa.local == addr) return true;
        return false;
    }

    static String fmt(int a) { return Inet4.format(a); }

    static void kernelError(ToolContext ctx, String what, KernelException e) {
        error(ctx, 2, e.errno, what);
    }
}
