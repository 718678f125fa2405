package dev.nsnet.tools.nc;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.ipv4.UdpSock;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * nc's client side (netcat.c: the connect loop of main(), remote_connect(), timeout_connect(),
 * udptest(), connection_info() and readwrite()): one connection per port of the list, the
 * outcome reported as nc words it, then stdin out and the peer's bytes to stdout.
 */
final class NcClient {
    static final long MS = 1_000_000L;
    /** UDP_SCAN_TIMEOUT (seconds of udptest() writes when -w is not given). */
    static final int UDP_SCAN_TIMEOUT = 3;

    private final ToolContext ctx;
    private final Nc.Opts o;
    private final NetNamespace ns;

    NcClient(ToolContext ctx, Nc.Opts o) {
        this.ctx = ctx;
        this.o = o;
        this.ns = ctx.netns();
    }

    int run(String host, int dst, List<String> portArgs, List<Integer> ports) {
        int ret = 1;
        ipaddr = dst;
        Integer src = 0;
        int sport = 0;
        if (o.sflag != null) {
            src = Inet4.parse(o.sflag);
            if (src == null) return Nc.errx(ctx, "getaddrinfo: " + (o.nflag ? "Name or service not known"
                    : "Temporary failure in name resolution"));
        }
        if (o.pflag != null) {
            Integer p = Nc.strtoport(ctx, o.pflag, o.uflag ? "udp" : "tcp");
            if (p == null) return 1;
            sport = p;
        }
        for (int port : ports) {
            String proto = o.uflag ? "udp" : "tcp";
            if (o.uflag) {
                UdpSock s = UdpSock.open(ns, ctx.process());
                s.comm = "nc";
                try {
                    if (!bind(s, src, sport)) return 1;
                    try {
                        s.connect(dst, port);
                    } catch (KernelException e) {
                        failed(host, port, proto, "failed", e.errno.code);
                        continue;
                    }
                    ret = 0;
                    if (o.vflag) {
                        if (udptest(s) < 0) {
                            ret = 1;
                            continue;
                        }
                        connectionInfo(host, port, proto);
                    }
                    if (!o.zflag) udpReadwrite(s);
                } finally {
                    s.close();
                }
            } else {
                TcpSock s = TcpSock.open(ns, ctx.process());
                s.comm = "nc";
                try {
                    if (!bind(s, src, sport)) return 1;
                    try {
                        s.connect(dst, port);
                    } catch (KernelException e) {
                        failed(host, port, proto, "failed", e.errno.code);
                        continue;
                    }
                    long deadline = o.timeout >= 0 ? ctx.emulation().now() + o.timeout * MS : Long.MAX_VALUE;
                    ctx.waitFor(() -> s.state() != TcpSock.SYN_SENT, deadline);
                    if (s.state() == TcpSock.SYN_SENT) {
                        failed(host, port, proto, "timed out", 115);
                        continue;
                    }
                    if (s.state() != TcpSock.ESTABLISHED) {
                        failed(host, port, proto, "failed", s.takeError());
                        continue;
                    }
                    ret = 0;
                    if (o.vflag) connectionInfo(host, port, proto);
                    if (!o.zflag) tcpReadwrite(ctx, o, s);
                } finally {
                    s.close();
                }
            }
        }
        return ret;
    }

    /** The -s / -p bind of remote_connect(), SO_REUSEPORT set first as nc does. */
    private boolean bind(dev.nsnet.kernel.ipv4.InetSock s, int src, int sport) {
        if (o.sflag == null && o.pflag == null) return true;
        s.reusePort = true;
        try {
            s.bind(src, sport);
            return true;
        } catch (KernelException e) {
            Nc.errx(ctx, "bind failed: " + strerror(e.errno.code));
            return false;
        }
    }

    private int ipaddr;

    /** A name is printed with its address: "localhost (127.0.0.1)". */
    private static String hostText(String host, int ip) {
        return Inet4.parse(host) != null ? host : host + " (" + Inet4.format(ip) + ")";
    }

    private void failed(String host, int port, String proto, String how, int errno) {
        if (!o.vflag) return;
        ctx.err().println("nc: connect to " + hostText(host, ipaddr) + " port " + port + " (" + proto + ") " + how + ": " + strerror(errno));
    }

    /** connection_info(). */
    private void connectionInfo(String host, int port, String proto) {
        String service = "*";
        if (!o.nflag) {
            String n = Services.name(port, proto);
            if (n != null) service = n;
        }
        ctx.err().println("Connection to " + hostText(host, ipaddr) + " " + port + " port [" + proto + "/" + service + "] succeeded!");
    }

