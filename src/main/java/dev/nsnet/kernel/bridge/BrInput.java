package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * net/bridge/br_input.c: what a bridge port does with a received frame ({@code br_handle_frame},
 * the port's rx handler): learn the source, then deliver it to the host through the bridge
 * device ({@code br_pass_frame_up}), forward it to the port the FDB names, or flood it.
 */
final class BrInput {
    private BrInput() { }

    /** 01:80:c2:00:00:00, the IEEE 802.1D reserved group range (last nibble varies). */
    static final long LINK_LOCAL = 0x0180c2000000L;

    /** br_handle_frame(). {@code skb.data} is past the Ethernet header (eth_type_trans ran on the port). */
    static RxHandlerResult handleFrame(BrPort p, SkBuff skb) {
        if (skb.pktType == SkBuff.PACKET_LOOPBACK) return RxHandlerResult.PASS;
        NetDevice dev = p.dev;
        Tracepoints tp = dev.ns.host.emulation.trace;
        byte[] b = skb.buf;
        int mac = skb.macHeader;
        long src = Ether.src(b, mac);
        long dest = Ether.dst(b, mac);
        if (tp.on) tp.step(skb, dev, "br_handle_frame", "port " + dev.name + " of " + p.br.dev.name
                + " (" + BrPort.stateName(p.state) + ")");
        if (!Mac.isValidUnicast(src)) {
            Dev.drop(skb, dev, "br_handle_frame", DropReason.NOT_SPECIFIED, "invalid source MAC " + Mac.format(src));
            return RxHandlerResult.CONSUMED;
        }
        NetBridge br = p.br;
        // is_link_local_ether_addr() (01:80:c2:00:00:0X): STP BPDUs are bridged when STP is off,
        // pause frames dropped, other groups forwarded only where group_fwd_mask allows; the rest
        // stay on the port for the host (__br_handle_local_finish learns, RX_HANDLER_PASS).
        if ((dest & ~0xfL) == LINK_LOCAL) {
            int low = (int) (dest & 0xf);
            int fwdMask = p.groupFwdMask;
            boolean forward;
            if (low == 0) {
                forward = br.stpEnabled == NetBridge.BR_NO_STP || (fwdMask & 1) != 0;
            } else if (low == 1) {
                Dev.drop(skb, dev, "br_handle_frame", DropReason.NOT_SPECIFIED, "802.3x pause frame");
                return RxHandlerResult.CONSUMED;
            } else {
                forward = ((fwdMask | br.groupFwdMask) & (1 << low)) != 0;
            }
            if (!forward) {
                if (br.noLinklocalLearn == 0 && p.learning
                        && (p.state == BrPort.LEARNING || p.state == BrPort.FORWARDING)) {
                    BrFdb.update(br, p, src, 0, skb);
                }
                return RxHandlerResult.PASS;
            }
        }
        if (p.state != BrPort.FORWARDING && p.state != BrPort.LEARNING) {
            Dev.drop(skb, dev, "br_handle_frame", DropReason.BRIDGE_INGRESS_STP_STATE,
                    "port " + dev.name + " is " + BrPort.stateName(p.state));
            return RxHandlerResult.CONSUMED;
        }
        if (dest == br.dev.mac) skb.pktType = SkBuff.PACKET_HOST;
        if (!BrNfHooks.pass(BrNfHooks.NF_BR_PRE_ROUTING, skb, dev, null)) return RxHandlerResult.CONSUMED;
        // br_netfilter may have rewritten the destination MAC (DNAT: bridged to the new destination or up to the host)
        return handleFrameFinish(p, skb, src, Ether.dst(skb.buf, mac));
    }

    /** br_handle_frame_finish(). */
    private static RxHandlerResult handleFrameFinish(BrPort p, SkBuff skb, long src, long dest) {
        NetBridge br = p.br;
        Tracepoints tp = br.dev.ns.host.emulation.trace;
        if (p.learning) BrFdb.update(br, p, src, 0, skb);
        // A learning port learns but does not forward.
        if (p.state == BrPort.LEARNING) {
            Dev.drop(skb, p.dev, "br_handle_frame_finish", DropReason.BRIDGE_INGRESS_STP_STATE,
                    "port " + p.dev.name + " is learning");
            return RxHandlerResult.CONSUMED;
        }
        boolean localRcv = br.dev.promiscuity > 0; // IFF_PROMISC on the bridge: everything also goes up
        int pktType = BrForward.PKT_UNICAST;
        FdbEntry dst = null;
        if (Mac.isMulticast(dest)) {
            if (Mac.isBroadcast(dest)) {
                pktType = BrForward.PKT_BROADCAST;
            } else {
                pktType = BrForward.PKT_MULTICAST;
                br.dev.stats.multicast++;
            }
            // Without multicast router ports or MDB entries, multicast goes to the host and is flooded.
            localRcv = true;
        } else {
            dst = br.fdb.find(dest, 0);
            if (tp.on) tp.step(skb, br.dev, "br_fdb_find", (dst != null ? "hit " : "miss ") + Mac.format(dest)
                    + (dst == null ? "" : dst.dst == null || dst.local ? " (local)" : " on " + dst.dst.dev.name));
        }
        if (dst != null) {
            if (dst.local) return passFrameUp(br, skb);
            long now = br.now();
            dst.used = now;
            BrForward.forward(dst.dst, skb, localRcv, false);
        } else {
            BrForward.flood(br, skb, pktType, localRcv, false);
        }
        if (localRcv) return passFrameUp(br, skb);
        return RxHandlerResult.CONSUMED;
    }

    /**
     * br_pass_frame_up(): the frame is received again, now by the bridge device, and goes to the
     * host's protocol handlers (RX_HANDLER_ANOTHER in the model, netif_receive_skb in the kernel).
     */
    static RxHandlerResult passFrameUp(NetBridge br, SkBuff skb) {
        NetDevice brdev = br.dev;
        Tracepoints tp = brdev.ns.host.emulation.trace;
        brdev.stats.rxPackets++;
        brdev.stats.rxBytes += skb.len;
        if (tp.on) tp.step(skb, brdev, "br_pass_frame_up", "to the host via " + brdev.name);
        NetDevice indev = skb.dev;
        skb.dev = brdev;
        if (!BrNfHooks.pass(BrNfHooks.NF_BR_LOCAL_IN, skb, indev, null)) return RxHandlerResult.CONSUMED;
        skb.iif = brdev.ifindex;
        return RxHandlerResult.ANOTHER;
    }
}
