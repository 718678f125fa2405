package dev.nsnet.kernel.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.netfilter.xt.XtLog;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** The LOG line of nf_log_syslog.c field by field, and where it goes (the root namespace's printk ring). */
class NfLogTest {
    private final NfTestPackets p = new NfTestPackets();

    private SkBuff tcpSyn() {
        SkBuff skb = p.emu.pool.alloc(128);
        int o = skb.put(Ipv4.HLEN + 24);
        Ipv4.write(skb.buf, o, 0, Ipv4.HLEN + 24, 7, 0x4000, 64, Ipv4.PROTO_TCP, Inet4.parse("10.0.0.2"), Inet4.parse("10.0.0.1"));
        int th = o + Ipv4.HLEN;
        Bytes.put16(skb.buf, th, 40000);
        Bytes.put16(skb.buf, th + 2, 80);
        Bytes.put32(skb.buf, th + 4, 1000);
        skb.buf[th + 12] = (byte) 0x60; // doff 6: one 4-byte option
        skb.buf[th + 13] = 0x02; // SYN
        Bytes.put16(skb.buf, th + 14, 64240);
        skb.buf[th + 20] = 2;
        skb.buf[th + 21] = 4;
        Bytes.put16(skb.buf, th + 22, 1460);
        skb.networkHeader = o;
        return skb;
    }

    @Test
    void tcpFieldsFlagsAndOptions() {
        SkBuff skb = tcpSyn();
        skb.mark = 0x2a;
        String line = NfLog.format(skb, null, p.ns.loopback, "out: ", XtLog.TCPSEQ | XtLog.TCPOPT);
        assertEquals("out: IN= OUT=lo SRC=10.0.0.2 DST=10.0.0.1 LEN=44 TOS=0x00 PREC=0x00 TTL=64 ID=7 DF PROTO=TCP "
                + "SPT=40000 DPT=80 SEQ=1000 ACK=0 WINDOW=64240 RES=0x00 SYN URGP=0 OPT (020405B4) MARK=0x2a ", line);
    }

    @Test
    void anIcmpErrorQuotesThePacketInBrackets() {
        SkBuff skb = p.emu.pool.alloc(128);
        int o = skb.put(Ipv4.HLEN + 8 + Ipv4.HLEN + 8);
        Ipv4.write(skb.buf, o, 0, Ipv4.HLEN + 8 + Ipv4.HLEN + 8, 9, 0, 64, Ipv4.PROTO_ICMP, Inet4.parse("10.0.0.1"), Inet4.parse("10.0.0.2"));
        int th = o + Ipv4.HLEN;
        skb.buf[th] = 3;
        skb.buf[th + 1] = 3;
        Ipv4.write(skb.buf, th + 8, 0, 29, 5, 0, 63, Ipv4.PROTO_UDP, Inet4.parse("10.0.0.2"), Inet4.parse("10.0.0.1"));
        Bytes.put16(skb.buf, th + 28, 5000);
        Bytes.put16(skb.buf, th + 30, 53);
        Bytes.put16(skb.buf, th + 32, 9);
        skb.networkHeader = o;
        assertEquals("IN= OUT=lo SRC=10.0.0.1 DST=10.0.0.2 LEN=56 TOS=0x00 PREC=0x00 TTL=64 ID=9 PROTO=ICMP TYPE=3 CODE=3 "
                + "[SRC=10.0.0.2 DST=10.0.0.1 LEN=29 TOS=0x00 PREC=0x00 TTL=63 ID=5 PROTO=UDP SPT=5000 DPT=53 LEN=9 ] ",
                NfLog.format(skb, null, p.ns.loopback, "", 0));
    }

    @Test
    void onlyTheRootNamespaceWritesToTheKernelLog() {
        SkBuff skb = p.packet("10.0.0.1", "10.0.0.2", Ipv4.PROTO_ICMP, 8, 0);
        NfLog.log(NfHook.LOCAL_OUT, skb, null, p.ns.loopback, 4, "root: ", 0);
        dev.nsnet.kernel.core.NetNamespace other = p.ns.host.createNetns();
        NfLog.log(NfHook.LOCAL_OUT, skb, null, other.loopback, 4, "pod: ", 0);
        assertEquals(1, p.ns.host.printk.records().size(), "nf_log_allowed(): init_net only");
        assertEquals("root: IN= OUT=lo ", p.ns.host.printk.records().get(0).text().substring(0, 17));
        assertEquals(1, NfLog.lines(other).size(), "the namespace still keeps its own line for traces and tests");
    }
}
