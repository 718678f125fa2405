package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import dev.nsnet.world.PortSecurity;
import dev.nsnet.world.World;
import dev.nsnet.world.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one world of {@code nsnet explain} from the scripts kept as resources (explain/world.sh,
 * then the model's script), runs the pod's ping through it with an {@link ExplainProbe} attached,
 * and reads what the node's own tools and counters saw. A model whose script fails (a device type
 * this build does not have yet) is reported as not available, with the failing line.
 */
final class ExplainRun {
    /** The pod networking models explained, with their script and the address the pod pings. */
    enum Model {
        HOST("node1 itself", "host.sh", "192.168.1.20", "192.168.1.10",
                "no pod: node1 pings from its own root namespace (the speed an underlay pod is compared with)"),
        BRIDGE("bridge+NAT", "bridge.sh", "192.168.1.20", "10.244.1.2",
                "pod1 10.244.1.2 on cni0 through a veth pair; node1 routes (ip_forward=1) and masquerades"),
        MACVLAN("macvlan", "macvlan.sh", "192.168.1.20", "192.168.1.11",
                "pod1 192.168.1.11 on a macvlan (bridge mode) of node1's eth0, its own MAC 02:42:c0:a8:01:0b"),
        IPVLAN_L2("ipvlan-l2", "ipvlan-l2.sh", "192.168.1.20", "192.168.1.11",
                "pod1 192.168.1.11 on an ipvlan (mode l2) of node1's eth0: node1's MAC, its own IP"),
        IPVLAN_L3("ipvlan-l3", "ipvlan-l3.sh", "192.168.1.20", "10.244.1.11",
                "pod1 10.244.1.11/32 on an ipvlan (mode l3) of node1's eth0: node1's MAC; node2 routes 10.244.1.0/24 via node1"),
        VXLAN("vxlan", "vxlan.sh", "10.244.2.2", "10.244.1.2",
                "pod1 10.244.1.2 on node1's cni0, pod2 10.244.2.2 on node2's; flannel.1 (VNI 1, UDP 8472) between the nodes");

        final String label, script, target, podIp, what;

        Model(String label, String script, String target, String podIp, String what) {
            this.label = label;
            this.script = script;
            this.target = target;
            this.podIp = podIp;
            this.what = what;
        }
    }

    /** What the platform lets out of node1's switch port. */
    enum Vpc {
        OPEN("no port security", null),
        MAX_MACS("DC ToR: port limited to 1 MAC", "max-macs 1"),
        NODE_IP("VPC: node1's MAC and IP", "allow 52:54:00:00:00:0a,192.168.1.10"),
        NODE_AND_POD_IP("VPC: node1's MAC, its IP, the pod's IP", "allow 52:54:00:00:00:0a,192.168.1.10,POD");

        final String label, options;

        Vpc(String label, String options) {
            this.label = label;
            this.options = options;
        }
    }

    static final String NODE_MAC = "52:54:00:00:00:0a";

    /** Everything measured in one world. */
    record Result(Model model, Vpc vpc, int count, String unavailable, int received,
                  ExplainProbe probe, Map<String, long[]> nodeDevices, Map<String, Long> nodeHooks,
                  int conntrack, String node2Neigh, long[] portDrops, String pingOutput, Map<String, Long> tapped) {
        boolean available() { return unavailable == null; }
    }

    /** ipvlan is not in the reference kernel: these worlds run a kernel with every modelled driver. */
    private final Emulation emu = new Emulation(1).withKernel(dev.nsnet.kernel.core.KernelConfig.FULL);
    private final Host node1 = emu.newHost("node1");
    private final ToolRegistry reg = Tools.standard();

    /** Builds the world of {@code m} behind port policy {@code vpc} and measures {@code count} pings. */
    static Result measure(Model m, Vpc vpc, int count) { return new ExplainRun().run(m, vpc, count); }

