package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.If;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * Sending ICMP (net/ipv4/icmp.c): errors ({@code __icmp_send}) with the kernel's checks and rate
 * limits (icmp_ratemask, the host-wide credit and the per-destination token bucket), and replies
 * ({@code icmp_reply} for echo). Messages leave through the namespace's ICMP control socket:
 * TTL net.ipv4.ip_default_ttl, DF never set (IP_PMTUDISC_DONT).
 */
public final class IcmpSend {
    private IcmpSend() { }

    /** NR_ICMP_TYPES. */
    static final int NR_ICMP_TYPES = 18;
    /** IPTOS_PREC_INTERNETCONTROL, IPTOS_TOS_MASK. */
    static final int PREC_INTERNETCONTROL = 0xc0, TOS_MASK = 0x1e;

    /** icmp_pointers[type].error. */
    static boolean isError(int type) {
        return type == Icmp.DEST_UNREACH || type == Icmp.SOURCE_QUENCH || type == Icmp.REDIRECT
                || type == Icmp.TIME_EXCEEDED || type == Icmp.PARAMETERPROB;
    }

    /**
     * __icmp_send(): an error about {@code skbIn} (its network header is the offending packet) back
     * to its source. {@code skbIn} stays owned by the caller.
     */
    public static void send(SkBuff skbIn, int type, int code, int info) {
        NetDevice inDev = skbIn.dev;
        if (inDev == null || skbIn.routeType < 0 || skbIn.networkHeader < 0) return;
        NetNamespace ns = inDev.ns;
        Tracepoints tp = ns.emulation().trace;
        byte[] b = skbIn.buf;
        int nh = skbIn.networkHeader;
        if (nh + Ipv4.HLEN > skbIn.tail()) return;
        String what = describe(type, code, info);
        if (skbIn.pktType != SkBuff.PACKET_HOST) {
            if (tp.on) tp.step(skbIn, inDev, "icmp_send", "not sent (" + what + "): link-layer broadcast");
            return;
        }
        if (skbIn.routeType == RouteType.BROADCAST.ordinal() || skbIn.routeType == RouteType.MULTICAST.ordinal()) return;
        if ((Ipv4.fragField(b, nh) & 0x1fff) != 0) return;
        if (isError(type) && Ipv4.protocol(b, nh) == Ipv4.PROTO_ICMP) {
            int ihl = Ipv4.ihl(b, nh);
            if (nh + ihl + 1 > skbIn.tail()) return;
            int inner = b[nh + ihl] & 0xff;
            if (inner > NR_ICMP_TYPES || isError(inner)) return;
        }
        Ipv4Net net = Ipv4Net.of(ns);
        IcmpPeers peers = IcmpPeers.of(ns);
        boolean applyRatelimit = false;
        if ((inDev.flags & If.IFF_LOOPBACK) == 0) {
            if (!maskAllow(net, type, code)) {
                if (!peers.globalAllow(net)) {
                    if (tp.on) tp.step(skbIn, inDev, "icmp_send", "not sent (" + what + "): icmp_msgs_per_sec limit");
                    return;
                }
                applyRatelimit = true;
            }
        }
        int saddr = Ipv4.dst(b, nh);
        if (skbIn.routeType != RouteType.LOCAL.ordinal()) {
            saddr = 0;
            if (net.icmpErrorsUseInboundIfaddr != 0 && skbIn.iif != 0) {
                NetDevice d = ns.dev(skbIn.iif);
                if (d != null) saddr = Inet.selectAddr(d, Ipv4.src(b, nh), Route.SCOPE_LINK);
            }
        }
        int tos = (Ipv4.tos(b, nh) & TOS_MASK) | PREC_INTERNETCONTROL;
        int mark = net.fwmarkReflect != 0 ? skbIn.mark : 0;
        int daddr = Ipv4.src(b, nh);
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, daddr, saddr, tos, 0, mark);
        } catch (KernelException e) {
            if (tp.on) tp.step(skbIn, inDev, "icmp_send", "not sent (" + what + "): no route to " + Inet4.format(daddr));
            return;
        }
        if (!xrlimAllow(net, rt, daddr, type, code, applyRatelimit)) {
            if (tp.on) tp.step(skbIn, inDev, "icmp_send", "not sent (" + what + "): icmp_ratelimit for " + Inet4.format(daddr));
            return;
        }
        int room = Math.min(IpOutput.mtu(rt), 576) - Ipv4.HLEN - Icmp.HLEN;
        if (room <= Ipv4.HLEN) return;
        int dataLen = Math.min(skbIn.tail() - nh, room);
        int src = rt.src() != 0 ? rt.src() : 0xc0000008; // INADDR_DUMMY 192.0.0.8
        SkBuff skb = ns.emulation().pool.alloc(Ipv4.HLEN + Icmp.HLEN + dataLen + 16);
        int ipo = skb.put(Ipv4.HLEN + Icmp.HLEN + dataLen);
        int io = ipo + Ipv4.HLEN;
        byte[] ob = skb.buf;
        ob[io] = (byte) type;
        ob[io + 1] = (byte) code;
        Bytes.put32(ob, io + 4, info);
        System.arraycopy(b, nh, ob, io + Icmp.HLEN, dataLen);
        Icmp.setChecksum(ob, io, Icmp.HLEN + dataLen);
        if (tp.on) tp.step(skbIn, inDev, "icmp_send", what + " from " + Inet4.format(src) + " to " + Inet4.format(daddr));
        IpOutput.buildAndSend(skb, rt, src, daddr, tos, IpOutput.hoplimit(rt, net), Ipv4.PROTO_ICMP, false);
        if (applyRatelimit) peers.globalConsume();
    }

    /** icmpv4_mask_allow(): types outside icmp_ratemask, and PMTU messages, are never limited. */
    private static boolean maskAllow(Ipv4Net net, int type, int code) {
        if (type > NR_ICMP_TYPES) return true;
        if (type == Icmp.DEST_UNREACH && code == Icmp.FRAG_NEEDED) return true;
        return (net.icmpRatemask & (1 << type)) == 0;
    }

    /** icmpv4_xrlim_allow(): the per-destination token bucket, not for loopback. */
    private static boolean xrlimAllow(Ipv4Net net, Rtable rt, int daddr, int type, int code, boolean apply) {
        if (!apply) return true;
        if (rt.dev() != null && (rt.dev().flags & If.IFF_LOOPBACK) != 0) return true;
        return IcmpPeers.of(net.ns).xrlimAllow(daddr, net.icmpRatelimit);
    }

    /**
     * icmp_reply() for icmp_echo(): the request's payload back to its sender, from the address it
     * was sent to. {@code skb.data} is at the ICMP header; the caller keeps ownership.
     */
    static void echoReply(SkBuff req) {
        NetDevice dev = req.dev;
        NetNamespace ns = dev.ns;
        Ipv4Net net = Ipv4Net.of(ns);
        Tracepoints tp = ns.emulation().trace;
        byte[] b = req.buf;
        int nh = req.networkHeader;
        int daddr = Ipv4.src(b, nh);
        int saddr = Ipv4.dst(b, nh);
        // fib_compute_spec_dst(): the request's destination when its route was RTCF_LOCAL
        if (req.routeType != RouteType.LOCAL.ordinal() && !req.rtLocal) saddr = Inet.selectAddr(dev, daddr, Route.SCOPE_UNIVERSE);
        int tos = Ipv4.tos(b, nh);
        int mark = net.fwmarkReflect != 0 ? req.mark : 0;
        Rtable rt;
        try {
            rt = RouteOutput.resolve(ns, daddr, saddr, tos, 0, mark);
        } catch (KernelException e) {
            if (tp.on) tp.step(req, dev, "icmp_reply", "no route back to " + Inet4.format(daddr) + ": " + e.getMessage());
            return;
        }
        int len = req.tail() - req.transportHeader;
        byte[] opts = echoOptions(b, nh);
        int hlen = Ipv4.HLEN + (opts == null ? 0 : opts.length);
        SkBuff skb = ns.emulation().pool.alloc(hlen + len + 16);
        int ipo = skb.put(hlen + len);
        int io = ipo + hlen;
        byte[] ob = skb.buf;
        System.arraycopy(b, req.transportHeader, ob, io, len);
        ob[io] = (byte) Icmp.ECHOREPLY;
        ob[io + 1] = 0;
        Icmp.setChecksum(ob, io, len);
        int src = rt.src();
        if (tp.on) tp.step(req, dev, "icmp_echo", "echo reply id " + Icmp.id(b, req.transportHeader) + " seq "
                + Icmp.seq(b, req.transportHeader) + " to " + Inet4.format(daddr));
        IpOutput.buildAndSend(skb, rt, src, daddr, tos, IpOutput.hoplimit(rt, net), Ipv4.PROTO_ICMP, false, opts);
    }

    /** ip_options_echo(): the reply carries the request's record-route option (END-padded), else none. */
    private static byte[] echoOptions(byte[] b, int nh) {
        if (Ipv4.ihl(b, nh) <= Ipv4.HLEN) return null;
        int rr = IpInputOptions.findRr(b, nh);
        if (rr < 0) return null;
        int len = b[nh + rr + 1] & 0xff;
        byte[] o = new byte[(len + 3) & ~3];
        System.arraycopy(b, nh + rr, o, 0, len);
        return o;
    }

    static String describe(int type, int code, int info) {
        return switch (type) {
            case Icmp.DEST_UNREACH -> switch (code) {
                case Icmp.NET_UNREACH -> "net unreachable";
                case Icmp.HOST_UNREACH -> "host unreachable";
                case Icmp.PROT_UNREACH -> "protocol unreachable";
                case Icmp.PORT_UNREACH -> "port unreachable";
                case Icmp.FRAG_NEEDED -> "fragmentation needed (mtu " + info + ")";
                case Icmp.PKT_FILTERED -> "communication administratively prohibited";
                default -> "destination unreachable code " + code;
            };
            case Icmp.TIME_EXCEEDED -> code == 0 ? "time to live exceeded" : "fragment reassembly time exceeded";
            case Icmp.REDIRECT -> "redirect";
            case Icmp.PARAMETERPROB -> "parameter problem";
            default -> "icmp type " + type + " code " + code;
        };
    }
}
