package dev.nsnet.tools.bridge;

import dev.nsnet.kernel.bridge.BrPort;
import dev.nsnet.kernel.bridge.NetBridge;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpPrint;
import dev.nsnet.tools.ip.IpUtil;
import java.util.List;

/**
 * {@code bridge vlan} (bridge/vlan.c). The reference kernel is built without
 * CONFIG_BRIDGE_VLAN_FILTERING: listings are empty, adding or setting a VLAN is refused with
 * EOPNOTSUPP and deleting one succeeds without effect, exactly as there.
 */
final class BrVlanCmd {
    private BrVlanCmd() { }

    static final String USAGE = "Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]\n"
            + "                                                     [ pvid ] [ untagged ]\n"
            + "                                                     [ self ] [ master ]\n"
            + "       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]\n"
            + "                                               [ mcast_router MULTICAST_ROUTER ]\n"
            + "       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]\n"
            + "       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]\n"
            + "       bridge vlan global { set } vid VLAN_ID dev DEV\n"
            + "                      [ mcast_snooping MULTICAST_SNOOPING ]\n"
            + "                      [ mcast_querier MULTICAST_QUERIER ]\n"
            + "                      [ mcast_igmp_version IGMP_VERSION ]\n"
            + "                      [ mcast_mld_version MLD_VERSION ]\n"
            + "                      [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
            + "                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
            + "                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
            + "                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
            + "                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
            + "                      [ mcast_querier_interval QUERIER_INTERVAL ]\n"
            + "                      [ mcast_query_interval QUERY_INTERVAL ]\n"
            + "                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
            + "       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]\n";

    static int run(ToolContext ctx, Bridge.Opts o, List<String> args) {
        if (args.isEmpty()) return show(ctx, o, args, false);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(o, true, rest);
        if (IpUtil.matches(c, "delete")) return modify(o, false, rest);
        if (IpUtil.matches(c, "show") || IpUtil.matches(c, "lst") || IpUtil.matches(c, "list")) return show(ctx, o, rest, false);
        if (IpUtil.matches(c, "tunnelshow")) return show(ctx, o, rest, true);
        if (IpUtil.matches(c, "set")) return set(o, rest);
        if (c.equals("global")) throw new BridgeError("nsnet: bridge vlan global is not supported\n", 1);
        if (IpUtil.matches(c, "help")) throw new BridgeError(USAGE, 255);
        throw BridgeError.of("Command \"" + c + "\" is unknown, try \"bridge vlan help\".");
    }

    private static String next(List<String> a, int i) {
        if (i >= a.size()) throw BridgeError.incomplete();
        return a.get(i);
    }

    /** vlan_modify(). */
    static int modify(Bridge.Opts o, boolean add, List<String> args) {
        String d = null;
        int vid = -1, vidEnd = -1;
        boolean range = false, pvid = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "dev" -> d = next(args, ++i);
                case "vid" -> {
                    String v = next(args, ++i);
                    int dash = v.indexOf('-');
                    if (dash >= 0) {
                        vid = (short) BrLinkCmd.atoi(v.substring(0, dash));
                        vidEnd = (short) BrLinkCmd.atoi(v.substring(dash + 1));
                        range = true;
                    } else {
                        vid = (short) BrLinkCmd.atoi(v);
                    }
                }
                case "self", "master", "untagged" -> { }
                case "pvid" -> pvid = true;
                case "tunnel_info" -> throw new BridgeError("nsnet: bridge vlan tunnel_info is not supported\n", 1);
                default -> {
                    if (IpUtil.matches(a, "help")) next(args, ++i);
                }
            }
        }
        if (d == null || vid == -1) throw BridgeError.of("Device and VLAN ID are required arguments.");
        NetDevice dev = o.dev(d);
        if (dev == null) throw BridgeError.of("Cannot find bridge device \"" + d + "\"");
        if ((vid & 0xffff) >= 4096) throw BridgeError.of("Invalid VLAN ID \"" + (vid & 0xffff) + "\"");
        if (range) {
            if (vidEnd == -1 || (vidEnd & 0xffff) >= 4096 || vid >= vidEnd) {
                throw BridgeError.of("Invalid VLAN range \"" + (vid & 0xffff) + "-" + (vidEnd & 0xffff) + "\"");
            }
            if (pvid) throw BridgeError.of("pvid cannot be configured for a vlan range");
        }
        boolean bridgeSide = BrPort.of(dev) != null || NetBridge.of(dev) != null;
        if (add || !bridgeSide) throw new KernelException(Errno.EOPNOTSUPP);
        return 0;
    }

    /** vlan_option_set(). */
    static int set(Bridge.Opts o, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev")) {
                String d = next(args, ++i);
                if (o.dev(d) == null) throw BridgeError.of("Cannot find network device \"" + d + "\"");
            }
        }
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /** vlan_show(): no port has VLAN information without VLAN filtering. */
    static int show(ToolContext ctx, Bridge.Opts o, List<String> args, boolean tunnel) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev")) {
                String d = next(args, ++i);
                if (o.dev(d) == null) throw BridgeError.nodev(d);
            } else if (a.equals("vid")) {
                next(args, ++i);
            }
        }
        IpPrint p = o.printer(ctx);
        if (o.json) {
            p.newJsonObj();
            p.deleteJsonObj();
        } else {
            ctx.out().print(tunnel ? "port              vlan-id    tunnel-id\n" : "port              vlan-id  \n");
            ctx.out().flush();
        }
        return 0;
    }
}
