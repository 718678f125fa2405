package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.nsnet.cli.ExplainRun.Model;
import dev.nsnet.cli.ExplainRun.Result;
import dev.nsnet.cli.ExplainRun.Vpc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts {@code nsnet explain underlay} reports are what the emulated worlds measured. */
class ExplainTest {
    static Explain.Report report;

    @BeforeAll
    static void measure() { report = Explain.measure("underlay", 2); }

    static Result open(Model m) {
        for (Result r : report.open()) if (r.model() == m) return r;
        throw new AssertionError("no " + m);
    }

    static Result vpc(Model m, Vpc v) {
        for (Result r : report.vpc()) if (r.model() == m && r.vpc() == v) return r;
        return null;
    }

    static long hooks(Result r) { return r.nodeHooks().values().stream().mapToLong(Long::longValue).sum(); }

    @Test
    void bridgeNatTraffilPassesNode1sStack() {
        Result b = open(Model.BRIDGE);
        assertEquals(2, b.received(), b.pingOutput());
        assertEquals(4, b.nodeHooks().get("PREROUTING"), "2 requests (bridge hook) + 2 replies (IP hook)");
        assertEquals(4, b.nodeHooks().get("FORWARD"));
        assertEquals(4, b.nodeHooks().get("POSTROUTING"));
        assertEquals(0, b.nodeHooks().get("INPUT"));
        assertEquals(1, b.conntrack());
        List<String> path = ExplainText.node1Path(b.probe().requestPath);
        assertTrue(path.contains("cni0 ip_forward") && path.contains("eth0 nf_nat_manip_pkt") && path.contains("mangle/FORWARD"), path.toString());
        assertTrue(b.node2Neigh().startsWith("192.168.1.10 dev eth0 lladdr 52:54:00:00:00:0a"), b.node2Neigh());
        assertTrue(b.nodeDevices().get("veth1")[0] > 0 && b.nodeDevices().get("cni0")[0] > 0);
    }

    @Test
    void macvlanTrafficNeverEntersNode1sIpStack() {
        Result m = open(Model.MACVLAN);
        assertEquals(2, m.received(), m.pingOutput());
        assertEquals(0, hooks(m), "node1's iptables counters stay 0: " + m.nodeHooks());
        assertEquals(5, m.nodeHooks().size());
        assertEquals(0, m.conntrack());
        assertEquals(0, m.probe().chainWalks("node1"));
        assertEquals(List.of("eth0 dev_queue_xmit", "eth0 dev_hard_start_xmit"), ExplainText.node1Path(m.probe().requestPath));
        assertTrue(ExplainText.node1L3(m.probe().requestPath).isEmpty());
        assertTrue(ExplainText.node1L3(m.probe().replyPath).isEmpty(), m.probe().replyPath.toString());
        // only the NIC's driver counters move on node1
        for (var e : m.nodeDevices().entrySet()) {
            if (!e.getKey().equals("eth0")) assertEquals(0, e.getValue()[0] + e.getValue()[1], e.getKey());
        }
        assertTrue(m.nodeDevices().get("eth0")[0] >= 2);
        // but a packet socket on node1 (tcpdump -i any) sees the pod's 2 requests and 2 replies on eth0
        assertEquals(java.util.Map.of("eth0", 4L), m.tapped());
        assertEquals(java.util.Map.of("veth1", 4L, "cni0", 4L, "eth0", 4L), open(Model.BRIDGE).tapped());
        // node2 sees the pod as a machine of its own, with its own MAC
        assertTrue(m.node2Neigh().startsWith("192.168.1.11 dev eth0 lladdr 02:42:c0:a8:01:0b"), m.node2Neigh());
    }

    @Test
    void macvlanPathIsShorterThanBridgeNatAndCloseToTheNodesOwn() {
        int host = ExplainText.roundTrip(open(Model.HOST));
        int bridge = ExplainText.roundTrip(open(Model.BRIDGE));
        int macvlan = ExplainText.roundTrip(open(Model.MACVLAN));
        assertTrue(macvlan < bridge, macvlan + " vs " + bridge);
        assertTrue(Math.abs(macvlan - host) * 5 < host, "within 20% of the node's own: " + macvlan + " vs " + host);
        assertTrue(bridge > host * 3 / 2, bridge + " vs " + host);
        assertTrue(open(Model.BRIDGE).probe().chainWalks("node1") > 0);
    }

    @Test
    void portSecurityCutsOffMacvlanButNotBridgeNat() {
        Result b = vpc(Model.BRIDGE, Vpc.NODE_IP);
        assertEquals(2, b.received());
        assertEquals(0, b.portDrops()[0] + b.portDrops()[1] + b.portDrops()[2]);
        assertEquals(2, vpc(Model.BRIDGE, Vpc.MAX_MACS).received());
        for (Vpc v : new Vpc[] {Vpc.NODE_IP, Vpc.NODE_AND_POD_IP}) {
            Result m = vpc(Model.MACVLAN, v);
            assertEquals(0, m.received(), v.toString());
            assertTrue(m.portDrops()[1] > 0, "source MAC drops");
            assertEquals(0, m.portDrops()[2]);
        }
        Result limit = vpc(Model.MACVLAN, Vpc.MAX_MACS);
        assertEquals(0, limit.received());
        assertTrue(limit.portDrops()[0] > 0, "MAC limit drops");
    }

