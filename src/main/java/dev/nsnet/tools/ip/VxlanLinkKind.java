package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Vxlan;
import dev.nsnet.kernel.drivers.VxlanConfig;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code type vxlan id VNI [remote|group A] [local A] [dev D] [dstport P] ...}: ip/iplink_vxlan.c
 * of iproute2 6.1 (vxlan_parse_opt, vxlan_print_opt) over drivers/net/vxlan's newlink and
 * changelink. IPv6 underlays, {@code external} (collect metadata), {@code gbp}, {@code gpe} and
 * {@code vnifilter} are refused with an nsnet message.
 */
public final class VxlanLinkKind implements LinkKind {
    @Override public String kind() { return "vxlan"; }

    /** What the parser produced: the configuration and which IFLA_VXLAN_* attributes were given. */
    record Parsed(VxlanConfig cfg, java.util.Set<String> given) { }

    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        // ip link set (no NLM_F_CREATE) names its device in req.dev; changeLink parses again
        if (req.dev != null) return;
        Parsed p = parseOpt(ctx, args, false);
        req.kindData = p;
        // vxlan_validate() runs before rtnl_newlink() looks the name up
        if (p.cfg().portMax < p.cfg().portMin) throw new KernelException(Errno.EINVAL, "Invalid source port range");
    }

    static String next(List<String> a, int i) {
        if (i >= a.size()) throw IpError.incomplete();
        return a.get(i);
    }

    /** check_duparg(). */
    private static void dup(java.util.Set<String> given, String attr, String key, String arg) {
        if (!given.add(attr)) throw IpError.duparg2(key, arg);
    }

    /** rtnl_dsfield_a2n(): a hexadecimal number up to 255. */
    private static Integer dsfield(String s) {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (t.isEmpty() || t.length() > 8) return null;
        try {
            long v = Long.parseLong(t, 16);
            return v > 255 ? null : (int) v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static IpRouteUtil.Prefix addr(String arg) {
        return IpRouteUtil.getAddr(arg, IpRouteUtil.AF_UNSPEC);
    }

    /** vxlan_parse_opt(). */
    static Parsed parseOpt(ToolContext ctx, List<String> args, boolean setOp) {
        VxlanConfig c = new VxlanConfig();
        java.util.Set<String> g = new java.util.HashSet<>();
        Integer daddr = null;
        boolean daddrMulti = false, metadata = false, vnifilter = false;
        String unsupported = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "id") || IpUtil.matches(a, "vni")) {
                String v = next(args, ++i);
                dup(g, "id", "id", v);
                Long n = IpUtil.getUnsigned(v);
                if (n == null || n >= (1L << 24)) throw IpError.invarg("invalid id", v);
                c.vni = n.intValue();
            } else if (IpUtil.matches(a, "group")) {
                if (daddr != null && !daddrMulti) throw new IpError("vxlan: both group and remote cannot be specified\n", 1);
                String v = next(args, ++i);
                dup(g, "group", "group", v);
                IpRouteUtil.Prefix p = addr(v);
                if (p.bytelen != 4 || !Inet4.isMulticast(p.addr)) throw IpError.invarg("invalid group address", v);
                daddr = p.addr;
                daddrMulti = true;
            } else if (IpUtil.matches(a, "remote")) {
                if (daddr != null && daddrMulti) throw new IpError("vxlan: both group and remote cannot be specified\n", 1);
                String v = next(args, ++i);
                dup(g, "group", "remote", v);
                IpRouteUtil.Prefix p = addr(v);
                if (p.bytelen != 4 || Inet4.isMulticast(p.addr)) throw IpError.invarg("invalid remote address", v);
                daddr = p.addr;
            } else if (IpUtil.matches(a, "local")) {
                String v = next(args, ++i);
                dup(g, "local", "local", v);
                IpRouteUtil.Prefix p = addr(v);
                if (p.bytelen != 4 || Inet4.isMulticast(p.addr)) throw IpError.invarg("invalid local address", v);
                c.saddr = p.addr;
            } else if (IpUtil.matches(a, "dev")) {
                String v = next(args, ++i);
                dup(g, "link", "dev", v);
                NetDevice d = IpUtil.llNameToIndex(ctx.netns(), v);
                if (d == null) throw new IpError("Cannot find device \"" + v + "\"\n", 255);
                c.remoteIfindex = d.ifindex;
            } else if (IpUtil.matches(a, "ttl") || IpUtil.matches(a, "hoplimit")) {
                String v = next(args, ++i);
                dup(g, "ttl", "ttl", v);
                if (v.equals("inherit")) {
                    c.ttlInherit = true;
                } else if (!v.equals("auto")) {
                    Long n = IpUtil.getUnsigned(v);
                    if (n == null) throw IpError.invarg("invalid TTL", v);
                    if (n > 255) throw IpError.invarg("TTL must be <= 255", v);
                    c.ttl = n.intValue();
                }
            } else if (IpUtil.matches(a, "tos") || IpUtil.matches(a, "dsfield")) {
                String v = next(args, ++i);
                dup(g, "tos", "tos", v);
                if (v.equals("inherit")) {
                    c.tos = 1;
                } else {
                    Integer t = dsfield(v);
                    if (t == null) throw IpError.invarg("bad TOS value", v);
                    c.tos = t;
                }
            } else if (IpUtil.matches(a, "df")) {
                String v = next(args, ++i);
                dup(g, "df", "df", v);
                c.df = switch (v) {
                    case "unset" -> VxlanConfig.DF_UNSET;
                    case "set" -> VxlanConfig.DF_SET;
                    case "inherit" -> VxlanConfig.DF_INHERIT;
                    default -> throw IpError.invarg("DF must be 'unset', 'set' or 'inherit'", v);
                };
            } else if (IpUtil.matches(a, "label") || IpUtil.matches(a, "flowlabel")) {
                String v = next(args, ++i);
                dup(g, "label", "flowlabel", v);
                Long n = IpUtil.getUnsigned(v);
                if (n == null || (n & ~0xfffffL) != 0) throw IpError.invarg("invalid flowlabel", v);
                c.label = n.intValue();
            } else if (IpUtil.matches(a, "ageing")) {
                String v = next(args, ++i);
                dup(g, "ageing", "ageing", v);
                if (v.equals("none")) {
                    c.ageInterval = 0;
                } else {
                    Long n = IpUtil.getUnsigned(v);
                    if (n == null) throw IpError.invarg("ageing timer", v);
                    c.ageInterval = n.intValue();
                }
            } else if (IpUtil.matches(a, "maxaddress")) {
                String v = next(args, ++i);
                dup(g, "limit", "maxaddress", v);
                if (v.equals("unlimited")) {
                    c.addrmax = 0;
                } else {
                    Long n = IpUtil.getUnsigned(v);
                    if (n == null) throw IpError.invarg("max addresses", v);
                    c.addrmax = n.intValue();
                }
            } else if (IpUtil.matches(a, "port") || IpUtil.matches(a, "srcport")) {
                String v = next(args, ++i);
                dup(g, "port_range", "srcport", v);
                Long lo = IpUtil.getUnsigned(v);
                if (lo == null || lo > 0xffff) throw IpError.invarg("min port", v);
                String w = next(args, ++i);
                Long hi = IpUtil.getUnsigned(w);
                if (hi == null || hi > 0xffff) throw IpError.invarg("max port", w);
                c.portMin = lo.intValue();
                c.portMax = hi.intValue();
            } else if (IpUtil.matches(a, "dstport")) {
                String v = next(args, ++i);
                dup(g, "port", "dstport", v);
                Long n = IpUtil.getUnsigned(v);
                if (n == null || n > 0xffff) throw IpError.invarg("dst port", v);
                c.dstPort = n.intValue();
            } else if (flag(g, c, a)) {
                // a [no]flag word
            } else if (IpUtil.matches(a, "external")) {
                dup(g, "external", a, a);
                metadata = true;
                c.learn = false;
                unsupported = unsupported == null ? "external" : unsupported;
            } else if (IpUtil.matches(a, "noexternal")) {
                dup(g, "external", a, a);
                metadata = false;
            } else if (IpUtil.matches(a, "gbp") || IpUtil.matches(a, "gpe")) {
                String w = IpUtil.matches(a, "gbp") ? "gbp" : "gpe";
                dup(g, w, a, a);
                unsupported = unsupported == null ? w : unsupported;
            } else if (a.equals("vnifilter") || a.equals("novnifilter")) {
                dup(g, "vnifilter", a, a);
                vnifilter = a.equals("vnifilter");
                if (vnifilter && unsupported == null) unsupported = "vnifilter";
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(IpLinkKindHelp.help("vxlan"), 1);
            } else {
                throw new IpError("vxlan: unknown command \"" + a + "\"?\n" + IpLinkKindHelp.help("vxlan"), 1);
            }
        }
        if (!metadata && vnifilter) throw new IpError("vxlan: vnifilter is valid only when 'external' is set\n", 1);
        if (metadata && g.contains("id")) throw new IpError("vxlan: both 'external' and vni cannot be specified\n", 1);
        if (!metadata && !vnifilter && !g.contains("id") && !setOp)
            throw new IpError("vxlan: missing virtual network identifier\n", 1);
        if (daddrMulti && !g.contains("link")) throw new IpError("vxlan: 'group' requires 'dev' to be specified\n", 1);
        if (!g.contains("port") && g.contains("gpe")) {
            c.dstPort = 4790;
        } else if (!g.contains("port") && !setOp) {
            ctx.err().print("vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n"
                    + "Use 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\n");
            ctx.err().flush();
        }
        if (daddr != null) c.remoteIp = daddr;
        // collect-metadata devices, VNI filtering and the GBP/GPE extensions are not modelled
        if (unsupported != null) throw new IpError("nsnet: ip link: vxlan option \"" + unsupported + "\" is not supported\n", 2);
        return new Parsed(c, g);
    }

    /** The [no]learning, [no]proxy, ... words, in iproute2's matching order. */
    private static boolean flag(java.util.Set<String> g, VxlanConfig c, String a) {
        String[][] words = {
            {"nolearning", "learning"}, {"learning", "learning"}, {"noproxy", "proxy"}, {"proxy", "proxy"},
            {"norsc", "rsc"}, {"rsc", "rsc"}, {"nol2miss", "l2miss"}, {"l2miss", "l2miss"},
            {"nol3miss", "l3miss"}, {"l3miss", "l3miss"}, {"udpcsum", "udpcsum"}, {"noudpcsum", "udpcsum"},
            {"udp6zerocsumtx", "z6tx"}, {"noudp6zerocsumtx", "z6tx"}, {"udp6zerocsumrx", "z6rx"},
            {"noudp6zerocsumrx", "z6rx"}, {"remcsumtx", "rctx"}, {"noremcsumtx", "rctx"},
            {"remcsumrx", "rcrx"}, {"noremcsumrx", "rcrx"},
        };
        for (String[] w : words) {
            if (!IpUtil.matches(a, w[0])) continue;
            dup(g, w[1], a, a);
            boolean on = !w[0].startsWith("no");
            switch (w[1]) {
                case "learning" -> c.learn = on;
                case "proxy" -> c.proxy = on;
                case "rsc" -> c.rsc = on;
                case "l2miss" -> c.l2miss = on;
                case "l3miss" -> c.l3miss = on;
                case "udpcsum" -> c.udpCsum = on;
                case "z6tx" -> c.udp6ZeroCsumTx = on;
                case "z6rx" -> c.udp6ZeroCsumRx = on;
                case "rctx" -> c.remcsumTx = on;
                default -> c.remcsumRx = on;
            }
            return true;
        }
        return false;
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        Parsed p = req.kindData instanceof Parsed q ? q : parseOpt(ctx, args, false);
        VxlanConfig c = p.cfg().copy();
        // l2miss/l3miss only notify user space (ip monitor) and rsc only acts on router entries,
        // neither of which nsnet has: they are kept and shown. remcsum changes the packets.
        if (c.remcsumTx || c.remcsumRx)
            throw new IpError("nsnet: ip link: vxlan remcsum is not supported\n", 2);
        // the kernel refuses an IFLA_LINK (ip link add link D) for vxlan: the lower is "dev D"
        if (req.link != null) throw new KernelException(Errno.EINVAL);
        NetDevice dev = Vxlan.newLink(ctx.netns(), ns, req.name, c, req::prepare, req.index, ctx.emulation().random());
        req.configureOrUnregister(dev);
        return dev;
    }

    /**
     * vxlan_changelink() through vxlan_nl2conf(changelink = true): remote, local, dev, tos, ttl, df,
     * learning and ageing change; a different VNI, the ports, the limit and the fixed flags are
     * refused with the kernel's extack (checked on the 6.18 recording kernel, fuzz generator v7).
     */
    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        Vxlan.VxlanDev v = Vxlan.vxlan(dev);
        if (v == null) throw new KernelException(Errno.EOPNOTSUPP);
        Parsed p = parseOpt(ctx, args, true);
        VxlanConfig n = p.cfg();
        java.util.Set<String> g = p.given();
        VxlanConfig c = v.cfg.copy();
        if (g.contains("id") && n.vni != c.vni) throw new KernelException(Errno.EOPNOTSUPP, "Cannot change VNI");
        if (g.contains("group")) c.remoteIp = n.remoteIp;
        if (g.contains("local")) c.saddr = n.saddr;
        if (g.contains("link")) c.remoteIfindex = n.remoteIfindex;
        if (g.contains("tos")) c.tos = n.tos;
        if (g.contains("ttl")) {
            // "ttl inherit" is the IFLA_VXLAN_TTL_INHERIT flag, fixed at creation; a number leaves the flag as it is
            if (n.ttlInherit) throw new KernelException(Errno.EOPNOTSUPP, "vxlan: cannot change TTL_INHERIT flag");
            c.ttl = n.ttl;
        }
        if (g.contains("df")) c.df = n.df;
        if (g.contains("label")) throw new KernelException(Errno.EINVAL, "Label attribute only applies to IPv6 VXLAN devices");
        if (g.contains("learning")) c.learn = n.learn;
        if (g.contains("ageing")) c.ageInterval = n.ageInterval;
        String[][] fixedFlags = {{"proxy", "PROXY"}, {"rsc", "RSC"}, {"l2miss", "L2MISS"}, {"l3miss", "L3MISS"}};
        for (String[] f : fixedFlags)
            if (g.contains(f[0])) throw new KernelException(Errno.EOPNOTSUPP, "vxlan: cannot change " + f[1] + " flag");
        if (g.contains("limit")) throw new KernelException(Errno.EOPNOTSUPP, "Cannot change limit");
        if (g.contains("port_range")) throw new KernelException(Errno.EOPNOTSUPP, "Cannot change port range");
        if (g.contains("port")) throw new KernelException(Errno.EOPNOTSUPP, "Cannot change port");
        if (g.contains("udpcsum")) throw new KernelException(Errno.EOPNOTSUPP, "Cannot change UDP_CSUM flag");
        for (String f : new String[] {"z6tx", "z6rx", "rctx", "rcrx"})
            if (g.contains(f)) throw new IpError("nsnet: ip link set: changing vxlan attribute \"" + f + "\" is not supported\n", 2);
        Vxlan.changeLink(dev, c);
    }

    /** vxlan_print_opt() over what vxlan_fill_info() reports for an IPv4 device. */
    @Override
    public void printDetails(IpPrint p, IpOptions o, NetDevice dev) {
        Vxlan.VxlanDev v = Vxlan.vxlan(dev);
        if (v == null) return;
        VxlanConfig c = v.cfg;
        p.uint(IpPrint.ANY, "id", "id %u ", c.vni);
        if (c.remoteIp != 0) {
            if (Inet4.isMulticast(c.remoteIp)) p.string(IpPrint.ANY, "group", "group %s ", Inet4.format(c.remoteIp));
            else p.string(IpPrint.ANY, "remote", "remote %s ", Inet4.format(c.remoteIp));
        }
        if (c.saddr != 0) p.string(IpPrint.ANY, "local", "local %s ", Inet4.format(c.saddr));
        if (c.remoteIfindex != 0) {
            NetDevice lower = v.net.dev(c.remoteIfindex);
            // ll_index_to_name() in the device's namespace: "ifN" when the lower is elsewhere
            String name = lower != null && lower.ns == dev.ns ? lower.name : "if" + c.remoteIfindex;
            p.string(IpPrint.ANY, "link", "dev %s ", name);
        }
        if (p.isJson()) {
            p.openObject("port_range");
            p.uint(IpPrint.JSON, "low", null, c.portMin);
            p.uint(IpPrint.JSON, "high", null, c.portMax);
            p.closeObject();
        } else {
            p.fp("srcport " + c.portMin + " " + c.portMax + " ");
        }
        p.uint(IpPrint.ANY, "port", "dstport %u ", c.dstPort);
        p.bool(IpPrint.JSON, "learning", null, c.learn);
        if (!c.learn) p.bool(IpPrint.FP, null, "nolearning ", true);
        if (c.proxy) p.bool(IpPrint.ANY, "proxy", "proxy ", true);
        if (c.rsc) p.bool(IpPrint.ANY, "rsc", "rsc ", true);
        if (c.l2miss) p.bool(IpPrint.ANY, "l2miss", "l2miss ", true);
        if (c.l3miss) p.bool(IpPrint.ANY, "l3miss", "l3miss ", true);
        if (c.tos != 0) {
            if (p.isJson() || c.tos != 1) p.string(IpPrint.ANY, "tos", "tos %s ", "0x" + Integer.toHexString(c.tos));
            else p.string(IpPrint.FP, null, "tos %s ", "inherit");
        }
        if (c.ttlInherit) {
            p.string(IpPrint.FP, null, "ttl %s ", "inherit");
        } else if (p.isJson() || c.ttl != 0) {
            p.uint(IpPrint.ANY, "ttl", "ttl %u ", c.ttl);
        } else {
            p.string(IpPrint.FP, null, "ttl %s ", "auto");
        }
        switch (c.df) {
            case VxlanConfig.DF_UNSET -> p.string(IpPrint.JSON, "df", "df %s ", "unset");
            case VxlanConfig.DF_SET -> p.string(IpPrint.ANY, "df", "df %s ", "set");
            default -> p.string(IpPrint.ANY, "df", "df %s ", "inherit");
        }
        if (c.label != 0) p.string(IpPrint.ANY, "label", "flowlabel %s ", "0x" + Integer.toHexString(c.label));
        p.uint(IpPrint.ANY, "ageing", "ageing %u ", c.ageInterval);
        if (c.addrmax != 0) p.uint(IpPrint.ANY, "limit", "maxaddr %u ", c.addrmax);
        if (p.isJson()) {
            p.bool(IpPrint.JSON, "udp_csum", null, c.udpCsum);
            p.bool(IpPrint.JSON, "udp_zero_csum6_tx", null, c.udp6ZeroCsumTx);
            p.bool(IpPrint.JSON, "udp_zero_csum6_rx", null, c.udp6ZeroCsumRx);
        } else {
            p.fp((c.udpCsum ? "" : "no") + "udpcsum ");
            p.fp((c.udp6ZeroCsumTx ? "" : "no") + "udp6zerocsumtx ");
            p.fp((c.udp6ZeroCsumRx ? "" : "no") + "udp6zerocsumrx ");
        }
    }

    @Override
    public void printHelp(PrintStream out) { out.print(IpLinkKindHelp.help("vxlan")); }
}
