package dev.nsnet.kernel.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.kernel.core.Dev;
import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.RxHandlerResult;
import dev.nsnet.kernel.drivers.Veth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames the bridge itself sends, byte for byte against captures from the real kernel:
 * <pre>
 * scripts/sandbox.sh 'ip link add br0 address 02:00:00:00:0b:00 type bridge [stp_state 1 forward_delay 400];
 *   ip link add v1 address 02:00:00:00:00:01 type veth peer name v1p address 02:00:00:00:01:01;
 *   ip link set v1 master br0; ip link set v1 up; ip link set v1p up;
 *   (timeout 5 tcpdump -i v1p -c 3 -xx -n -e &); sleep 0.3; ip link set br0 up; sleep 4.6'
 * </pre>
 */
class BridgeWireTest {
    final Emulation emu = new Emulation(1);
    final Host host = emu.newHost("h");
    final NetNamespace ns = host.rootNs;
    final List<byte[]> captured = new ArrayList<>();

    NetBridge world(boolean stp) {
        NetBridge br = BrDevice.create(ns, "br0", 0x02_00_00_00_0b_00L);
        if (stp) {
            BridgeOptions o = new BridgeOptions();
            o.stpState = 1L;
            o.forwardDelay = 400L;
            o.apply(br);
        }
        NetDevice v1 = Veth.create(ns, "v1", 0x020000000001L, 0, ns, "v1p", 0x020000000101L, 0);
        br.dev.ops.addSlave(br.dev, v1);
        Dev.open(v1);
        NetDevice v1p = Veth.peer(v1);
        Dev.open(v1p);
        v1p.rxHandler = skb -> {
            byte[] f = new byte[skb.tail() - skb.macHeader];
            System.arraycopy(skb.buf, skb.macHeader, f, 0, f.length);
            captured.add(f);
            Dev.consume(skb);
            return RxHandlerResult.CONSUMED;
        };
        Dev.open(br.dev);
        return br;
    }

    static String hex(byte[] b) { return HexFormat.of().formatHex(b); }

    /** The hex of a tcpdump -xx dump: offsets dropped, groups joined. */
    static String dump(String tcpdump) {
        StringBuilder sb = new StringBuilder();
        for (String line : tcpdump.strip().split("\n")) {
            String l = line.strip();
            sb.append(l.substring(l.indexOf(':') + 1).replace(" ", ""));
        }
        return sb.toString();
    }

    /* 02:00:00:00:0b:00 > 01:00:5e:00:00:16, IPv4 (tos 0xc0, ttl 1, id 0, DF, IGMP, RA):
     * 0.0.0.0 > 224.0.0.22: igmp v3 report, 1 group record(s) [gaddr 224.0.0.106 to_ex, 0 source(s)] - twice */
    @Test
    void igmpReportsForTheSnoopingGroupWhenTheBridgeComesUp() {
        world(false);
        emu.scheduler.sleep(2_000_000_000L);
        String want = dump("""
                0x0000:  0100 5e00 0016 0200 0000 0b00 0800 46c0
                0x0010:  0028 0000 4000 0102 03fa 0000 0000 e000
                0x0020:  0016 9404 0000 2200 f993 0000 0001 0400
                0x0030:  0000 e000 006a
                """);
        assertEquals(2, captured.size());
        assertEquals(want, hex(captured.get(0)));
        assertEquals(want, hex(captured.get(1)));
    }

    /* 02:00:00:00:00:01 > 01:80:c2:00:00:00, 802.3, length 38: LLC, dsap STP (0x42), ssap STP (0x42), ctrl 0x03:
     * STP 802.1d, Config, Flags [none], bridge-id 8000.02:00:00:00:0b:00.8001 */
    @Test
    void configBpduOfARootBridge() {
        NetBridge br = world(true);
        emu.scheduler.sleep(2_100_000_000L); // the first hello is 2 s after up; the port still listens
        String want = dump("""
                0x0000:  0180 c200 0000 0200 0000 0001 0026 4242
                0x0010:  0300 0000 0000 8000 0200 0000 0b00 0000
                0x0020:  0000 8000 0200 0000 0b00 8001 0000 1400
                0x0030:  0200 0400
                """);
        assertEquals(1, captured.size());
        assertEquals(want, hex(captured.get(0)));
        assertEquals(BrPort.LISTENING, br.ports().get(0).state);
    }

    /* ... then 'ip link set br0 type bridge mcast_snooping 0': two leave reports,
     * igmp v3 report, 1 group record(s) [gaddr 224.0.0.106 to_in, 0 source(s)] */
    @Test
    void turningSnoopingOffReportsTheLeave() {
        NetBridge br = world(false);
        emu.scheduler.sleep(1_500_000_000L);
        captured.clear();
        BridgeOptions o = new BridgeOptions();
        o.mcastSnooping = 0;
        o.apply(br);
        emu.scheduler.sleep(1_500_000_000L);
        String want = dump("""
                0x0000:  0100 5e00 0016 0200 0000 0b00 0800 46c0
                0x0010:  0028 0000 4000 0102 03fa 0000 0000 e000
                0x0020:  0016 9404 0000 2200 fa93 0000 0001 0300
                0x0030:  0000 e000 006a
                """);
        assertEquals(2, captured.size());
        assertEquals(want, hex(captured.get(0)));
        assertEquals(want, hex(captured.get(1)));
    }
}
