package dev.nsnet.kernel.ipv4;

/** inet_init(): registers the IPv4 stack's handlers, pernet state and notifiers. */
public final class Inet {
    private Inet() { }

    public static void init() {
        // filled in by the IPv4 layer
    }
}
