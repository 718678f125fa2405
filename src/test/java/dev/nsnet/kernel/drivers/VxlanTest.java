package dev.nsnet.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Bytes;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Ipv4;
import dev.nsnet.kernel.wire.Udp;
import dev.nsnet.scenario.Session;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vxlan_xmit / vxlan_rcv / the vxlan FDB (golden/620-626 pin the same behaviour end to end on the
 * 6.18 recording kernel; these check what a transcript cannot show: the bytes on the underlay).
 */
class VxlanTest {
    private final Session s = new Session(1);

    private String run(String line) {
        Session.Result r = s.capture(line);
        return r.output();
    }

    private void world(String n1Extra) {
        run("ip link add br0 address 02:00:00:00:00:fe type bridge");
        run("ip link set br0 up");
        for (int i = 1; i <= 3; i++) {
            run("ip netns add n" + i);
            run("ip link add p" + i + " address 02:00:00:00:00:1" + i + " type veth peer name eth0 address 02:00:00:00:00:0"
                    + i + " netns n" + i);
            run("ip link set p" + i + " master br0");
            run("ip link set p" + i + " up");
            run("ip -n n" + i + " addr add 192.168.1." + i + "/24 dev eth0");
            run("ip -n n" + i + " link set eth0 up");
            run("ip -n n" + i + " link add vx0 address 02:00:00:00:01:0" + i + " type vxlan id 42 dstport 4789 local 192.168.1."
                    + i + " dev eth0" + (i == 1 ? n1Extra : " remote 192.168.1.1"));
            run("ip -n n" + i + " addr add 10.0.0." + i + "/24 dev vx0");
            run("ip -n n" + i + " link set vx0 up");
        }
        run("sleep 1");
    }

    /** Frames leaving n1's underlay eth0 (the veth_xmit step sees them with data at the Ethernet header). */
    private List<byte[]> captureUnderlay(String line) {
        List<byte[]> frames = new ArrayList<>();
        PacketObserver o = new PacketObserver() {
            @Override
            public void step(SkBuff skb, NetDevice dev, String func, String detail) {
                if (func.equals("veth_xmit") && dev.name.equals("eth0") && s.host.netnsName(dev.ns).equals("n1")) {
                    byte[] f = new byte[skb.len];
                    System.arraycopy(skb.buf, skb.data, f, 0, skb.len);
                    frames.add(f);
                }
            }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        };
        s.emulation.trace.attach(o);
        run(line);
        s.emulation.trace.detach(o);
        return frames;
    }

    private static boolean isVxlan(byte[] f) {
        return Ether.type(f, 0) == Ether.P_IP && Ipv4.protocol(f, 14) == Ipv4.PROTO_UDP && Udp.dstPort(f, 34) == 4789;
    }

    @Test
    void encapsulationIsRealVxlanOverUdpWithAValidChecksum() {
        world(" remote 192.168.1.2");
        List<byte[]> frames = captureUnderlay("ip netns exec n1 ping -c 1 10.0.0.2");
        byte[] echo = null;
        for (byte[] f : frames) {
            if (isVxlan(f) && f.length == 14 + 20 + 8 + 8 + 14 + 84) echo = f;
        }
        assertNotNull(echo, "the echo request crossed the underlay inside VXLAN");
        assertEquals(0x020000000001L, Ether.src(echo, 0));
        assertEquals(0x020000000002L, Ether.dst(echo, 0));
        assertTrue(Ipv4.checksumOk(echo, 14));
        assertEquals(64, Ipv4.ttl(echo, 14));
        assertEquals(Inet4.parse("192.168.1.1"), Ipv4.src(echo, 14));
        assertEquals(Inet4.parse("192.168.1.2"), Ipv4.dst(echo, 14));
        assertFalse(Ipv4.df(echo, 14), "df unset: the outer header may be fragmented");
        int sport = Udp.srcPort(echo, 34);
        assertTrue(sport >= 32768 && sport <= 60999, "source port from the local port range: " + sport);
        assertEquals(8 + 8 + 14 + 84, Udp.len(echo, 34));
        assertTrue(Udp.checksum(echo, 34) != 0 && Udp.checksumOk(echo, 34, Udp.len(echo, 34),
                Ipv4.src(echo, 14), Ipv4.dst(echo, 14)));
        assertEquals(0x08000000, Bytes.i32(echo, 42), "flags: only I");
        assertEquals(42 << 8, Bytes.i32(echo, 46), "VNI 42, reserved byte 0");
        assertEquals(0x020000000102L, Ether.dst(echo, 50), "inner destination: n2's vx0");
        assertEquals(0x020000000101L, Ether.src(echo, 50));
        assertEquals(Ipv4.PROTO_ICMP, Ipv4.protocol(echo, 64));
        // the same flow always gets the same source port
        List<byte[]> again = captureUnderlay("ip netns exec n1 ping -c 1 10.0.0.2");
        for (byte[] f : again) if (isVxlan(f) && f.length == echo.length) assertEquals(sport, Udp.srcPort(f, 34));
    }

