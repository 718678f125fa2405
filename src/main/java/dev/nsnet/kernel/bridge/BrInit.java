package dev.nsnet.kernel.bridge;

/** br_init(): registers the bridge's netdevice notifier. */
public final class BrInit {
    private BrInit() { }

    public static void init() {
        // filled in by the bridge layer
    }
}
