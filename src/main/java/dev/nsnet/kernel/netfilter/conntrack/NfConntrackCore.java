package dev.nsnet.kernel.netfilter.conntrack;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.NetfilterNet;
import dev.nsnet.kernel.netfilter.NfHook;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.trace.Tracepoints;

/**
 * The conntrack hook functions of net/netfilter/nf_conntrack_core.c: {@link #in}
 * ({@code nf_conntrack_in()}, at NF_IP_PRI_CONNTRACK in PREROUTING and OUTPUT) attaches the
 * packet's entry, creating an unconfirmed one for a new flow; {@link #confirm}
 * ({@code __nf_conntrack_confirm()}, at NF_IP_PRI_CONNTRACK_CONFIRM, last in POSTROUTING and INPUT)
 * inserts a new entry into the hash. Netfilter.traverse() calls both while
 * {@link NfConntrackNet#active()}.
 *
 * <p>For NAT: between {@link #in} and {@link #confirm} the entry of a NEW packet is unconfirmed;
 * {@link #alterReply} (nf_conntrack_alter_reply) replaces its reply tuple, {@link #tupleTaken}
 * (nf_conntrack_tuple_taken) tells whether a candidate reply tuple is in use by another entry,
 * {@link #find} looks a tuple up, {@link #get} is nf_ct_get(). Nothing here allocates for a packet
 * of a known flow; a new flow allocates its entry.
 */
public final class NfConntrackCore {
    private NfConntrackCore() { }

    /** Priorities of enum nf_ip_hook_priorities. */
    public static final int PRI_CONNTRACK = -200, PRI_CONNTRACK_CONFIRM = Integer.MAX_VALUE;

    /** Proto handler results: accept and keep the entry, invalid (accept without entry), repeat the lookup. */
    static final int ACCEPT = 1, INVALID = 0, REPEAT = -1, DROP = -2;

    /** nf_ct_get(): the packet's entry or null (untracked, invalid or never seen). */
    public static NfConn get(SkBuff skb) { return (NfConn) skb.nfct; }

    /** nf_conntrack_in(): 1 (NF_ACCEPT) or 0 (NF_DROP). */
    public static int in(NfConntrackNet net, int hook, SkBuff skb, NetDevice dev) {
        // Previously seen (loopback keeps the entry of the output path) or untracked: leave it.
        if (skb.nfct != null || skb.ctinfo == NfConn.IP_CT_UNTRACKED) return NfHook.NF_ACCEPT;
        Tracepoints tp = net.ns.emulation().trace;
        byte[] b = skb.buf;
        int nh = skb.networkHeader;
        // nf_defrag_ipv4 reassembles before conntrack on Linux; fragments are not tracked here.
        if (Ipv4.mf(b, nh) || Ipv4.fragOffset(b, nh) != 0) {
            if (tp.on) tp.step(skb, dev, "nf_conntrack_in", "fragment: not tracked");
            return NfHook.NF_ACCEPT;
        }
        if (net.scratch == null) {
            net.scratch = new NfConntrackTuple();
            net.scratch2 = new NfConntrackTuple();
        }
        int proto = Ipv4.protocol(b, nh);
        int th = nh + Ipv4.ihl(b, nh);
        int end = Math.min(nh + Ipv4.totLen(b, nh), skb.tail());
        if (proto == NfConntrackProtoIcmp.IPPROTO_ICMP) {
            int r = NfConntrackProtoIcmp.error(net, skb, th, end, dev);
            if (r != NfConntrackProtoIcmp.NOT_ERROR) {
                if (r == INVALID) net.statError++;
                return NfHook.NF_ACCEPT;
            }
        }
        NfConntrackTuple t = net.scratch;
        if (!pktToTuple(b, th, end, Ipv4.src(b, nh), Ipv4.dst(b, nh), proto, t)) {
            invalid(skb, dev, tp, "packet too short for a tuple");
            return NfHook.NF_ACCEPT;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            NfConntrackTupleHash h = net.find(t);
            NfConn ct;
            int ctinfo;
            if (h == null) {
                NfConntrackTuple repl = net.scratch2;
                if (!t.invert(repl)) {
                    invalid(skb, dev, tp, "no inverse tuple");
                    return NfHook.NF_ACCEPT;
                }
                if (net.count >= net.max && !earlyDrop(net)) {
                    net.statDrop++;
                    NfConntrackEvents.tableFull(net);
                    if (tp.on) tp.step(skb, dev, "nf_conntrack_in", "table full, dropping packet");
                    return NfHook.NF_DROP;
                }
                ct = net.alloc(t, repl);
                ctinfo = NfConn.IP_CT_NEW;
            } else {
                ct = h.ct;
                if (h.dir == NfConn.DIR_REPLY) ctinfo = NfConn.IP_CT_ESTABLISHED_REPLY;
                else if ((ct.status & NfConn.IPS_SEEN_REPLY) != 0) ctinfo = NfConn.IP_CT_ESTABLISHED;
                else ctinfo = NfConn.IP_CT_NEW;
            }
            skb.nfct = ct;
            skb.ctinfo = ctinfo;
            int r = switch (proto) {
                case NfConntrackProtoTcp.IPPROTO_TCP -> NfConntrackProtoTcp.packet(ct, skb, th, end, ctinfo, dev);
                case NfConntrackProtoUdp.IPPROTO_UDP -> NfConntrackProtoUdp.packet(ct, ctinfo);
                case NfConntrackProtoIcmp.IPPROTO_ICMP -> NfConntrackProtoIcmp.packet(ct);
                default -> {
                    refresh(ct, net.genericTimeout);
                    yield ACCEPT;
                }
            };
            if (r == REPEAT) {
                skb.resetCt();
                continue;
            }
            if (r <= INVALID) {
                net.statInvalid++;
                skb.resetCt();
                if (tp.on) invalid(skb, dev, tp, "refused by the " + protoName(proto) + " tracker");
                return r == DROP ? NfHook.NF_DROP : NfHook.NF_ACCEPT;
            }
            if (ctinfo == NfConn.IP_CT_ESTABLISHED_REPLY && (ct.status & NfConn.IPS_SEEN_REPLY) == 0) {
                ct.status |= NfConn.IPS_SEEN_REPLY;
                NfConntrackEvents.cache(ct, NfConntrackEvents.IPCT_REPLY);
            }
            if (tp.on) tp.step(skb, dev, "nf_conntrack_in", ctinfoName(ctinfo) + ": " + ct);
            return NfHook.NF_ACCEPT;
        }
        skb.resetCt();
        return NfHook.NF_ACCEPT;
    }

