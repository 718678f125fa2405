package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * The per-namespace sysctls of IPv4 (net/ipv4/sysctl_net_ipv4.c ipv4_net_table, devinet.c's
 * devinet_sysctl) and the per-namespace net.core entries (net/core/sysctl_net_core.c), with the
 * defaults a fresh namespace shows on the reference host (kernel 6.18, recorded with
 * {@code ip netns exec x sysctl -a}). Values the model consults are bound to {@link Ipv4Net}
 * fields; the rest are kept as validated text.
 */
final class Ipv4Sysctl {
    private Ipv4Sysctl() { }

    /** "path=default" of entries without behaviour in the model (tabs separate vector values). */
    private static final String[] PLAIN = {
        "core/optmem_max=131072",
        "core/rmem_default=212992",
        "core/rmem_max=4194304",
        "core/rps_default_mask=0",
        "core/somaxconn=4096",
        "core/tstamp_allow_data=1",
        "core/txrehash=1",
        "core/wmem_default=212992",
        "core/wmem_max=4194304",
        "core/xfrm_acq_expires=30",
        "core/xfrm_aevent_etime=10",
        "core/xfrm_aevent_rseqth=2",
        "core/xfrm_larval_drop=1",
        "ipv4/fib_multipath_hash_fields=7",
        "ipv4/fib_multipath_hash_policy=0",
        "ipv4/fib_multipath_hash_seed=0",
        "ipv4/fib_multipath_use_neigh=0",
        "ipv4/fib_notify_on_flag_change=0",
        "ipv4/fwmark_reflect=0",
        "ipv4/icmp_echo_enable_probe=0",
        "ipv4/icmp_echo_ignore_all=0",
        "ipv4/icmp_echo_ignore_broadcasts=1",
        "ipv4/icmp_errors_use_inbound_ifaddr=0",
        "ipv4/icmp_ignore_bogus_error_responses=1",
        "ipv4/icmp_msgs_burst=50",
        "ipv4/icmp_msgs_per_sec=1000",
        "ipv4/icmp_ratelimit=1000",
        "ipv4/icmp_ratemask=6168",
        "ipv4/igmp_link_local_mcast_reports=1",
        "ipv4/igmp_max_memberships=20",
        "ipv4/igmp_max_msf=10",
        "ipv4/igmp_qrv=2",
        "ipv4/ip_autobind_reuse=0",
        "ipv4/ip_default_ttl=64",
        "ipv4/ip_dynaddr=0",
        "ipv4/ip_early_demux=1",
        "ipv4/ip_forward=0",
        "ipv4/ip_forward_update_priority=1",
        "ipv4/ip_forward_use_pmtu=0",
        "ipv4/ip_local_port_range=32768\t60999",
        "ipv4/ip_local_reserved_ports=",
        "ipv4/ip_no_pmtu_disc=0",
        "ipv4/ip_nonlocal_bind=0",
        "ipv4/ip_unprivileged_port_start=1024",
        "ipv4/ipfrag_high_thresh=4194304",
        "ipv4/ipfrag_low_thresh=3145728",
        "ipv4/ipfrag_max_dist=64",
        "ipv4/ipfrag_time=30",
        "ipv4/nexthop_compat_mode=1",
        "ipv4/ping_group_range=1\t0",
        "ipv4/raw_l3mdev_accept=1",
        "ipv4/route/min_adv_mss=256",
        "ipv4/route/min_pmtu=552",
        "ipv4/route/mtu_expires=600",
        "ipv4/tcp_abort_on_overflow=0",
        "ipv4/tcp_adv_win_scale=1",
        "ipv4/tcp_allowed_congestion_control=reno bbr",
        "ipv4/tcp_app_win=31",
        "ipv4/tcp_autocorking=1",
        "ipv4/tcp_available_congestion_control=reno bbr cubic",
        "ipv4/tcp_backlog_ack_defer=1",
        "ipv4/tcp_base_mss=1024",
        "ipv4/tcp_challenge_ack_limit=2147483647",
        "ipv4/tcp_child_ehash_entries=0",
        "ipv4/tcp_comp_sack_delay_ns=1000000",
        "ipv4/tcp_comp_sack_nr=44",
        "ipv4/tcp_comp_sack_slack_ns=100000",
        "ipv4/tcp_congestion_control=bbr",
        "ipv4/tcp_dsack=1",
        "ipv4/tcp_early_demux=1",
        "ipv4/tcp_early_retrans=3",
        "ipv4/tcp_ecn=2",
        "ipv4/tcp_ecn_fallback=1",
        "ipv4/tcp_ecn_option=2",
        "ipv4/tcp_ecn_option_beacon=3",
        "ipv4/tcp_ehash_entries=-262144",
        "ipv4/tcp_fack=0",
        "ipv4/tcp_fastopen=1",
        "ipv4/tcp_fastopen_blackhole_timeout_sec=0",
        "ipv4/tcp_fastopen_key=00000000-00000000-00000000-00000000",
        "ipv4/tcp_fin_timeout=60",
        "ipv4/tcp_frto=2",
        "ipv4/tcp_fwmark_accept=0",
        "ipv4/tcp_invalid_ratelimit=500",
        "ipv4/tcp_keepalive_intvl=75",
        "ipv4/tcp_keepalive_probes=9",
        "ipv4/tcp_keepalive_time=7200",
        "ipv4/tcp_l3mdev_accept=0",
        "ipv4/tcp_limit_output_bytes=4194304",
        "ipv4/tcp_max_reordering=300",
        "ipv4/tcp_max_syn_backlog=2048",
        "ipv4/tcp_max_tw_buckets=131072",
        "ipv4/tcp_migrate_req=0",
        "ipv4/tcp_min_rtt_wlen=300",
        "ipv4/tcp_min_snd_mss=48",
        "ipv4/tcp_min_tso_segs=2",
        "ipv4/tcp_moderate_rcvbuf=1",
        "ipv4/tcp_mtu_probe_floor=48",
        "ipv4/tcp_mtu_probing=0",
        "ipv4/tcp_no_metrics_save=0",
        "ipv4/tcp_no_ssthresh_metrics_save=1",
        "ipv4/tcp_notsent_lowat=4294967295",
        "ipv4/tcp_orphan_retries=0",
        "ipv4/tcp_pacing_ca_ratio=120",
        "ipv4/tcp_pacing_ss_ratio=200",
        "ipv4/tcp_pingpong_thresh=1",
        "ipv4/tcp_plb_cong_thresh=128",
        "ipv4/tcp_plb_enabled=0",
        "ipv4/tcp_plb_idle_rehash_rounds=3",
        "ipv4/tcp_plb_rehash_rounds=12",
        "ipv4/tcp_plb_suspend_rto_sec=60",
        "ipv4/tcp_probe_interval=600",
        "ipv4/tcp_probe_threshold=8",
        "ipv4/tcp_recovery=1",
        "ipv4/tcp_reflect_tos=0",
        "ipv4/tcp_reordering=3",
        "ipv4/tcp_retrans_collapse=1",
        "ipv4/tcp_retries1=3",
        "ipv4/tcp_retries2=15",
        "ipv4/tcp_rfc1337=0",
        "ipv4/tcp_rmem=4096\t131072\t33554432",
        "ipv4/tcp_rto_max_ms=120000",
        "ipv4/tcp_rto_min_us=200000",
        "ipv4/tcp_sack=1",
        "ipv4/tcp_shrink_window=0",
        "ipv4/tcp_slow_start_after_idle=1",
        "ipv4/tcp_stdurg=0",
        "ipv4/tcp_syn_linear_timeouts=4",
        "ipv4/tcp_syn_retries=6",
        "ipv4/tcp_synack_retries=5",
        "ipv4/tcp_syncookies=1",
        "ipv4/tcp_thin_linear_timeouts=0",
        "ipv4/tcp_timestamps=1",
        "ipv4/tcp_tso_rtt_log=9",
        "ipv4/tcp_tso_win_divisor=3",
        "ipv4/tcp_tw_reuse=2",
        "ipv4/tcp_tw_reuse_delay=1000",
        "ipv4/tcp_window_scaling=1",
        "ipv4/tcp_wmem=4096\t16384\t4194304",
        "ipv4/tcp_workaround_signed_windows=0",
        "ipv4/udp_child_hash_entries=0",
        "ipv4/udp_early_demux=1",
        "ipv4/udp_hash_entries=-16384",
        "ipv4/udp_l3mdev_accept=0",
        "ipv4/udp_rmem_min=4096",
        "ipv4/udp_wmem_min=4096",
        "ipv4/xfrm4_gc_thresh=32768",
    };

