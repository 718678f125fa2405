package dev.nsnet.kernel.core;

/** net/core/net_namespace.c's RTM_NEWNSID handler ({@code rtnl_net_newid}). */
public final class NetnsIds {
    private NetnsIds() { }

    /**
     * Gives {@code peer} the id {@code nsid} in {@code net} (a negative nsid: the lowest free one),
     * refusing like the kernel when the peer already has one or the id is taken.
     */
    public static int newId(NetNamespace net, NetNamespace peer, int nsid) {
        if (net.nsidOf(peer) >= 0 || peer == net)
            throw new KernelException(Errno.EEXIST, "Peer netns already has a nsid assigned");
        if (nsid >= 0 && net.nsidLookup(nsid) != null)
            throw new KernelException(Errno.EEXIST, "The specified nsid is already used");
        if (nsid < 0) return net.nsidAlloc(peer);
        net.nsids().put(peer, nsid);
        return nsid;
    }
}
