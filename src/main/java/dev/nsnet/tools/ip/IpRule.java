package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.ipv4.FibRule;
import dev.nsnet.kernel.ipv4.FibRules;
import dev.nsnet.kernel.ipv4.Ipv4Net;
import dev.nsnet.kernel.ipv4.RouteType;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;
import java.util.ArrayList;
import java.util.List;

/** {@code ip rule} (iproute2 6.1 ip/iprule.c): add, delete, show/list and flush of IPv4 policy rules. */
public final class IpRule implements IpObject {
    private static final String USAGE = """
            Usage: ip rule { add | del } SELECTOR ACTION
                   ip rule { flush | save | restore }
                   ip rule [ list [ SELECTOR ]]
            SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
                        [ fwmark FWMARK[/MASK] ]
                        [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
                        [ uidrange NUMBER-NUMBER ]
                        [ ipproto PROTOCOL ]
                        [ sport [ NUMBER | NUMBER-NUMBER ]
                        [ dport [ NUMBER | NUMBER-NUMBER ] ]
            ACTION := [ table TABLE_ID ]
                      [ protocol PROTO ]
                      [ nat ADDRESS ]
                      [ realms [SRCREALM/]DSTREALM ]
                      [ goto NUMBER ]
                      SUPPRESSOR
            SUPPRESSOR := [ suppress_prefixlength NUMBER ]
                          [ suppress_ifgroup DEVGROUP ]
            TABLE_ID := [ local | main | default | NUMBER ]
            """;

