package dev.nsnet.tools.nc;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.ipv4.TcpSock;
import dev.nsnet.kernel.ipv4.UdpSock;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.tools.ToolContext;

/**
 * nc -l (netcat.c local_listen() and the listen branch of main()): one socket with
 * SO_REUSEADDR and SO_REUSEPORT bound to the port (backlog 1); TCP accepts one connection, UDP waits for the first
 * datagram and connects to its sender; then readwrite() until the peer is done.
 */
final class NcServer {
    private final ToolContext ctx;
    private final Nc.Opts o;

    NcServer(ToolContext ctx, Nc.Opts o) {
        this.ctx = ctx;
        this.o = o;
    }

    int run(int addr, int port) {
        if (o.uflag) return udp(addr, port);
        TcpSock l = TcpSock.open(ctx.netns(), ctx.process());
        l.comm = "nc";
        try {
            l.reuse = true;
            l.reusePort = true;
            try {
                l.bind(addr, port);
                l.listen(1);
            } catch (KernelException e) {
                return Nc.errx(ctx, NcClient.strerror(e.errno.code));
            }
            if (o.vflag) report("Listening", l.localAddr(), l.localPort());
            ctx.waitFor(l::acceptReady, Long.MAX_VALUE);
            TcpSock c = l.accept(ctx.process());
            if (c == null) return 1;
            c.comm = "nc";
            c.fd = 4;
            try {
                if (o.vflag) report("Connection received", c.daddr, c.dport);
                NcClient.tcpReadwrite(ctx, o, c);
            } finally {
                c.close();
            }
            return 0;
        } finally {
            l.close();
        }
    }

    private int udp(int addr, int port) {
        UdpSock s = UdpSock.open(ctx.netns(), ctx.process());
        s.comm = "nc";
        try {
            s.reuse = true;
            s.reusePort = true;
            try {
                s.bind(addr, port);
            } catch (KernelException e) {
                return Nc.errx(ctx, NcClient.strerror(e.errno.code));
            }
            if (o.vflag) report("Bound", s.rcvSaddr, s.num);
            ctx.waitFor(() -> s.peek() != null, Long.MAX_VALUE);
            UdpSock.Datagram first = s.peek();
            if (first == null) return 1;
            try {
                s.connect(first.from(), first.fromPort());
            } catch (KernelException e) {
                return Nc.errx(ctx, "connect: " + NcClient.strerror(e.errno.code));
            }
            if (o.vflag) report("Connection received", first.from(), first.fromPort());
            NcClient.udpReceive(ctx, o, s);
            return 0;
        } finally {
            s.close();
        }
    }

    /**
     * report_sock(): "Listening on ADDR PORT" and the like on stderr. Without -n the address is
     * reverse-resolved, which on the recording host only /etc/hosts answers (localhost); any other
     * address fails with getnameinfo's error and nothing else is printed.
     */
    private void report(String what, int addr, int port) {
        String host = Inet4.format(addr);
        if (!o.nflag) {
            if (addr != 0x7f000001) {
                ctx.err().println("nc: getnameinfo: Temporary failure in name resolution");
                return;
            }
            host = "localhost";
        }
        ctx.err().println(what + " on " + host + " " + port);
    }
}
