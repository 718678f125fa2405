package dev.nsnet.cli;

import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import dev.nsnet.trace.PacketSummary;
import dev.nsnet.trace.WireObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measuring instrument of {@code nsnet explain}: a tracer (pwru-like, attached through the
 * emulation's tracepoints) that classifies each packet by what it was when first seen (an ICMP
 * echo request or reply of the pod's ping, or anything else such as ARP), and counts the kernel
 * functions every echo packet passes, where (host root namespace or named namespace), and the
 * netfilter chains walked. It also keeps the ordered path of one steady-state request and reply
 * (sequence {@link #PATH_SEQ}, after ARP has resolved). Used only while explaining, never on a
 * data path that is being measured for speed.
 */
final class ExplainProbe implements PacketObserver, WireObserver {
    /** The ping sequence number whose path is recorded (1 waits for ARP; 2 is steady state). */
    static final int PATH_SEQ = 2;

    /** One step of a packet: where (a host's root namespace by host name, or a netns name), device, function. */
    record Step(String where, String dev, String func, String detail) { }

    private final Map<Long, String> kind = new HashMap<>();
    /** Kernel steps of echo packets by where: "request"/"reply" -> where -> count. */
    final Map<String, Map<String, Integer>> stepsByWhere = new LinkedHashMap<>();
    /** Netfilter chain walks (table/CHAIN entered) of echo packets on each where. */
    final Map<String, Map<String, Integer>> chainsByWhere = new LinkedHashMap<>();
    /** Wire events (switch decisions) of echo packets. */
    int wireSteps;
    /** Drops of any packet, as "where func REASON". */
    final List<String> drops = new ArrayList<>();
    final List<Step> requestPath = new ArrayList<>(), replyPath = new ArrayList<>();
    private long requestId = -1, replyId = -1;

    private String classify(SkBuff skb) {
        String k = kind.get(skb.id);
        if (k != null) return k;
        String s = PacketSummary.of(skb);
        k = s.startsWith("ICMP echo request") ? "request" : s.startsWith("ICMP echo reply") ? "reply" : "other";
        kind.put(skb.id, k);
        if (s.endsWith(" seq " + PATH_SEQ)) {
            if (k.equals("request") && requestId < 0) requestId = skb.id;
            if (k.equals("reply") && replyId < 0) replyId = skb.id;
        }
        return k;
    }

    static String where(NetDevice dev) {
        if (dev == null || dev.ns == null) return "-";
        NetNamespace ns = dev.ns;
        Host h = ns.host;
        if (ns == h.rootNs) return h.hostname;
        String n = ns.name();
        return n != null ? n : h.hostname + "/net:" + ns.inum;
    }

    @Override
    public void step(SkBuff skb, NetDevice dev, String func, String detail) {
        String k = classify(skb);
        if (k.equals("other")) return;
        String w = where(dev);
        if (func.equals("ipt_do_table")) {
            // one step per chain walk: the rule and policy lines inside it are the walk, not more functions
            if (detail == null || !detail.matches("[a-z]+/[A-Za-z0-9_-]+")) return;
            chainsByWhere.computeIfAbsent(w, x -> new LinkedHashMap<>()).merge(detail, 1, Integer::sum);
        }
        stepsByWhere.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(w, 1, Integer::sum);
        record(skb, new Step(w, dev == null ? "-" : dev.name, func, detail == null ? "" : detail));
    }

    @Override
    public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
        classify(skb);
        drops.add(where(dev) + " " + func + " " + reason.name());
        record(skb, new Step(where(dev), dev == null ? "-" : dev.name, func, "DROP " + reason.name()));
    }

    @Override
    public void wire(SkBuff skb, String where, String what) {
        String k = classify(skb);
        if (what.startsWith("port-security drop")) drops.add(where + " " + what);
        if (k.equals("other")) return;
        wireSteps++;
        record(skb, new Step("(wire)", where, "switch", what));
    }

    private void record(SkBuff skb, Step s) {
        if (skb.id == requestId) requestPath.add(s);
        else if (skb.id == replyId) replyPath.add(s);
    }

    /** Steps of one echo packet kind on {@code where} (all places when null). */
    int steps(String k, String where) {
        Map<String, Integer> m = stepsByWhere.getOrDefault(k, Map.of());
        if (where == null) return m.values().stream().mapToInt(Integer::intValue).sum();
        return m.getOrDefault(where, 0);
    }

    /** Chain walks on {@code where}, summed. */
    int chainWalks(String where) {
        return chainsByWhere.getOrDefault(where, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