    @Override
    public String name() { return "rule"; }

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return list(ctx, o, args, false);
        String c = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(c, "add")) return modify(ctx, o, rest, true);
        if (IpUtil.matches(c, "delete")) return modify(ctx, o, rest, false);
        if (IpUtil.matches(c, "list") || IpUtil.matches(c, "show") || IpUtil.matches(c, "lst")) return list(ctx, o, rest, false);
        if (IpUtil.matches(c, "flush")) return list(ctx, o, rest, true);
        for (String w : new String[] {"save", "restore"}) {
            if (IpUtil.matches(c, w)) throw new IpError("nsnet: ip rule " + w + " (binary dumps) is not supported\n", 2);
        }
        if (IpUtil.matches(c, "help")) throw new IpError(USAGE, 255);
        throw new IpError("Command \"" + c + "\" is unknown, try \"ip rule help\".\n", 255);
    }

    /** One parsed selector/action set (add, delete or list filter). */
    private static final class Spec {
        boolean not;
        IpRouteUtil.Prefix from, to;
        Long pref;
        int tos;
        Long mark, mask;
        String iif, oif;
        Long table;
        int action;
        Long gotoTarget;
        Integer protocol;
        int suppressPrefixlen = -1;
    }

    private static Spec parse(List<String> args, int family, boolean listing) {
        Spec s = new Spec();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("not")) {
                s.not = true;
            } else if (a.equals("from")) {
                s.from = IpRouteUtil.getPrefix(IpRoute.next(args, ++i), family);
            } else if (a.equals("to")) {
                s.to = IpRouteUtil.getPrefix(IpRoute.next(args, ++i), family);
            } else if (IpUtil.matches(a, "preference") || IpUtil.matches(a, "order") || IpUtil.matches(a, "priority")) {
                String v = IpRoute.next(args, ++i);
                s.pref = IpUtil.getUnsigned(v);
                if (s.pref == null) throw IpError.invarg("preference value is invalid\n", v);
            } else if (a.equals("tos") || IpUtil.matches(a, "dsfield")) {
                String v = IpRoute.next(args, ++i);
                Long t = IpUtil.getUnsigned(v);
                if (t == null || t > 255) throw IpError.invarg("TOS value is invalid\n", v);
                s.tos = t.intValue();
            } else if (a.equals("fwmark")) {
                String v = IpRoute.next(args, ++i);
                int slash = v.indexOf('/');
                String m = slash >= 0 ? v.substring(0, slash) : v;
                s.mark = IpUtil.getUnsigned(m);
                if (s.mark == null) throw IpError.invarg("fwmark value is invalid\n", m);
                if (slash >= 0) {
                    s.mask = IpUtil.getUnsigned(v.substring(slash + 1));
                    if (s.mask == null) throw IpError.invarg("fwmask value is invalid\n", v.substring(slash + 1));
                }
            } else if (IpUtil.matches(a, "protocol")) {
                String v = IpRoute.next(args, ++i);
                s.protocol = IpRouteUtil.protoValue(v);
                if (s.protocol == null) throw IpError.invarg("\"protocol\" value is invalid\n", v);
            } else if (IpUtil.matches(a, "table") || a.equals("lookup")) {
                String v = IpRoute.next(args, ++i);
                s.table = IpRouteUtil.tableValue(v);
                if (s.table == null) throw IpError.invarg("invalid table ID\n", v);
            } else if (IpUtil.matches(a, "suppress_prefixlength") || a.equals("sup_pl")) {
                String v = IpRoute.next(args, ++i);
                Integer pl = IpUtil.getInteger(v);
                if (pl == null || pl < 0) throw IpError.invarg("suppress_prefixlength value is invalid\n", v);
                s.suppressPrefixlen = pl;
            } else if (a.equals("dev") || a.equals("iif")) {
                String v = IpRoute.next(args, ++i);
                if (!IpUtil.checkIfname(v)) throw IpError.invarg("\"iif\"/\"dev\" not a valid ifname", v);
                s.iif = v;
            } else if (a.equals("oif")) {
                String v = IpRoute.next(args, ++i);
                if (!IpUtil.checkIfname(v)) throw IpError.invarg("\"oif\" not a valid ifname", v);
                s.oif = v;
            } else if (!listing && (a.equals("l3mdev") || a.equals("uidrange") || a.equals("nat") || IpUtil.matches(a, "map-to")
                    || a.equals("ipproto") || a.equals("sport") || a.equals("dport") || IpUtil.matches(a, "realms")
                    || IpUtil.matches(a, "tun_id") || IpUtil.matches(a, "suppress_ifgroup"))) {
                throw new IpError("nsnet: ip rule \"" + a + "\" is not supported\n", 2);
            } else {
                if (a.equals("type")) a = IpRoute.next(args, ++i);
                if (IpUtil.matches(a, "help")) throw new IpError(USAGE, 255);
                if (IpUtil.matches(a, "goto")) {
                    String v = IpRoute.next(args, ++i);
                    s.gotoTarget = IpUtil.getUnsigned(v);
                    if (s.gotoTarget == null) throw IpError.invarg("invalid target\n", v);
                    s.action = FibRule.FR_ACT_GOTO;
                } else if (IpUtil.matches(a, "nop")) {
                    s.action = FibRule.FR_ACT_NOP;
                } else {
                    RouteType t = IpRoute.typeValue(a);
                    if (t == null) throw IpError.invarg("Failed to parse rule type", a);
                    s.action = t.ordinal();
                }
                if (s.table == null) s.table = -1L; // table_ok
            }
        }
        return s;
    }

    /** iprule_list_flush_or_save()'s selector words (different messages than add/del, and any other word is "to"). */
    private static Spec parseList(List<String> args, int family) {
        Spec s = new Spec();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "preference") || IpUtil.matches(a, "order") || IpUtil.matches(a, "priority")) {
                String v = IpRoute.next(args, ++i);
                s.pref = IpUtil.getUnsigned(v);
                if (s.pref == null) throw IpError.invarg("preference value is invalid\n", v);
            } else if (a.equals("not")) {
                s.not = true;
            } else if (a.equals("tos") || a.equals("dsfield")) {
                String v = IpRoute.next(args, ++i);
                Long t = IpUtil.getUnsigned(v);
                if (t == null || t > 255) throw IpError.invarg("TOS value is invalid\n", v);
                s.tos = t.intValue();
            } else if (a.equals("fwmark")) {
                String v = IpRoute.next(args, ++i);
                int slash = v.indexOf('/');
                String m = slash >= 0 ? v.substring(0, slash) : v;
                s.mark = IpUtil.getUnsigned(m);
                if (s.mark == null) throw IpError.invarg("fwmark value is invalid\n", m);
                if (slash >= 0) {
                    s.mask = IpUtil.getUnsigned(v.substring(slash + 1));
                    if (s.mask == null) throw IpError.invarg("fwmask value is invalid\n", v.substring(slash + 1));
                }
            } else if (a.equals("dev") || a.equals("iif")) {
                String v = IpRoute.next(args, ++i);
                if (!IpUtil.checkIfname(v)) throw IpError.invarg("\"iif\"/\"dev\" not a valid ifname", v);
                s.iif = v;
            } else if (a.equals("oif")) {
                String v = IpRoute.next(args, ++i);
                if (!IpUtil.checkIfname(v)) throw IpError.invarg("\"oif\" not a valid ifname", v);
                s.oif = v;
            } else if (IpUtil.matches(a, "lookup") || IpUtil.matches(a, "table")) {
                String v = IpRoute.next(args, ++i);
                s.table = IpRouteUtil.tableValue(v);
                if (s.table == null) throw IpError.invarg("table id value is invalid\n", v);
            } else if (IpUtil.matches(a, "from") || IpUtil.matches(a, "src")) {
                s.from = IpRouteUtil.getPrefix(IpRoute.next(args, ++i), family);
            } else if (IpUtil.matches(a, "protocol")) {
                String v = IpRoute.next(args, ++i);
                Integer p = IpRouteUtil.protoValue(v);
                if (p == null) {
                    if (!v.equals("all")) throw IpError.invarg("invalid \"protocol\"\n", v);
                } else {
                    s.protocol = p;
                }
            } else if (a.equals("l3mdev") || a.equals("uidrange") || IpUtil.matches(a, "tun_id") || a.equals("ipproto")
                    || a.equals("sport") || a.equals("dport")) {
                throw new IpError("nsnet: ip rule \"" + a + "\" is not supported\n", 2);
            } else {
                if (IpUtil.matches(a, "dst") || IpUtil.matches(a, "to")) a = IpRoute.next(args, ++i);
                s.to = IpRouteUtil.getPrefix(a, family);
            }
        }
        return s;
    }

    private int modify(ToolContext ctx, IpOptions o, List<String> args, boolean add) {
        NetNamespace ns = ctx.netns();
        if (args.isEmpty()) throw new IpError("\"ip rule " + (add ? "add" : "del") + "\" requires arguments.\n", 1);
        Spec s = parse(args, o.family, false);
        if (add) {
            FibRule r = new FibRule();
            r.action = s.action != 0 ? s.action : FibRule.FR_ACT_TO_TBL;
            r.table = s.table == null ? 254 : s.table == -1L ? 0 : s.table.intValue();
            if (s.from != null) { r.src = s.from.addr; r.srcLen = s.from.bitlen; }
            if (s.to != null) { r.dst = s.to.addr; r.dstLen = s.to.bitlen; }
            r.tos = s.tos;
            r.iifName = s.iif;
            r.oifName = s.oif;
            if (s.mark != null) {
                r.mark = s.mark.intValue();
                r.markMask = s.mask != null ? s.mask.intValue() : -1;
            } else if (s.mask != null) {
                r.markMask = s.mask.intValue();
            }
            if (s.not) r.flags |= FibRule.FIB_RULE_INVERT;
            r.protocol = s.protocol == null ? 0 : s.protocol;
            r.suppressPrefixlen = s.suppressPrefixlen;
            if (s.gotoTarget != null) {
                r.gotoTarget = s.gotoTarget.intValue();
                r.gotoSet = true;
            }
            if (s.pref != null) r.pref = s.pref.intValue();
            FibRules.add(ns, r, s.pref != null);
        } else {
            FibRules.Match m = new FibRules.Match();
            m.action = s.action;
            m.table = s.table == null || s.table == -1L ? 0 : s.table.intValue();
            if (s.pref != null) m.pref = s.pref.intValue();
            m.iifName = s.iif;
            m.oifName = s.oif;
            if (s.mark != null) m.mark = s.mark.intValue();
            if (s.mask != null) m.markMask = s.mask.intValue();
            if (s.from != null) { m.src = s.from.addr; m.srcLen = s.from.bitlen; }
            if (s.to != null) { m.dst = s.to.addr; m.dstLen = s.to.bitlen; }
            m.tos = s.tos;
            m.suppressPrefixlen = s.suppressPrefixlen;
            FibRules.delete(ns, m);
        }
        return 0;
    }

    private int list(ToolContext ctx, IpOptions o, List<String> args, boolean flush) {
        NetNamespace ns = ctx.netns();
        Spec f = parseList(args, o.family == 0 ? IpRouteUtil.AF_INET : o.family);
        Ipv4Net net = Ipv4Net.of(ns);
        List<FibRule> shown = new ArrayList<>();
        for (FibRule r : net.rules()) if (matches(f, r)) shown.add(r);
        if (flush) {
            for (FibRule r : shown) {
                if (r.pref == 0) continue; // dumped without FRA_PRIORITY: iproute2 skips it
                FibRules.Match m = new FibRules.Match();
                m.pref = r.pref;
                m.action = r.action;
                m.table = r.table;
                try {
                    FibRules.delete(ns, m);
                } catch (KernelException e) {
                    // already gone
                }
            }
            return 0;
        }
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        for (FibRule r : shown) print(p, o, r, ns);
        p.deleteJsonObj();
        return 0;
    }

    /** iprule.c filter_nlmsg(). */
    private static boolean matches(Spec f, FibRule r) {
        if (f.pref != null && r.pref != f.pref.intValue()) return false;
        if (f.not && !r.invert()) return false;
        if (f.from != null && f.from.family != 0) {
            if (f.from.bitlen > r.srcLen) return false;
            if (((r.src ^ f.from.addr) & dev.nsnet.kernel.wire.Inet4.mask(f.from.bitlen)) != 0) return false;
        }
        if (f.to != null && f.to.family != 0) {
            if (f.to.bitlen > r.dstLen) return false;
            if (((r.dst ^ f.to.addr) & dev.nsnet.kernel.wire.Inet4.mask(f.to.bitlen)) != 0) return false;
        }
        if (f.tos != 0 && r.tos != f.tos) return false;
        if (f.mark != null && f.mark != 0 && r.mark != f.mark.intValue()) return false;
        if (f.mask != null && f.mask != 0 && r.markMask != f.mask.intValue()) return false;
        if (f.iif != null && !f.iif.equals(r.iifName)) return false;
        if (f.oif != null && !f.oif.equals(r.oifName)) return false;
        if (f.table != null && f.table != 0 && r.table != f.table) return false;
        if (f.protocol != null && r.protocol != f.protocol) return false;
        return true;
    }

    /** print_rule(). */
    private static void print(IpPrint p, IpOptions o, FibRule r, NetNamespace ns) {
        p.openObject(null);
        p.uint(IpPrint.ANY, "priority", "%u:\t", r.pref & 0xffffffffL);
        if (r.invert()) p.nul(IpPrint.ANY, "not", "not ", null);
        if (r.srcLen > 0) {
            p.string(IpPrint.FP, null, "from ", null);
            p.string(IpPrint.ANY, "src", "%s", Inet4.format(r.src));
            if (r.srcLen != 32) p.uint(IpPrint.ANY, "srclen", "/%u", r.srcLen);
        } else {
            p.string(IpPrint.ANY, "src", "from %s", "all");
        }
        if (r.dstLen > 0) {
            p.string(IpPrint.FP, null, " to ", null);
            p.string(IpPrint.ANY, "dst", "%s", Inet4.format(r.dst));
            if (r.dstLen != 32) p.uint(IpPrint.ANY, "dstlen", "/%u", r.dstLen);
        }
        if (r.tos != 0) p.string(IpPrint.ANY, "tos", " tos %s", String.format("0x%02x", r.tos));
        if (r.mark != 0 || r.markMask != 0) {
            p.hex0x(IpPrint.ANY, "fwmark", " fwmark %#llx", r.mark & 0xffffffffL);
            if (r.markMask != -1) p.hex0x(IpPrint.ANY, "fwmask", "/%#llx", r.markMask & 0xffffffffL);
        }
        if (r.iifName != null) {
            if (!p.isJson()) p.fp(" iif ");
            p.string(IpPrint.ANY, "iif", "%s", r.iifName);
            if (ns.dev(r.iifName) == null) p.nul(IpPrint.ANY, "iif_detached", " [detached]", null);
        }
        if (r.oifName != null) {
            if (!p.isJson()) p.fp(" oif ");
            p.string(IpPrint.ANY, "oif", "%s", r.oifName);
            if (ns.dev(r.oifName) == null) p.nul(IpPrint.ANY, "oif_detached", " [detached]", null);
        }
        if (r.table != 0) {
            p.string(IpPrint.ANY, "table", " lookup %s", IpRouteUtil.tableName(r.table));
            if (r.suppressPrefixlen != -1) p.integer(IpPrint.ANY, "suppress_prefixlen", " suppress_prefixlength %d", r.suppressPrefixlen);
        }
        if (r.action == FibRule.FR_ACT_GOTO) {
            p.uint(IpPrint.ANY, "goto", " goto %u", r.gotoTarget & 0xffffffffL);
        } else if (r.action == FibRule.FR_ACT_NOP) {
            p.nul(IpPrint.ANY, "nop", " nop", null);
        } else if (r.action == RouteType.NAT.ordinal()) {
            p.nul(IpPrint.ANY, "masquerade", " masquerade", null);
        } else if (r.action != FibRule.FR_ACT_TO_TBL) {
            String name = r.action < RouteType.values().length ? RouteType.values()[r.action].iprouteName()
                    : Integer.toString(r.action);
            p.string(IpPrint.ANY, "action", " %s", name);
        }
        if ((r.protocol != 0 && r.protocol != 2) || o.details > 0) {
            p.string(IpPrint.ANY, "protocol", " proto %s", IpRouteUtil.protoName(r.protocol));
        }
        p.string(IpPrint.FP, null, "\n", "");
        p.closeObject();
        p.flush();
    }
}
