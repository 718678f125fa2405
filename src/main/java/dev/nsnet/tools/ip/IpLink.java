package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip link}: iplink.c's {@code do_iplink()} (add, set/change, delete, show/list/lst, help)
 * with {@code ip link show} being ipaddress.c's {@code ipaddr_list_link()}.
 */
public final class IpLink implements IpObject {
    @Override public String name() { return "link"; }

    /** The kinds iproute2 6.1 has a link_util for (their arguments are not "garbage"). */
    static final java.util.Set<String> IPROUTE2_KINDS = java.util.Set.of("amt", "bareudp", "batadv", "bond",
            "bond_slave", "bridge", "bridge_slave", "can", "dsa", "dummy", "erspan", "geneve", "gre", "gretap",
            "gtp", "hsr", "ifb", "ip6erspan", "ip6gre", "ip6gretap", "ip6tnl", "ipip", "ipoib", "ipvlan", "ipvtap",
            "macsec", "macvlan", "macvtap", "netdevsim", "nlmon", "rmnet", "sit", "team", "team_slave", "tun",
            "vcan", "veth", "virt_wifi", "vlan", "vrf", "vrf_slave", "vti", "vti6", "vxcan", "vxlan", "wwan", "xfrm");

    /**
     * Kinds the recording kernel has drivers for that nsnet does not model yet: a clear nsnet
     * error instead of the "Unknown device type" the host would not have printed. Every other
     * kind missing from {@link LinkKinds} gets that kernel message, as on the recording host.
     */
    static final java.util.Set<String> HOST_KERNEL_KINDS = java.util.Set.of("ifb", "macvtap");

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return show(ctx, o, args);
        String a = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(a, "add")) return add(ctx, rest);
        if (IpUtil.matches(a, "set") || IpUtil.matches(a, "change")) return set(ctx, rest);
        if (IpUtil.matches(a, "replace")) return replace(ctx, rest);
        if (IpUtil.matches(a, "delete")) return delete(ctx, rest);
        if (IpUtil.matches(a, "show") || IpUtil.matches(a, "lst") || IpUtil.matches(a, "list")) return show(ctx, o, rest);
        if (IpUtil.matches(a, "help")) {
            if (rest.isEmpty()) throw IpLinkHelp.usage();
            LinkKind k = LinkKinds.get(rest.get(0));
            if (k != null) {
                k.printHelp(ctx.out());
                return 0;
            }
            String text = IpLinkKindHelp.help(rest.get(0));
            if (text != null) {
                ctx.out().print(text);
                return 0;
            }
            throw IpLinkHelp.usage();
        }
        if (IpUtil.matches(a, "xstats")) return xstats(ctx, o, rest);
        if (IpUtil.matches(a, "afstats")) return afstats(ctx, o, rest);
        if (IpUtil.matches(a, "property")) return property(ctx, rest);
        throw IpError.exit("Command \"" + a + "\" is unknown, try \"ip link help\".\n");
    }

    /** iplink_modify(RTM_NEWLINK, NLM_F_CREATE|NLM_F_EXCL) and rtnl_newlink() for a new device. */
    int add(ToolContext ctx, List<String> args) {
        NetNamespace src = ctx.netns();
        LinkRequest r = IpLinkParse.parse(ctx, src, args, true);
        if (r.type == null) throw new IpError("Not enough information: \"type\" argument is required\n", 1);
        LinkKind k = LinkKinds.get(r.type);
        if (k == null) {
            IpError explain = IpLinkKindHelp.parseHelp(r.type, r.kindArgs);
            if (explain != null) throw explain;
        }
        if (k == null && !r.kindArgs.isEmpty() && !IPROUTE2_KINDS.contains(r.type)) {
            if (IpUtil.matches(r.kindArgs.get(0), "help")) throw IpLinkHelp.usage();
            throw new IpError("Garbage instead of arguments \"" + r.kindArgs.get(0)
                    + " ...\". Try \"ip link help\".\n", 1);
        }
        if (k != null) k.parse(ctx, r, r.kindArgs);
        // rtnl_newlink(): the kind's ops are looked up first; a kernel without them (KernelConfig:
        // ipvlan, 8021q) skips their validate and answers "Unknown device type" after the generic checks
        if (k != null && !ctx.host().kernel.hasLinkKind(k.kind())) k = null;
        if (k != null) k.validate(ctx, r);
        // rtnl_newlink(): an existing device of that index or name answers EEXIST before the kind
        // is even looked up; since Linux 6.15 it is looked up in the target namespace (`netns NS`),
        // not the caller's, so `ip link add eth0 netns h1 ...` works while the caller has an eth0.
        NetNamespace tgt = r.netns != null ? r.netns : src;
        if (r.index != 0 && tgt.dev(r.index) != null) throw new KernelException(Errno.EEXIST);
        if (r.name != null && RtnlLink.nameInUse(tgt, r.name)) throw new KernelException(Errno.EEXIST);
        // rtnl_newlink(): IFLA_LINK_NETNSID names a peer namespace by its nsid here
        if (r.linkNetnsid != null && src.nsidLookup(r.linkNetnsid) == null)
            throw new KernelException(Errno.EINVAL, "Unknown network namespace id");
        if (k == null && HOST_KERNEL_KINDS.contains(r.type))
            throw new IpError("nsnet: ip link: device type \"" + r.type + "\" is not supported\n", 2);
        if (k == null) throw new KernelException(Errno.EOPNOTSUPP, "Unknown device type");
        k.newLink(ctx, tgt, r, r.kindArgs);
        return 0;
    }

    /**
     * iplink_prop(): {@code property add|del [dev] DEV altname NAME...} as one
     * RTM_NEWLINKPROP / RTM_DELLINKPROP (rtnl_linkprop()).
     */
    int property(ToolContext ctx, List<String> args) {
        if (args.isEmpty()) throw IpLinkHelp.usage();
        String op = args.get(0);
        boolean add;
        if (IpUtil.matches(op, "add")) add = true;
        else if (IpUtil.matches(op, "del")) add = false;
        else if (IpUtil.matches(op, "help")) throw IpLinkHelp.usage();
        else throw IpError.exit("Operator required\n");
        String dev = null;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "altname")) {
                String v = IpLinkParse.next(args, ++i);
                if (!IpUtil.checkAltIfname(v)) throw IpError.invarg("not a valid altname", v);
                names.add(v);
            } else if (IpUtil.matches(a, "help")) {
                throw IpLinkHelp.usage();
            } else {
                if (a.equals("dev")) a = IpLinkParse.next(args, ++i);
                if (dev != null) throw IpError.duparg2("dev", a);
                if (!IpUtil.checkAltIfname(a)) throw IpError.invarg("\"dev\" not a valid ifname", a);
                dev = a;
            }
        }
        if (dev == null) throw IpError.exit("Not enough of information: \"dev\" argument is required.\n");
        NetDevice d = IpLinkParse.lookup(ctx.netns(), dev);
        if (IpLinkParse.nameToIndex(ctx.netns(), dev) == 0) throw IpError.nodev(dev);
        if (d == null) throw new KernelException(Errno.ENODEV);
        RtnlLink.linkProp(d, add, names);
        return 0;
    }

    /**
     * iplink_ifla_xstats(): only bridge and bond (and their ports) have extended statistics; with
     * no such device the dump is empty.
     */
    int xstats(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) throw new IpError("xstats: missing argument\n", 1);
        String a = args.get(0);
        if (IpUtil.matches(a, "help")) {
            ctx.out().print("Usage: ... xstats type TYPE [ ARGS ]\n");
            return 0;
        }
        if (!IpUtil.matches(a, "type")) throw IpError.invarg("unknown argument", a);
        String kind = IpLinkParse.next(args, 1);
        if (!IPROUTE2_KINDS.contains(kind)) throw IpError.invarg("invalid type", kind);
        if (!kind.equals("bridge") && !kind.equals("bridge_slave") && !kind.equals("bond") && !kind.equals("bond_slave"))
            throw new IpError("xstats: link type " + kind + " doesn't support xstats\n", 1);
        String master = kind.replace("_slave", "");
        for (NetDevice d : ctx.netns().devices()) {
            boolean match = kind.endsWith("_slave") ? d.master != null && master.equals(d.master.kind())
                    : master.equals(d.kind());
            if (match) throw new IpError("nsnet: ip link xstats type " + kind + " is not supported\n", 2);
        }
        emptyJsonDump(ctx, o);
        return 0;
    }

    /**
     * iplink_afstats(): the per-family statistics of IFLA_STATS_AF_SPEC; the kernel only reports
     * MPLS ones, which no modelled device has, so nothing is printed.
     */
    int afstats(ToolContext ctx, IpOptions o, List<String> args) {
        String filterDev = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev")) {
                String v = IpLinkParse.next(args, ++i);
                if (filterDev != null) throw IpError.duparg2("dev", v);
                filterDev = v;
            } else if (IpUtil.matches(a, "help")) {
                throw IpLinkHelp.usage();
            } else {
                throw IpError.exit("Command \"" + a + "\" is unknown, try \"ip link help\".\n");
            }
        }
        if (filterDev != null && IpLinkParse.nameToIndex(ctx.netns(), filterDev) == 0) {
            // do_iplink() ignores what iplink_afstats() returns
            ctx.err().print("Device \"" + filterDev + "\" does not exist.\n");
            return 0;
        }
        emptyJsonDump(ctx, o);
        return 0;
    }

    /** new_json_obj() + delete_json_obj() around a dump that printed nothing. */
    private static void emptyJsonDump(ToolContext ctx, IpOptions o) {
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        p.deleteJsonObj();
    }

    /** "replace": NLM_F_CREATE|NLM_F_REPLACE: modify when the device exists, else create. */
    int replace(ToolContext ctx, List<String> args) {
        LinkRequest probe = IpLinkParse.parse(ctx, ctx.netns(), args, true);
        // __rtnl_newlink(): NLM_F_REPLACE on a device that exists is refused outright.
        if ((probe.name != null && ctx.netns().dev(probe.name) != null)
                || (probe.index != 0 && ctx.netns().dev(probe.index) != null))
            throw new KernelException(Errno.EOPNOTSUPP);
        return add(ctx, args);
    }

    /** iplink_modify(RTM_NEWLINK, 0): changelink of the kind, then do_setlink(). */
    int set(ToolContext ctx, List<String> args) {
        NetNamespace ns = ctx.netns();
        LinkRequest r = IpLinkParse.parse(ctx, ns, args, false);
        if (r.groupOnly) {
            // rtnl_group_changelink(): do_setlink on each device of the group
            for (NetDevice d : new ArrayList<>(ns.devices())) {
                if (d.group == r.group && d.ns == ns) RtnlLink.setlink(d, r.toSetLink());
            }
            return 0;
        }
        NetDevice dev = ns.dev(r.ifindex);
        if (dev == null) throw new KernelException(Errno.ENODEV);
        if (r.type != null) {
            LinkKind k = LinkKinds.get(r.type);
            if (k == null && !r.kindArgs.isEmpty()) {
                IpError explain = IpLinkKindHelp.parseHelp(r.type, r.kindArgs);
                if (explain != null) throw explain;
                // a kind iproute2 parses but the kernel has no driver for: the request goes out
                if (IPROUTE2_KINDS.contains(r.type)) throw new KernelException(Errno.EOPNOTSUPP);
                if (IpUtil.matches(r.kindArgs.get(0), "help")) throw IpLinkHelp.usage();
                throw new IpError("Garbage instead of arguments \"" + r.kindArgs.get(0)
                        + " ...\". Try \"ip link help\".\n", 1);
            }
            // iplink_modify(): the kind's parse_opt runs before anything is sent
            if (k != null && !r.kindArgs.isEmpty()) k.parse(ctx, r, r.kindArgs);
            // rtnl_newlink(): the kind's validate runs with or without IFLA_INFO_DATA (vlan's
            // refuses a request without it: "VLAN properties not specified")
            if (k != null && ctx.host().kernel.hasLinkKind(k.kind())) k.validate(ctx, r);
            if (k != null && !r.kindArgs.isEmpty()) {
                boolean slave = r.type.endsWith("_slave");
                if (!slave && !r.type.equals(dev.kind())) throw new KernelException(Errno.EOPNOTSUPP);
                k.changeLink(ctx, dev, r.kindArgs);
            }
        }
        IpLinkSet.apply(ctx, dev, r);
        return 0;
    }

    /** iplink_modify(RTM_DELLINK) + rtnl_dellink(): devices without rtnl_link_ops (lo) refuse. */
    int delete(ToolContext ctx, List<String> args) {
        LinkRequest r = IpLinkParse.parse(ctx, ctx.netns(), args, false);
        if (r.groupOnly) {
            // rtnl_group_dellink(): never group 0; every member must be deletable, then all go
            if (r.group == 0) throw new KernelException(Errno.EPERM);
            List<NetDevice> members = new ArrayList<>();
            for (NetDevice d : ctx.netns().devices()) if (d.group == r.group) members.add(d);
            for (NetDevice d : members) if (d.kind() == null) throw new KernelException(Errno.EOPNOTSUPP);
            for (NetDevice d : members) if (d.ns != null) Dev.unregister(d);
            return 0;
        }
        NetDevice dev = ctx.netns().dev(r.ifindex);
        if (dev == null) throw new KernelException(Errno.ENODEV);
        if (dev.kind() == null) throw new KernelException(Errno.EOPNOTSUPP);
        Dev.unregister(dev);
        return 0;
    }

    /** ipaddr_list_link(): the filters of ipaddr_list_flush_or_save() and one record per link. */
    static int show(ToolContext ctx, IpOptions o, List<String> args) {
        o.doLink = true;
        NetNamespace ns = ctx.netns();
        String filterDev = null, kind = null, slaveKind = null;
        boolean up = false, label = false;
        Integer group = null;
        int master = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "up" -> up = true;
                case "group" -> {
                    String v = IpLinkParse.next(args, ++i);
                    group = IpLinkParse.groupA2n(v);
                    if (group == null) throw IpError.invarg("Invalid \"group\" value\n", v);
                }
                case "master" -> {
                    String v = IpLinkParse.next(args, ++i);
                    master = IpLinkParse.nameToIndex(ns, v);
                    if (master == 0) throw IpError.invarg("Device does not exist\n", v);
                }
                case "vrf" -> {
                    String v = IpLinkParse.next(args, ++i);
                    throw IpError.invarg("Not a valid VRF name\n", v);
                }
                case "nomaster" -> master = -1;
                case "type" -> {
                    String v = IpLinkParse.next(args, ++i);
                    if (v.endsWith("_slave")) slaveKind = v.substring(0, v.length() - "_slave".length());
                    else kind = v;
                }
                // print_linkinfo() prints nothing at all while a label filter is set
                case "label" -> {
                    IpLinkParse.next(args, ++i);
                    label = true;
                }
                // get_prefix() with the AF_PACKET family of ipaddr_list_link()
                case "to" -> throw new IpError("Error: \"" + IpLinkParse.next(args, ++i)
                        + "\" may be inet prefix, but it is not allowed in this context.\n", 1);
                case "scope" -> {
                    String v = IpLinkParse.next(args, ++i);
                    if (IpRouteUtil.scopeValue(v) == null && !v.equals("all"))
                        throw IpError.invarg("invalid \"scope\"\n", v);
                }
                case "dynamic", "permanent", "secondary", "primary", "tentative", "deprecated", "dadfailed",
                     "temporary", "home", "nodad", "mngtmpaddr", "noprefixroute", "autojoin", "optimistic",
                     "stable-privacy" -> { }
                default -> {
                    if (a.equals("dev")) a = IpLinkParse.next(args, ++i);
                    else if (IpUtil.matches(a, "help")) throw IpLinkHelp.usage();
                    if (filterDev != null) throw IpError.duparg2("dev", a);
                    filterDev = a;
                }
            }
        }
        List<NetDevice> devs = new ArrayList<>();
        if (filterDev != null) {
            if (IpLinkParse.nameToIndex(ns, filterDev) == 0)
                throw new IpError("Device \"" + filterDev + "\" does not exist.\n", 1);
            NetDevice d = RtnlLink.devGetByName(ns, filterDev);
            if (d == null) {
                // "ifN" resolved to an index, but iplink_get() asks the kernel by name.
                throw new IpError("RTNETLINK answers: No such device\nCannot send link get request: No such device\n", 1);
            }
            devs.add(d);
        } else {
            devs.addAll(ns.devices());
        }
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        // The kernel filters the dump by master and by a kind it has a driver for; the other
        // filters are iproute2's, applied after it opened the record's JSON object (so -j shows
        // an empty {} for each link they drop).
        boolean kernelKind = kind != null && LinkKinds.get(kind) != null;
        for (NetDevice d : devs) {
            if (filterDev == null) {
                if (master > 0 && (d.master == null || d.master.ifindex != master)) continue;
                if (master < 0 && d.master != null) continue;
                if (kernelKind && !kind.equals(d.kind())) continue;
            }
            // rtnl_fill_ifinfo() of every device the kernel returns allocates its link nsid
            RtnlLink.fillLinkNetnsid(d);
            boolean shown = !label && !(up && !d.isUp())
                    && (group == null || d.group == group)
                    && (master <= 0 || (d.master != null && d.master.ifindex == master))
                    && (master >= 0 || d.master == null)
                    && (kind == null || kind.equals(d.kind()))
                    && (slaveKind == null || (d.master != null && slaveKind.equals(d.master.kind())));
            p.openObject(null);
            if (shown) IpLinkPrint.header(p, o, ns, d, true, 17);
            p.closeObject();
            p.flushRecord();
        }
        p.deleteJsonObj();
        return 0;
    }
}
