package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.Neigh;
import dev.nsnet.kernel.ipv4.NeighState;
import dev.nsnet.kernel.ipv4.NeighTable;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * {@code ip neigh} of iproute2 6.1 (ip/ipneigh.c): add, change, replace, delete, get, show and
 * flush of the IPv4 neighbour table, with its filters (dev, nud, to PREFIX), -s cache info and
 * -j output.
 */
public final class IpNeigh implements IpObject {
    static final String USAGE = "Usage: ip neigh { add | del | change | replace }\n"
            + "                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n"
            + "                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]\n"
            + "                [ protocol PROTO ]\n"
            + "\n"
            + "\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n"
            + "\t\t\t\t  [ vrf NAME ] [ nomaster ]\n"
            + "\tip neigh get { ADDR | proxy ADDR } dev DEV\n"
            + "\n"
            + "STATE := { delay | failed | incomplete | noarp | none |\n"
            + "           permanent | probe | reachable | stale }\n";

    @Override
    public String name() { return "neighbor"; }

    @Override
    public int run(ToolContext ctx, IpOptions opts, List<String> args) {
        if (args.isEmpty()) return showOrFlush(ctx, opts, args, false);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(ctx, opts, rest, NeighTable.NLM_F_CREATE | NeighTable.NLM_F_EXCL, false);
        if (IpUtil.matches(c, "change") || c.equals("chg")) return modify(ctx, opts, rest, NeighTable.NLM_F_REPLACE, false);
        if (IpUtil.matches(c, "replace")) {
            return modify(ctx, opts, rest, NeighTable.NLM_F_CREATE | NeighTable.NLM_F_REPLACE, false);
        }
        if (IpUtil.matches(c, "delete")) return modify(ctx, opts, rest, 0, true);
        if (IpUtil.matches(c, "get")) return get(ctx, opts, rest);
        if (IpUtil.matches(c, "show") || IpUtil.matches(c, "lst") || IpUtil.matches(c, "list")) {
            return showOrFlush(ctx, opts, rest, false);
        }
        if (IpUtil.matches(c, "flush")) return showOrFlush(ctx, opts, rest, true);
        if (IpUtil.matches(c, "help")) throw IpError.exit(USAGE);
        throw IpError.exit("Command \"" + c + "\" is unknown, try \"ip neigh help\".\n");
    }

    /** nud_state_a2n(); -1 when bad. */
    static int nudState(String a) {
        if (IpUtil.matches(a, "permanent")) return NeighState.PERMANENT;
        if (IpUtil.matches(a, "reachable")) return NeighState.REACHABLE;
        switch (a) {
            case "noarp": return NeighState.NOARP;
            case "none": return NeighState.NONE;
            case "stale": return NeighState.STALE;
            case "incomplete": return NeighState.INCOMPLETE;
            case "delay": return NeighState.DELAY;
            case "probe": return NeighState.PROBE;
            default: break;
        }
        if (IpUtil.matches(a, "failed")) return NeighState.FAILED;
        Long v = IpUtil.getUnsigned(a);
        if (v == null || v >= 0x100 || (v & (v - 1)) != 0) return -1;
        return (int) (long) v;
    }

    private static String next(List<String> a, int i) {
        if (i >= a.size()) throw IpError.incomplete();
        return a.get(i);
    }