    static void registerNet(NetNamespace ns, Ipv4Net net) {
        Sysctl s = ns.sysctl;
        for (String e : PLAIN) {
            int eq = e.indexOf('=');
            plain(s, "net/" + e.substring(0, eq), e.substring(eq + 1).replace("\\t", "\t"));
        }
        s.register("net/ipv4/ip_forward", () -> Integer.toString(net.ipForward()), v -> forwardChange(net, parse(v)));
        bind(s, "net/ipv4/ip_default_ttl", () -> net.ipDefaultTtl, v -> net.ipDefaultTtl = v, 1, 255);
        bind(s, "net/ipv4/icmp_echo_ignore_all", () -> net.icmpEchoIgnoreAll, v -> net.icmpEchoIgnoreAll = v, 0, 1);
        bind(s, "net/ipv4/icmp_echo_ignore_broadcasts", () -> net.icmpEchoIgnoreBroadcasts,
                v -> net.icmpEchoIgnoreBroadcasts = v, 0, 1);
        bind(s, "net/ipv4/icmp_ignore_bogus_error_responses", () -> net.icmpIgnoreBogusErrorResponses,
                v -> net.icmpIgnoreBogusErrorResponses = v, 0, 1);
        bind(s, "net/ipv4/icmp_errors_use_inbound_ifaddr", () -> net.icmpErrorsUseInboundIfaddr,
                v -> net.icmpErrorsUseInboundIfaddr = v, 0, 1);
        bind(s, "net/ipv4/icmp_ratelimit", () -> net.icmpRatelimit, v -> net.icmpRatelimit = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/icmp_ratemask", () -> net.icmpRatemask, v -> net.icmpRatemask = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(s, "net/ipv4/icmp_msgs_per_sec", () -> net.icmpMsgsPerSec, v -> net.icmpMsgsPerSec = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/icmp_msgs_burst", () -> net.icmpMsgsBurst, v -> net.icmpMsgsBurst = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ip_nonlocal_bind", () -> net.ipNonlocalBind, v -> net.ipNonlocalBind = v, 0, 1);
        bind(s, "net/ipv4/fwmark_reflect", () -> net.fwmarkReflect, v -> net.fwmarkReflect = v, 0, 1);
        bind(s, "net/ipv4/ip_no_pmtu_disc", () -> net.ipNoPmtuDisc, v -> net.ipNoPmtuDisc = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ip_early_demux", () -> net.ipEarlyDemux, v -> net.ipEarlyDemux = v, 0, 1);
        bind(s, "net/ipv4/ipfrag_high_thresh", () -> net.ipfragHighThresh, v -> net.ipfragHighThresh = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ipfrag_low_thresh", () -> net.ipfragLowThresh, v -> net.ipfragLowThresh = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ipfrag_time", () -> net.ipfragTime, v -> net.ipfragTime = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ipfrag_max_dist", () -> net.ipfragMaxDist, v -> net.ipfragMaxDist = v, 0, Integer.MAX_VALUE);
        bind(s, "net/ipv4/ip_unprivileged_port_start", () -> net.ipUnprivilegedPortStart,
                v -> net.ipUnprivilegedPortStart = v, 0, 65535);
        s.register("net/ipv4/ping_group_range", () -> net.pingGroupRange[0] + "\t" + net.pingGroupRange[1], v -> {
            int[] r = vector(v, net.pingGroupRange);
            net.pingGroupRange[0] = r[0];
            net.pingGroupRange[1] = r[1];
        });
        s.register("net/ipv4/ip_local_port_range", () -> net.ipLocalPortRange[0] + "\t" + net.ipLocalPortRange[1], v -> {
            int[] r = vector(v, net.ipLocalPortRange);
            if (r[0] < 1 || r[1] > 65535 || r[1] < r[0] || r[0] < net.ipUnprivilegedPortStart) {
                throw new KernelException(Errno.EINVAL);
            }
            net.ipLocalPortRange[0] = r[0];
            net.ipLocalPortRange[1] = r[1];
        });
        s.register("net/ipv4/tcp_available_congestion_control", () -> "reno bbr cubic", null);
        // Write-only: any write flushes the (long gone) routing cache; reads give nothing.
        s.register("net/ipv4/route/flush", null, v -> { });
        registerConf(ns, net, "all", net.devconfAll, null);
        registerConf(ns, net, "default", net.devconfDflt, null);
        ipv6Stub(ns);
    }

    /** A text entry: numeric defaults accept the same count of integers, text ones any value. */
    private static void plain(Sysctl s, String path, String dflt) {
        String[] val = {dflt};
        boolean numeric = dflt.matches("-?[0-9]+(\t-?[0-9]+)*");
        s.register(path, () -> val[0], v -> {
            if (numeric) {
                String[] cur = val[0].split("\t");
                int[] old = new int[cur.length];
                for (int i = 0; i < cur.length; i++) old[i] = Integer.parseInt(cur[i]);
                int[] r = vector(v, old);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.length; i++) b.append(i > 0 ? "\t" : "").append(r[i]);
                val[0] = b.toString();
            } else {
                val[0] = v.trim();
            }
        });
    }

    private static void bind(Sysctl s, String path, IntSupplier get, IntConsumer set, int min, int max) {
        s.register(path, () -> Integer.toString(get.getAsInt()), v -> {
            int n = parse(v);
            if (n < min || n > max) throw new KernelException(Errno.EINVAL);
            set.accept(n);
        });
    }

    /** proc_dointvec for one value: blanks around it allowed, anything else EINVAL. */
    static int parse(String v) {
        return vector(v, new int[1])[0];
    }

    /**
     * proc_dointvec over a vector: the leading values given replace those of {@code current}
     * (a shorter write leaves the rest, extra values are ignored); text that is not a number
     * where one is expected is EINVAL.
     */
    static int[] vector(String v, int[] current) {
        String t = v.strip();
        if (t.isEmpty()) throw new KernelException(Errno.EINVAL);
        String[] parts = t.split("[ \t\n]+");
        int[] out = current.clone();
        for (int i = 0; i < Math.min(parts.length, out.length); i++) out[i] = Sysctl.parseInt(parts[i]);
        return out;
    }

    /** inet_forward_change(): net.ipv4.ip_forward / conf.all.forwarding write. */
    static void forwardChange(Ipv4Net net, int on) {
        net.devconfAll.v[DevConf.FORWARDING] = on;
        net.devconfAll.v[DevConf.ACCEPT_REDIRECTS] = on == 0 ? 1 : 0;
        net.devconfDflt.v[DevConf.FORWARDING] = on;
        for (NetDevice d : net.ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in != null) in.cnf.v[DevConf.FORWARDING] = on;
        }
    }

    /** devinet_sysctl_register(): net/ipv4/conf/NAME/*. */
    static void registerConf(NetNamespace ns, Ipv4Net net, String name, DevConf c, InDevice in) {
        String dir = "net/ipv4/conf/" + name + "/";
        for (int i = 0; i < DevConf.COUNT; i++) {
            final int idx = i;
            // mc_forwarding is 0444: only a multicast routing daemon (MRT_INIT) changes it
            ns.sysctl.register(dir + DevConf.name(i), () -> Integer.toString(c.v[idx]),
                    idx == DevConf.MC_FORWARDING ? null : v -> confWrite(net, c, idx, parse(v)));
        }
    }

    static void unregisterConf(NetNamespace ns, String name) {
        ns.sysctl.unregisterPrefix("net/ipv4/conf/" + name + "/");
    }

    /** devinet_conf_proc() / devinet_sysctl_forward(). */
    private static void confWrite(Ipv4Net net, DevConf c, int idx, int value) {
        if (idx == DevConf.FORWARDING) {
            if (c == net.devconfAll) {
                forwardChange(net, value);
                return;
            }
            // devinet_sysctl_forward(): no "explicitly set" mark and no copy from default to devices
            c.v[idx] = value;
            return;
        }
        c.set(idx, value);
        if (c == net.devconfDflt) copyDefault(net, idx);
    }

    /** devinet_copy_dflt_conf(): devices that never set the value follow "default". */
    private static void copyDefault(Ipv4Net net, int idx) {
        for (NetDevice d : net.ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in != null && !in.cnf.state.get(idx)) in.cnf.v[idx] = net.devconfDflt.v[idx];
        }
    }

