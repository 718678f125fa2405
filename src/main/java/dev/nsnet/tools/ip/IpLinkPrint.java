package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.DevStats;
import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.OperState;
import dev.nsnet.kernel.core.RtnlLink;
import dev.nsnet.kernel.wire.Mac;
import java.util.Map;

/**
 * ipaddress.c's {@code print_linkinfo()}: one link as {@code ip link} and {@code ip address}
 * print it, in every form (text, {@code -o}, {@code -br}, {@code -j}, {@code -d}, {@code -s}).
 * The attributes are what the kernel's {@code rtnl_fill_ifinfo()} would report for the device
 * as seen from {@code viewer} (the namespace of the process running {@code ip}).
 *
 * <p>For {@code ip address}: call {@link #header} with {@code doLink=false} between
 * {@code p.openObject(null)} and the address list; in text mode it ends with "\n" (or nothing
 * more than the header in {@code -br} mode, where the caller prints addresses then "\n").
 */
public final class IpLinkPrint {
    private IpLinkPrint() { }

    private static final String[] OPER = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    /**
     * Prints one link record (without opening/closing its JSON object).
     *
     * @param doLink true for {@code ip link} ("mode DEFAULT", alias, {@code -s} stats), false for
     *               {@code ip address}
     * @param family the filter family: {@code ip link} uses AF_PACKET (17), which makes
     *               {@code -br} print the MAC and flags
     */
    public static void header(IpPrint p, IpOptions o, NetNamespace viewer, NetDevice dev, boolean doLink, int family) {
        doLink |= o.doLink;
        if (o.brief) {
            brief(p, viewer, dev, family);
            return;
        }
        int flags = reportedFlags(dev);
        p.integer(IpPrint.ANY, "ifindex", "%d: ", dev.ifindex);
        boolean mdown = nameAndLink(p, viewer, dev, "%s: ");
        flags(p, flags, mdown);
        p.integer(IpPrint.ANY, "mtu", "mtu %u ", dev.mtu);
        p.string(IpPrint.ANY, "qdisc", "qdisc %s ", dev.qdisc);
        if (dev.master != null) p.string(IpPrint.ANY, "master", "master %s ", dev.master.name);
        operstate(p, o, dev.reportedOperstate());
        if (doLink) p.string(IpPrint.ANY, "linkmode", "mode %s ", dev.linkMode == 1 ? "DORMANT" : "DEFAULT");
        p.string(IpPrint.ANY, "group", "group %s ", dev.group == 0 && !o.numeric ? "default" : Integer.toString(dev.group));
        if (dev.txQueueLen != 0) p.integer(IpPrint.ANY, "txqlen", "qlen %d", dev.txQueueLen);
        if (family == 0 || family == 17 || o.details > 0) {
            p.nl();
            p.string(IpPrint.ANY, "link_type", "    link/%s ", o.numeric ? "[" + dev.type + "]" : linkType(dev));
            if (hasAddress(dev)) {
                p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "address", "%s", Mac.format(dev.mac));
                if ((flags & If.IFF_POINTOPOINT) != 0) {
                    p.string(IpPrint.FP, null, " peer ", null);
                    p.bool(IpPrint.JSON, "link_pointtopoint", null, true);
                } else {
                    p.string(IpPrint.FP, null, " brd ", null);
                }
                p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "broadcast", "%s", Mac.format(dev.broadcast));
            }
        }
        if (linkNet(dev) != null) {
            int id = RtnlLink.fillLinkNetnsid(dev);
            if (p.isJson()) {
                p.integer(IpPrint.JSON, "link_netnsid", null, id);
            } else {
                String name = nameOfNsid(viewer, id);
                if (name != null) p.fp(" link-netns " + name);
                else p.fp(" link-netnsid " + id);
            }
        }
        if (o.details > 0) details(p, o, dev, doLink);
        if ((doLink || o.details > 0) && dev.alias != null) {
            p.string(IpPrint.FP, null, "%s    ", p.sl);
            p.string(IpPrint.ANY, "ifalias", "alias %s", dev.alias);
        }
        if (doLink && o.stats > 0) {
            p.nl();
            stats(p, o, dev);
        }
        if (!dev.altnames.isEmpty()) {
            // IFLA_PROP_LIST
            p.openArray(IpPrint.JSON, "altnames");
            for (String alt : dev.altnames) {
                p.string(IpPrint.FP, null, "%s    altname ", p.sl);
                p.string(IpPrint.ANY, null, "%s", alt);
            }
            p.closeArray(IpPrint.JSON, null);
        }
        p.string(IpPrint.FP, null, "%s", "\n");
    }

    /** print_linkinfo_brief(). */
    static void brief(IpPrint p, NetNamespace viewer, NetDevice dev, int family) {
        // the dump filled IFLA_LINK_NETNSID (allocating an nsid) although -br does not print it
        if (linkNet(dev) != null) RtnlLink.fillLinkNetnsid(dev);
        boolean mdown = nameAndLink(p, viewer, dev, "%-16s ");
        OperState st = dev.reportedOperstate();
        p.colorString(IpPrint.ANY, operColor(st), "operstate", "%-14s ", OPER[st.ordinal()]);
        if (family == 17) {
            if (hasAddress(dev)) p.colorString(IpPrint.ANY, IpPrint.COLOR_MAC, "address", "%s ", Mac.format(dev.mac));
            flags(p, reportedFlags(dev), mdown);
            p.string(IpPrint.FP, null, "%s", "\n");
        }
        p.flush();
    }

    /** The namespace of the device this one links to, when it is not the device's own (IFLA_LINK_NETNSID). */
    static NetNamespace linkNet(NetDevice dev) { return RtnlLink.linkNet(dev); }

    /**
     * dev_get_flags(): PROMISC and ALLMULTI as user space asked for them (dev->gflags), not the
     * internal counts (a bridge port is promiscuous without showing PROMISC).
     */
    public static int reportedFlags(NetDevice dev) { return RtnlLink.getFlags(dev); }

    /** print_name_and_link(): "name@peer", "name@ifN" across namespaces; returns the M-DOWN flag. */
    static boolean nameAndLink(IpPrint p, NetNamespace viewer, NetDevice dev, String fmt) {
        String name = dev.name;
        boolean mdown = false;
        int iflink = dev.iflink();
        // IFLA_LINK is reported when it names another device, which may carry the same index in
        // another namespace (veth0@if2 with index 2 itself).
        if (iflink != dev.ifindex || linkNet(dev) != null) {
            String link = null;
            if (iflink != 0) {
                if (linkNet(dev) != null) {
                    if (p.isJson()) p.integer(IpPrint.JSON, "link_index", null, iflink);
                    else link = "if" + iflink;
                } else {
                    NetDevice l = dev.ns.dev(iflink);
                    link = l != null ? l.name : "if" + iflink;
                    if (p.isJson()) {
                        p.string(IpPrint.JSON, "link", null, link);
                        link = null;
                    }
                    mdown = l == null || !l.isUp();
                }
            } else {
                if (p.isJson()) p.nul(IpPrint.JSON, "link", null, null);
                else link = "NONE";
            }
            if (link != null) name = name + "@" + link;
        }
        p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "ifname", fmt, name);
        return mdown;
    }

    /** print_link_flags(). */
    public static void flags(IpPrint p, int flags, boolean mdown) {
        p.openArray(IpPrint.ANY, p.isJson() ? "flags" : "<");
        if ((flags & If.IFF_UP) != 0 && (flags & If.IFF_RUNNING) == 0)
            p.string(IpPrint.ANY, null, flags != 0 ? "%s," : "%s", "NO-CARRIER");
        flags &= ~If.IFF_RUNNING;
        int[] bits = {If.IFF_LOOPBACK, If.IFF_BROADCAST, If.IFF_POINTOPOINT, If.IFF_MULTICAST, If.IFF_NOARP,
                If.IFF_ALLMULTI, If.IFF_PROMISC, If.IFF_MASTER, If.IFF_SLAVE, If.IFF_DEBUG, If.IFF_DYNAMIC,
                If.IFF_AUTOMEDIA, If.IFF_PORTSEL, If.IFF_NOTRAILERS, If.IFF_UP, If.IFF_LOWER_UP, If.IFF_DORMANT,
                If.IFF_ECHO};
        String[] names = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP", "ALLMULTI", "PROMISC",
                "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP", "LOWER_UP",
                "DORMANT", "ECHO"};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                flags &= ~bits[i];
                p.string(IpPrint.ANY, null, flags != 0 ? "%s," : "%s", names[i]);
            }
        }
        if (flags != 0) p.hex(IpPrint.ANY, null, "%x", flags);
        if (mdown) p.string(IpPrint.ANY, null, ",%s", "M-DOWN");
        p.closeArray(IpPrint.ANY, "> ");
    }

    /** print_operstate() (non-brief). */
    static void operstate(IpPrint p, IpOptions o, OperState s) {
        if (p.isJson()) p.string(IpPrint.JSON, "operstate", null, OPER[s.ordinal()]);
        else {
            p.fp("state ");
            p.colorFp(operColor(s), OPER[s.ordinal()] + " ");
        }
    }

    /** oper_state_color(). */
    static int operColor(OperState s) {
        return s == OperState.UP ? IpPrint.COLOR_OPERSTATE_UP
                : s == OperState.DOWN ? IpPrint.COLOR_OPERSTATE_DOWN : IpPrint.COLOR_NONE;
    }

    /** ll_type_n2a(). */
    public static String linkType(NetDevice dev) {
        return switch (dev.type) {
            case If.ARPHRD_ETHER -> "ether";
            case If.ARPHRD_LOOPBACK -> "loopback";
            case If.ARPHRD_NONE -> "none";
            default -> "[" + dev.type + "]";
        };
    }

    static boolean hasAddress(NetDevice dev) { return dev.type != If.ARPHRD_NONE; }

    /** get_name_from_nsid(): the first /run/netns name whose namespace has id {@code id} in {@code viewer}. */
    public static String nameOfNsid(NetNamespace viewer, int id) {
        for (Map.Entry<String, NetNamespace> e : viewer.host.namedNetns().entrySet()) {
            if (viewer.nsidOf(e.getValue()) == id) return e.getKey();
        }
        return null;
    }

    /** The {@code show_details} block. */
    static void details(IpPrint p, IpOptions o, NetDevice dev, boolean doLink) {
        p.uint(IpPrint.ANY, "promiscuity", " promiscuity %u ", dev.promiscuity);
        p.uint(IpPrint.ANY, "allmulti", " allmulti %u ", dev.allmulti);
        p.uint(IpPrint.ANY, "min_mtu", "minmtu %u ", dev.minMtu);
        p.uint(IpPrint.ANY, "max_mtu", "maxmtu %u ", dev.maxMtu);
        String kind = dev.kind();
        String slaveKind = null;
        LinkKind masterKind = null;
        if (dev.master != null && dev.master.kind() != null) {
            masterKind = LinkKinds.get(dev.master.kind());
            slaveKind = dev.master.kind();
        }
        if (kind != null || slaveKind != null) {
            p.openObject("linkinfo");
            if (kind != null) {
                p.nl();
                p.string(IpPrint.ANY, "info_kind", "    %s ", kind);
                LinkKind lk = LinkKinds.get(kind);
                if (lk != null && lk.hasPrintOpt()) {
                    p.openObject("info_data");
                    lk.printDetails(p, o, dev);
                    p.closeObject();
                }
            }
            if (slaveKind != null) {
                p.nl();
                p.string(IpPrint.ANY, "info_slave_kind", "    %s_slave ", slaveKind);
                if (masterKind != null) {
                    p.openObject("info_slave_data");
                    masterKind.printSlaveDetails(p, o, dev);
                    p.closeObject();
                }
            }
            p.closeObject();
        }
        // print_af_spec(): AF_INET6 is in IFLA_AF_SPEC only while addrconf has an in6_dev
        if (doLink && RtnlLink.hasInet6Dev(dev))
            p.string(IpPrint.ANY, "inet6_addr_gen_mode", "addrgenmode %s ", IpLinkParse.ADDR_GEN_MODES[dev.addrGenMode]);
        p.uint(IpPrint.ANY, "num_tx_queues", "numtxqueues %u ", dev.numTxQueues);
        p.uint(IpPrint.ANY, "num_rx_queues", "numrxqueues %u ", dev.numRxQueues);
        p.uint(IpPrint.ANY, "gso_max_size", "gso_max_size %u ", dev.gsoMaxSize);
        p.uint(IpPrint.ANY, "gso_max_segs", "gso_max_segs %u ", dev.gsoMaxSegs);
        p.uint(IpPrint.ANY, "tso_max_size", "tso_max_size %u ", dev.tsoMaxSize);
        p.uint(IpPrint.ANY, "tso_max_segs", "tso_max_segs %u ", dev.tsoMaxSegs);
        p.uint(IpPrint.ANY, "gro_max_size", "gro_max_size %u ", dev.groMaxSize);
    }

    /** print_stats64() with iproute2 6.1's column sizing; {@code -s -s} adds the error rows. */
    public static void stats(IpPrint p, IpOptions o, NetDevice dev) {
        DevStats s = dev.stats;
        long cc = dev.carrierChanges;
        boolean hasCc = true;
        if (p.isJson()) {
            p.openObject("stats64");
            p.openObject("rx");
            p.u64(IpPrint.JSON, "bytes", null, s.rxBytes);
            p.u64(IpPrint.JSON, "packets", null, s.rxPackets);
            p.u64(IpPrint.JSON, "errors", null, s.rxErrors);
            p.u64(IpPrint.JSON, "dropped", null, s.rxDropped);
            p.u64(IpPrint.JSON, "over_errors", null, s.rxOverErrors);
            p.u64(IpPrint.JSON, "multicast", null, s.multicast);
            if (s.rxCompressed != 0) p.u64(IpPrint.JSON, "compressed", null, s.rxCompressed);
            if (o.stats > 1) {
                p.u64(IpPrint.JSON, "length_errors", null, s.rxLengthErrors);
                p.u64(IpPrint.JSON, "crc_errors", null, s.rxCrcErrors);
                p.u64(IpPrint.JSON, "frame_errors", null, s.rxFrameErrors);
                p.u64(IpPrint.JSON, "fifo_errors", null, s.rxFifoErrors);
                p.u64(IpPrint.JSON, "missed_errors", null, s.rxMissedErrors);
                if (s.rxNohandler != 0) p.u64(IpPrint.JSON, "nohandler", null, s.rxNohandler);
            }
            p.closeObject();
            p.openObject("tx");
            p.u64(IpPrint.JSON, "bytes", null, s.txBytes);
            p.u64(IpPrint.JSON, "packets", null, s.txPackets);
            p.u64(IpPrint.JSON, "errors", null, s.txErrors);
            p.u64(IpPrint.JSON, "dropped", null, s.txDropped);
            p.u64(IpPrint.JSON, "carrier_errors", null, s.txCarrierErrors);
            p.u64(IpPrint.JSON, "collisions", null, s.collisions);
            if (s.txCompressed != 0) p.u64(IpPrint.JSON, "compressed", null, s.txCompressed);
            if (o.stats > 1) {
                p.u64(IpPrint.JSON, "aborted_errors", null, s.txAbortedErrors);
                p.u64(IpPrint.JSON, "fifo_errors", null, s.txFifoErrors);
                p.u64(IpPrint.JSON, "window_errors", null, s.txWindowErrors);
                p.u64(IpPrint.JSON, "heartbeat_errors", null, s.txHeartbeatErrors);
                if (hasCc) p.u64(IpPrint.JSON, "carrier_changes", null, cc);
            }
            p.closeObject();
            p.closeObject();
            return;
        }
        int[] cols = {"*X errors:".length(), "packets".length(), "errors".length(), "dropped".length(),
                "heartbt".length(), "overrun".length(), "compressed".length(), "otherhost".length()};
        boolean human = o.human > 0;
        int base = o.iec > 0 ? 1024 : 1000;
        if (!human) size(cols, s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissedErrors, s.multicast, s.rxCompressed, 0);
        if (o.stats > 1 && !human) size(cols, 0, s.rxLengthErrors, s.rxCrcErrors, s.rxFrameErrors, s.rxFifoErrors,
                s.rxOverErrors, s.rxNohandler, 0);
        if (!human) size(cols, s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrierErrors, s.collisions, s.txCompressed, 0);
        if (o.stats > 1 && !human) size(cols, 0, 0, s.txAbortedErrors, s.txFifoErrors, s.txWindowErrors,
                s.txHeartbeatErrors, hasCc ? cc : 0, 0);
        String sl = p.sl;
        StringBuilder b = new StringBuilder();
        Num num = (sb, w, v) -> printNum(sb, w, v, human, base, o.iec > 0);
        b.append(IpPrint.cformat("    RX: %*s %*s %*s %*s %*s %*s %*s%s".replace("%*s", "%s"),
                pad(cols[0] - 4, "bytes"), pad(cols[1], "packets"), pad(cols[2], "errors"), pad(cols[3], "dropped"),
                pad(cols[4], "missed"), pad(cols[5], "mcast"), pad(cols[6], s.rxCompressed != 0 ? "compressed" : ""), sl));
        b.append("    ");
        num.print(b, cols[0], s.rxBytes);
        num.print(b, cols[1], s.rxPackets);
        num.print(b, cols[2], s.rxErrors);
        num.print(b, cols[3], s.rxDropped);
        num.print(b, cols[4], s.rxMissedErrors);
        num.print(b, cols[5], s.multicast);
        if (s.rxCompressed != 0) num.print(b, cols[6], s.rxCompressed);
        if (o.stats > 1) {
            b.append(sl);
            b.append("    RX errors:").append(pad(cols[0] - 10, "")).append(' ').append(pad(cols[1], "length"))
                    .append(' ').append(pad(cols[2], "crc")).append(' ').append(pad(cols[3], "frame"))
                    .append(' ').append(pad(cols[4], "fifo")).append(' ').append(pad(cols[5], "overrun"))
                    .append(pad(s.rxNohandler != 0 ? cols[6] + 1 : 0, s.rxNohandler != 0 ? " nohandler" : ""))
                    .append(sl);
            b.append(pad(cols[0] + 5, ""));
            num.print(b, cols[1], s.rxLengthErrors);
            num.print(b, cols[2], s.rxCrcErrors);
            num.print(b, cols[3], s.rxFrameErrors);
            num.print(b, cols[4], s.rxFifoErrors);
            num.print(b, cols[5], s.rxOverErrors);
            if (s.rxNohandler != 0) num.print(b, cols[6], s.rxNohandler);
        }
        b.append(sl);
        b.append("    TX: ").append(pad(cols[0] - 4, "bytes")).append(' ').append(pad(cols[1], "packets"))
                .append(' ').append(pad(cols[2], "errors")).append(' ').append(pad(cols[3], "dropped"))
                .append(' ').append(pad(cols[4], "carrier")).append(' ').append(pad(cols[5], "collsns"))
                .append(' ').append(pad(cols[6], s.txCompressed != 0 ? "compressed" : "")).append(sl);
        b.append("    ");
        num.print(b, cols[0], s.txBytes);
        num.print(b, cols[1], s.txPackets);
        num.print(b, cols[2], s.txErrors);
        num.print(b, cols[3], s.txDropped);
        num.print(b, cols[4], s.txCarrierErrors);
        num.print(b, cols[5], s.collisions);
        if (s.txCompressed != 0) num.print(b, cols[6], s.txCompressed);
        if (o.stats > 1) {
            b.append(sl);
            b.append("    TX errors:").append(pad(cols[0] - 10, "")).append(' ').append(pad(cols[1], "aborted"))
                    .append(' ').append(pad(cols[2], "fifo")).append(' ').append(pad(cols[3], "window"))
                    .append(' ').append(pad(cols[4], "heartbt")).append(' ')
                    .append(pad(cols[5], hasCc ? "transns" : "")).append(sl);
            b.append(pad(cols[0] + 5, ""));
            num.print(b, cols[1], s.txAbortedErrors);
            num.print(b, cols[2], s.txFifoErrors);
            num.print(b, cols[3], s.txWindowErrors);
            num.print(b, cols[4], s.txHeartbeatErrors);
            if (hasCc) num.print(b, cols[5], cc);
        }
        p.fp(b.toString());
    }

    private static void size(int[] cols, long... vals) {
        for (int i = 0; i < vals.length && i < cols.length; i++) {
            int len = Long.toUnsignedString(vals[i]).length();
            if (len > cols[i]) cols[i] = len;
        }
    }

    /** "%*s": right-aligned in {@code w} (a negative width left-aligns, as printf does). */
    private static String pad(int w, String s) {
        if (w < 0) {
            w = -w;
            return s.length() >= w ? s : s + " ".repeat(w - s.length());
        }
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private interface Num {
        void print(StringBuilder b, int w, long v);
    }

    /** print_num(): "%*llu ", or with -h a value scaled by 1000 (1024 with -iec) like "1.23k". */
    static void printNum(StringBuilder b, int w, long count, boolean human, int base, boolean iec) {
        if (!human || Long.compareUnsigned(count, base) < 0) {
            b.append(pad(w, Long.toUnsignedString(count))).append(' ');
            return;
        }
        String prefix = "kMGTPE";
        int pi = 0;
        long powi = 1;
        while (true) {
            powi *= base;
            if (Long.divideUnsigned(count, base) < powi) break;
            if (pi + 1 >= prefix.length()) break;
            pi++;
        }
        int precision = 2;
        long powj = 1;
        for (; precision > 0; precision--) {
            powj *= 10;
            if (Long.divideUnsigned(count, powi) < powj) break;
        }
        String v = String.format("%." + precision + "f%c%s", (double) count / powi, prefix.charAt(pi), iec ? "i" : "");
        b.append(pad(w, v)).append(' ');
    }
}
