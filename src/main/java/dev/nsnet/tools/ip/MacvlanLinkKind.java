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
 * {@code type macvlan [mode private|vepa|bridge|passthru|source] [flag nopromisc|nodst|null]}: ip/iplink_macvlan.c's parser
 * and printer, and drivers/net/macvlan.c's {@code macvlan_newlink()} (the lower device is
 * {@code link DEV}, required).
 */
public final class MacvlanLinkKind implements LinkKind {
    @Override public String kind() { return "macvlan"; }

    /** What macvlan_parse_opt() puts in the request: IFLA_MACVLAN_MODE and IFLA_MACVLAN_FLAGS (null: absent). */
    record Opts(Integer mode, Integer flags) { }

    /** macvlan_parse_opt(): the mode and flags, kept in {@code req.kindData}. */
    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        req.kindData = parseOpts(args);
    }

    private static Opts parseOpts(List<String> args) {
        Integer mode = null;
        int flags = 0;
        boolean hasFlags = false;
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
            } else if (IpUtil.matches(a, "flag")) {
                if (i + 1 >= args.size()) throw IpError.exit("Command line is not complete. Try option \"help\"\n");
                String f = args.get(++i);
                flags |= switch (f) {
                    case "nopromisc" -> Macvlan.FLAG_NOPROMISC;
                    case "nodst" -> Macvlan.FLAG_NODST;
                    case "null" -> 0;
                    default -> throw new IpError("Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \""
                            + f + "\"\n", 1);
                };
                hasFlags = true;
            } else if (a.equals("macaddr") || a.equals("bcqueuelen")) {
                throw new IpError("nsnet: ip link: macvlan option \"" + a + "\" is not supported\n", 2);
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(helpText(), 1);
            } else {
                throw new IpError("macvlan: unknown option \"" + a + "\"?\n" + helpText(), 1);
            }
        }
        // checked by ip after the loop against the mode given on this command line (none: not passthru)
        if (hasFlags && (flags & Macvlan.FLAG_NOPROMISC) != 0 && (mode == null || mode != Macvlan.MODE_PASSTHRU))
            throw new IpError("macvlan: nopromisc flag only valid in passthru mode\n" + helpText(), 1);
        return new Opts(mode, hasFlags ? flags : null);
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        Opts o = req.kindData instanceof Opts k ? k : parseOpts(args);
        Integer mode = o.mode();
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
        if (o.flags() != null) Macvlan.vlan(dev).flags = o.flags();
        req.configureOrUnregister(dev);
        return dev;
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        Opts o = parseOpts(args);
        Macvlan.Vlan v = Macvlan.vlan(dev);
        if (v == null) return;
        Integer mode = o.mode();
        // macvlan_changelink(): passthru cannot be entered or left
        if (mode != null && (mode == Macvlan.MODE_PASSTHRU) != (v.mode == Macvlan.MODE_PASSTHRU)) throw new KernelException(Errno.EINVAL);
        if (o.flags() != null) Macvlan.setFlags(v, o.flags());
        if (mode != null) v.mode = mode;
    }

    /** macvlan_print_opt(). */
    @Override
    public void printDetails(IpPrint p, IpOptions o, NetDevice dev) {
        Macvlan.Vlan v = Macvlan.vlan(dev);
        if (v == null) return;
        p.string(IpPrint.ANY, "mode", "mode %s ", Macvlan.modeName(v.mode));
        if ((v.flags & Macvlan.FLAG_NOPROMISC) != 0) p.bool(IpPrint.ANY, "nopromisc", "nopromisc ", true);
        if ((v.flags & Macvlan.FLAG_NODST) != 0) p.bool(IpPrint.ANY, "nodst", "nodst ", true);
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