    private Result run(Model m, Vpc vpc, int count) {
        for (String line : script("world.sh")) {
            Out o = exec(line);
            if (o.status != 0) throw new IllegalStateException("explain/world.sh: `" + line + "` exited " + o.status + ": " + o.text);
        }
        if (vpc.options != null) exec("nsnet-world switch port tor node1:eth0 " + vpc.options.replace("POD", m.podIp));
        if (vpc == Vpc.MAX_MACS) {
            // node1 talks first, so its own MAC holds the port's one slot (as on a server that booted)
            exec("sleep 1");
            exec("ping -c 1 -W 1 192.168.1.20");
        }
        for (String line : script(m.script)) {
            Out o = exec(line);
            if (o.status != 0) {
                return new Result(m, vpc, count, "`" + line + "` " + firstLine(o.text) + " [exit " + o.status + "]",
                        0, null, Map.of(), Map.of(), 0, "", new long[3], "", Map.of());
            }
        }
        exec("sleep 1"); // links settle (linkwatch), as a person typing would wait
        Map<String, long[]> devBefore = devices();
        Map<String, Long> hooksBefore = hooks();
        // a packet socket on every device of node1's root namespace: what `tcpdump -i any` there would get
        Map<String, Long> tapped = new LinkedHashMap<>();
        dev.nsnet.kernel.core.Capture tap = dev.nsnet.kernel.core.Capture.openSink(node1.rootNs, null,
                (d, type, ts, frame, off, len) -> {
                    if (len >= 14 && dev.nsnet.kernel.wire.Ether.type(frame, off) == dev.nsnet.kernel.wire.Ether.P_IP) tapped.merge(d.name, 1L, Long::sum);
                });
        ExplainProbe probe = new ExplainProbe();
        emu.trace.attach(probe);
        World.of(emu).addObserver(probe);
        Out ping = exec((m == Model.HOST ? "" : "ip netns exec pod1 ") + "ping -c " + count + " -i 0.2 -W 1 " + m.target);
        emu.trace.detach(probe);
        World.of(emu).removeObserver(probe);
        tap.close();
        Map<String, long[]> dev = devices();
        for (var e : dev.entrySet()) {
            long[] b = devBefore.getOrDefault(e.getKey(), new long[2]);
            e.getValue()[0] -= b[0];
            e.getValue()[1] -= b[1];
        }
        Map<String, Long> hooks = hooks();
        hooks.replaceAll((k, v) -> v - hooksBefore.getOrDefault(k, 0L));
        Matcher rx = Pattern.compile("(\\d+) received").matcher(ping.text);
        int received = rx.find() ? Integer.parseInt(rx.group(1)) : 0;
        PortSecurity sec = World.of(emu).switchNamed("tor").ports().get(0).security;
        long[] drops = {sec.droppedMacLimit, sec.droppedSrcMac, sec.droppedSrcIp};
        String neigh = exec("nsnet-world exec node2 ip neigh show " + (m == Model.BRIDGE || m == Model.VXLAN || m == Model.IPVLAN_L3 ? "192.168.1.10" : m.podIp)).text.trim();
        return new Result(m, vpc, count, null, received, probe, dev, hooks, conntrackCount(), neigh, drops, ping.text, tapped);
    }

    private int conntrackCount() {
        Out o = exec("conntrack -C");
        String t = o.text.trim();
        return o.status == 0 && t.matches("\\d+") ? Integer.parseInt(t) : 0;
    }

    /** node1's root-namespace devices: name -> {rx_packets, tx_packets}. */
    private Map<String, long[]> devices() {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (NetDevice d : node1.rootNs.devices()) m.put(d.name, new long[] {d.stats.rxPackets, d.stats.txPackets});
        return m;
    }

    /** Packets counted by node1's mangle rule at each hook, read from {@code iptables -t mangle -L -v -n -x}. */
    private Map<String, Long> hooks() {
        Map<String, Long> m = new LinkedHashMap<>();
        String chain = null;
        boolean header = false;
        for (String l : exec("iptables -t mangle -L -v -n -x").text.split("\n")) {
            if (l.startsWith("Chain ")) {
                chain = l.split(" ")[1];
                header = true;
                continue;
            }
            if (header) { header = false; continue; }
            String t = l.trim();
            if (chain != null && !t.isEmpty() && !m.containsKey(chain)) m.put(chain, Long.parseLong(t.split("\\s+")[0]));
        }
        return m;
    }

    record Out(int status, String text) { }

    /** Runs one command line on node1 as a new process, output captured; 1 ms passes, as for a fork+exec. */
    Out exec(String line) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        emu.scheduler.sleep(1_000_000L);
        List<String> argv = new ArrayList<>(Words.split(line));
        int rc;
        if (reg.get(argv.get(0)) == null) {
            ps.println(argv.get(0) + ": command not found");
            rc = 127;
        } else {
            Process p = node1.spawn(argv.get(0), node1.rootNs);
            rc = reg.run(new ToolContext(p, ps, ps, reg, null), argv);
            if (!p.exited) node1.exit(p, rc);
            emu.softirq();
        }
        return new Out(rc, buf.toString(StandardCharsets.UTF_8));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /** The command lines of resource explain/NAME (comments and blank lines skipped). */
    static List<String> script(String name) {
        List<String> lines = new ArrayList<>();
        for (String l : resource(name).split("\n")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) lines.add(t);
        }
        return lines;
    }

    static String resource(String name) {
        try (InputStream in = ExplainRun.class.getResourceAsStream("explain/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource explain/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
