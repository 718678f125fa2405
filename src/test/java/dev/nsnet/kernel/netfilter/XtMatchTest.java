package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.xt.IptIcmp;
import dev.nsnet.kernel.netfilter.xt.XtComment;
import dev.nsnet.kernel.netfilter.xt.XtTcpUdp;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** Each match extension against hand-made packets (xt_tcpudp, ipt icmp, xt_comment semantics). */
class XtMatchTest {
    private final NfTestPackets p = new NfTestPackets();

    private static boolean m(XtMatch x, SkBuff skb) {
        int nh = skb.networkHeader;
        XtActionParam par = new XtActionParam();
        par.nh = nh;
        par.thoff = nh + Ipv4.ihl(skb.buf, nh);
        par.fragoff = Ipv4.fragOffset(skb.buf, nh);
        return x.match(skb, par);
    }

    @Test
    void tcpPortRangesAndInversion() {
        SkBuff skb = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, 40000, 22);
        assertTrue(m(new XtTcpUdp(6, 0, 0xffff, false, 22, 22, false), skb));
        assertFalse(m(new XtTcpUdp(6, 0, 0xffff, false, 80, 90, false), skb));
        assertTrue(m(new XtTcpUdp(6, 0, 0xffff, false, 80, 90, true), skb));
        assertTrue(m(new XtTcpUdp(6, 1024, 65535, false, 0, 0xffff, false), skb));
        assertFalse(m(new XtTcpUdp(6, 1024, 65535, true, 0, 0xffff, false), skb));
        // both ranges must hold
        assertFalse(m(new XtTcpUdp(6, 1, 1023, false, 22, 22, false), skb));
    }

    @Test
    void tcpFlagsUnderMaskAndSyn() {
        SkBuff syn = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, 40000, 22);
        // the packet helper leaves 8 transport bytes; give it a full TCP header with SYN
        syn.put(12);
        syn.buf[syn.transportHeader + 13] = 0x02;
        XtMatch isSyn = new XtTcpUdp(6, 0, 0xffff, false, 0, 0xffff, false, 0x17, 0x02, false);
        XtMatch notSyn = new XtTcpUdp(6, 0, 0xffff, false, 0, 0xffff, false, 0x17, 0x02, true);
        assertTrue(m(isSyn, syn));
        assertFalse(m(notSyn, syn));
        syn.buf[syn.transportHeader + 13] = 0x12; // SYN|ACK: not a bare SYN under FIN,SYN,RST,ACK
        assertFalse(m(isSyn, syn));
        assertTrue(m(notSyn, syn));
        assertTrue(m(new XtTcpUdp(6, 0, 0xffff, false, 0, 0xffff, false, 0x12, 0x12, false), syn));
        // a header too short for the flags byte does not match
        SkBuff shortTcp = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_TCP, 40000, 22);
        assertFalse(m(isSyn, shortTcp));
    }

    @Test
    void portsNeverMatchANonFirstFragment() {
        SkBuff frag = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_UDP, 53, 53, 185 /* offset 1480 */);
        assertFalse(m(new XtTcpUdp(17, 0, 0xffff, false, 53, 53, false), frag));
        assertFalse(m(new XtTcpUdp(17, 0, 0xffff, false, 53, 53, true), frag));
    }

    @Test
    void icmpTypeCodeAnyAndInversion() {
        SkBuff echo = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_ICMP, 8, 0);
        SkBuff hostUnreach = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_ICMP, 3, 1);
        XtMatch echoRequest = new IptIcmp(8, 0, 0xff, false);
        assertTrue(m(echoRequest, echo));
        assertFalse(m(echoRequest, hostUnreach));
        assertTrue(m(new IptIcmp(3, 1, 1, false), hostUnreach));
        assertFalse(m(new IptIcmp(3, 3, 3, false), hostUnreach));
        assertTrue(m(new IptIcmp(3, 3, 3, true), hostUnreach));
        assertTrue(m(new IptIcmp(0xff, 0, 0xff, false), echo));
        assertTrue(m(new IptIcmp(0xff, 0, 0xff, false), hostUnreach));
    }

    @Test
    void commentAlwaysMatches() {
        assertTrue(m(new XtComment("x"), p.packet("1.1.1.1", "2.2.2.2", 47, 0, 0)));
    }

    @Test
    void ipPartAddressesMasksProtocolInterfaces() {
        SkBuff skb = p.packet("10.1.2.3", "192.168.0.9", Ipv4.PROTO_UDP, 1, 2);
        XtRule net = new XtRule(NfTestPackets.ip("10.0.0.0"), 0xff000000, 0, 0, null, false, null, false, 0, 0,
                new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertTrue(net.matches(skb, p.ns.loopback, null));
        XtRule notNet = new XtRule(NfTestPackets.ip("10.0.0.0"), 0xff000000, 0, 0, null, false, null, false, 0,
                XtRule.INV_SRCIP, new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertFalse(notNet.matches(skb, p.ns.loopback, null));
        XtRule tcp = new XtRule(0, 0, 0, 0, null, false, null, false, 6, 0, new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertFalse(tcp.matches(skb, p.ns.loopback, null));
        XtRule notTcp = new XtRule(0, 0, 0, 0, null, false, null, false, 6, XtRule.INV_PROTO, new XtMatch[0],
                XtTarget.Verdict.DROP, "");
        assertTrue(notTcp.matches(skb, p.ns.loopback, null));
        // "-i l+" matches lo; "-i l" does not; "! -i lo" does not
        XtRule wild = new XtRule(0, 0, 0, 0, "l", true, null, false, 0, 0, new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertTrue(wild.matches(skb, p.ns.loopback, null));
        XtRule exact = new XtRule(0, 0, 0, 0, "l", false, null, false, 0, 0, new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertFalse(exact.matches(skb, p.ns.loopback, null));
        XtRule notLo = new XtRule(0, 0, 0, 0, "lo", false, null, false, 0, XtRule.INV_VIA_IN, new XtMatch[0],
                XtTarget.Verdict.DROP, "");
        assertFalse(notLo.matches(skb, p.ns.loopback, null));
        // -o eth0 with no output device (INPUT) does not match
        XtRule out = new XtRule(0, 0, 0, 0, null, false, "eth0", false, 0, 0, new XtMatch[0], XtTarget.Verdict.DROP, "");
        assertFalse(out.matches(skb, p.ns.loopback, null));
    }
}
