package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.kernel.wire.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * The socket tables of one namespace (net/ipv4/inet_hashtables.c, udp.c's udp_table): the port
 * space is per {@code struct net}, which is why two namespaces can both listen on :80 while the
 * code that handles the packets is shared. Also the port choice of bind(port 0) / autobind
 * ({@code udp_lib_get_port}, {@code inet_csk_find_open_port}) and of connect()
 * ({@code __inet_hash_connect}) from {@code net.ipv4.ip_local_port_range}, with the emulation's
 * seeded random source standing in for the kernel's random offsets.
 */
public final class InetHashtables {
    final NetNamespace ns;
    /** Every UDP socket with a port, in binding order. */
    final List<UdpSock> udp = new ArrayList<>();
    /** Every TCP socket with a port (listeners, connections, TIME_WAIT), in binding order. */
    final java.util.LinkedHashSet<TcpSock> tcp = new java.util.LinkedHashSet<>();
    private long ino;
    /** TCP sockets by local port (the bind hash's buckets): connect()'s port search and packet lookup. */
    private final IntMap<ArrayList<TcpSock>> tcpByPort = new IntMap<>();

    private InetHashtables(NetNamespace ns) {
        this.ns = ns;
        // socket inode numbers: sockfs has one counter per host; a per-namespace one keeps them stable
        this.ino = 20000;
    }

    public static InetHashtables of(NetNamespace ns) {
        InetHashtables h = ns.subsys(InetHashtables.class);
        if (h == null) {
            h = new InetHashtables(ns);
            ns.setSubsys(InetHashtables.class, h);
        }
        return h;
    }

    long nextIno() { return ++ino; }

    /** Snapshot of the UDP sockets (ss). */
    public List<UdpSock> udpSockets() { return new ArrayList<>(udp); }

    /** Snapshot of the TCP sockets (ss). */
    public List<TcpSock> tcpSockets() { return new ArrayList<>(tcp); }

    /** inet_get_local_port_range(): [low, high] of net.ipv4.ip_local_port_range. */
    public int[] localPortRange() {
        int low = 32768, high = 60999;
        Sysctl.Entry e = ns.sysctl.get("net/ipv4/ip_local_port_range");
        if (e != null) {
            String[] p = e.get().get().trim().split("\\s+");
            try {
                if (p.length == 2) {
                    low = Integer.parseInt(p[0]);
                    high = Integer.parseInt(p[1]);
                }
            } catch (NumberFormatException ignored) {
                // keep the default
            }
        }
        return new int[] {low, high};
    }

    private java.util.Collection<? extends InetSock> table(int proto) { return proto == Ipv4.PROTO_TCP ? tcp : udp; }

    @SuppressWarnings("unchecked")
    private void hash(InetSock s) {
        if (s instanceof TcpSock t) addTcp(t);
        else ((List<InetSock>) (List<?>) udp).add(s);
    }

    /** Hashes a TCP socket that already has its port (a listener's child). */
    void addTcp(TcpSock t) {
        tcp.add(t);
        ArrayList<TcpSock> l = tcpByPort.get(t.num);
        if (l == null) {
            l = new ArrayList<>(2);
            tcpByPort.put(t.num, l);
        }
        l.add(t);
    }

    /** The TCP sockets bound to {@code port}, or null. */
    ArrayList<TcpSock> tcpOnPort(int port) { return tcpByPort.get(port); }

    void unhash(InetSock s) {
        if (s instanceof TcpSock t) {
            if (tcp.remove(t)) {
                ArrayList<TcpSock> l = tcpByPort.get(t.num);
                if (l != null) {
                    l.remove(t);
                    if (l.isEmpty()) tcpByPort.remove(t.num);
                }
            }
        } else {
            udp.remove(s);
        }
    }

    /** Whether binding {@code s} to {@code port} clashes with a socket already there. */
    boolean inUse(InetSock s, int port) {
        for (InetSock o : table(s.protocol())) {
            if (o == s || o.num != port) continue;
            if (o.bindConflict(s) || s.bindConflict(o)) return true;
        }
        return false;
    }

    /**
     * get_port(): a given port must not clash (EADDRINUSE); port 0 picks a free ephemeral one
     * starting at a random point of the range (EADDRINUSE when none is left).
     */
    void getPort(InetSock s, int port) {
        if (port != 0) {
            if (inUse(s, port)) throw new KernelException(Errno.EADDRINUSE);
        } else {
            int[] r = localPortRange();
            int remaining = r[1] - r[0] + 1;
            int offset = ns.emulation().random().nextInt(remaining);
            if (s.protocol() == Ipv4.PROTO_TCP) offset |= 1; // inet_csk_find_open_port() prefers odd ports
            port = 0;
            for (int i = 0; i < remaining; i++) {
                int p = r[0] + (offset + i) % remaining;
                if (!inUse(s, p)) {
                    port = p;
                    break;
                }
            }
            if (port == 0) throw new KernelException(Errno.EADDRINUSE);
        }
        s.num = port;
        hash(s);
    }

    /**
     * __inet_hash_connect(): the source port of a connect() without bind: ports of the range's
     * parity first (bind() prefers the other), skipping ports any socket holds.
     */
    void hashConnect(TcpSock s) {
        int[] r = localPortRange();
        int remaining = r[1] - r[0];
        if (remaining > 1) remaining &= ~1;
        int offset = ns.emulation().random().nextInt(Math.max(remaining, 1)) & ~1;
        for (int pass = 0; pass < 2; pass++, offset++) {
            for (int i = 0; i < remaining; i += 2) {
                int p = r[0] + (offset + i) % remaining;
                if (!portHeld(p)) {
                    s.num = p;
                    hash(s);
                    return;
                }
            }
        }
        throw new KernelException(Errno.EADDRNOTAVAIL);
    }

    private boolean portHeld(int port) { return tcpByPort.get(port) != null; }
}
