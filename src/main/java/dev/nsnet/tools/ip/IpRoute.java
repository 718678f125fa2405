package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.Fib;
import dev.nsnet.kernel.ipv4.FibAlias;
import dev.nsnet.kernel.ipv4.FibConfig;
import dev.nsnet.kernel.ipv4.FibTable;
import dev.nsnet.kernel.ipv4.Ipv4Net;
import dev.nsnet.kernel.ipv4.Route;
import dev.nsnet.kernel.ipv4.RouteMetrics;
import dev.nsnet.kernel.ipv4.RouteType;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip route} (iproute2 6.1 ip/iproute.c do_iproute): add, change, replace, prepend,
 * append, delete, show/list, flush and get, for IPv4.
 */
public final class IpRoute implements IpObject {
    static final String USAGE = """
            Usage: ip route { list | flush } SELECTOR
                   ip route save SELECTOR
                   ip route restore
                   ip route showdump
                   ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                                        [ from ADDRESS iif STRING ]
                                        [ oif STRING ] [ tos TOS ]
                                        [ mark NUMBER ] [ vrf NAME ]
                                        [ uid NUMBER ] [ ipproto PROTOCOL ]
                                        [ sport NUMBER ] [ dport NUMBER ]
                   ip route { add | del | change | append | replace } ROUTE
            SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
                        [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
                        [ type TYPE ] [ scope SCOPE ]
            ROUTE := NODE_SPEC [ INFO_SPEC ]
            NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
                         [ table TABLE_ID ] [ proto RTPROTO ]
                         [ scope SCOPE ] [ metric METRIC ]
                         [ ttl-propagate { enabled | disabled } ]
            INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
            NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
                  [ dev STRING ] [ weight NUMBER ] NHFLAGS
            FAMILY := [ inet | inet6 | mpls | bridge | link ]
            OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
                       [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
                       [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
                       [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
                       [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
                       [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
                       [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
            TYPE := { unicast | local | broadcast | multicast | throw |
                      unreachable | prohibit | blackhole | nat }
            TABLE_ID := [ local | main | default | all | NUMBER ]
            SCOPE := [ host | link | global | NUMBER ]
            NHFLAGS := [ onlink | pervasive ]
            RTPROTO := [ kernel | boot | static | NUMBER ]
            PREF := [ low | medium | high ]
            TIME := NUMBER[s|ms]
            BOOL := [1|0]
            FEATURES := ecn
            ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]
            ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]
            SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]
            SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]
            SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
            ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |
                        End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |
                        End.BM | End.S | End.AS | End.AM | End.BPF }
            OPTIONS := OPTION [ OPTIONS ]
            OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
                        table TABLEID | vrftable TABLEID | endpoint PROGNAME }
            FLAVORS := { FLAVOR[,FLAVOR] }
            FLAVOR := { psp | usp | usd | next-csid }
            IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
            XFRMINFO := if_id IF_ID [ link_dev LINK ]
            ROUTE_GET_FLAGS := [ fibmatch ]
            """;

