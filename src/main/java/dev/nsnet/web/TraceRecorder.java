package dev.nsnet.web;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import dev.nsnet.trace.PacketSummary;
import dev.nsnet.trace.WireObserver;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the packet trace of one command for the web view: the same events as the text tracer
 * (trace.TextTrace: kernel function steps, drops with their SKB_DROP_REASON, switch decisions on
 * the wires), kept as structured steps that name the drawing's node each happened at. Attached
 * only while the command runs; capped at {@link #MAX_STEPS} steps.
 */
public final class TraceRecorder implements PacketObserver, WireObserver {
    public static final int MAX_STEPS = 20_000;

    /**
     * One step: virtual time (ns), packet id and its summary at that moment (it changes on NAT),
     * where (host, namespace, device, drawing node id), the kernel function, what was decided, and
     * the drop reason (null unless dropped).
     */
    public record Step(long timeNs, long packet, String summary, String host, String netns, String dev,
                       String node, String func, String detail, String drop) { }

    private final Emulation emu;
    public final List<Step> steps = new ArrayList<>();
    public boolean truncated;

    public TraceRecorder(Emulation emu) { this.emu = emu; }

    public void attach() {
        emu.trace.attach(this);
        World.of(emu).addObserver(this);
    }

    public void detach() {
        emu.trace.detach(this);
        World.of(emu).removeObserver(this);
    }

    @Override
    public void step(SkBuff skb, NetDevice dev, String func, String detail) {
        add(skb, dev, func, detail == null ? "" : detail, null);
    }

    @Override
    public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
        add(skb, dev, func, detail == null ? "" : detail, "SKB_DROP_REASON_" + reason.name());
    }

    @Override
    public void wire(SkBuff skb, String where, String what) {
        if (full()) return;
        String node = null;
        for (Switch s : World.of(emu).switches().values()) {
            if (where.startsWith(s.name + " port ")) node = Topology.switchId(s);
        }
        steps.add(new Step(emu.now(), skb.id, PacketSummary.of(skb), "(wire)", "", where, node, "switch", what, null));
    }

    private void add(SkBuff skb, NetDevice dev, String func, String detail, String drop) {
        if (full()) return;
        String host = "-", netns = "-", name = "-", node = null;
        if (dev != null && dev.ns != null) {
            host = dev.ns.host.hostname;
            netns = Topology.nsName(dev.ns);
            name = dev.name;
            node = Topology.devId(dev);
        }
        steps.add(new Step(emu.now(), skb.id, PacketSummary.of(skb), host, netns, name, node, func, detail, drop));
    }

    /** Whether two device node ids (d:HOST/NETNS/DEV) are in the same namespace. */
    static boolean sameNetns(String a, String b) {
        if (!a.startsWith("d:") || !b.startsWith("d:")) return false;
        return a.substring(0, a.lastIndexOf('/')).equals(b.substring(0, b.lastIndexOf('/')));
    }

    private boolean full() {
        if (steps.size() < MAX_STEPS) return false;
        truncated = true;
        return true;
    }

    /**
     * What the drawing paints red after the first {@code upTo} steps: every node passed, every
     * wire between two nodes a packet passed one after the other, the node of the last step, and
     * the nodes where a packet was dropped.
     */
    public static Drawing.Highlight highlight(List<Step> steps, int upTo, Topology t) {
        Map<String, List<Topology.Edge>> byEnds = new HashMap<>();
        for (Topology.Edge e : t.edges) {
            byEnds.computeIfAbsent(e.a() + "|" + e.b(), k -> new ArrayList<>()).add(e);
            byEnds.computeIfAbsent(e.b() + "|" + e.a(), k -> new ArrayList<>()).add(e);
        }
        Set<String> nodes = new LinkedHashSet<>(), edges = new HashSet<>();
        Set<List<String>> hops = new LinkedHashSet<>();
        Set<String> drops = new LinkedHashSet<>();
        Map<Long, String> lastOf = new HashMap<>(); // per packet: where it was last seen
        String current = null;
        for (int i = 0; i < Math.min(upTo, steps.size()); i++) {
            Step s = steps.get(i);
            if (s.node() == null) continue;
            nodes.add(s.node());
            if (s.drop() != null) drops.add(s.node());
            // a wire is passed when the same packet, or the very next step (a cable hands a copy
            // of the frame on), moves between its two ends
            String prev = lastOf.put(s.packet(), s.node());
            boolean wired = false;
            for (String p : new String[] {prev, current}) {
                if (p != null && !p.equals(s.node())) {
                    for (Topology.Edge e : byEnds.getOrDefault(p + "|" + s.node(), List.of())) wired = edges.add(e.id()) | true;
                }
            }
            // no wire between two devices of one namespace: the packet went through that
            // namespace's IP stack (routed, as in figure 6's red line from cni0 to eth0)
            if (!wired && prev != null && !prev.equals(s.node()) && sameNetns(prev, s.node())) hops.add(List.of(prev, s.node()));
            current = s.node();
        }
        return new Drawing.Highlight(nodes, edges, current, List.copyOf(hops), drops);
    }
}