    private static void invalid(SkBuff skb, NetDevice dev, Tracepoints tp, String why) {
        if (tp.on) tp.step(skb, dev, "nf_conntrack_in", "INVALID: " + why);
    }

    /** __nf_conntrack_confirm(): 1 (NF_ACCEPT) or 0 (NF_DROP on a clash that cannot be resolved). */
    public static int confirm(NfConntrackNet net, SkBuff skb, NetDevice dev) {
        NfConn ct = (NfConn) skb.nfct;
        if (ct == null) return NfHook.NF_ACCEPT;
        if (ct.isConfirmed()) {
            if (ct.ecache != 0) NfConntrackEvents.deliver(ct);
            return NfHook.NF_ACCEPT;
        }
        if (NfConn.ctinfo2dir(skb.ctinfo) != NfConn.DIR_ORIGINAL) return NfHook.NF_ACCEPT;
        if ((ct.status & NfConn.IPS_DYING) != 0) return NfHook.NF_ACCEPT;
        NfConntrackTupleHash o = net.find(ct.tuple(NfConn.DIR_ORIGINAL));
        NfConntrackTupleHash r = o == null ? net.find(ct.tuple(NfConn.DIR_REPLY)) : null;
        Tracepoints tp = net.ns.emulation().trace;
        if (o != null || r != null) {
            // nf_ct_resolve_clash(): the same flow was confirmed meanwhile: take that entry.
            NfConntrackTupleHash ex = o != null ? o : r;
            if (o != null && ex.ct.tuple(NfConn.DIR_REPLY).equal(ct.tuple(NfConn.DIR_REPLY))) {
                net.statClashResolve++;
                skb.nfct = ex.ct;
                return NfHook.NF_ACCEPT;
            }
            net.statInsertFailed++;
            if (tp.on) tp.step(skb, dev, "__nf_conntrack_confirm", "insert failed: tuple clash with " + ex.ct);
            return NfHook.NF_DROP;
        }
        ct.timeout += net.now();
        ct.status |= NfConn.IPS_CONFIRMED;
        net.insert(ct);
        net.count++;
        if (tp.on) tp.step(skb, dev, "__nf_conntrack_confirm", "new entry " + ct);
        NfConntrackEvents.cache(ct, NfConntrackEvents.IPCT_NEW);
        NfConntrackEvents.deliver(ct);
        return NfHook.NF_ACCEPT;
    }

