package dev.nsnet.tools.bridge;

import dev.nsnet.kernel.bridge.BrPort;
import dev.nsnet.kernel.bridge.BridgePortConfig;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpPrint;
import dev.nsnet.tools.ip.IpUtil;
import java.util.List;

/** {@code bridge link} (bridge/link.c): the ports of every bridge, and {@code link set} of their options. */
final class BrLinkCmd {
    private BrLinkCmd() { }

    static final String USAGE = "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
            + "                               [ guard {on | off} ]\n"
            + "                               [ hairpin {on | off} ]\n"
            + "                               [ fastleave {on | off} ]\n"
            + "                               [ root_block {on | off} ]\n"
            + "                               [ learning {on | off} ]\n"
            + "                               [ learning_sync {on | off} ]\n"
            + "                               [ flood {on | off} ]\n"
            + "                               [ mcast_router MULTICAST_ROUTER ]\n"
            + "                               [ mcast_flood {on | off} ]\n"
            + "                               [ bcast_flood {on | off} ]\n"
            + "                               [ mcast_to_unicast {on | off} ]\n"
            + "                               [ neigh_suppress {on | off} ]\n"
            + "                               [ vlan_tunnel {on | off} ]\n"
            + "                               [ isolated {on | off} ]\n"
            + "                               [ locked {on | off} ]\n"
            + "                               [ hwmode {vepa | veb} ]\n"
            + "                               [ backup_port DEVICE ] [ nobackup_port ]\n"
            + "                               [ self ] [ master ]\n"
            + "       bridge link show [dev DEV]\n";

