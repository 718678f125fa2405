package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.cli.ExplainRun.Model;
import dev.nsnet.cli.ExplainRun.Result;
import dev.nsnet.cli.ExplainRun.Vpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code nsnet explain overlay}: the vxlan world, measured (golden 671 shows the same counts on the kernel). */
class ExplainOverlayTest {
    @Test
    void vxlanIsSeenTwiceByNode1AndPassesPortSecurity() {
        Explain.Report r = Explain.measure("overlay", 2);
        assertEquals(List.of(Model.HOST, Model.BRIDGE, Model.VXLAN, Model.MACVLAN), r.open().stream().map(Result::model).toList());
        Result v = r.open().get(2);
        assertTrue(v.available(), v.unavailable());
        assertEquals(2, v.received(), v.pingOutput());
        // inner packet forwarded, outer UDP sent and received by node1 itself
        assertEquals(Map.of("PREROUTING", 6L, "INPUT", 2L, "FORWARD", 4L, "OUTPUT", 2L, "POSTROUTING", 6L), v.nodeHooks());
        List<String> path = ExplainText.node1Path(v.probe().requestPath);
        assertTrue(path.contains("flannel.1 vxlan_xmit") && path.contains("eth0 ip_local_out") && path.contains("mangle/OUTPUT"), path.toString());
        assertTrue(ExplainText.roundTrip(v) > ExplainText.roundTrip(r.open().get(1)), "the overlay costs more than bridge+NAT");
        // outer frames carry node1's MAC and IP: a VPC port that allows only those lets the overlay through
        for (Result x : r.vpc()) {
            if (x.model() != Model.VXLAN) continue;
            assertEquals(2, x.received(), x.vpc().toString());
            assertEquals(0, x.portDrops()[0] + x.portDrops()[1] + x.portDrops()[2]);
        }
        assertEquals(2, r.vpc().stream().filter(x -> x.model() == Model.VXLAN).count());
        assertTrue(r.vpc().stream().anyMatch(x -> x.model() == Model.VXLAN && x.vpc() == Vpc.NODE_IP));
    }
}
