package dev.nsnet.tools.ping;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.PingSocket;
import dev.nsnet.kernel.sched.Scheduler;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.BitSet;

/**
 * One ping run (ping4_run, setup, main_loop, pinger, parse_reply, receive_error_msg,
 * gather_statistics, finish of iputils 20221126) on the emulation's virtual clock: sends are
 * spaced by the token logic of pinger(), waits are {@code ctx.waitFor} (so ping blocks the same
 * way in the foreground and as a background job), and SIGALRM (the -w deadline and the linger
 * after the last probe) are timers; SIGINT (kill -INT, Ctrl-C) ends the loop like sigexit().
 */
final class PingLoop {
    static final long MS = 1_000_000L;
    /** MININTERVAL (ms). */
    static final int MININTERVAL = 10;
    /** sizeof(struct timeval): the payload bytes that carry the send time. */
    static final int TIMEVAL = 16;
    /**
     * The emulated per-reply latency in microseconds: the data path itself takes no virtual time,
     * so a fixed, deterministic cost stands for the kernel's work on a real host.
     */
    static final long REPLY_COST_US = 30;

    private final ToolContext ctx;
    private final PrintStream out;
    private final Scheduler sched;
    private final NetNamespace ns;
    private PingSocket sock;

    // options
    long npackets;
    int interval = 1000;
    int lingertime = 10_000;
    int deadline;
    int datalen = 56;
    int ttl;
    boolean optTtl;
    int preload = 1;
    int mark;
    int tos;
    int pmtudisc = -1;
    boolean quiet;
    boolean broadcastPings;
    boolean outstanding;
    /** -R: a record-route option (NOP + 39-byte RR) on every probe. */
    boolean recordRoute;
    private byte[] oldRr;
    /** -f: a dot per probe, a backspace per reply; interval 0 unless -i was given. */
    boolean flood;
    boolean optInterval;
    boolean adaptive;
    /** -D: "[seconds.micros] " before each line, from the virtual clock (the emulation has no wall clock). */
    boolean timestamps;
    private long rttAddend;
    boolean audible;
    /** -e: the identifier to use instead of a random one; -1 when not given. */
    int fixedIdent = -1;
    /** The target was an address: replies are not reverse-resolved (pr_addr with opt_numeric). */
    boolean numeric = true;
    /** The hops before the target when several hosts were given (an LSRR option), else null. */
    int[] sourceRoute;

    // state
    private String hostname;
    private int whereto;
    private int ident;
    private boolean multicast;
    private boolean timing;
    private long ntransmitted, nreceived, nrepeats, nchecksum, nerrors;
    private int acked;
    private int pipesize = -1;
    private long tmin = Long.MAX_VALUE, tmax;
    private double tsum, tsum2;
    private int rtt;
    private long startTime;
    private long curTime = -1;
    private long tokens;
    private long oomCount;
    private boolean exiting;
    private long waittime = -1;
    private final BitSet rcvd = new BitSet(0x10000);
    private byte[] outpack;

    PingLoop(ToolContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
        this.sched = ctx.emulation().scheduler;
        this.ns = ctx.netns();
    }

    void close() {
        if (sock != null) sock.close();
    }

