package dev.nsnet.tools.ss;

import dev.nsnet.kernel.ipv4.InetHashtables;
import dev.nsnet.kernel.ipv4.InetSock;
import dev.nsnet.kernel.ipv4.TcpInfo;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.ipv4.UdpSock;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.nc.Services;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ss} of iproute2 6.1 for the TCP and UDP sockets of the caller's namespace: {@code -t -u
 * -l -a -n -p -e -i -H}, a {@code state} filter and {@code sport}/{@code dport} comparisons, with
 * ss's column layout ({@link SsTable}). Listeners are listed before the other TCP sockets and
 * UDP before TCP, as ss dumps them.
 */
public final class Ss implements Tool {
    /** SS_* state bits. */
    static final int ALL = (1 << 12) - 2;
    static final int LISTEN_BITS = (1 << TcpSock.LISTEN) | (1 << TcpSock.CLOSE);
    static final int CONN = ALL & ~((1 << TcpSock.LISTEN) | (1 << TcpSock.CLOSE) | (1 << TcpSock.TIME_WAIT)
            | (1 << TcpSock.SYN_RECV));

    static final String USAGE_HEAD = "Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n";

    private boolean tcp, udp, numeric, procs, extended, info, memory, header = true;
    private int states = -1;

    /** A port comparison of the filter: sport/dport, operator, port. */
    private record PortCond(boolean src, String op, int port) {
        boolean test(int sport, int dport) {
            int p = src ? sport : dport;
            return switch (op) {
                case "=", "==", "eq" -> p == port;
                case "!=", "ne", "neq" -> p != port;
                case ">", "gt" -> p > port;
                case "<", "lt" -> p < port;
                case ">=", "ge", "geq" -> p >= port;
                case "<=", "le", "leq" -> p <= port;
                default -> false;
            };
        }
    }

    @Override
    public String name() { return "ss"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        Ss s = new Ss();
        return s.main(ctx, args);
    }

