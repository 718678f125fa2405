package dev.nsnet.tools.ip;

import dev.nsnet.kernel.bridge.BrDevice;
import dev.nsnet.kernel.bridge.BrPort;
import dev.nsnet.kernel.bridge.BridgeOptions;
import dev.nsnet.kernel.bridge.NetBridge;
import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code type bridge}: ip/iplink_bridge.c (parse_opt, print_opt, help) over the kernel's
 * {@code br_dev_newlink()} / {@code br_changelink()}; the port side ({@code bridge_slave} details)
 * is printed here too, as iplink_bridge_slave.c does for a port of a bridge.
 */
public final class BridgeLinkKind implements LinkKind {
    static final String HELP = "Usage: ... bridge [ fdb_flush ]\n"
            + "\t\t  [ forward_delay FORWARD_DELAY ]\n"
            + "\t\t  [ hello_time HELLO_TIME ]\n"
            + "\t\t  [ max_age MAX_AGE ]\n"
            + "\t\t  [ ageing_time AGEING_TIME ]\n"
            + "\t\t  [ stp_state STP_STATE ]\n"
            + "\t\t  [ priority PRIORITY ]\n"
            + "\t\t  [ group_fwd_mask MASK ]\n"
            + "\t\t  [ group_address ADDRESS ]\n"
            + "\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]\n"
            + "\t\t  [ vlan_filtering VLAN_FILTERING ]\n"
            + "\t\t  [ vlan_protocol VLAN_PROTOCOL ]\n"
            + "\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]\n"
            + "\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]\n"
            + "\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]\n"
            + "\t\t  [ mcast_snooping MULTICAST_SNOOPING ]\n"
            + "\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]\n"
            + "\t\t  [ mcast_router MULTICAST_ROUTER ]\n"
            + "\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]\n"
            + "\t\t  [ mcast_querier MULTICAST_QUERIER ]\n"
            + "\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]\n"
            + "\t\t  [ mcast_hash_max HASH_MAX ]\n"
            + "\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
            + "\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
            + "\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
            + "\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
            + "\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]\n"
            + "\t\t  [ mcast_query_interval QUERY_INTERVAL ]\n"
            + "\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
            + "\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
            + "\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]\n"
            + "\t\t  [ mcast_igmp_version IGMP_VERSION ]\n"
            + "\t\t  [ mcast_mld_version MLD_VERSION ]\n"
            + "\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]\n"
            + "\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]\n"
            + "\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]\n"
            + "\n"
            + "Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n";

    @Override public String kind() { return "bridge"; }