    /** ping4_run() from socket setup to the end of main_loop(); returns the exit status. */
    int run(String target, int dst, String device, int source, boolean strictSource) {
        hostname = target;
        whereto = dst;
        ctx.onSignal(dev.nsnet.kernel.core.Task.SIGINT, () -> exiting = true);
        sock = PingSocket.open(ns, true);
        if (source == 0) {
            int oif = 0;
            if (device != null) oif = bindToDevice(device);
            try {
                source = PingSocket.probeSource(ns, sourceRoute != null ? sourceRoute[0] : whereto, oif, tos, mark, false);
            } catch (KernelException e) {
                if (e.errno != Errno.EACCES) Ping.error(ctx, 2, e.errno, "connect");
                if (!broadcastPings) {
                    Ping.error(ctx, 2, null, "Do you want to ping broadcast? Then -b. If not, check your local firewall rules");
                }
                out.flush();
                ctx.err().print("WARNING: pinging broadcast address\n");
                ctx.err().flush();
                try {
                    source = PingSocket.probeSource(ns, whereto, oif, tos, mark, true);
                } catch (KernelException e2) {
                    Ping.error(ctx, 2, e2.errno, "connect");
                }
            }
            if (device != null && !Ping.onDevice(ns, device, source)) {
                Ping.error(ctx, 0, null, "Warning: source address might be selected on device other than: " + device);
            }
        } else if (device != null) {
            bindToDevice(device);
        }
        if (whereto == 0) whereto = source;
        if (broadcastPings || Inet4.isMulticast(whereto)) {
            multicast = true;
            if (pmtudisc < 0) pmtudisc = PingSocket.PMTUDISC_DO;
        }
        if (pmtudisc >= 0) sock.pmtudisc = pmtudisc;
        if (strictSource) {
            try {
                sock.bind(source);
            } catch (KernelException e) {
                Ping.error(ctx, 2, e.errno, "bind");
            }
        }
        if (sourceRoute != null) {
            // IP_OPTIONS with a source route needs CAP_NET_RAW, which ping has dropped by now.
            Ping.error(ctx, 2, Errno.EPERM, "record route");
        }
        // ICMP_FILTER: only what ping cares about reaches it.
        sock.icmpFilter = ~((1 << Icmp.SOURCE_QUENCH) | (1 << Icmp.DEST_UNREACH) | (1 << Icmp.TIME_EXCEEDED)
                | (1 << Icmp.PARAMETERPROB) | (1 << Icmp.REDIRECT) | (1 << Icmp.ECHOREPLY));
        sock.recverr = true;
        sock.broadcast = broadcastPings;
        sock.tos = tos;
        sock.mark = mark;
        if (optTtl) {
            if (ttl == 0) Ping.error(ctx, 2, Errno.EINVAL, "cannot set unicast time-to-live");
            sock.ttl = ttl;
        }
        int optlen = 0;
        if (recordRoute) {
            byte[] rspace = new byte[40];
            rspace[0] = 1;  // IPOPT_NOP
            rspace[1] = 7;  // IPOPT_RR
            rspace[2] = 39;
            rspace[3] = 4;  // IPOPT_MINOFF
            sock.ipOptions = rspace;
            optlen = 40;
        }
        timing = datalen >= TIMEVAL;
        out.print("PING " + hostname + " (" + Inet4.format(whereto) + ") ");
        if (device != null || strictSource) {
            out.print("from " + Inet4.format(source) + " " + (device != null ? device : "") + ": ");
        }
        out.print(datalen + "(" + (datalen + 8 + optlen + 20) + ") bytes of data.\n");
        setup();
        return mainLoop();
    }

    private int bindToDevice(String device) {
        try {
            sock.bindToDevice(device);
        } catch (KernelException e) {
            Ping.error(ctx, 2, e.errno, "SO_BINDTODEVICE " + device);
        }
        return sock.boundIfindex;
    }

    /** The -p pattern: up to 16 bytes from pairs of hex digits, repeated over the payload. */
    private byte[] pattern;

    /** fill(): checks and prints the pattern (before the socket exists, as ping does). */
    void fill(String patp) {
        for (int i = 0; i < patp.length(); i++) {
            if (Character.digit(patp.charAt(i), 16) < 0) {
                Ping.error(ctx, 2, null, "patterns must be specified as hex digits: " + patp.substring(i));
            }
        }
        int n = Math.min(16, (patp.length() + 1) / 2);
        pattern = new byte[n];
        for (int i = 0; i < n; i++) {
            pattern[i] = (byte) Integer.parseInt(patp.substring(2 * i, Math.min(patp.length(), 2 * i + 2)), 16);
        }
        if (!quiet) {
            StringBuilder sb = new StringBuilder("PATTERN: 0x");
            for (byte x : pattern) sb.append(String.format("%02x", x & 0xff));
            out.print(sb.append('\n'));
        }
    }

    /** setup(): the payload pattern, the identifier, the clock and the -w alarm. */
    private void setup() {
        if (datalen + 8 <= 0xffff) {
            outpack = new byte[8 + datalen];
            for (int i = 0; i < datalen; i++) {
                outpack[8 + i] = pattern == null || pattern.length == 0 ? (byte) i : pattern[i % pattern.length];
            }
        } else {
            outpack = null;
        }
        if (flood && !optInterval) interval = 0;
        ident = fixedIdent >= 0 ? fixedIdent : ctx.emulation().random().nextInt(0x10000);
        startTime = sched.now();
        if (deadline > 0) {
            Timer alarm = sched.newTimer(() -> exiting = true);
            alarm.mod(startTime + deadline * 1000L * MS);
            alarms[0] = alarm;
        }
    }

