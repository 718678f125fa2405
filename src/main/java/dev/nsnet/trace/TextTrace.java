package dev.nsnet.trace;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.world.World;
import java.io.PrintStream;

/**
 * A pwru-like text tracer: one line per step a packet takes, with the virtual time, where it is
 * (namespace, or the host's name for a root namespace), the device, the kernel function and the
 * decision taken and why. A packet's summary (parsed from its bytes) is printed when the packet
 * first appears and again whenever it changes (NAT, a new packet built in reply):
 * <pre>
 * [  1.000000] #12 ICMP echo request 10.244.1.2 > 10.244.1.3 id 1 seq 1
 * [  1.000000]   pod1     eth0      ip_finish_output2      nexthop 10.244.1.3 via neigh REACHABLE
 * [  1.000000]   pod1     eth0      kfree_skb              DROP SKB_DROP_REASON_NEIGH_FAILED: ...
 * </pre>
 * Attached only while wanted: the data path pays one {@code if (tp.on)} branch when it is not.
 */
public final class TextTrace implements PacketObserver, WireObserver {
    /** Learned from the first event when built without one (then wire events follow from then on). */
    private Emulation emu;
    private final PrintStream out;
    private long lastId = -1;
    private String lastSummary;
    private long lines;

    public TextTrace(Emulation emu, PrintStream out) {
        this.emu = emu;
        this.out = out;
    }

    /**
     * A tracer for whatever emulation it gets attached to ({@code emu.trace.attach(t)}): it learns
     * the emulation from the first packet event and then also listens to that world's wires.
     */
    public TextTrace(PrintStream out) { this.out = out; }

    /** Starts tracing every packet of {@code emu} (kernel steps and the wires between hosts). */
    public static TextTrace attach(Emulation emu, PrintStream out) {
        TextTrace t = new TextTrace(emu, out);
        emu.trace.attach(t);
        World.of(emu).addObserver(t);
        return t;
    }

    public void detach() {
        if (emu == null) return;
        emu.trace.detach(this);
        World.of(emu).removeObserver(this);
    }

    private void learn(NetDevice dev) {
        if (emu != null || dev == null || dev.ns == null) return;
        emu = dev.ns.host.emulation;
        World.of(emu).addObserver(this);
    }

    /** Lines printed so far (steps, drops and headlines). */
    public long lines() { return lines; }

    @Override
    public void step(SkBuff skb, NetDevice dev, String func, String detail) {
        learn(dev);
        headline(skb);
        line(where(dev), dev == null ? "-" : dev.name, func, detail == null ? "" : detail);
    }

    @Override
    public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
        learn(dev);
        headline(skb);
        line(where(dev), dev == null ? "-" : dev.name, func,
                "DROP SKB_DROP_REASON_" + reason.name() + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }

    @Override
    public void wire(SkBuff skb, String where, String what) {
        headline(skb);
        line("(wire)", where, "switch", what);
    }

    private void headline(SkBuff skb) {
        String s = PacketSummary.of(skb);
        if (skb.id == lastId && s.equals(lastSummary)) return;
        lastId = skb.id;
        lastSummary = s;
        out.println(time() + " #" + skb.id + " " + s);
        lines++;
    }

    private void line(String where, String dev, String func, String detail) {
        StringBuilder sb = new StringBuilder(120);
        sb.append(time()).append("   ");
        pad(sb, where, 9);
        pad(sb, dev, 10);
        pad(sb, func, 23);
        sb.append(detail);
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        out.println(sb);
        lines++;
    }

    private static void pad(StringBuilder sb, String s, int w) {
        sb.append(s);
        for (int i = s.length(); i < w; i++) sb.append(' ');
        sb.append(' ');
    }

    private String time() {
        long ns = emu == null ? 0 : emu.now();
        return String.format("[%3d.%06d]", ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000);
    }

    /**
     * The namespace's name, or the host's name for its root namespace. When several hosts have a
     * namespace of that name, the host is prefixed ("node2/pod1").
     */
    private String where(NetDevice dev) {
        if (dev == null || dev.ns == null) return "-";
        NetNamespace ns = dev.ns;
        Host h = ns.host;
        if (ns == h.rootNs) return h.hostname;
        String n = ns.name();
        if (n == null) n = "net:" + ns.inum;
        for (Host o : h.emulation.hosts()) if (o != h && o.netns(n) != null) return h.hostname + "/" + n;
        return n;
    }
}
