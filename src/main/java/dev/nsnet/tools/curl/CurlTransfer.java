package dev.nsnet.tools.curl;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One curl transfer (lib/connect.c, lib/http.c, lib/transfer.c as curl 7.88.1 runs a plain HTTP
 * request): resolve, connect with the connect timeout (default 300 s) and -m, send the request,
 * read the answer until the connection closes or Content-Length is reached, with -v's trace lines
 * and the error messages and exit codes curl uses. Times ("after N ms") are virtual time.
 * Standard output is fully buffered (it is never a terminal here), so it appears when curl exits.
 */
final class CurlTransfer {
    static final long MS = 1_000_000L;
    /** DEFAULT_CONNECT_TIMEOUT. */
    static final long DEFAULT_CONNECT_TIMEOUT = 300_000 * MS;

    private final ToolContext ctx;
    private final Curl.Opts o;
    private final PrintStream out;
    private final PrintStream err;
    private final CurlProgress meter;
    private long start;
    private int httpCode;
    private long sizeDownload, sizeHeader;
    private String contentType = "";
    private String remoteIp = "";
    private int remotePort, localPort;
    private String localIp = "";
    private int exitCode;
    private String errorMsg = "";

    CurlTransfer(ToolContext ctx, Curl.Opts o) {
        this.ctx = ctx;
        this.o = o;
        this.out = ctx.fullyBufferedStdout();
        this.err = ctx.err();
        this.meter = new CurlProgress(err, !o.silent);
    }

    int run() {
        try {
            exitCode = transfer();
            return exitCode;
        } finally {
            if (o.writeOut != null) out.print(writeOut(o.writeOut));
            out.flush();
        }
    }

    private long now() { return ctx.emulation().now(); }

    private long elapsedMs() { return (now() - start) / MS; }

    private int transfer() {
        String scheme = Curl.scheme(o.url);
        if (!scheme.equals("http")) {
            if (scheme.equals("https")) {
                err.println("curl: (1) Protocol \"https\" is not supported by nsnet (no TLS): use http://");
                return 1;
            }
            return fail(1, "Protocol \"" + scheme + "\" not supported or disabled in libcurl", false, false);
        }
        Curl.Url u = Curl.parseUrl(o.url);
        if (u == null) return fail(3, "URL using bad/illegal format or missing URL", false, false);
        start = now();
        meter.start();
        Integer ip = Curl.resolve(u.host());
        if (ip == null) return fail(6, "Could not resolve host: " + u.host(), true, false);
        String ipText = Inet4.format(ip);
        verbose("*   Trying " + ipText + ":" + u.port() + "...");
        TcpSock s = TcpSock.open(ctx.netns(), ctx.process());
        s.comm = "curl";
        s.fd = 5;
        try {
            try {
                s.connect(ip, u.port());
            } catch (KernelException e) {
                return connectFailed(u, ipText, e.errno.code);
            }
            long cd = start + (o.connectTimeout > 0 ? o.connectTimeout : DEFAULT_CONNECT_TIMEOUT);
            long md = o.maxTime > 0 ? start + o.maxTime : Long.MAX_VALUE;
            ctx.waitFor(() -> s.state() != TcpSock.SYN_SENT, Math.min(cd, md));
            if (s.state() == TcpSock.SYN_SENT) {
                if (md <= cd) return fail(28, "Connection timed out after " + (elapsedMs() + 1) + " milliseconds", true, true);
                return fail(28, "Failed to connect to " + u.host() + " port " + u.port() + " after " + elapsedMs()
                        + " ms: Timeout was reached", true, true);
            }
            if (s.state() != TcpSock.ESTABLISHED) return connectFailed(u, ipText, s.takeError());
            remoteIp = ipText;
            remotePort = u.port();
            localIp = Inet4.format(s.localAddr());
            localPort = s.localPort();
            verbose("* Connected to " + u.host() + " (" + ipText + ") port " + u.port() + " (#0)");
            return exchange(s, u, md);
        } finally {
            s.close();
        }
    }

    private int connectFailed(Curl.Url u, String ipText, int errno) {
        verbose("* connect to " + ipText + " port " + u.port() + " failed: " + strerror(errno));
        return fail(7, "Failed to connect to " + u.host() + " port " + u.port() + " after " + elapsedMs()
                + " ms: Couldn't connect to server", true, true);
    }