    /** nf_ct_refresh_acct(): the timeout restarts at {@code seconds}. */
    static void refresh(NfConn ct, long seconds) {
        long ns = seconds * 1_000_000_000L;
        ct.timeout = ct.isConfirmed() ? ct.net.now() + ns : ns;
    }

    /** nf_ct_get_tuple(): the packet's original-direction tuple from its headers. */
    static boolean pktToTuple(byte[] b, int th, int end, int saddr, int daddr, int proto, NfConntrackTuple t) {
        switch (proto) {
            case NfConntrackProtoTcp.IPPROTO_TCP, NfConntrackProtoUdp.IPPROTO_UDP, 132, 136 -> {
                if (th + 8 > end) return false;
                t.set(saddr, daddr, proto, Bytes.u16(b, th), Bytes.u16(b, th + 2));
            }
            case NfConntrackProtoIcmp.IPPROTO_ICMP -> {
                if (th + 8 > end) return false;
                t.set(saddr, daddr, proto, Bytes.u16(b, th + 4), (b[th] & 0xff) << 8 | (b[th + 1] & 0xff));
            }
            default -> t.set(saddr, daddr, proto, 0, 0);
        }
        return true;
    }

    /** early_drop(): frees the oldest entry not yet ASSURED; false when every entry is assured. */
    private static boolean earlyDrop(NfConntrackNet net) {
        for (NfConn ct : net.entries()) {
            if ((ct.status & NfConn.IPS_ASSURED) == 0) {
                delete(ct);
                net.statEarlyDrop++;
                return true;
            }
        }
        return net.count < net.max;
    }

    /** nf_ct_delete() / nf_ct_kill(): unlinks the entry now (DESTROY event). */
    public static boolean delete(NfConn ct) {
        if ((ct.status & NfConn.IPS_DYING) != 0) return false;
        ct.status |= NfConn.IPS_DYING;
        if (ct.inHash) {
            ct.net.unlinkEntry(ct);
            ct.net.count--;
            NfConntrackEvents.destroyed(ct);
        }
        return true;
    }

    /** ctnetlink_del_conntrack() / flush: a deletion asked for by userspace (conntrack -D, -F). */
    public static boolean deleteByUser(NfConn ct) {
        ct.byUser = true;
        return delete(ct);
    }

    /** nf_ct_gc_expired(): an entry whose timeout passed goes as if killed. */
    static void gcExpired(NfConn ct) { delete(ct); }

    /** nf_conntrack_find_get(): the entry direction holding {@code t}, or null. */
    public static NfConntrackTupleHash find(NfConntrackNet net, NfConntrackTuple t) { return net.find(t); }

    /** nf_conntrack_tuple_taken(): whether a confirmed entry other than {@code ignored} uses {@code t}. */
    public static boolean tupleTaken(NfConntrackNet net, NfConntrackTuple t, NfConn ignored) {
        NfConntrackTupleHash h = net.find(t);
        return h != null && h.ct != ignored;
    }

    /** nf_conntrack_alter_reply(): NAT's new reply tuple for an unconfirmed entry. */
    public static void alterReply(NfConn ct, NfConntrackTuple newReply) {
        if (ct.isConfirmed()) throw new IllegalStateException("alter_reply on a confirmed entry");
        ct.tuple(NfConn.DIR_REPLY).copyFrom(newReply);
    }

    /** nf_ct_netns_get(): a rule that needs tracking was added; registers the hooks on first use. */
    public static void netnsGet(NetNamespace ns) {
        NfConntrackNet net = NfConntrackNet.of(ns);
        if (net == null) return;
        net.users++;
        NetfilterNet.ensure(ns).conntrack = net;
    }

    /** nf_ct_netns_put(): the last user gone unregisters the hooks (entries stay until they expire). */
    public static void netnsPut(NetNamespace ns) {
        NfConntrackNet net = NfConntrackNet.of(ns);
        if (net == null || net.users == 0) return;
        if (--net.users == 0) {
            NetfilterNet n = NetfilterNet.of(ns);
            if (n != null) n.conntrack = null;
        }
    }

    static String protoName(int proto) {
        return switch (proto) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> "generic";
        };
    }

    static String ctinfoName(int ctinfo) {
        return switch (ctinfo) {
            case NfConn.IP_CT_ESTABLISHED -> "ESTABLISHED";
            case NfConn.IP_CT_RELATED -> "RELATED";
            case NfConn.IP_CT_NEW -> "NEW";
            case NfConn.IP_CT_ESTABLISHED_REPLY -> "ESTABLISHED reply";
            case NfConn.IP_CT_RELATED_REPLY -> "RELATED reply";
            default -> "UNTRACKED";
        };
    }
}
