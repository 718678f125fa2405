package dev.nsnet.tools.tcpdump;

import dev.nsnet.kernel.core.Capture;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.core.Task;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * tcpdump 4.99.3 (tcpdump.c) with libpcap 1.10's Linux capture (pcap-linux.c): opens a packet
 * tap ({@link Capture}) on one device or {@code any} of the calling process's network namespace,
 * prints each frame in tcpdump's format or writes it to a pcap file ({@code -w}), reads a pcap
 * file back ({@code -r}), and ends after {@code -c N} frames or at SIGINT/SIGTERM/SIGHUP with
 * the three statistics lines on stderr. Timestamps come from the virtual clock: 0 is
 * 1970-01-01 00:00:00 UTC (docs/tcpdump.md).
 */
public final class Tcpdump implements Tool {
    static final String VERSION = "tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n";
    static final String USAGE = """
            Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
            \t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
            \t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
            \t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
            \t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
            \t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
            \t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
            \t\t[ -z postrotate-command ] [ -Z user ] [ expression ]
            """;
    /** Options of tcpdump's getopt string that take an argument. */
    private static final String WITH_ARG = "BcCEFGiMmrsTVwWyzZQj";
    /** Options nsnet models (the others are refused with a clear message). */
    private static final String SUPPORTED = "ceilnpqrstvwxSUX#";
    static final int MAXIMUM_SNAPLEN = 262144;

    @Override
    public String name() { return "tcpdump"; }

    /** A user error: the message (already with "tcpdump: ") and the exit status. */
    static final class Exit extends Exception {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    static final class Opts {
        final PrintOptions p = new PrintOptions();
        int tflag;
        long count = -1;
        String device, rfile, wfile;
        int snaplen = MAXIMUM_SNAPLEN;
        boolean lineBuffered, packetBuffered, immediate;
        String filter = "";
    }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        try {
            Opts o = parse(ctx, args);
            if (o == null) return 0;
            return o.rfile != null ? read(ctx, o) : live(ctx, o);
        } catch (Exit e) {
            ctx.err().flush();
            return e.status;
        }
    }

    private static Exit fail(ToolContext ctx, String msg) {
        ctx.err().print("tcpdump: " + msg + "\n");
        ctx.err().flush();
        return new Exit(1);
    }

    private static Exit usage(ToolContext ctx, String msg) {
        ctx.err().print("tcpdump: " + msg + "\n" + VERSION + USAGE);
        ctx.err().flush();
        return new Exit(1);
    }

    private Opts parse(ToolContext ctx, List<String> args) throws Exit {
        Opts o = new Opts();
        int i = 0;
        StringBuilder filter = new StringBuilder();
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String val = null;
                int eq = name.indexOf('=');
                if (eq >= 0) { val = name.substring(eq + 1); name = name.substring(0, eq); }
                switch (name) {
                    case "immediate-mode" -> o.immediate = true;
                    case "print" -> { }
                    case "version" -> {
                        ctx.out().print(VERSION);
                        ctx.out().flush();
                        return null;
                    }
                    case "help" -> {
                        ctx.out().print(VERSION + USAGE);
                        ctx.out().flush();
                        return null;
                    }
                    case "interface", "count" -> {
                        if (val == null) {
                            if (i + 1 >= args.size()) throw usage(ctx, "option '--" + name + "' requires an argument");
                            val = args.get(++i);
                        }
                        if (name.equals("interface")) o.device = val;
                        else o.count = count(ctx, val);
                    }
                    default -> throw usage(ctx, "unrecognized option '" + a + "'");
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                if (filter.length() > 0) filter.append(' ');
                filter.append(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                String val = null;
                if (WITH_ARG.indexOf(c) >= 0) {
                    if (k + 1 < a.length()) val = a.substring(k + 1);
                    else if (i + 1 < args.size()) val = args.get(++i);
                    else throw usage(ctx, "option requires an argument -- '" + c + "'");
                    k = a.length();
                } else if ("AbdDefhHIJKlLnNOpqStuUvxX#".indexOf(c) < 0) {
                    throw usage(ctx, "invalid option -- '" + c + "'");
                }
                if (c == 'h') {
                    ctx.out().print(VERSION + USAGE);
                    ctx.out().flush();
                    return null;
                }
                if (SUPPORTED.indexOf(c) < 0) throw fail(ctx, "option -" + c + " is not supported by nsnet");
                switch (c) {
                    case 'c' -> o.count = count(ctx, val);
                    case 'e' -> o.p.eflag = true;
                    case 'i' -> o.device = val;
                    case 'l' -> o.lineBuffered = true;
                    case 'n' -> o.p.nflag++;
                    case 'p', '#' -> { }
                    case 'q' -> o.p.qflag = true;
                    case 'r' -> o.rfile = val;
                    case 's' -> o.snaplen = snaplen(ctx, val);
                    case 'S' -> o.p.sflagAbsolute = true;
                    case 't' -> o.tflag++;
                    case 'U' -> o.packetBuffered = true;
                    case 'v' -> o.p.vflag++;
                    case 'w' -> o.wfile = val;
                    case 'x' -> o.p.xflag++;
                    case 'X' -> o.p.bigXflag++;
                    default -> { }
                }
            }
        }
        for (; i < args.size(); i++) {
            if (filter.length() > 0) filter.append(' ');
            filter.append(args.get(i));
        }
        o.filter = filter.toString();
        return o;
    }

