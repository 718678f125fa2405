package dev.nsnet.tools.iptables;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The extensions iptables can load (libxtables' xtables_find_match / xtables_find_target over
 * /usr/lib/.../xtables/libxt_*.so), by name. To add one: write a {@link XtMatchExt} or
 * {@link XtTargetExt} subclass (its kernel side implements XtMatch / XtTarget in
 * dev.nsnet.kernel.netfilter.xt) and add one line here.
 */
final class XtRegistry {
    private XtRegistry() { }

    private static final Map<String, Supplier<XtMatchExt>> MATCHES = new TreeMap<>();
    private static final Map<String, Supplier<XtTargetExt>> TARGETS = new TreeMap<>();

    static {
        // matches (-m NAME)
        MATCHES.put("tcp", LibxtTcp::new);
        MATCHES.put("udp", LibxtUdp::new);
        MATCHES.put("icmp", LibiptIcmp::new);
        MATCHES.put("comment", LibxtComment::new);
        MATCHES.put("mark", LibxtMark::new);
        MATCHES.put("multiport", LibxtMultiport::new);
        MATCHES.put("addrtype", LibxtAddrtype::new);
        MATCHES.put("iprange", LibxtIprange::new);
        MATCHES.put("mac", LibxtMac::new);
        MATCHES.put("limit", LibxtLimit::new);
        MATCHES.put("statistic", LibxtStatistic::new);
        MATCHES.put("physdev", LibxtPhysdev::new);
        MATCHES.put("conntrack", LibxtConntrack::new);
        MATCHES.put("state", LibxtState::new);
        MATCHES.put("connmark", LibxtConnmark::new);
        // targets (-j NAME)
        TARGETS.put("REJECT", LibiptReject::new);
        TARGETS.put("LOG", LibxtLog::new);
        TARGETS.put("MARK", LibxtMarkTarget::new);
        TARGETS.put("TRACE", LibxtTrace::new);
        TARGETS.put("SNAT", () -> new LibxtNat(LibxtNat.Kind.SNAT));
        TARGETS.put("DNAT", () -> new LibxtNat(LibxtNat.Kind.DNAT));
        TARGETS.put("MASQUERADE", () -> new LibxtNat(LibxtNat.Kind.MASQUERADE));
        TARGETS.put("REDIRECT", () -> new LibxtNat(LibxtNat.Kind.REDIRECT));
        TARGETS.put("CONNMARK", LibxtCONNMARK::new);
        TARGETS.put("CT", LibxtCT::new);
        TARGETS.put("NOTRACK", LibxtCT.Notrack::new);
    }

    /** A fresh parser of match NAME, or null when no such extension exists. */
    static XtMatchExt match(String name) {
        Supplier<XtMatchExt> s = MATCHES.get(name);
        return s == null ? null : s.get();
    }

    /** A fresh parser of target NAME, or null (then NAME is a chain or a standard verdict). */
    static XtTargetExt target(String name) {
        Supplier<XtTargetExt> s = TARGETS.get(name);
        return s == null ? null : s.get();
    }

    static boolean isTarget(String name) { return TARGETS.containsKey(name); }
}
