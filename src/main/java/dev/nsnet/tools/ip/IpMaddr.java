package dev.nsnet.tools.ip;

import dev.nsnet.kernel.bridge.DevAddrLists;
import dev.nsnet.kernel.bridge.NetBridge;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.kernel.ipv4.Igmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip maddress}: ipmaddr.c. The list is what iproute2 reads from /proc/net/dev_mcast (the
 * link-layer groups of dev->mc, see {@link DevAddrLists#multicast}), /proc/net/igmp (the IPv4
 * groups of an up device: all-hosts 224.0.0.1, newest first, after the 224.0.0.106 a snooping
 * bridge joins when it opens) and /proc/net/igmp6 (the IPv6 groups every in6_dev has, even with
 * disable_ipv6=1: ff02::1 and ff01::1, with ff02::6a first on an up snooping bridge), sorted by
 * ifindex. {@code add}/{@code del} (SIOCADDMULTI) are not modelled.
 */
public final class IpMaddr implements IpObject {
    @Override public String name() { return "maddress"; }

    static IpError usage() {
        return IpError.exit("Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n"
                + "       ip maddr show [ dev STRING ]\n");
    }

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return list(ctx, o, args);
        String a = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(a, "add") || IpUtil.matches(a, "delete"))
            throw new IpError("nsnet: ip maddress " + (IpUtil.matches(a, "add") ? "add" : "delete")
                    + " is not supported\n", 2);
        if (IpUtil.matches(a, "list") || IpUtil.matches(a, "show") || IpUtil.matches(a, "lst"))
            return list(ctx, o, rest);
        if (IpUtil.matches(a, "help")) throw usage();
        throw IpError.exit("Command \"" + a + "\" is unknown, try \"ip maddr help\".\n");
    }

    /** One entry of the merged list: family 17 (link), 2 (inet) or 10 (inet6). */
    private record Entry(NetDevice dev, int family, String addr) { }

    private int list(ToolContext ctx, IpOptions o, List<String> args) {
        String filterDev = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev")) a = IpLinkParse.next(args, ++i);
            else if (IpUtil.matches(a, "help")) throw usage();
            if (filterDev != null) throw IpError.duparg2("dev", a);
            filterDev = a;
        }
        int family = o.family;
        List<Entry> entries = new ArrayList<>();
        for (NetDevice d : ctx.netns().devices()) {
            // the /proc files are filtered by the name as written (no device lookup)
            if (filterDev != null && !filterDev.equals(d.name)) continue;
            if (family == 0 || family == 17) {
                for (long m : DevAddrLists.multicast(d)) {
                    // the IPv6 groups (33:33:...) leave dev->mc with the in6_dev (MTU below 1280)
                    if ((m >>> 32) == 0x3333 && !RtnlLink.hasInet6Dev(d)) continue;
                    entries.add(new Entry(d, 17, Mac.format(m)));
                }
            }
            if (family == 0 || family == 2) {
                // in_dev->mc_list is prepended: the groups kernel sockets joined (a vxlan device's
                // group on its lower device), newest first, then the all-hosts group of ip_mc_up()
                for (int g : Igmp.groups(d)) entries.add(new Entry(d, 2, Inet4.format(g)));
            }
            if ((family == 0 || family == 2) && d.isUp()) {
                entries.add(new Entry(d, 2, "224.0.0.1"));
                if (snoopingBridge(d)) entries.add(new Entry(d, 2, "224.0.0.106"));
            }
            if ((family == 0 || family == 10) && RtnlLink.hasInet6Dev(d)) {
                if (d.isUp() && snoopingBridge(d)) entries.add(new Entry(d, 10, "ff02::6a"));
                entries.add(new Entry(d, 10, "ff02::1"));
                entries.add(new Entry(d, 10, "ff01::1"));
            }
        }
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        NetDevice cur = null;
        for (Entry e : entries) {
            if (e.dev() != cur || o.oneline) {
                if (cur != null) {
                    p.closeArray(IpPrint.JSON, null);
                    p.closeObject();
                }
                p.openObject(null);
                p.uint(IpPrint.ANY, "ifindex", "%d:", e.dev().ifindex);
                p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "ifname", "\t%s", e.dev().name);
                p.nl();
                cur = e.dev();
                p.openArray(IpPrint.JSON, "maddr");
            }
            p.string(IpPrint.FP, null, "\t", null);
            p.openObject(null);
            if (e.family() == 17) {
                p.string(IpPrint.FP, null, "link  ", null);
                p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "link", "%s", e.addr());
            } else {
                p.string(IpPrint.ANY, "family", "%-5s ", e.family() == 2 ? "inet" : "inet6");
                p.colorString(IpPrint.ANY, e.family() == 2 ? IpPrint.COLOR_INET : IpPrint.COLOR_INET6,
                        "address", "%s", e.addr());
            }
            p.string(IpPrint.FP, null, "\n", null);
            p.closeObject();
        }
        if (cur != null) {
            p.closeArray(IpPrint.JSON, null);
            p.closeObject();
        }
        p.deleteJsonObj();
        return 0;
    }

    private static boolean snoopingBridge(NetDevice d) {
        if (!"bridge".equals(d.kind()) || d.type != If.ARPHRD_ETHER) return false;
        NetBridge br = NetBridge.of(d);
        return br != null && br.mcastSnooping != 0;
    }
}