    private int main(ToolContext ctx, List<String> args) {
        boolean all = false, listening = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                switch (a) {
                    case "--tcp" -> tcp = true;
                    case "--udp" -> udp = true;
                    case "--numeric" -> numeric = true;
                    case "--all" -> all = true;
                    case "--listening" -> listening = true;
                    case "--processes" -> procs = true;
                    case "--extended" -> extended = true;
                    case "--info" -> info = true;
                    case "--memory" -> memory = true;
                    case "--no-header" -> header = false;
                    case "--ipv4" -> { }
                    case "--" -> {
                        rest.addAll(args.subList(i + 1, args.size()));
                        i = args.size();
                    }
                    default -> {
                        ctx.err().println("ss: unrecognized option '" + a + "'");
                        ctx.err().print(USAGE_HEAD + "   ...\n");
                        return 255;
                    }
                }
                continue;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                rest.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 't' -> tcp = true;
                    case 'u' -> udp = true;
                    case 'n' -> numeric = true;
                    case 'a' -> all = true;
                    case 'l' -> listening = true;
                    case 'p' -> procs = true;
                    case 'e' -> extended = true;
                    case 'i' -> info = true;
                    case 'm' -> memory = true;
                    case 'H' -> header = false;
                    case '4' -> { }
                    default -> {
                        if ("hVrosTbEZzNf6x0wSdMKODFA".indexOf(c) >= 0) {
                            ctx.err().println("ss: option -" + c + " is not supported by nsnet");
                            return 1;
                        }
                        ctx.err().println("ss: invalid option -- '" + c + "'");
                        ctx.err().print(USAGE_HEAD + "   ...\n");
                        return 255;
                    }
                }
            }
        }
        if (!tcp && !udp) {
            tcp = true;
            udp = true;
        }
        int st = all ? ALL : listening ? LISTEN_BITS : CONN;
        List<PortCond> conds = new ArrayList<>();
        int explicitStates = 0;
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (w.equals("state") || w.equals("exclude") || w.equals("excl")) {
                if (i + 1 >= rest.size()) return badFilter(ctx, w);
                int bits = stateBits(rest.get(++i));
                if (bits < 0) {
                    ctx.err().println("ss: wrong state name: " + rest.get(i));
                    return 255;
                }
                if (w.equals("state")) explicitStates |= bits;
                else st &= ~bits;
            } else if (w.equals("sport") || w.equals("dport") || w.equals("src") || w.equals("dst")) {
                if (!w.endsWith("port")) return unsupported(ctx, w);
                String op = "=";
                if (i + 1 < rest.size() && !rest.get(i + 1).startsWith(":")) op = rest.get(++i);
                if (i + 1 >= rest.size()) return badFilter(ctx, w);
                String p = rest.get(++i);
                if (!p.startsWith(":")) return badFilter(ctx, p);
                int port;
                try {
                    port = Integer.parseInt(p.substring(1));
                } catch (NumberFormatException e) {
                    int svc = Services.port(p.substring(1), "tcp");
                    if (svc < 0) return badFilter(ctx, p);
                    port = svc;
                }
                conds.add(new PortCond(w.equals("sport"), op, port));
            } else {
                return unsupported(ctx, w);
            }
        }
        if (explicitStates != 0) st = explicitStates;
        states = st;
        SsTable t = new SsTable();
        t.disabled[SsTable.NETID] = !(tcp && udp);
        t.disabled[SsTable.STATE] = Integer.bitCount(states) == 1;
        if (header) t.header();
        InetHashtables h = InetHashtables.of(ctx.netns());
        if (udp) {
            for (UdpSock s : h.udpSockets()) add(t, s, "udp", conds);
        }
        if (tcp) {
            List<TcpSock> socks = h.tcpSockets();
            for (TcpSock s : socks) if (s.state() == TcpSock.LISTEN) add(t, s, "tcp", conds);
            // a TCP socket that is only bound (CLOSE) is in no table inet_diag dumps
            for (TcpSock s : socks) if (s.state() != TcpSock.LISTEN && s.state() != TcpSock.CLOSE) add(t, s, "tcp", conds);
        }
        ctx.out().print(t.render());
        return 0;
    }

    private void add(SsTable t, InetSock s, String proto, List<PortCond> conds) {
        int state = s.state();
        if ((states & (1 << state)) == 0) return;
        for (PortCond c : conds) if (!c.test(s.num, s.dport)) return;
        String ext = "";
        boolean tw = state == TcpSock.TIME_WAIT;
        if (procs && s.owner != null && !tw && !s.owner.exited) {
            ext += " users:((\"" + (s.comm != null ? s.comm : s.owner.comm) + "\",pid=" + s.owner.pid + ",fd=" + s.fd + "))";
        }
        if (extended && !tw) {
            ext += " ino:" + s.ino + " sk:" + Long.toHexString(s.ino & 0xfff) + " <->";
        }
        boolean isTcp = s instanceof TcpSock;
        if ((memory || (info && isTcp)) && !tw && state != TcpSock.SYN_RECV) {
            ext += "\n\t";
            if (s instanceof TcpSock ts) {
                TcpInfo ti = ts.info();
                if (memory) ext += skmem(ti.rmemAlloc(), ti.rcvbuf(), ti.wmemAlloc(), ti.sndbuf(), ti.fwdAlloc(), ti.wmemQueued());
                if (info) ext += tcpInfo(ti, extended, numeric);
            } else if (s instanceof UdpSock us) {
                ext += skmem(us.recvQ(), sysctl(us, "net/core/rmem_default", 212992), us.sendQ(),
                        sysctl(us, "net/core/wmem_default", 212992), 0, 0);
            }
        }
        t.row(proto, TcpSock.stateName(state), String.format("%-6d", s.recvQ()), String.format("%-6d", s.sendQ()),
                Inet4.format(s.rcvSaddr) + ":", service(s.num, proto), Inet4.format(s.daddr) + ":",
                service(s.dport, proto), ext, "");
    }

    private static int sysctl(InetSock s, String path, int dflt) {
        var e = s.ns.sysctl.get(path);
        if (e == null) return dflt;
        try {
            return Integer.parseInt(e.get().get().trim());
        } catch (NumberFormatException x) {
            return dflt;
        }
    }

    /** print_skmeminfo(): SK_MEMINFO_* (options memory, backlog and drops are 0 in nsnet). */
    static String skmem(int r, int rb, int t, int tb, int f, int w) {
        return " skmem:(r" + r + ",rb" + rb + ",t" + t + ",tb" + tb + ",f" + f + ",w" + w + ",o0,bl0,d0)";
    }

    /** tcp_show_info() + tcp_stats_print(): the fields in ss's order, each only when set. */
    static String tcpInfo(TcpInfo i, boolean options, boolean numeric) {
        StringBuilder b = new StringBuilder();
        boolean listen = i.state() == TcpSock.LISTEN;
        if (options) {
            if (i.ts()) b.append(" ts");
            if (i.sack()) b.append(" sack");
        }
        if (i.cong() != null && !i.cong().isEmpty()) b.append(' ').append(i.cong());
        if (i.wscale()) b.append(" wscale:").append(i.sndWscale()).append(',').append(i.rcvWscale());
        if (i.rto() != 0 && i.rto() != 3_000_000) b.append(" rto:").append(g(i.rto() / 1000.0));
        if (i.backoff() != 0) b.append(" backoff:").append(i.backoff());
        double rtt = i.rtt() / 1000.0;
        if (rtt != 0) b.append(" rtt:").append(g(rtt)).append('/').append(g(i.rttvar() / 1000.0));
        if (i.ato() != 0) b.append(" ato:").append(g(i.ato() / 1000.0));
        if (i.sndMss() != 0) b.append(" mss:").append(i.sndMss());
        if (i.pmtu() != 0) b.append(" pmtu:").append(i.pmtu());
        if (i.rcvMss() != 0) b.append(" rcvmss:").append(i.rcvMss());
        if (i.advmss() != 0) b.append(" advmss:").append(i.advmss());
        if (i.sndCwnd() != 0) b.append(" cwnd:").append(i.sndCwnd());
        if (i.sndSsthresh() < 0xFFFF) b.append(" ssthresh:").append(i.sndSsthresh());
        if (i.bytesSent() != 0) b.append(" bytes_sent:").append(i.bytesSent());
        if (i.bytesRetrans() != 0) b.append(" bytes_retrans:").append(i.bytesRetrans());
        if (i.bytesAcked() != 0) b.append(" bytes_acked:").append(i.bytesAcked());
        if (i.bytesReceived() != 0) b.append(" bytes_received:").append(i.bytesReceived());
        if (i.segsOut() != 0) b.append(" segs_out:").append(i.segsOut());
        if (i.segsIn() != 0) b.append(" segs_in:").append(i.segsIn());
        if (i.dataSegsOut() != 0) b.append(" data_segs_out:").append(i.dataSegsOut());
        if (i.dataSegsIn() != 0) b.append(" data_segs_in:").append(i.dataSegsIn());
        if (!listen && "bbr".equals(i.cong())) {
            // nsnet's windows follow Reno's arithmetic: bw is the delivery rate, mrtt the minimum RTT
            b.append(" bbr:(bw:").append(bw(i.deliveryRate() * 8.0, numeric)).append("bps,mrtt:")
                    .append(g(Math.max(i.minRtt(), 0) / 1000.0)).append(')');
        }
        if (i.rtt() > 0 && i.sndMss() != 0 && i.sndCwnd() != 0) {
            b.append(" send ").append(bw((double) i.sndCwnd() * i.sndMss() * 8_000_000.0 / i.rtt(), numeric)).append("bps");
        }
        if (i.lastDataSent() != 0) b.append(" lastsnd:").append(i.lastDataSent());
        if (i.lastDataRecv() != 0) b.append(" lastrcv:").append(i.lastDataRecv());
        if (i.lastAckRecv() != 0) b.append(" lastack:").append(i.lastAckRecv());
        if (i.pacingRate() != 0 && i.pacingRate() != -1) b.append(" pacing_rate ").append(bw(i.pacingRate() * 8.0, numeric)).append("bps");
        if (i.deliveryRate() != 0) b.append(" delivery_rate ").append(bw(i.deliveryRate() * 8.0, numeric)).append("bps");
        if (i.delivered() != 0) b.append(" delivered:").append(i.delivered());
        if (i.appLimited() && !listen) b.append(" app_limited");
        if (i.busyTime() != 0) b.append(" busy:").append(i.busyTime() / 1000).append("ms");
        if (i.unacked() != 0) b.append(" unacked:").append(i.unacked());
        if (i.retrans() != 0 || i.totalRetrans() != 0) b.append(" retrans:").append(i.retrans()).append('/').append(i.totalRetrans());
        if (i.lost() != 0) b.append(" lost:").append(i.lost());
        if (i.sacked() != 0 && !listen) b.append(" sacked:").append(i.sacked());
        if (i.dsackDups() != 0) b.append(" dsack_dups:").append(i.dsackDups());
        if (i.reordering() != 3) b.append(" reordering:").append(i.reordering());
        if (i.rcvSpace() != 0) b.append(" rcv_space:").append(i.rcvSpace());
        if (i.rcvSsthresh() != 0) b.append(" rcv_ssthresh:").append(i.rcvSsthresh());
        if (i.notsentBytes() != 0) b.append(" notsent:").append(i.notsentBytes());
        if (i.minRtt() > 0) b.append(" minrtt:").append(g(i.minRtt() / 1000.0));
        if (i.rcvOoopack() != 0) b.append(" rcv_ooopack:").append(i.rcvOoopack());
        if (i.sndWnd() != 0) b.append(" snd_wnd:").append(i.sndWnd());
        return b.toString();
    }

    /** sprint_bw(): the number with -n, else three significant digits and k/M/G/T. */
    static String bw(double v, boolean numeric) {
        if (numeric) return String.format(java.util.Locale.ROOT, "%.0f", v);
        if (v >= 1e12) return cfmt(v / 1e12) + "T";
        if (v >= 1e9) return cfmt(v / 1e9) + "G";
        if (v >= 1e6) return cfmt(v / 1e6) + "M";
        if (v >= 1e3) return cfmt(v / 1e3) + "k";
        return g(v);
    }

    /** printf("%.3g"). */
    private static String cfmt(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        String s = d.stripTrailingZeros().toPlainString();
        return s;
    }

    /** printf("%g") for the values ss prints (six significant digits, no trailing zeros). */
    static String g(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6));
        return d.stripTrailingZeros().toPlainString();
    }

    /** resolve_service(): "*" for port 0, the /etc/services name unless -n, else the number. */
    private String service(int port, String proto) {
        if (port == 0) return "*";
        if (!numeric) {
            String n = Services.name(port, proto);
            if (n != null) return n;
        }
        return Integer.toString(port);
    }

    /** ss's state names for the filter (and the groups it knows). */
    static int stateBits(String name) {
        return switch (name) {
            case "all" -> ALL;
            case "connected" -> ALL & ~((1 << TcpSock.LISTEN) | (1 << TcpSock.CLOSE));
            case "synchronized" -> ALL & ~((1 << TcpSock.LISTEN) | (1 << TcpSock.CLOSE) | (1 << TcpSock.SYN_SENT));
            case "bucket" -> (1 << TcpSock.SYN_RECV) | (1 << TcpSock.TIME_WAIT);
            case "big" -> ALL & ~((1 << TcpSock.SYN_RECV) | (1 << TcpSock.TIME_WAIT));
            case "established" -> 1 << TcpSock.ESTABLISHED;
            case "syn-sent" -> 1 << TcpSock.SYN_SENT;
            case "syn-recv" -> 1 << TcpSock.SYN_RECV;
            case "fin-wait-1" -> 1 << TcpSock.FIN_WAIT1;
            case "fin-wait-2" -> 1 << TcpSock.FIN_WAIT2;
            case "time-wait" -> 1 << TcpSock.TIME_WAIT;
            case "closed", "unconnected" -> 1 << TcpSock.CLOSE;
            case "close-wait" -> 1 << TcpSock.CLOSE_WAIT;
            case "last-ack" -> 1 << TcpSock.LAST_ACK;
            case "listening", "listen" -> 1 << TcpSock.LISTEN;
            case "closing" -> 1 << TcpSock.CLOSING;
            default -> -1;
        };
    }

    private static int badFilter(ToolContext ctx, String w) {
        ctx.err().println("ss: bad filter near \"" + w + "\"");
        return 255;
    }

    private static int unsupported(ToolContext ctx, String w) {
        ctx.err().println("ss: filter \"" + w + "\" is not supported by nsnet");
        return 1;
    }
}
