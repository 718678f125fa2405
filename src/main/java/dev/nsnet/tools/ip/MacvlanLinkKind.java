package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Macvlan;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code type macvlan [mode private|vepa|bridge|passthru|source]}: ip/iplink_macvlan.c's parser
 * and printer, and drivers/net/macvlan.c's {@code macvlan_newlink()} (the lower device is
 * {@code link DEV}, required).
 */
public final class MacvlanLinkKind implements LinkKind {
    @Override public String kind() { return "macvlan"; }

    /** macvlan_parse_opt(): the mode (IFLA_MACVLAN_MODE), kept in {@code req.kindData}. */
    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        req.kindData = parseMode(args);
    }

    private static Integer parseMode(List<String> args) {
        Integer mode = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("mode")) {
                if (i + 1 >= args.size()) throw IpError.exit("Command line is not complete. Try option \"help\"\n");
                String m = args.get(++i);
                mode = switch (m) {
                    case "private" -> Macvlan.MODE_PRIVATE;
                    case "vepa" -> Macvlan.MODE_VEPA;
                    case "bridge" -> Macvlan.MODE_BRIDGE;
                    case "passthru" -> Macvlan.MODE_PASSTHRU;
                    case "source" -> Macvlan.MODE_SOURCE;
                    default -> throw new IpError("Error: argument of \"mode\" must be \"private\", \"vepa\", "
                            + "\"bridge\", \"passthru\" or \"source\", not \"" + m + "\"\n", 1);
                };
            } else if (a.equals("flag") || a.equals("nopromisc") || a.equals("nodst") || a.equals("macaddr")
                    || a.equals("bcqueuelen")) {
                throw new IpError("nsnet: ip link: macvlan option \"" + a + "\" is not supported\n", 2);
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(helpText(), 1);
            } else {
                throw new IpError("macvlan: unknown option \"" + a + "\"?\n" + helpText(), 1);
            }
        }
        return mode;
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        Integer mode = req.kindData instanceof Integer m ? m : parseMode(args);
        // macvlan_validate(): a given address must be a 6-byte unicast one
        if (req.mac != null) {
            if (req.macLen != 0) throw new KernelException(Errno.EINVAL);
            if (dev.nsnet.kernel.wire.Mac.isMulticast(req.mac) || req.mac == 0)
                throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        // IFLA_LINK names a device of the caller's namespace
        NetDevice lower = req.link == null ? null : ctx.netns().dev(req.link);
        if (lower == null) throw new KernelException(Errno.EINVAL);
        NetDevice dev = Macvlan.newLink(ns, req.name, lower, mode == null ? Macvlan.MODE_VEPA : mode,
                req::prepare, req.index, ctx.emulation().random());
        req.configureOrUnregister(dev);
        return dev;
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        Integer mode = parseMode(args);
        Macvlan.Vlan v = Macvlan.vlan(dev);
        if (v == null || mode == null) return;
        // macvlan_changelink(): passthru cannot be entered or left
        if ((mode == Macvlan.MODE_PASSTHRU) != (v.mode == Macvlan.MODE_PASSTHRU)) throw new KernelException(Errno.EINVAL);
        v.mode = mode;
    }

    /** macvlan_print_opt(). */
    @Override
    public void printDetails(IpPrint p, IpOptions o, NetDevice dev) {
        Macvlan.Vlan v = Macvlan.vlan(dev);
        if (v == null) return;
        p.string(IpPrint.ANY, "mode", "mode %s ", Macvlan.modeName(v.mode));
        p.uint(IpPrint.ANY, "bcqueuelen", "bcqueuelen %u ", Macvlan.BC_QUEUE_LEN);
        p.uint(IpPrint.ANY, "usedbcqueuelen", "usedbcqueuelen %u ", Macvlan.BC_QUEUE_LEN);
        if (v.mode == Macvlan.MODE_SOURCE) {
            p.uint(IpPrint.ANY, "macaddr_count", "remotes (%u) ", 0);
        }
    }

    static String helpText() { return IpLinkKindHelp.help("macvlan"); }

    @Override
    public void printHelp(PrintStream out) { out.print(helpText()); }
}
