package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's web request: pod1's curl gets 200 from baidu's http.server, and the trace shows the handshake's path. */
class DemoWebTest {
    @Test
    void podFetchesThePageAndTheTraceShowsTheSynAndTheSynAck() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Demo.Outcome o = Demo.demo(new PrintStream(buf, true, StandardCharsets.UTF_8), true);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(o.allReachable(), out);
        assertEquals(Demo.CASES.length + 1, o.pingStatus().length);
        String web = out.substring(out.indexOf("baidu# python3 -m http.server 80 &"));
        assertTrue(web.contains("\"GET / HTTP/1.1\" 200 -\n200\n"), web);
        // the SYN leaves pod1, is forwarded by node1 and the router, and reaches baidu's listener
        int syn = web.indexOf("tcp_transmit_skb        10.244.1.2.");
        int atBaidu = web.indexOf("baidu     eth0       tcp_v4_rcv");
        int synAckHome = web.indexOf("pod1      eth0       tcp_v4_rcv");
        assertTrue(syn > 0 && atBaidu > syn && synAckHome > atBaidu, web);
        assertTrue(web.substring(atBaidu, web.indexOf('\n', atBaidu)).endsWith("[S] LISTEN"), web);
        assertTrue(web.substring(synAckHome, web.indexOf('\n', synAckHome)).endsWith("[S.] SYN-SENT"), web);
        assertTrue(web.contains("router    eth0       ip_forward"), web);
        // only the handshake: no third packet of the connection
        assertTrue(!web.substring(synAckHome).contains("tcp_transmit_skb"), web);
    }
}