    private final Timer[] alarms = new Timer[2];

    private long inFlight() {
        int diff = ((int) ntransmitted - acked) & 0xffff;
        return diff <= 0x7fff ? diff : ntransmitted - nreceived - nerrors;
    }

    private void acknowledge(int seq) {
        int diff = ((int) ntransmitted - seq) & 0xffff;
        if (diff <= 0x7fff) {
            if (diff + 1 > pipesize) pipesize = diff + 1;
            if ((short) (seq - acked) > 0 || (((int) ntransmitted - acked) & 0xffff) > 0x7fff) acked = seq & 0xffff;
        }
    }

    private void advanceNtransmitted() {
        ntransmitted++;
        if ((((int) ntransmitted - acked) & 0xffff) > 0x7fff) acked = ((int) ntransmitted + 1) & 0xffff;
    }

    private int mainLoop() {
        try {
            while (true) {
                if (exiting) break;
                if (npackets != 0 && nreceived + nerrors >= npackets) break;
                if (deadline != 0 && nerrors != 0) break;
                long next;
                do {
                    next = pinger();
                    next = scheduleExit(next);
                    // A flood (interval 0) is paced by round trips on a real host. The emulated data
                    // path takes no virtual time, so charge each immediate re-send one emulated RTT;
                    // otherwise time would never pass and -w or the line timeout could never fire.
                    if (next <= 0 && interval == 0) ctx.sleepUntil(sched.now() + REPLY_COST_US * 1000);
                } while (next <= 0);
                long until = sched.now() + next * MS;
                ctx.waitFor(() -> exiting || sock.readable(), until);
                // The recvmsg() loop: back to the top (and its exit checks) once nothing is in flight.
                PingSocket.Message m;
                while (!exiting && (m = sock.poll()) != null) {
                    if (m instanceof PingSocket.ErrorMsg e) receiveErrorMsg(e);
                    else parseReply((PingSocket.Datagram) m);
                    if (inFlight() == 0) break;
                }
                if (!sock.readable() && inFlight() == 0 && npackets != 0 && ntransmitted >= npackets
                        && nreceived + nerrors < npackets && !exiting && sched.nextEventTime() == Long.MAX_VALUE
                        && waittime == 0) {
                    break; // nothing can ever arrive and no alarm is armed: a real ping would hang here
                }
            }
        } finally {
            for (Timer t : alarms) if (t != null) t.del();
        }
        return finish();
    }

    /** pinger(): sends the probe that is due; returns ms until the next one. */
    private long pinger() {
        if (exiting || (npackets != 0 && ntransmitted >= npackets && deadline == 0)) return 1000;
        long now = sched.now();
        if (curTime < 0) {
            curTime = now;
            tokens = (long) interval * (preload - 1);
        } else {
            long ntokens = (now - curTime) / MS;
            if (interval == 0) {
                if (ntokens < MININTERVAL && inFlight() >= preload) return MININTERVAL - ntokens;
            }
            ntokens += tokens;
            long tmp = (long) interval * preload;
            if (tmp < ntokens) ntokens = tmp;
            if (ntokens < interval) return interval - ntokens;
            curTime = now;
            tokens = ntokens - interval;
        }
        if (outstanding && ntransmitted > 0 && !rcvd.get((int) (ntransmitted & 0xffff))) {
            printTimestamp();
            out.print("no answer yet for icmp_seq=" + (ntransmitted % 0x10000) + "\n");
            out.flush();
        }
        int rc = sendProbe();
        if (rc == 0) {
            oomCount = 0;
            advanceNtransmitted();
            if (!quiet && flood) {
                out.print(".");
                out.flush();
            }
            return interval - tokens;
        }
        int i;
        if (rc == -Errno.ENOBUFS.code || rc == -Errno.ENOMEM.code) {
            // Device queue overflow: retry soon, and only give up after the linger time.
            tokens = 0;
            rttAddend += rtt < 8 * 50000 ? rtt / 8 : 50000;
            if (adaptive) updateInterval();
            long nores = Math.max(interval / 2, MININTERVAL);
            if (nores > 500) nores = 500;
            oomCount++;
            if (oomCount * nores < lingertime) return nores;
            i = 0;
        } else {
            i = receiveErrorOnSend();
            if (i > 0) i = 0;
        }
        // A hard local error: pretend the packet was sent.
        advanceNtransmitted();
        if (i == 0 && !quiet) {
            if (flood) {
                out.print("E");
                out.flush();
            } else {
                Ping.error(ctx, 0, errnoOf(-rc), "sendmsg");
            }
        }
        tokens = 0;
        return Math.max(interval, MININTERVAL);
    }

