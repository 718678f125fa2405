package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.trace.Tracepoints;

/**
 * br_init() (and br_netfilter's init, a module the reference host has loaded): registers the
 * bridge's netdevice notifier ({@code br_device_event}) and the per-namespace net.bridge sysctls.
 */
public final class BrInit {
    private BrInit() { }

    public static void init() {
        KernelInit.registerNotifier(BrNotify.INSTANCE);
        BrNetfilterNet.register();
        // stp_proto_register() (net/802/stp.c via llc): 802.3 frames (a length, not an ethertype,
        // after the addresses) go to LLC; the spanning-tree SAP takes BPDUs and, as no peer bridge
        // is evaluated in the model, drops them quietly - as llc_rcv does with anything it has no
        // SAP for. No rx_nohandler is counted for these frames on a real kernel.
        for (int len = 0; len < 0x600; len++) KernelInit.addPack(len, BrInit::llcRcv);
    }

    /** llc_rcv() -> stp_pdu_rcv() / no SAP: the frame ends here. */
    static void llcRcv(SkBuff skb, NetDevice dev) {
        Tracepoints tp = dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, dev, "llc_rcv", "802.3 frame consumed by LLC");
        Dev.consume(skb);
    }
}
