package dev.nsnet.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code nsnet serve}'s HTTP server (the JDK's com.sun.net.httpserver): the page, its script and
 * style, and the JSON API of docs/web.md over a {@link WebWorld}. Bad requests get a 4xx with a
 * JSON {@code {"error": "..."}} and leave the world as it was. Requests carrying an
 * {@code Origin} other than the server's own are refused (another web site must not drive it),
 * and on a loopback address so are requests whose {@code Host} is not a loopback name (DNS
 * rebinding).
 */
public final class WebServer {
    /** The longest request body and console line accepted. */
    static final int MAX_BODY = 64 * 1024, MAX_CMD = 4096;

    private final WebWorld world;
    private final HttpServer http;
    private final ExecutorService pool;

    public WebServer(WebWorld world, String bind, int port) throws IOException {
        this.world = world;
        this.http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nsnet-serve");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    public void start() { http.start(); }

    public void stop() {
        http.stop(0);
        pool.shutdownNow();
    }

    /** The port bound (the one asked for, or the ephemeral one chosen for port 0). */
    public int port() { return http.getAddress().getPort(); }

    public InetSocketAddress address() { return http.getAddress(); }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            try {
                route(x);
            } catch (RuntimeException e) {
                send(x, 500, "application/json", Json.error("internal error: " + e));
            }
        }
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String method = x.getRequestMethod();
        if (!hostAllowed(x.getRequestHeaders().getFirst("Host"))) {
            // a page that rebinds its own name to 127.0.0.1 must not reach the console (DNS rebinding)
            send(x, 403, "application/json", Json.error("Host " + x.getRequestHeaders().getFirst("Host") + " refused: use http://127.0.0.1:"
                    + port() + "/ or http://localhost:" + port() + "/"));
            return;
        }
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals("http://" + x.getRequestHeaders().getFirst("Host"))) {
            send(x, 403, "application/json", Json.error("cross-origin requests are refused"));
            return;
        }
        if (path.equals("/api/exec")) {
            if (!method.equals("POST")) {
                methodNotAllowed(x, "POST");
                return;
            }
            exec(x);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            methodNotAllowed(x, "GET");
            return;
        }
        Map<String, String> q = query(x);
        switch (path) {
            case "/", "/index.html" -> resource(x, "index.html", "text/html; charset=utf-8");
            case "/app.js" -> resource(x, "app.js", "text/javascript; charset=utf-8");
            case "/style.css" -> resource(x, "style.css", "text/css; charset=utf-8");
            case "/api/world" -> send(x, 200, "application/json", worldJson());
            case "/api/history" -> send(x, 200, "application/json", historyJson());
            case "/api/traces" -> send(x, 200, "application/json", Json.of(g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("traces");
                for (int id : world.traceIds()) g.writeNumber(id);
                g.writeEndArray();
                g.writeEndObject();
            }));
            case "/api/export.svg", "/api/export.png" -> export(x, path.endsWith(".png"), q);
            default -> {
                if (path.startsWith("/api/device/")) device(x, path.substring("/api/device/".length()));
                else if (path.startsWith("/api/trace/")) trace(x, path.substring("/api/trace/".length()), q);
                else send(x, 404, "application/json", Json.error("no such resource: " + path));
            }
        }
    }

    /**
     * On a loopback address only the loopback names are accepted in {@code Host}; bound elsewhere
     * (--bind), any name that reaches the server is.
     */
    private boolean hostAllowed(String host) {
        if (!http.getAddress().getAddress().isLoopbackAddress()) return true;
        if (host == null) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            if (h.equals(name + ":" + port()) || (port() == 80 && h.equals(name))) return true;
        }
        return false;
    }

    private void methodNotAllowed(HttpExchange x, String allow) throws IOException {
        x.getResponseHeaders().set("Allow", allow);
        send(x, 405, "application/json", Json.error(x.getRequestMethod() + " is not allowed here (use " + allow + ")"));
    }

    // ------------------------------------------------------------------ endpoints

    private void exec(HttpExchange x) throws IOException {
        String ct = x.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            send(x, 415, "application/json", Json.error("send the command as JSON: Content-Type: application/json, {\"cmd\": \"...\"}"));
            return;
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(x, 413, "application/json", Json.error("request body over " + MAX_BODY + " bytes"));
            return;
        }
        String cmd;
        try {
            cmd = Json.stringField(new String(body, StandardCharsets.UTF_8), "cmd");
            if (cmd.length() > MAX_CMD) throw new Json.BadRequest("the command is longer than " + MAX_CMD + " characters");
            if (cmd.indexOf('\n') >= 0 || cmd.indexOf('\r') >= 0) throw new Json.BadRequest("one command line per request (no newlines)");
            if (cmd.isBlank()) throw new Json.BadRequest("empty command");
        } catch (Json.BadRequest e) {
            send(x, 400, "application/json", Json.error(e.getMessage()));
            return;
        }
        WebWorld.Exec r = world.exec(cmd);
        send(x, 200, "application/json", Json.of(g -> execBody(g, r, true)));
    }

    private static void execBody(JsonGenerator g, WebWorld.Exec r, boolean steps) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", r.seq());
        g.writeStringField("cmd", r.cmd());
        g.writeStringField("stdout", r.stdout());
        g.writeStringField("stderr", r.stderr());
        g.writeNumberField("status", r.status());
        g.writeStringField("prompt", r.prompt());
        if (r.trace() == null) g.writeNullField("traceId");
        else g.writeNumberField("traceId", r.trace().id());
        if (steps) {
            g.writeFieldName("trace");
            steps(g, r.trace() == null ? List.of() : r.trace().steps());
            g.writeStringField("traceText", r.trace() == null ? "" : r.trace().text());
            g.writeBooleanField("truncated", r.trace() != null && r.trace().truncated());
        }
        g.writeEndObject();
    }

    static void steps(JsonGenerator g, List<TraceRecorder.Step> steps) throws IOException {
        g.writeStartArray();
        for (TraceRecorder.Step s : steps) {
            g.writeStartObject();
            g.writeNumberField("timeNs", s.timeNs());
            g.writeStringField("time", String.format("%d.%06d", s.timeNs() / 1_000_000_000L, (s.timeNs() % 1_000_000_000L) / 1000));
            g.writeNumberField("packet", s.packet());
            g.writeStringField("summary", s.summary());
            g.writeStringField("host", s.host());
            g.writeStringField("netns", s.netns());
            g.writeStringField("dev", s.dev());
            if (s.node() == null) g.writeNullField("node");
            else g.writeStringField("node", s.node());
            g.writeStringField("func", s.func());
            g.writeStringField("detail", s.detail());
            if (s.drop() == null) g.writeNullField("drop");
            else g.writeStringField("drop", s.drop());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private String historyJson() {
        List<WebWorld.Exec> h = world.history();
        return Json.of(g -> {
            g.writeStartObject();
            g.writeStringField("prompt", world.prompt());
            g.writeArrayFieldStart("history");
            for (WebWorld.Exec e : h) execBody(g, e, false);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private String worldJson() {
        Layout l = world.layout();
        String prompt = world.prompt();
        long now = world.nowNanos();
        return Json.of(g -> {
            g.writeStartObject();
            g.writeStringField("prompt", prompt);
            g.writeNumberField("timeNs", now);
            g.writeNumberField("width", Math.ceil(l.width));
            g.writeNumberField("height", Math.ceil(l.height));
            g.writeArrayFieldStart("nodes");
            for (Layout.Box b : l.boxes.values()) {
                g.writeStartObject();
                g.writeStringField("id", b.node().id());
                g.writeStringField("kind", b.node().kind());
                if (b.node().parent() == null) g.writeNullField("parent");
                else g.writeStringField("parent", b.node().parent());
                g.writeStringField("label", b.node().label());
                Json.strings(g, "lines", b.node().lines());
                g.writeNumberField("x", b.x());
                g.writeNumberField("y", b.y());
                g.writeNumberField("w", b.w());
                g.writeNumberField("h", b.h());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (Layout.Wire w : l.wires) {
                g.writeStartObject();
                g.writeStringField("id", w.edge().id());
                g.writeStringField("kind", w.edge().kind());
                g.writeStringField("a", w.edge().a());
                g.writeStringField("b", w.edge().b());
                g.writeArrayFieldStart("points");
                for (double d : w.points()) g.writeNumber(d);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void device(HttpExchange x, String rest) throws IOException {
        String[] p = rest.split("/", -1);
        if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) {
            send(x, 400, "application/json", Json.error("use /api/device/HOST/NETNS/DEV (NETNS is root for a host's root namespace)"));
            return;
        }
        String host = dec(p[0]), ns = dec(p[1]), dev = dec(p[2]);
        WebWorld.DeviceView v = world.device(host, ns, dev);
        if (v == null) {
            send(x, 404, "application/json", Json.error("no device " + dev + " in namespace " + ns + " of host " + host));
            return;
        }
        send(x, 200, "application/json", Json.of(g -> {
            g.writeStartObject();
            g.writeStringField("id", v.id());
            g.writeStringField("host", v.host());
            g.writeStringField("netns", v.netns());
            g.writeStringField("dev", v.dev());
            g.writeStringField("link", v.link());
            g.writeStringField("addr", v.addr());
            g.writeEndObject();
        }));
    }

    private WebWorld.Trace traceParam(HttpExchange x, String id) throws IOException {
        int n;
        try {
            n = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            send(x, 400, "application/json", Json.error("a trace id is a number, not \"" + id + "\""));
            return null;
        }
        WebWorld.Trace t = world.trace(n);
        if (t == null) send(x, 404, "application/json", Json.error("no trace " + n + " (the last " + WebWorld.MAX_TRACES + " are kept)"));
        return t;
    }

    private void trace(HttpExchange x, String rest, Map<String, String> q) throws IOException {
        boolean file = rest.endsWith(".json");
        WebWorld.Trace t = traceParam(x, file ? rest.substring(0, rest.length() - 5) : rest);
        if (t == null) return;
        if (file || q.containsKey("download")) {
            x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"nsnet-trace-" + t.id() + ".json\"");
        }
        send(x, 200, "application/json", Json.of(g -> {
            g.writeStartObject();
            g.writeNumberField("id", t.id());
            g.writeStringField("cmd", t.cmd());
            g.writeBooleanField("truncated", t.truncated());
            g.writeFieldName("steps");
            steps(g, t.steps());
            g.writeStringField("text", t.text());
            g.writeEndObject();
        }));
    }

    private void export(HttpExchange x, boolean png, Map<String, String> q) throws IOException {
        Drawing.Highlight hl = Drawing.Highlight.NONE;
        if (q.containsKey("trace")) {
            WebWorld.Trace t = traceParam(x, q.get("trace"));
            if (t == null) return;
            int step = t.steps().size();
            if (q.containsKey("step")) {
                try {
                    step = Integer.parseInt(q.get("step"));
                    if (step < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    send(x, 400, "application/json", Json.error("step is a number of steps (0 or more), not \"" + q.get("step") + "\""));
                    return;
                }
            }
            hl = world.highlight(t, step);
        } else if (q.containsKey("step")) {
            send(x, 400, "application/json", Json.error("step needs trace=ID"));
            return;
        }
        Layout l = world.layout();
        if (q.containsKey("download")) {
            x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"nsnet." + (png ? "png" : "svg") + "\"");
        }
        if (png) send(x, 200, "image/png", Drawing.png(l, hl));
        else send(x, 200, "image/svg+xml; charset=utf-8", Drawing.svg(l, hl).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ plumbing

    private static String dec(String s) { return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> m = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            m.put(dec(i < 0 ? kv : kv.substring(0, i)), i < 0 ? "" : dec(kv.substring(i + 1)));
        }
        return m;
    }

    private void resource(HttpExchange x, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(x, 404, "application/json", Json.error("missing resource " + name));
                return;
            }
            send(x, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        }
    }
}
