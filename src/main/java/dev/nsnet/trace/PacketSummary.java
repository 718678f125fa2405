package dev.nsnet.trace;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Arp;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Mac;

/**
 * A one-line, tcpdump-like description of a packet, read from its bytes wherever the stack has it
 * (network header once IP knows it, else the Ethernet header at mac_header or at data). Used by
 * tracers only, so it may allocate.
 */
public final class PacketSummary {
    private PacketSummary() { }

    public static String of(SkBuff skb) {
        byte[] b = skb.buf;
        int proto = skb.protocol & 0xffff;
        int l3 = -1;
        int t = skb.transportHeader;
        if (skb.networkHeader < 0 && skb.macHeader < 0 && t >= 0 && t + 14 <= b.length) {
            // tcp_transmit_skb / udp_send_skb: only the transport header exists yet
            if (skb.sk instanceof dev.nsnet.kernel.ipv4.TcpSock) {
                return "TCP segment :" + Bytes.u16(b, t) + " > :" + Bytes.u16(b, t + 2) + " " + tcpFlags(b[t + 13]);
            }
            if (skb.sk instanceof dev.nsnet.kernel.ipv4.UdpSock) {
                return "UDP datagram :" + Bytes.u16(b, t) + " > :" + Bytes.u16(b, t + 2);
            }
        }
        if (skb.networkHeader >= 0 && skb.networkHeader + 1 <= b.length) {
            l3 = skb.networkHeader;
            if (proto != Ether.P_IP && proto != Ether.P_ARP) {
                proto = Ipv4.version(b, l3) == 4 ? Ether.P_IP : proto;
            }
        }
        if (l3 < 0 || (proto != Ether.P_IP && proto != Ether.P_ARP)) {
            int mac = skb.macHeader >= 0 && skb.macHeader <= skb.data ? skb.macHeader : skb.data;
            if (mac < 0 || mac + Ether.HLEN > b.length) return "packet of " + skb.len + " bytes";
            proto = Ether.type(b, mac);
            l3 = mac + Ether.HLEN;
            if (proto == Ether.P_8021Q && l3 + 4 <= b.length) {
                proto = Bytes.u16(b, l3 + 2);
                l3 += 4;
            }
        }
        try {
            return switch (proto) {
                case Ether.P_IP -> ipv4(b, l3);
                case Ether.P_ARP -> arp(b, l3);
                case Ether.P_IPV6 -> "IPv6";
                default -> String.format("ethertype 0x%04x frame", proto);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return "truncated packet";
        }
    }

    static String arp(byte[] b, int o) {
        int op = Arp.op(b, o);
        String spa = Inet4.format(Arp.spa(b, o)), tpa = Inet4.format(Arp.tpa(b, o));
        if (op == Arp.OP_REQUEST) {
            return spa.equals(tpa) ? "ARP announce " + spa : "ARP who-has " + tpa + " tell " + spa;
        }
        if (op == Arp.OP_REPLY) return "ARP reply " + spa + " is-at " + Mac.format(Arp.sha(b, o));
        return "ARP op " + op;
    }

    static String ipv4(byte[] b, int o) {
        if (Ipv4.version(b, o) != 4) return "IPv4 (bad version)";
        String src = Inet4.format(Ipv4.src(b, o)), dst = Inet4.format(Ipv4.dst(b, o));
        int p = Ipv4.protocol(b, o);
        int t = o + Ipv4.ihl(b, o);
        int payload = Ipv4.totLen(b, o) - Ipv4.ihl(b, o);
        if (Ipv4.fragOffset(b, o) != 0) return "IPv4 fragment " + src + " > " + dst + " proto " + p;
        switch (p) {
            case Ipv4.PROTO_ICMP: return icmp(b, t, src, dst);
            case Ipv4.PROTO_UDP:
                return "UDP " + src + ":" + Bytes.u16(b, t) + " > " + dst + ":" + Bytes.u16(b, t + 2) + " len " + Math.max(0, payload - 8);
            case Ipv4.PROTO_TCP: return "TCP " + src + ":" + Bytes.u16(b, t) + " > " + dst + ":" + Bytes.u16(b, t + 2) + " " + tcpFlags(b[t + 13]);
            default: return "IPv4 proto " + p + " " + src + " > " + dst;
        }
    }

    private static String icmp(byte[] b, int t, String src, String dst) {
        int type = Icmp.type(b, t), code = Icmp.code(b, t);
        String what = switch (type) {
            case Icmp.ECHO -> "echo request";
            case Icmp.ECHOREPLY -> "echo reply";
            case Icmp.DEST_UNREACH -> "destination unreachable (" + unreachCode(code) + ")";
            case Icmp.TIME_EXCEEDED -> code == Icmp.EXC_TTL ? "time exceeded in-transit" : "time exceeded (fragment reassembly)";
            case Icmp.REDIRECT -> "redirect";
            default -> "type " + type + " code " + code;
        };
        String s = "ICMP " + what + " " + src + " > " + dst;
        if (type == Icmp.ECHO || type == Icmp.ECHOREPLY) s += " id " + Icmp.id(b, t) + " seq " + Icmp.seq(b, t);
        return s;
    }

    private static String unreachCode(int code) {
        return switch (code) {
            case Icmp.NET_UNREACH -> "net unreachable";
            case Icmp.HOST_UNREACH -> "host unreachable";
            case Icmp.PROT_UNREACH -> "protocol unreachable";
            case Icmp.PORT_UNREACH -> "port unreachable";
            case Icmp.FRAG_NEEDED -> "fragmentation needed";
            case Icmp.PKT_FILTERED -> "administratively prohibited";
            default -> "code " + code;
        };
    }

    private static String tcpFlags(byte f) {
        StringBuilder s = new StringBuilder("[");
        if ((f & 0x02) != 0) s.append('S');
        if ((f & 0x01) != 0) s.append('F');
        if ((f & 0x04) != 0) s.append('R');
        if ((f & 0x08) != 0) s.append('P');
        if ((f & 0x10) != 0) s.append('.');
        return s.append(']').toString();
    }
}
