package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.ToolContext;
import java.util.List;

/**
 * iplink.c's {@code iplink_parse()}: the generic words of {@code ip link add|set} (and of a veth
 * peer) in iproute2's order and with its messages. Stops at {@code type KIND}; what follows is
 * left in {@link LinkRequest#kindArgs}.
 */
public final class IpLinkParse {
    private IpLinkParse() { }

    /**
     * @param ns     the namespace names are resolved in (the caller's, after {@code -n})
     * @param create NLM_F_CREATE: {@code ip link add} (and a veth peer)
     */
    public static LinkRequest parse(ToolContext ctx, NetNamespace ns, List<String> args, boolean create) {
        LinkRequest r = new LinkRequest();
        String name = null, dev = null, link = null;
        int addrLen = 0;
        boolean moveNetns = false;
        Integer qlen = null, mtu = null, group = null, ntx = null, nrx = null;
        boolean netnsGiven = false, linkNetnsGiven = false;
        int i = 0, n = args.size();
        for (; i < n; i++) {
            String a = args.get(i);
            if (a.equals("up")) {
                r.ifiChange |= If.IFF_UP;
                r.ifiFlags |= If.IFF_UP;
            } else if (a.equals("down")) {
                r.ifiChange |= If.IFF_UP;
                r.ifiFlags &= ~If.IFF_UP;
            } else if (a.equals("name")) {
                String v = next(args, ++i);
                if (name != null) throw IpError.duparg("name", v);
                if (!IpUtil.checkIfname(v)) throw IpError.invarg("\"name\" not a valid ifname", v);
                name = v;
                if (dev == null) dev = name;
            } else if (a.equals("index")) {
                String v = next(args, ++i);
                if (r.index != 0) throw IpError.duparg("index", v);
                r.index = atoi(v);
                if (r.index <= 0) throw IpError.invarg("Invalid \"index\" value", v);
            } else if (IpUtil.matches(a, "link")) {
                link = next(args, ++i);
            } else if (IpUtil.matches(a, "address")) {
                byte[] b = IpUtil.llAddr(next(args, ++i));
                addrLen = b.length;
                r.mac = IpUtil.macOf(b);
                if (b.length != 6) r.macLen = b.length;
            } else if (IpUtil.matches(a, "broadcast") || a.equals("brd")) {
                byte[] b = IpUtil.llAddr(next(args, ++i));
                r.broadcast = IpUtil.macOf(b);
            } else if (IpUtil.matches(a, "txqueuelen") || a.equals("qlen") || IpUtil.matches(a, "txqlen")) {
                String v = next(args, ++i);
                if (qlen != null) throw IpError.duparg("txqueuelen", v);
                qlen = IpUtil.getInteger(v);
                if (qlen == null) throw IpError.invarg("Invalid \"txqueuelen\" value\n", v);
                r.txqlen = qlen;
            } else if (a.equals("mtu")) {
                String v = next(args, ++i);
                if (mtu != null) throw IpError.duparg("mtu", v);
                mtu = IpUtil.getInteger(v);
                if (mtu == null) throw IpError.invarg("Invalid \"mtu\" value\n", v);
                r.mtu = mtu;
            } else if (a.equals("netns")) {
                String v = next(args, ++i);
                if (netnsGiven) throw IpError.duparg("netns", v);
                netnsGiven = true;
                r.netns = resolveNetns(ctx, v);
                moveNetns = true;
            } else if (a.equals("multicast")) {
                r.ifiFlags = onOff(r, "multicast", next(args, ++i), If.IFF_MULTICAST, false);
            } else if (a.equals("allmulticast")) {
                r.ifiFlags = onOff(r, "allmulticast", next(args, ++i), If.IFF_ALLMULTI, false);
            } else if (a.equals("promisc")) {
                r.ifiFlags = onOff(r, "promisc", next(args, ++i), If.IFF_PROMISC, false);
            } else if (a.equals("trailers")) {
                r.ifiFlags = onOff(r, "trailers", next(args, ++i), If.IFF_NOTRAILERS, true);
            } else if (a.equals("arp")) {
                r.ifiFlags = onOff(r, "arp", next(args, ++i), If.IFF_NOARP, true);
            } else if (IpUtil.matches(a, "dynamic")) {
                r.ifiFlags = onOff(r, "dynamic", next(args, ++i), If.IFF_DYNAMIC, false);
            } else if (a.equals("carrier")) {
                String v = next(args, ++i);
                r.carrier = parseOneOf("carrier", v, "off", "on");
            } else if (IpUtil.matches(a, "master")) {
                String v = next(args, ++i);
                int m = nameToIndex(ns, v);
                if (m == 0) throw IpError.invarg("Device does not exist\n", v);
                r.master = m;
            } else if (IpUtil.matches(a, "nomaster")) {
                r.master = 0;
            } else if (IpUtil.matches(a, "type")) {
                r.type = next(args, ++i);
                i++;
                break;
            } else if (IpUtil.matches(a, "alias")) {
                String v = next(args, ++i);
                if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 256)
                    throw IpError.invarg("alias too long\n", v);
                r.alias = v;
            } else if (a.equals("group")) {
                String v = next(args, ++i);
                if (group != null) throw IpError.duparg("group", v);
                group = groupA2n(v);
                if (group == null) throw IpError.invarg("Invalid \"group\" value\n", v);
                r.group = group;
            } else if (IpUtil.matches(a, "numtxqueues")) {
                String v = next(args, ++i);
                if (ntx != null) throw IpError.duparg("numtxqueues", v);
                ntx = IpUtil.getInteger(v);
                if (ntx == null) throw IpError.invarg("Invalid \"numtxqueues\" value\n", v);
                r.numTxQueues = ntx;
            } else if (IpUtil.matches(a, "numrxqueues")) {
                String v = next(args, ++i);
                if (nrx != null) throw IpError.duparg("numrxqueues", v);
                nrx = IpUtil.getInteger(v);
                if (nrx == null) throw IpError.invarg("Invalid \"numrxqueues\" value\n", v);
                r.numRxQueues = nrx;
            } else if (a.equals("gso_max_size") || a.equals("gro_max_size") || a.equals("gso_max_segs")) {
                String v = next(args, ++i);
                Long u = IpUtil.getUnsigned(v);
                if (u == null || (a.equals("gso_max_segs") && u > 65535))
                    throw IpError.invarg("Invalid \"" + a + "\" value\n", v);
                switch (a) {
                    case "gso_max_size" -> r.gsoMaxSize = (int) (long) u;
                    case "gro_max_size" -> r.groMaxSize = (int) (long) u;
                    default -> r.gsoMaxSegs = (int) (long) u;
                }
            } else if (a.equals("xdpgeneric") || a.equals("xdpdrv") || a.equals("xdpoffload") || a.equals("xdp")) {
                next(args, ++i);
                // xdp_parse(): "off"/"none" as the last word detaches (IFLA_XDP_FD -1); anything
                // else is a BPF object to load
                String w = args.get(i);
                if (i == n - 1 && (w.equals("off") || w.equals("none"))) {
                    r.xdpOff = true;
                } else if (!IpUtil.matches(w, "object-file") && !w.equals("obj") && !IpUtil.matches(w, "object-pinned")
                        && !IpUtil.matches(w, "pinned") && !IpUtil.matches(w, "fd")) {
                    // bpf_do_parse(): XDP takes an eBPF object file or a pinned program
                    throw IpError.exit("What mode is \"" + w + "\"?\n");
                } else {
                    throw new IpError("nsnet: ip link: loading XDP programs is not supported\n", 2);
                }
            } else if (a.equals("vf")) {
                String v = next(args, ++i);
                if (IpUtil.getInteger(v) == null) throw IpError.invarg("Invalid \"vf\" value\n", v);
                if (dev == null) throw IpError.missarg("dev");
                i = parseVf(args, i);
                r.vfInfo = true;
                if (name == dev) dev = null;
            } else if (a.equals("vrf")) {
                // no VRF devices exist in nsnet: ll_name_to_index() or name_is_vrf() fails
                throw IpError.invarg("Not a valid VRF name\n", next(args, ++i));
            } else if (a.equals("mode")) {
                String v = next(args, ++i);
                if (v.equalsIgnoreCase("default")) r.linkMode = 0;
                else if (v.equalsIgnoreCase("dormant")) r.linkMode = 1;
                else throw IpError.invarg("Invalid link mode\n", v);
            } else if (a.equals("state")) {
                String v = next(args, ++i);
                int st = -1;
                for (int k = 0; k < OPER_STATES.length; k++) if (OPER_STATES[k].equalsIgnoreCase(v)) st = k;
                if (st < 0) throw IpError.invarg("Invalid operstate\n", v);
                r.operstate = st;
            } else if (IpUtil.matches(a, "addrgenmode")) {
                String v = next(args, ++i);
                int m = -1;
                for (int k = 0; k < ADDR_GEN_MODES.length; k++) if (ADDR_GEN_MODES[k].equalsIgnoreCase(v)) m = k;
                if (m < 0) throw IpError.invarg("Invalid address generation mode\n", v);
                r.addrGenMode = m;
            } else if (IpUtil.matches(a, "link-netns")) {
                String v = next(args, ++i);
                if (linkNetnsGiven) throw IpError.duparg("link-netns/link-netnsid", v);
                linkNetnsGiven = true;
                r.linkNetnsid = linkNetnsidOf(ctx, ns, v);
            } else if (IpUtil.matches(a, "link-netnsid")) {
                String v = next(args, ++i);
                if (linkNetnsGiven) throw IpError.duparg("link-netns/link-netnsid", v);
                linkNetnsGiven = true;
                r.linkNetnsid = IpUtil.getInteger(v);
                if (r.linkNetnsid == null) throw IpError.invarg("Invalid \"link-netnsid\" value\n", v);
            } else if (a.equals("protodown")) {
                r.protoDown = parseOneOf("protodown", next(args, ++i), "off", "on");
            } else if (a.equals("protodown_reason")) {
                String v = next(args, ++i);
                Long reason = IpUtil.getUnsigned(v);
                if (reason == null || reason > 31) throw IpError.invarg("invalid protodown reason\n", v);
                String onOff = next(args, ++i);
                if (!IpUtil.matches(onOff, "on") && !IpUtil.matches(onOff, "off"))
                    throw IpError.onOff("protodown_reason", onOff);
                r.protoDownReason = true;
            } else if (a.equals("parentdev")) {
                // IFLA_PARENT_DEV_NAME: only drivers with parent devices read it
                next(args, ++i);
            } else {
                if (IpUtil.matches(a, "help")) throw IpLinkHelp.usage();
                if (a.equals("dev")) a = next(args, ++i);
                if (dev != name) throw IpError.duparg2("dev", a);
                if (!IpUtil.checkAltIfname(a)) throw IpError.invarg("\"dev\" not a valid ifname", a);
                dev = a;
            }
        }
        r.kindArgs = List.copyOf(args.subList(Math.min(i, n), n));

