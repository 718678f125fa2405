package dev.nsnet.tools.bridge;

import dev.nsnet.kernel.bridge.BrFdb;
import dev.nsnet.kernel.bridge.FdbRecord;
import dev.nsnet.kernel.bridge.RtnlFdb;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpPrint;
import dev.nsnet.tools.ip.IpRouteUtil;
import dev.nsnet.tools.ip.IpUtil;
import dev.nsnet.kernel.wire.Inet4;
import java.util.List;

/** {@code bridge fdb} (bridge/fdb.c): listing, adding, deleting, getting and flushing FDB entries. */
final class BrFdbCmd {
    private BrFdbCmd() { }

    static final String USAGE = "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV\n"
            + "              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]\n"
            + "              [ sticky ] [ local | static | dynamic ] [ vlan VID ]\n"
            + "              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }\n"
            + "\t       [ via DEV ] [ src_vni VNI ]\n"
            + "       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]\n"
            + "              [ state STATE ] [ dynamic ] ]\n"
            + "       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV\n"
            + "              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]\n"
            + "       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]\n"
            + "              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]\n"
            + "              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]\n"
            + "              [ [no]offloaded ]\n";

    static final int NTF_USE = 0x01, NTF_SELF = 0x02, NTF_MASTER = 0x04, NTF_ROUTER = 0x80,
            NTF_EXT_LEARNED = 0x10, NTF_OFFLOADED = 0x20, NTF_STICKY = 0x40;

    static int run(ToolContext ctx, Bridge.Opts o, List<String> args) {
        if (args.isEmpty()) return show(ctx, o, args);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(ctx, o, false, BrFdb.NLM_F_CREATE | BrFdb.NLM_F_EXCL, rest);
        if (IpUtil.matches(c, "append")) return modify(ctx, o, false, BrFdb.NLM_F_CREATE | BrFdb.NLM_F_APPEND, rest);
        if (IpUtil.matches(c, "replace")) return modify(ctx, o, false, BrFdb.NLM_F_CREATE | BrFdb.NLM_F_REPLACE, rest);
        if (IpUtil.matches(c, "delete")) return modify(ctx, o, true, 0, rest);
        if (IpUtil.matches(c, "get")) return get(ctx, o, rest);
        if (IpUtil.matches(c, "show") || IpUtil.matches(c, "lst") || IpUtil.matches(c, "list")) return show(ctx, o, rest);
        if (c.equals("flush")) return flush(ctx, o, rest);
        if (IpUtil.matches(c, "help")) throw new BridgeError(USAGE, 255);
        throw BridgeError.of("Command \"" + c + "\" is unknown, try \"bridge fdb help\".");
    }

    private static String next(List<String> a, int i) {
        if (i >= a.size()) throw BridgeError.incomplete();
        return a.get(i);
    }

    /** state_a2n(). */
    private static int stateA2n(String arg) {
        if (IpUtil.matches(arg, "permanent")) return BrFdb.NUD_PERMANENT;
        if (IpUtil.matches(arg, "static") || IpUtil.matches(arg, "temp")) return BrFdb.NUD_NOARP;
        if (IpUtil.matches(arg, "stale")) return BrFdb.NUD_STALE;
        if (IpUtil.matches(arg, "reachable") || IpUtil.matches(arg, "dynamic")) return BrFdb.NUD_REACHABLE;
        if (arg.equals("all")) return ~0;
        Long v = IpUtil.getUnsigned(arg);
        if (v == null) throw BridgeError.invarg("invalid state", arg);
        return (int) (long) v;
    }

