package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Veth;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code type veth [peer [name] NAME [options]]}: ip/link_veth.c's parser (the peer takes the
 * same generic options as the device) and drivers/net/veth.c's {@code veth_newlink()}.
 */
public final class VethLinkKind implements LinkKind {
    @Override public String kind() { return "veth"; }

    /** link_veth.c has no print_opt: no "info_data" in ip -d -j. */
    @Override public boolean hasPrintOpt() { return false; }

    /** veth_parse_opt(): the peer's generic options, kept in {@code req.kindData}. */
    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        req.kindData = parsePeer(ctx, args);
    }

    private static LinkRequest parsePeer(ToolContext ctx, List<String> args) {
        if (args.isEmpty()) return new LinkRequest();
        if (!args.get(0).equals("peer")) throw usage();
        LinkRequest peer = IpLinkParse.parse(ctx, ctx.netns(), args.subList(1, args.size()), true);
        if (peer.type != null) {
            int at = args.size() - peer.kindArgs.size() - 1;
            throw IpError.duparg("type", args.get(at));
        }
        return peer;
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        LinkRequest peer = req.kindData instanceof LinkRequest pr ? pr : parsePeer(ctx, args);
        validate(req);
        validate(peer);
        NetNamespace peerNs = peer.netns != null ? peer.netns : ctx.netns();
        // veth_newlink() takes the peer's ifindex only when the device itself was given one.
        int peerIndex = req.index != 0 ? peer.index : 0;
        NetDevice dev = Veth.newLink(ns, req.name, req::prepare, req.index, ctx.emulation().random(),
                peerNs, peer.name, peer::prepare, peerIndex, peer::configure);
        // Only the device's RTM_NEWLINK names the peer's namespace: the peer's own notification
        // went out while it had no peer yet, so only the device's namespace gets an nsid now.
        IpLinkSet.announce(dev);
        req.configureOrUnregister(dev);
        return dev;
    }

    /** veth_validate(): a given address must be a 6-byte unicast one. */
    private static void validate(LinkRequest r) {
        if (r.mac == null) return;
        if (r.macLen != 0) throw new KernelException(Errno.EINVAL);
        if (Mac.isMulticast(r.mac) || r.mac == 0) throw new KernelException(Errno.EADDRNOTAVAIL);
    }

    static IpError usage() {
        return new IpError("Usage: ip link <options> type veth [peer <options>]\n"
                + "To get <options> type 'ip link add help'\n", 1);
    }

    @Override
    public void printHelp(PrintStream out) {
        out.print("Usage: ip link <options> type veth [peer <options>]\n"
                + "To get <options> type 'ip link add help'\n");
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        throw new KernelException(Errno.EOPNOTSUPP);
    }
}