        if (name == null) name = dev;
        else if (dev == null) dev = name;

        if (dev != null && addrLen != 0 && !create) {
            NetDevice d = ns.dev(nameToIndex(ns, dev));
            int halen = d == null ? -1 : (d.type == If.ARPHRD_LOOPBACK || d.type == If.ARPHRD_ETHER ? 6 : 0);
            if (halen >= 0 && halen != addrLen)
                throw new IpError("Invalid address length " + addrLen + " - must be " + halen + " bytes\n", 1);
        }
        if (r.index != 0 && !create && !moveNetns)
            throw IpError.exit("index can be used only when creating devices or when moving device to another netns.\n");
        if (group != null && dev == null) {
            if (!r.kindArgs.isEmpty())
                throw IpError.exit("Garbage instead of arguments \"" + r.kindArgs.get(0) + " ...\". Try \"ip link help\".\n");
            if (create) throw IpError.exit("group cannot be used when creating devices.\n");
            // `ip link set|del group N ...`: the request applies to every device of the group
            r.groupOnly = true;
            r.type = null;
            return r;
        }
        if (!create) {
            if (dev == null) throw IpError.exit("Not enough information: \"dev\" argument is required.\n");
            r.ifindex = nameToIndex(ns, dev);
            if (r.ifindex == 0) throw IpError.nodev(dev);
            r.dev = dev;
            r.name = name.equals(dev) ? null : name;
        } else {
            if (!java.util.Objects.equals(name, dev))
                throw IpError.exit("both \"name\" and \"dev\" cannot be used when creating devices.\n");
            if (link != null) {
                int l = nameToIndex(ns, link);
                if (l == 0) throw IpError.nodev(link);
                r.link = l;
            }
            r.name = name;
        }
        return r;
    }

    /** ipaddress.c's oper_states[]: the names {@code state} accepts (any case), by IF_OPER_* value. */
    static final String[] OPER_STATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    /** get_addr_gen_mode(): IN6_ADDR_GEN_MODE_* by value. */
    static final String[] ADDR_GEN_MODES = {"eui64", "none", "stable_secret", "random"};

    /**
     * iplink_parse_vf(): the VF settings after {@code vf N}, up to the first word that is not
     * one (left to the caller); returns the index of the last word consumed.
     */
    static int parseVf(List<String> args, int i) {
        int start = i, n = args.size();
        while (i + 1 < n) {
            String w = args.get(i + 1);
            if (IpUtil.matches(w, "mac")) {
                IpUtil.llAddr(next(args, i + 2));
                i += 2;
            } else if (IpUtil.matches(w, "vlan")) {
                String v = next(args, i + 2);
                if (IpUtil.getUnsigned(v) == null) throw IpError.invarg("Invalid \"vlan\" value\n", v);
                i += 2;
                if (i + 1 < n && IpUtil.matches(args.get(i + 1), "qos")) {
                    String q = next(args, i + 2);
                    if (IpUtil.getUnsigned(q) == null) throw IpError.invarg("Invalid \"qos\" value\n", q);
                    i += 2;
                }
                if (i + 1 < n && IpUtil.matches(args.get(i + 1), "proto")) {
                    String pr = next(args, i + 2);
                    if (!pr.equalsIgnoreCase("802.1Q") && !pr.equalsIgnoreCase("802.1ad"))
                        throw IpError.invarg("protocol is invalid\n", pr);
                    i += 2;
                }
            } else if (IpUtil.matches(w, "rate") || IpUtil.matches(w, "max_tx_rate")
                    || IpUtil.matches(w, "min_tx_rate")) {
                String v = next(args, i + 2);
                if (IpUtil.getUnsigned(v) == null) throw IpError.invarg("Invalid \"" + w + "\" value\n", v);
                i += 2;
            } else if (IpUtil.matches(w, "spoofchk") || IpUtil.matches(w, "query_rss") || IpUtil.matches(w, "trust")) {
                String v = next(args, i + 2);
                if (!v.equals("on") && !v.equals("off")) throw IpError.onOff(w, v);
                i += 2;
            } else if (IpUtil.matches(w, "state")) {
                String v = next(args, i + 2);
                if (!IpUtil.matches(v, "auto") && !IpUtil.matches(v, "enable") && !IpUtil.matches(v, "disable"))
                    throw IpError.invarg("Invalid \"state\" value\n", v);
                i += 2;
            } else if (IpUtil.matches(w, "node_guid") || IpUtil.matches(w, "port_guid")) {
                next(args, i + 2);
                i += 2;
            } else {
                break;
            }
        }
        if (i == start) throw IpError.incomplete();
        return i;
    }

    /**
     * {@code link-netns NAME}: the nsid NAME has in {@code ns}, assigning one first when it has
     * none (set_netnsid_from_name(NAME, -1)); invarg when NAME is no /run/netns entry.
     */
    static int linkNetnsidOf(ToolContext ctx, NetNamespace ns, String v) {
        NetNamespace t = v.indexOf('/') < 0 ? ctx.host().netns(v) : null;
        if (t == null) throw IpError.invarg("Invalid \"link-netns\" value\n", v);
        int id = ns.nsidOf(t);
        if (id < 0 && t != ns) id = dev.nsnet.kernel.core.NetnsIds.newId(ns, t, -1);
        if (id < 0) throw IpError.invarg("Invalid \"link-netns\" value\n", v);
        return id;
    }

    /**
     * ll_name_to_index(): the index of the device so named, else the N of a name of the form
     * "ifN" (sscanf "if%u", whether or not such a device exists), else 0.
     */
    public static int nameToIndex(NetNamespace ns, String name) {
        // if_nametoindex(): SIOCGIFINDEX finds altnames too
        NetDevice d = dev.nsnet.kernel.core.RtnlLink.devGetByName(ns, name);
        if (d != null) return d.ifindex;
        if (name.startsWith("if")) {
            int i = 2, n = name.length();
            while (i < n && Character.isWhitespace(name.charAt(i))) i++;
            if (i < n && name.charAt(i) == '+') i++;
            long v = 0;
            int start = i;
            while (i < n && Character.isDigit(name.charAt(i))) v = (v * 10 + (name.charAt(i++) - '0')) & 0xffffffffL;
            if (i > start) return (int) v;
        }
        return 0;
    }

    /** The existing device {@code name} or "ifN" stands for, or null. */
    public static NetDevice lookup(NetNamespace ns, String name) {
        int idx = nameToIndex(ns, name);
        return idx == 0 ? null : ns.dev(idx);
    }

    /** NEXT_ARG(). */
    static String next(List<String> args, int i) {
        if (i >= args.size()) throw IpError.incomplete();
        return args.get(i);
    }

    /** atoi(). */
    static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && v < 1L << 40) v = v * 10 + (s.charAt(i++) - '0');
        return (int) (neg ? -v : v);
    }

    private static int onOff(LinkRequest r, String key, String v, int flag, boolean inverted) {
        r.ifiChange |= flag;
        boolean set;
        if (v.equals("on")) set = !inverted;
        else if (v.equals("off")) set = inverted;
        else throw IpError.onOff(key, v);
        return set ? r.ifiFlags | flag : r.ifiFlags & ~flag;
    }

    /** parse_one_of(): index of the first word {@code v} is a prefix of. */
    static int parseOneOf(String msg, String v, String... words) {
        for (int k = 0; k < words.length; k++) if (IpUtil.matches(v, words[k])) return k;
        StringBuilder sb = new StringBuilder("Error: argument of \"" + msg + "\" must be one of ");
        for (String w : words) sb.append('"').append(w).append("\", ");
        sb.append("not \"").append(v).append("\"\n");
        // parse_on_off() hands back -EINVAL, which ip turns into exit status 22.
        throw new IpError(sb.toString(), 22);
    }

    /** rtnl_group_a2n(): "default" (from /etc/iproute2/group) or a non-negative number. */
    static Integer groupA2n(String v) {
        if (v.equals("default")) return 0;
        Long l = IpUtil.strtol(v);
        if (l == null || l < 0 || l > Integer.MAX_VALUE) return null;
        return (int) (long) l;
    }

    /** netns_get_fd() on /run/netns/NAME, else a PID (IFLA_NET_NS_PID), else invarg. */
    static NetNamespace resolveNetns(ToolContext ctx, String v) {
        NetNamespace t = v.indexOf('/') < 0 ? ctx.host().netns(v) : null;
        if (v.startsWith("/run/netns/")) t = ctx.host().netns(v.substring("/run/netns/".length()));
        if (t != null) return t;
        Integer pid = IpUtil.getInteger(v);
        if (pid == null) throw IpError.invarg("Invalid \"netns\" value\n", v);
        Process p = ctx.host().process(pid);
        if (p == null) throw new dev.nsnet.kernel.core.KernelException(dev.nsnet.kernel.core.Errno.ESRCH);
        return p.netns;
    }
}