    /** udptest(): two writes, then one a second for a few seconds; a port unreachable shows as ECONNREFUSED. */
    private int udptest(UdpSock s) {
        byte[] x = {'X'};
        if (s.send(x, 0, 1) != 1) return -1;
        if (s.send(x, 0, 1) == -Errno.ECONNREFUSED.code) return -1;
        int t = o.timeout == -1 ? UDP_SCAN_TIMEOUT : o.timeout / 1000;
        for (int i = 0; i < t; i++) {
            ctx.sleepUntil(ctx.emulation().now() + 1000 * MS);
            if (s.send(x, 0, 1) == -Errno.ECONNREFUSED.code) return -1;
        }
        return 1;
    }

    /**
     * readwrite() for a stream: standard input to the peer, then (with -q or -N) shutdown of our
     * side; the peer's bytes to stdout until it closes, -q seconds pass after end of input, or -w
     * seconds pass without traffic.
     */
    static void tcpReadwrite(ToolContext ctx, Nc.Opts o, TcpSock s) {
        String in = ctx.stdin();
        if (in != null && !in.isEmpty()) {
            byte[] b = in.getBytes(StandardCharsets.UTF_8);
            s.send(b, 0, b.length);
        }
        long now = ctx.emulation().now();
        long quit = o.qflag > 0 ? now + o.qflag * 1000L * MS : o.qflag == 0 ? now : Long.MAX_VALUE;
        if (o.qflag >= 0 || o.nShutdown) s.shutdownWrite();
        if (o.qflag == 0) return;
        long last = now;
        while (true) {
            long idle = o.timeout >= 0 ? last + o.timeout * MS : Long.MAX_VALUE;
            ctx.waitFor(s::readable, Math.min(quit, idle));
            if (s.available() > 0) {
                byte[] d = s.read(s.available());
                ctx.out().write(d, 0, d.length);
                ctx.out().flush();
                last = ctx.emulation().now();
                continue;
            }
            if (s.eof() || s.pendingError() != 0 || s.state() == TcpSock.CLOSE) return;
            long t = ctx.emulation().now();
            if (t >= quit || t >= idle) return;
        }
    }

    /**
     * readwrite() for datagrams: stdin as one datagram, then what comes back, until an error or -q/-w.
     * A failed write (EPERM from an OUTPUT drop) makes readwrite() stop reading stdin and drop its
     * buffer without the EOF that starts the -q timer: it then polls the socket alone, until -w's
     * idle timeout or for ever (fuzz, golden 431).
     */
    private void udpReadwrite(UdpSock s) {
        String in = ctx.stdin();
        boolean failed = false;
        if (in != null && !in.isEmpty()) {
            byte[] b = in.getBytes(StandardCharsets.UTF_8);
            failed = s.send(b, 0, b.length) < 0;
        }
        udpReceive(ctx, o, s, failed);
    }

    static void udpReceive(ToolContext ctx, Nc.Opts o, UdpSock s) { udpReceive(ctx, o, s, false); }

    static void udpReceive(ToolContext ctx, Nc.Opts o, UdpSock s, boolean writeFailed) {
        long now = ctx.emulation().now();
        long quit = writeFailed ? Long.MAX_VALUE
                : o.qflag > 0 ? now + o.qflag * 1000L * MS : o.qflag == 0 && !o.lflag ? now : Long.MAX_VALUE;
        if (quit == now) return;
        long last = now;
        while (true) {
            long idle = o.timeout >= 0 ? last + o.timeout * MS : Long.MAX_VALUE;
            ctx.waitFor(s::readable, Math.min(quit, idle));
            UdpSock.Datagram d = s.recv();
            if (d != null) {
                ctx.out().write(d.data(), 0, d.data().length);
                ctx.out().flush();
                last = ctx.emulation().now();
                continue;
            }
            if (s.takeError() != 0) return;
            long t = ctx.emulation().now();
            if (t >= quit || t >= idle) return;
        }
    }

    /** strerror() of glibc for the errno values sockets return. */
    static String strerror(int code) {
        switch (code) {
            case 32: return "Broken pipe";
            case 64: return "Machine is not on the network";
            case 71: return "Protocol error";
            case 115: return "Operation now in progress";
            default: break;
        }
        for (Errno e : Errno.values()) if (e.code == code) return e.message;
        return "Unknown error " + code;
    }
}