    @Test
    void defaultEntriesAppendedReplicateBroadcastsHeadEndLastRemoteFirst() {
        world(" nolearning");
        run("bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.2");
        run("bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.3");
        List<byte[]> frames = captureUnderlay("ip netns exec n1 ping -c 1 -W 1 10.0.0.3");
        List<Integer> arpDsts = new ArrayList<>();
        for (byte[] f : frames) {
            if (isVxlan(f) && Ether.type(f, 50) == Ether.P_ARP && Ether.dst(f, 50) == 0xffff_ffff_ffffL)
                arpDsts.add(Ipv4.dst(f, 14));
        }
        assertEquals(List.of(Inet4.parse("192.168.1.3"), Inet4.parse("192.168.1.2")), arpDsts,
                "one copy per remote, the first remote last");
        assertTrue(run("ip netns exec n1 ping -c 1 -W 1 10.0.0.2").contains("1 received"));
        // nolearning on n1: nothing learnt; n2 (learning) learnt n1's MAC
        assertEquals("00:00:00:00:00:00 dst 192.168.1.2 self permanent\n"
                + "00:00:00:00:00:00 dst 192.168.1.3 self permanent\n", run("bridge -n n1 fdb show dev vx0"));
        assertTrue(run("bridge -n n2 fdb show dev vx0").contains("02:00:00:00:01:01 dst 192.168.1.1 self \n"));
    }

    @Test
    void learntEntriesAgeOutAndGoWhenTheDeviceStops() {
        world(" remote 192.168.1.2");
        assertTrue(run("ip netns exec n1 ping -c 1 10.0.0.2").contains("1 received"));
        String learnt = "02:00:00:00:01:01 dst 192.168.1.1 self \n";
        assertTrue(run("bridge -n n2 fdb show dev vx0").contains(learnt));
        for (int i = 0; i < 20; i++) run("sleep 10");
        assertTrue(run("bridge -n n2 fdb show dev vx0").contains(learnt), "ageing is 300 s");
        for (int i = 0; i < 14; i++) run("sleep 10");
        assertFalse(run("bridge -n n2 fdb show dev vx0").contains(learnt), "aged out after 300 s (+ the 10 s scan)");
        assertTrue(run("ip netns exec n1 ping -c 1 10.0.0.2").contains("1 received"));
        assertTrue(run("bridge -n n2 fdb show dev vx0").contains(learnt));
        run("ip -n n2 link set vx0 down");
        assertEquals("00:00:00:00:00:00 dst 192.168.1.1 via eth0 self permanent\n", run("bridge -n n2 fdb show dev vx0"));
    }

    @Test
    void aDownDeviceHasNoSocketSoTheUnderlayAnswersPortUnreachable() {
        world(" remote 192.168.1.2");
        run("ip -n n2 link set vx0 down");
        assertFalse(run("ip netns exec n2 ss -uan").contains(":4789"));
        assertTrue(run("ip netns exec n1 ping -c 1 -W 1 10.0.0.2").contains("0 received"));
        run("ip -n n2 link set vx0 up");
        assertTrue(run("ip netns exec n2 ss -uan").contains("0.0.0.0:4789"));
    }

