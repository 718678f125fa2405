package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Vlan;
import dev.nsnet.kernel.drivers.VlanCore;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type vlan id N [protocol 802.1Q|802.1ad] [reorder_hdr|gvrp|mvrp|loose_binding|bridge_binding
 * on|off] [ingress-qos-map F:T...] [egress-qos-map F:T...]}: ip/iplink_vlan.c (iproute2 6.1)
 * and net/8021q/vlan_netlink.c's validate / newlink / changelink / fill_info.
 */
public final class VlanLinkKind implements LinkKind {
    @Override public String kind() { return "vlan"; }

    /** What vlan_parse_opt() puts in IFLA_INFO_DATA (null fields: attribute not sent). */
    static final class Opts {
        Integer proto;
        Integer id;
        int flags, mask;
        List<int[]> ingress, egress;
        /** Whether any IFLA_INFO_DATA was sent at all (iproute2 sends it when words follow the kind). */
        boolean data;
    }

    private static final String[] FLAG_NAMES = {"reorder_hdr", "gvrp", "mvrp", "loose_binding", "bridge_binding"};
    private static final int[] FLAG_BITS = {Vlan.FLAG_REORDER_HDR, Vlan.FLAG_GVRP, Vlan.FLAG_MVRP,
            Vlan.FLAG_LOOSE_BINDING, Vlan.FLAG_BRIDGE_BINDING};

    /** llproto_names of lib/ll_proto.c (iproute2 6.1), for ll_proto_a2n / ll_proto_n2a. */
    private static final Object[][] LL_PROTO = {
            {0x0060, "loop"}, {0x0200, "pup"}, {0x0201, "pupat"}, {0x0800, "ip"}, {0x0805, "x25"}, {0x0806, "arp"},
            {0x08FF, "bpq"}, {0x0a00, "ieeepup"}, {0x0a01, "ieeepupat"}, {0x6000, "dec"}, {0x6001, "dna_dl"},
            {0x6002, "dna_rc"}, {0x6003, "dna_rt"}, {0x6004, "lat"}, {0x6005, "diag"}, {0x6006, "cust"},
            {0x6007, "sca"}, {0x8035, "rarp"}, {0x809B, "atalk"}, {0x80F3, "aarp"}, {0x8137, "ipx"},
            {0x86DD, "ipv6"}, {0x8863, "ppp_disc"}, {0x8864, "ppp_ses"}, {0x884c, "atmmpoa"}, {0x8884, "atmfate"},
            {0x0001, "802_3"}, {0x0002, "ax25"}, {0x0003, "all"}, {0x0004, "802_2"}, {0x0005, "snap"},
            {0x0006, "ddcmp"}, {0x0007, "wan_ppp"}, {0x0008, "ppp_mp"}, {0x0009, "localtalk"}, {0x000C, "can"},
            {0x0010, "ppptalk"}, {0x0011, "tr_802_2"}, {0x0015, "mobitex"}, {0x0016, "control"}, {0x0017, "irda"},
            {0x0018, "econet"}, {0x88CA, "tipc"}, {0x8892, "profinet"}, {0x88A2, "aoe"}, {0x88A4, "ethercat"},
            {0x8100, "802.1Q"}, {0x88A8, "802.1ad"}, {0x8847, "mpls_uc"}, {0x8848, "mpls_mc"}, {0x6558, "teb"},
            {0x8100, "802.1Q"}, {0x88cc, "LLDP"}, {0x0800, "ipv4"}};

    static Integer llProtoA2n(String s) {
        for (Object[] e : LL_PROTO) if (((String) e[1]).equalsIgnoreCase(s)) return (Integer) e[0];
        Long v = IpUtil.getUnsigned(s);
        return v == null || v > 0xffff ? null : v.intValue();
    }

    static String llProtoN2a(int id, boolean numeric) {
        if (!numeric) for (Object[] e : LL_PROTO) if ((Integer) e[0] == id) return (String) e[1];
        return "[" + id + "]";
    }

    static String helpText() { return IpLinkKindHelp.help("vlan"); }

