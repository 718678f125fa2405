package dev.nsnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.netfilter.conntrack.NfConn;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.kernel.wire.Inet4;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The red line is the kernel's path c: conntrack on and MASQUERADE out of eth0, inet without a route
 * back. One flow: one entry whose reply tuple is NATed to node1's address; every frame arrives.
 */
class BenchRedlineNatTest {
    @Test
    void redLineFramesAreMasqueraded() {
        Bench.Rig rig = Bench.rig(Bench.Path.REDLINE);
        Bench.inject(rig, 10); // the first frames wait for node1's ARP to inet
        long before = rig.rx().stats.rxPackets;
        Bench.inject(rig, 500);
        assertEquals(500, rig.rx().stats.rxPackets - before);
        NetNamespace node = rig.emu().host("node1").rootNs;
        List<NfConn> entries = NfConntrackNet.of(node).entries();
        assertEquals(1, entries.size(), entries.toString());
        NfConn ct = entries.get(0);
        assertEquals(Inet4.parse("10.244.0.2"), ct.tuple(NfConn.DIR_ORIGINAL).src);
        assertEquals(Inet4.parse("198.51.100.1"), ct.tuple(NfConn.DIR_REPLY).dst);
        assertTrue((ct.status & NfConn.IPS_SRC_NAT) != 0);
    }
}
