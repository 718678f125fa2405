package dev.nsnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.scenario.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drawing's model and ELK layout: what is drawn, and that it stays readable at 50 pods. */
class LayoutTest {
    /** A node with {@code pods} pods on bridge cni0, each a netns with eth0 and a veth on the bridge. */
    static Session pods(int pods) {
        Session s = new Session(1);
        List<String> l = new ArrayList<>(List.of("ip link add cni0 type bridge", "ip link set cni0 up",
                "ip addr add 10.244.0.1/16 dev cni0"));
        for (int i = 1; i <= pods; i++) {
            l.add("ip netns add pod" + i);
            l.add("ip link add veth" + i + " type veth peer name eth0 netns pod" + i);
            l.add("ip link set veth" + i + " master cni0");
            l.add("ip link set veth" + i + " up");
            l.add("ip -n pod" + i + " addr add 10.244." + (i / 200) + "." + (i % 200 + 2) + "/16 dev eth0");
            l.add("ip -n pod" + i + " link set eth0 up");
        }
        for (String line : l) assertEquals(0, s.execute(line, System.out, System.err), line);
        return s;
    }

    @Test
    void demoWorldIsDrawnAsTheArticleDoes() {
        WebWorld w = WebWorld.demo(1);
        Topology t = w.topology();
        for (String id : List.of("h:node1", "h:router", "h:baidu", "n:node1/root", "n:node1/pod1", "n:node1/pod2",
                "d:node1/pod1/eth0", "d:node1/root/veth6b7a2f1c", "d:node1/root/cni0", "d:node1/root/eth0", "s:tor",
                "d:router/root/eth0", "d:router/root/eth1", "d:baidu/root/eth0")) {
            assertNotNull(t.nodes.get(id), id);
        }
        assertEquals("bridge", t.nodes.get("d:node1/root/cni0").kind());
        assertEquals("nic", t.nodes.get("d:node1/root/eth0").kind());
        assertEquals("n:node1/pod1", t.nodes.get("d:node1/pod1/eth0").parent());
        assertTrue(t.nodes.get("d:node1/pod1/eth0").lines().contains("10.244.1.2/24"));
        List<String> edges = t.edges.stream().map(e -> e.kind() + " " + e.a() + " " + e.b()).toList();
        assertTrue(edges.contains("veth d:node1/pod1/eth0 d:node1/root/veth6b7a2f1c"), edges.toString());
        assertTrue(edges.contains("port d:node1/root/veth6b7a2f1c d:node1/root/cni0"), edges.toString());
        assertTrue(edges.contains("cable d:node1/root/eth0 s:tor"), edges.toString());
        assertTrue(edges.contains("cable s:tor d:router/root/eth0"), edges.toString());
        assertTrue(edges.contains("cable d:router/root/eth1 d:baidu/root/eth0"), edges.toString());
        assertFalse(t.nodes.containsKey("d:node1/root/lo"), "lo is not drawn");
        assertNoOverlaps(w.layout());
        // the article's order, top to bottom: pods, the bridge, the NIC, the switch, the router, the web host
        Map<String, Layout.Box> b = w.layout().boxes;
        assertTrue(b.get("d:node1/pod1/eth0").y() < b.get("d:node1/root/cni0").y());
        assertTrue(b.get("d:node1/root/veth6b7a2f1c").y() < b.get("d:node1/root/cni0").y());
        assertTrue(b.get("h:node1").y() < b.get("s:tor").y());
        assertTrue(b.get("s:tor").y() < b.get("h:router").y());
        assertTrue(b.get("h:router").y() < b.get("h:baidu").y());
    }