    private static long count(ToolContext ctx, String v) throws Exit {
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0 || n > Integer.MAX_VALUE) throw fail(ctx, "invalid packet count " + v);
        return n;
    }

    private static int snaplen(ToolContext ctx, String v) throws Exit {
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > MAXIMUM_SNAPLEN) throw fail(ctx, "invalid snaplen " + v + " (must be >= 0 and <= " + MAXIMUM_SNAPLEN + ")");
        return n == 0 ? MAXIMUM_SNAPLEN : (int) n;
    }

    private static FilterExpr.Node compile(ToolContext ctx, String text, boolean sll2) throws Exit {
        try {
            return FilterExpr.parse(text, sll2);
        } catch (FilterExpr.FilterError e) {
            throw fail(ctx, e.getMessage());
        }
    }

    private static String linkName(int linktype) {
        return linktype == PcapFile.LINKTYPE_LINUX_SLL2 ? "LINUX_SLL2 (Linux cooked v2)" : "EN10MB (Ethernet)";
    }

    // ------------------------------------------------------------------ live capture

    private int live(ToolContext ctx, Opts o) throws Exit {
        NetNamespace ns = ctx.netns();
        String name = o.device != null ? o.device : defaultDevice(ns);
        boolean any = name.equals("any");
        NetDevice dev = null;
        if (any) {
            ctx.err().print("tcpdump: data link type LINUX_SLL2\n");
        } else {
            dev = ns.dev(name);
            if (dev == null) throw fail(ctx, name + ": No such device exists\n(No such device exists)");
            if (!dev.isUp()) throw fail(ctx, name + ": That device is not up");
        }
        FilterExpr.Node filter = compile(ctx, o.filter, any);
        int linktype = any ? PcapFile.LINKTYPE_LINUX_SLL2 : PcapFile.LINKTYPE_ETHERNET;
        OutputStream file = null;
        if (o.wfile != null) file = openWrite(ctx, o.wfile, o.snaplen, linktype);
        if (o.p.vflag == 0 && o.wfile == null) {
            ctx.err().print("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
        } else {
            ctx.err().print("tcpdump: ");
        }
        ctx.err().print("listening on " + name + ", link-type " + linkName(linktype) + ", snapshot length " + o.snaplen + " bytes\n");
        ctx.err().flush();

        NetDevice lo = ns.loopback;
        FilterExpr.Pkt fp = new FilterExpr.Pkt();
        Capture.Filter kf = (b, off, len, d, type) -> {
            if (filter == null) return true;
            fp.b = b; fp.off = off; fp.len = len; fp.sll2 = false; fp.lenAdjust = any ? 6 : 0;
            return filter.eval(fp);
        };
        // on a terminal glibc line-buffers stdout, and tcpdump then uses the short timeout too
        if (ctx.terminal() && o.wfile == null) o.lineBuffered = true;
        // tcpdump's packet-buffer timeout (1 s; 100 ms when printing with -l or to a terminal, as
        // in nsnet shell, never in scripts) is TPACKET_V3's block retire timeout
        long timeout = o.wfile == null && o.lineBuffered ? 100_000_000L : 1_000_000_000L;
        Capture cap = Capture.open(ns, dev, o.snaplen, kf, o.immediate ? 0 : timeout);
        boolean[] stop = {false};
        ctx.onSignal(Task.SIGINT, () -> stop[0] = true);
        ctx.onSignal(Task.SIGTERM, () -> stop[0] = true);
        ctx.onSignal(Task.SIGHUP, () -> stop[0] = true);
        PrintStream out = o.lineBuffered ? ctx.out() : ctx.fullyBufferedStdout();
        Output w = new Output(ctx, o, out, file, ns);
        long captured = 0;
        Capture.Frame f = new Capture.Frame();
        byte[] sll = new byte[0];
        try {
            outer:
            while (true) {
                boolean ready = ctx.waitFor(() -> stop[0] || cap.pending() > 0, Long.MAX_VALUE);
                while (cap.next(f)) {
                    // pcap-linux.c drops the outgoing copy of a loopback frame (it is seen again on
                    // receive); the kernel counted it as received by the filter
                    if (f.pktType == SkBuff.PACKET_OUTGOING && lo != null && f.ifindex == lo.ifindex) continue;
                    byte[] b = f.data;
                    int caplen = f.caplen, len = f.len;
                    if (any) {
                        // the cooked header replaces the Ethernet header (SOCK_DGRAM + sll_* fields)
                        int n = Math.min(caplen, o.snaplen);
                        if (sll.length < n + 20) sll = new byte[n + 20 + 256];
                        cooked(sll, b, caplen, f.ifindex, f.pktType, ns);
                        b = sll;
                        caplen = Math.min(caplen - 14 + 20, o.snaplen);
                        len = len - 14 + 20;
                    }
                    w.packet(f.tsNs, b, caplen, len, linktype);
                    captured++;
                    if (o.count > 0 && captured >= o.count) break outer;
                }
                if (stop[0] || !ready) break;
            }
        } finally {
            cap.close();
        }
        w.close();
        if (stop[0] && o.wfile == null) {
            // pcap_breakloop() by the signal handler: tcpdump ends a possibly unfinished line
            out.print('\n');
        }
        // the packet lines are flushed before the statistics go to stderr
        out.flush();
        PrintStream err = ctx.err();
        err.print(captured + " packet" + plural(captured) + " captured\n");
        err.print(cap.received() + " packet" + plural(cap.received()) + " received by filter\n");
        err.print(cap.dropped() + " packet" + plural(cap.dropped()) + " dropped by kernel\n");
        err.flush();
        out.flush();
        return 0;
    }

    private static String plural(long n) { return n == 1 ? "" : "s"; }

    /** pcap_lookupdev(): the first device that is up and not a loopback, else "any". */
    private static String defaultDevice(NetNamespace ns) {
        for (NetDevice d : ns.devices()) if (d.isUp() && d != ns.loopback) return d.name;
        return "any";
    }

    /** Builds the 20-byte LINUX_SLL2 header for a frame captured on {@code -i any}, then the payload. */
    private static void cooked(byte[] out, byte[] frame, int caplen, int ifindex, int pktType, NetNamespace ns) {
        NetDevice d = ns.dev(ifindex);
        out[0] = frame[12];
        out[1] = frame[13];
        out[2] = 0;
        out[3] = 0;
        out[4] = (byte) (ifindex >>> 24);
        out[5] = (byte) (ifindex >>> 16);
        out[6] = (byte) (ifindex >>> 8);
        out[7] = (byte) ifindex;
        int hatype = d != null ? d.type : 1;
        out[8] = (byte) (hatype >>> 8);
        out[9] = (byte) hatype;
        out[10] = (byte) pktType;
        out[11] = 6;
        System.arraycopy(frame, 6, out, 12, 6);
        out[18] = 0;
        out[19] = 0;
        System.arraycopy(frame, 14, out, 20, caplen - 14);
    }

    private static OutputStream openWrite(ToolContext ctx, String name, int snaplen, int linktype) throws Exit {
        try {
            OutputStream s = name.equals("-") ? ctx.out() : new BufferedOutputStream(Files.newOutputStream(resolve(ctx, name)));
            PcapFile.writeHeader(s, snaplen, linktype);
            return s;
        } catch (NoSuchFileException e) {
            throw fail(ctx, name + ": No such file or directory");
        } catch (IOException e) {
            throw fail(ctx, name + ": " + (e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage()));
        }
    }

    static Path resolve(ToolContext ctx, String name) { return ctx.host().workingDirectory.resolve(name); }

    // ------------------------------------------------------------------ -r

    private int read(ToolContext ctx, Opts o) throws Exit {
        InputStream in;
        try {
            in = new java.io.BufferedInputStream(Files.newInputStream(resolve(ctx, o.rfile)));
        } catch (NoSuchFileException e) {
            throw fail(ctx, o.rfile + ": No such file or directory");
        } catch (IOException e) {
            throw fail(ctx, o.rfile + ": " + e.getMessage());
        }
        try (in) {
            String[] err = new String[1];
            PcapFile.Reader r = PcapFile.Reader.open(in, err);
            if (r == null) throw fail(ctx, err[0]);
            if (r.linktype != PcapFile.LINKTYPE_ETHERNET && r.linktype != PcapFile.LINKTYPE_LINUX_SLL2) {
                throw fail(ctx, "packet printing is not supported for link type " + r.linktype + ": use -w");
            }
            ctx.err().print("reading from file " + o.rfile + ", link-type " + linkName(r.linktype) + ", snapshot length " + r.snaplen + "\n");
            // tcpdump names cooked-header ifindexes with this host's interfaces, and says so
            if (r.linktype == PcapFile.LINKTYPE_LINUX_SLL2) ctx.err().print("Warning: interface names might be incorrect\n");
            ctx.err().flush();
            FilterExpr.Node filter = compile(ctx, o.filter, r.linktype == PcapFile.LINKTYPE_LINUX_SLL2);
            OutputStream file = o.wfile != null ? openWrite(ctx, o.wfile, r.snaplen, r.linktype) : null;
            PrintStream out = o.lineBuffered ? ctx.out() : ctx.fullyBufferedStdout();
            Output w = new Output(ctx, o, out, file, ctx.netns());
            FilterExpr.Pkt fp = new FilterExpr.Pkt();
            long n = 0;
            while (r.next()) {
                if (filter != null) {
                    fp.b = r.data; fp.off = 0; fp.len = r.caplen; fp.sll2 = r.linktype == PcapFile.LINKTYPE_LINUX_SLL2;
                    if (!filter.eval(fp)) continue;
                }
                w.packet(r.tsNs, r.data, r.caplen, r.len, r.linktype);
                if (o.count > 0 && ++n >= o.count) break;
            }
            w.close();
            out.flush();
            return 0;
        } catch (IOException e) {
            throw fail(ctx, o.rfile + ": " + e.getMessage());
        }
    }

    /** Where each frame goes: the pcap file of -w, or a printed line. */
    private static final class Output {
        final ToolContext ctx;
        final Opts o;
        final PrintStream out;
        final OutputStream file;
        final NetNamespace ns;
        final Printer printer;
        final StringBuilder sb = new StringBuilder(256);
        long first = -1, prev = -1;

        Output(ToolContext ctx, Opts o, PrintStream out, OutputStream file, NetNamespace ns) {
            this.ctx = ctx;
            this.o = o;
            this.out = out;
            this.file = file;
            this.ns = ns;
            this.printer = new Printer(o.p);
        }

        void packet(long ts, byte[] b, int caplen, int len, int linktype) throws Exit {
            if (file != null) {
                try {
                    PcapFile.writeRecord(file, ts, b, 0, caplen, len);
                    if (o.packetBuffered) file.flush();
                } catch (IOException e) {
                    throw fail(ctx, o.wfile + ": " + e.getMessage());
                }
                return;
            }
            sb.setLength(0);
            Timestamps.format(sb, o.tflag, ts, first, prev);
            if (first < 0) first = ts;
            prev = ts;
            if (linktype == PcapFile.LINKTYPE_LINUX_SLL2) {
                int ifindex = caplen >= 8 ? (b[4] & 0xff) << 24 | (b[5] & 0xff) << 16 | (b[6] & 0xff) << 8 | (b[7] & 0xff) : 0;
                NetDevice d = ns.dev(ifindex);
                printer.sll2(sb, b, 0, len, caplen, d != null ? d.name : "?");
            } else {
                printer.ether(sb, b, 0, len, caplen);
            }
            printer.dump(sb, b, caplen);
            sb.append('\n');
            out.print(sb);
            if (o.lineBuffered) out.flush();
        }

        void close() throws Exit {
            if (file == null) return;
            try {
                file.flush();
                if (file != ctx.out()) file.close();
            } catch (IOException e) {
                throw fail(ctx, o.wfile + ": " + e.getMessage());
            }
        }
    }
}
