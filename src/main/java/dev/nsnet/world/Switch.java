package dev.nsnet.world;

import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.wire.Ether;
import dev.nsnet.kernel.wire.Mac;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An unmanaged L2 Ethernet switch (IEEE 802.1D transparent bridging without STP): it learns
 * source MACs per port, forwards known unicast to the learned port, filters frames whose
 * destination is on the port they came in on, and floods broadcast, multicast and unknown
 * unicast to every other port that has link. Learned entries age out after 300 s.
 *
 * <p>A port may carry {@link PortSecurity} (a MAC limit, an allowed MAC/IP list): a frame entering
 * through it that breaks a rule is dropped before it is learned and counted on the port.
 */
public final class Switch {
    /** 802.1D default ageing time. */
    public static final long AGEING_NS = 300L * 1_000_000_000L;

    public final String name;
    private final World world;
    private final List<Port> ports = new ArrayList<>();
    private final MacTable fdb = new MacTable();
    public long forwarded, flooded, filtered;

    /** One port of the switch; always powered, so a cable into an up NIC has link. */
    public final class Port implements LinkEnd {
        public final int number;
        private Cable cable;
        /** Port security; never null, empty (no limit, any address) by default. */
        public final PortSecurity security = new PortSecurity();
        /** Frames that entered the switch through this port, and that left through it. */
        public long rxFrames, txFrames;

        Port(int number) { this.number = number; }

        @Override public void receive(SkBuff skb) { input(this, skb); }

        @Override public boolean powered() { return true; }

        @Override public void partnerChanged() {
            if (!hasLink()) fdb.flushPort(number);
        }

        @Override public String label() { return name + " port " + number; }

        @Override public Cable cable() { return cable; }

        @Override public void plug(Cable c) { this.cable = c; }

        public boolean hasLink() { return cable != null && !cable.isCut() && cable.other(this).powered(); }

        public Switch owner() { return Switch.this; }
    }

    Switch(World world, String name) {
        this.world = world;
        this.name = name;
    }

    /** A new port (numbered from 1, like a front panel). */
    Port addPort() {
        Port p = new Port(ports.size() + 1);
        ports.add(p);
        return p;
    }

    public List<Port> ports() { return Collections.unmodifiableList(ports); }

    private void input(Port in, SkBuff skb) {
        long now = world.emulation.now();
        byte[] b = skb.buf;
        long dst = Ether.dst(b, skb.data);
        long src = Ether.src(b, skb.data);
        boolean tracing = world.emulation.trace.on;
        in.rxFrames++;
        PortSecurity sec = in.security;
        int verdict = sec.checkAddresses(b, skb.data, skb.len);
        if (verdict == PortSecurity.PASS && sec.maxMacs > 0 && Mac.isValidUnicast(src)
                && fdb.lookup(src, now, AGEING_NS) != in.number && fdb.countPort(in.number, now, AGEING_NS) >= sec.maxMacs) {
            verdict = PortSecurity.MAC_LIMIT;
        }
        if (verdict != PortSecurity.PASS) {
            switch (verdict) {
                case PortSecurity.SRC_MAC -> sec.droppedSrcMac++;
                case PortSecurity.SRC_IP -> sec.droppedSrcIp++;
                default -> sec.droppedMacLimit++;
            }
            if (tracing) world.wire(skb, in.label(), "port-security drop: " + dropDetail(verdict, b, skb.data, skb.len, src, sec));
            skb.free();
            return;
        }
        if (Mac.isValidUnicast(src)) fdb.learn(src, in.number, now);
        if (!Mac.isMulticast(dst)) {
            int out = fdb.lookup(dst, now, AGEING_NS);
            if (out == in.number) {
                filtered++;
                if (tracing) world.wire(skb, in.label(), "filtered: " + Mac.format(dst) + " is on the port it came in on");
                skb.free();
                return;
            }
            if (out > 0) {
                Port p = ports.get(out - 1);
                forwarded++;
                if (tracing) world.wire(skb, in.label(), "forward to port " + out + " (" + Mac.format(dst) + " learned there)");
                if (p.hasLink()) {
                    p.txFrames++;
                    p.cable.send(p, skb);
                }
                skb.free();
                return;
            }
        }
        flooded++;
        if (tracing) world.wire(skb, in.label(), "flood to every other port ("
                + (Mac.isMulticast(dst) ? (dst == Mac.BROADCAST ? "broadcast" : "multicast") : "unknown unicast " + Mac.format(dst)) + ")");
        for (int i = 0, n = ports.size(); i < n; i++) { // indexed: an iterator per flooded frame was 32 bytes
            Port p = ports.get(i);
            if (p != in && p.hasLink()) {
                p.txFrames++;
                p.cable.send(p, skb);
            }
        }
        skb.free();
    }

    private static String dropDetail(int verdict, byte[] b, int off, int len, long src, PortSecurity sec) {
        return switch (verdict) {
            case PortSecurity.SRC_MAC -> "source MAC " + Mac.format(src) + " not allowed on this port";
            case PortSecurity.SRC_IP -> "source IP " + dev.nsnet.kernel.wire.Inet4.format(PortSecurity.sourceIp(b, off, len))
                    + " not allowed for " + Mac.format(src) + " on this port";
            default -> "port already has " + sec.maxMacs + " MAC" + (sec.maxMacs == 1 ? "" : "s") + ", new source " + Mac.format(src);
        };
    }

    /** Frames dropped by the port security of all ports. */
    public long securityDrops() {
        long n = 0;
        for (Port p : ports) n += p.security.dropped();
        return n;
    }

    /** How many live MAC table entries were learned on {@code port}. */
    public int macsOn(int port) { return fdb.countPort(port, world.emulation.now(), AGEING_NS); }

    /** Learned addresses as (mac, port, seenNs) triples, by MAC. */
    public long[][] macTable() { return fdb.entries(world.emulation.now(), AGEING_NS); }
}
