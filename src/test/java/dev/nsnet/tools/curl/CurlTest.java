package dev.nsnet.tools.curl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Session;
import org.junit.jupiter.api.Test;

/**
 * curl 7.88.1 and {@code python3 -m http.server} against what they printed on the recording host
 * (scripts/sandbox.sh; golden/220-221 hold the kernel-recorded scenarios). The real server said
 * Python/3.11.7 there (a newer build than Debian 12's 3.11.2, which nsnet names) and wall-clock dates.
 */
class CurlTest {
    private static Session pair() {
        Session s = new Session(1);
        for (String l : new String[] {
            "ip netns add a", "ip netns add b",
            "ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02",
            "ip -n a addr add 10.0.0.1/24 dev veth0", "ip -n b addr add 10.0.0.2/24 dev veth1",
            "ip -n a link set lo up", "ip -n b link set lo up",
            "ip -n a link set veth0 up", "ip -n b link set veth1 up",
            "ip -n a neigh add 10.0.0.9 lladdr 02:00:00:00:00:99 dev veth0",
            "sleep 1"}) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        return s;
    }

    private static Session withServer() {
        Session s = pair();
        s.capture("ip netns exec b python3 -m http.server 8000 &");
        return s;
    }

    @Test
    void verboseTraceOfASuccessfulGet() {
        Session s = withServer();
        Session.Result r = s.capture("ip netns exec a curl -sv -o /dev/null http://10.0.0.2:8000/");
        assertEquals(0, r.exitStatus());
        // (the server's access log line goes to the background job's stream, not this capture)
        String out = r.output().replaceAll("Date: .* GMT", "Date: DATE");
        assertEquals("""
                *   Trying 10.0.0.2:8000...
                * Connected to 10.0.0.2 (10.0.0.2) port 8000 (#0)
                > GET / HTTP/1.1\r
                > Host: 10.0.0.2:8000\r
                > User-Agent: curl/7.88.1\r
                > Accept: */*\r
                > \r
                * HTTP 1.0, assume close after body
                < HTTP/1.0 200 OK\r
                < Server: SimpleHTTP/0.6 Python/3.11.2\r
                < Date: DATE\r
                < Content-type: text/html; charset=utf-8\r
                < Content-Length: 187\r
                < \r
                { [187 bytes data]
                * Closing connection 0
                """, out);
    }

    @Test
    void headShowsTheHeadersAndA404HasPythonsErrorPage() {
        Session s = withServer();
        Session.Result r = s.capture("ip netns exec a curl -sI http://10.0.0.2:8000/nope");
        String out = r.output().replaceAll("Date: .* GMT", "Date: DATE").replaceAll("(?m)^10\\.0\\.0\\.1 .*\n", "");
        assertEquals(0, r.exitStatus());
        assertEquals("HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nDate: DATE\r\n"
                + "Connection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n", out);
        r = s.capture("ip netns exec a curl -s -o /dev/null -w '%{http_code} %{size_download}\\n' http://10.0.0.2:8000/nope");
        assertTrue(r.output().endsWith("404 335\n"), r.output());
    }

    @Test
    void failuresAsCurlWordsThem() {
        Session s = pair();
        // the meter's first line is not ended before the resolver's error (recorded so)
        assertEquals(new Session.Result(6, """
                  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                                 Dload  Upload   Total   Spent    Left  Speed
                \r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (6) Could not resolve host: nope
                """), s.capture("ip netns exec a curl http://nope/"));
        // -m during connect: curl reports one millisecond past the limit, --connect-timeout the limit
        // (what most real runs print; a loaded host adds a millisecond or more)
        assertEquals(new Session.Result(28, "curl: (28) Connection timed out after 1001 milliseconds\n"),
                s.capture("ip netns exec a curl -sS -m 1 http://10.0.0.9/"));
        assertEquals(new Session.Result(28, "curl: (28) Failed to connect to 10.0.0.9 port 80 after 1000 ms: Timeout was reached\n"),
                s.capture("ip netns exec a curl -sS --connect-timeout 1 http://10.0.0.9/"));
        assertEquals(new Session.Result(7, "curl: (7) Failed to connect to 10.0.0.2 port 8001 after 0 ms: Couldn't connect to server\n"),
                s.capture("ip netns exec a curl -sS 10.0.0.2:8001"));
        assertEquals(new Session.Result(2, "curl: nsnet has no file system: -o accepts only /dev/null\n"),
                s.capture("ip netns exec a curl -s -o /tmp/x http://10.0.0.2:8000/"));
        assertEquals(2, s.capture("ip netns exec a curl -L http://10.0.0.2:8000/").exitStatus());
    }

