package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.tools.ToolContext;


/**
 * {@code ip link set}'s request handed to the kernel model: rtnetlink.c's {@code do_setlink()}
 * lives in {@link RtnlLink}; this class converts and forwards.
 */
public final class IpLinkSet {
    private IpLinkSet() { }

    public static void apply(ToolContext ctx, NetDevice dev, LinkRequest r) {
        RtnlLink.setlink(dev, r.toSetLink());
    }

    /** A new or moved device's notification (see {@link RtnlLink#fillLinkNetnsid}). */
    public static void announce(NetDevice dev) { RtnlLink.fillLinkNetnsid(dev); }

    public static void changeFlags(NetDevice dev, int ifiFlags, int ifiChange) {
        RtnlLink.changeFlags(dev, ifiFlags, ifiChange);
    }

    public static void setMaster(NetDevice dev, int ifindex) { RtnlLink.setMaster(dev, ifindex); }
}
