package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Ipvlan;
import dev.nsnet.kernel.drivers.IpvlanPort;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code type ipvlan [mode l2|l3|l3s] [bridge|private|vepa]}: ip/iplink_ipvlan.c (iproute2 6.1)
 * parser, printer and help, and drivers/net/ipvlan/ipvlan_main.c's {@code ipvlan_link_new()} /
 * {@code ipvlan_nl_changelink()} (the lower device is {@code link DEV}, required).
 */
public final class IpvlanLinkKind implements LinkKind {
    static final String HELP = "Usage: ... ipvlan [ mode MODE ] [ FLAGS ]\n\nMODE: l3 | l3s | l2\n"
            + "FLAGS: bridge | private | vepa\n(first values are the defaults if nothing is specified).\n";

    @Override public String kind() { return "ipvlan"; }

    /** ipvlan_parse_opt(): IFLA_IPVLAN_MODE when given, IFLA_IPVLAN_FLAGS always. */
    record Opts(Integer mode, int flags) { }

    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        req.kindData = parseOpts(args);
    }

    static Opts parseOpts(List<String> args) {
        Integer mode = null;
        int flags = 0;
        boolean mflag = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "mode")) {
                if (i + 1 >= args.size()) throw IpError.exit("Command line is not complete. Try option \"help\"\n");
                String m = args.get(++i);
                mode = switch (m) {
                    case "l2" -> Ipvlan.MODE_L2;
                    case "l3" -> Ipvlan.MODE_L3;
                    case "l3s" -> Ipvlan.MODE_L3S;
                    default -> throw new IpError(
                            "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n", 1);
                };
            } else if (IpUtil.matches(a, "private") && !mflag) {
                flags |= Ipvlan.F_PRIVATE;
                mflag = true;
            } else if (IpUtil.matches(a, "vepa") && !mflag) {
                flags |= Ipvlan.F_VEPA;
                mflag = true;
            } else if (IpUtil.matches(a, "bridge") && !mflag) {
                mflag = true;
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(HELP, 1);
            } else {
                throw new IpError("ipvlan: unknown option \"" + a + "\"?\n" + HELP, 1);
            }
        }
        return new Opts(mode, flags);
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        Opts o = req.kindData instanceof Opts x ? x : parseOpts(args);
        // IFLA_LINK names a device of the caller's namespace
        if (req.link == null) throw new KernelException(Errno.EINVAL);
        NetDevice lower = ctx.netns().dev(req.link);
        if (lower == null) throw new KernelException(Errno.ENODEV);
        NetDevice dev = Ipvlan.newLink(ns, req.name, lower, o.mode(), o.flags(), req::prepare, req.index);
        req.configureOrUnregister(dev);
        return dev;
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        Opts o = parseOpts(args);
        if (Ipvlan.slave(dev) == null) throw new KernelException(Errno.EOPNOTSUPP);
        Ipvlan.changeLink(dev, o.mode(), o.flags());
    }

    /** ipvlan_print_opt(): note the leading blank of " mode %s ". */
    @Override
    public void printDetails(IpPrint p, IpOptions o, NetDevice dev) {
        Ipvlan.Slave s = Ipvlan.slave(dev);
        if (s == null) return;
        IpvlanPort port = s.port;
        p.string(IpPrint.ANY, "mode", " mode %s ", Ipvlan.modeName(port.mode));
        if (port.isPrivate()) p.bool(IpPrint.ANY, "private", "private ", true);
        else if (port.isVepa()) p.bool(IpPrint.ANY, "vepa", "vepa ", true);
        else p.bool(IpPrint.ANY, "bridge", "bridge ", true);
    }

    @Override
    public void printHelp(PrintStream out) { out.print(HELP); }
}
