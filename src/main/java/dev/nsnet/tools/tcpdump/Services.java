package dev.nsnet.tools.tcpdump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The port names of Debian 12's /etc/services (netbase), which tcpdump shows without -n
 * (tcpport_string/udpport_string); kept as a resource so every run names ports the same way.
 */
final class Services {
    private Services() { }

    private static final Map<String, String> NAMES = load();

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (var in = Services.class.getResourceAsStream("services.txt")) {
            if (in == null) return m;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split(" ");
                m.putIfAbsent(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    /** The port of a service name (getservbyname, tcp first as libpcap tries both), or null. */
    static Integer port(String name) {
        for (var e : NAMES.entrySet()) {
            if (e.getValue().equals(name) && e.getKey().endsWith("/tcp")) return Integer.valueOf(e.getKey().substring(0, e.getKey().indexOf('/')));
        }
        for (var e : NAMES.entrySet()) {
            if (e.getValue().equals(name)) return Integer.valueOf(e.getKey().substring(0, e.getKey().indexOf('/')));
        }
        return null;
    }

    static String name(int port, boolean tcp) {
        return NAMES.get(port + (tcp ? "/tcp" : "/udp"));
    }
}