    @Test
    void ipvlanIsMeasuredOrSaysItIsNotAvailable() {
        for (Model m : new Model[] {Model.IPVLAN_L2, Model.IPVLAN_L3}) {
            Result r = open(m);
            if (!r.available()) {
                assertTrue(r.unavailable().contains("type ipvlan"), r.unavailable());
                continue;
            }
            assertEquals(2, r.received(), r.pingOutput());
            if (m == Model.IPVLAN_L2) {
                assertEquals(0, hooks(r), m + ": " + r.nodeHooks());
                assertTrue(r.node2Neigh().startsWith("192.168.1.11 dev eth0 lladdr 52:54:00:00:00:0a"), "the pod answers with node1's MAC: " + r.node2Neigh());
                assertEquals(ExplainText.roundTrip(open(Model.MACVLAN)), ExplainText.roundTrip(r));
            } else {
                // l3: what the pod sends is routed again in node1's namespace (OUTPUT, POSTROUTING); replies are not
                assertEquals(java.util.Map.of("PREROUTING", 0L, "INPUT", 0L, "FORWARD", 0L, "OUTPUT", 2L, "POSTROUTING", 2L), r.nodeHooks());
                assertTrue(ExplainText.node1Path(r.probe().requestPath).contains("eth0 ipvlan_process_v4_outbound"));
            }
            assertEquals(0, r.conntrack());
            assertEquals(2, vpc(m, Vpc.MAX_MACS).received(), "one MAC on the port: ipvlan passes a MAC limit");
            assertEquals(2, vpc(m, Vpc.NODE_AND_POD_IP).received());
            Result only = vpc(m, Vpc.NODE_IP);
            assertEquals(0, only.received());
            assertTrue(only.portDrops()[2] > 0, "source IP drops");
        }
    }

    @Test
    void textAndJsonReports() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExplainText.write(new PrintStream(buf, true, StandardCharsets.UTF_8), report);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Q1. Why does an underlay pod run at nearly the node's own speed?"), text);
        assertTrue(text.contains("\n  macvlan       0    0    0    0    0     0          eth0 "), text);
        assertTrue(text.contains("    macvlan:      eth0 dev_queue_xmit > eth0 dev_hard_start_xmit\n"), text);
        assertTrue(text.contains("  macvlan       VPC: node1's MAC and IP                 0/2      "), text);
        buf.reset();
        ExplainJson.write(new PrintStream(buf, true, StandardCharsets.UTF_8), report);
        String json = buf.toString(StandardCharsets.UTF_8);
        int models = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("model")) models++;
            }
        }
        assertEquals(report.open().size() + report.vpc().size(), models);
        assertTrue(json.contains("\"node1_hook_packets\""), json);
    }

    @Test
    void commandLine() {
        MainTest.Ran r = MainTest.nsnet("explain");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Usage: nsnet explain underlay|overlay|bridge"), r.err());
        r = MainTest.nsnet("explain", "sideways");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("nsnet explain: unknown subject 'sideways'\n"), r.err());
        r = MainTest.nsnet("explain", "bridge", "--count", "1");
        assertEquals(2, r.status());
        assertEquals("nsnet explain: --count needs a number from 2 to 100\n", r.err());
        r = MainTest.nsnet("explain", "--help");
        assertEquals(0, r.status());
        r = MainTest.nsnet("explain", "bridge", "--count", "2", "--paths");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("    bridge+NAT, request:\n      pod1: eth0 ip_local_out, eth0 ip_output, eth0 ip_finish_output2, eth0 dev_queue_xmit, eth0 veth_xmit\n"
                + "      node1: veth1 __netif_receive_skb, veth1 br_handle_frame, cni0 nf_conntrack_in, mangle/PREROUTING,"), r.out());
        assertTrue(r.out().contains("  bridge+NAT    2/2 "), r.out());
        assertFalse(r.out().contains("macvlan    "), r.out());
        assertNotNull(r.out());
    }

    @Test
    void theSameRunMeasuresTheSame() {
        String[] text = new String[2];
        for (int i = 0; i < 2; i++) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            ExplainJson.write(new PrintStream(buf, true, StandardCharsets.UTF_8), Explain.measure("bridge", 2));
            text[i] = buf.toString(StandardCharsets.UTF_8);
        }
        assertEquals(text[0], text[1], "virtual time and a fixed seed: a report is reproducible byte for byte");
    }
}
