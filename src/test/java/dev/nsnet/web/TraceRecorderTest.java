package dev.nsnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded trace and the highlight rule: what turns red, where a packet is dropped. */
class TraceRecorderTest {
    @Test
    void podToPodStaysOnTheBridge() {
        WebWorld w = WebWorld.demo(1);
        WebWorld.Exec x = w.exec("ip netns exec pod1 ping -c 1 -W 1 10.244.1.3");
        assertEquals(0, x.status(), x.stderr());
        List<TraceRecorder.Step> steps = x.trace().steps();
        assertEquals("d:node1/pod1/eth0", steps.get(0).node());
        assertTrue(steps.stream().anyMatch(s -> s.func().equals("br_handle_frame")), "switched by cni0");
        Drawing.Highlight hl = TraceRecorder.highlight(steps, steps.size(), w.topology());
        assertTrue(hl.nodes().containsAll(List.of("d:node1/pod1/eth0", "d:node1/root/veth6b7a2f1c", "d:node1/root/cni0",
                "d:node1/root/veth0d4c88e3", "d:node1/pod2/eth0")), hl.toString());
        assertFalse(hl.nodes().contains("d:node1/root/eth0"), "L2 only: the NIC is not on the path");
        assertTrue(hl.edges().contains("e:port:d:node1/root/veth6b7a2f1c"));
        assertTrue(hl.edges().contains("e:veth:d:node1/pod2/eth0|d:node1/root/veth0d4c88e3"));
        assertTrue(hl.drops().isEmpty());
        // the step counter: nothing before the first step, only pod1's eth0 after it
        assertTrue(TraceRecorder.highlight(steps, 0, w.topology()).nodes().isEmpty());
        Drawing.Highlight one = TraceRecorder.highlight(steps, 1, w.topology());
        assertEquals(List.of("d:node1/pod1/eth0"), List.copyOf(one.nodes()));
        assertEquals("d:node1/pod1/eth0", one.current());
    }

    @Test
    void aDropIsMarkedWhereItHappened() throws Exception {
        WebWorld w = WebWorld.demo(1);
        assertEquals(0, w.exec("iptables -I FORWARD -d 203.0.113.10 -j DROP").status());
        WebWorld.Exec x = w.exec("ip netns exec pod1 ping -c 1 -W 1 203.0.113.10");
        assertEquals(1, x.status());
        // (the bridge's multicast timer sends IGMP reports the pods drop too: look for the ping's)
        TraceRecorder.Step drop = x.trace().steps().stream()
                .filter(s -> "SKB_DROP_REASON_NETFILTER_DROP".equals(s.drop())).findFirst().orElse(null);
        assertNotNull(drop, x.trace().text());
        assertTrue(drop.summary().startsWith("ICMP echo request 10.244.1.2 > 203.0.113.10"), drop.summary());
        assertEquals("node1", drop.host());
        Drawing.Highlight hl = w.highlight(x.trace(), x.trace().steps().size());
        assertTrue(hl.drops().contains(drop.node()), hl.toString());
        assertFalse(hl.nodes().contains("s:tor"), "nothing left node1");
        String svg = Drawing.svg(w.layout(), hl);
        assertTrue(svg.contains(" dropped\" data-id=\"" + drop.node() + "\""), svg);
        assertTrue(x.trace().text().contains("DROP SKB_DROP_REASON_NETFILTER_DROP"), "the text trace says it too");
        byte[] png = Drawing.png(w.layout(), hl);
        assertTrue(png.length > 1000);
    }

    @Test
    void recorderIsDetachedAfterTheCommand() {
        WebWorld w = WebWorld.demo(1);
        w.exec("ip netns exec pod1 ping -c 1 -W 1 10.244.1.3");
        assertFalse(w.session.emulation.trace.on, "no observer left on the data path");
        WebWorld fresh = WebWorld.fresh(1);
        WebWorld.Exec quiet = fresh.exec("ip -br link");
        assertEquals("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n", quiet.stdout());
        assertEquals(null, quiet.trace(), "a command that moved no packet has no trace");
    }
}