    @Override
    public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args) {
        BridgeOptions opts = parse(args);
        NetDevice dev = BrDevice.alloc(req.name, ctx.emulation().random());
        req.prepare(dev);
        NetBridge br = BrDevice.register(ns, dev, req.index);
        try {
            opts.apply(br);
        } catch (RuntimeException e) {
            Dev.unregister(dev); // br_dev_newlink() unregisters the bridge when br_changelink() fails
            throw e;
        }
        req.configure(dev);
        return dev;
    }

    @Override
    public void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        BridgeOptions opts = parse(args);
        NetBridge br = NetBridge.of(dev);
        if (br == null) throw new KernelException(Errno.EOPNOTSUPP);
        opts.apply(br);
    }

    @Override
    public void printHelp(PrintStream out) { out.print(HELP); }

    private static String next(List<String> a, int i) {
        if (i >= a.size()) throw IpError.exit("Command line is not complete. Try option \"help\"\n");
        return a.get(i);
    }

    /** get_u32/get_u16/get_u8 with base 0. */
    private static long getU(String v, long max, String what) {
        Long x = IpUtil.strtol(v);
        if (v.isEmpty() || x == null || x < 0 || x > max) throw IpError.invarg(what, v);
        return x;
    }

    /** bridge_parse_opt(). */
    static BridgeOptions parse(List<String> args) {
        BridgeOptions o = new BridgeOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (IpUtil.matches(a, "forward_delay")) {
                o.forwardDelay = getU(next(args, ++i), 0xffffffffL, "invalid forward_delay");
            } else if (IpUtil.matches(a, "hello_time")) {
                o.helloTime = getU(next(args, ++i), 0xffffffffL, "invalid hello_time");
            } else if (IpUtil.matches(a, "max_age")) {
                o.maxAge = getU(next(args, ++i), 0xffffffffL, "invalid max_age");
            } else if (IpUtil.matches(a, "ageing_time")) {
                o.ageingTime = getU(next(args, ++i), 0xffffffffL, "invalid ageing_time");
            } else if (IpUtil.matches(a, "stp_state")) {
                o.stpState = getU(next(args, ++i), 0xffffffffL, "invalid stp_state");
            } else if (IpUtil.matches(a, "priority")) {
                o.priority = (int) getU(next(args, ++i), 0xffff, "invalid priority");
            } else if (IpUtil.matches(a, "vlan_filtering")) {
                o.vlanFiltering = (int) getU(next(args, ++i), 0xff, "invalid vlan_filtering");
            } else if (IpUtil.matches(a, "vlan_protocol")) {
                String v = next(args, ++i);
                if (v.equals("802.1Q") || v.equals("802.1q")) o.vlanProtocol = 0x8100;
                else if (v.equals("802.1ad")) o.vlanProtocol = 0x88a8;
                else throw IpError.invarg("invalid vlan_protocol", v);
            } else if (IpUtil.matches(a, "group_fwd_mask")) {
                o.groupFwdMask = (int) getU(next(args, ++i), 0xffff, "invalid group_fwd_mask");
            } else if (IpUtil.matches(a, "group_address")) {
                byte[] b = IpUtil.llAddr(next(args, ++i));
                o.groupAddr = IpUtil.macOf(b);
            } else if (a.equals("no_linklocal_learn")) {
                o.noLinklocalLearn = (int) getU(next(args, ++i), 0xff, "invalid no_linklocal_learn");
            } else if (IpUtil.matches(a, "fdb_flush")) {
                o.fdbFlush = true;
            } else if (IpUtil.matches(a, "vlan_default_pvid")) {
                o.vlanDefaultPvid = (int) getU(next(args, ++i), 0xffff, "invalid vlan_default_pvid");
            } else if (IpUtil.matches(a, "vlan_stats_enabled")) {
                o.vlanStatsEnabled = (int) getU(next(args, ++i), 0xff, "invalid vlan_stats_enabled");
            } else if (IpUtil.matches(a, "vlan_stats_per_port")) {
                o.vlanStatsPerPort = (int) getU(next(args, ++i), 0xff, "invalid vlan_stats_per_port");
            } else if (IpUtil.matches(a, "mcast_router")) {
                o.mcastRouter = (int) getU(next(args, ++i), 0xff, "invalid mcast_router");
            } else if (IpUtil.matches(a, "mcast_snooping")) {
                o.mcastSnooping = (int) getU(next(args, ++i), 0xff, "invalid mcast_snooping");
            } else if (a.equals("mcast_vlan_snooping")) {
                o.mcastVlanSnooping = (int) getU(next(args, ++i), 0xff, "invalid mcast_vlan_snooping");
            } else if (IpUtil.matches(a, "mcast_query_use_ifaddr")) {
                o.mcastQueryUseIfaddr = (int) getU(next(args, ++i), 0xff, "invalid mcast_query_use_ifaddr");
            } else if (IpUtil.matches(a, "mcast_querier")) {
                o.mcastQuerier = (int) getU(next(args, ++i), 0xff, "invalid mcast_querier");
            } else if (IpUtil.matches(a, "mcast_hash_elasticity")) {
                o.mcastHashElasticity = getU(next(args, ++i), 0xffffffffL, "invalid mcast_hash_elasticity");
            } else if (IpUtil.matches(a, "mcast_hash_max")) {
                o.mcastHashMax = getU(next(args, ++i), 0xffffffffL, "invalid mcast_hash_max");
            } else if (IpUtil.matches(a, "mcast_last_member_count")) {
                o.mcastLastMemberCount = getU(next(args, ++i), 0xffffffffL, "invalid mcast_last_member_count");
            } else if (IpUtil.matches(a, "mcast_startup_query_count")) {
                o.mcastStartupQueryCount = getU(next(args, ++i), 0xffffffffL, "invalid mcast_startup_query_count");
            } else if (IpUtil.matches(a, "mcast_last_member_interval")) {
                o.mcastLastMemberIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_last_member_interval");
            } else if (IpUtil.matches(a, "mcast_membership_interval")) {
                o.mcastMembershipIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_membership_interval");
            } else if (IpUtil.matches(a, "mcast_querier_interval")) {
                o.mcastQuerierIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_querier_interval");
            } else if (IpUtil.matches(a, "mcast_query_interval")) {
                o.mcastQueryIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_query_interval");
            } else if (IpUtil.matches(a, "mcast_query_response_interval")) {
                o.mcastQueryResponseIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_query_response_interval");
            } else if (IpUtil.matches(a, "mcast_startup_query_interval")) {
                o.mcastStartupQueryIntvl = getU(next(args, ++i), Long.MAX_VALUE, "invalid mcast_startup_query_interval");
            } else if (IpUtil.matches(a, "mcast_stats_enabled")) {
                o.mcastStatsEnabled = (int) getU(next(args, ++i), 0xff, "invalid mcast_stats_enabled");
            } else if (IpUtil.matches(a, "mcast_igmp_version")) {
                o.mcastIgmpVersion = (int) getU(next(args, ++i), 0xff, "invalid mcast_igmp_version");
            } else if (IpUtil.matches(a, "mcast_mld_version")) {
                o.mcastMldVersion = (int) getU(next(args, ++i), 0xff, "invalid mcast_mld_version");
            } else if (IpUtil.matches(a, "nf_call_iptables")) {
                o.nfCallIptables = (int) getU(next(args, ++i), 0xff, "invalid nf_call_iptables");
            } else if (IpUtil.matches(a, "nf_call_ip6tables")) {
                o.nfCallIp6tables = (int) getU(next(args, ++i), 0xff, "invalid nf_call_ip6tables");
            } else if (IpUtil.matches(a, "nf_call_arptables")) {
                o.nfCallArptables = (int) getU(next(args, ++i), 0xff, "invalid nf_call_arptables");
            } else if (IpUtil.matches(a, "help")) {
                throw new IpError(HELP, 1);
            } else {
                throw new IpError("bridge: unknown command \"" + a + "\"?\n" + HELP, 1);
            }
        }
        return o;
    }

    /** br_dump_bridge_id(): "8000.2:0:0:0:0:b" (ether_ntoa without leading zeros). */
    static String bridgeId(int prio, long mac) {
        StringBuilder sb = new StringBuilder(String.format("%04x.", prio & 0xffff));
        for (int i = 0; i < 6; i++) {
            if (i > 0) sb.append(':');
            sb.append(Integer.toHexString((int) (mac >>> (40 - 8 * i)) & 0xff));
        }
        return sb.toString();
    }

    /** _bridge_print_timer(): "NAME %4i.%.2i " in text, a bare number in JSON. */
    static void timer(IpPrint p, String name, long remainingNs) {
        long cs = Math.max(0, remainingNs) / 10_000_000L;
        String v = (cs / 100) + "." + String.format("%02d", cs % 100);
        if (p.isJson()) p.jsonRaw(name, v);
        else p.fp(name + " " + String.format("%4d.%02d", cs / 100, cs % 100) + " ");
    }

    /** print_0xhex() with "%#llx": C prints 0 without the 0x prefix. */
    static void hex0x(IpPrint p, String key, String label, long v) {
        if (p.isJson()) p.hex0x(IpPrint.JSON, key, null, v);
        else p.fp(label + " " + (v == 0 ? "0" : "0x" + Long.toHexString(v)) + " ");
    }

    /** bridge_print_opt(). */
    @Override
    public void printDetails(IpPrint p, IpOptions o, NetDevice dev) {
        NetBridge br = NetBridge.of(dev);
        if (br == null) return;
        p.uint(IpPrint.ANY, "forward_delay", "forward_delay %u ", br.forwardDelay);
        p.uint(IpPrint.ANY, "hello_time", "hello_time %u ", br.helloTime);
        p.uint(IpPrint.ANY, "max_age", "max_age %u ", br.maxAge);
        p.uint(IpPrint.ANY, "ageing_time", "ageing_time %u ", br.ageingTime);
        p.uint(IpPrint.ANY, "stp_state", "stp_state %u ", br.stpEnabled);
        p.uint(IpPrint.ANY, "priority", "priority %u ", br.priority);
        p.uint(IpPrint.ANY, "vlan_filtering", "vlan_filtering %u ", br.vlanFiltering);
        String id = bridgeId(br.priority, br.bridgeIdMac);
        p.string(IpPrint.ANY, "bridge_id", "bridge_id %s ", id);
        p.string(IpPrint.ANY, "root_id", "designated_root %s ", id);
        p.uint(IpPrint.ANY, "root_port", "root_port %u ", 0);
        p.uint(IpPrint.ANY, "root_path_cost", "root_path_cost %u ", 0);
        p.uint(IpPrint.ANY, "topology_change", "topology_change %u ", br.topologyChange);
        p.uint(IpPrint.ANY, "topology_change_detected", "topology_change_detected %u ", br.topologyChangeDetected);
        timer(p, "hello_timer", br.helloRemainingNs());
        timer(p, "tcn_timer", 0);
        timer(p, "topology_change_timer", br.topologyChangeRemainingNs());
        timer(p, "gc_timer", br.gcRemainingNs());
        hex0x(p, "group_fwd_mask", "group_fwd_mask", br.groupFwdMask);
        p.string(IpPrint.ANY, "group_addr", "group_address %s ", Mac.format(br.groupAddr));
        p.uint(IpPrint.ANY, "mcast_snooping", "mcast_snooping %u ", br.mcastSnooping);
        p.uint(IpPrint.ANY, "no_linklocal_learn", "no_linklocal_learn %u ", br.noLinklocalLearn);
        p.uint(IpPrint.ANY, "mcast_vlan_snooping", "mcast_vlan_snooping %u ", 0);
        p.uint(IpPrint.ANY, "mcast_router", "mcast_router %u ", br.mcastRouter);
        p.uint(IpPrint.ANY, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr %u ", br.mcastQueryUseIfaddr);
        p.uint(IpPrint.ANY, "mcast_querier", "mcast_querier %u ", br.mcastQuerier);
        p.uint(IpPrint.ANY, "mcast_hash_elasticity", "mcast_hash_elasticity %u ", 16);
        p.uint(IpPrint.ANY, "mcast_hash_max", "mcast_hash_max %u ", br.mcastHashMax);
        p.uint(IpPrint.ANY, "mcast_last_member_cnt", "mcast_last_member_count %u ", br.mcastLastMemberCount);
        p.uint(IpPrint.ANY, "mcast_startup_query_cnt", "mcast_startup_query_count %u ", br.mcastStartupQueryCount);
        p.uint(IpPrint.ANY, "mcast_last_member_intvl", "mcast_last_member_interval %llu ", br.mcastLastMemberIntvl);
        p.uint(IpPrint.ANY, "mcast_membership_intvl", "mcast_membership_interval %llu ", br.mcastMembershipIntvl);
        p.uint(IpPrint.ANY, "mcast_querier_intvl", "mcast_querier_interval %llu ", br.mcastQuerierIntvl);
        p.uint(IpPrint.ANY, "mcast_query_intvl", "mcast_query_interval %llu ", br.mcastQueryIntvl);
        p.uint(IpPrint.ANY, "mcast_query_response_intvl", "mcast_query_response_interval %llu ", br.mcastQueryResponseIntvl);
        p.uint(IpPrint.ANY, "mcast_startup_query_intvl", "mcast_startup_query_interval %llu ", br.mcastStartupQueryIntvl);
        p.uint(IpPrint.ANY, "mcast_stats_enabled", "mcast_stats_enabled %u ", br.mcastStatsEnabled);
        p.uint(IpPrint.ANY, "mcast_igmp_version", "mcast_igmp_version %u ", br.mcastIgmpVersion);
        p.uint(IpPrint.ANY, "mcast_mld_version", "mcast_mld_version %u ", br.mcastMldVersion);
        p.uint(IpPrint.ANY, "nf_call_iptables", "nf_call_iptables %u ", br.nfCallIptables);
        p.uint(IpPrint.ANY, "nf_call_ip6tables", "nf_call_ip6tables %u ", br.nfCallIp6tables);
        p.uint(IpPrint.ANY, "nf_call_arptables", "nf_call_arptables %u ", br.nfCallArptables);
    }

    @Override public String slaveKind() { return "bridge_slave"; }

    /** bridge_slave_print_opt() for a port of a bridge. */
    @Override
    public void printSlaveDetails(IpPrint p, IpOptions o, NetDevice port) {
        BrPort bp = BrPort.of(port);
        if (bp == null) return;
        NetBridge br = bp.br;
        p.string(IpPrint.ANY, "state", "state %s ", BrPort.stateName(bp.state));
        p.integer(IpPrint.ANY, "priority", "priority %d ", bp.priority);
        p.integer(IpPrint.ANY, "cost", "cost %d ", bp.pathCost);
        p.onOff(IpPrint.ANY, "hairpin", "hairpin %s ", bp.hairpin);
        p.onOff(IpPrint.ANY, "guard", "guard %s ", bp.guard);
        p.onOff(IpPrint.ANY, "root_block", "root_block %s ", bp.rootBlock);
        p.onOff(IpPrint.ANY, "fastleave", "fastleave %s ", bp.fastLeave);
        p.onOff(IpPrint.ANY, "learning", "learning %s ", bp.learning);
        p.onOff(IpPrint.ANY, "flood", "flood %s ", bp.flood);
        hex0x(p, "id", "port_id", bp.portId());
        hex0x(p, "no", "port_no", bp.portNo);
        p.uint(IpPrint.ANY, "designated_port", "designated_port %u ", bp.portId());
        p.uint(IpPrint.ANY, "designated_cost", "designated_cost %u ", 0);
        String id = bridgeId(br.priority, br.bridgeIdMac);
        p.string(IpPrint.ANY, "bridge_id", "designated_bridge %s ", id);
        p.string(IpPrint.ANY, "root_id", "designated_root %s ", id);
        timer(p, "hold_timer", bp.holdRemainingNs());
        timer(p, "message_age_timer", 0);
        timer(p, "forward_delay_timer", bp.forwardDelayRemainingNs());
        p.uint(IpPrint.ANY, "topology_change_ack", "topology_change_ack %u ", bp.topologyChangeAck ? 1 : 0);
        p.uint(IpPrint.ANY, "config_pending", "config_pending %u ", bp.configPending ? 1 : 0);
        p.onOff(IpPrint.ANY, "proxy_arp", "proxy_arp %s ", bp.proxyArp);
        p.onOff(IpPrint.ANY, "proxy_arp_wifi", "proxy_arp_wifi %s ", bp.proxyArpWifi);
        p.uint(IpPrint.ANY, "multicast_router", "mcast_router %u ", bp.mcastRouter);
        p.string(IpPrint.FP, null, "mcast_fast_leave %s ", bp.fastLeave ? "on" : "off");
        p.onOff(IpPrint.ANY, "mcast_flood", "mcast_flood %s ", bp.mcastFlood);
        p.onOff(IpPrint.ANY, "bcast_flood", "bcast_flood %s ", bp.bcastFlood);
        p.onOff(IpPrint.ANY, "mcast_to_unicast", "mcast_to_unicast %s ", bp.mcastToUcast);
        p.onOff(IpPrint.ANY, "neigh_suppress", "neigh_suppress %s ", bp.neighSuppress);
        hex0x(p, "group_fwd_mask", "group_fwd_mask", bp.groupFwdMask);
        p.string(IpPrint.ANY, "group_fwd_mask_str", "group_fwd_mask_str %s ", "0x0");
        p.onOff(IpPrint.ANY, "vlan_tunnel", "vlan_tunnel %s ", bp.vlanTunnel);
        p.onOff(IpPrint.ANY, "isolated", "isolated %s ", bp.isolated);
        p.onOff(IpPrint.ANY, "locked", "locked %s ", bp.locked);
    }
}
