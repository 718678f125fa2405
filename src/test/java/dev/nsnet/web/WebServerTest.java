package dev.nsnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of docs/web.md, through a real HTTP client against a server on an ephemeral port. */
class WebServerTest {
    static WebServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(WebWorld.demo(1), "127.0.0.1", 0);
        server.start();
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() { server.stop(); }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> exec(String cmd) throws Exception {
        return post("/api/exec", "application/json", "{\"cmd\": \"" + cmd.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** A request as bytes (HttpClient will not send a Host header of our choosing). */
    static String raw(String request) throws Exception {
        try (java.net.Socket so = new java.net.Socket("127.0.0.1", server.port())) {
            so.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            so.getOutputStream().flush();
            so.setSoTimeout(10_000);
            // the head, then Content-Length bytes (the JDK's server may keep the connection open)
            java.io.InputStream in = so.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) break;
                head.append((char) c);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
            return head + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void pageAndAssetsAreServed() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<script src=\"/app.js\">"));
        assertEquals(200, get("/app.js").statusCode());
        assertEquals(200, get("/style.css").statusCode());
    }

    @Test
    void worldListsTheDemoTopology() throws Exception {
        HttpResponse<String> r = get("/api/world");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String b = r.body();
        for (String s : new String[] {"\"id\":\"h:node1\"", "\"id\":\"d:node1/root/cni0\"", "\"kind\":\"bridge\"",
                "\"id\":\"s:tor\"", "\"kind\":\"cable\"", "\"kind\":\"veth\"", "\"prompt\":\"nsnet:root# \""}) {
            assertTrue(b.contains(s), s + " in " + b);
        }
    }