    @Test
    void fdbRequestsFollowTheKernel() {
        world(" remote 192.168.1.2");
        assertEquals("RTNETLINK answers: Invalid argument\n", run("bridge -n n1 fdb add 02:00:00:00:00:09 dev vx0"));
        assertEquals("Error: Cannot replace non-unicast fdb entries.\n",
                run("bridge -n n1 fdb replace 00:00:00:00:00:00 dev vx0 dst 192.168.1.4"));
        run("bridge -n n1 fdb add 02:00:00:00:00:09 dev vx0 dst 192.168.1.9 port 5555 vni 7");
        assertEquals("", run("bridge -n n1 fdb del 02:00:00:00:00:09 dev vx0 dst 192.168.1.9"), "no such remote: ignored");
        assertTrue(run("bridge -n n1 fdb show dev vx0").contains("02:00:00:00:00:09 dst 192.168.1.9 port 5555 vni 7 self permanent"));
        assertEquals("", run("bridge -n n1 fdb del 02:00:00:00:00:09 dev vx0"));
        assertEquals("RTNETLINK answers: No such file or directory\n", run("bridge -n n1 fdb del 02:00:00:00:00:09 dev vx0"));
        // deleting the lower device deletes the vxlan device
        run("ip -n n1 link del eth0");
        assertEquals("Device \"vx0\" does not exist.\n", run("ip -n n1 link show vx0"));
    }

    @Test
    void overlayAcrossTwoNsnetHostsCabledByWorldNics() {
        for (String l : List.of(
                "nsnet-world host add node2",
                "nsnet-world nic add nsnet eth0 address 52:54:00:00:00:01",
                "nsnet-world nic add node2 eth0 address 52:54:00:00:00:02",
                "nsnet-world cable nsnet:eth0 node2:eth0",
                "ip addr add 172.16.0.1/24 dev eth0", "ip link set eth0 up",
                "nsnet-world exec node2 ip addr add 172.16.0.2/24 dev eth0",
                "nsnet-world exec node2 ip link set eth0 up",
                "ip link add vx0 address 02:00:00:00:01:01 type vxlan id 9 remote 172.16.0.2 dstport 4789 dev eth0",
                "nsnet-world exec node2 ip link add vx0 address 02:00:00:00:01:02 type vxlan id 9 remote 172.16.0.1 dstport 4789 dev eth0",
                "ip addr add 10.9.0.1/24 dev vx0", "ip link set vx0 up",
                "nsnet-world exec node2 ip addr add 10.9.0.2/24 dev vx0",
                "nsnet-world exec node2 ip link set vx0 up")) {
            assertEquals(0, s.capture(l).exitStatus(), l);
        }
        assertTrue(run("ping -c 2 10.9.0.2").contains("2 received"));
        assertEquals("02:00:00:00:01:01 dst 172.16.0.1 self \n00:00:00:00:00:00 dst 172.16.0.1 via eth0 self permanent\n",
                run("nsnet-world exec node2 bridge fdb show dev vx0"));
    }

    @Test
    void traceNamesTheKernelFunctionsWithVniAndOuterAddresses() {
        world(" remote 192.168.1.2");
        List<String> steps = new ArrayList<>();
        PacketObserver o = new PacketObserver() {
            @Override
            public void step(SkBuff skb, NetDevice dev, String func, String detail) {
                if (func.startsWith("vxlan") || func.startsWith("udp_tunnel")) steps.add(func + ": " + detail);
            }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        };
        s.emulation.trace.attach(o);
        run("ip netns exec n1 ping -c 1 10.0.0.2");
        s.emulation.trace.detach(o);
        assertTrue(steps.contains("vxlan_xmit: vni 42 fdb 00:00:00:00:00:00 (1 remote)"), steps.toString());
        assertTrue(steps.stream().anyMatch(x -> x.matches("udp_tunnel_xmit_skb: vni 42 192\\.168\\.1\\.1:\\d+ > 192\\.168\\.1\\.2:4789 via eth0")),
                steps.toString());
        assertTrue(steps.stream().anyMatch(x -> x.matches("vxlan_rcv: vni 42 from 192\\.168\\.1\\.1:\\d+ to vx0")), steps.toString());
        assertTrue(steps.contains("vxlan_snoop: learnt 02:00:00:00:01:01 at 192.168.1.1"), steps.toString());
    }

