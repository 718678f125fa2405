package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.KernelInit;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

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

    private static void sysctls(NetNamespace ns, NfConntrackNet n) {
        Sysctl s = ns.sysctl;
        rw(s, "nf_conntrack_acct", () -> n.acct, v -> n.acct = v, 0, 1);
        ro(s, "nf_conntrack_buckets", () -> NfConntrackNet.DEFAULT_MAX);
        rw(s, "nf_conntrack_checksum", () -> n.checksum, v -> n.checksum = v, 0, 1);
        ro(s, "nf_conntrack_count", n::count);
        rw(s, "nf_conntrack_events", () -> n.events, v -> n.events = v, 0, 2);
        ro(s, "nf_conntrack_expect_max", () -> 4096);
        int[] frag6 = {4194304, 3145728, 60};
        rw(s, "nf_conntrack_frag6_high_thresh", () -> frag6[0], v -> frag6[0] = v, frag6[1], Integer.MAX_VALUE);
        rw(s, "nf_conntrack_frag6_low_thresh", () -> frag6[1], v -> frag6[1] = v, 0, frag6[0]);
        timeout(s, "nf_conntrack_frag6_timeout", () -> frag6[2], v -> frag6[2] = v);
        timeout(s, "nf_conntrack_generic_timeout", () -> n.genericTimeout, v -> n.genericTimeout = v);
        int[] other = {30, 180, 30, 10, 3, 3, 210, 30, 3, 3, 3};
        String[] otherNames = {"gre_timeout", "gre_timeout_stream", "icmpv6_timeout", "sctp_timeout_closed",
                "sctp_timeout_cookie_echoed", "sctp_timeout_cookie_wait", "sctp_timeout_established",
                "sctp_timeout_heartbeat_sent", "sctp_timeout_shutdown_ack_sent", "sctp_timeout_shutdown_recd",
                "sctp_timeout_shutdown_sent"};
        for (int i = 0; i < other.length; i++) {
            int k = i;
            timeout(s, "nf_conntrack_" + otherNames[i], () -> other[k], v -> other[k] = v);
        }
        timeout(s, "nf_conntrack_icmp_timeout", () -> n.icmpTimeout, v -> n.icmpTimeout = v);
        rw(s, "nf_conntrack_log_invalid", () -> n.logInvalid, v -> n.logInvalid = v, 0, 255);
        ro(s, "nf_conntrack_max", () -> n.max);
        rw(s, "nf_conntrack_tcp_be_liberal", () -> n.tcpBeLiberal, v -> n.tcpBeLiberal = v, 0, 1);
        rw(s, "nf_conntrack_tcp_ignore_invalid_rst", () -> n.tcpIgnoreInvalidRst, v -> n.tcpIgnoreInvalidRst = v, 0, 1);
        rw(s, "nf_conntrack_tcp_loose", () -> n.tcpLoose, v -> n.tcpLoose = v, 0, 1);
        rw(s, "nf_conntrack_tcp_max_retrans", () -> n.tcpMaxRetrans, v -> n.tcpMaxRetrans = v, 0, 255);
        int[] t = n.tcpTimeouts;
        tcp(s, "close", t, NfConntrackProtoTcp.CLOSE);
        tcp(s, "close_wait", t, NfConntrackProtoTcp.CLOSE_WAIT);
        tcp(s, "established", t, NfConntrackProtoTcp.ESTABLISHED);
        tcp(s, "fin_wait", t, NfConntrackProtoTcp.FIN_WAIT);
        tcp(s, "last_ack", t, NfConntrackProtoTcp.LAST_ACK);
        tcp(s, "max_retrans", t, NfConntrackProtoTcp.RETRANS);
        tcp(s, "syn_recv", t, NfConntrackProtoTcp.SYN_RECV);
        timeout(s, "nf_conntrack_tcp_timeout_syn_sent", () -> t[NfConntrackProtoTcp.SYN_SENT], v -> {
            t[NfConntrackProtoTcp.SYN_SENT] = v;
            t[NfConntrackProtoTcp.SYN_SENT2] = v;
        });
        tcp(s, "time_wait", t, NfConntrackProtoTcp.TIME_WAIT);
        tcp(s, "unacknowledged", t, NfConntrackProtoTcp.UNACK);
        rw(s, "nf_conntrack_timestamp", () -> n.timestamp, v -> n.timestamp = v, 0, 1);
        timeout(s, "nf_conntrack_udp_timeout", () -> n.udpTimeout, v -> n.udpTimeout = v);
        timeout(s, "nf_conntrack_udp_timeout_stream", () -> n.udpTimeoutStream, v -> n.udpTimeoutStream = v);
        int[] lwt = {0};
        rw(s, "nf_hooks_lwtunnel", () -> lwt[0], v -> lwt[0] = v, 0, 1);
        String[] loggers = {"NONE", "NONE", "nf_log_ipv4", "nf_log_arp", "NONE", "nf_log_netdev", "NONE",
                "nf_log_bridge", "NONE", "NONE", "nf_log_ipv6"};
        for (int i = 0; i < loggers.length; i++) {
            String v = loggers[i];
            s.register(P + "nf_log/" + i, () -> v, null);
        }
    }

    private static void tcp(Sysctl s, String name, int[] t, int idx) {
        timeout(s, "nf_conntrack_tcp_timeout_" + name, () -> t[idx], v -> t[idx] = v);
    }

    /** proc_dointvec_jiffies: seconds. */
    private static void timeout(Sysctl s, String name, IntSupplier get, IntConsumer set) {
        s.registerInt(P + name, get, set, 0, Integer.MAX_VALUE / 1000);
    }

    private static void rw(Sysctl s, String name, IntSupplier get, IntConsumer set, int min, int max) {
        s.registerInt(P + name, get, set, min, max);
    }

    private static void ro(Sysctl s, String name, IntSupplier get) { s.registerInt(P + name, get, null, 0, 0); }
}