    /** ipneigh_modify(). */
    private int modify(ToolContext ctx, IpOptions opts, List<String> a, int nlflags, boolean delete) {
        int state = NeighState.PERMANENT;
        String dev = null;
        String lla = null;
        IpRouteUtil.Prefix dst = null;
        boolean router = false;
        boolean proxy = false;
        boolean devOk = false;
        for (int i = 0; i < a.size(); i++) {
            String w = a.get(i);
            if (IpUtil.matches(w, "lladdr")) {
                String v = next(a, ++i);
                if (lla != null) throw IpError.duparg("lladdr", v);
                lla = v;
            } else if (w.equals("nud")) {
                String v = next(a, ++i);
                state = nudState(v);
                if (state < 0) throw IpError.invarg("nud state is bad", v);
            } else if (IpUtil.matches(w, "proxy")) {
                String v = next(a, ++i);
                if (IpUtil.matches(v, "help")) throw IpError.exit(USAGE);
                if (dst != null) throw IpError.duparg("address", v);
                dst = IpRouteUtil.getAddr(v, opts.family);
                devOk = true;
                proxy = true;
            } else if (w.equals("router")) {
                router = true;
            } else if (w.equals("use") || w.equals("managed") || IpUtil.matches(w, "extern_learn")) {
                throw new IpError("nsnet: ip neigh " + w + " is not supported\n", 2);
            } else if (w.equals("dev")) {
                dev = next(a, ++i);
                devOk = true;
            } else if (IpUtil.matches(w, "protocol")) {
                next(a, ++i);
                throw new IpError("nsnet: ip neigh protocol is not supported\n", 2);
            } else {
                if (w.equals("to")) w = next(a, ++i);
                if (IpUtil.matches(w, "help")) w = next(a, ++i);
                if (dst != null) throw IpError.duparg2("to", w);
                dst = IpRouteUtil.getAddr(w, opts.family);
            }
        }
        if (!devOk || dst == null || dst.family == IpRouteUtil.AF_UNSPEC) {
            throw IpError.exit("Device and destination are required arguments.\n");
        }
        long mac = -1;
        if (lla != null && !lla.equals("null")) {
            byte[] b = IpUtil.llAddr(lla);
            mac = IpUtil.macOf(b);
            if (b.length < 6) {
                throw new KernelException(Errno.EINVAL, "Invalid link address");
            }
            if (b.length > 6) mac = IpUtil.macOf(java.util.Arrays.copyOf(b, 6));
        }
        NetNamespace ns = ctx.netns();
        NetDevice d = dev == null ? null : IpUtil.llNameToIndex(ns, dev);
        if (dev != null && d == null) throw IpError.nodev(dev);
        NeighTable tbl = NeighTable.of(ns);
        if (proxy) {
            if (delete) tbl.pneighDelete(d, dst.addr);
            else tbl.pneighAdd(d, dst.addr);
            return 0;
        }
        if (d == null) throw new KernelException(Errno.EINVAL, "Device not specified");
        if (delete) tbl.rtmDelNeigh(d, dst.addr);
        else tbl.rtmNewNeigh(d, dst.addr, mac, state, nlflags, router);
        return 0;
    }

    /** ipneigh_get(). */
    private int get(ToolContext ctx, IpOptions opts, List<String> a) {
        String dev = null;
        IpRouteUtil.Prefix dst = null;
        for (int i = 0; i < a.size(); i++) {
            String w = a.get(i);
            if (w.equals("dev")) {
                dev = next(a, ++i);
            } else if (IpUtil.matches(w, "proxy")) {
                throw new IpError("nsnet: proxy neighbour entries are not supported\n", 2);
            } else {
                if (w.equals("to")) w = next(a, ++i);
                if (IpUtil.matches(w, "help")) throw IpError.exit(USAGE);
                if (dst != null) throw IpError.duparg2("to", w);
                dst = IpRouteUtil.getAddr(w, opts.family);
            }
        }
        if (dev == null || dst == null || dst.family == IpRouteUtil.AF_UNSPEC) {
            throw new IpError("Device and address are required arguments.\n", 1);
        }
        NetNamespace ns = ctx.netns();
        NetDevice d = IpUtil.llNameToIndex(ns, dev);
        if (d == null) throw new IpError("Cannot find device \"" + dev + "\"\n", 1);
        Neigh n = NeighTable.of(ns).rtmGetNeigh(d, dst.addr);
        IpPrint p = IpPrint.of(ctx.out(), opts);
        p.newJsonObjPlain();
        print(p, opts, n, 0, ~0);
        p.deleteJsonObjPlain();
        return 0;
    }

