package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;

/**
 * Receiving ICMP (net/ipv4/icmp.c {@code icmp_rcv}): echo requests are answered
 * ({@code icmp_echo}), echo replies go to ping sockets ({@code ping_rcv}), and errors are handed
 * to the sockets of the protocol that sent the offending packet ({@code icmp_unreach} ->
 * {@code icmp_socket_deliver}).
 */
public final class IcmpRcv implements Ipv4Sockets.Protocol {
    public static final IcmpRcv INSTANCE = new IcmpRcv();

    private IcmpRcv() { }

    /** icmp_rcv(): {@code skb.data} at the ICMP header. */
    @Override
    public void rcv(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = dev.ns.emulation().trace;
        Ipv4Net net = Ipv4Net.of(dev.ns);
        byte[] b = skb.buf;
        int o = skb.data;
        if (skb.len < Icmp.HLEN) {
            Dev.drop(skb, dev, "icmp_rcv", DropReason.PKT_TOO_SMALL, null);
            return;
        }
        if (Bytes.checksum(b, o, skb.len) != 0) {
            Dev.drop(skb, dev, "icmp_rcv", DropReason.ICMP_CSUM, "bad ICMP checksum");
            return;
        }
        int type = Icmp.type(b, o);
        if (tp.on) tp.step(skb, dev, "icmp_rcv", "type " + type + " code " + Icmp.code(b, o));
        if (skb.routeType == RouteInput.BROADCAST || skb.routeType == RouteInput.MULTICAST) {
            if (type == Icmp.ECHO && net.icmpEchoIgnoreBroadcasts != 0) {
                Dev.drop(skb, dev, "icmp_rcv", DropReason.INVALID_PROTO, "icmp_echo_ignore_broadcasts");
                return;
            }
            if (type != Icmp.ECHO) {
                Dev.drop(skb, dev, "icmp_rcv", DropReason.INVALID_PROTO, "ICMP to broadcast");
                return;
            }
        }
        switch (type) {
            case Icmp.ECHO -> {
                if (net.icmpEchoIgnoreAll == 0) IcmpSend.echoReply(skb);
                else if (tp.on) tp.step(skb, dev, "icmp_echo", "icmp_echo_ignore_all");
                Dev.consume(skb);
            }
            case Icmp.ECHOREPLY -> {
                Ipv4Sockets.of(dev.ns).pingRcv(skb);
                Dev.consume(skb);
            }
            case Icmp.DEST_UNREACH, Icmp.TIME_EXCEEDED, Icmp.PARAMETERPROB, Icmp.SOURCE_QUENCH -> unreach(skb, net);
            case Icmp.REDIRECT -> {
                if (skb.len >= Icmp.HLEN + Ipv4.HLEN + 8) doRedirect(skb);
                Dev.consume(skb);
            }
            default -> Dev.consume(skb);
        }
    }