    static int run(ToolContext ctx, Bridge.Opts o, List<String> args) {
        if (args.isEmpty()) return show(ctx, o, args);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "set") || IpUtil.matches(c, "change")) return modify(ctx, o, rest);
        if (IpUtil.matches(c, "show") || IpUtil.matches(c, "lst") || IpUtil.matches(c, "list")) return show(ctx, o, rest);
        if (IpUtil.matches(c, "help")) throw new BridgeError(USAGE, 255);
        throw BridgeError.of("Command \"" + c + "\" is unknown, try \"bridge link help\".");
    }

    /** brlink_show(). */
    static int show(ToolContext ctx, Bridge.Opts o, List<String> args) {
        String filterDev = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev")) {
                if (++i >= args.size()) throw BridgeError.incomplete();
                if (filterDev != null) throw BridgeError.duparg("dev", args.get(i));
                filterDev = args.get(i);
            }
        }
        int filterIndex = 0;
        if (filterDev != null) {
            NetDevice d = o.dev(filterDev);
            if (d == null) throw BridgeError.nodev(filterDev);
            filterIndex = d.ifindex;
        }
        IpPrint p = o.printer(ctx);
        p.newJsonObj();
        for (NetDevice dev : o.ns.devices()) {
            BrPort port = BrPort.of(dev);
            if (port == null) continue; // br_getlink() answers for ports only
            if (filterIndex != 0 && dev.ifindex != filterIndex) continue;
            printLink(p, o, dev, port);
            p.flushRecord();
        }
        p.deleteJsonObj();
        return 0;
    }

    /** print_linkinfo() for one port. */
    private static void printLink(IpPrint p, Bridge.Opts o, NetDevice dev, BrPort port) {
        p.openObject(null);
        p.integer(IpPrint.ANY, "ifindex", "%d: ", dev.ifindex);
        boolean mdown = printNameAndLink(p, o, dev);
        printLinkFlags(p, dev.reportedFlags(), mdown);
        p.integer(IpPrint.ANY, "mtu", "mtu %u ", dev.mtu);
        p.string(IpPrint.ANY, "master", "master %s ", port.br.dev.name);
        p.string(IpPrint.ANY, "state", "state %s ", BrPort.stateName(port.state));
        p.uint(IpPrint.ANY, "priority", "priority %u ", port.priority);
        p.uint(IpPrint.ANY, "cost", "cost %u ", port.pathCost);
        if (o.details > 0) {
            p.fp(p.sl + "    ");
            p.onOff(IpPrint.ANY, "hairpin", "hairpin %s ", port.hairpin);
            p.onOff(IpPrint.ANY, "guard", "guard %s ", port.guard);
            p.onOff(IpPrint.ANY, "root_block", "root_block %s ", port.rootBlock);
            p.onOff(IpPrint.ANY, "fastleave", "fastleave %s ", port.fastLeave);
            p.onOff(IpPrint.ANY, "learning", "learning %s ", port.learning);
            p.onOff(IpPrint.ANY, "flood", "flood %s ", port.flood);
            p.onOff(IpPrint.ANY, "mcast_flood", "mcast_flood %s ", port.mcastFlood);
            p.onOff(IpPrint.ANY, "bcast_flood", "bcast_flood %s ", port.bcastFlood);
            p.uint(IpPrint.ANY, "mcast_router", "mcast_router %u ", port.mcastRouter);
            p.onOff(IpPrint.ANY, "mcast_to_unicast", "mcast_to_unicast %s ", port.mcastToUcast);
            p.onOff(IpPrint.ANY, "neigh_suppress", "neigh_suppress %s ", port.neighSuppress);
            p.onOff(IpPrint.ANY, "vlan_tunnel", "vlan_tunnel %s ", port.vlanTunnel);
            p.onOff(IpPrint.ANY, "isolated", "isolated %s ", port.isolated);
            p.onOff(IpPrint.ANY, "locked", "locked %s ", port.locked);
        }
        p.string(IpPrint.FP, null, "%s", "\n");
        p.closeObject();
    }

    /**
     * print_name_and_link() over what br_fill_ifinfo() sends: IFLA_LINK without IFLA_LINK_NETNSID,
     * so a peer in another namespace is named by whatever local device has its ifindex ("@ifN"
     * when none does), and M-DOWN follows that local device (none: ll_index_to_flags() is -1).
     */
    static boolean printNameAndLink(IpPrint p, Bridge.Opts o, NetDevice dev) {
        String name = dev.name;
        boolean mdown = false;
        int iflink = dev.iflink();
        if (iflink != dev.ifindex) {
            if (iflink == 0) {
                if (p.isJson()) p.nul(IpPrint.JSON, "link", null, null);
                else name = name + "@NONE";
            } else {
                String link = o.indexToName(iflink);
                if (p.isJson()) p.string(IpPrint.JSON, "link", null, link);
                else name = name + "@" + link;
                NetDevice l = o.ns.dev(iflink);
                mdown = l != null && !l.isUp();
            }
        }
        p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "ifname", "%s: ", name);
        return mdown;
    }

    private static final int[] FLAG_BITS = {If.IFF_LOOPBACK, If.IFF_BROADCAST, If.IFF_POINTOPOINT, If.IFF_MULTICAST,
        If.IFF_NOARP, If.IFF_ALLMULTI, If.IFF_PROMISC, If.IFF_MASTER, If.IFF_SLAVE, If.IFF_DEBUG, If.IFF_DYNAMIC,
        If.IFF_AUTOMEDIA, If.IFF_PORTSEL, If.IFF_NOTRAILERS, If.IFF_UP, If.IFF_LOWER_UP, If.IFF_DORMANT, If.IFF_ECHO};
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};

    /** print_link_flags() of bridge/link.c. */
    static void printLinkFlags(IpPrint p, int flags, boolean mdown) {
        p.openArray(IpPrint.ANY, p.isJson() ? "flags" : "<");
        if ((flags & If.IFF_UP) != 0 && (flags & If.IFF_RUNNING) == 0) {
            p.string(IpPrint.ANY, null, flags != 0 ? "%s," : "%s", "NO-CARRIER");
        }
        flags &= ~If.IFF_RUNNING;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                flags &= ~FLAG_BITS[i];
                p.string(IpPrint.ANY, null, flags != 0 ? "%s," : "%s", FLAG_NAMES[i]);
            }
        }
        if (flags != 0) p.hex(IpPrint.ANY, null, "%x", flags);
        if (mdown) p.string(IpPrint.ANY, null, ",%s", "M-DOWN");
        p.closeArray(IpPrint.ANY, "> ");
    }

    /** brlink_modify(). */
    static int modify(ToolContext ctx, Bridge.Opts o, List<String> args) {
        String d = null;
        BridgePortConfig c = new BridgePortConfig();
        boolean self = false, master = false;
        int n = args.size();
        for (int i = 0; i < n; i++) {
            String a = args.get(i);
            switch (a) {
                case "dev" -> d = next(args, ++i);
                case "guard" -> c.guard = onOff(a, next(args, ++i));
                case "hairpin" -> c.hairpin = onOff(a, next(args, ++i));
                case "fastleave" -> c.fastLeave = onOff(a, next(args, ++i));
                case "root_block" -> c.rootBlock = onOff(a, next(args, ++i));
                case "learning" -> c.learning = onOff(a, next(args, ++i));
                case "learning_sync" -> c.learningSync = onOff(a, next(args, ++i));
                case "flood" -> c.flood = onOff(a, next(args, ++i));
                case "mcast_router" -> {
                    int v = (byte) atoi(next(args, ++i)); // __s8: negative means "not given"
                    if (v >= 0) c.mcastRouter = v;
                }
                case "mcast_flood" -> c.mcastFlood = onOff(a, next(args, ++i));
                case "bcast_flood" -> c.bcastFlood = onOff(a, next(args, ++i));
                case "mcast_to_unicast" -> c.mcastToUcast = onOff(a, next(args, ++i));
                case "cost" -> {
                    long v = atoi(next(args, ++i)) & 0xffffffffL; // __u32: sent when not 0
                    if (v > 0) c.cost = (int) Math.min(v, Integer.MAX_VALUE);
                }
                case "priority" -> {
                    int v = (short) atoi(next(args, ++i));
                    if (v >= 0) c.priority = v;
                }
                case "state" -> {
                    String v = next(args, ++i);
                    Integer s = strtolFull(v);
                    if (s == null) {
                        s = parseStpState(v);
                        if (s < 0) throw BridgeError.of("Error: invalid STP port state");
                    }
                    int st = (byte) (int) s;
                    if (st >= 0) c.state = st;
                }
                case "hwmode" -> {
                    String v = next(args, ++i);
                    if (!v.equals("vepa") && !v.equals("veb")) throw BridgeError.of("Mode argument must be \"vepa\" or \"veb\".");
                    self = true;
                }
                case "self" -> self = true;
                case "master" -> master = true;
                case "neigh_suppress" -> c.neighSuppress = onOff(a, next(args, ++i));
                case "vlan_tunnel" -> c.vlanTunnel = onOff(a, next(args, ++i));
                case "isolated" -> c.isolated = onOff(a, next(args, ++i));
                case "locked" -> c.locked = onOff(a, next(args, ++i));
                case "backup_port" -> {
                    String v = next(args, ++i);
                    if (o.dev(v) == null) throw BridgeError.of("Error: device " + v + " does not exist");
                    throw new BridgeError("nsnet: bridge link set backup_port is not supported\n", 1);
                }
                case "nobackup_port" -> { }
                default -> throw new BridgeError(USAGE, 255);
            }
        }
        if (d == null) throw BridgeError.of("Device is a required argument.");
        NetDevice dev = o.dev(d);
        if (dev == null) throw BridgeError.of("Cannot find bridge device \"" + d + "\"");
        c.apply(dev, self && !master);
        return 0;
    }

    private static String next(List<String> args, int i) {
        if (i >= args.size()) throw BridgeError.incomplete();
        return args.get(i);
    }

    /** parse_on_off(): a bad value is "Error: argument of "K" must be one of "off", "on", not "V"" and -EINVAL. */
    private static boolean onOff(String key, String v) {
        if (v.equals("on")) return true;
        if (v.equals("off")) return false;
        throw new BridgeError("Error: argument of \"" + key + "\" must be one of \"off\", \"on\", not \"" + v + "\"\n", 234);
    }

    /** atoi(). */
    static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i++) - '0');
            if (v > Integer.MAX_VALUE + 1L) break;
        }
        return (int) (neg ? -v : v);
    }

    /** strtol(s, &end, 10) that consumed the whole non-empty string (leading blanks allowed). */
    private static Integer strtolFull(String s) {
        if (s.isEmpty()) return null;
        try {
            return (int) Long.parseLong(s.stripLeading());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseStpState(String s) {
        for (int st = 0; st <= 4; st++) if (s.equals(BrPort.stateName(st))) return st;
        return -1;
    }
}
