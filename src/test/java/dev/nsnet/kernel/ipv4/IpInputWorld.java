package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.drivers.Veth;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds small worlds for the IPv4 data path tests with the kernel API (no tools involved). */
final class IpInputWorld {
    final Emulation emu = new Emulation(1);
    final Host host = emu.newHost("t");

    NetNamespace ns() {
        NetNamespace ns = host.createNetns();
        Dev.open(ns.loopback);
        return ns;
    }

    /** A veth pair {@code a} in {@code nsA} and {@code b} in {@code nsB}, both up, with MACs. */
    NetDevice[] veth(NetNamespace nsA, String a, String macA, NetNamespace nsB, String b, String macB) {
        NetDevice da = Veth.create(nsA, a, Mac.parse(macA), 0, nsB, b, Mac.parse(macB), 0);
        NetDevice db = Veth.peer(da);
        Dev.open(da);
        Dev.open(db);
        return new NetDevice[] {da, db};
    }

    static void addr(NetDevice dev, String cidr) {
        String[] p = cidr.split("/");
        Devinet.AddrRequest r = new Devinet.AddrRequest();
        r.local = Inet4.parse(p[0]);
        r.address = r.local;
        r.prefixLen = Integer.parseInt(p[1]);
        r.label = dev.name;
        Devinet.newAddr(dev, r);
    }

    static void route(NetNamespace ns, String cidr, String via) {
        String[] p = cidr.split("/");
        FibConfig c = new FibConfig();
        c.dst = p[0].equals("default") ? 0 : Inet4.parse(p[0]);
        c.dstLen = p[0].equals("default") ? 0 : Integer.parseInt(p[1]);
        c.gateway = Inet4.parse(via);
        Fib.insert(ns, c);
    }

    static void forwarding(NetNamespace ns, boolean on) {
        ns.sysctl.get("net/ipv4/ip_forward").set().accept(on ? "1" : "0");
    }

    static int ip(String s) { return Inet4.parse(s); }

    /** Frames received by a device, captured (and consumed) by an rx handler: the wire bytes. */
    static final class Tap {
        final List<byte[]> frames = new ArrayList<>();

        static Tap on(NetDevice dev) {
            Tap t = new Tap();
            dev.rxHandler = skb -> {
                byte[] f = new byte[skb.len + 14];
                System.arraycopy(skb.buf, skb.macHeader, f, 0, f.length);
                t.frames.add(f);
                skb.free();
                return RxHandlerResult.CONSUMED;
            };
            return t;
        }

        String hex(int i) { return HexFormat.of().formatHex(frames.get(i)); }
    }

    /** Injects a frame (hex) as received on {@code dev}. */
    static void inject(NetDevice dev, String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        SkBuff skb = dev.ns.emulation().pool.alloc(b.length);
        int o = skb.put(b.length);
        System.arraycopy(b, 0, skb.buf, o, b.length);
        Dev.ethTypeTrans(skb, dev);
        Dev.netifRx(skb);
    }

    /** Sends one echo request from a raw ICMP socket (what ping does). */
    static int echo(PingSocket s, int dst, int id, int seq, int payload) {
        byte[] p = new byte[8 + payload];
        p[0] = 8;
        dev.nsnet.kernel.wire.Bytes.put16(p, 4, id);
        dev.nsnet.kernel.wire.Bytes.put16(p, 6, seq);
        for (int i = 0; i < payload; i++) p[8 + i] = (byte) i;
        dev.nsnet.kernel.wire.Icmp.setChecksum(p, 0, p.length);
        return s.sendto(p, p.length, dst);
    }

    void run(long ms) { emu.scheduler.sleep(ms * 1_000_000L); }
}