    /**
     * icmp_redirect() -> ipv4_redirect()/ipv4_sk_redirect() -> __ip_do_redirect(): accept a better
     * gateway for the destination when the redirect comes from our current gateway, the new one is
     * on-link and already resolved (otherwise it is only resolved now, as the kernel does).
     */
    private static void doRedirect(SkBuff skb) {
        NetDevice dev = skb.dev;
        var ns = dev.ns;
        Tracepoints tp = ns.emulation().trace;
        byte[] b = skb.buf;
        int o = skb.data;
        int code = Icmp.code(b, o) & 7;
        if (code > 3) return;
        int inner = o + Icmp.HLEN;
        int dst = Ipv4.dst(b, inner);
        int oldGw = Ipv4.src(b, skb.networkHeader);
        int newGw = Bytes.i32(b, o + 4);
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, dst, Ipv4.src(b, inner), Ipv4.tos(b, inner), 0, 0);
        } catch (dev.nsnet.kernel.core.KernelException e) {
            return;
        }
        int curGw = rt.gateway();
        int exc = IpOutputExceptions.of(ns).gateway(dst);
        if (curGw != 0 && exc != 0) curGw = exc;
        if (curGw == 0 || curGw != oldGw) return;
        InDevice in = InDevice.of(rt.dev());
        if (in == null) return;
        if (newGw == oldGw || !in.acceptRedirects() || Inet4.isMulticast(newGw) || Inet4.isLbcast(newGw)
                || Inet4.isZeronet(newGw)) {
            if (tp.on) tp.step(skb, dev, "__ip_do_redirect", "redirect to " + Inet4.format(newGw) + " rejected");
            return;
        }
        if (!in.sharedMedia()) {
            boolean onlink = false;
            for (IfAddr ifa : in.addresses()) if (ifa.match(newGw) && ifa.match(oldGw)) onlink = true;
            if (!onlink) return;
        } else if (Fib.addrType(ns, newGw) != RouteType.UNICAST) {
            return;
        }
        NeighTable tbl = NeighTable.of(ns);
        Neigh n = tbl.lookupOrCreate(rt.dev(), newGw);
        if ((n.nudState & NeighState.VALID) == 0) {
            tbl.eventSend(n, null);
            if (tp.on) tp.step(skb, dev, "__ip_do_redirect", "new gateway " + Inet4.format(newGw) + " not resolved yet");
            return;
        }
        IpOutputExceptions.of(ns).redirect(dst, newGw);
        if (tp.on) tp.step(skb, dev, "__ip_do_redirect", Inet4.format(dst) + " now via " + Inet4.format(newGw));
    }

    /** icmp_unreach(): the embedded header tells which protocol's sockets hear about it. */
    private static void unreach(SkBuff skb, Ipv4Net net) {
        NetDevice dev = skb.dev;
        byte[] b = skb.buf;
        int o = skb.data;
        int type = Icmp.type(b, o);
        int code = Icmp.code(b, o);
        int inner = o + Icmp.HLEN;
        if (skb.len < Icmp.HLEN + Ipv4.HLEN || Ipv4.ihl(b, inner) < Ipv4.HLEN) {
            Dev.drop(skb, dev, "icmp_unreach", DropReason.IP_INHDR, "mangled inner header");
            return;
        }
        int info = 0;
        if (type == Icmp.DEST_UNREACH) {
            if (code == Icmp.FRAG_NEEDED && net.ipNoPmtuDisc == 0) info = Icmp.mtu(b, o);
            if (code > 15) {
                Dev.consume(skb);
                return;
            }
        } else if (type == Icmp.PARAMETERPROB) {
            info = (b[o + 4] & 0xff);
        } else if (type == Icmp.TIME_EXCEEDED && code == Icmp.EXC_FRAGTIME) {
            Dev.consume(skb);
            return;
        }
        if (net.icmpIgnoreBogusErrorResponses == 0
                && Fib.addrType(dev.ns, Ipv4.dst(b, inner)) == RouteType.BROADCAST) {
            Dev.consume(skb);
            return;
        }
        if (skb.len < Icmp.HLEN + Ipv4.ihl(b, inner) + 8) {
            Dev.drop(skb, dev, "icmp_unreach", DropReason.PKT_TOO_SMALL, "inner header + 8 bytes missing");
            return;
        }
        Tracepoints tp = dev.ns.emulation().trace;
        if (tp.on) tp.step(skb, dev, "icmp_unreach", IcmpSend.describe(type, code, info) + " about "
                + Inet4.format(Ipv4.src(b, inner)) + " > " + Inet4.format(Ipv4.dst(b, inner)));
        int proto = Ipv4.protocol(b, inner);
        Ipv4Sockets socks = Ipv4Sockets.of(dev.ns);
        socks.rawIcmpError(skb, info);
        if (proto == Ipv4.PROTO_ICMP) {
            socks.pingErr(skb, info);
        } else {
            Ipv4Sockets.Protocol p = Ipv4Sockets.protocol(proto);
            if (p != null) p.err(skb, info);
        }
        Dev.consume(skb);
    }
}