    /** vlan_parse_opt(). */
    static Opts parseOpts(List<String> args) {
        Opts o = new Opts();
        o.data = !args.isEmpty();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (IpUtil.matches(a, "protocol")) {
                String v = IpLinkParse.next(args, ++i);
                Integer p = llProtoA2n(v);
                if (p == null) throw IpError.invarg("protocol is invalid", v);
                o.proto = p;
            } else if (IpUtil.matches(a, "id")) {
                String v = IpLinkParse.next(args, ++i);
                Long id = IpUtil.getUnsigned(v);
                if (id == null || id > 0xffff) throw IpError.invarg("id is invalid", v);
                o.id = id.intValue();
            } else if (flagIndex(a) >= 0) {
                int f = flagIndex(a);
                String v = IpLinkParse.next(args, ++i);
                o.mask |= FLAG_BITS[f];
                if (v.equals("on")) o.flags |= FLAG_BITS[f];
                else if (v.equals("off")) o.flags &= ~FLAG_BITS[f];
                else throw new IpError("Error: argument of \"" + FLAG_NAMES[f] + "\" must be \"on\" or \"off\", not \""
                        + v + "\"\n", 1);
            } else if (IpUtil.matches(a, "ingress-qos-map") || IpUtil.matches(a, "egress-qos-map")) {
                boolean ingress = IpUtil.matches(a, "ingress-qos-map");
                IpLinkParse.next(args, ++i);
                List<int[]> maps = new ArrayList<>();
                // parse_mapping(): FROM:TO words until one without a colon
                while (i < args.size()) {
                    String w = args.get(i);
                    int c = w.indexOf(':');
                    if (c < 0) break;
                    Long from = IpUtil.getUnsigned(w.substring(0, c));
                    Long to = IpUtil.getUnsigned(w.substring(c + 1));
                    if (from == null || to == null)
                        throw IpError.invarg("invalid " + (ingress ? "ingress" : "egress") + "-qos-map", w.substring(0, c));
                    maps.add(new int[] {(int) (long) from, (int) (long) to});
                    i++;
                }
                if (ingress) o.ingress = maps;
                else o.egress = maps;
                continue;
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(helpText(), 1);
            } else {
                throw new IpError("vlan: unknown command \"" + a + "\"?\n" + helpText(), 1);
            }
            i++;
        }
        return o;
    }

    /** matches() in vlan_parse_opt's order: reorder_hdr, gvrp, mvrp, loose_binding, bridge_binding. */
    private static int flagIndex(String a) {
        for (int f = 0; f < FLAG_NAMES.length; f++) if (IpUtil.matches(a, FLAG_NAMES[f])) return f;
        return -1;
    }

    /** vlan_validate(). */
    static void validate(LinkRequest req, Opts o) {
        if (req != null && req.mac != null) {
            if (req.macLen != 0) throw new KernelException(Errno.EINVAL, "8021q: Invalid link address");
            if (dev.nsnet.kernel.wire.Mac.isMulticast(req.mac) || req.mac == 0)
                throw new KernelException(Errno.EADDRNOTAVAIL, "8021q: Invalid link address");
        }
        if (!o.data) throw new KernelException(Errno.EINVAL, "8021q: VLAN properties not specified");
        if (o.proto != null && o.proto != VlanCore.P_8021Q && o.proto != VlanCore.P_8021AD)
            throw new KernelException(Errno.EPROTONOSUPPORT, "8021q: Invalid VLAN protocol");
        if (o.id != null && o.id >= VlanCore.VID_MASK) throw new KernelException(Errno.ERANGE, "8021q: Invalid VLAN id");
        if (o.mask != 0 && ((o.flags & o.mask) & ~0x1f) != 0) throw new KernelException(Errno.EINVAL, "8021q: Invalid VLAN flags");
    }

    @Override
    public void parse(ToolContext ctx, LinkRequest req, List<String> args) {
        req.kindData = parseOpts(args);
    }

    @Override
    public void validate(ToolContext ctx, LinkRequest req) {
        // no kind words: no IFLA_INFO_DATA at all (ip link set DEV type vlan)
        validate(req, req.kindData instanceof Opts o ? o : new Opts());
    }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        Opts o = req.kindData instanceof Opts x ? x : parseOpts(args);
        if (o.id == null) throw new KernelException(Errno.EINVAL, "8021q: VLAN id not specified");
        if (req.link == null) throw new KernelException(Errno.EINVAL, "8021q: link not specified");
        NetDevice real = ctx.netns().dev(req.link);
        if (real == null) throw new KernelException(Errno.ENODEV, "8021q: link does not exist");
        int proto = o.proto == null ? VlanCore.P_8021Q : o.proto;
        NetDevice dev = Vlan.newLink(ns, req.name, real, proto, o.id, o.flags, o.mask, req::prepare, req.index);
        applyMaps(dev, o);
        req.configureOrUnregister(dev);
        return dev;
    }

    /** vlan_changelink()'s QoS maps (applied once the device has its private data). */
    private static void applyMaps(NetDevice dev, Opts o) {
        if (o.ingress != null) for (int[] m : o.ingress) Vlan.setIngressPriority(dev, m[1], m[0]);
        if (o.egress != null) for (int[] m : o.egress) Vlan.setEgressPriority(dev, m[0] & 0xffffffffL, m[1]);
    }

    /** vlan_changelink(): flags and QoS maps (the id and protocol cannot change and are ignored). */
    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        Opts o = parseOpts(args);
        validate(null, o);
        if (Vlan.priv(dev) == null) throw new KernelException(Errno.EOPNOTSUPP);
        if (o.mask != 0) Vlan.changeFlags(dev, o.flags, o.mask);
        applyMaps(dev, o);
    }

    /** vlan_print_opt() over vlan_fill_info(). */
    @Override
    public void printDetails(IpPrint p, IpOptions opt, NetDevice dev) {
        Vlan.Priv v = Vlan.priv(dev);
        if (v == null) return;
        p.string(IpPrint.ANY, "protocol", "protocol %s ", llProtoN2a(v.proto, opt.numeric));
        p.uint(IpPrint.ANY, "id", "id %u ", v.id);
        if (v.flags != 0) {
            int flags = v.flags;
            p.openArray(IpPrint.ANY, p.isJson() ? "flags" : "<");
            String[] names = {"REORDER_HDR", "GVRP", "MVRP", "LOOSE_BINDING", "BRIDGE_BINDING"};
            for (int f = 0; f < names.length; f++) {
                if ((flags & FLAG_BITS[f]) == 0) continue;
                flags &= ~FLAG_BITS[f];
                p.string(IpPrint.ANY, null, flags != 0 ? "%s," : "%s", names[f]);
            }
            if (flags != 0) p.hex(IpPrint.ANY, null, "%x", flags);
            p.closeArray(IpPrint.ANY, "> ");
        }
        if (v.ingressCount() > 0) {
            List<int[]> l = new ArrayList<>();
            for (int i = 0; i < 8; i++) if (v.ingress[i] != 0) l.add(new int[] {i, v.ingress[i]});
            printMap(p, "ingress_qos", "ingress-qos-map", l);
        }
        boolean anyEgress = false;
        for (int pcp : v.egress.values()) if (pcp != 0) anyEgress = true;
        if (anyEgress) {
            // vlan_fill_info() walks the 16 hash buckets (priority & 0xf), each newest first
            List<int[]> l = new ArrayList<>();
            List<Map.Entry<Long, Integer>> es = new ArrayList<>(v.egress.entrySet());
            for (int b = 0; b < 16; b++) {
                for (int k = es.size() - 1; k >= 0; k--) {
                    Map.Entry<Long, Integer> e = es.get(k);
                    if ((e.getKey() & 0xf) == b) l.add(new int[] {(int) (long) e.getKey(), e.getValue()});
                }
            }
            printMap(p, "egress_qos", "egress-qos-map", l);
        }
    }

    /** vlan_print_map(). */
    private static void printMap(IpPrint p, String jsonName, String fpName, List<int[]> maps) {
        p.openArray(IpPrint.JSON, jsonName);
        p.nl();
        p.string(IpPrint.FP, null, "      %s { ", fpName);
        for (int[] m : maps) {
            if (p.isJson()) {
                p.openObject(null);
                p.uint(IpPrint.JSON, "from", null, m[0] & 0xffffffffL);
                p.uint(IpPrint.JSON, "to", null, m[1] & 0xffffffffL);
                p.closeObject();
            } else {
                p.fp(Integer.toUnsignedString(m[0]) + ":" + Integer.toUnsignedString(m[1]) + " ");
            }
        }
        p.closeArray(IpPrint.JSON, null);
        p.string(IpPrint.FP, null, "%s ", "}");
    }

    @Override
    public void printHelp(PrintStream out) { out.print(helpText()); }
}
