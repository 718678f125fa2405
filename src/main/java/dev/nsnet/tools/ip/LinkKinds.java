package dev.nsnet.tools.ip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of {@link LinkKind}s ({@code get_link_kind()} of iplink.c). A kind not found here
 * is one the modelled kernel has no driver for: {@code ip link add ... type X} then gets the
 * kernel's {@code Error: Unknown device type.} (what a kernel without the module answers).
 */
public final class LinkKinds {
    private LinkKinds() { }

    private static final Map<String, LinkKind> KINDS = new LinkedHashMap<>();

    static {
        register(new VethLinkKind());
        register(new BridgeLinkKind());
        register(new BridgeLinkKindSlave());
        register(new MacvlanLinkKind());
        register(new IpvlanLinkKind());
        register(new VxlanLinkKind());
        register(new VlanLinkKind());
        // Other kinds register here, one line each.
    }

    public static synchronized void register(LinkKind k) { KINDS.put(k.kind(), k); }

    public static synchronized LinkKind get(String kind) { return kind == null ? null : KINDS.get(kind); }
}
