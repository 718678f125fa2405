package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;

/**
 * The bridge's netfilter hook points ({@code NF_HOOK(NFPROTO_BRIDGE, NF_BR_*, ...)} in
 * br_input.c and br_forward.c). Nothing is registered by the bridge itself: br_netfilter /
 * ebtables (the netfilter layer) installs {@link #hook}; with none, every frame passes
 * (one null check per hook point on the data path).
 */
public final class BrNfHooks {
    private BrNfHooks() { }

    /** NF_BR_* hook numbers. */
    public static final int NF_BR_PRE_ROUTING = 0, NF_BR_LOCAL_IN = 1, NF_BR_FORWARD = 2, NF_BR_LOCAL_OUT = 3,
            NF_BR_POST_ROUTING = 4;

    /** A bridge-family hook: {@code skb.data} is at the network header (the Ethernet header is at macHeader). */
    @FunctionalInterface
    public interface Hook {
        /**
         * @return true to let the frame continue (NF_ACCEPT); false when the hook took it (dropped,
         *         stolen or queued) — the skb then belongs to the hook
         */
        boolean run(int hooknum, SkBuff skb, NetDevice in, NetDevice out);
    }

    /** The registered hook (the netfilter layer sets it once at init), or null. */
    public static Hook hook;

    static boolean pass(int hooknum, SkBuff skb, NetDevice in, NetDevice out) {
        Hook h = hook;
        return h == null || h.run(hooknum, skb, in, out);
    }
}
