package dev.nsnet.tools.iptables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The name databases iptables consults through libc: /etc/services (getservbyport/getservbyname)
 * and /etc/protocols (getprotobynumber/getprotobyname), as Debian 12's netbase ships them, plus
 * libxt_icmp's table of ICMP type names.
 */
final class NetDb {
    private NetDb() { }

    private static final Map<String, String> SERV_BY_PORT = new HashMap<>();
    private static final Map<String, Integer> PORT_BY_NAME = new HashMap<>();
    private static final Map<Integer, String> PROTO_BY_NUM = new HashMap<>();
    private static final Map<String, Integer> PROTO_BY_NAME = new HashMap<>();

    static {
        read("services", w -> {
            String[] pp = w[1].split("/");
            int port = Integer.parseInt(pp[0]);
            SERV_BY_PORT.putIfAbsent(port + "/" + pp[1], w[0]);
            for (int i = 0; i < w.length; i++) if (i != 1) PORT_BY_NAME.putIfAbsent(w[i] + "/" + pp[1], port);
        });
        read("protocols", w -> {
            int n = Integer.parseInt(w[1]);
            PROTO_BY_NUM.putIfAbsent(n, w[0]);
            for (int i = 0; i < w.length; i++) if (i != 1) PROTO_BY_NAME.putIfAbsent(w[i], n);
        });
    }

    private static void read(String res, java.util.function.Consumer<String[]> f) {
        try (var in = NetDb.class.getResourceAsStream(res);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (l.startsWith("#") || l.isBlank()) continue;
                f.accept(l.trim().split("\\s+"));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + res, e);
        }
    }

    /** getservbyport(): the service name of a port for "tcp" or "udp", or null. */
    static String service(int port, String proto) { return SERV_BY_PORT.get(port + "/" + proto); }

    /** getservbyname(), or -1. */
    static int port(String name, String proto) {
        Integer p = PORT_BY_NAME.get(name + "/" + proto);
        return p == null ? -1 : p;
    }

    /** getprotobynumber()'s name, or null. */
    static String protocol(int num) { return PROTO_BY_NUM.get(num); }

    /** getprotobyname(), or -1. */
    static int protocol(String name) {
        Integer p = PROTO_BY_NAME.get(name);
        return p == null ? -1 : p;
    }

    /** One ICMP type name: type, code range. */
    record IcmpName(String name, int type, int codeMin, int codeMax) { }

    static final IcmpName[] ICMP = {
        new IcmpName("any", 0xff, 0, 0xff),
        new IcmpName("echo-reply", 0, 0, 0xff),
        new IcmpName("destination-unreachable", 3, 0, 0xff),
        new IcmpName("network-unreachable", 3, 0, 0),
        new IcmpName("host-unreachable", 3, 1, 1),
        new IcmpName("protocol-unreachable", 3, 2, 2),
        new IcmpName("port-unreachable", 3, 3, 3),
        new IcmpName("fragmentation-needed", 3, 4, 4),
        new IcmpName("source-route-failed", 3, 5, 5),
        new IcmpName("network-unknown", 3, 6, 6),
        new IcmpName("host-unknown", 3, 7, 7),
        new IcmpName("network-prohibited", 3, 9, 9),
        new IcmpName("host-prohibited", 3, 10, 10),
        new IcmpName("TOS-network-unreachable", 3, 11, 11),
        new IcmpName("TOS-host-unreachable", 3, 12, 12),
        new IcmpName("communication-prohibited", 3, 13, 13),
        new IcmpName("host-precedence-violation", 3, 14, 14),
        new IcmpName("precedence-cutoff", 3, 15, 15),
        new IcmpName("source-quench", 4, 0, 0xff),
        new IcmpName("redirect", 5, 0, 0xff),
        new IcmpName("network-redirect", 5, 0, 0),
        new IcmpName("host-redirect", 5, 1, 1),
        new IcmpName("TOS-network-redirect", 5, 2, 2),
        new IcmpName("TOS-host-redirect", 5, 3, 3),
        new IcmpName("echo-request", 8, 0, 0xff),
        new IcmpName("router-advertisement", 9, 0, 0xff),
        new IcmpName("router-solicitation", 10, 0, 0xff),
        new IcmpName("time-exceeded", 11, 0, 0xff),
        new IcmpName("ttl-zero-during-transit", 11, 0, 0),
        new IcmpName("ttl-zero-during-reassembly", 11, 1, 1),
        new IcmpName("parameter-problem", 12, 0, 0xff),
        new IcmpName("ip-header-bad", 12, 0, 0),
        new IcmpName("required-option-missing", 12, 1, 1),
        new IcmpName("timestamp-request", 13, 0, 0xff),
        new IcmpName("timestamp-reply", 14, 0, 0xff),
        new IcmpName("address-mask-request", 17, 0, 0xff),
        new IcmpName("address-mask-reply", 18, 0, 0xff),
    };
}
