package dev.nsnet.kernel.bridge;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.Tracepoints;

/**
 * net/bridge/br_stp_bpdu.c (sending side): the configuration BPDU a root bridge sends out of each
 * designated port every hello time when kernel STP runs — an 802.3 frame to the bridge group
 * address with an LLC header (SAP 0x42) and the 35-byte BPDU, 52 bytes on the wire.
 * Received BPDUs are not evaluated (no root election between bridges); see {@link BrInit}.
 */
final class BrStpBpdu {
    private BrStpBpdu() { }

    static final int LEN = 14 + 3 + 35;
    /** STP_HZ: BPDU times are in 1/256 s. */
    private static final int STP_HZ = 256;

    /** br_set_ticks(): clock_t (1/100 s) to BPDU ticks. */
    private static int ticks(int clockT) { return clockT * STP_HZ / 100; }

    /** br_send_config_bpdu() for the root bridge (message age 0, root = this bridge). */
    static void sendConfig(BrPort p) {
        NetBridge br = p.br;
        if (br.stpEnabled != NetBridge.BR_KERNEL_STP) return;
        SkBuff skb = br.dev.ns.host.emulation.pool.alloc(LEN);
        int o = skb.put(LEN);
        byte[] b = skb.buf;
        Bytes.put48(b, o, br.groupAddr);
        Bytes.put48(b, o + 6, p.dev.mac);
        Bytes.put16(b, o + 12, LEN - 14);          // 802.3 length
        Bytes.put8(b, o + 14, 0x42);               // LLC DSAP/SSAP: spanning tree
        Bytes.put8(b, o + 15, 0x42);
        Bytes.put8(b, o + 16, 0x03);               // UI
        int d = o + 17;
        Bytes.put16(b, d, 0);                      // protocol id
        Bytes.put8(b, d + 2, 0);                   // version
        Bytes.put8(b, d + 3, 0);                   // BPDU_TYPE_CONFIG
        Bytes.put8(b, d + 4, (br.topologyChange != 0 ? 0x01 : 0) | (p.topologyChangeAck ? 0x80 : 0));
        Bytes.put16(b, d + 5, br.priority);        // root id = bridge id (we are root)
        Bytes.put48(b, d + 7, br.bridgeIdMac);
        Bytes.put32(b, d + 13, 0);                 // root path cost
        Bytes.put16(b, d + 17, br.priority);
        Bytes.put48(b, d + 19, br.bridgeIdMac);
        Bytes.put16(b, d + 25, p.portId());
        Bytes.put16(b, d + 27, 0);                 // message age
        Bytes.put16(b, d + 29, ticks(br.maxAge));
        Bytes.put16(b, d + 31, ticks(br.helloTime));
        Bytes.put16(b, d + 33, ticks(br.forwardDelay));
        skb.macHeader = o;
        skb.protocol = 0x0004;                     // ETH_P_802_2
        skb.dev = p.dev;
        Tracepoints tp = br.dev.ns.host.emulation.trace;
        if (tp.on) tp.step(skb, p.dev, "br_send_config_bpdu", "to " + Mac.format(br.groupAddr));
        Dev.queueXmit(skb);
    }
}