    private static Errno errnoOf(int code) {
        for (Errno e : Errno.values()) if (e.code == code) return e;
        return Errno.EINVAL;
    }

    /** ping4_send_probe(): echo request with the send time in the payload. */
    private int sendProbe() {
        int seq = (int) ((ntransmitted + 1) & 0xffff);
        rcvd.clear(seq);
        if (outpack == null) return -Errno.EMSGSIZE.code;
        byte[] p = outpack;
        p[0] = (byte) Icmp.ECHO;
        p[1] = 0;
        Bytes.put16(p, 4, ident);
        Bytes.put16(p, 6, seq);
        if (timing) {
            long t = sched.now() / 1000; // struct timeval, little-endian as on x86_64
            putLe64(p, 8, t / 1_000_000);
            putLe64(p, 16, t % 1_000_000);
        }
        Icmp.setChecksum(p, 0, p.length);
        return sock.sendto(p, p.length, whereto);
    }

    private static void putLe64(byte[] b, int o, long v) {
        for (int i = 0; i < 8; i++) b[o + i] = (byte) (v >>> (8 * i));
    }

    private static long getLe64(byte[] b, int o) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[o + i] & 0xff);
        return v;
    }

    /** __schedule_exit(): after the last probe, wait for 2*tmax (at least -i), or -W without replies. */
    private long scheduleExit(long next) {
        if (npackets == 0 || ntransmitted < npackets || deadline != 0) return next;
        if (waittime >= 0) return next;
        if (nreceived != 0) {
            waittime = 2 * tmax;
            if (waittime < 1000L * interval) waittime = 1000L * interval;
        } else {
            waittime = lingertime * 1000L;
        }
        if (next < 0 || next < waittime / 1000) next = waittime / 1000;
        if (waittime > 0) {
            Timer alarm = sched.newTimer(() -> exiting = true);
            alarm.mod(sched.now() + waittime * 1000L);
            alarms[1] = alarm;
        }
        return next;
    }

    /** The error-queue read ping does after a failed sendmsg(); same return convention. */
    private int receiveErrorOnSend() {
        PingSocket.ErrorMsg e = sock.pollError();
        if (e == null) return -1;
        return receiveErrorMsg(e);
    }

    /** ping4_receive_error_msg(): local errors and ICMP errors about our probes. */
    private int receiveErrorMsg(PingSocket.ErrorMsg e) {
        if (e.origin() == PingSocket.ORIGIN_LOCAL) {
            if (quiet) return -1;
            if (flood) {
                out.print("E");
                out.flush();
            } else if (e.errno() != Errno.EMSGSIZE.code) {
                Ping.error(ctx, 0, null, "local error: " + errnoOf(e.errno()).message);
            } else {
                Ping.error(ctx, 0, null, "local error: message too long, mtu=" + e.info());
            }
            nerrors++;
            return -1;
        }
        byte[] pl = e.payload();
        if (pl.length < 8 || e.target() != whereto || (pl[0] & 0xff) != Icmp.ECHO || Icmp.id(pl, 0) != ident) {
            return 0;
        }
        int seq = Icmp.seq(pl, 0);
        acknowledge(seq);
        nerrors++;
        if (quiet) return 1;
        if (flood) {
            out.print("\bE");
            out.flush();
            return 1;
        }
        printTimestamp();
        out.print("From " + prAddr(e.offender()) + " icmp_seq=" + seq + " ");
        prIcmph(e.type(), e.code(), e.info(), false);
        out.flush();
        return 1;
    }

    /** ping4_parse_reply() on a raw socket's datagram. */
    private void parseReply(PingSocket.Datagram d) {
        byte[] buf = d.data();
        int hlen = d.icmpOffset();
        int cc = buf.length;
        if (cc < hlen + 8) return;
        int replyTtl = d.ttl();
        int icmpLen = cc - hlen;
        boolean csfailed = Bytes.checksum(buf, hlen, icmpLen) != 0;
        int type = buf[hlen] & 0xff;
        if (type == Icmp.ECHOREPLY) {
            if (Icmp.id(buf, hlen) != ident) return;
            boolean wrongSource = !broadcastPings && !multicast && d.from() != whereto;
            if (gatherStatistics(buf, hlen, icmpLen, Icmp.seq(buf, hlen), replyTtl, csfailed, d.time(), d.from(),
                    wrongSource)) {
                out.flush();
                return;
            }
            if (audible) out.print("\u0007");
            if (!quiet && !flood) {
                prOptions(buf, hlen);
                out.print("\n");
                out.flush();
            }
            return;
        }
        switch (type) {
            case Icmp.SOURCE_QUENCH, Icmp.REDIRECT, Icmp.DEST_UNREACH, Icmp.TIME_EXCEEDED, Icmp.PARAMETERPROB -> {
                int iph = hlen + 8;
                if (cc < hlen + 8 + 20 + 8) return;
                int ihl = (buf[iph] & 0x0f) * 4;
                if (cc < hlen + 8 + ihl + 8) return;
                int icp1 = iph + ihl;
                if ((buf[icp1] & 0xff) != Icmp.ECHO || Bytes.i32(buf, iph + 16) != whereto || Icmp.id(buf, icp1) != ident) {
                    return;
                }
                int seq = Icmp.seq(buf, icp1);
                if (type != Icmp.REDIRECT && type != Icmp.SOURCE_QUENCH) {
                    acknowledge(seq);
                    return;
                }
                if (quiet || flood) return;
                printTimestamp();
                out.print("From " + prAddr(d.from()) + ": icmp_seq=" + seq + " ");
                if (csfailed) out.print("(BAD CHECKSUM)");
                prIcmph(type, buf[hlen + 1] & 0xff, Bytes.i32(buf, hlen + 4), true);
            }
            default -> { }
        }
    }

    /** gather_statistics(): counts the reply and prints its line (without the final newline). */
    private boolean gatherStatistics(byte[] buf, int icmpOff, int cc, int seq, int hops, boolean csfailed,
                                     long recvTime, int from, boolean wrongSource) {
        boolean dupflag;
        long triptime = 0;
        nreceived++;
        if (!csfailed) acknowledge(seq);
        if (timing && cc >= 8 + TIMEVAL) {
            long sec = getLe64(buf, icmpOff + 8);
            long usec = getLe64(buf, icmpOff + 16);
            long recvUs = recvTime / 1000;
            triptime = recvUs - (sec * 1_000_000 + usec) + REPLY_COST_US;
            if (triptime < 0) triptime = 0;
            if (!csfailed) {
                tsum += triptime;
                tsum2 += (double) (triptime * triptime);
                if (triptime < tmin) tmin = triptime;
                if (triptime > tmax) tmax = triptime;
                if (rtt == 0) rtt = (int) (triptime * 8);
                else rtt += (int) (triptime - rtt / 8);
                if (adaptive) updateInterval();
            }
        }
        if (csfailed) {
            nchecksum++;
            nreceived--;
            dupflag = false;
        } else if (rcvd.get(seq)) {
            nrepeats++;
            nreceived--;
            dupflag = true;
        } else {
            rcvd.set(seq);
            dupflag = false;
        }
        if (quiet) return true;
        if (flood) {
            out.print(csfailed ? "\bC" : "\b \b");
            out.flush();
            return false;
        }
        printTimestamp();
        StringBuilder sb = new StringBuilder();
        sb.append(cc).append(" bytes from ").append(prAddr(from)).append(':');
        sb.append(" icmp_seq=").append(seq);
        if (hops >= 0) sb.append(" ttl=").append(hops);
        if (cc < datalen + 8) {
            sb.append(" (truncated)\n");
            out.print(sb);
            return true;
        }
        if (timing) sb.append(" time=").append(formatTime(triptime)).append(" ms");
        if (dupflag && !multicast) sb.append(" (DUP!)");
        if (csfailed) sb.append(" (BAD CHECKSUM!)");
        if (wrongSource) sb.append(" (DIFFERENT ADDRESS!)");
        out.print(sb);
        return false;
    }

    /** pr_addr(): "name (address)" when the address has a name and the target was not numeric. */
    private String prAddr(int a) {
        String name = numeric || exiting ? null : PingHosts.reverse(a);
        return name != null ? name + " (" + Inet4.format(a) + ")" : Inet4.format(a);
    }

    /** pr_options(): NOPs and the record-route list of a reply's IP header (other options are not decoded). */
    private void prOptions(byte[] b, int hlen) {
        int totlen = hlen - 20;
        int p = 20;
        while (totlen > 0) {
            int t = b[p] & 0xff;
            if (t == 0) break;
            if (t == 1) {
                totlen--;
                p++;
                out.print("\nNOP");
                continue;
            }
            int olen = b[p + 1] & 0xff;
            if (olen < 2 || olen > totlen) break;
            if (t == 7) {
                int j = olen;
                int i = b[p + 2] & 0xff;
                if (i > j) i = j;
                i -= 4;
                if (i > 0) {
                    byte[] cur = java.util.Arrays.copyOfRange(b, p + 2, p + 2 + i);
                    if (oldRr != null && java.util.Arrays.equals(cur, oldRr) && !flood) {
                        out.print("\t(same route)");
                    } else {
                        oldRr = cur;
                        out.print("\nRR: ");
                        int c = p + 3;
                        while (true) {
                            int a = Bytes.i32(b, c);
                            c += 4;
                            out.print(a == 0 ? "\t0.0.0.0" : "\t" + prAddr(a));
                            i -= 4;
                            out.print("\n");
                            if (i <= 0) break;
                        }
                    }
                }
            } else {
                out.print("\nunknown option " + Integer.toHexString(t));
            }
            totlen -= olen;
            p += olen;
        }
    }

    /** update_interval() of -A: the interval follows the smoothed RTT (root has no 2 ms floor). */
    private void updateInterval() {
        long est = rtt != 0 ? rtt / 8 : interval * 1000L;
        interval = (int) ((est + rttAddend + 500) / 1000);
    }

    /** print_timestamp(). */
    private void printTimestamp() {
        if (!timestamps) return;
        long us = sched.now() / 1000;
        out.print(String.format("[%d.%06d] ", us / 1_000_000, us % 1_000_000));
    }

    /** The " time=%s ms" of gather_statistics(): 3, 2, 1 or 0 decimals as the value grows. */
    static String formatTime(long t) {
        if (t >= 100000 - 50) return Long.toString((t + 500) / 1000);
        if (t >= 10000 - 5) return (t + 50) / 1000 + "." + ((t + 50) % 1000) / 100;
        if (t >= 1000) return (t + 5) / 1000 + "." + String.format("%02d", ((t + 5) % 1000) / 10);
        return t / 1000 + "." + String.format("%03d", t % 1000);
    }

    /** pr_icmph(): the description of an ICMP type/code, with its newline. */
    private void prIcmph(int type, int code, int info, boolean fromPacket) {
        String s = switch (type) {
            case Icmp.ECHOREPLY -> "Echo Reply";
            case Icmp.DEST_UNREACH -> switch (code) {
                case 0 -> "Destination Net Unreachable";
                case 1 -> "Destination Host Unreachable";
                case 2 -> "Destination Protocol Unreachable";
                case 3 -> "Destination Port Unreachable";
                case 4 -> "Frag needed and DF set (mtu = " + (info & 0xffffffffL) + ")";
                case 5 -> "Source Route Failed";
                case 6 -> "Destination Net Unknown";
                case 7 -> "Destination Host Unknown";
                case 8 -> "Source Host Isolated";
                case 9 -> "Destination Net Prohibited";
                case 10 -> "Destination Host Prohibited";
                case 11 -> "Destination Net Unreachable for Type of Service";
                case 12 -> "Destination Host Unreachable for Type of Service";
                case 13 -> "Packet filtered";
                case 14 -> "Precedence Violation";
                case 15 -> "Precedence Cutoff";
                default -> "Dest Unreachable, Bad Code: " + code;
            };
            case Icmp.SOURCE_QUENCH -> "Source Quench";
            case Icmp.REDIRECT -> (switch (code) {
                case 0 -> "Redirect Network";
                case 1 -> "Redirect Host";
                case 2 -> "Redirect Type of Service and Network";
                case 3 -> "Redirect Type of Service and Host";
                default -> "Redirect, Bad Code: " + code;
            }) + "(New nexthop: " + Inet4.format(info) + ")";
            case Icmp.ECHO -> "Echo Request";
            case Icmp.TIME_EXCEEDED -> switch (code) {
                case 0 -> "Time to live exceeded";
                case 1 -> "Frag reassembly time exceeded";
                default -> "Time exceeded, Bad Code: " + code;
            };
            case Icmp.PARAMETERPROB -> "Parameter problem: pointer = " + (fromPacket ? (info >>> 24) : info);
            default -> "Bad ICMP type: " + type;
        };
        out.print(s + "\n");
    }

    /** finish(): the statistics block; returns the exit status. */
    private int finish() {
        long tv = curTime < 0 ? 0 : curTime - startTime;
        out.print("\n");
        out.print("--- " + hostname + " ping statistics ---\n");
        StringBuilder sb = new StringBuilder();
        sb.append(ntransmitted).append(" packets transmitted, ").append(nreceived).append(" received");
        if (nrepeats != 0) sb.append(", +").append(nrepeats).append(" duplicates");
        if (nchecksum != 0) sb.append(", +").append(nchecksum).append(" corrupted");
        if (nerrors != 0) sb.append(", +").append(nerrors).append(" errors");
        if (ntransmitted != 0) {
            float loss = (float) (((ntransmitted - nreceived) * 100.0) / ntransmitted);
            sb.append(", ").append(formatG(loss)).append("% packet loss");
            long sec = tv / 1_000_000_000L;
            long nsec = tv % 1_000_000_000L;
            sb.append(", time ").append(1000 * sec + (nsec + 500000) / 1000000).append("ms");
        }
        sb.append('\n');
        String comma = "";
        if (nreceived != 0 && timing) {
            long total = nreceived + nrepeats;
            long tmavg = (long) (tsum / total);
            long tmvar;
            if (tsum < Integer.MAX_VALUE) tmvar = (long) ((tsum2 - ((tsum * tsum) / total)) / total);
            else tmvar = (long) ((tsum2 / total) - (tmavg * tmavg));
            long tmdev = llsqrt(tmvar);
            sb.append(String.format("rtt min/avg/max/mdev = %d.%03d/%d.%03d/%d.%03d/%d.%03d ms",
                    tmin / 1000, tmin % 1000, tmavg / 1000, tmavg % 1000, tmax / 1000, tmax % 1000,
                    tmdev / 1000, tmdev % 1000));
            comma = ", ";
        }
        if (pipesize > 1) {
            sb.append(comma).append("pipe ").append(pipesize);
            comma = ", ";
        }
        if (nreceived != 0 && (interval == 0 || flood || adaptive) && ntransmitted > 1) {
            long sec = tv / 1_000_000_000L;
            long nsec = tv % 1_000_000_000L;
            int ipg = (int) ((1000000L * sec + nsec / 1000) / (ntransmitted - 1));
            sb.append(String.format("%sipg/ewma %d.%03d/%d.%03d ms", comma, ipg / 1000, ipg % 1000, rtt / 8000,
                    (rtt / 8) % 1000));
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
        return (nreceived == 0 || (deadline != 0 && nreceived < npackets)) ? 1 : 0;
    }

    private static long llsqrt(long a) {
        long prev = Long.MAX_VALUE;
        long x = a;
        if (x > 0) {
            while (x < prev) {
                prev = x;
                x = (x + (a / x)) / 2;
            }
        }
        return x;
    }

    /** printf's %g (6 significant digits, trailing zeros dropped) for the loss percentage. */
    static String formatG(float f) {
        if (f == 0) return "0";
        BigDecimal d = new BigDecimal(f).round(new MathContext(6));
        return d.stripTrailingZeros().toPlainString();
    }
}
