package dev.nsnet.world;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.SkBuff;
import dev.nsnet.kernel.drivers.PhysNic;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.trace.WireObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical network outside the hosts of one {@link Emulation}: hosts (each a whole kernel),
 * the NICs in them, the cables between NICs and the switches cables plug into. A scenario that
 * uses only Linux commands never sees this: its world is one host.
 *
 * <p>This is the layer under the article's figure 1 "physical network": routers and remote servers
 * are just more hosts whose kernels are configured with ordinary Linux commands.
 */
public final class World {
    public final Emulation emulation;
    private final List<Cable> cables = new ArrayList<>();
    private final Map<String, Switch> switches = new LinkedHashMap<>();
    private final List<WireObserver> observers = new ArrayList<>();
    private int nextMac = 1;

    private World(Emulation emulation) { this.emulation = emulation; }

    /** The world of {@code emu} (created empty on first use). */
    public static World of(Emulation emu) {
        if (emu.world == null) emu.world = new World(emu);
        return (World) emu.world;
    }

    // ------------------------------------------------------------------ hosts

    public Host addHost(String name) {
        checkName("host", name);
        if (emulation.host(name) != null) throw new WorldException("host \"" + name + "\" already exists");
        return emulation.newHost(name);
    }

    public Host host(String name) {
        Host h = emulation.host(name);
        if (h == null) throw new WorldException("no host \"" + name + "\" (nsnet-world show lists them)");
        return h;
    }

    // ------------------------------------------------------------------ NICs

    /**
     * Puts a NIC named {@code name} into {@code ns} of its host. {@code mac} &lt; 0 picks the next
     * address of the QEMU/KVM range 52:54:00:00:00:01, ... (deterministic).
     */
    public NetDevice addNic(NetNamespace ns, String name, long mac) {
        if (ns.dev(name) != null) throw new WorldException("device \"" + name + "\" already exists on " + where(ns));
        if (mac >= 0 && !Mac.isValidUnicast(mac)) throw new WorldException("invalid NIC address " + Mac.format(mac) + " (must be unicast, not zero)");
        if (mac < 0) mac = 0x5254_0000_0000L | (nextMac++ & 0xffffff);
        try {
            NetDevice dev = PhysNic.create(ns, name, mac);
            PhysNic.attach(dev, null);
            return dev;
        } catch (KernelException e) {
            throw new WorldException("cannot add NIC \"" + name + "\" on " + where(ns) + ": " + e.getMessage());
        }
    }

    /** Finds a NIC by "HOST:DEV" (root namespace) or "HOST:NETNS/DEV". */
    public NetDevice nic(String spec) {
        int c = spec.indexOf(':');
        if (c <= 0 || c == spec.length() - 1) throw new WorldException("bad NIC \"" + spec + "\": expected HOST:DEV or HOST:NETNS/DEV");
        Host h = host(spec.substring(0, c));
        String rest = spec.substring(c + 1);
        NetNamespace ns = h.rootNs;
        int s = rest.indexOf('/');
        if (s >= 0) {
            ns = h.netns(rest.substring(0, s));
            if (ns == null) throw new WorldException("no netns \"" + rest.substring(0, s) + "\" on host " + h.hostname);
            rest = rest.substring(s + 1);
        }
        NetDevice d = ns.dev(rest);
        if (d == null) throw new WorldException("no device \"" + rest + "\" on " + where(ns));
        if (!PhysNic.isPhysNic(d)) throw new WorldException(spec + " is not a physical NIC (only NICs take cables)");
        return d;
    }

    // ------------------------------------------------------------------ cables and switches

    /** Cables two NICs together. */
    public Cable connect(NetDevice x, NetDevice y, long delayNs) {
        if (x == y) throw new WorldException("cannot cable " + nicLabel(x) + " to itself");
        NicEnd ex = end(x), ey = end(y);
        return plug(ex, ey, delayNs);
    }

    public Switch addSwitch(String name) {
        checkName("switch", name);
        if (switches.containsKey(name)) throw new WorldException("switch \"" + name + "\" already exists");
        Switch s = new Switch(this, name);
        switches.put(name, s);
        return s;
    }

    public Switch switchNamed(String name) {
        Switch s = switches.get(name);
        if (s == null) throw new WorldException("no switch \"" + name + "\"");
        return s;
    }

    /** Cables a NIC into a new port of switch {@code sw}. */
    public Cable plug(Switch sw, NetDevice nic, long delayNs) {
        NicEnd e = end(nic);
        return plug(e, sw.addPort(), delayNs);
    }

    private Cable plug(LinkEnd x, LinkEnd y, long delayNs) {
        for (LinkEnd e : new LinkEnd[] {x, y}) {
            if (e.cable() != null && !e.cable().isCut()) throw new WorldException(e.label() + " already has a cable (to " + e.cable().other(e).label() + ")");
        }
        Cable c = new Cable(emulation, x, y, delayNs);
        x.plug(c);
        y.plug(c);
        cables.add(c);
        x.partnerChanged();
        y.partnerChanged();
        return c;
    }

    /** Pulls out the cable of a NIC: both ends lose link. */
    public void unplug(NetDevice nic) {
        NicEnd e = end(nic);
        Cable c = e.cable();
        if (c == null) throw new WorldException(nicLabel(nic) + " has no cable");
        c.cut();
        cables.remove(c);
        LinkEnd o = c.other(e);
        e.plug(null);
        o.plug(null);
        e.partnerChanged();
        o.partnerChanged();
    }

    /** The switch port {@code nic} is cabled into, or null (no cable, or cabled to another NIC). */
    public Switch.Port portOf(NetDevice nic) {
        if (!(PhysNic.medium(nic) instanceof NicEnd ne) || ne.cable() == null || ne.cable().isCut()) return null;
        return ne.cable().other(ne) instanceof Switch.Port p ? p : null;
    }

    private static NicEnd end(NetDevice nic) {
        PhysNic.Medium m = PhysNic.medium(nic);
        if (m instanceof NicEnd ne) return ne;
        NicEnd ne = new NicEnd(nic);
        PhysNic.attach(nic, ne);
        return ne;
    }

    public List<Cable> cables() { return Collections.unmodifiableList(cables); }

    public Map<String, Switch> switches() { return Collections.unmodifiableMap(switches); }

    // ------------------------------------------------------------------ observers

    public void addObserver(WireObserver o) { observers.add(o); }

    public void removeObserver(WireObserver o) { observers.remove(o); }

    void wire(SkBuff skb, String where, String what) {
        for (WireObserver o : observers) o.wire(skb, where, what);
    }

    // ------------------------------------------------------------------ naming

    /** "host:dev", or "host:netns/dev" when the NIC was moved into a named namespace. */
    public static String nicLabel(NetDevice dev) {
        if (dev.ns == null) return "?:" + dev.name;
        Host h = dev.ns.host;
        if (dev.ns == h.rootNs) return h.hostname + ":" + dev.name;
        String n = dev.ns.name();
        return h.hostname + ":" + (n != null ? n : "netns" + dev.ns.inum) + "/" + dev.name;
    }

    private static String where(NetNamespace ns) {
        return ns == ns.host.rootNs ? "host " + ns.host.hostname : "host " + ns.host.hostname + " netns " + ns;
    }

    private static void checkName(String what, String name) {
        if (name.isEmpty() || name.length() > 63) throw new WorldException("bad " + what + " name \"" + name + "\" (1-63 characters)");
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.')) {
                throw new WorldException("bad " + what + " name \"" + name + "\" (letters, digits, '-', '_', '.')");
            }
        }
    }
}