    /** do_show_or_flush(). */
    private int showOrFlush(ToolContext ctx, IpOptions opts, List<String> a, boolean flush) {
        String filterDev = null;
        boolean stateGiven = false;
        int fstate;
        IpRouteUtil.Prefix pfx = null;
        boolean unused = false;
        boolean proxy = false;
        if (flush) {
            if (a.isEmpty()) {
                ctx.err().print("Flush requires arguments.\n");
                return 1;
            }
            fstate = ~(NeighState.PERMANENT | NeighState.NOARP);
        } else {
            fstate = 0xff & ~NeighState.NOARP;
        }
        for (int i = 0; i < a.size(); i++) {
            String w = a.get(i);
            if (w.equals("dev")) {
                String v = next(a, ++i);
                if (filterDev != null) throw IpError.duparg("dev", v);
                filterDev = v;
            } else if (w.equals("master") || w.equals("vrf")) {
                next(a, ++i);
                throw new IpError("nsnet: ip neigh " + w + " filters are not supported\n", 2);
            } else if (w.equals("nomaster")) {
                continue;
            } else if (w.equals("unused")) {
                unused = true;
            } else if (w.equals("nud")) {
                String v = next(a, ++i);
                if (!stateGiven) {
                    stateGiven = true;
                    fstate = 0;
                }
                int st = nudState(v);
                if (st < 0) {
                    if (!v.equals("all")) throw IpError.invarg("nud state is bad", v);
                    st = ~0;
                    if (flush) st &= ~NeighState.NOARP;
                }
                if (st == 0) st = 0x100;
                fstate |= st;
            } else if (w.equals("proxy")) {
                proxy = true;
            } else if (IpUtil.matches(w, "protocol")) {
                next(a, ++i);
                throw new IpError("nsnet: ip neigh protocol filters are not supported\n", 2);
            } else {
                if (w.equals("to")) w = next(a, ++i);
                if (IpUtil.matches(w, "help")) throw IpError.exit(USAGE);
                pfx = IpRouteUtil.getPrefix(w, opts.family);
            }
        }
        NetNamespace ns = ctx.netns();
        int index = 0;
        IpUtil.llInitMap(ns); // ipneigh_list_or_flush()
        if (filterDev != null) {
            NetDevice d = IpUtil.llNameToIndex(ns, filterDev);
            if (d == null) throw IpError.nodev(filterDev);
            index = d.ifindex;
        }
        NeighTable tbl = NeighTable.of(ns);
        if (opts.family != 0 && opts.family != IpRouteUtil.AF_INET) {
            if (!flush) {
                IpPrint p = IpPrint.of(ctx.out(), opts);
                p.newJsonObj();
                p.deleteJsonObj();
            }
            return 0;
        }
        if (proxy) return showOrFlushProxies(ctx, opts, tbl, index, pfx, flush);
        if (flush) {
            int round = 0;
            while (round < 10) {
                int flushed = 0;
                for (Neigh n : tbl.entries()) {
                    if (!selected(tbl, n, index, fstate, pfx, unused)) continue;
                    tbl.rtmDelNeigh(n.dev, n.key);
                    flushed++;
                }
                if (flushed == 0) {
                    if (opts.stats > 0) {
                        if (round == 0) ctx.out().print("Nothing to flush.\n");
                        else ctx.out().print("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                    }
                    ctx.out().flush();
                    return 0;
                }
                round++;
                if (opts.stats > 0) ctx.out().print("\n*** Round " + round + ", deleting " + flushed + " entries ***\n");
                fstate &= ~NeighState.FAILED;
            }
            ctx.out().print("*** Flush not complete bailing out after 10 rounds\n");
            return 1;
        }
        IpPrint p = IpPrint.of(ctx.out(), opts);
        p.newJsonObj();
        for (Neigh n : tbl.entries()) {
            if (!selected(tbl, n, index, fstate, pfx, unused)) continue;
            print(p, opts, n, index, fstate);
        }
        p.deleteJsonObj();
        return 0;
    }

    /** The NTF_PROXY dump (pneigh entries): "ADDR dev DEV proxy". */
    private int showOrFlushProxies(ToolContext ctx, IpOptions opts, NeighTable tbl, int index,
                                   IpRouteUtil.Prefix pfx, boolean flush) {
        IpPrint p = IpPrint.of(ctx.out(), opts);
        if (!flush) p.newJsonObj();
        for (NeighTable.PNeigh pn : List.copyOf(tbl.proxies())) {
            int ifindex = pn.dev() == null ? 0 : pn.dev().ifindex;
            if (index != 0 && ifindex != index) continue;
            if (pfx != null && pfx.bitlen > 0 && ((pn.key() ^ pfx.addr) & Inet4.mask(pfx.bitlen)) != 0) continue;
            if (flush) {
                tbl.pneighDelete(pn.dev(), pn.key());
                continue;
            }
            p.openObject(null);
            p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%s ", Inet4.format(pn.key()));
            if (index == 0 && ifindex != 0) {
                p.fp("dev ");
                p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "dev", "%s ", pn.dev().name);
            }
            p.nul(IpPrint.ANY, "proxy", "%s ", "proxy");
            p.fp("\n");
            p.closeObject();
            p.flush();
        }
        if (!flush) p.deleteJsonObj();
        return 0;
    }

    private static boolean selected(NeighTable tbl, Neigh n, int index, int fstate, IpRouteUtil.Prefix pfx, boolean unused) {
        if (index != 0 && n.dev.ifindex != index) return false;
        int st = n.nudState;
        if ((fstate & st) == 0 && (st != 0 || (fstate & 0x100) == 0)) return false;
        if (pfx != null && pfx.bitlen > 0 && ((n.key ^ pfx.addr) & Inet4.mask(pfx.bitlen)) != 0) return false;
        return !unused || tbl.refcnt(n) == 0;
    }

    /** print_neigh(). */
    private static void print(IpPrint p, IpOptions opts, Neigh n, int index, int fstate) {
        NeighTable tbl = n.tbl;
        p.openObject(null);
        if (opts.brief) {
            p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%-39s ", Inet4.format(n.key));
            if (index == 0) p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "dev", "%-16s ", n.dev.name);
            if ((n.nudState & NeighState.VALID) != 0) p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "lladdr", "%s", Mac.format(n.ha));
            p.fp("\n");
            p.closeObject();
            p.flush();
            return;
        }
        p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%s ", Inet4.format(n.key));
        if (index == 0) {
            p.fp("dev ");
            p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "dev", "%s ", n.dev.name);
        }
        if ((n.nudState & NeighState.VALID) != 0) {
            p.fp("lladdr ");
            p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "lladdr", "%s ", Mac.format(n.ha));
        }
        if ((n.flags & 0x80) != 0) p.nul(IpPrint.ANY, "router", "%s ", "router");
        if (opts.stats > 0) {
            int ref = tbl.refcnt(n);
            if (ref != 0) p.uint(IpPrint.ANY, "refcnt", " ref %u", ref);
            p.uint(IpPrint.ANY, "used", " used %u", tbl.ageSeconds(n.used));
            p.uint(IpPrint.ANY, "confirmed", "/%u", tbl.ageSeconds(n.confirmed));
            p.uint(IpPrint.ANY, "updated", "/%u", tbl.ageSeconds(n.updated));
            p.uint(IpPrint.ANY, "probes", "probes %u ", n.probes);
        }
        if (n.nudState != 0) {
            p.openArray(IpPrint.JSON, "state");
            for (int bit = 1; bit <= 0x80; bit <<= 1) {
                if ((n.nudState & bit) != 0) p.string(IpPrint.ANY, null, "%s ", NeighState.name(bit));
            }
            p.closeArray(IpPrint.JSON, null);
        }
        p.fp("\n");
        p.closeObject();
        p.flush();
    }
}
