package dev.nsnet.kernel.netfilter;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ipv4;

/**
 * One rule ({@code struct ipt_entry}): the IPv4 header match of {@code struct ipt_ip} (addresses
 * with masks, interfaces with a trailing-'+' wildcard, protocol, inversion flags), its match
 * extensions, its target and its counters. Built once by the control plane; the data path only
 * compares ints and device names.
 */
public final class XtRule {
    /** IPT_INV_* bits of ipt_ip.invflags. */
    public static final int INV_VIA_IN = 0x01, INV_VIA_OUT = 0x02, INV_SRCIP = 0x08, INV_DSTIP = 0x10,
            INV_PROTO = 0x40;

    public final int src, smsk, dst, dmsk;
    /** Interface names without the trailing '+', or null for any; {@code inWild}: a prefix match. */
    public final String iniface, outiface;
    public final boolean inWild, outWild;
    /** IP protocol number, 0 for any. */
    public final int proto;
    public final int invflags;
    public final XtMatch[] matches;
    public final XtTarget target;
    /**
     * The rule as {@code iptables -S} prints it (without the leading "-A CHAIN "), handed over by the
     * control plane for traces and drop reasons only (like the nft rule's user data).
     */
    public String text;
    public long pcnt, bcnt;

    public XtRule(int src, int smsk, int dst, int dmsk, String iniface, boolean inWild, String outiface,
                  boolean outWild, int proto, int invflags, XtMatch[] matches, XtTarget target, String text) {
        this.src = src & smsk;
        this.smsk = smsk;
        this.dst = dst & dmsk;
        this.dmsk = dmsk;
        this.iniface = iniface;
        this.inWild = inWild;
        this.outiface = outiface;
        this.outWild = outWild;
        this.proto = proto;
        this.invflags = invflags;
        this.matches = matches;
        this.target = target;
        this.text = text == null ? "" : text;
    }

    /** The same rule (matches, counters, text) with another target: a copy into a new table blob. */
    XtRule withTarget(XtTarget t) {
        XtRule r = new XtRule(src, smsk, dst, dmsk, iniface, inWild, outiface, outWild, proto, invflags, matches, t, text);
        r.pcnt = pcnt;
        r.bcnt = bcnt;
        return r;
    }

    /** ip_packet_match(): the ipt_ip part. */
    boolean ipMatch(byte[] b, int nh, NetDevice in, NetDevice out) {
        if (((Ipv4.src(b, nh) & smsk) != src) ^ ((invflags & INV_SRCIP) != 0)) return false;
        if (((Ipv4.dst(b, nh) & dmsk) != dst) ^ ((invflags & INV_DSTIP) != 0)) return false;
        if (iniface != null && !ifaceMatch(in, iniface, inWild) ^ ((invflags & INV_VIA_IN) != 0)) return false;
        if (outiface != null && !ifaceMatch(out, outiface, outWild) ^ ((invflags & INV_VIA_OUT) != 0)) return false;
        if (proto != 0 && (Ipv4.protocol(b, nh) != proto) ^ ((invflags & INV_PROTO) != 0)) return false;
        return true;
    }

    private static boolean ifaceMatch(NetDevice dev, String name, boolean wild) {
        String n = dev == null ? "" : dev.name;
        return wild ? n.startsWith(name) : n.equals(name);
    }

    /** Whether the rule selects the same packets and does the same (what -D RULE and -C compare). */
    public boolean sameAs(XtRule o) {
        return src == o.src && smsk == o.smsk && dst == o.dst && dmsk == o.dmsk && invflags == o.invflags
                && proto == o.proto && java.util.Objects.equals(iniface, o.iniface) && inWild == o.inWild
                && java.util.Objects.equals(outiface, o.outiface) && outWild == o.outWild
                && java.util.Arrays.equals(matches, o.matches) && java.util.Objects.equals(target, o.target);
    }

    /** The same for a packet outside a table walk (tests, tools): fills a fresh xt_action_param. */
    public boolean matches(SkBuff skb, NetDevice in, NetDevice out) {
        XtActionParam par = new XtActionParam();
        par.in = in;
        par.out = out;
        par.net = in != null ? in.ns : out != null ? out.ns : null;
        par.nh = skb.networkHeader;
        par.thoff = par.nh + Ipv4.ihl(skb.buf, par.nh);
        par.fragoff = Ipv4.fragOffset(skb.buf, par.nh);
        return matches(skb, par);
    }

    /** ip_packet_match() then each match extension in order (the walk filled {@code par}). */
    public boolean matches(SkBuff skb, XtActionParam par) {
        if (!ipMatch(skb.buf, par.nh, par.in, par.out)) return false;
        for (XtMatch m : matches) if (!m.match(skb, par)) return false;
        return true;
    }
}
