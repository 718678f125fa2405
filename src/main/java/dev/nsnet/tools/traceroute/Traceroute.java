package dev.nsnet.tools.traceroute;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.ipv4.ProbeSocket;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Tcp;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ping.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code traceroute} of Debian 12 (Dmitry Butskoy's traceroute 2.1.2) for IPv4: the default
 * method (UDP datagrams to port 33434 and up, one more per probe) and {@code -I} (ICMP echo),
 * with {@code -n -q -w -m -f -N -p -z -i -s -F} and the packet length operand; {@code -T} and the
 * other methods are reported as not supported. Probes run on the virtual clock exactly as do_it()
 * schedules them (up to 16 in flight, each hop printed in order once its probes are done or have
 * expired, expiry after MAX seconds or HERE/NEAR times a known round trip), so silent hops print
 * {@code *} after the same waits. Round-trip times are the emulation's fixed per-reply cost.
 */
public final class Traceroute implements Tool {
    /** What a reply costs on the emulated host (the data path takes no virtual time); as ping's. */
    static final long REPLY_COST_NS = 30_000L;
    static final int DEF_START_PORT = 33434;
    static final double DEF_WAIT_PREC = 0.001;

    @Override
    public String name() { return "traceroute"; }

    @Override
    public int run(ToolContext ctx0, List<String> args) {
        PrintStream stdout = ctx0.fullyBufferedStdout();
        ToolContext ctx = ctx0.withStdout(stdout);
        int status;
        try {
            status = runInner(ctx, args);
        } catch (TracerouteOptions.Exit e) {
            stdout.flush();
            if (e.message != null) ctx.err().print(e.message + "\n");
            status = e.status;
        }
        stdout.flush();
        ctx.err().flush();
        return status;
    }

    private static int runInner(ToolContext ctx, List<String> args) {
        TracerouteOptions o = TracerouteOptions.parse(args);
        if (o.help) {
            ctx.err().print(help());
            return 0;
        }
        if (o.version) {
            ctx.out().print("Modern traceroute for Linux, version 2.1.2\n"
                    + "Copyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later\n");
            return 0;
        }
        if (o.host == null) {
            // CLIF: a missing mandatory argument
            throw new TracerouteOptions.Exit(2, "Expecting \"host\" cmdline argument");
        }
        java.util.regex.Matcher mapped = java.util.regex.Pattern.compile("(?i)::ffff:(\\d+\\.\\d+\\.\\d+\\.\\d+)").matcher(o.host);
        Long v4mapped = o.family != 4 && mapped.matches() ? Ping.inetAton(mapped.group(1)) : null;
        if (v4mapped == null && dev.nsnet.tools.nc.Nc.isIpv6Literal(o.host) && o.family != 4) {
            // getaddrinfo() takes the literal; connect() then fails: the recording host's scenarios
            // turn IPv6 off (nsnet has no IPv6 stack). The ICMP method fails before its header.
            if (o.module.equals("icmp")) ctx.out().print("\n");
            else ctx.out().print("traceroute to " + o.host + " (" + o.host + "), " + o.maxHops + " hops max, 80 byte packets\n");
            throw new TracerouteOptions.Exit(1, "connect: Cannot assign requested address");
        }
        // an IPv4 literal asked for as IPv6 (-6) or the reverse (-4 ::1): getaddrinfo's EAI_ADDRFAMILY
        if (o.family == 6 && v4mapped == null && Ping.inetAton(o.host) != null
                || o.family == 4 && dev.nsnet.tools.nc.Nc.isIpv6Literal(o.host)) {
            throw new TracerouteOptions.Exit(2, o.host + ": Address family for hostname not supported\n"
                    + "Cannot handle \"host\" cmdline arg `" + o.host + "' on position 1 (argc " + o.hostArgc + ")");
        }
        Long dst = v4mapped != null ? v4mapped : o.family == 6 ? null : Ping.inetAton(o.host);
        if (dst == null && o.host.equalsIgnoreCase("localhost") && o.family != 6) dst = 0x7f000001L;
        if (dst == null) {
            // a name with a colon is no DNS name: glibc fails at once (EAI_NONAME), no query sent
            throw new TracerouteOptions.Exit(2, o.host + (o.host.indexOf(':') >= 0 ? ": Name or service not known\n"
                    : ": Temporary failure in name resolution\n")
                    + "Cannot handle \"host\" cmdline arg `" + o.host + "' on position 1 (argc " + o.hostArgc + ")");
        }
        o.check();
        if (o.unsupported != null) {
            throw new TracerouteOptions.Exit(2, "traceroute: option " + o.unsupported + " is not supported by nsnet");
        }
        if (!o.module.equals("default") && !o.module.equals("icmp") && !o.module.equals("tcp")) {
            throw new TracerouteOptions.Exit(2, "traceroute: the " + o.module
                    + " method is not supported by nsnet (the default UDP method, -I and -T are)");
        }
        Run r = new Run(ctx, o, (int) (long) dst);
        try {
            return r.doIt();
        } finally {
            r.sock.close();
            if (r.holder != null) for (TcpSock h : r.holder) if (h != null) h.close();
        }
    }

    static String help() {
        try (InputStream in = Traceroute.class.getResourceAsStream("help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("traceroute help text missing", e);
        }
    }

    /** One traceroute run: the probes array and the do_it() loop. */
    private static final class Run {
        final ToolContext ctx;
        final TracerouteOptions o;
        final int dst;
        final boolean icmp;
        /** The TCP method (mod-tcp.c): SYN probes through a raw socket, each holding a bound port. */
        final boolean tcp;
        int tcpPort;
        byte[] tcpOpts;
        int tcpWindow;
        final TcpSock[] holder;
        final int q;
        final int numProbes;
        final int dataLen;
        final int headerLen;
        final ProbeSocket sock;
        // probe state (struct probe)
        final long[] sendTime, recvTime;
        final boolean[] sent, done, fin;
        final int[] res, recvTtl, keyA, keyB;
        final String[] err;
        int seq;
        final int ident;

        Run(ToolContext ctx, TracerouteOptions o, int dst) {
            this.ctx = ctx;
            this.o = o;
            this.dst = dst;
            this.icmp = o.module.equals("icmp");
            this.tcp = o.module.equals("tcp");
            this.q = (int) o.probesPerHop;
            this.numProbes = (int) (o.maxHops * o.probesPerHop);
            this.headerLen = Ipv4.HLEN + 8;
            int dl = 0;
            if (o.packetLen < 0) dl = 40 - 8;
            else if (o.packetLen >= headerLen) dl = (int) o.packetLen - headerLen;
            this.dataLen = dl;
            holder = tcp ? new TcpSock[numProbes] : null;
            sendTime = new long[numProbes];
            recvTime = new long[numProbes];
            sent = new boolean[numProbes];
            done = new boolean[numProbes];
            fin = new boolean[numProbes];
            res = new int[numProbes];
            recvTtl = new int[numProbes];
            keyA = new int[numProbes];
            keyB = new int[numProbes];
            err = new String[numProbes];
            sock = ProbeSocket.open(ctx.netns());
            sock.tos = (int) o.tos;
            sock.dontFragment = o.dontFragment;
            ident = ctx.process().pid & 0xffff;
            seq = o.port >= 0 ? (int) o.port : (icmp ? 1 : DEF_START_PORT);
        }

        /** error(): a newline and perror() on stderr, exit 1. */
        private TracerouteOptions.Exit error(String what, Errno e) {
            ctx.out().flush();
            ctx.err().print("\n" + what + ": " + e.message + "\n");
            return new TracerouteOptions.Exit(1, null);
        }

        /** tune_socket()'s bind_socket() and the method's connect(). */
        private void setup() {
            if (o.device != null) {
                try {
                    sock.bindToDevice(o.device);
                } catch (KernelException e) {
                    throw error("setsockopt SO_BINDTODEVICE", e.errno);
                }
            }
            if (o.source != null) {
                Long a = Ping.inetAton(o.source);
                try {
                    sock.bind(a == null ? 0 : (int) (long) a);
                } catch (KernelException e) {
                    throw error("bind", e.errno);
                }
            }
            try {
                sock.connect(dst);
            } catch (KernelException e) {
                throw error("connect", e.errno);
            }
            if (tcp) tcpInit();
        }

        /**
         * tcp_init(): the port (80 unless -p), the path MTU of the connected raw socket (at least
         * 576) less the IP and TCP headers as the MSS option and a quarter of the window, and the
         * options the namespace's sysctls enable (a sysctl counts only when it reads "1", so
         * tcp_ecn's default 2 adds no ECN flags).
         */
        private void tcpInit() {
            tcpPort = o.port >= 0 ? (int) o.port & 0xffff : 80;
            if (o.port == 0) tcpPort = 80;
            int mtu = sock.openTcp(dst);
            if (mtu < 576) mtu = 576;
            int mss = mtu - Ipv4.HLEN - Tcp.HLEN;
            tcpWindow = (4 * mss) & 0xffff;
            boolean sack = sysctlOne("net/ipv4/tcp_sack"), ts = sysctlOne("net/ipv4/tcp_timestamps");
            boolean ws = sysctlOne("net/ipv4/tcp_window_scaling");
            var opt = new java.io.ByteArrayOutputStream();
            opt.write(Tcp.OPT_MSS);
            opt.write(4);
            opt.write(mss >> 8);
            opt.write(mss & 0xff);
            if (ts) {
                opt.writeBytes(sack ? new byte[] {Tcp.OPT_SACK_PERM, 2} : new byte[] {Tcp.OPT_NOP, Tcp.OPT_NOP});
                opt.write(Tcp.OPT_TIMESTAMP);
                opt.write(10);
                opt.writeBytes(new byte[8]); // TSval (random, per run) and TSecr 0, filled below
            } else if (sack) {
                opt.writeBytes(new byte[] {Tcp.OPT_NOP, Tcp.OPT_NOP, Tcp.OPT_SACK_PERM, 2});
            }
            if (ws) opt.writeBytes(new byte[] {Tcp.OPT_NOP, Tcp.OPT_WINDOW, 3, 2});
            tcpOpts = opt.toByteArray();
            if (ts) {
                int tsval = ctx.emulation().random().nextInt();
                int p = tcpOpts.length - (ws ? 4 : 0) - 8;
                dev.nsnet.kernel.wire.Bytes.put32(tcpOpts, p, tsval);
            }
        }

        private boolean sysctlOne(String path) {
            var e = ctx.netns().sysctl.get(path);
            if (e == null) return false;
            String v = e.get().get();
            return !v.isEmpty() && v.charAt(0) == '1';
        }

        int doIt() {
            // the ICMP method opens, binds and connects its one raw socket in init, before the header
            if (icmp || tcp) setup();
            PrintStream out = ctx.out();
            int packetLen = tcp ? Ipv4.HLEN + Tcp.HLEN + tcpOpts.length : headerLen + dataLen;
            out.print("traceroute to " + o.host + " (" + Inet4.format(dst) + "), " + o.maxHops + " hops max, "
                    + packetLen + " byte packets");
            out.flush();
            int start = (int) ((o.firstHop - 1) * q);
            int end = numProbes;
            long lastSend = 0;
            boolean udpReady = false;
            while (start < end) {
                int num = 0;
                long nextTime = 0;
                long now = ctx.emulation().now();
                for (int n = start; n < end; n++) {
                    if (n == start && !done[n] && sent[n]) {
                        long expire = sendTime[n] + secs(timeout(n));
                        if (expire > now) {
                            nextTime = expire;
                        } else {
                            probeDone(n);
                            checkExpired(n);
                        }
                    }
                    if (done[n]) {
                        if (n == start) {
                            printProbe(n);
                            start++;
                        }
                        if (fin[n]) end = (n / q + 1) * q;
                        continue;
                    }
                    if (!sent[n]) {
                        if (o.sendSecs > 0 && lastSend != 0 && lastSend + secs(o.sendSecs) > now) {
                            nextTime = lastSend + secs(o.sendSecs);
                            break;
                        }
                        if (!icmp && !tcp && !udpReady) {
                            setup(); // each UDP probe's socket binds and connects; the first failure ends the run
                            udpReady = true;
                        }
                        send(n, n / q + 1);
                        lastSend = sendTime[n];
                    }
                    if (nextTime == 0) nextTime = sendTime[n] + secs(timeout(n));
                    num++;
                    if (num >= o.simProbes) break;
                }
                if (nextTime != 0) {
                    long wait = Math.max(0, nextTime - ctx.emulation().now());
                    long ms = (wait + 999_999) / 1_000_000; // poll() takes whole milliseconds, rounded up
                    ctx.waitFor(sock::readable, ctx.emulation().now() + ms * 1_000_000);
                    receive();
                }
            }
            out.print("\n");
            return 0;
        }

        private static long secs(double s) { return (long) Math.ceil(s * 1e9); }

        private void send(int n, int ttl) {
            int rc;
            if (icmp) {
                keyA[n] = ident;
                keyB[n] = seq & 0xffff;
                rc = sock.sendEcho(ident, seq & 0xffff, dst, dataLen, ttl);
            } else if (tcp) {
                // tcp_send_probe(): a stream socket bound to a free port holds the source port
                TcpSock h = TcpSock.open(ctx.netns(), ctx.process());
                try {
                    if (o.device != null) h.bindToDevice(o.device);
                    Long a = o.source == null ? null : Ping.inetAton(o.source);
                    h.bind(a == null ? 0 : (int) (long) a, 0);
                } catch (KernelException e) {
                    h.close();
                    throw error("bind", e.errno);
                }
                holder[n] = h;
                keyA[n] = h.localPort();
                keyB[n] = tcpPort;
                int isn = ctx.emulation().random().nextInt();
                rc = sock.sendTcp(h.localPort(), dst, tcpPort, isn, Tcp.SYN, tcpWindow, tcpOpts, ttl);
                if (rc < 0) {
                    h.close();
                    holder[n] = null;
                }
            } else {
                int sport = 32768 + ctx.emulation().random().nextInt(60999 - 32768 + 1);
                keyA[n] = sport;
                keyB[n] = seq & 0xffff;
                rc = sock.sendUdp(sport, dst, seq & 0xffff, dataLen, ttl);
            }
            seq++;
            if (rc < 0 && rc != -Errno.EMSGSIZE.code) {
                Errno e = Errno.EIO;
                for (Errno x : Errno.values()) if (x.code == -rc) e = x;
                throw error("send", e);
            }
            sent[n] = true;
            sendTime[n] = ctx.emulation().now();
        }

        /**
         * The replies that arrived, each matched to its probe by the embedded header. The UDP
         * method has a socket per probe and poll() reports them all at once; the ICMP method has
         * one raw socket, from which each poll round reads a single message (so while replies
         * are read one by one, the window of 16 probes in flight moves on and sends more).
         */
        private void receive() {
            ProbeSocket.Reply r;
            boolean first = true;
            while ((first || !(icmp || tcp)) && (r = sock.poll()) != null) {
                first = false;
                int n = match(r);
                if (n < 0 || done[n]) continue;
                recvTime[n] = r.time() + REPLY_COST_NS;
                recvTtl[n] = r.ttl();
                res[n] = r.from();
                if (r.type() == Icmp.ECHOREPLY || r.type() == ProbeSocket.TCP_REPLY) {
                    fin[n] = true;
                } else {
                    parseIcmpRes(n, r.type(), r.code(), r.info());
                }
                probeDone(n);
            }
        }

        /** probe_done(): the TCP method's port-holding socket is closed with it. */
        private void probeDone(int n) {
            done[n] = true;
            if (tcp && holder[n] != null) {
                holder[n].close();
                holder[n] = null;
            }
        }

        private int match(ProbeSocket.Reply r) {
            for (int n = 0; n < numProbes; n++) {
                if (!sent[n]) continue;
                if (tcp) {
                    // tcp_check_reply(): our port and the destination port, from the destination
                    if (r.innerProto() == Ipv4.PROTO_TCP && r.innerDst() == dst && r.innerDport() == keyB[n]
                            && r.innerSport() == keyA[n]) return n;
                } else if (icmp) {
                    if (r.innerProto() == Ipv4.PROTO_ICMP && r.echoId() == keyA[n] && r.echoSeq() == keyB[n]
                            && (r.type() == Icmp.ECHOREPLY ? r.from() == dst : r.innerDst() == dst)) return n;
                } else if (r.innerProto() == Ipv4.PROTO_UDP && r.type() != Icmp.ECHOREPLY && r.innerDst() == dst
                        && r.innerSport() == keyA[n] && r.innerDport() == keyB[n]) {
                    return n;
                }
            }
            return -1;
        }

        /** parse_icmp_res(). */
        private void parseIcmpRes(int n, int type, int code, int info) {
            String s = null;
            if (type == Icmp.TIME_EXCEEDED) {
                if (code == 0) return;
            } else if (type == Icmp.DEST_UNREACH) {
                s = switch (code) {
                    case 0, 6, 8, 11 -> "!N";
                    case 1, 7, 12 -> "!H";
                    case 9, 10, 13 -> "!X";
                    case 3 -> "";
                    case 2 -> "!P";
                    case 4 -> "!F-" + info;
                    case 5 -> "!S";
                    case 14 -> "!V";
                    case 15 -> "!C";
                    default -> "!<" + code + ">";
                };
            }
            if (s == null) s = "!<" + type + "-" + code + ">";
            if (!s.isEmpty()) err[n] = s;
            fin[n] = true;
        }

        /** get_timeout(): HERE times a reply of this hop, else NEAR times one further on, else MAX. */
        private double timeout(int n) {
            if (o.hereFactor != 0) {
                int first = n - (n % q);
                for (int i = first; i < first + q; i++) {
                    double v;
                    if (done[i] && (v = rtt(i)) > 0) return Math.min((v + DEF_WAIT_PREC) * o.hereFactor, o.waitSecs);
                }
            }
            if (o.nearFactor != 0) {
                for (int i = n + 1; i < numProbes && sent[i]; i++) {
                    double v;
                    if (done[i] && (v = rtt(i)) > 0) return Math.min((v + DEF_WAIT_PREC) * o.nearFactor, o.waitSecs);
                }
            }
            return o.waitSecs;
        }

        private double rtt(int i) { return recvTime[i] == 0 ? 0 : (recvTime[i] - sendTime[i]) / 1e9; }

        /** check_expired(): an expired probe may take the place of a final reply that came for a later one. */
        private void checkExpired(int idx) {
            int pfp = -1, fp = -1;
            for (int p = idx - (idx % q); p < idx; p++) {
                if (!done[p] || !fin[p]) return;
                pfp = p;
            }
            for (int p = idx + 1; p < numProbes && sent[p]; p++) {
                if (done[p]) {
                    if (!fin[p]) return;
                    fp = p;
                    break;
                }
            }
            if (fp < 0 || err[fp] == null) return;
            boolean replace = pfp >= 0 || (idx % q) + (fp - idx) < q;
            if (!replace) {
                for (int p = idx - 1; p >= 0; p--) {
                    if (res[p] != 0 && res[p] == res[fp]) {
                        replace = true;
                        break;
                    }
                }
            }
            if (!replace && recvTtl[fp] != 0) {
                int backHops = ttl2hops(recvTtl[fp]);
                for (int p = idx - 1; p >= 0; p--) {
                    if (done[p] && !fin[p] && recvTtl[p] != 0) {
                        int hops = ttl2hops(recvTtl[p]);
                        if (hops < backHops) {
                            backHops = (backHops - hops) + (p / q + 1);
                            break;
                        }
                    }
                }
                replace = backHops <= idx / q + 1;
            }
            if (!replace) return;
            sendTime[idx] = sendTime[fp];
            recvTime[idx] = recvTime[fp];
            sent[idx] = true;
            done[idx] = true;
            fin[idx] = fin[fp];
            res[idx] = res[fp];
            recvTtl[idx] = recvTtl[fp];
            err[idx] = err[fp];
            keyA[idx] = keyA[fp];
            keyB[idx] = keyB[fp];
            // the final one's old place is blanked and counts as sent long ago (no re-send)
            sendTime[fp] = 1;
            recvTime[fp] = 0;
            done[fp] = false;
            fin[fp] = false;
            res[fp] = 0;
            recvTtl[fp] = 0;
            err[fp] = null;
            keyA[fp] = keyB[fp] = -1;
        }

        private static int ttl2hops(int x) { return (x <= 64 ? 65 : x <= 128 ? 129 : 256) - x; }

        /** print_probe(). */
        private void printProbe(int idx) {
            PrintStream out = ctx.out();
            int ttl = idx / q + 1;
            int np = idx % q;
            StringBuilder sb = new StringBuilder();
            if (np == 0) sb.append(String.format(Locale.ROOT, "\n%2d ", ttl));
            if (res[idx] == 0) {
                sb.append(" *");
            } else {
                boolean prn = np == 0;
                if (np != 0) {
                    int p = idx - 1;
                    int k = np;
                    while (k != 0 && res[p] == 0) {
                        p--;
                        k--;
                    }
                    if (k == 0 || res[p] != res[idx]) prn = true;
                }
                if (prn) {
                    String a = Inet4.format(res[idx]);
                    if (o.numeric) sb.append(' ').append(a);
                    else sb.append(' ').append(res[idx] == 0x7f000001 ? "localhost" : a).append(" (").append(a).append(')');
                }
            }
            if (recvTime[idx] != 0) {
                sb.append(String.format(Locale.ROOT, "  %.3f ms", (recvTime[idx] - sendTime[idx]) / 1e6));
            }
            if (err[idx] != null) sb.append(' ').append(err[idx]);
            out.print(sb);
            out.flush();
        }
    }
}
