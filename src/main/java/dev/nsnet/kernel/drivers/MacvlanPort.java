package dev.nsnet.kernel.drivers;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RxHandler;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * drivers/net/macvlan.c's {@code struct macvlan_port}: the macvlans of one lower device and the
 * rx handler installed on it ({@code macvlan_handle_frame}). Unicast frames go to the macvlan
 * owning the destination MAC (or up the lower's own stack when none does); multicast frames go
 * to every macvlan the mode rules allow, and to the lower device itself.
 */
public final class MacvlanPort implements RxHandler {
    public final NetDevice lower;
    /** port->vlans, in creation order (the list macvlan_broadcast walks). */
    public final List<Macvlan.Vlan> vlans = new ArrayList<>();
    /** MACVLAN_F_PASSTHRU: the port's only macvlan receives everything. */
    public boolean passthru;
    /** Up non-passthru macvlans, whose MACs sit on the lower's unicast list (dev_uc_add). */
    int ucCount;
    /** dev->uc_promisc of the lower: the promiscuity count the unicast list holds. */
    boolean ucPromisc;

    private MacvlanPort(NetDevice lower) { this.lower = lower; }

    public static MacvlanPort of(NetDevice dev) {
        return dev != null && dev.rxHandlerData instanceof MacvlanPort p ? p : null;
    }

    /** macvlan_port_create(): netdev_rx_handler_register() on the lower device. */
    static MacvlanPort create(NetDevice lower) {
        MacvlanPort p = new MacvlanPort(lower);
        lower.rxHandler = p;
        lower.rxHandlerData = p;
        return p;
    }

    /** macvlan_port_destroy(). */
    void destroy() {
        if (lower.rxHandlerData == this) {
            lower.rxHandler = null;
            lower.rxHandlerData = null;
        }
    }

    /** macvlan_hash_lookup(): the up macvlan owning {@code mac}, or null. */
    public Macvlan.Vlan lookup(long mac) {
        for (int i = 0, n = vlans.size(); i < n; i++) {
            Macvlan.Vlan v = vlans.get(i);
            if (v.dev.mac == mac && v.dev.isUp()) return v;
        }
        return null;
    }

    /** macvlan_addr_busy(): the lower's own MAC or an up sibling's. */
    boolean addrBusy(long mac, Macvlan.Vlan self) {
        if (mac == lower.mac) return true;
        // not lookup(): a device being opened is already IFF_UP and may come first in the list
        // (fuzz seed 190: a sibling took its MAC while it was down)
        for (int i = 0, n = vlans.size(); i < n; i++) {
            Macvlan.Vlan v = vlans.get(i);
            if (v != self && v.dev.mac == mac && v.dev.isUp()) return true;
        }
        return false;
    }

    /**
     * macvlan_handle_frame(). {@code skb.data} is past the Ethernet header (eth_type_trans ran for
     * the lower device).
     */
    @Override
    public RxHandlerResult handle(SkBuff skb) {
        int mac = skb.macHeader;
        long dst = Ether.dst(skb.buf, mac);
        if (Mac.isMulticast(dst)) {
            Macvlan.Vlan src = lookup(Ether.src(skb.buf, mac));
            if (src != null && src.mode != Macvlan.MODE_VEPA && src.mode != Macvlan.MODE_BRIDGE) {
                // a private/passthru/source macvlan's own frame coming back: only to itself
                deliverCopy(skb, src.dev);
                Dev.consume(skb);
                return RxHandlerResult.CONSUMED;
            }
            // macvlan_multicast_rx(): from outside to all but source-mode ones (they get only what
            // their macaddr list selects); a hairpinned frame of a sibling to those that did not
            // already get it locally
            int modes = src == null ? Macvlan.MODE_PRIVATE | Macvlan.MODE_VEPA | Macvlan.MODE_PASSTHRU | Macvlan.MODE_BRIDGE
                    : src.mode == Macvlan.MODE_VEPA ? Macvlan.MODE_VEPA | Macvlan.MODE_BRIDGE : Macvlan.MODE_VEPA;
            skb.push(Ether.HLEN);
            broadcast(skb, src == null ? null : src.dev, modes, 0);
            skb.pull(Ether.HLEN);
            return RxHandlerResult.PASS;
        }
        Macvlan.Vlan v = passthru ? (vlans.isEmpty() ? null : vlans.get(0)) : lookup(dst);
        // a source-mode macvlan receives only frames from the MACs of its list, not those to its own MAC
        if (v == null || v.mode == Macvlan.MODE_SOURCE) return RxHandlerResult.PASS;
        NetDevice dev = v.dev;
        if (!dev.isUp()) {
            Dev.drop(skb, dev, "macvlan_handle_frame", DropReason.DEV_READY, "macvlan is down");
            return RxHandlerResult.CONSUMED;
        }
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "macvlan_handle_frame", "to " + dev.name);
        dev.stats.rxPackets++;
        dev.stats.rxBytes += skb.len + Ether.HLEN;
        if (dev.ns != lower.ns) {
            skb.resetCt();
            skb.mark = 0;
        }
        skb.dev = dev;
        skb.pktType = passthru && dst != dev.mac ? SkBuff.PACKET_OTHERHOST : SkBuff.PACKET_HOST;
        return RxHandlerResult.ANOTHER;
    }

    /**
     * macvlan_broadcast() from {@code src} (null: from outside; {@code skb.data} at the Ethernet header):
     * a copy to every other up macvlan of the port whose mode is in {@code modes}. On transmit
     * ({@code extraBytes} = ETH_HLEN) the kernel counts the Ethernet header twice in the receiver's
     * rx_bytes (it adds ETH_HLEN to a length that already holds it): a 42-byte ARP request shows
     * as 56 bytes on the sibling (golden 607).
     */
    void broadcast(SkBuff skb, NetDevice src, int modes, int extraBytes) {
        for (int i = 0, n = vlans.size(); i < n; i++) {
            Macvlan.Vlan v = vlans.get(i);
            if (v.dev == src || (v.mode & modes) == 0 || !v.dev.isUp()) continue;
            v.dev.stats.rxBytes += extraBytes;
            forwardCopy(skb, v.dev);
        }
    }

    private static void deliverCopy(SkBuff skb, NetDevice to) {
        skb.push(Ether.HLEN);
        forwardCopy(skb, to);
        skb.pull(Ether.HLEN);
    }

    private static void forwardCopy(SkBuff skb, NetDevice to) {
        SkBuff c = skb.copy();
        forward(c, to);
    }

    /**
     * dev_forward_skb() to a macvlan ({@code skb.data} at the Ethernet header): scrubbed across
     * namespaces, classified for the macvlan, queued for its receive.
     */
    static void forward(SkBuff skb, NetDevice to) {
        to.stats.rxPackets++;
        to.stats.rxBytes += skb.len;
        if (Mac.isMulticast(Ether.dst(skb.buf, skb.data))) to.stats.multicast++;
        skb.iif = 0;
        skb.resetCt();
        if (skb.dev == null || skb.dev.ns != to.ns) skb.mark = 0;
        Dev.ethTypeTrans(skb, to);
        Dev.netifRx(skb);
    }
}