    @Test
    void anUnknownVniIsDroppedSilently() {
        world(" remote 192.168.1.2");
        run("ip -n n2 link del vx0");
        run("ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 43 dstport 4789 remote 192.168.1.1 dev eth0");
        run("ip -n n2 addr add 10.0.0.2/24 dev vx0");
        run("ip -n n2 link set vx0 up");
        List<DropReason> drops = new ArrayList<>();
        PacketObserver o = new PacketObserver() {
            @Override public void step(SkBuff skb, NetDevice dev, String func, String detail) { }

            @Override
            public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) {
                if (func.equals("vxlan_rcv")) drops.add(reason);
            }
        };
        s.emulation.trace.attach(o);
        assertTrue(run("ip netns exec n1 ping -c 1 -W 1 10.0.0.2").contains("0 received"));
        s.emulation.trace.detach(o);
        assertTrue(drops.contains(DropReason.VXLAN_VNI_NOT_FOUND), drops.toString());
    }

    @Test
    void groupModeJoinsOnOpenFloodsToTheGroupAndLeavesOnStop() {
        world(" group 239.1.1.1");
        // n2 and n3 of world() use a unicast remote: rebuild them as group members too
        for (int i = 2; i <= 3; i++) {
            run("ip -n n" + i + " link del vx0");
            run("ip -n n" + i + " link add vx0 address 02:00:00:00:01:0" + i
                    + " type vxlan id 42 dstport 4789 group 239.1.1.1 dev eth0");
            run("ip -n n" + i + " addr add 10.0.0." + i + "/24 dev vx0");
            run("ip -n n" + i + " link set vx0 up");
        }
        assertEquals("2:\teth0\n\tinet  239.1.1.1\n\tinet  224.0.0.1\n", run("ip -n n3 -4 maddr show dev eth0"));
        assertTrue(run("ip -n n3 maddr show dev eth0").contains("link  01:00:5e:01:01:01\n"));
        List<byte[]> frames = captureUnderlay("ip netns exec n1 ping -c 1 -W 1 10.0.0.3");
        // the ARP broadcast goes to the group: 01:00:5e:01:01:01, 239.1.1.1, ttl 1 (ttl auto)
        byte[] flood = frames.get(0);
        assertTrue(isVxlan(flood));
        assertEquals(0x01005e010101L, Ether.dst(flood, 0));
        assertEquals("239.1.1.1", Inet4.format(Ipv4.dst(flood, 14)));
        assertEquals(1, Ipv4.ttl(flood, 14));
        // the reply was learnt: unicast from then on
        assertTrue(run("bridge -n n1 fdb show dev vx0").contains("02:00:00:00:01:03 dst 192.168.1.3 self \n"));
        assertTrue(run("bridge -n n2 fdb show dev vx0").contains("02:00:00:00:01:01 dst 192.168.1.1 self \n"));
        assertTrue(run("ip netns exec n1 ping -c 1 -W 1 10.0.0.3").contains(" 0% packet loss"));
        // stop leaves the group, announced by two IGMPv3 CHANGE_TO_INCLUDE reports on the lower
        run("ip -n n1 link set vx0 down");
        List<byte[]> reports = captureUnderlay("sleep 2");
        assertEquals(2, reports.size());
        for (byte[] f : reports) {
            assertEquals(0x01005e000016L, Ether.dst(f, 0));
            assertEquals(2, Ipv4.protocol(f, 14));
            assertEquals("224.0.0.22", Inet4.format(Ipv4.dst(f, 14)));
            assertEquals(0x22, f[14 + 24] & 0xff);           // v3 membership report
            assertEquals(3, f[14 + 24 + 8] & 0xff);          // CHANGE_TO_INCLUDE_MODE
            assertEquals("239.1.1.1", Inet4.format(Bytes.i32(f, 14 + 24 + 12)));
        }
        assertTrue(captureUnderlay("sleep 5").stream()
                .noneMatch(f -> Ether.type(f, 0) == Ether.P_IP && Ipv4.protocol(f, 14) == 2));
        run("ip -n n1 link set vx0 up");
        // n3 stopped: it no longer receives the group's floods
        run("ip -n n3 link set vx0 down");
        assertEquals("2:\teth0\n\tinet  224.0.0.1\n", run("ip -n n3 -4 maddr show dev eth0"));
        assertFalse(run("ip -n n3 maddr show dev eth0").contains("01:00:5e:01:01:01"));
        run("ip -n n3 link set vx0 up");
        run("ip -n n1 neigh flush dev vx0");
        run("bridge -n n1 fdb del 02:00:00:00:01:03 dev vx0");
        assertTrue(run("ip netns exec n1 ping -c 1 -W 1 10.0.0.3").contains(" 0% packet loss"));
    }
}
