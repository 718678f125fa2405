package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.kernel.wire.Inet4;

/**
 * What UDP and TCP sockets share ({@code struct inet_sock} + {@code struct sock_common}): the
 * namespace the socket was created in (the creating process's nsproxy at socket() time; a later
 * setns() of the process does not move it), the local and remote address and port, the bound
 * device, SO_REUSEADDR, and who owns it (for {@code ss -p}).
 */
public abstract class InetSock {
    public final NetNamespace ns;
    /** inet_rcv_saddr: the bound (or connect-chosen) local address, 0 for INADDR_ANY. */
    public int rcvSaddr;
    /** inet_num: the local port, 0 while unbound. */
    public int num;
    /** inet_daddr / inet_dport: the peer, 0 while unconnected. */
    public int daddr;
    public int dport;
    /** sk_bound_dev_if. */
    public int boundDevIf;
    /** sk_reuse (SO_REUSEADDR). */
    public boolean reuse;
    /** sk_reuseport (SO_REUSEPORT): sockets of the same user that all set it share the port. */
    public boolean reusePort;
    /** inet_id: the IP id counter of a connected socket's DF packets. */
    int inetId;
    /** The owning process and its file descriptor ({@code ss -p}), null for kernel-held sockets. */
    public Process owner;
    public int fd;
    /**
     * The owner's command name as ss -p shows it (/proc/PID/stat comm, which exec changes: a tool
     * run by {@code ip netns exec} is named after itself, not "ip"); null uses the process's.
     */
    public String comm;
    /** The socket inode number ({@code ss -e} "ino:"). */
    public final long ino;
    /** sk_err: the pending error reported by the next call (sock_error()). */
    int skErr;
    boolean closed;

    protected InetSock(NetNamespace ns, Process owner) {
        this.ns = ns;
        this.owner = owner;
        InetHashtables h = InetHashtables.of(ns);
        this.ino = h.nextIno();
        this.fd = 3;
    }

    /** IPPROTO_UDP or IPPROTO_TCP. */
    public abstract int protocol();

    /** The state number as {@code ss} reads it (TCP_ESTABLISHED = 1 ... TCP_CLOSING = 11). */
    public abstract int state();

    /** Bytes waiting to be read (Recv-Q); for a listener the accept queue length. */
    public abstract int recvQ();

    /** Bytes not yet acknowledged (Send-Q); for a listener the backlog. */
    public abstract int sendQ();

    /** sock_error(): the pending error, cleared. */
    public int takeError() {
        int e = skErr;
        skErr = 0;
        return e;
    }

    public int pendingError() { return skErr; }

    /** SO_BINDTODEVICE. */
    public void bindToDevice(String name) {
        NetDevice d = ns.dev(name);
        if (d == null) throw new KernelException(Errno.ENODEV);
        boundDevIf = d.ifindex;
    }

    /**
     * inet_bind(): the address must be one of ours (or 0, broadcast, multicast, or
     * ip_nonlocal_bind); EINVAL when already bound; the port through the protocol's get_port.
     */
    public void bind(int addr, int port) {
        if (num != 0) throw new KernelException(Errno.EINVAL);
        if (addr != 0 && !Inet4.isMulticast(addr) && Ipv4Net.of(ns).ipNonlocalBind == 0) {
            RouteType t = Fib.addrType(ns, addr);
            if (t != RouteType.LOCAL && t != RouteType.BROADCAST) throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        rcvSaddr = addr;
        try {
            InetHashtables.of(ns).getPort(this, port);
        } catch (KernelException e) {
            rcvSaddr = 0;
            throw e;
        }
    }

    /** Whether this socket's local port number clashes with binding {@code other} (bind conflict). */
    boolean bindConflict(InetSock other) {
        if (boundDevIf != 0 && other.boundDevIf != 0 && boundDevIf != other.boundDevIf) return false;
        if (rcvSaddr != 0 && other.rcvSaddr != 0 && rcvSaddr != other.rcvSaddr) return false;
        // SO_REUSEPORT (every process runs as root: the same uid); a TIME_WAIT socket still holds
        // its port against it (the real kernel answers EADDRINUSE), only SO_REUSEADDR on both helps
        if (reusePort && other.reusePort && !inTimeWait() && !other.inTimeWait()) return false;
        return !reuseAllowed(other);
    }

    boolean inTimeWait() { return false; }

    /** SO_REUSEADDR: both sockets ask for it (and, for TCP, this one is not listening). */
    abstract boolean reuseAllowed(InetSock other);
}
