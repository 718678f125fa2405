package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

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

    /**
     * A namespace's sysctl state with no field in {@link Ipv4Net}: the text written to
     * {@link #PLAIN} entries (null, and null slots, mean the default: nothing is kept per
     * namespace until a write) and net.ipv6.conf.{all,default}, which devices registered later
     * start from.
     */
    static final class NetState {
        final Ipv4Net net;
        String[] text;
        /** disable_ipv6 and forwarding of net.ipv6.conf.all and net.ipv6.conf.default. */
        final int[] all6 = {0, 0}, dflt6 = {0, 0};

        NetState(Ipv4Net net) { this.net = net; }
    }

    /** net.core.* and net.ipv4.* below "net/" (ipv4_net_table and friends), shared by every namespace. */
    private static final Sysctl.Table<NetState> NET = netTable();

    private static Sysctl.Table<NetState> netTable() {
        Sysctl.Table<NetState> t = new Sysctl.Table<>();
        for (int i = 0; i < PLAIN.length; i++) {
            int eq = PLAIN[i].indexOf('=');
            plain(t, i, PLAIN[i].substring(0, eq), PLAIN[i].substring(eq + 1).replace("\\t", "\t"));
        }
        // Entries the model acts on replace their plain twin (same name, same place in listings).
        t.add("ipv4/ip_forward", s -> Integer.toString(s.net.ipForward()), (s, v) -> forwardChange(s.net, parse(v)));
        bind(t, "ipv4/ip_default_ttl", n -> n.ipDefaultTtl, (n, v) -> n.ipDefaultTtl = v, 1, 255);
        bind(t, "ipv4/icmp_echo_ignore_all", n -> n.icmpEchoIgnoreAll, (n, v) -> n.icmpEchoIgnoreAll = v, 0, 1);
        bind(t, "ipv4/icmp_echo_ignore_broadcasts", n -> n.icmpEchoIgnoreBroadcasts,
                (n, v) -> n.icmpEchoIgnoreBroadcasts = v, 0, 1);
        bind(t, "ipv4/icmp_ignore_bogus_error_responses", n -> n.icmpIgnoreBogusErrorResponses,
                (n, v) -> n.icmpIgnoreBogusErrorResponses = v, 0, 1);
        bind(t, "ipv4/icmp_errors_use_inbound_ifaddr", n -> n.icmpErrorsUseInboundIfaddr,
                (n, v) -> n.icmpErrorsUseInboundIfaddr = v, 0, 1);
        bind(t, "ipv4/icmp_ratelimit", n -> n.icmpRatelimit, (n, v) -> n.icmpRatelimit = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/icmp_ratemask", n -> n.icmpRatemask, (n, v) -> n.icmpRatemask = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(t, "ipv4/icmp_msgs_per_sec", n -> n.icmpMsgsPerSec, (n, v) -> n.icmpMsgsPerSec = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/icmp_msgs_burst", n -> n.icmpMsgsBurst, (n, v) -> n.icmpMsgsBurst = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/ip_nonlocal_bind", n -> n.ipNonlocalBind, (n, v) -> n.ipNonlocalBind = v, 0, 1);
        bind(t, "ipv4/fwmark_reflect", n -> n.fwmarkReflect, (n, v) -> n.fwmarkReflect = v, 0, 1);
        bind(t, "ipv4/ip_no_pmtu_disc", n -> n.ipNoPmtuDisc, (n, v) -> n.ipNoPmtuDisc = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(t, "ipv4/ip_early_demux", n -> n.ipEarlyDemux, (n, v) -> n.ipEarlyDemux = v, 0, 1);
        bind(t, "ipv4/ipfrag_high_thresh", n -> n.ipfragHighThresh, (n, v) -> n.ipfragHighThresh = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/ipfrag_low_thresh", n -> n.ipfragLowThresh, (n, v) -> n.ipfragLowThresh = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/ipfrag_time", n -> n.ipfragTime, (n, v) -> n.ipfragTime = v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        bind(t, "ipv4/ipfrag_max_dist", n -> n.ipfragMaxDist, (n, v) -> n.ipfragMaxDist = v, 0, Integer.MAX_VALUE);
        bind(t, "ipv4/ip_unprivileged_port_start", n -> n.ipUnprivilegedPortStart,
                (n, v) -> n.ipUnprivilegedPortStart = v, 0, 65535);
        t.add("ipv4/ping_group_range", s -> s.net.pingGroupRange[0] + "\t" + s.net.pingGroupRange[1], (s, v) -> {
            int[] r = vector(v, s.net.pingGroupRange);
            s.net.pingGroupRange[0] = r[0];
            s.net.pingGroupRange[1] = r[1];
        });
        t.add("ipv4/ip_local_port_range", s -> s.net.ipLocalPortRange[0] + "\t" + s.net.ipLocalPortRange[1], (s, v) -> {
            Ipv4Net net = s.net;
            int[] r = vector(v, net.ipLocalPortRange);
            if (r[0] < 1 || r[1] > 65535 || r[1] < r[0] || r[0] < net.ipUnprivilegedPortStart) {
                throw new KernelException(Errno.EINVAL);
            }
            net.ipLocalPortRange[0] = r[0];
            net.ipLocalPortRange[1] = r[1];
        });
        t.add("ipv4/tcp_available_congestion_control", s -> "reno bbr cubic", null);
        // Write-only: any write flushes the (long gone) routing cache; reads give nothing.
        t.add("ipv4/route/flush", null, (s, v) -> { });
        return t;
    }

    /**
     * Mounts the namespace's IPv4 sysctls: shared schemas resolved on access, so a namespace or a
     * device costs no entries (the kernel registers a ctl_table copy per namespace and device).
     */
    static void registerNet(NetNamespace ns, Ipv4Net net) {
        NetState st = new NetState(net);
        ns.setSubsys(NetState.class, st);
        ns.sysctl.mount("net/", NET, st);
        Supplier<List<String>> names = () -> confNames(ns);
        ns.sysctl.mountPerName("net/ipv4/conf/", CONF, name -> conf(net, name), names);
        ns.sysctl.mountPerName("net/ipv6/conf/", IPV6, name -> ipv6Dir(st, name), names);
    }

    /** A text entry: numeric defaults accept the same count of integers, text ones any value. */
    private static void plain(Sysctl.Table<NetState> t, int idx, String name, String dflt) {
        boolean numeric = dflt.matches("-?[0-9]+(\t-?[0-9]+)*");
        t.add(name, s -> plainValue(s, idx, dflt), (s, v) -> {
            String val;
            if (numeric) {
                String[] cur = plainValue(s, idx, dflt).split("\t");
                int[] old = new int[cur.length];
                for (int i = 0; i < cur.length; i++) old[i] = Integer.parseInt(cur[i]);
                int[] r = vector(v, old);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.length; i++) b.append(i > 0 ? "\t" : "").append(r[i]);
                val = b.toString();
            } else {
                val = v.trim();
            }
            if (s.text == null) s.text = new String[PLAIN.length];
            s.text[idx] = val;
        });
    }

    private static String plainValue(NetState s, int idx, String dflt) {
        return s.text == null || s.text[idx] == null ? dflt : s.text[idx];
    }

    private static void bind(Sysctl.Table<NetState> t, String name, ToIntFunction<Ipv4Net> get, ObjIntConsumer<Ipv4Net> set,
                             int min, int max) {
        t.add(name, s -> Integer.toString(get.applyAsInt(s.net)), (s, v) -> {
            int n = parse(v);
            if (n < min || n > max) throw new KernelException(Errno.EINVAL);
            set.accept(s.net, n);
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
        net.devconfAll.put(DevConf.FORWARDING, on);
        net.devconfAll.put(DevConf.ACCEPT_REDIRECTS, on == 0 ? 1 : 0);
        net.devconfDflt.put(DevConf.FORWARDING, on);
        for (NetDevice d : net.ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in != null) in.cnf.put(DevConf.FORWARDING, on);
        }
    }

    /** A devconf as its sysctl directory sees it (conf/all and conf/default writes reach further). */
    private record ConfRef(Ipv4Net net, DevConf c) { }

    /** net.ipv4.conf.{all,default,DEV}.* (devinet_sysctl's table): one schema for every directory. */
    private static final Sysctl.Table<ConfRef> CONF = confTable();

    private static Sysctl.Table<ConfRef> confTable() {
        Sysctl.Table<ConfRef> t = new Sysctl.Table<>();
        for (int i = 0; i < DevConf.COUNT; i++) {
            final int idx = i;
            // mc_forwarding is 0444: only a multicast routing daemon (MRT_INIT) changes it
            t.add(DevConf.name(i), r -> Integer.toString(r.c.v[idx]),
                    idx == DevConf.MC_FORWARDING ? null : (r, v) -> confWrite(r.net, r.c, idx, parse(v)));
        }
        return t;
    }

    /** devinet_sysctl_register()'s directories: all, default, and each in_device under the name it registered. */
    private static ConfRef conf(Ipv4Net net, String name) {
        if (name.equals("all")) return new ConfRef(net, net.devconfAll);
        if (name.equals("default")) return new ConfRef(net, net.devconfDflt);
        InDevice in = inDevice(net.ns, name);
        return in == null ? null : new ConfRef(net, in.cnf);
    }

    private static List<String> confNames(NetNamespace ns) {
        List<String> out = devNames(ns);
        out.add("all");
        out.add("default");
        return out;
    }

    /** The in_device whose sysctl directories are named {@code name} ({@link InDevice#sysctlName}), or null. */
    private static InDevice inDevice(NetNamespace ns, String name) {
        InDevice in = InDevice.of(ns.dev(name));
        return in != null && name.equals(in.sysctlName) ? in : null;
    }

    private static List<String> devNames(NetNamespace ns) {
        List<String> out = new ArrayList<>();
        for (NetDevice d : ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in != null && in.sysctlName != null) out.add(in.sysctlName);
        }
        return out;
    }

    /** devinet_conf_proc() / devinet_sysctl_forward(). */
    private static void confWrite(Ipv4Net net, DevConf c, int idx, int value) {
        if (idx == DevConf.FORWARDING) {
            if (c == net.devconfAll) {
                forwardChange(net, value);
                return;
            }
            // devinet_sysctl_forward(): no "explicitly set" mark and no copy from default to devices
            c.put(idx, value);
            return;
        }
        c.set(idx, value);
        if (c == net.devconfDflt) copyDefault(net, idx);
    }

    /** devinet_copy_dflt_conf(): devices that never set the value follow "default". */
    private static void copyDefault(Ipv4Net net, int idx) {
        for (NetDevice d : net.ns.devices()) {
            InDevice in = InDevice.of(d);
            if (in != null && (in.cnf.state & (1L << idx)) == 0) in.cnf.put(idx, net.devconfDflt.v[idx]);
        }
    }

    /**
     * The IPv6 knobs scripts use to keep IPv6 quiet or to route it
     * (net.ipv6.conf.{all,default,DEV}.{disable_ipv6,forwarding}), accepted and remembered; nsnet
     * models no IPv6 behaviour beyond lo's ::1 (see InDevice.hasIpv6Loopback).
     */
    private record Ipv6Dir(NetState st, String name, InDevice in) {
        /** Value {@code i} (0 disable_ipv6, 1 forwarding) of this directory. */
        int get(int i) {
            if (in != null) return i == 0 ? in.disableIpv6 : in.ipv6Forwarding;
            return name.equals("all") ? st.all6[i] : st.dflt6[i];
        }

        void set(int i, String text) {
            int v = parse(text);
            if (in != null) {
                if (i == 0) in.disableIpv6 = v;
                else in.ipv6Forwarding = v;
            } else if (name.equals("all")) {
                // addrconf_disable_ipv6() / addrconf_fixup_forwarding(): "all" also rewrites
                // "default" and every device
                st.all6[i] = v;
                st.dflt6[i] = v;
                for (NetDevice d : st.net.ns.devices()) {
                    if (d.ipPtr instanceof InDevice dev) {
                        if (i == 0) dev.disableIpv6 = v;
                        else dev.ipv6Forwarding = v;
                    }
                }
            } else {
                st.dflt6[i] = v;
            }
        }
    }

    private static final Sysctl.Table<Ipv6Dir> IPV6 = new Sysctl.Table<Ipv6Dir>()
            .add("disable_ipv6", d -> Integer.toString(d.get(0)), (d, v) -> d.set(0, v))
            .add("forwarding", d -> Integer.toString(d.get(1)), (d, v) -> d.set(1, v));

    /** net/ipv6/conf/NAME: all, default, or a device's (null when there is no such directory). */
    private static Ipv6Dir ipv6Dir(NetState st, String name) {
        if (name.equals("all") || name.equals("default")) return new Ipv6Dir(st, name, null);
        InDevice in = inDevice(st.net.ns, name);
        return in == null ? null : new Ipv6Dir(st, name, in);
    }

    /** A new device starts from net.ipv6.conf.default. */
    static void initDevIpv6(NetNamespace ns, InDevice in) {
        NetState st = ns.subsys(NetState.class);
        in.disableIpv6 = st == null ? 0 : st.dflt6[0];
        in.ipv6Forwarding = st == null ? 0 : st.dflt6[1];
    }
}
