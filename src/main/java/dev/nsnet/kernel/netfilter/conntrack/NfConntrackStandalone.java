package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * nf_conntrack_standalone.c: the per-namespace state and its /proc/sys/net/netfilter entries.
 * The recording host has nf_conntrack loaded, so every namespace has them from its creation. In a
 * namespace other than the initial one (every namespace of a scenario: the world itself is a fresh
 * netns) nf_conntrack_max, nf_conntrack_buckets and nf_conntrack_expect_max are read-only, and
 * net.nf_conntrack_max (init_net only) does not exist.
 */
public final class NfConntrackStandalone {
    private NfConntrackStandalone() { }

    private static boolean registered;

    public static synchronized void init() {
        if (registered) return;
        registered = true;
        KernelInit.registerPernet(new KernelInit.PernetOps() {
            @Override
            public void init(NetNamespace ns) {
                NfConntrackNet net = new NfConntrackNet(ns);
                ns.setSubsys(NfConntrackNet.class, net);
                sysctls(ns, net);
            }

            @Override
            public void exit(NetNamespace ns) {
                NfConntrackNet net = NfConntrackNet.of(ns);
                if (net != null) net.clear();
            }
        });
    }

    private static final String P = "net/netfilter/";

    /** The netfilter ctl_table schema, shared by every namespace (mounted, not copied). */
    private static final Sysctl.Table<NfConntrackNet> TABLE = table();

    private static void sysctls(NetNamespace ns, NfConntrackNet n) { ns.sysctl.mount(P, TABLE, n); }

