package dev.nsnet.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerUnzippingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a {@link Topology} with Eclipse ELK's layered algorithm (Sugiyama style, top to bottom:
 * pods above the host's bridge, the NIC below, switches and other hosts further down, as in the
 * article's figures), laying out nested boxes and the wires between them in one pass
 * ({@code hierarchyHandling=INCLUDE_CHILDREN}) with orthogonal edge routing. The result holds
 * absolute coordinates, so the SVG and PNG renderers only draw.
 */
public final class Layout {
    /** A box at absolute coordinates. */
    public record Box(Topology.Node node, double x, double y, double w, double h) { }

    /** A wire as a polyline of absolute points (x0, y0, x1, y1, ...). */
    public record Wire(Topology.Edge edge, double[] points) { }

    public final Map<String, Box> boxes = new LinkedHashMap<>();
    public final List<Wire> wires = new ArrayList<>();
    public double width, height;

    static final double LINE_H = 14, CHAR_W = 7, TITLE_H = 24, PAD = 12;

    private Layout() { }

    public static Layout of(Topology t) {
        Layout l = new Layout();
        l.place(t);
        return l;
    }

    private void place(Topology t) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
        Map<String, ElkNode> elk = new HashMap<>();
        for (Topology.Node n : t.nodes.values()) {
            ElkNode parent = n.parent() == null ? root : elk.get(n.parent());
            if (parent == null) continue;
            ElkNode e = ElkGraphUtil.createNode(parent);
            e.setIdentifier(n.id());
            elk.put(n.id(), e);
            boolean container = n.kind().equals("host") || n.kind().equals("netns");
            if (container) {
                e.setProperty(CoreOptions.PADDING, new ElkPadding(TITLE_H + 6, PAD, PAD, PAD));
                // an empty namespace still shows its title
                e.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(titleWidth(n), TITLE_H + 16));
                e.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
                e.setDimensions(titleWidth(n), TITLE_H + 16);
            } else {
                double[] wh = leafSize(n);
                e.setDimensions(wh[0], wh[1]);
            }
        }
        wrapRows(t, elk);
        Map<ElkEdge, Topology.Edge> edgeOf = new LinkedHashMap<>();
        for (Topology.Edge te : t.edges) {
            if (te.kind().equals("tunnel")) continue; // drawn over the laid-out underlay
            ElkNode a = elk.get(te.a()), b = elk.get(te.b());
            if (a == null || b == null) continue;
            // edges point downwards: pod end to host end, port to bridge, upper to lower device,
            // and along cables away from the first host (Topology orders each edge's ends so)
            ElkEdge e = ElkGraphUtil.createSimpleEdge(a, b);
            ElkGraphUtil.updateContainment(e);
            edgeOf.put(e, te);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        width = root.getWidth();
        height = root.getHeight();
        for (Topology.Node n : t.nodes.values()) {
            ElkNode e = elk.get(n.id());
            if (e == null) continue;
            double[] o = absolute(e);
            boxes.put(n.id(), new Box(n, o[0], o[1], e.getWidth(), e.getHeight()));
        }
        for (Map.Entry<ElkEdge, Topology.Edge> me : edgeOf.entrySet()) {
            ElkEdge e = me.getKey();
            if (e.getSections().isEmpty()) continue;
            double[] o = absolute(e.getContainingNode());
            List<Double> pts = new ArrayList<>();
            for (ElkEdgeSection s : e.getSections()) {
                pts.add(s.getStartX() + o[0]);
                pts.add(s.getStartY() + o[1]);
                for (ElkBendPoint bp : s.getBendPoints()) {
                    pts.add(bp.getX() + o[0]);
                    pts.add(bp.getY() + o[1]);
                }
                pts.add(s.getEndX() + o[0]);
                pts.add(s.getEndY() + o[1]);
            }
            double[] p = new double[pts.size()];
            for (int i = 0; i < p.length; i++) p[i] = pts.get(i);
            wires.add(new Wire(me.getValue(), p));
        }
        for (Topology.Edge te : t.edges) {
            if (!te.kind().equals("tunnel")) continue;
            Box a = boxes.get(te.a()), b = boxes.get(te.b());
            if (a == null || b == null) continue;
            wires.add(new Wire(te, new double[] {a.x() + a.w() / 2, a.y() + a.h() / 2, b.x() + b.w() / 2, b.y() + b.h() / 2}));
        }
    }

    /**
     * Wraps a wide layer into rows: a host's pod namespaces, and a namespace's devices that are
     * ports of one of its bridges (the host ends of the pods' veths), lie in one ELK layer each;
     * with more than {@link #ROW} of them ELK's layer unzipping (ALTERNATING) splits that layer
     * into round(sqrt(n / 3)) sublayers (50 pods: 4 rows of 12-13, 200 pods: 8 rows of 25), so the
     * drawing's aspect ratio stays near a window's (50 pods: 2,836 x 1,459 px instead of
     * 8,994 x 831). Alternating deals the nodes, in their model order (the order Topology lists
     * them: the namespaces' and devices' creation order, pod1, pod2, ...), to the rows in turn,
     * so each row keeps that order left to right (row 1: pod1, pod5, pod9, ...). Fewer pods (the demo's two) are left alone.
     */
    private static void wrapRows(Topology t, Map<String, ElkNode> elk) {
        Map<String, List<Topology.Node>> wide = new LinkedHashMap<>();
        java.util.Set<String> ports = new java.util.HashSet<>();
        for (Topology.Edge e : t.edges) if (e.kind().equals("port")) ports.add(e.a());
        for (Topology.Node n : t.nodes.values()) {
            if (n.parent() == null) continue;
            Topology.Node p = t.nodes.get(n.parent());
            boolean pod = n.kind().equals("netns") && !n.id().endsWith("/root");
            if (pod || ports.contains(n.id())) wide.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(n);
        }
        for (Map.Entry<String, List<Topology.Node>> me : wide.entrySet()) {
            int n = me.getValue().size();
            ElkNode parent = elk.get(me.getKey());
            if (n <= ROW || parent == null) continue;
            int split = (int) Math.max(2, Math.round(Math.sqrt(n / 3.0)));
            parent.setProperty(LayeredOptions.LAYER_UNZIPPING_STRATEGY, LayerUnzippingStrategy.ALTERNATING);
            // network simplex packs the rows (Brandes-Koepf staircases them along their wires);
            // the model order (set up to the root, where ELK reads it) keeps the rows in that order
            parent.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
            for (ElkNode q = parent; q != null; q = q.getParent()) {
                q.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.PREFER_NODES);
            }
            for (ElkNode c : parent.getChildren()) c.setProperty(LayeredOptions.LAYER_UNZIPPING_LAYER_SPLIT, 1);
            for (Topology.Node c : me.getValue()) {
                ElkNode e = elk.get(c.id());
                if (e != null) e.setProperty(LayeredOptions.LAYER_UNZIPPING_LAYER_SPLIT, split);
            }
        }
    }

    /** The most pods (or bridge ports) of one box drawn side by side without wrapping. */
    static final int ROW = 10;

    /** The node's top-left corner in the root's coordinates (ELK's are relative to the parent). */
    private static double[] absolute(ElkNode n) {
        double x = 0, y = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
            y += p.getY();
        }
        return new double[] {x, y};
    }

    static double titleWidth(Topology.Node n) { return n.label().length() * CHAR_W + 2 * PAD + 8; }

    /** A device box fits its name (bold) and its lines. */
    static double[] leafSize(Topology.Node n) {
        int chars = n.label().length() + 1;
        for (String s : n.lines()) chars = Math.max(chars, s.length());
        return new double[] {chars * CHAR_W + 16, 20 + LINE_H * n.lines().size() + 4};
    }
}
