package dev.nsnet.web;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.drivers.Vxlan;
import dev.nsnet.kernel.ipv4.IfAddr;
import dev.nsnet.kernel.ipv4.InDevice;
import dev.nsnet.kernel.wire.Inet4;
import dev.nsnet.kernel.wire.Mac;
import dev.nsnet.world.Cable;
import dev.nsnet.world.LinkEnd;
import dev.nsnet.world.Switch;
import dev.nsnet.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the drawing shows, read from a live emulation (the article's figures 4-6): hosts, their
 * root and named namespaces as nested boxes, the devices in them, the switches outside, and the
 * wires: veth peers, bridge ports (a port to its master), lower devices (macvlan, vxlan: what
 * {@code IFLA_LINK} names), cables and switch ports. A snapshot: read it again after each command.
 *
 * <p>Ids are stable across snapshots: {@code h:HOST}, {@code n:HOST/NETNS}, {@code d:HOST/NETNS/DEV},
 * {@code s:SWITCH}, where NETNS is {@code root} for a host's root namespace, the name {@code ip netns}
 * knows, or {@code netns-INUM} for an unnamed one.
 */
public final class Topology {
    /** A box: host, namespace, device or switch. {@code parent} is null for hosts and switches. */
    public record Node(String id, String kind, String parent, String label, List<String> lines) { }

    /** A wire between two device (or switch) nodes: veth, port, lower, cable, or a vxlan tunnel. */
    public record Edge(String id, String kind, String a, String b) { }

    public final Map<String, Node> nodes = new LinkedHashMap<>();
    public final List<Edge> edges = new ArrayList<>();
    /** Each device node's device, for the device view. */
    final Map<String, NetDevice> devices = new HashMap<>();
    /** Each namespace node's namespace. */
    final Map<String, NetNamespace> namespaces = new HashMap<>();

    /** Whether loopback devices are drawn (off by default: they have no wires). */
    private final boolean showLo;

    private Topology(boolean showLo) { this.showLo = showLo; }

    public static Topology of(Emulation emu) { return of(emu, false); }

    public static Topology of(Emulation emu, boolean showLo) {
        Topology t = new Topology(showLo);
        t.read(emu);
        return t;
    }

    /** The namespace's path segment: root, its ip netns name, or netns-INUM. */
    public static String nsName(NetNamespace ns) {
        if (ns == ns.host.rootNs) return "root";
        String n = ns.name();
        return n != null ? n : "netns-" + ns.inum;
    }

    public static String nsId(NetNamespace ns) { return "n:" + ns.host.hostname + "/" + nsName(ns); }

    public static String devId(NetDevice d) { return "d:" + d.ns.host.hostname + "/" + nsName(d.ns) + "/" + d.name; }

    public static String switchId(Switch s) { return "s:" + s.name; }

    private void read(Emulation emu) {
        for (Host h : emu.hosts()) {
            String hid = "h:" + h.hostname;
            nodes.put(hid, new Node(hid, "host", null, h.hostname, List.of()));
            for (NetNamespace ns : h.namespaces()) {
                if (ns.dead) continue;
                String nid = nsId(ns);
                String label = ns == h.rootNs ? "root netns" : "netns " + nsName(ns);
                nodes.put(nid, new Node(nid, "netns", hid, label, List.of()));
                namespaces.put(nid, ns);
                for (NetDevice d : ns.devices()) {
                    if (d.unregistering || (!showLo && "loopback".equals(kindOf(d)))) continue;
                    String id = devId(d);
                    nodes.put(id, new Node(id, kindOf(d), nid, d.name, describe(d)));
                    devices.put(id, d);
                }
            }
        }
        for (NetDevice d : devices.values()) {
            String id = devId(d);
            if (d.master != null && devices.containsKey(devId(d.master))) {
                edges.add(new Edge("e:port:" + id, "port", id, devId(d.master)));
            }
            NetDevice l = lower(d);
            if (l != null && l.ns != null && devices.containsKey(devId(l))) {
                String lid = devId(l);
                if ("veth".equals(d.kind())) {
                    // one edge per pair, from the pod's end (above) to the host's end (below), as
                    // in the article's figures; between two namespaces of one kind, by name
                    boolean podFirst = rank(d) != rank(l) ? rank(d) > rank(l) : id.compareTo(lid) < 0;
                    if (podFirst) edges.add(new Edge("e:veth:" + id + "|" + lid, "veth", id, lid));
                } else {
                    edges.add(new Edge("e:lower:" + id, "lower", id, lid));
                }
            }
        }
        tunnels();
        World w = World.of(emu);
        for (Switch s : w.switches().values()) {
            String sid = switchId(s);
            nodes.put(sid, new Node(sid, "switch", null, "switch " + s.name, List.of("L2, learns MACs")));
        }
        Map<String, String> nicIds = new HashMap<>();
        for (NetDevice d : devices.values()) nicIds.put(World.nicLabel(d), devId(d));
        int n = 0;
        java.util.Set<String> reached = new java.util.HashSet<>();
        List<Host> hosts = emu.hosts();
        for (Cable c : w.cables()) {
            String a = endId(c.a, nicIds), b = endId(c.b, nicIds);
            if (a == null || b == null || c.isCut()) continue;
            // the drawing flows downwards from the first host: a switch hangs below the first NIC
            // cabled to it and above the others; of two NICs, the older host's is above
            boolean swap;
            if (a.startsWith("s:")) swap = reached.add(a);
            else if (b.startsWith("s:")) swap = !reached.add(b);
            else swap = hosts.indexOf(devices.get(a).ns.host) > hosts.indexOf(devices.get(b).ns.host);
            if (swap) {
                String x = a;
                a = b;
                b = x;
            }
            edges.add(new Edge("e:cable:" + (n++) + ":" + a + "|" + b, "cable", a, b));
        }
        edges.sort(java.util.Comparator.comparing(Edge::id));
    }

    /** 1 for a device in a named (pod) namespace, 0 in a root namespace. */
    private static int rank(NetDevice d) { return d.ns == d.ns.host.rootNs ? 0 : 1; }

    /** IFLA_LINK: a veth's peer, the lower of a macvlan/ipvlan/vlan, a vxlan's underlay device. */
    private static NetDevice lower(NetDevice d) {
        Vxlan.VxlanDev v = Vxlan.vxlan(d);
        if (v != null) return v.cfg.remoteIfindex == 0 ? null : v.net.dev(v.cfg.remoteIfindex);
        return d.link();
    }

    /**
     * The overlay: vxlan devices of one VNI and UDP port in different namespaces are joined by a
     * tunnel (drawn, not laid out: it crosses the underlay, whose wires carry it).
     */
    private void tunnels() {
        Map<String, List<String>> byVni = new java.util.TreeMap<>();
        for (Map.Entry<String, NetDevice> e : devices.entrySet()) {
            Vxlan.VxlanDev v = Vxlan.vxlan(e.getValue());
            if (v != null) byVni.computeIfAbsent(v.cfg.vni + ":" + v.cfg.dstPort, k -> new ArrayList<>()).add(e.getKey());
        }
        for (List<String> ends : byVni.values()) {
            java.util.Collections.sort(ends);
            for (int i = 0; i < ends.size(); i++) {
                for (int j = i + 1; j < ends.size(); j++) {
                    String a = ends.get(i), b = ends.get(j);
                    if (a.substring(0, a.lastIndexOf('/')).equals(b.substring(0, b.lastIndexOf('/')))) continue;
                    edges.add(new Edge("e:tunnel:" + a + "|" + b, "tunnel", a, b));
                }
            }
        }
    }

    private static String endId(LinkEnd e, Map<String, String> nicIds) {
        if (e instanceof Switch.Port p) return switchId(p.owner());
        return nicIds.get(e.label());
    }

    /** The device's kind as the drawing names it: the rtnl kind, or nic/loopback. */
    static String kindOf(NetDevice d) {
        if (d.ops instanceof dev.nsnet.kernel.drivers.Loopback) return "loopback";
        if (d.ops instanceof dev.nsnet.kernel.drivers.PhysNic) return "nic";
        String k = d.kind();
        if (k == null || k.isEmpty()) return "device";
        return k;
    }

    /** The lines under a device's name: kind, IPv4 addresses, MAC, state. */
    static List<String> describe(NetDevice d) {
        List<String> l = new ArrayList<>();
        l.add(kindOf(d) + (d.isUp() ? (d.carrier ? " UP" : " NO-CARRIER") : " DOWN"));
        InDevice in = InDevice.of(d);
        if (in != null) {
            for (IfAddr a : in.addresses()) l.add(Inet4.format(a.local) + "/" + a.prefixLen);
        }
        Vxlan.VxlanDev v = Vxlan.vxlan(d);
        if (v != null) l.add("vni " + v.cfg.vni + " dstport " + v.cfg.dstPort);
        if (d.type == dev.nsnet.kernel.core.If.ARPHRD_ETHER) l.add(Mac.format(d.mac));
        return l;
    }
}