    /**
     * The IPv6 knobs scripts use to keep IPv6 quiet or to route it
     * (net.ipv6.conf.{all,default,DEV}.{disable_ipv6,forwarding}), accepted and remembered; nsnet
     * models no IPv6 behaviour beyond lo's ::1 (see InDevice.hasIpv6Loopback).
     */
    private static void ipv6Stub(NetNamespace ns) {
        int[] all = {0, 0};   // disable_ipv6, forwarding
        int[] dflt = {0, 0};
        ns.sysctl.register("net/ipv6/conf/all/disable_ipv6", () -> Integer.toString(all[0]), v -> {
            // addrconf_disable_ipv6(): "all" also rewrites "default" and every device
            all[0] = parse(v);
            dflt[0] = all[0];
            for (NetDevice d : ns.devices()) if (d.ipPtr instanceof InDevice in) in.disableIpv6 = all[0];
        });
        ns.sysctl.register("net/ipv6/conf/default/disable_ipv6", () -> Integer.toString(dflt[0]), v -> dflt[0] = parse(v));
        ns.sysctl.register("net/ipv6/conf/all/forwarding", () -> Integer.toString(all[1]), v -> {
            // addrconf_fixup_forwarding(): "all" sets "default" and every device
            all[1] = parse(v);
            dflt[1] = all[1];
            for (NetDevice d : ns.devices()) if (d.ipPtr instanceof InDevice in) in.ipv6Forwarding = all[1];
        });
        ns.sysctl.register("net/ipv6/conf/default/forwarding", () -> Integer.toString(dflt[1]), v -> dflt[1] = parse(v));
        ns.setSubsys(Ipv6Defaults.class, new Ipv6Defaults(dflt));
    }

    /** Holder of the namespace's net.ipv6.conf.default values for devices registered later. */
    record Ipv6Defaults(int[] dflt) { }

    /** A new device starts from net.ipv6.conf.default. */
    static void initDevIpv6(NetNamespace ns, InDevice in) {
        Ipv6Defaults d = ns.subsys(Ipv6Defaults.class);
        in.disableIpv6 = d == null ? 0 : d.dflt()[0];
        in.ipv6Forwarding = d == null ? 0 : d.dflt()[1];
    }

    static void registerDevIpv6(NetNamespace ns, InDevice in) {
        ns.sysctl.register("net/ipv6/conf/" + in.dev.name + "/disable_ipv6", () -> Integer.toString(in.disableIpv6),
                v -> in.disableIpv6 = parse(v));
        ns.sysctl.register("net/ipv6/conf/" + in.dev.name + "/forwarding", () -> Integer.toString(in.ipv6Forwarding),
                v -> in.ipv6Forwarding = parse(v));
    }

    static void unregisterDevIpv6(NetNamespace ns, String name) {
        ns.sysctl.unregisterPrefix("net/ipv6/conf/" + name + "/");
    }
}
