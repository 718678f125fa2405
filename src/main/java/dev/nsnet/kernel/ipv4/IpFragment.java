package dev.nsnet.kernel.ipv4;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.sched.Timer;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Icmp;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.Tracepoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4 reassembly (net/ipv4/ip_fragment.c {@code ip_defrag}): fragments queue per (source,
 * destination, id, protocol) until the datagram is complete, or the queue expires after
 * net.ipv4.ipfrag_time seconds (ICMP reassembly time exceeded when the first fragment was seen).
 * Overlapping fragments drop the whole queue (RFC 5722), as the kernel does.
 */
public final class IpFragment {
    private record Key(int src, int dst, int id, int proto) { }

    /** {@code struct ipq}. */
    private static final class Queue {
        final Key key;
        final List<SkBuff> frags = new ArrayList<>();
        int len;
        int meat;
        boolean firstIn;
        boolean lastIn;
        Timer timer;

        Queue(Key key) { this.key = key; }
    }

    private final NetNamespace ns;
    private final Map<Key, Queue> queues = new HashMap<>();

    private IpFragment(NetNamespace ns) { this.ns = ns; }

    static IpFragment of(NetNamespace ns) {
        IpFragment f = ns.subsys(IpFragment.class);
        if (f == null) {
            f = new IpFragment(ns);
            ns.setSubsys(IpFragment.class, f);
        }
        return f;
    }

    public int queueCount() { return queues.size(); }

    /** ip_defrag(): returns the reassembled datagram, or null while it is incomplete. */
    static SkBuff defrag(SkBuff skb) {
        return of(skb.dev.ns).add(skb);
    }

    private SkBuff add(SkBuff skb) {
        NetDevice dev = skb.dev;
        Tracepoints tp = ns.emulation().trace;
        byte[] b = skb.buf;
        int o = skb.networkHeader;
        int ihl = Ipv4.ihl(b, o);
        Key key = new Key(Ipv4.src(b, o), Ipv4.dst(b, o), Ipv4.id(b, o), Ipv4.protocol(b, o));
        Queue q = queues.get(key);
        if (q == null) {
            q = new Queue(key);
            queues.put(key, q);
            Queue qq = q;
            q.timer = ns.emulation().scheduler.newTimer(() -> expire(qq));
            q.timer.after(Ipv4Net.of(ns).ipfragTime * 1_000_000_000L);
        }
        int offset = Ipv4.fragOffset(b, o);
        int end = offset + Ipv4.totLen(b, o) - ihl;
        boolean mf = Ipv4.mf(b, o);
        if (!mf) {
            if (end < q.len || (q.lastIn && end != q.len)) return dropQueue(q, skb, "inconsistent last fragment");
            q.lastIn = true;
            q.len = end;
        } else {
            if ((end & 7) != 0) end &= ~7;
            if (end > q.len) {
                if (q.lastIn) return dropQueue(q, skb, "fragment beyond the end");
                q.len = end;
            }
        }
        for (SkBuff f : q.frags) {
            int fo = Ipv4.fragOffset(f.buf, f.networkHeader);
            int fe = fo + Ipv4.totLen(f.buf, f.networkHeader) - Ipv4.ihl(f.buf, f.networkHeader);
            if (offset < fe && end > fo) {
                if (offset == fo && end == fe) {
                    Dev.drop(skb, dev, "ip_frag_queue", DropReason.NOT_SPECIFIED, "duplicate fragment");
                    return null;
                }
                return dropQueue(q, skb, "overlapping fragment");
            }
        }
        if (offset == 0) q.firstIn = true;
        q.meat += end - offset;
        int pos = 0;
        while (pos < q.frags.size() && Ipv4.fragOffset(q.frags.get(pos).buf, q.frags.get(pos).networkHeader) < offset) pos++;
        q.frags.add(pos, skb);
        if (tp.on) tp.step(skb, dev, "ip_defrag", "fragment " + offset + "-" + end + (mf ? "" : " (last)")
                + ", have " + q.meat + (q.lastIn ? "/" + q.len : "") + " bytes");
        if (q.firstIn && q.lastIn && q.meat == q.len) return reasm(q);
        return null;
    }

    /** ip_frag_reasm(): one datagram from the first fragment's header and every payload. */
    private SkBuff reasm(Queue q) {
        queues.remove(q.key);
        q.timer.del();
        SkBuff head = q.frags.get(0);
        int ihl = Ipv4.ihl(head.buf, head.networkHeader);
        int total = ihl + q.len;
        SkBuff r = ns.emulation().pool.alloc(total + 16);
        int ro = r.put(total);
        System.arraycopy(head.buf, head.networkHeader, r.buf, ro, ihl);
        for (SkBuff f : q.frags) {
            int fh = Ipv4.ihl(f.buf, f.networkHeader);
            int fo = Ipv4.fragOffset(f.buf, f.networkHeader);
            int plen = Ipv4.totLen(f.buf, f.networkHeader) - fh;
            System.arraycopy(f.buf, f.networkHeader + fh, r.buf, ro + ihl + fo, plen);
        }
        Bytes.put16(r.buf, ro + 2, total);
        Bytes.put16(r.buf, ro + 6, 0);
        Ipv4.setChecksum(r.buf, ro);
        r.networkHeader = ro;
        r.transportHeader = ro + ihl;
        r.dev = head.dev;
        r.iif = head.iif;
        r.pktType = head.pktType;
        r.protocol = head.protocol;
        r.mark = head.mark;
        r.routeType = head.routeType;
        r.outDev = head.outDev;
        r.nexthop = head.nexthop;
        Tracepoints tp = ns.emulation().trace;
        if (tp.on) tp.step(r, r.dev, "ip_frag_reasm", q.frags.size() + " fragments, " + total + " bytes");
        for (SkBuff f : q.frags) Dev.consume(f);
        return r;
    }

    private SkBuff dropQueue(Queue q, SkBuff skb, String why) {
        queues.remove(q.key);
        q.timer.del();
        NetDevice dev = skb.dev;
        Dev.drop(skb, dev, "ip_frag_queue", DropReason.NOT_SPECIFIED, why);
        for (SkBuff f : q.frags) Dev.drop(f, f.dev, "ip_frag_queue", DropReason.NOT_SPECIFIED, why);
        return null;
    }

    /** ip_expire(): time exceeded to the source when the first fragment had arrived. */
    private void expire(Queue q) {
        if (queues.get(q.key) != q) return;
        queues.remove(q.key);
        if (q.firstIn && !q.frags.isEmpty()) {
            SkBuff head = q.frags.get(0);
            if (Ipv4Net.of(ns) != null && head.routeType == RouteType.LOCAL.ordinal()) {
                IcmpSend.send(head, Icmp.TIME_EXCEEDED, Icmp.EXC_FRAGTIME, 0);
            }
        }
        for (SkBuff f : q.frags) Dev.drop(f, f.dev, "ip_expire", DropReason.FRAG_REASM_TIMEOUT, null);
    }
}