    @Test
    void verboseRefusalInterleavesWithTheProgressMeter() {
        Session s = pair();
        String meter0 = "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0";
        assertEquals(new Session.Result(7, """
                  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                                 Dload  Upload   Total   Spent    Left  Speed
                """ + meter0 + """
                *   Trying 10.0.0.2:8001...
                * connect to 10.0.0.2 port 8001 failed: Connection refused
                * Failed to connect to 10.0.0.2 port 8001 after 0 ms: Couldn't connect to server
                """ + meter0 + """

                * Closing connection 0
                curl: (7) Failed to connect to 10.0.0.2 port 8001 after 0 ms: Couldn't connect to server
                """), s.capture("ip netns exec a curl -v http://10.0.0.2:8001/"));
    }

    @Test
    void includeWritesTheHeadersBeforeTheBody() {
        Session s = withServer();
        Session.Result r = s.capture("ip netns exec a curl -si http://10.0.0.2:8000/");
        String out = r.output().replaceAll("Date: .* GMT", "Date: DATE");
        assertTrue(out.startsWith("HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nDate: DATE\r\n"
                + "Content-type: text/html; charset=utf-8\r\nContent-Length: 187\r\n\r\n<!DOCTYPE HTML>\n"), out);
        assertTrue(out.endsWith("</html>\n"), out);
    }

    @Test
    void urlPathsAreNormalisedAndTheServerRedirectsADirectoryWithoutSlash() {
        assertEquals("/", Curl.removeDotSegments("/."));
        assertEquals("/b/", Curl.removeDotSegments("/a/../b/"));
        assertEquals("/x?y=/..", Curl.removeDotSegments("/x?y=/.."));
        assertEquals(new Curl.Url("h", 8080, "/p"), Curl.parseUrl("http://h:8080/p#frag"));
        assertEquals(null, Curl.parseUrl("http://h:99999/"));
    }

    @Test
    void theNormalizerBlanksTheAccessLogDate() {
        assertEquals("10.0.0.1 - - [DATE] \"GET / HTTP/1.1\" 200 -\n",
                dev.nsnet.scenario.Normalizer.normalize("10.0.0.1 - - [26/Nov/2026 23:55:32] \"GET / HTTP/1.1\" 200 -\n"));
    }

    @Test
    void python3RefusesAnythingButHttpServer() {
        Session s = pair();
        Session.Result r = s.capture("python3 -c 'print(1)'");
        assertEquals(2, r.exitStatus());
        assertTrue(r.output().contains("python3 -m http.server"), r.output());
        assertEquals(new Session.Result(2, "usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n"
                + "server.py: error: argument port: invalid int value: 'abc'\n"), s.capture("python3 -m http.server abc"));
        assertEquals(new Session.Result(2, "usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n"
                + "server.py: error: argument -b/--bind: expected one argument\n"), s.capture("python3 -m http.server --bind"));
        s.capture("ip netns exec b python3 -m http.server 8000 &");
        r = s.capture("ip netns exec b python3 -m http.server 8000");
        assertEquals(1, r.exitStatus());
        assertTrue(r.output().endsWith("OSError: [Errno 98] Address already in use\n"), r.output());
    }
}
