package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * net/bridge/br_forward.c: sending a frame out of one port ({@code br_forward}) or of every port
 * that may have it ({@code br_flood}). {@code skb.data} is past the Ethernet header on entry, as
 * in the kernel; it is pushed back just before the port transmits ({@code br_dev_queue_push_xmit}).
 */
final class BrForward {
    private BrForward() { }

    /** enum br_pkt_type. */
    static final int PKT_UNICAST = 0, PKT_MULTICAST = 1, PKT_BROADCAST = 2;

    /** should_deliver(): not back where it came from (no hairpin), and only to a forwarding port. */
    static boolean shouldDeliver(BrPort to, SkBuff skb) {
        return (to.hairpin || skb.dev != to.dev) && to.state == BrPort.FORWARDING && !isolated(to, skb);
    }

    /** br_skb_isolated(): isolated ports do not talk to each other. */
    private static boolean isolated(BrPort to, SkBuff skb) {
        if (!to.isolated) return false;
        BrPort from = BrPort.of(skb.dev);
        return from != null && from.isolated;
    }

    /** br_forward(): to one known port; with {@code localRcv} the original still goes up, so a copy leaves. */
    static void forward(BrPort to, SkBuff skb, boolean localRcv, boolean localOrig) {
        if (to != null && shouldDeliver(to, skb)) {
            if (localRcv) deliverClone(to, skb, localOrig);
            else brForward(to, skb, localOrig);
            return;
        }
        if (!localRcv) {
            Dev.drop(skb, skb.dev, "br_forward", DropReason.BRIDGE_NO_EGRESS_PORT,
                    to == null ? "no port" : "port " + to.dev.name + (skb.dev == to.dev ? " is the ingress port" : " is not forwarding"));
        }
    }

    /** br_flood(): every port allowed to flood this kind of frame, except the one it came in on. */
    static void flood(NetBridge br, SkBuff skb, int pktType, boolean localRcv, boolean localOrig) {
        Tracepoints tp = br.dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, br.dev, "br_flood", pktType == PKT_BROADCAST ? "broadcast"
                : pktType == PKT_MULTICAST ? "multicast" : "unknown unicast");
        BrPort prev = null;
        for (int i = 0, n = br.ports.size(); i < n; i++) {
            BrPort p = br.ports.get(i);
            switch (pktType) {
                case PKT_UNICAST -> { if (!p.flood) continue; }
                case PKT_MULTICAST -> { if (!p.mcastFlood && skb.dev != br.dev) continue; }
                case PKT_BROADCAST -> { if (!p.bcastFlood && skb.dev != br.dev) continue; }
                default -> { }
            }
            if (!shouldDeliver(p, skb)) continue;
            if (prev != null) deliverClone(prev, skb, localOrig);
            prev = p;
        }
        if (prev == null) {
            if (!localRcv) Dev.drop(skb, skb.dev, "br_flood", DropReason.BRIDGE_NO_EGRESS_PORT, "no port to flood to");
            return;
        }
        if (localRcv) deliverClone(prev, skb, localOrig);
        else brForward(prev, skb, localOrig);
    }

    /** deliver_clone(). */
    private static void deliverClone(BrPort to, SkBuff skb, boolean localOrig) {
        // skb_clone() shares the whole buffer; SkBuff.copy() copies from data on, so the
        // Ethernet header (already pulled) is put back in front for the copy.
        skb.push(Ether.HLEN);
        SkBuff c = skb.copy();
        skb.pull(Ether.HLEN);
        c.pull(Ether.HLEN);
        brForward(to, c, localOrig);
    }

    /** __br_forward() + br_forward_finish() + br_dev_queue_push_xmit(). */
    private static void brForward(BrPort to, SkBuff skb, boolean localOrig) {
        NetDevice out = to.dev;
        Tracepoints tp = out.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, out, "br_forward", "to port " + out.name);
        NetDevice in = skb.dev;
        skb.dev = out;
        if (!BrNfHooks.pass(localOrig ? BrNfHooks.NF_BR_LOCAL_OUT : BrNfHooks.NF_BR_FORWARD, skb, localOrig ? null : in, out)) {
            return;
        }
        if (!BrNfHooks.pass(BrNfHooks.NF_BR_POST_ROUTING, skb, null, out)) return; // br_forward_finish()
        // br_dev_queue_push_xmit() -> is_skb_forwardable(): the egress port must be up and an
        // untagged frame's payload fit its MTU (measured on the 6.18 reference kernel: a 1404-byte
        // IPv4 packet is dropped, without a counter, towards a 1400-MTU port; 1400 passes).
        if (!out.isUp() || skb.len > out.mtu) {
            Dev.drop(skb, out, "br_dev_queue_push_xmit", out.isUp() ? DropReason.PKT_TOO_BIG : DropReason.DEV_READY,
                    out.isUp() ? "frame larger than " + out.name + " MTU" : out.name + " is down");
            return;
        }
        skb.push(Ether.HLEN);
        Dev.queueXmit(skb);
    }
}
