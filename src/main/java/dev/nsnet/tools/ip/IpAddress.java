package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.Devinet;
import dev.nsnet.kernel.ipv4.FibConfig;
import dev.nsnet.kernel.ipv4.IfAddr;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip address} (iproute2 6.1 ip/ipaddress.c do_ipaddr): add, change, replace, delete,
 * show/list, flush. Listing prints each link the way {@code ip link} does (through
 * {@link IpLinkPrint}) followed by its IPv4 addresses.
 */
public final class IpAddress implements IpObject {
    private static final String USAGE = """
            Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                                  [ CONFFLAG-LIST ]
                   ip address del IFADDR dev IFNAME [mngtmpaddr]
                   ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                                        [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
                   ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                                     [ nomaster ]
                                     [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                                     [ label LABEL ] [up] [ vrf NAME ] ]
                   ip address {showdump|restore}
            IFADDR := PREFIX | ADDR peer PREFIX
                      [ broadcast ADDR ] [ anycast ADDR ]
                      [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
            SCOPE-ID := [ host | link | global | NUMBER ]
            FLAG-LIST := [ FLAG-LIST ] FLAG
            FLAG  := [ permanent | dynamic | secondary | primary |
                       [-]tentative | [-]deprecated | [-]dadfailed | temporary |
                       CONFFLAG-LIST ]
            CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
            CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
            LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
            LFT := forever | SECONDS
            TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
                      dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
                      ip6erspan | ip6gre | ip6gretap | ip6tnl |
                      ipip | ipoib | ipvlan | ipvtap |
                      macsec | macvlan | macvtap |
                      netdevsim | nlmon | rmnet | sit | team | team_slave |
                      vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
                      xfrm | virt_wifi }
            """;