    @Test
    void fiftyPodsLayOutWithoutOverlaps() {
        Session s = pods(50);
        long t0 = System.nanoTime();
        Topology t = Topology.of(s.emulation);
        Layout l = Layout.of(t);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1 + 51 + 101, t.nodes.size(), "host, 51 namespaces, 50 eth0 + 50 veths + cni0");
        assertEquals(100, t.edges.size(), "50 veth pairs and 50 bridge ports");
        assertEquals(100, l.wires.size(), "every wire routed");
        assertNoOverlaps(l);
        assertTrue(ms < 20_000, "layout took " + ms + " ms");
        // wrapped into rows (ELK layer unzipping): the drawing's shape is near a window's
        assertTrue(l.width / l.height < 3 && l.height / l.width < 3, l.width + " x " + l.height);
        assertRowsInNameOrder(l, "n:nsnet/pod", 50, 4);
        assertRowsInNameOrder(l, "d:nsnet/root/veth", 50, 4);
        // readable: every device box is at least as large as its text
        for (Layout.Box b : l.boxes.values()) {
            if (b.node().kind().equals("veth")) {
                assertTrue(b.w() >= Layout.leafSize(b.node())[0] - 0.01 && b.h() >= Layout.leafSize(b.node())[1] - 0.01);
            }
        }
        // wires start and end on their devices' boxes
        for (Layout.Wire w : l.wires) {
            double[] p = w.points();
            assertTrue(touches(l.boxes.get(w.edge().a()), p[0], p[1]) || touches(l.boxes.get(w.edge().b()), p[0], p[1]), w.edge().id());
            int n = p.length;
            assertTrue(touches(l.boxes.get(w.edge().a()), p[n - 2], p[n - 1]) || touches(l.boxes.get(w.edge().b()), p[n - 2], p[n - 1]), w.edge().id());
        }
    }

    @Test
    void flannelClusterShowsNodesVxlanLowersAndTunnels() throws Exception {
        Session s = new Session(1);
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("examples/clusters/flannel-vxlan.yaml"));
        var plan = new dev.nsnet.scenario.cluster.ClusterPlan(dev.nsnet.scenario.cluster.ClusterSpec.parse("flannel-vxlan.yaml", yaml));
        java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(0, dev.nsnet.scenario.cluster.ClusterBuilder.build(plan, s, sink, sink));
        Topology t = Topology.of(s.emulation);
        for (String node : List.of("node1", "node2", "node3")) {
            assertEquals("vxlan", t.nodes.get("d:" + node + "/root/flannel.1").kind(), node);
            assertTrue(t.nodes.get("d:" + node + "/root/flannel.1").lines().contains("vni 1 dstport 8472"));
        }
        List<String> edges = t.edges.stream().map(e -> e.kind() + " " + e.a() + " " + e.b()).toList();
        assertTrue(edges.contains("lower d:node1/root/flannel.1 d:node1/root/eth0"), edges.toString());
        assertTrue(edges.contains("tunnel d:node1/root/flannel.1 d:node2/root/flannel.1"), edges.toString());
        assertTrue(edges.contains("tunnel d:node2/root/flannel.1 d:node3/root/flannel.1"), edges.toString());
        Layout l = Layout.of(t);
        assertNoOverlaps(l);
        assertEquals(t.edges.size(), l.wires.size(), "every wire drawn, tunnels too");
    }

    /** {@code n} boxes PREFIX1..PREFIXn lie in {@code rows} rows, pod i in row (i - 1) % rows, each row by number left to right. */
    private static void assertRowsInNameOrder(Layout l, String prefix, int n, int rows) {
        // a row's boxes have their tops within a few pixels (ELK centres each in its layer)
        java.util.TreeSet<Double> tops = new java.util.TreeSet<>();
        for (int i = 1; i <= n; i++) tops.add(l.boxes.get(prefix + i).y());
        List<Double> ys = new ArrayList<>();
        for (double y : tops) if (ys.isEmpty() || y - ys.getLast() > 4) ys.add(y);
        assertEquals(rows, ys.size(), prefix + " rows at " + tops);
        for (int i = 1; i <= n; i++) {
            Layout.Box b = l.boxes.get(prefix + i);
            assertEquals(ys.get((i - 1) % rows), b.y(), 4, prefix + i + " row");
            if (i > rows) assertTrue(l.boxes.get(prefix + (i - rows)).x() + l.boxes.get(prefix + (i - rows)).w() <= b.x(),
                    prefix + (i - rows) + " left of " + prefix + i);
        }
    }

    private static boolean touches(Layout.Box b, double x, double y) {
        double e = 1.0;
        return x >= b.x() - e && x <= b.x() + b.w() + e && y >= b.y() - e && y <= b.y() + b.h() + e;
    }

    /** Siblings (children of one box, or top-level boxes) never overlap; children lie inside their parent. */
    static void assertNoOverlaps(Layout l) {
        List<Layout.Box> all = new ArrayList<>(l.boxes.values());
        for (Layout.Box c : all) {
            assertTrue(c.w() > 0 && c.h() > 0, c.node().id());
            if (c.node().parent() != null) {
                Layout.Box p = l.boxes.get(c.node().parent());
                assertTrue(c.x() >= p.x() && c.y() >= p.y() && c.x() + c.w() <= p.x() + p.w() + 0.01
                        && c.y() + c.h() <= p.y() + p.h() + 0.01, c.node().id() + " inside " + p.node().id());
            }
            assertTrue(c.x() >= 0 && c.y() >= 0 && c.x() + c.w() <= l.width + 0.01 && c.y() + c.h() <= l.height + 0.01, c.node().id());
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Layout.Box a = all.get(i), b = all.get(j);
                if (!java.util.Objects.equals(a.node().parent(), b.node().parent())) continue;
                boolean apart = a.x() + a.w() <= b.x() + 0.01 || b.x() + b.w() <= a.x() + 0.01
                        || a.y() + a.h() <= b.y() + 0.01 || b.y() + b.h() <= a.y() + 0.01;
                assertTrue(apart, a.node().id() + " overlaps " + b.node().id());
            }
        }
    }
}
