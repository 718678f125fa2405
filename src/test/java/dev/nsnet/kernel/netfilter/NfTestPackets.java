package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;

/** Hand-made IPv4 packets and a namespace for the netfilter unit tests. */
final class NfTestPackets {
    final Emulation emu = new Emulation(1);
    final NetNamespace ns = emu.newHost("h").rootNs;

    /** An IPv4 packet with 8 bytes of transport header: ports (tcp/udp) or type/code (icmp). */
    SkBuff packet(String src, String dst, int proto, int a, int b) {
        return packet(src, dst, proto, a, b, 0);
    }

    SkBuff packet(String src, String dst, int proto, int a, int b, int fragField) {
        SkBuff skb = emu.pool.alloc(64);
        int o = skb.put(Ipv4.HLEN + 8);
        Ipv4.write(skb.buf, o, 0, Ipv4.HLEN + 8, 1, fragField, 64, proto, Inet4.parse(src), Inet4.parse(dst));
        int th = o + Ipv4.HLEN;
        if (proto == Ipv4.PROTO_ICMP) {
            skb.buf[th] = (byte) a;
            skb.buf[th + 1] = (byte) b;
        } else {
            Bytes.put16(skb.buf, th, a);
            Bytes.put16(skb.buf, th + 2, b);
        }
        skb.networkHeader = o;
        skb.transportHeader = th;
        return skb;
    }

    static int ip(String s) { return Inet4.parse(s); }

    static XtRule rule(String src, int smsk, XtTarget target, XtMatch... matches) {
        return new XtRule(src == null ? 0 : ip(src), smsk, 0, 0, null, false, null, false, 0, 0, matches, target, "");
    }
}