    @Override
    public String name() { return "address"; }

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return list(ctx, o, args, false);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL);
        if (IpUtil.matches(c, "change") || c.equals("chg")) return modify(ctx, o, rest, true, FibConfig.NLM_F_REPLACE);
        if (IpUtil.matches(c, "replace")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_REPLACE);
        if (IpUtil.matches(c, "delete")) return modify(ctx, o, rest, false, 0);
        if (IpUtil.matches(c, "list") || IpUtil.matches(c, "show") || IpUtil.matches(c, "lst")) return list(ctx, o, rest, false);
        if (IpUtil.matches(c, "flush")) return list(ctx, o, rest, true);
        for (String w : new String[] {"save", "restore", "showdump"}) {
            if (IpUtil.matches(c, w)) throw new IpError("nsnet: ip address " + w + " (binary dumps) is not supported\n", 2);
        }
        if (IpUtil.matches(c, "help")) throw new IpError(USAGE, 255);
        throw new IpError("Command \"" + c + "\" is unknown, try \"ip address help\".\n", 255);
    }

    // ------------------------------------------------------------------ add / del

    private int modify(ToolContext ctx, IpOptions o, List<String> args, boolean add, int nlflags) {
        NetNamespace ns = ctx.netns();
        int family = o.family;
        String d = null, label = null, lclArg = null;
        IpRouteUtil.Prefix lcl = null, peer = null;
        int brdLen = 0;
        int brd = 0;
        boolean scoped = false;
        int scope = 0;
        int flags = 0;
        Long metric = null;
        boolean validGiven = false, prefGiven = false;
        long validLft = INFINITY_LIFE_TIME, preferredLft = INFINITY_LIFE_TIME;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("peer") || a.equals("remote")) {
                String v = next(args, ++i);
                if (peer != null) throw IpError.duparg("peer", v);
                peer = IpRouteUtil.getPrefix(v, family);
                if (family == 0) family = peer.family;
            } else if (IpUtil.matches(a, "broadcast") || a.equals("brd")) {
                String v = next(args, ++i);
                if (brdLen != 0) throw IpError.duparg("broadcast", v);
                if (v.equals("+")) brdLen = -1;
                else if (v.equals("-")) brdLen = -2;
                else {
                    IpRouteUtil.Prefix b = IpRouteUtil.getAddr(v, family);
                    if (family == 0) family = b.family;
                    brd = b.addr;
                    brdLen = 4;
                }
            } else if (a.equals("anycast")) {
                String v = next(args, ++i);
                IpRouteUtil.getAddr(v, family);
            } else if (a.equals("scope")) {
                String v = next(args, ++i);
                Integer s = IpRouteUtil.scopeValue(v);
                if (s == null) throw IpError.invarg("invalid scope value.", v);
                scope = s;
                scoped = true;
            } else if (a.equals("dev")) {
                d = next(args, ++i);
            } else if (a.equals("label")) {
                label = next(args, ++i);
            } else if (IpUtil.matches(a, "metric") || IpUtil.matches(a, "priority") || IpUtil.matches(a, "preference")) {
                String v = next(args, ++i);
                metric = IpUtil.getUnsigned(v);
                if (metric == null) throw IpError.invarg("\"metric\" value is invalid\n", v);
            } else if (IpUtil.matches(a, "valid_lft")) {
                if (validGiven) throw IpError.duparg("valid_lft", a);
                String v = next(args, ++i);
                validGiven = true;
                validLft = lifetime(v, "valid_lft value");
            } else if (IpUtil.matches(a, "preferred_lft")) {
                if (prefGiven) throw IpError.duparg("preferred_lft", a);
                String v = next(args, ++i);
                prefGiven = true;
                preferredLft = lifetime(v, "preferred_lft value");
            } else if (flagData(a) != null) {
                Object[] fd = flagData(a);
                int mask = (Integer) fd[1];
                boolean readonly = (Boolean) fd[2], v6only = (Boolean) fd[3];
                if (readonly) ctx.err().print("Warning: " + fd[0] + " option is not mutable from userspace\n");
                else if (v6only && family != IpRouteUtil.AF_INET6) ctx.err().print("Warning: " + fd[0] + " option can be set only for IPv6 addresses\n");
                else flags |= mask;
            } else {
                if (a.equals("local")) a = next(args, ++i);
                if (IpUtil.matches(a, "help")) throw new IpError(USAGE, 255);
                if (lcl != null) throw IpError.duparg2("local", a);
                lclArg = a;
                lcl = IpRouteUtil.getPrefix(a, family);
                if (family == 0) family = lcl.family;
            }
        }
        if (d == null) throw new IpError("Not enough information: \"dev\" argument is required.\n", 1);
        Integer address = null;
        int prefixLen = 0;
        if (peer != null) {
            address = peer.addr;
            prefixLen = peer.bitlen;
        }
        if (peer == null && lcl != null) {
            if (!add && lcl.family == IpRouteUtil.AF_INET && !lcl.lenSpecified) {
                ctx.err().print("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                        + "         Explicitly specify the prefix length (" + lclArg + "/" + (lcl.bytelen * 8)
                        + ") to avoid this warning.\n"
                        + "         This special behaviour is likely to disappear in further releases,\n"
                        + "         fix your scripts!\n");
            } else {
                peer = lcl;
                address = lcl.addr;
            }
        }
        if (prefixLen == 0 && lcl != null) prefixLen = lcl.bitlen;
        if (brdLen < 0 && add) {
            if (family != IpRouteUtil.AF_INET) throw new IpError("Broadcast can be set only for IPv4 addresses\n", 1);
            if (peer != null && peer.bitlen <= 30) {
                int m = Inet4.mask(peer.bitlen);
                brd = brdLen == -1 ? (peer.addr | ~m) : (peer.addr & m);
                brdLen = 4;
            } else if (peer == null) {
                // brd.bitlen of an unset prefix is 0: every host bit gets set or cleared
                brd = brdLen == -1 ? -1 : 0;
                brdLen = 4;
            }
        }
        if (!scoped && add && lcl != null && lcl.family == IpRouteUtil.AF_INET && (lcl.addr >>> 24) == 127) {
            scope = 254;
        }
        NetDevice dev = IpUtil.llNameToIndex(ns, d);
        if (dev == null) throw IpError.nodev(d);
        if (validGiven || prefGiven) {
            if (validLft == 0) throw new IpError("valid_lft is zero\n", 1);
            if (validLft < preferredLft) throw new IpError("preferred_lft is greater than valid_lft\n", 1);
        }
        if (lcl == null) {
            // No IFA_LOCAL: with no family the request has AF_UNSPEC, which rtnetlink has no handler for.
            throw new KernelException(family == 0 ? Errno.EOPNOTSUPP : Errno.EINVAL);
        }
        if (add) {
            Devinet.AddrRequest req = new Devinet.AddrRequest();
            req.local = lcl.addr;
            req.address = address;
            req.prefixLen = prefixLen;
            req.broadcast = brdLen > 0 ? brd : 0;
            req.scope = scope;
            req.label = label;
            req.flags = flags;
            req.rtPriority = metric == null ? 0 : metric.intValue();
            req.nlflags = nlflags;
            req.validLft = validLft;
            req.preferredLft = preferredLft;
            Devinet.newAddr(dev, req);
        } else {
            Devinet.delAddr(dev, lcl.addr, address, prefixLen, label);
        }
        return 0;
    }

    private static final long INFINITY_LIFE_TIME = 0xffffffffL;

    /** set_lifetime(): "forever" or a u32 number of seconds. */
    private static long lifetime(String v, String what) {
        if (v.equals("forever")) return INFINITY_LIFE_TIME;
        Long n = IpUtil.getUnsigned(v);
        if (n == null) throw IpError.invarg(what, v);
        return n;
    }

    private static String next(List<String> args, int i) {
        if (i >= args.size()) throw IpError.incomplete();
        return args.get(i);
    }

    /** ifa_flag_data[]: name, mask, readonly, v6only. */
    private static final Object[][] FLAGS = {
        {"secondary", IfAddr.IFA_F_SECONDARY, true, false},
        {"temporary", IfAddr.IFA_F_SECONDARY, true, false},
        {"nodad", IfAddr.IFA_F_NODAD, false, true},
        {"optimistic", IfAddr.IFA_F_OPTIMISTIC, false, true},
        {"dadfailed", IfAddr.IFA_F_DADFAILED, true, true},
        {"home", IfAddr.IFA_F_HOMEADDRESS, false, true},
        {"deprecated", IfAddr.IFA_F_DEPRECATED, true, true},
        {"tentative", IfAddr.IFA_F_TENTATIVE, true, true},
        {"permanent", IfAddr.IFA_F_PERMANENT, true, true},
        {"mngtmpaddr", IfAddr.IFA_F_MANAGETEMPADDR, false, true},
        {"noprefixroute", IfAddr.IFA_F_NOPREFIXROUTE, false, false},
        {"autojoin", IfAddr.IFA_F_MCAUTOJOIN, false, false},
        {"stable-privacy", IfAddr.IFA_F_STABLE_PRIVACY, true, true},
    };

    private static Object[] flagData(String name) {
        for (Object[] f : FLAGS) if (f[0].equals(name)) return f;
        return null;
    }

    // ------------------------------------------------------------------ show / flush

    /** The filter of ipaddr_list_flush_or_save(). */
    private static final class Filter {
        int family;
        int scope, scopemask;
        int flags, flagmask;
        boolean up;
        String label;
        IpRouteUtil.Prefix pfx;
        int ifindex;
        String kind;
        int master;
    }

    /** get_filter(): FLAG words of the listing. */
    private static boolean getFilter(Filter f, String arg) {
        boolean inv = false;
        if (arg.startsWith("-")) {
            inv = true;
            arg = arg.substring(1);
        }
        if (arg.equals("dynamic")) {
            inv = !inv;
            arg = "permanent";
        } else if (arg.equals("primary")) {
            inv = !inv;
            arg = "secondary";
        }
        Object[] fd = flagData(arg);
        if (fd == null) return false;
        int mask = (Integer) fd[1];
        if (inv) f.flags &= ~mask;
        else f.flags |= mask;
        f.flagmask |= mask;
        return true;
    }

    private int list(ToolContext ctx, IpOptions o, List<String> args, boolean flush) {
        NetNamespace ns = ctx.netns();
        Filter f = new Filter();
        f.family = o.family;
        if (flush) {
            if (args.isEmpty()) throw new IpError("Flush requires arguments.\n", 1);
            if (f.family == IpRouteUtil.AF_PACKET) throw new IpError("Cannot flush link addresses.\n", 1);
        }
        String filterDev = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("to")) {
                String v = next(args, ++i);
                IpRouteUtil.Prefix p = IpRouteUtil.getPrefix(v, f.family);
                f.pfx = p;
                if (f.family == 0) f.family = p.family;
            } else if (a.equals("scope")) {
                String v = next(args, ++i);
                f.scopemask = -1;
                Integer s = IpRouteUtil.scopeValue(v);
                if (s == null) {
                    if (!v.equals("all")) throw IpError.invarg("invalid \"scope\"\n", v);
                    s = 255;
                    f.scopemask = 0;
                }
                f.scope = s;
            } else if (a.equals("up")) {
                f.up = true;
            } else if (getFilter(f, a)) {
                // a FLAG word
            } else if (a.equals("label")) {
                f.label = next(args, ++i);
            } else if (a.equals("group")) {
                String v = next(args, ++i);
                if (!v.equals("default") && IpUtil.getInteger(v) == null) throw IpError.invarg("Invalid \"group\" value\n", v);
            } else if (a.equals("master")) {
                String v = next(args, ++i);
                NetDevice m = ns.dev(v);
                if (m == null) throw IpError.invarg("Device does not exist\n", v);
                f.master = m.ifindex;
            } else if (a.equals("nomaster")) {
                f.master = -1;
            } else if (a.equals("type")) {
                f.kind = next(args, ++i);
            } else {
                if (a.equals("dev")) a = next(args, ++i);
                else if (IpUtil.matches(a, "help")) throw new IpError(USAGE, 255);
                if (filterDev != null) throw IpError.duparg2("dev", a);
                filterDev = a;
            }
        }
        if (filterDev != null) {
            NetDevice d = IpUtil.llNameToIndex(ns, filterDev);
            if (d == null) throw new IpError("Device \"" + filterDev + "\" does not exist.\n", 1);
            f.ifindex = d.ifindex;
        }
        if (flush) return flush(ctx, o, f);

        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        List<NetDevice> links = new ArrayList<>();
        for (NetDevice d : ns.devices()) {
            if (f.ifindex != 0 && d.ifindex != f.ifindex) continue;
            if (f.master > 0 && (d.master == null || d.master.ifindex != f.master)) continue;
            if (f.master < 0 && d.master != null) continue;
            if (f.kind != null && !f.kind.equals(d.kind())) continue;
            links.add(d);
        }
        boolean noLink = false;
        if (f.family != IpRouteUtil.AF_PACKET) {
            if (o.oneline) noLink = true;
            links.removeIf(d -> !keepLink(f, d));
        }
        for (NetDevice d : links) {
            if (f.up && !d.isUp()) continue;
            p.openObject(null);
            boolean linkPrinted = false;
            if ((o.brief || !noLink) && f.label == null) {
                if (f.family == IpRouteUtil.AF_INET6 && !o.brief) inet6LinkHeader(p, d);
                else IpLinkPrint.header(p, o, ns, d, false, f.family);
                linkPrinted = !o.brief && f.family != IpRouteUtil.AF_INET6;
            }
            if (f.family != IpRouteUtil.AF_PACKET) printSelected(p, o, f, d);
            if (linkPrinted && o.stats > 0) {
                // print_link_stats(): the link's counters after its addresses
                IpLinkPrint.stats(p, o, d);
                p.nl();
            }
            p.closeObject();
            p.flushRecord();
        }
        p.deleteJsonObj();
        return 0;
    }

    /**
     * An AF_INET6 link dump is answered by IPv6's own inet6_fill_ifinfo(), which carries no qdisc,
     * group or link-netns attributes, so iproute2's header for {@code ip -6 addr} is shorter.
     */
    private static void inet6LinkHeader(IpPrint p, NetDevice d) {
        p.integer(IpPrint.ANY, "ifindex", "%d: ", d.ifindex);
        p.string(IpPrint.ANY, "ifname", "%s: ", d.name);
        IpLinkPrint.flags(p, IpLinkPrint.reportedFlags(d), false);
        p.integer(IpPrint.ANY, "mtu", "mtu %u ", d.mtu);
        p.string(IpPrint.ANY, "operstate", "state %s ", d.reportedOperstate().name());
        if (d.txQueueLen != 0) p.integer(IpPrint.ANY, "txqlen", "qlen %d", d.txQueueLen);
        p.string(IpPrint.FP, null, "%s", "\n");
    }

    /** ipaddr_filter(): a link stays when one of its addresses passes, or it has none at all. */
    private static boolean keepLink(Filter f, NetDevice d) {
        InDevice in = InDevice.of(d);
        List<IfAddr> addrs = in == null ? List.of() : in.addresses();
        boolean v6 = in != null && in.hasIpv6Loopback();
        if (addrs.isEmpty() && !v6) return f.family == 0 || f.family == IpRouteUtil.AF_PACKET;
        for (IfAddr a : addrs) if (matches(f, a, false)) return true;
        return v6 && matchesIpv6Loopback(f);
    }

    private static boolean matches(Filter f, IfAddr a, boolean checkIfindex) {
        if (checkIfindex && f.ifindex != 0 && f.ifindex != a.inDev.dev.ifindex) return false;
        if (f.family != 0 && f.family != IpRouteUtil.AF_INET) return false;
        if (((f.scope ^ a.scope) & f.scopemask) != 0) return false;
        if (((f.flags ^ a.flags) & f.flagmask) != 0) return false;
        if (f.label != null && !IpRouteUtil.fnmatch(f.label, a.label)) return false;
        if (f.pfx != null && f.pfx.family != 0) {
            int len = f.pfx.bitlen < 0 ? 32 : f.pfx.bitlen;
            if (((a.local ^ f.pfx.addr) & Inet4.mask(len)) != 0) return false;
        }
        return true;
    }

    /** The filter applied to lo's ::1/128 (scope host, permanent, no label attribute: the device name). */
    private static boolean matchesIpv6Loopback(Filter f) {
        if (f.family != 0 && f.family != IpRouteUtil.AF_INET6) return false;
        if (((f.scope ^ 254) & f.scopemask) != 0) return false;
        if (((f.flags ^ IfAddr.IFA_F_PERMANENT) & f.flagmask) != 0) return false;
        if (f.label != null && !IpRouteUtil.fnmatch(f.label, "lo")) return false;
        return f.pfx == null || f.pfx.family == 0;
    }

    /** print_addrinfo() for lo's ::1/128. */
    private static void printIpv6Loopback(IpPrint p, IpOptions o, NetDevice dev) {
        if (!o.brief) {
            if (o.oneline) {
                if (p.isJson()) {
                    p.integer(IpPrint.JSON, "index", null, dev.ifindex);
                    p.string(IpPrint.JSON, "dev", null, dev.name);
                } else {
                    p.fp(dev.ifindex + ": " + dev.name);
                }
            }
            p.string(IpPrint.ANY, "family", "    %s ", "inet6");
        }
        p.colorString(IpPrint.ANY, IpPrint.COLOR_INET6, "local", "%s", "::1");
        p.integer(IpPrint.ANY, "prefixlen", "/%d ", 128);
        if (o.brief) {
            p.flush();
            return;
        }
        p.string(IpPrint.ANY, "scope", "scope %s ", "host");
        p.nl();
        p.string(IpPrint.FP, null, "       valid_lft ", null);
        p.uint(IpPrint.JSON, "valid_life_time", null, 0xffffffffL);
        p.string(IpPrint.FP, null, "%s", "forever");
        p.string(IpPrint.FP, null, " preferred_lft ", null);
        p.uint(IpPrint.JSON, "preferred_life_time", null, 0xffffffffL);
        p.string(IpPrint.FP, null, "%s", "forever");
        p.string(IpPrint.FP, null, "%s", "\n");
        p.flush();
    }

    /** print_selected_addrinfo(). */
    private static void printSelected(IpPrint p, IpOptions o, Filter f, NetDevice d) {
        p.openArray(IpPrint.JSON, "addr_info");
        InDevice in = InDevice.of(d);
        if (in != null && !(f.up && !d.isUp())) {
            // print_selected_addrinfo() opens an object for every address of the family and
            // print_addrinfo() filters inside it, so a filtered address leaves "{}" in JSON.
            if (f.family == 0 || f.family == IpRouteUtil.AF_INET) {
                for (IfAddr a : in.addresses()) {
                    p.openObject(null);
                    if (matches(f, a, true)) printAddr(p, o, a, false);
                    p.closeObject();
                }
            }
            if (in.hasIpv6Loopback() && (f.family == 0 || f.family == IpRouteUtil.AF_INET6)) {
                p.openObject(null);
                if (matchesIpv6Loopback(f)) printIpv6Loopback(p, o, d);
                p.closeObject();
            }
        }
        p.closeArray(IpPrint.JSON, null);
        if (o.brief) {
            p.string(IpPrint.FP, null, "%s", "\n");
            p.flush();
        }
    }

    /** print_addrinfo() for one IPv4 address. */
    static void printAddr(IpPrint p, IpOptions o, IfAddr a, boolean flushing) {
        NetDevice dev = a.inDev.dev;
        if (!o.brief) {
            if (o.oneline || flushing) {
                if (p.isJson()) {
                    p.integer(IpPrint.JSON, "index", null, dev.ifindex);
                    p.string(IpPrint.JSON, "dev", null, dev.name);
                } else {
                    p.fp(dev.ifindex + ": " + dev.name);
                }
            }
            p.string(IpPrint.ANY, "family", "    %s ", "inet");
        }
        p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "local", "%s", Inet4.format(a.local));
        if (a.address != a.local) {
            p.string(IpPrint.FP, null, " %s ", "peer");
            p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "address", "%s", Inet4.format(a.address));
        }
        p.integer(IpPrint.ANY, "prefixlen", "/%d ", a.prefixLen);
        if (a.rtPriority != 0) p.uint(IpPrint.ANY, "metric", "metric %u ", a.rtPriority & 0xffffffffL);
        if (o.brief) {
            p.flush();
            return;
        }
        if (a.broadcast != 0) {
            p.string(IpPrint.FP, null, "%s ", "brd");
            p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "broadcast", "%s ", Inet4.format(a.broadcast));
        }
        p.string(IpPrint.ANY, "scope", "scope %s ", IpRouteUtil.scopeName(a.scope));
        int flags = a.flags;
        for (Object[] fd : FLAGS) {
            int mask = (Integer) fd[1];
            if (mask == IfAddr.IFA_F_PERMANENT) {
                if ((flags & mask) == 0) p.bool(IpPrint.ANY, "dynamic", "dynamic ", true);
            } else if ((flags & mask) != 0) {
                p.string(IpPrint.FP, null, "%s ", (String) fd[0]);
                p.bool(IpPrint.JSON, (String) fd[0], null, true);
            }
            flags &= ~mask;
        }
        if (flags != 0) {
            if (p.isJson()) p.string(IpPrint.JSON, "ifa_flags", null, String.format("%02x", flags));
            else p.fp(String.format("flags %02x ", flags));
        }
        p.string(IpPrint.ANY, "label", "%s", a.label);
        p.nl();
        long[] ci = a.cacheinfo(dev.ns.emulation().now());
        p.string(IpPrint.FP, null, "       valid_lft ", null);
        if (ci[0] == INFINITY_LIFE_TIME) {
            p.uint(IpPrint.JSON, "valid_life_time", null, INFINITY_LIFE_TIME);
            p.string(IpPrint.FP, null, "%s", "forever");
        } else {
            p.uint(IpPrint.ANY, "valid_life_time", "%usec", ci[0]);
        }
        p.string(IpPrint.FP, null, " preferred_lft ", null);
        if (ci[1] == INFINITY_LIFE_TIME) {
            p.uint(IpPrint.JSON, "preferred_life_time", null, INFINITY_LIFE_TIME);
            p.string(IpPrint.FP, null, "%s", "forever");
        } else if ((a.flags & IfAddr.IFA_F_DEPRECATED) != 0) {
            p.integer(IpPrint.ANY, "preferred_life_time", "%dsec", (int) ci[1]);
        } else {
            p.uint(IpPrint.ANY, "preferred_life_time", "%usec", ci[1]);
        }
        p.string(IpPrint.FP, null, "%s", "\n");
        p.flush();
    }

    /** ipaddr_flush(): rounds of "dump, delete what matched" until nothing matches. */
    private int flush(ToolContext ctx, IpOptions o, Filter f) {
        NetNamespace ns = ctx.netns();
        int round = 0;
        IpPrint p = IpPrint.of(ctx.out(), o);
        while (true) {
            List<IfAddr> victims = new ArrayList<>();
            for (NetDevice d : ns.devices()) {
                InDevice in = InDevice.of(d);
                if (in == null) continue;
                for (IfAddr a : in.addresses()) if (matches(f, a, true)) victims.add(a);
            }
            if (victims.isEmpty()) {
                if (o.stats > 0) {
                    if (round == 0) ctx.out().print("Nothing to flush.\n");
                    else ctx.out().print("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                }
                return 0;
            }
            if (o.stats >= 2) {
                for (IfAddr a : victims) printAddr(p, o, a, true);
            }
            round++;
            for (IfAddr a : victims) {
                try {
                    Devinet.delAddr(a.inDev.dev, a.local, a.address, a.prefixLen, a.label);
                } catch (KernelException e) {
                    if (e.errno != Errno.EADDRNOTAVAIL) {
                        ctx.err().print("Failed to send flush request: " + e.errno.message + "\n");
                        return 1;
                    }
                }
            }
            if (o.stats > 0) {
                ctx.out().print("\n*** Round " + round + ", deleting " + victims.size() + " addresses ***\n");
            }
            if ((f.flags & IfAddr.IFA_F_SECONDARY) == 0 && (f.flagmask & IfAddr.IFA_F_SECONDARY) != 0) {
                if (o.stats > 0) ctx.out().print("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                return 0;
            }
        }
    }
}