    /** Sends the request and reads the response. */
    private int exchange(TcpSock s, Curl.Url u, long deadline) {
        String hostHeader = u.host() + (u.port() == 80 ? "" : ":" + u.port());
        String req = (o.head ? "HEAD" : "GET") + " " + u.path() + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
        if (o.verbose) {
            for (String line : req.substring(0, req.length() - 2).split("\r\n")) err.print("> " + line + "\r\n");
            err.print("> \r\n");
        }
        byte[] rb = req.getBytes(StandardCharsets.ISO_8859_1);
        s.send(rb, 0, rb.length);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        boolean headersDone = false;
        long contentLength = -1;
        boolean keepAlive = false;
        boolean http10 = false;
        long received = 0;
        while (true) {
            if (headersDone && (o.head || (contentLength >= 0 && sizeDownload >= contentLength))) break;
            ctx.waitFor(s::readable, deadline);
            if (s.available() == 0) {
                if (s.readable()) {
                    int e = s.takeError();
                    if (e == Errno.ECONNRESET.code) return fail(56, "Recv failure: Connection reset by peer", true, true);
                    if (received == 0) return fail(52, "Empty reply from server", true, true);
                    break;
                }
                if (now() >= deadline) {
                    String got = contentLength >= 0 ? sizeDownload + " out of " + contentLength + " bytes received"
                            : sizeDownload + " bytes received";
                    return fail(28, "Operation timed out after " + elapsedMs() + " milliseconds with " + got, true, true);
                }
                continue;
            }
            byte[] d = s.read(s.available());
            received += d.length;
            int bodyOff = 0;
            if (!headersDone) {
                head.write(d, 0, d.length);
                String h = head.toString(StandardCharsets.ISO_8859_1);
                int end = h.indexOf("\r\n\r\n");
                if (end < 0) continue;
                headersDone = true;
                String block = h.substring(0, end + 4);
                sizeHeader = block.length();
                String[] lines = block.substring(0, end).split("\r\n");
                String status = lines[0];
                http10 = status.startsWith("HTTP/1.0");
                String[] sw = status.split(" ");
                if (sw.length >= 2 && sw[1].matches("[0-9]{3}")) httpCode = Integer.parseInt(sw[1]);
                keepAlive = !http10;
                if (http10) verbose("* HTTP 1.0, assume close after body");
                for (String line : lines) {
                    int c = line.indexOf(':');
                    if (c > 0) {
                        String name = line.substring(0, c).trim().toLowerCase(Locale.ROOT);
                        String val = line.substring(c + 1).trim();
                        if (name.equals("content-length") && val.matches("[0-9]+")) contentLength = Long.parseLong(val);
                        if (name.equals("content-type")) contentType = val;
                        if (name.equals("connection") && val.equalsIgnoreCase("close")) keepAlive = false;
                    }
                    if (o.verbose) err.print("< " + line + "\r\n");
                }
                if (o.verbose) err.print("< \r\n");
                if ((o.include || o.head) && !o.discard) out.print(block);
                bodyOff = block.getBytes(StandardCharsets.ISO_8859_1).length - (int) (head.size() - d.length);
                if (bodyOff < 0) bodyOff = 0;
            }
            int n = d.length - bodyOff;
            if (n > 0 && !o.head) {
                sizeDownload += n;
                if (o.verbose) err.println("{ [" + n + " bytes data]");
                if (!o.discard) out.write(d, bodyOff, n);
            }
        }
        meter.done(sizeDownload, contentLength, now() - start);
        if (keepAlive) verbose("* Connection #0 to host " + u.host() + " left intact");
        else verbose("* Closing connection 0");
        return 0;
    }

    /** An error: -v's line, the meter's last line, "curl: (N) message" unless -s without -S. */
    private int fail(int code, String msg, boolean started, boolean meterDone) {
        errorMsg = msg;
        if (started) {
            verbose("* " + msg);
            if (meterDone) meter.done(0, -1, now() - start);
            verbose("* Closing connection 0");
        }
        if (!o.silent || o.showError) err.println("curl: (" + code + ") " + msg);
        return code;
    }

    private void verbose(String line) {
        if (o.verbose) err.println(line);
    }

    /** -w: %{variable}, %%, and the backslash escapes \n \r \t. */
    private String writeOut(String fmt) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '%' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                b.append('%');
                i++;
            } else if (c == '%' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                int end = fmt.indexOf('}', i);
                if (end < 0) {
                    b.append(fmt, i, fmt.length());
                    break;
                }
                String var = fmt.substring(i + 2, end);
                String v = variable(var);
                if (v == null) err.println("curl: unknown --write-out variable: '" + var + "'");
                else b.append(v);
                i = end;
            } else if (c == '\\' && i + 1 < fmt.length()) {
                char e = fmt.charAt(i + 1);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '\\' -> b.append('\\');
                    default -> b.append('\\').append(e);
                }
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String variable(String var) {
        double secs = (now() - start) / 1e9;
        return switch (var) {
            case "http_code", "response_code" -> String.format(Locale.ROOT, "%03d", httpCode);
            case "remote_ip" -> remoteIp;
            case "remote_port" -> remotePort == 0 ? "" : Integer.toString(remotePort);
            case "local_ip" -> localIp;
            case "local_port" -> localPort == 0 ? "" : Integer.toString(localPort);
            case "size_download" -> Long.toString(sizeDownload);
            case "size_header" -> Long.toString(sizeHeader);
            case "content_type" -> contentType;
            case "exitcode" -> Integer.toString(exitCode);
            case "errormsg" -> errorMsg;
            case "url_effective", "url" -> o.url;
            case "num_connects" -> remoteIp.isEmpty() ? "0" : "1";
            case "time_total" -> String.format(Locale.ROOT, "%.6f", secs);
            default -> null;
        };
    }

    static String strerror(int code) {
        for (Errno e : Errno.values()) if (e.code == code) return e.message;
        return "Unknown error " + code;
    }
}