    private static Sysctl.Table<NfConntrackNet> table() {
        Sysctl.Table<NfConntrackNet> t = new Sysctl.Table<>();
        rw(t, "nf_conntrack_acct", n -> n.acct, (n, v) -> n.acct = v, 0, 1);
        ro(t, "nf_conntrack_buckets", n -> NfConntrackNet.DEFAULT_MAX);
        rw(t, "nf_conntrack_checksum", n -> n.checksum, (n, v) -> n.checksum = v, 0, 1);
        ro(t, "nf_conntrack_count", NfConntrackNet::count);
        rw(t, "nf_conntrack_events", n -> n.events, (n, v) -> n.events = v, 0, 2);
        ro(t, "nf_conntrack_expect_max", n -> 4096);
        rw(t, "nf_conntrack_frag6_high_thresh", n -> n.other[0], (n, v) -> n.other[0] = v, 0, Integer.MAX_VALUE);
        rw(t, "nf_conntrack_frag6_low_thresh", n -> n.other[1], (n, v) -> n.other[1] = v, 0, Integer.MAX_VALUE);
        timeout(t, "nf_conntrack_frag6_timeout", n -> n.other[2], (n, v) -> n.other[2] = v);
        timeout(t, "nf_conntrack_generic_timeout", n -> n.genericTimeout, (n, v) -> n.genericTimeout = v);
        String[] otherNames = {"gre_timeout", "gre_timeout_stream", "icmpv6_timeout", "sctp_timeout_closed",
                "sctp_timeout_cookie_echoed", "sctp_timeout_cookie_wait", "sctp_timeout_established",
                "sctp_timeout_heartbeat_sent", "sctp_timeout_shutdown_ack_sent", "sctp_timeout_shutdown_recd",
                "sctp_timeout_shutdown_sent"};
        for (int i = 0; i < otherNames.length; i++) {
            int k = i + 3;
            String name = "nf_conntrack_" + otherNames[i];
            if (name.equals("nf_conntrack_icmpv6_timeout")) {
                timeout(t, "nf_conntrack_icmp_timeout", n -> n.icmpTimeout, (n, v) -> n.icmpTimeout = v);
            }
            timeout(t, name, n -> n.other[k], (n, v) -> n.other[k] = v);
        }
        rw(t, "nf_conntrack_log_invalid", n -> n.logInvalid, (n, v) -> n.logInvalid = v, 0, 255);
        ro(t, "nf_conntrack_max", n -> n.max);
        rw(t, "nf_conntrack_tcp_be_liberal", n -> n.tcpBeLiberal, (n, v) -> n.tcpBeLiberal = v, 0, 1);
        rw(t, "nf_conntrack_tcp_ignore_invalid_rst", n -> n.tcpIgnoreInvalidRst, (n, v) -> n.tcpIgnoreInvalidRst = v, 0, 1);
        rw(t, "nf_conntrack_tcp_loose", n -> n.tcpLoose, (n, v) -> n.tcpLoose = v, 0, 1);
        rw(t, "nf_conntrack_tcp_max_retrans", n -> n.tcpMaxRetrans, (n, v) -> n.tcpMaxRetrans = v, 0, 255);
        tcp(t, "close", NfConntrackProtoTcp.CLOSE);
        tcp(t, "close_wait", NfConntrackProtoTcp.CLOSE_WAIT);
        tcp(t, "established", NfConntrackProtoTcp.ESTABLISHED);
        tcp(t, "fin_wait", NfConntrackProtoTcp.FIN_WAIT);
        tcp(t, "last_ack", NfConntrackProtoTcp.LAST_ACK);
        tcp(t, "max_retrans", NfConntrackProtoTcp.RETRANS);
        tcp(t, "syn_recv", NfConntrackProtoTcp.SYN_RECV);
        timeout(t, "nf_conntrack_tcp_timeout_syn_sent", n -> n.tcpTimeouts[NfConntrackProtoTcp.SYN_SENT], (n, v) -> {
            n.tcpTimeouts[NfConntrackProtoTcp.SYN_SENT] = v;
            n.tcpTimeouts[NfConntrackProtoTcp.SYN_SENT2] = v;
        });
        tcp(t, "time_wait", NfConntrackProtoTcp.TIME_WAIT);
        tcp(t, "unacknowledged", NfConntrackProtoTcp.UNACK);
        rw(t, "nf_conntrack_timestamp", n -> n.timestamp, (n, v) -> n.timestamp = v, 0, 1);
        timeout(t, "nf_conntrack_udp_timeout", n -> n.udpTimeout, (n, v) -> n.udpTimeout = v);
        timeout(t, "nf_conntrack_udp_timeout_stream", n -> n.udpTimeoutStream, (n, v) -> n.udpTimeoutStream = v);
        rw(t, "nf_hooks_lwtunnel", n -> n.other[14], (n, v) -> n.other[14] = v, 0, 1);
        String[] loggers = {"NONE", "NONE", "nf_log_ipv4", "nf_log_arp", "NONE", "nf_log_netdev", "NONE",
                "nf_log_bridge", "NONE", "NONE", "nf_log_ipv6"};
        for (int i = 0; i < loggers.length; i++) {
            String v = loggers[i];
            t.add("nf_log/" + i, n -> v, null);
        }
        return t;
    }

    private static void tcp(Sysctl.Table<NfConntrackNet> t, String name, int idx) {
        timeout(t, "nf_conntrack_tcp_timeout_" + name, n -> n.tcpTimeouts[idx], (n, v) -> n.tcpTimeouts[idx] = v);
    }

    /** proc_dointvec_jiffies: seconds. */
    private static void timeout(Sysctl.Table<NfConntrackNet> t, String name, ToIntFunction<NfConntrackNet> get,
                                ObjIntConsumer<NfConntrackNet> set) {
        t.addInt(name, get, set, 0, Integer.MAX_VALUE / 1000);
    }

    private static void rw(Sysctl.Table<NfConntrackNet> t, String name, ToIntFunction<NfConntrackNet> get,
                           ObjIntConsumer<NfConntrackNet> set, int min, int max) {
        t.addInt(name, get, set, min, max);
    }

    private static void ro(Sysctl.Table<NfConntrackNet> t, String name, ToIntFunction<NfConntrackNet> get) {
        t.addInt(name, get, null, 0, 0);
    }
}