    /** fdb_show(). */
    static int show(ToolContext ctx, Bridge.Opts o, List<String> args) {
        String filterDev = null, br = null;
        int filterVlan = 0, filterState = 0;
        boolean filterDynamic = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("brport") || a.equals("dev")) {
                filterDev = next(args, ++i);
            } else if (a.equals("br")) {
                br = next(args, ++i);
            } else if (a.equals("vlan")) {
                String v = next(args, ++i);
                if (filterVlan != 0) throw BridgeError.duparg("vlan", v);
                filterVlan = BrLinkCmd.atoi(v);
            } else if (a.equals("state")) {
                filterState |= stateA2n(next(args, ++i));
            } else if (a.equals("dynamic")) {
                filterDynamic = true;
            } else if (IpUtil.matches(a, "help")) {
                throw new BridgeError(USAGE, 255);
            }
        }
        int filterMaster = 0, filterIndex = 0;
        if (br != null) {
            NetDevice b = o.dev(br);
            if (b == null) throw BridgeError.of("Cannot find bridge device \"" + br + "\"");
            filterMaster = b.ifindex;
        }
        if (filterDev != null) {
            NetDevice d = o.dev(filterDev);
            if (d == null) throw BridgeError.nodev(filterDev);
            filterIndex = d.ifindex;
        }
        IpPrint p = o.printer(ctx);
        p.newJsonObj();
        for (FdbRecord r : RtnlFdb.dump(o.ns, filterIndex, filterMaster)) {
            if (filterState != 0 && (r.state() & filterState) == 0) continue;
            if (filterVlan != 0 && filterVlan != r.vlan()) continue;
            if (filterDynamic && (r.state() & BrFdb.NUD_PERMANENT) != 0) continue;
            print(p, o, r, filterIndex != 0);
            p.flushRecord();
        }
        p.deleteJsonObj();
        return 0;
    }

    /** print_fdb(). */
    static void print(IpPrint p, Bridge.Opts o, FdbRecord r, boolean filtered) {
        p.openObject(null);
        p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "mac", "%s ", Mac.format(r.mac()));
        if (!filtered && r.ifindex() != 0) {
            p.string(IpPrint.FP, null, "dev ", null);
            p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "ifname", "%s ", o.indexToName(r.ifindex()));
        }
        FdbRecord.Remote t = r.remote();
        if (t != null && t.dst() != null) {
            p.string(IpPrint.FP, null, "dst ", null);
            p.colorString(IpPrint.ANY, IpPrint.COLOR_INET, "dst", "%s ", Inet4.format(t.dst()));
        }
        if (r.vlan() != 0) p.uint(IpPrint.ANY, "vlan", "vlan %hu ", r.vlan());
        if (t != null) {
            if (t.port() != 0) p.uint(IpPrint.ANY, "port", "port %u ", t.port());
            if (t.vni() >= 0) p.uint(IpPrint.ANY, "vni", "vni %u ", t.vni());
            if (t.ifindex() != 0) {
                if (t.linkNetnsid() >= 0) p.uint(IpPrint.ANY, "viaIfIndex", "via ifindex %u ", t.ifindex());
                else p.string(IpPrint.ANY, "viaIf", "via %s ", o.indexToName(t.ifindex()));
            }
            if (t.linkNetnsid() >= 0) p.uint(IpPrint.ANY, "linkNetNsId", "link-netnsid %d ", t.linkNetnsid());
        }
        if (o.stats > 0 && r.usedCs() >= 0) {
            long used = r.usedCs() / 100, updated = r.updatedCs() / 100;
            if (p.isJson()) {
                p.uint(IpPrint.JSON, "used", null, used);
                p.uint(IpPrint.JSON, "updated", null, updated);
            } else {
                p.fp("used " + used + "/" + updated + " ");
            }
        }
        p.openArray(IpPrint.JSON, p.isJson() ? "flags" : "");
        if (r.self()) p.string(IpPrint.ANY, null, "%s ", "self");
        if (r.sticky()) p.string(IpPrint.ANY, null, "%s ", "sticky");
        p.closeArray(IpPrint.JSON, null);
        if (r.master() != 0) p.string(IpPrint.ANY, "master", "master %s ", o.indexToName(r.master()));
        p.string(IpPrint.ANY, "state", "%s\n", stateN2a(r.state(), p.isJson()));
        p.closeObject();
    }

    /** state_n2a(). */
    static String stateN2a(int s, boolean json) {
        if ((s & BrFdb.NUD_PERMANENT) != 0) return "permanent";
        if ((s & BrFdb.NUD_NOARP) != 0) return "static";
        if ((s & BrFdb.NUD_STALE) != 0) return "stale";
        if ((s & BrFdb.NUD_REACHABLE) != 0) return "";
        return (json ? "" : "state=") + (s == 0 ? "0" : "0x" + Integer.toHexString(s));
    }

    /** strtoul(s, &end, 0) over the whole word; null when something is left over. */
    private static Long strtoul(String s) {
        String t = s.trim();
        int base = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            base = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            base = 8;
        }
        if (t.isEmpty() || t.length() > 15) return null;
        try {
            return Long.parseLong(t, base);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx") == 6. */
    static long parseMac(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length < 6) return -1;
        long v = 0;
        for (int i = 0; i < 6; i++) {
            String x = parts[i].trim();
            int j = 0;
            if (x.startsWith("0x") || x.startsWith("0X")) j = 2;
            int end = j;
            while (end < x.length() && Character.digit(x.charAt(end), 16) >= 0) end++;
            if (end == j || (i < 5 && end != x.length())) return -1;
            long b = Long.parseLong(x.substring(j, Math.min(end, j + 15)), 16) & 0xff;
            v = (v << 8) | b;
        }
        return v;
    }

    /** fdb_modify(). */
    static int modify(ToolContext ctx, Bridge.Opts o, boolean delete, int nlFlags, List<String> args) {
        int ndmFlags = 0;
        int state = BrFdb.NUD_NOARP;
        String addr = null, d = null;
        int vid = -1;
        Integer dst = null;
        int port = 0, vni = -1, via = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev")) {
                d = next(args, ++i);
            } else if (a.equals("dst")) {
                String v = next(args, ++i);
                if (dst != null) throw BridgeError.duparg2("dst", v);
                try {
                    IpRouteUtil.Prefix pa = IpRouteUtil.getAddr(v, IpRouteUtil.AF_UNSPEC);
                    dst = pa.addr;
                } catch (dev.nsnet.tools.ip.IpError e) {
                    throw new BridgeError(e.text, e.status);
                }
            } else if (a.equals("port")) {
                String v = next(args, ++i);
                Long n = strtoul(v);
                if (n == null) {
                    // getservbyname(v, "udp"): the services nsnet knows by name
                    n = switch (v) {
                        case "vxlan" -> 4789L;
                        default -> throw BridgeError.invarg("invalid port\n", v);
                    };
                } else if (n > 0xffff) {
                    throw BridgeError.invarg("invalid port\n", v);
                }
                port = n.intValue();
            } else if (a.equals("vni")) {
                String v = next(args, ++i);
                Long n = strtoul(v);
                if (n == null || (n >> 24) != 0) throw BridgeError.invarg("invalid VNI\n", v);
                vni = n.intValue();
            } else if (a.equals("via")) {
                String v = next(args, ++i);
                NetDevice vd = o.dev(v);
                if (vd == null) throw BridgeError.nodev(v);
                via = vd.ifindex;
            } else if (a.equals("nhid") || a.equals("src_vni")) {
                next(args, ++i);
                throw new BridgeError("nsnet: bridge fdb " + a + " is not supported\n", 1);
            } else if (a.equals("self")) {
                ndmFlags |= NTF_SELF;
            } else if (IpUtil.matches(a, "master")) {
                ndmFlags |= NTF_MASTER;
            } else if (IpUtil.matches(a, "router")) {
                ndmFlags |= NTF_ROUTER;
            } else if (IpUtil.matches(a, "local") || IpUtil.matches(a, "permanent")) {
                state |= BrFdb.NUD_PERMANENT;
            } else if (IpUtil.matches(a, "temp") || IpUtil.matches(a, "static")) {
                state |= BrFdb.NUD_REACHABLE;
            } else if (IpUtil.matches(a, "dynamic")) {
                state |= BrFdb.NUD_REACHABLE;
                state &= ~BrFdb.NUD_NOARP;
            } else if (IpUtil.matches(a, "vlan")) {
                if (vid >= 0) throw BridgeError.duparg2("vlan", a);
                vid = (short) BrLinkCmd.atoi(next(args, ++i));
            } else if (IpUtil.matches(a, "use")) {
                ndmFlags |= NTF_USE;
            } else if (IpUtil.matches(a, "extern_learn")) {
                ndmFlags |= NTF_EXT_LEARNED;
            } else if (IpUtil.matches(a, "sticky")) {
                ndmFlags |= NTF_STICKY;
            } else {
                if (a.equals("to")) a = next(args, ++i);
                if (IpUtil.matches(a, "help")) throw new BridgeError(USAGE, 255);
                if (addr != null) throw BridgeError.duparg2("to", a);
                addr = a;
            }
        }
        if (d == null || addr == null) throw BridgeError.of("Device and address are required arguments.");
        if ((ndmFlags & (NTF_SELF | NTF_MASTER)) == 0) ndmFlags |= NTF_SELF;
        if ((state & (BrFdb.NUD_PERMANENT | BrFdb.NUD_REACHABLE)) == 0) state |= BrFdb.NUD_PERMANENT;
        long mac = parseMac(addr);
        if (mac < 0) throw BridgeError.of("Invalid mac address " + addr);
        NetDevice dev = o.dev(d);
        if (dev == null) throw BridgeError.nodev(d);
        if ((ndmFlags & (NTF_USE | NTF_EXT_LEARNED | NTF_ROUTER)) != 0) {
            throw new BridgeError("nsnet: bridge fdb use/extern_learn/router is not supported\n", 1);
        }
        int vlan = vid < 0 ? -1 : vid;
        FdbRecord.Remote attrs = dst == null && port == 0 && vni < 0 && via == 0 ? null
                : new FdbRecord.Remote(dst, port, vni, via, -1);
        if (delete) RtnlFdb.del(dev, mac, vlan, ndmFlags, state, attrs);
        else RtnlFdb.add(dev, mac, vlan, ndmFlags, state, nlFlags, attrs);
        return 0;
    }

    /** fdb_get(). */
    static int get(ToolContext ctx, Bridge.Opts o, List<String> args) {
        String d = null, br = null, addr = null;
        int vlan = -1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("brport") || a.equals("dev")) {
                d = next(args, ++i);
            } else if (a.equals("br")) {
                br = next(args, ++i);
            } else if (a.equals("vni")) {
                next(args, ++i);
                throw new BridgeError("nsnet: bridge fdb get vni (VXLAN) is not supported\n", 1);
            } else if (a.equals("self") || IpUtil.matches(a, "master") || IpUtil.matches(a, "dynamic")) {
                // flags of the request: the bridge answers the same way
            } else if (IpUtil.matches(a, "vlan")) {
                if (vlan >= 0) throw BridgeError.duparg2("vlan", a);
                vlan = (short) BrLinkCmd.atoi(next(args, ++i));
            } else {
                if (a.equals("to")) a = next(args, ++i);
                if (IpUtil.matches(a, "help")) throw new BridgeError(USAGE, 255);
                if (addr != null) throw BridgeError.duparg2("to", a);
                addr = a;
            }
        }
        if ((d == null && br == null) || addr == null) {
            throw BridgeError.of("Device or master and address are required arguments.");
        }
        long mac = parseMac(addr);
        if (mac < 0) throw BridgeError.of("Invalid mac address " + addr);
        NetDevice dev = null, brDev = null;
        if (d != null) {
            dev = o.dev(d);
            if (dev == null) throw BridgeError.of("Cannot find device \"" + d + "\"");
        }
        if (br != null) {
            brDev = o.dev(br);
            if (brDev == null) throw BridgeError.of("Cannot find bridge device \"" + br + "\"");
        }
        FdbRecord r;
        try {
            r = RtnlFdb.get(dev, brDev, mac, Math.max(vlan, 0));
        } catch (KernelException e) {
            ctx.out().flush();
            Bridge.kernelError(ctx, e);
            return 254;
        }
        IpPrint p = o.printer(ctx);
        p.newJsonObj();
        print(p, o, r, false);
        p.deleteJsonObj();
        return 0;
    }

    /** fdb_flush(). */
    static int flush(ToolContext ctx, Bridge.Opts o, List<String> args) {
        String d = null, port = null;
        int ndmFlags = 0, state = 0, stateMask = 0;
        int vid = -1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "dev" -> d = next(args, ++i);
                case "master" -> ndmFlags |= NTF_MASTER;
                case "self" -> ndmFlags |= NTF_SELF;
                case "permanent" -> { state |= BrFdb.NUD_PERMANENT; stateMask |= BrFdb.NUD_PERMANENT; }
                case "nopermanent" -> { state &= ~BrFdb.NUD_PERMANENT; stateMask |= BrFdb.NUD_PERMANENT; }
                case "static" -> { state |= BrFdb.NUD_NOARP; stateMask |= BrFdb.NUD_NOARP | BrFdb.NUD_PERMANENT; }
                case "nostatic" -> { state &= ~BrFdb.NUD_NOARP; stateMask |= BrFdb.NUD_NOARP; }
                case "dynamic" -> { state &= ~BrFdb.NUD_NOARP | BrFdb.NUD_PERMANENT; stateMask |= BrFdb.NUD_NOARP | BrFdb.NUD_PERMANENT; }
                case "nodynamic" -> { state |= BrFdb.NUD_NOARP; stateMask |= BrFdb.NUD_NOARP; }
                case "brport" -> {
                    if (port != null) throw BridgeError.duparg2("brport", a);
                    port = next(args, ++i);
                }
                case "vlan" -> {
                    if (vid >= 0) throw BridgeError.duparg2("vlan", a);
                    vid = (short) BrLinkCmd.atoi(next(args, ++i));
                }
                case "added_by_user", "noadded_by_user", "extern_learn", "noextern_learn", "sticky", "nosticky",
                        "offloaded", "nooffloaded" ->
                    throw new BridgeError("nsnet: bridge fdb flush " + a + " is not supported\n", 1);
                default -> {
                    if (a.equals("help")) next(args, ++i);
                }
            }
        }
        if (d == null) throw BridgeError.of("Device is a required argument.");
        NetDevice dev = o.dev(d);
        if (dev == null) throw BridgeError.of("Cannot find bridge device \"" + d + "\"");
        NetDevice portDev = null;
        if (port != null) {
            portDev = o.dev(port);
            if (portDev == null) throw BridgeError.of("Cannot find bridge port device \"" + port + "\"");
        }
        if (vid >= 4096) throw BridgeError.of("Invalid VLAN ID \"" + vid + "\"");
        if ((ndmFlags & (NTF_SELF | NTF_MASTER)) == 0) ndmFlags |= NTF_SELF;
        RtnlFdb.flush(dev, ndmFlags, portDev, stateMask, state);
        return 0;
    }
}
