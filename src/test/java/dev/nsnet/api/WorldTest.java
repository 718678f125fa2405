package dev.nsnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.trace.DropReason;
import dev.nsnet.trace.PacketObserver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java API as the README shows it. */
class WorldTest {
    @Test
    void readmeExampleRuns() {
        World w = World.create(42);
        Result r = w.run("echo hello from nsnet");
        assertEquals(0, r.exitStatus());
        assertEquals("hello from nsnet\n", r.output());
        Result bad = w.run("frobnicate");
        assertEquals(127, bad.exitStatus());
        assertEquals("bash: line 1: frobnicate: command not found\n", bad.output());
        assertEquals("$ echo a\na\n$ nope\nbash: line 1: nope: command not found\n[exit 127]\n", w.transcript("echo a\nnope\n"));
    }

    /** The README's example, line for line; the expected text is what the real kernel prints (scripts/sandbox.sh). */
    @Test
    void readmeVethExample() {
        int[] steps = new int[1];
        PacketObserver myPacketObserver = new PacketObserver() {
            @Override public void step(SkBuff skb, NetDevice dev, String func, String detail) { steps[0]++; }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        };
        World w = World.create(42);                       // seed
        w.run("ip netns add pod1");
        w.run("ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns pod1");
        Result r = w.run("ip -n pod1 link show eth0");
        assertEquals(0, r.exitStatus());
        assertEquals("""
                2: eth0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0
                """, r.output());
        w.advance(Duration.ofSeconds(5));
        w.observe(myPacketObserver);
        String t = w.transcript("ip link show\nip route show\n");
        assertTrue(t.startsWith("$ ip link show\n1: lo: <LOOPBACK>"), t);
        assertTrue(t.endsWith("$ ip route show\n"), t);
        w.run("ip link set lo up");
        assertEquals(0, w.run("ping -c 1 127.0.0.1").exitStatus());
        assertTrue(steps[0] > 0, "the observer saw the ping");
    }

    @Test
    void worldStartsFreshAndTimeAdvances() {
        World w = World.create(1);
        assertEquals(1, w.host().rootNs.devices().size());
        assertEquals("lo", w.host().rootNs.dev(1).name);
        long t = w.nowNanos();
        w.advance(Duration.ofSeconds(2));
        assertEquals(t + 2_000_000_000L, w.nowNanos());
        w.observe(new PacketObserver() {
            @Override public void step(SkBuff skb, NetDevice dev, String func, String detail) { }

            @Override public void drop(SkBuff skb, NetDevice dev, String func, DropReason reason, String detail) { }
        });
        assertTrue(w.host().emulation.trace.on);
        assertNotNull(w.host());
    }
}