    @Test
    void execRunsACommandAndTracesThePing() throws Exception {
        HttpResponse<String> r = exec("ip netns exec pod1 ping -c 1 -W 1 203.0.113.10");
        assertEquals(200, r.statusCode(), r.body());
        String b = r.body();
        assertTrue(b.contains("\"stdout\":\"PING 203.0.113.10 (203.0.113.10) 56(84) bytes of data.\\n64 bytes from 203.0.113.10"), b);
        assertTrue(b.contains("\"status\":0"));
        // the trace names namespaces, devices, kernel functions, the netfilter rule and the NAT rewrite
        assertTrue(b.contains("\"node\":\"d:node1/pod1/eth0\""));
        assertTrue(b.contains("\"func\":\"ipt_do_table\""));
        assertTrue(b.contains("\"func\":\"nf_nat_manip_pkt\""));
        assertTrue(b.contains("SNAT source 10.244.1.2 -> 192.168.1.10"), b);
        assertTrue(b.contains("\"node\":\"s:tor\""));
        assertTrue(b.contains("\"node\":\"d:baidu/root/eth0\""));
        int id = Integer.parseInt(b.replaceAll("(?s).*\"traceId\":(\\d+).*", "$1"));
        HttpResponse<String> t = get("/api/trace/" + id);
        assertEquals(200, t.statusCode());
        assertTrue(t.body().contains("\"cmd\":\"ip netns exec pod1 ping -c 1 -W 1 203.0.113.10\""));
        assertTrue(t.body().contains("\"text\":\"[  0."), "the text tracer's lines too");
        HttpResponse<String> file = get("/api/trace/" + id + ".json");
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("nsnet-trace-" + id + ".json"));
        // the export paints the path red: the NIC, the switch and the web host's eth0
        String svg = get("/api/export.svg?trace=" + id).body();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("class=\"dev nic hot\" data-id=\"d:node1/root/eth0\""), svg);
        assertTrue(svg.contains("class=\"dev switch hot\" data-id=\"s:tor\""));
        assertTrue(svg.contains("class=\"wire cable hot\""));
        assertTrue(svg.contains("<line class=\"hop\""), "routed from cni0 to eth0 through node1's IP stack");
        String none = get("/api/export.svg?trace=" + id + "&step=0").body();
        assertFalse(none.contains(" hot"));
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export.png?trace=" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        byte[] p = png.body();
        assertTrue(p.length > 1000 && (p[0] & 0xff) == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G');
    }

    @Test
    void consoleKeepsNetnsLikeTheShellAndTheDrawingFollows() throws Exception {
        HttpResponse<String> r = exec("ip netns exec pod2 bash");
        assertTrue(r.body().contains("\"prompt\":\"nsnet:pod2# \""), r.body());
        r = exec("ip link add dummyveth type veth peer name dummypeer");
        assertEquals(200, r.statusCode());
        r = exec("exit");
        assertTrue(r.body().contains("\"prompt\":\"nsnet:root# \""));
        String w = get("/api/world").body();
        assertTrue(w.contains("\"id\":\"d:node1/pod2/dummyveth\""), "the new pair is drawn in pod2");
        assertTrue(w.contains("\"kind\":\"veth\",\"a\":\"d:node1/pod2/dummypeer\",\"b\":\"d:node1/pod2/dummyveth\""), w);
        r = exec("ip -n pod2 link del dummyveth");
        assertFalse(get("/api/world").body().contains("dummyveth"));
        r = exec("exit");
        assertTrue(r.body().contains("the web console stays open"), r.body());
        r = exec("ip link show nosuchdev");
        assertTrue(r.body().contains("\"stderr\":\"Device \\\"nosuchdev\\\" does not exist.\\n\""), r.body());
        assertTrue(r.body().contains("\"status\":1"));
    }

    @Test
    void deviceViewShowsWhatIpPrints() throws Exception {
        HttpResponse<String> r = get("/api/device/node1/root/cni0");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500"), r.body());
        assertTrue(r.body().contains("bridge forward_delay"), "ip -d shows the bridge's details");
        assertTrue(r.body().contains("RX:  bytes packets"), "ip -s shows the counters");
        assertTrue(r.body().contains("inet 10.244.1.1/24 scope global cni0"), r.body());
        assertEquals(200, get("/api/device/router/root/eth1").statusCode());
        long before = server.port(); // looking does not run time forward
        String w1 = get("/api/world").body().replaceAll(",\"width.*", "");
        get("/api/device/node1/pod1/eth0");
        assertEquals(w1, get("/api/world").body().replaceAll(",\"width.*", ""));
        assertTrue(before > 0);
    }

    @Test
    void badRequestsGetA4xxAndChangeNothing() throws Exception {
        String world = get("/api/world").body();
        String history = get("/api/history").body();
        String[][] cases = {
            // path, content type, body, expected status, part of the message
            {"/api/exec", "application/json", "{\"cmd\": 1}", "400", "must be a string"},
            {"/api/exec", "application/json", "{\"command\": \"ip link\"}", "400", "unknown field \\\"command\\\""},
            {"/api/exec", "application/json", "{}", "400", "missing field \\\"cmd\\\""},
            {"/api/exec", "application/json", "not json", "400", "not valid JSON"},
            {"/api/exec", "application/json", "{\"cmd\": \"ip link\"} x", "400", "not valid JSON"},
            {"/api/exec", "application/json", "[\"ip link\"]", "400", "must be a JSON object"},
            {"/api/exec", "application/json", "{\"cmd\": \"  \"}", "400", "empty command"},
            {"/api/exec", "application/json", "{\"cmd\": \"ip link\\nip addr\"}", "400", "one command line"},
            {"/api/exec", "text/plain", "{\"cmd\": \"ip link add x type dummy\"}", "415", "application/json"},
            {"/api/exec", null, "ip link", "415", "application/json"},
            {"/api/exec", "application/json", "{\"cmd\": \"" + "x".repeat(5000) + "\"}", "400", "longer than 4096"},
            {"/api/exec", "application/json", "{\"cmd\": \"" + "x".repeat(70_000) + "\"}", "413", "over 65536 bytes"},
            {"/api/world", "application/json", "{}", "405", "POST is not allowed here"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0], c[1], c[2]);
            assertEquals(Integer.parseInt(c[3]), r.statusCode(), c[2] + " -> " + r.body());
            assertTrue(r.body().startsWith("{\"error\":\"") && r.body().contains(c[4]), c[2] + " -> " + r.body());
        }
        String[][] gets = {
            {"/api/exec", "405", "GET is not allowed here"},
            {"/api/device/node1/pod1/nosuch", "404", "no device nosuch in namespace pod1 of host node1"},
            {"/api/device/nohost/root/eth0", "404", "no device eth0"},
            {"/api/device/node1/eth0", "400", "use /api/device/HOST/NETNS/DEV"},
            {"/api/trace/abc", "400", "a trace id is a number"},
            {"/api/trace/9999", "404", "no trace 9999"},
            {"/api/export.svg?trace=9999", "404", "no trace 9999"},
            {"/api/export.png?step=3", "400", "step needs trace=ID"},
            {"/api/nothing", "404", "no such resource: /api/nothing"},
        };
        for (String[] c : gets) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0] + " -> " + r.body());
            assertTrue(r.body().contains(c[2]), c[0] + " -> " + r.body());
        }
        HttpResponse<String> cross = http.send(HttpRequest.newBuilder(URI.create(base + "/api/exec"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\": \"ip link add x type dummy\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, cross.statusCode());
        String rebound = raw("POST /api/exec HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 37\r\nConnection: close\r\n\r\n{\"cmd\": \"ip link add x type dummy\"}");
        assertTrue(rebound.startsWith("HTTP/1.1 403 "), rebound);
        assertTrue(rebound.contains("{\"error\":\"Host evil.example:" + server.port() + " refused: use http://127.0.0.1:"), rebound);
        assertTrue(raw("GET /api/traces HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200 "));
        assertEquals(world, get("/api/world").body(), "the world did not change");
        assertEquals(history, get("/api/history").body(), "no command ran");
    }
}
