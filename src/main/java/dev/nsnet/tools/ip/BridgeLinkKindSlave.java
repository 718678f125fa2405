package dev.nsnet.tools.ip;

import dev.nsnet.kernel.bridge.BridgePortConfig;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ip link set PORT type bridge_slave ...}: ip/iplink_bridge_slave.c's parser, applied by
 * the bridge of the port (IFLA_INFO_SLAVE_DATA, {@code br_port_slave_changelink()}).
 */
public final class BridgeLinkKindSlave implements LinkKind {
    static final String HELP = "Usage: ... bridge_slave [ fdb_flush ]\n"
            + "\t\t\t[ state STATE ]\n"
            + "\t\t\t[ priority PRIO ]\n"
            + "\t\t\t[ cost COST ]\n"
            + "\t\t\t[ guard {on | off} ]\n"
            + "\t\t\t[ hairpin {on | off} ]\n"
            + "\t\t\t[ fastleave {on | off} ]\n"
            + "\t\t\t[ root_block {on | off} ]\n"
            + "\t\t\t[ learning {on | off} ]\n"
            + "\t\t\t[ flood {on | off} ]\n"
            + "\t\t\t[ proxy_arp {on | off} ]\n"
            + "\t\t\t[ proxy_arp_wifi {on | off} ]\n"
            + "\t\t\t[ mcast_router MULTICAST_ROUTER ]\n"
            + "\t\t\t[ mcast_fast_leave {on | off} ]\n"
            + "\t\t\t[ mcast_flood {on | off} ]\n"
            + "\t\t\t[ bcast_flood {on | off} ]\n"
            + "\t\t\t[ mcast_to_unicast {on | off} ]\n"
            + "\t\t\t[ group_fwd_mask MASK ]\n"
            + "\t\t\t[ neigh_suppress {on | off} ]\n"
            + "\t\t\t[ vlan_tunnel {on | off} ]\n"
            + "\t\t\t[ isolated {on | off} ]\n"
            + "\t\t\t[ locked {on | off} ]\n"
            + "\t\t\t[ backup_port DEVICE ] [ nobackup_port ]\n";

    @Override public String kind() { return "bridge_slave"; }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        // "ip link add ... type bridge_slave": no such device type to create
        throw new KernelException(Errno.EOPNOTSUPP, "Unknown device type");
    }

    @Override
    public void printHelp(PrintStream out) { out.print(HELP); }

    private static String next(List<String> a, int i) {
        if (i >= a.size()) throw IpError.exit("Command line is not complete. Try option \"help\"\n");
        return a.get(i);
    }

    private static boolean onOff(String key, String v) {
        if (v.equals("on")) return true;
        if (v.equals("off")) return false;
        throw new IpError("Error: argument of \"" + key + "\" must be one of \"off\", \"on\", not \"" + v + "\"\n", 1);
    }

    private static long getU(String v, long max, String what) {
        Long x = IpUtil.strtol(v);
        if (v.isEmpty() || x == null || x < 0 || x > max) throw IpError.invarg(what, v);
        return x;
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        BridgePortConfig c = new BridgePortConfig();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "fdb_flush")) {
                continue;
            } else if (IpUtil.matches(a, "state")) {
                c.state = (int) getU(next(args, ++i), 0xff, "state is invalid");
            } else if (IpUtil.matches(a, "priority")) {
                c.priority = (int) getU(next(args, ++i), 0xffff, "priority is invalid");
            } else if (IpUtil.matches(a, "cost")) {
                c.cost = (int) getU(next(args, ++i), 0xffffffffL, "cost is invalid");
            } else if (IpUtil.matches(a, "hairpin")) {
                c.hairpin = onOff("hairpin", next(args, ++i));
            } else if (IpUtil.matches(a, "guard")) {
                c.guard = onOff("guard", next(args, ++i));
            } else if (IpUtil.matches(a, "root_block")) {
                c.rootBlock = onOff("root_block", next(args, ++i));
            } else if (IpUtil.matches(a, "fastleave")) {
                c.fastLeave = onOff("fastleave", next(args, ++i));
            } else if (IpUtil.matches(a, "learning")) {
                c.learning = onOff("learning", next(args, ++i));
            } else if (IpUtil.matches(a, "flood")) {
                c.flood = onOff("flood", next(args, ++i));
            } else if (IpUtil.matches(a, "mcast_flood")) {
                c.mcastFlood = onOff("mcast_flood", next(args, ++i));
            } else if (IpUtil.matches(a, "bcast_flood")) {
                c.bcastFlood = onOff("bcast_flood", next(args, ++i));
            } else if (IpUtil.matches(a, "mcast_to_unicast")) {
                c.mcastToUcast = onOff("mcast_to_unicast", next(args, ++i));
            } else if (IpUtil.matches(a, "mcast_router")) {
                c.mcastRouter = (int) getU(next(args, ++i), 0xff, "invalid mcast_router");
            } else if (IpUtil.matches(a, "neigh_suppress")) {
                c.neighSuppress = onOff("neigh_suppress", next(args, ++i));
            } else if (IpUtil.matches(a, "vlan_tunnel")) {
                c.vlanTunnel = onOff("vlan_tunnel", next(args, ++i));
            } else if (IpUtil.matches(a, "isolated")) {
                c.isolated = onOff("isolated", next(args, ++i));
            } else if (IpUtil.matches(a, "locked")) {
                c.locked = onOff("locked", next(args, ++i));
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(HELP, 1);
            } else {
                next(args, ++i);
                throw new IpError("nsnet: ip link ... type bridge_slave " + a + " is not supported\n", 2);
            }
        }
        c.apply(dev, false);
    }
}