    @Override
    public String name() { return "route"; }

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return list(ctx, o, args, false);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL);
        if (IpUtil.matches(c, "change") || c.equals("chg")) return modify(ctx, o, rest, true, FibConfig.NLM_F_REPLACE);
        if (IpUtil.matches(c, "replace")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_REPLACE);
        if (IpUtil.matches(c, "prepend")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE);
        if (IpUtil.matches(c, "append")) return modify(ctx, o, rest, true, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_APPEND);
        if (IpUtil.matches(c, "test")) return modify(ctx, o, rest, true, FibConfig.NLM_F_EXCL);
        if (IpUtil.matches(c, "delete")) return modify(ctx, o, rest, false, 0);
        if (IpUtil.matches(c, "list") || IpUtil.matches(c, "show") || IpUtil.matches(c, "lst")) return list(ctx, o, rest, false);
        if (IpUtil.matches(c, "get")) return IpRouteGet.run(ctx, o, rest);
        if (IpUtil.matches(c, "flush")) return list(ctx, o, rest, true);
        for (String w : new String[] {"save", "restore", "showdump"}) {
            if (IpUtil.matches(c, w)) throw new IpError("nsnet: ip route " + w + " (binary dumps) is not supported\n", 2);
        }
        if (IpUtil.matches(c, "help")) throw new IpError(USAGE, 255);
        throw new IpError("Command \"" + c + "\" is unknown, try \"ip route help\".\n", 255);
    }

    static String next(List<String> args, int i) {
        if (i >= args.size()) throw IpError.incomplete();
        return args.get(i);
    }

    /** rtnl_rtntype_a2n(); null when not a type name. */
    static RouteType typeValue(String s) {
        return switch (s) {
            case "unicast" -> RouteType.UNICAST;
            case "local" -> RouteType.LOCAL;
            case "broadcast" -> RouteType.BROADCAST;
            case "anycast" -> RouteType.ANYCAST;
            case "multicast" -> RouteType.MULTICAST;
            case "blackhole" -> RouteType.BLACKHOLE;
            case "unreachable" -> RouteType.UNREACHABLE;
            case "prohibit" -> RouteType.PROHIBIT;
            case "throw" -> RouteType.THROW;
            case "nat" -> RouteType.NAT;
            case "xresolve" -> RouteType.XRESOLVE;
            default -> {
                Long v = IpUtil.getUnsigned(s);
                yield v == null || v >= RouteType.values().length ? null : RouteType.values()[v.intValue()];
            }
        };
    }

    // ------------------------------------------------------------------ add / del

    private int modify(ToolContext ctx, IpOptions o, List<String> args, boolean add, int nlflags) {
        NetNamespace ns = ctx.netns();
        int family = o.family;
        FibConfig cfg = new FibConfig();
        cfg.nlflags = nlflags;
        cfg.table = Route.TABLE_MAIN;
        cfg.scope = Route.SCOPE_NOWHERE;
        cfg.type = RouteType.UNSPEC;
        cfg.protocol = 0;
        if (add) {
            cfg.protocol = Route.RTPROT_BOOT;
            cfg.scope = Route.SCOPE_UNIVERSE;
            cfg.type = RouteType.UNICAST;
        }
        String d = null;
        boolean gwOk = false, dstOk = false, scopeOk = false, tableOk = false, nhsOk = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "src" -> {
                    IpRouteUtil.Prefix p = IpRouteUtil.getAddr(next(args, ++i), family);
                    if (family == 0) family = p.family;
                    cfg.prefsrc = p.addr;
                }
                case "via" -> {
                    if (gwOk) throw IpError.invarg("use nexthop syntax to specify multiple via\n", a);
                    gwOk = true;
                    String v = next(args, ++i);
                    if (v.equals("inet")) v = next(args, ++i);
                    IpRouteUtil.Prefix p = IpRouteUtil.getAddr(v, family);
                    if (family == 0) family = p.family;
                    cfg.gateway = p.addr;
                }
                case "onlink" -> cfg.onlink = true;
                case "dev", "oif" -> d = next(args, ++i);
                case "scope" -> {
                    String v = next(args, ++i);
                    Integer s = IpRouteUtil.scopeValue(v);
                    if (s == null) throw IpError.invarg("invalid \"scope\" value\n", v);
                    cfg.scope = s;
                    scopeOk = true;
                }
                case "tos", "dsfield" -> {
                    String v = next(args, ++i);
                    Long t = IpUtil.getUnsigned(v);
                    if (t == null || t > 255) throw IpError.invarg("\"tos\" value is invalid\n", v);
                    cfg.tos = t.intValue();
                }
                default -> {
                    if (IpUtil.matches(a, "metric") || IpUtil.matches(a, "priority") || a.equals("preference")) {
                        String v = next(args, ++i);
                        Long m = IpUtil.getUnsigned(v);
                        if (m == null) throw IpError.invarg("\"metric\" value is invalid\n", v);
                        cfg.priority = m.intValue();
                    } else if (METRIC_WORDS.contains(a) || metricPrefix(a) != null) {
                        if (cfg.metrics == null) cfg.metrics = new RouteMetrics();
                        i = parseMetric(args, i, cfg.metrics);
                    } else if (IpUtil.matches(a, "protocol")) {
                        String v = next(args, ++i);
                        Integer p = IpRouteUtil.protoValue(v);
                        if (p == null) throw IpError.invarg("\"protocol\" value is invalid\n", v);
                        cfg.protocol = p;
                    } else if (IpUtil.matches(a, "table")) {
                        String v = next(args, ++i);
                        Long t = IpRouteUtil.tableValue(v);
                        if (t == null) throw IpError.invarg("\"table\" value is invalid\n", v);
                        cfg.table = t.intValue();
                        tableOk = true;
                    } else if (a.equals("nexthop")) {
                        // everything from here on are next hops (parse_nexthops)
                        cfg.multipath = parseNexthops(ns, args.subList(i, args.size()), family);
                        nhsOk = true;
                        i = args.size();
                    } else if (a.equals("nhid") || a.equals("encap") || a.equals("expires")
                            || a.equals("as") || IpUtil.matches(a, "realms") || a.equals("from")) {
                        throw new IpError("nsnet: ip route \"" + a + "\" is not supported\n", 2);
                    } else {
                        if (a.equals("to")) a = next(args, ++i);
                        if ((a.isEmpty() || a.charAt(0) < '0' || a.charAt(0) > '9') && typeValue(a) != null) {
                            cfg.type = typeValue(a);
                            a = next(args, ++i);
                        }
                        if (IpUtil.matches(a, "help")) throw new IpError(USAGE, 255);
                        if (dstOk) throw IpError.duparg2("to", a);
                        IpRouteUtil.Prefix p = IpRouteUtil.getPrefix(a, family);
                        if (family == 0) family = p.family;
                        cfg.dst = p.addr;
                        cfg.dstLen = p.bitlen;
                        dstOk = true;
                    }
                }
            }
        }
        if (!dstOk) throw new IpError(USAGE, 255);
        if (d != null) {
            NetDevice dev = IpUtil.llNameToIndex(ns, d);
            if (dev == null) throw IpError.nodev(d);
            cfg.oif = dev;
        }
        if (!tableOk && (cfg.type == RouteType.LOCAL || cfg.type == RouteType.BROADCAST || cfg.type == RouteType.NAT
                || cfg.type == RouteType.ANYCAST)) {
            cfg.table = Route.TABLE_LOCAL;
        }
        if (!scopeOk) {
            if (cfg.type == RouteType.LOCAL || cfg.type == RouteType.NAT) cfg.scope = Route.SCOPE_HOST;
            else if (cfg.type == RouteType.BROADCAST || cfg.type == RouteType.MULTICAST || cfg.type == RouteType.ANYCAST)
                cfg.scope = Route.SCOPE_LINK;
            else if (cfg.type == RouteType.UNICAST || cfg.type == RouteType.UNSPEC) {
                if (!add) cfg.scope = Route.SCOPE_NOWHERE;
                else if (!gwOk && !nhsOk) cfg.scope = Route.SCOPE_LINK;
            }
        }
        if (add) {
            Fib.insert(ns, cfg);
        } else {
            // inet_rtm_delroute(): rtm_to_fib_config() validates the prefix before the table is looked up
            if (cfg.dstLen < 32 && (cfg.dst & ~Inet4.mask(cfg.dstLen)) != 0) {
                throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
            }
            Ipv4Net net = Ipv4Net.of(ns);
            if (net.table(cfg.table == 0 ? Route.TABLE_MAIN : cfg.table, false) == null) {
                throw new KernelException(Errno.ESRCH, "FIB table does not exist");
            }
            Fib.delete(ns, cfg);
        }
        return 0;
    }

    /** parse_nexthops() / parse_one_nh(): "nexthop [via A] [dev D] [weight N] [onlink]" ... */
    private static List<dev.nsnet.kernel.ipv4.Nexthop> parseNexthops(NetNamespace ns, List<String> args, int family) {
        List<dev.nsnet.kernel.ipv4.Nexthop> out = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            if (!args.get(i).equals("nexthop")) {
                throw new IpError("Error: \"nexthop\" or end of line is expected instead of \"" + args.get(i) + "\"\n", 255);
            }
            if (i + 1 >= args.size()) throw new IpError("Error: unexpected end of line after \"nexthop\"\n", 255);
            int gw = 0;
            NetDevice dev = null;
            int weight = 1;
            boolean onlink = false;
            i++;
            for (; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("via")) {
                    String v = next(args, ++i);
                    if (v.equals("inet")) v = next(args, ++i);
                    gw = IpRouteUtil.getAddr(v, family).addr;
                } else if (a.equals("dev")) {
                    String v = next(args, ++i);
                    dev = ns.dev(v);
                    if (dev == null) {
                        throw new IpError("Cannot find device \"" + v + "\"\nError: cannot parse nexthop\n", 255);
                    }
                } else if (a.equals("weight")) {
                    String v = next(args, ++i);
                    Long w = IpUtil.getUnsigned(v);
                    if (w == null || w == 0 || w > 256) throw IpError.invarg("\"weight\" is invalid\n", v);
                    weight = w.intValue();
                } else if (a.equals("onlink")) {
                    onlink = true;
                } else if (IpUtil.matches(a, "realms") || a.equals("encap") || a.equals("as")) {
                    throw new IpError("nsnet: ip route nexthop \"" + a + "\" is not supported\n", 2);
                } else {
                    break;
                }
            }
            out.add(new dev.nsnet.kernel.ipv4.Nexthop(gw, dev, weight, onlink));
        }
        return out;
    }

    /** Metric keywords iproute2 compares exactly (the others are matched as prefixes, in order). */
    private static final java.util.Set<String> METRIC_WORDS = java.util.Set.of("mtu", "hoplimit", "advmss", "rtt", "rto_min");
    private static final String[] METRIC_PREFIXED = {"reordering", "window", "cwnd", "initcwnd", "initrwnd", "features",
        "quickack", "congctl", "rttvar", "ssthresh"};

    /** The metric a word abbreviates (matches() in iproute_modify's order), or null. */
    private static String metricPrefix(String a) {
        for (String w : METRIC_PREFIXED) {
            if (w.equals("reordering") || IpUtil.matches(a, w)) {
                if (IpUtil.matches(a, w)) return w;
            }
        }
        return null;
    }

    /** get_time_rtt(): "100", "100ms", "1.5s"; returns {value, raw(1)/suffixed(0)} or null. */
    private static long[] timeRtt(String arg) {
        int i = 0;
        while (i < arg.length() && (Character.isDigit(arg.charAt(i)) || arg.charAt(i) == '.')) i++;
        if (i == 0) return null;
        double t;
        try {
            t = Double.parseDouble(arg.substring(0, i));
        } catch (NumberFormatException e) {
            return null;
        }
        String suf = arg.substring(i).toLowerCase(java.util.Locale.ROOT);
        long raw = 1;
        if (!suf.isEmpty()) {
            raw = 0;
            if (suf.equals("s") || suf.equals("sec") || suf.equals("secs")) t *= 1000;
            else if (!suf.equals("ms") && !suf.equals("msec") && !suf.equals("msecs")) return null;
        }
        long v = (long) t;
        if (v < t) v++;
        if (v > 0xffffffffL) return null;
        return new long[] {v, raw};
    }

    /** One metric of iproute_modify() at args[i]; returns the index of its last word. */
    private static int parseMetric(List<String> args, int i, RouteMetrics mx) {
        String a = args.get(i);
        String w = METRIC_WORDS.contains(a) ? a : metricPrefix(a);
        int type = switch (w) {
            case "mtu" -> RouteMetrics.RTAX_MTU;
            case "hoplimit" -> RouteMetrics.RTAX_HOPLIMIT;
            case "advmss" -> RouteMetrics.RTAX_ADVMSS;
            case "reordering" -> RouteMetrics.RTAX_REORDERING;
            case "rtt" -> RouteMetrics.RTAX_RTT;
            case "rto_min" -> RouteMetrics.RTAX_RTO_MIN;
            case "window" -> RouteMetrics.RTAX_WINDOW;
            case "cwnd" -> RouteMetrics.RTAX_CWND;
            case "initcwnd" -> RouteMetrics.RTAX_INITCWND;
            case "initrwnd" -> RouteMetrics.RTAX_INITRWND;
            case "features" -> RouteMetrics.RTAX_FEATURES;
            case "quickack" -> RouteMetrics.RTAX_QUICKACK;
            case "congctl" -> RouteMetrics.RTAX_CC_ALGO;
            case "rttvar" -> RouteMetrics.RTAX_RTTVAR;
            default -> RouteMetrics.RTAX_SSTHRESH;
        };
        String v = next(args, ++i);
        if (v.equals("lock") && type != RouteMetrics.RTAX_FEATURES && type != RouteMetrics.RTAX_QUICKACK) {
            mx.lock(type);
            v = next(args, ++i);
        }
        String msg = "\"" + (type == RouteMetrics.RTAX_ADVMSS ? "mss" : w) + "\" value is invalid\n";
        switch (type) {
            case RouteMetrics.RTAX_RTT, RouteMetrics.RTAX_RTTVAR, RouteMetrics.RTAX_RTO_MIN -> {
                long[] t = timeRtt(v);
                if (t == null) throw IpError.invarg(msg, v);
                long val = t[0];
                if (type == RouteMetrics.RTAX_RTT && t[1] == 0) val *= 8;
                if (type == RouteMetrics.RTAX_RTTVAR && t[1] == 0) val *= 4;
                mx.put(type, val & 0xffffffffL);
            }
            case RouteMetrics.RTAX_FEATURES -> {
                if (!v.equals("ecn")) throw IpError.invarg("\"features\" value not valid\n", v);
                mx.put(type, 1);
            }
            case RouteMetrics.RTAX_QUICKACK -> {
                Long q = IpUtil.getUnsigned(v);
                if (q == null) throw IpError.invarg(msg, v);
                if (q != 0 && q != 1) throw IpError.invarg("\"quickack\" value should be 0 or 1\n", v);
                mx.put(type, q);
            }
            case RouteMetrics.RTAX_CC_ALGO -> mx.ccAlgo(v);
            default -> {
                Long n = IpUtil.getUnsigned(v);
                if (n == null || (type == RouteMetrics.RTAX_HOPLIMIT && n > 255)) throw IpError.invarg(msg, v);
                mx.put(type, n);
            }
        }
        return i;
    }

    // ------------------------------------------------------------------ show / flush

    /** iproute2's route filter (the parts nsnet models). */
    static final class Filter {
        int tb = Route.TABLE_MAIN;
        int protocol, protocolmask;
        int scope, scopemask;
        int typemask;
        int tos, tosmask;
        int metric, metricmask;
        IpRouteUtil.Prefix rdst, mdst, rvia, rprefsrc;
        NetDevice oif;
        boolean cloned;
    }

    private int list(ToolContext ctx, IpOptions o, List<String> args, boolean flush) {
        NetNamespace ns = ctx.netns();
        int family = o.family;
        Filter f = new Filter();
        if (flush && args.isEmpty()) throw new IpError("\"ip route flush\" requires arguments.\n", 1);
        String od = null, id = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "table")) {
                String v = next(args, ++i);
                Long t = IpRouteUtil.tableValue(v);
                if (t == null) {
                    if (v.equals("all")) f.tb = 0;
                    else if (v.equals("cache")) f.cloned = true;
                    else if (v.equals("help")) throw new IpError(USAGE, 255);
                    else throw IpError.invarg("table id value is invalid\n", v);
                } else {
                    f.tb = t.intValue();
                }
            } else if (IpUtil.matches(a, "cached") || IpUtil.matches(a, "cloned")) {
                f.cloned = true;
            } else if (a.equals("tos") || IpUtil.matches(a, "dsfield")) {
                String v = next(args, ++i);
                Long t = IpUtil.getUnsigned(v);
                if (t == null || t > 255) throw IpError.invarg("TOS value is invalid\n", v);
                f.tos = t.intValue();
                f.tosmask = -1;
            } else if (IpUtil.matches(a, "protocol")) {
                String v = next(args, ++i);
                f.protocolmask = -1;
                Integer p = IpRouteUtil.protoValue(v);
                if (p == null) {
                    if (!v.equals("all")) throw IpError.invarg("invalid \"protocol\"\n", v);
                    p = 0;
                    f.protocolmask = 0;
                }
                f.protocol = p;
            } else if (IpUtil.matches(a, "scope")) {
                String v = next(args, ++i);
                f.scopemask = -1;
                Integer s = IpRouteUtil.scopeValue(v);
                if (s == null) {
                    if (!v.equals("all")) throw IpError.invarg("invalid \"scope\"\n", v);
                    s = 255;
                    f.scopemask = 0;
                }
                f.scope = s;
            } else if (IpUtil.matches(a, "type")) {
                String v = next(args, ++i);
                RouteType t = typeValue(v);
                if (t == null) throw IpError.invarg("node type value is invalid\n", v);
                f.typemask = 1 << t.ordinal();
            } else if (a.equals("dev") || a.equals("oif")) {
                od = next(args, ++i);
            } else if (a.equals("iif")) {
                id = next(args, ++i);
            } else if (a.equals("mark")) {
                String v = next(args, ++i);
                if (IpUtil.getUnsigned(v) == null) throw IpError.invarg("invalid mark value", v);
            } else if (IpUtil.matches(a, "metric") || IpUtil.matches(a, "priority") || a.equals("preference")) {
                String v = next(args, ++i);
                Long m = IpUtil.getUnsigned(v);
                if (m == null) throw IpError.invarg("\"metric\" value is invalid\n", v);
                f.metric = m.intValue();
                f.metricmask = -1;
            } else if (a.equals("via")) {
                String v = next(args, ++i);
                if (v.equals("inet")) v = next(args, ++i);
                f.rvia = IpRouteUtil.getPrefix(v, family);
            } else if (a.equals("src")) {
                f.rprefsrc = IpRouteUtil.getPrefix(next(args, ++i), family);
            } else if (IpUtil.matches(a, "from")) {
                String v = next(args, ++i);
                if (IpUtil.matches(v, "root") || IpUtil.matches(v, "match") || IpUtil.matches(v, "exact")) v = next(args, ++i);
                IpRouteUtil.getPrefix(v, family);
            } else {
                if (IpUtil.matches(a, "to")) a = next(args, ++i);
                if (IpUtil.matches(a, "root")) {
                    f.rdst = IpRouteUtil.getPrefix(next(args, ++i), family);
                } else if (IpUtil.matches(a, "match")) {
                    f.mdst = IpRouteUtil.getPrefix(next(args, ++i), family);
                } else {
                    if (IpUtil.matches(a, "exact")) a = next(args, ++i);
                    f.mdst = IpRouteUtil.getPrefix(a, family);
                    f.rdst = f.mdst;
                }
            }
        }
        if (id != null && IpUtil.llNameToIndex(ns, id) == null) throw IpError.nodev(id);
        if (od != null) {
            f.oif = IpUtil.llNameToIndex(ns, od);
            if (f.oif == null) throw IpError.nodev(od);
        }
        if (id != null) return 0; // no route of a FIB dump carries an input interface
        Ipv4Net net = Ipv4Net.of(ns);
        if (f.cloned) {
            // The IPv4 routing cache is gone from the kernel: nothing to list, flushing is a no-op.
            return 0;
        }
        List<FibTable> tables = new ArrayList<>();
        if (family == IpRouteUtil.AF_INET6) {
            if (flush) return 0;
            IpPrint p = IpPrint.of(ctx.out(), o);
            p.newJsonObj();
            printIpv6Loopback(ns, p, o, f);
            p.deleteJsonObj();
            return 0;
        }
        if (f.tb != 0) {
            FibTable t = net.table(f.tb, false);
            if (t == null && !flush && f.tb == Route.TABLE_MAIN) {
                // save_route_errhndlr(): a dump of the main table ignores its ENOENT (no main table yet)
                IpPrint p = IpPrint.of(ctx.out(), o);
                p.newJsonObj();
                p.deleteJsonObj();
                return 0;
            }
            if (t == null) {
                ctx.err().print("Error: ipv4: FIB table does not exist.\n");
                ctx.err().print(flush ? "Flush terminated\n" : "Dump terminated\n");
                ctx.err().flush();
                if (!flush && o.json) {
                    // new_json_obj() already wrote "[" to the (buffered) stdout; it is flushed at exit
                    IpPrint p = IpPrint.of(ctx.out(), o);
                    p.newJsonObj();
                    p.flush();
                }
                return 2;
            }
            tables.add(t);
        } else {
            tables.addAll(net.tablesInDumpOrder());
        }
        if (flush) return flush(ctx, o, f, tables);
        IpRoutePrint.Shown s = shown(f);
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        for (FibTable t : tables) {
            for (FibAlias fa : t.dump()) {
                if (matches(f, fa)) IpRoutePrint.print(p, o, s, fa);
            }
        }
        if (family == 0 && f.tb == 0) printIpv6Loopback(ns, p, o, f);
        p.deleteJsonObj();
        return 0;
    }

    /**
     * The one IPv6 route nsnet knows: "local ::1 dev lo" in table local while lo carries ::1
     * (see InDevice.hasIpv6Loopback). An AF_UNSPEC dump of all tables lists it after IPv4.
     */
    private static void printIpv6Loopback(NetNamespace ns, IpPrint p, IpOptions o, Filter f) {
        dev.nsnet.kernel.ipv4.InDevice in = dev.nsnet.kernel.ipv4.InDevice.of(ns.loopback);
        if (in == null || !in.hasIpv6Loopback()) return;
        if (f.tb != 0 && f.tb != Route.TABLE_LOCAL) return;
        if (f.oif != null && f.oif != ns.loopback) return;
        if (f.typemask != 0 && (f.typemask & (1 << RouteType.LOCAL.ordinal())) == 0) return;
        if (((f.protocol ^ Route.RTPROT_KERNEL) & f.protocolmask) != 0) return;
        if (((f.scope ^ 0) & f.scopemask) != 0) return;
        p.openObject(null);
        p.string(IpPrint.ANY, "type", "%s ", "local");
        p.string(IpPrint.ANY, "dst", "%s ", "::1");
        if (f.oif == null) IpRoutePrint.ifidx(p, "lo", "dev");
        if (f.tb == 0) p.string(IpPrint.ANY, "table", "table %s ", "local");
        if (f.protocolmask != -1) p.string(IpPrint.ANY, "protocol", "proto %s ", "kernel");
        if (f.metricmask != -1) p.uint(IpPrint.ANY, "metric", "metric %u ", 0);
        IpRoutePrint.rtFlags(p, 0);
        p.string(IpPrint.ANY, "pref", "pref %s", "medium");
        p.string(IpPrint.FP, null, "\n", null);
        p.closeObject();
        p.flush();
    }

    static IpRoutePrint.Shown shown(Filter f) {
        IpRoutePrint.Shown s = new IpRoutePrint.Shown();
        s.oifFixed = f.oif != null;
        s.protocolFixed = f.protocolmask == -1;
        s.scopeFixed = f.scopemask == -1;
        s.metricFixed = f.metricmask == -1;
        s.tosFixed = f.tosmask == -1;
        s.viaBitlen = f.rvia == null ? 0 : f.rvia.bitlen;
        s.prefsrcBitlen = f.rprefsrc == null ? 0 : f.rprefsrc.bitlen;
        s.tb = f.tb;
        s.typeFiltered = f.typemask != 0;
        return s;
    }

    /** filter_nlmsg() for one IPv4 route. */
    static boolean matches(Filter f, FibAlias fa) {
        Route r = fa.route;
        if (f.tb > 0 && f.tb != r.table()) return false;
        if (((f.protocol ^ r.protocol()) & f.protocolmask) != 0) return false;
        if (((f.scope ^ r.scope()) & f.scopemask) != 0) return false;
        if (f.typemask != 0 && (f.typemask & (1 << r.type().ordinal())) == 0) return false;
        if (((f.tos ^ r.tos()) & f.tosmask) != 0) return false;
        if (f.rdst != null) {
            int bl = Math.max(f.rdst.bitlen, 0);
            if (bl > r.prefixLen()) return false;
            if (f.rdst.family != 0 && ((r.dst() ^ f.rdst.addr) & Inet4.mask(bl)) != 0) return false;
        }
        if (f.mdst != null && (f.mdst.family != 0 || f.mdst.lenSpecified)) {
            if (f.mdst.bitlen >= 0 && f.mdst.bitlen < r.prefixLen()) return false;
            if (((r.dst() ^ f.mdst.addr) & Inet4.mask(r.prefixLen())) != 0) return false;
        }
        if (f.rvia != null && f.rvia.family != 0) {
            int bl = Math.max(f.rvia.bitlen, 0);
            if (((r.gateway() ^ f.rvia.addr) & Inet4.mask(bl)) != 0) return false;
        }
        if (f.rprefsrc != null && f.rprefsrc.family != 0) {
            int bl = Math.max(f.rprefsrc.bitlen, 0);
            if (((r.prefsrc() ^ f.rprefsrc.addr) & Inet4.mask(bl)) != 0) return false;
        }
        if (f.oif != null && r.dev() != f.oif) return false;
        if (f.metricmask != 0 && r.metric() != f.metric) return false;
        return true;
    }

    /** iproute_flush(): rounds of "dump, delete what matched" until nothing matches. */
    private int flush(ToolContext ctx, IpOptions o, Filter f, List<FibTable> tables) {
        NetNamespace ns = ctx.netns();
        int round = 0;
        IpRoutePrint.Shown s = shown(f);
        IpPrint p = IpPrint.of(ctx.out(), o);
        while (true) {
            List<Route> victims = new ArrayList<>();
            for (FibTable t : tables) {
                for (FibAlias fa : t.dump()) {
                    if (!matches(f, fa)) continue;
                    victims.add(fa.route);
                    if (o.stats >= 2) IpRoutePrint.print(p, o, s, fa);
                }
            }
            if (victims.isEmpty()) {
                if (o.stats > 0) {
                    if (round == 0) ctx.out().print("Nothing to flush.\n");
                    else ctx.out().print("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                }
                return 0;
            }
            round++;
            for (Route r : victims) Fib.remove(ns, r);
            if (o.stats > 0) ctx.out().print("\n*** Round " + round + ", deleting " + victims.size() + " entries ***\n");
        }
    }
}
