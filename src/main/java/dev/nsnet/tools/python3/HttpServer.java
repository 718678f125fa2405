package dev.nsnet.tools.python3;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.Task;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server of {@code python3 -m http.server} (http/server.py test(), SimpleHTTPRequestHandler
 * over socketserver): a listener with SO_REUSEADDR and backlog 5, one request per connection
 * (HTTP/1.0 answers), the access log on stderr, "Serving HTTP on ..." on a fully buffered stdout.
 *
 * <p>The served directory is virtual and empty, whatever {@code -d} says: {@code /} (and any path
 * that normalises to it, ending in a slash) gets the listing Python prints for an empty directory,
 * a path normalising to the root without the slash gets the 301 to add it, everything else 404.
 * Connections are handled one after another (Python's ThreadingHTTPServer uses a thread each: the
 * difference only shows when a client holds a connection open without sending its request).
 */
final class HttpServer {
    static final String SERVER = "SimpleHTTP/0.6 Python/3.11.2";
    /** Wall-clock time of virtual time 0 (the emulation has no real clock; docs/http.md). */
    static final long EPOCH_SECONDS = LocalDateTime.of(2026, 11, 26, 22, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final int MAX_REQUEST = 65536 + 8192;

    private final ToolContext ctx;
    private boolean interrupted;

    HttpServer(ToolContext ctx) { this.ctx = ctx; }

    int serve(String bind, int port) {
        int addr = 0;
        if (bind != null) {
            Integer a = Inet4.parse(bind);
            if (a == null) {
                ctx.err().println("python3: --bind " + bind + ": nsnet resolves no names here, give an IPv4 address");
                return 1;
            }
            addr = a;
        }
        if (port < 0 || port > 65535) {
            traceback("OverflowError: bind(): port must be 0-65535.");
            return 1;
        }
        TcpSock l = TcpSock.open(ctx.netns(), ctx.process());
        l.comm = "python3";
        PrintStream stdout = ctx.fullyBufferedStdout();
        try {
            l.reuse = true;
            try {
                l.bind(addr, port);
                l.listen(5);
            } catch (KernelException e) {
                traceback("OSError: [Errno " + e.errno.code + "] " + e.errno.message);
                return 1;
            }
            String host = Inet4.format(l.localAddr());
            stdout.println("Serving HTTP on " + host + " port " + l.localPort() + " (http://" + host + ":" + l.localPort() + "/) ...");
            ctx.onSignal(Task.SIGINT, () -> interrupted = true);
            while (!interrupted) {
                ctx.waitFor(() -> l.acceptReady() || interrupted, Long.MAX_VALUE);
                if (interrupted) break;
                TcpSock c = l.accept(ctx.process());
                if (c == null) continue;
                c.comm = "python3";
                c.fd = 4;
                try {
                    handle(c);
                } finally {
                    c.close();
                }
            }
            stdout.println();
            stdout.println("Keyboard interrupt received, exiting.");
            stdout.flush();
            return 0;
        } finally {
            l.close();
        }
    }

    /** A Python exception that ends the program: its last line on stderr (the frames are Python's own). */
    private void traceback(String last) {
        ctx.err().println("Traceback (most recent call last):");
        ctx.err().println("  File \"<frozen runpy>\", line 198, in _run_module_as_main");
        ctx.err().println(last);
    }

    /** BaseHTTPRequestHandler.handle_one_request() then shutdown_request(). */
    private void handle(TcpSock c) {
        byte[] req = readRequest(c);
        if (req == null) return;
        String text = new String(req, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\n');
        String requestline = (eol < 0 ? text : text.substring(0, eol)).replaceAll("\r?$", "");
        String client = Inet4.format(c.daddr);
        List<String> words = List.of(requestline.split("\\s+"));
        if (requestline.isBlank()) return;
        if (words.size() != 3 || !words.get(2).startsWith("HTTP/")) {
            error(c, client, requestline, null, 400, "Bad request syntax ('" + requestline + "')",
                    "Bad request syntax or unsupported method");
            return;
        }
        String command = words.get(0);
        String path = words.get(1);
        if (!command.equals("GET") && !command.equals("HEAD")) {
            error(c, client, requestline, command, 501, "Unsupported method ('" + command + "')",
                    "Server does not support this operation");
            return;
        }
        boolean head = command.equals("HEAD");
        String p = path;
        int cut = p.indexOf('?');
        if (cut >= 0) p = p.substring(0, cut);
        cut = p.indexOf('#');
        if (cut >= 0) p = p.substring(0, cut);
        if (!isRoot(p)) {
            error(c, client, requestline, command, 404, "File not found", "Nothing matches the given URI");
            return;
        }
        if (!p.endsWith("/")) {
            String location = p + "/" + path.substring(p.length());
            log(client, "\"" + requestline + "\" 301 -");
            send(c, "HTTP/1.0 301 Moved Permanently\r\n" + common() + "Location: " + location + "\r\nContent-Length: 0\r\n\r\n", null);
            return;
        }
        String title = "Directory listing for " + escape(unquote(path));
        String body = "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        log(client, "\"" + requestline + "\" 200 -");
        send(c, "HTTP/1.0 200 OK\r\n" + common() + "Content-type: text/html; charset=utf-8\r\nContent-Length: "
                + b.length + "\r\n\r\n", head ? null : b);
    }

    /** translate_path()'s view: does the path name the (virtual, empty) directory itself? */
    private static boolean isRoot(String p) {
        List<String> stack = new ArrayList<>();
        for (String w : unquote(p).split("/")) {
            if (w.isEmpty() || w.equals(".")) continue;
            if (w.equals("..")) {
                if (!stack.isEmpty()) stack.remove(stack.size() - 1);
                continue;
            }
            stack.add(w);
        }
        return stack.isEmpty();
    }

    /** send_error(): the log lines, then Python's error page (no body for HEAD). */
    private void error(TcpSock c, String client, String requestline, String command, int code, String message, String explain) {
        log(client, "code " + code + ", message " + message);
        String reason = message; // send_response(code, message): the message is the status line's reason
        log(client, "\"" + requestline + "\" " + code + " -");
        String body = "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
                + "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
                + "        <p>Error code: " + code + "</p>\n        <p>Message: " + escape(message) + ".</p>\n"
                + "        <p>Error code explanation: " + code + " - " + explain + ".</p>\n    </body>\n</html>\n";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        send(c, "HTTP/1.0 " + code + " " + reason + "\r\n" + common() + "Connection: close\r\n"
                + "Content-Type: text/html;charset=utf-8\r\nContent-Length: " + b.length + "\r\n\r\n",
                "HEAD".equals(command) ? null : b);
    }

    private String common() {
        return "Server: " + SERVER + "\r\nDate: " + httpDate(seconds()) + "\r\n";
    }

    private void send(TcpSock c, String headers, byte[] body) {
        byte[] h = headers.getBytes(StandardCharsets.ISO_8859_1);
        c.send(h, 0, h.length);
        if (body != null) c.send(body, 0, body.length);
        c.shutdownWrite();
    }

    /** Reads up to the end of the header block; null when the client closed or went away first. */
    private byte[] readRequest(TcpSock c) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        while (true) {
            ctx.waitFor(() -> c.readable() || interrupted, Long.MAX_VALUE);
            if (interrupted) return null;
            if (c.available() > 0) {
                byte[] d = c.read(c.available());
                buf.write(d, 0, d.length);
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                if (s.contains("\r\n\r\n") || s.contains("\n\n") || buf.size() > MAX_REQUEST) return buf.toByteArray();
                continue;
            }
            // end of stream or error: a partial request is still answered, as Python's readline() returns it
            return buf.size() > 0 ? buf.toByteArray() : null;
        }
    }

    /** log_message(): "ADDR - - [dd/Mon/yyyy hh:mm:ss] MESSAGE" on stderr (local time: UTC on the recording host). */
    private void log(String client, String msg) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds(), 0, ZoneOffset.UTC);
        ctx.err().printf(Locale.ROOT, "%s - - [%02d/%s/%04d %02d:%02d:%02d] %s%n", client, t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(), msg);
    }

    private long seconds() { return EPOCH_SECONDS + ctx.emulation().now() / 1_000_000_000L; }

    /** email.utils.formatdate(usegmt=True). */
    static String httpDate(long epochSeconds) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
                .format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** urllib.parse.unquote() for ASCII escapes. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                o.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                o.write(b, 0, b.length);
            }
        }
        return o.toString(StandardCharsets.UTF_8);
    }
}
