package dev.nsnet.cli;

import dev.nsnet.cli.ExplainProbe.Step;
import dev.nsnet.cli.ExplainRun.Model;
import dev.nsnet.cli.ExplainRun.Result;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The text report of {@code nsnet explain}: readable tables of the measurements, then what they show. */
final class ExplainText {
    private ExplainText() { }

    static final String[] HOOKS = {"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"};

    static void write(PrintStream out, Explain.Report r) { write(out, r, false); }

    static void write(PrintStream out, Explain.Report r, boolean paths) {
        out.println("nsnet explain " + r.subject() + ": the article's three questions, answered by measuring emulated worlds");
        out.println();
        out.println("The worlds (scripts explain/*.sh in the nsnet jar; docs/explain.md):");
        out.println("  node1 192.168.1.10 (MAC " + ExplainRun.NODE_MAC + ") and node2 192.168.1.20 are cabled to switch tor;");
        out.println("  node1 has a counting rule (no target) in each mangle chain, so its iptables counters show every hook.");
        for (Result x : r.open()) out.println("  " + pad(x.model().label, 13) + x.model().what);
        out.println("  Traffic: ip netns exec pod1 ping -c " + r.count() + " -i 0.2 -W 1 TARGET (node2 192.168.1.20; vxlan: pod2 10.244.2.2);");
        out.println("  steps are the kernel functions nsnet traces (pwru-like), counted per packet by an attached observer.");
        for (Result x : r.open()) {
            if (!x.available()) out.println("  " + x.model().label + ": not available in this build yet: " + x.unavailable());
        }
        List<Result> ok = r.open().stream().filter(Result::available).toList();

        out.println();
        out.println("Q1. Why does an underlay pod run at nearly the node's own speed?");
        out.println("  Kernel steps (traced functions) of one echo request and its reply, ping seq " + ExplainProbe.PATH_SEQ + " (ARP resolved):");
        out.println("  model         replies  request  reply  in pods  on node1  on node2  wire  node1 netfilter chain walks");
        for (Result x : ok) {
            ExplainProbe p = x.probe();
            int req = count(p.requestPath, null), rep = count(p.replyPath, null);
            int pods = count(p.requestPath, "pod") + count(p.replyPath, "pod");
            int n1 = count(p.requestPath, "node1") + count(p.replyPath, "node1");
            int n2 = count(p.requestPath, "node2") + count(p.replyPath, "node2");
            int wire = count(p.requestPath, "(wire)") + count(p.replyPath, "(wire)");
            out.println("  " + pad(x.model().label, 14) + pad(x.received() + "/" + x.count(), 9) + pad("" + req, 9) + pad("" + rep, 7)
                    + pad("" + pods, 9) + pad("" + n1, 10) + pad("" + n2, 10) + pad("" + wire, 6) + chainWalks(p));
        }
        out.println("  What node1's kernel does for that echo request (device function, in order):");
        for (Result x : ok) out.println("    " + pad(x.model().label + ":", 14) + String.join(" > ", node1Path(x.probe().requestPath)));
        out.println("  So: " + q1(ok));
        if (paths) {
            out.println("  Every step of that request and reply (place: device function), --paths:");
            for (Result x : ok) {
                out.println("    " + x.model().label + ", request:");
                printPath(out, x.probe().requestPath);
                out.println("    " + x.model().label + ", reply:");
                printPath(out, x.probe().replyPath);
            }
        }

        out.println();
        out.println("Q2. Why can't node1 see its pods' traffic?");
        out.println("  node1's mangle counters (packets at each hook), conntrack entries, and its devices that counted packets (rx/tx):");
        out.println("  model         PRE  IN   FWD  OUT  POST  conntrack  devices");
        for (Result x : ok) {
            StringBuilder sb = new StringBuilder("  ").append(pad(x.model().label, 14));
            for (String h : HOOKS) sb.append(pad("" + x.nodeHooks().getOrDefault(h, 0L), h.equals("POSTROUTING") ? 6 : 5));
            sb.append(pad("" + x.conntrack(), 11)).append(devices(x));
            out.println(sb);
        }
        out.println("  A packet socket on all of node1's devices (tcpdump -i any in node1's root namespace), IPv4 frames:");
        for (Result x : ok) out.println("    " + pad(x.model().label + ":", 14) + tapped(x));
        out.println("  What node2 learned about the pod's sender (ip neigh on node2):");
        for (Result x : ok) out.println("    " + pad(x.model().label + ":", 14) + (x.node2Neigh().isEmpty() ? "(nothing)" : x.node2Neigh()));
        out.println("  So: " + q2(ok));

        out.println();
        out.println("Q3. Why is underlay hard to get in a data centre or a cloud VPC?");
        out.println("  The same ping with node1's switch port restricted as data centres (a MAC limit) and cloud VPCs (only");
        out.println("  the addresses the platform assigned) restrict it:");
        out.println("  model         node1's port lets out                   replies  dropped at node1's port");
        for (Result x : r.vpc()) {
            long[] d = x.portDrops();
            String drops = d[0] + d[1] + d[2] == 0 ? "0" : (d[0] + d[1] + d[2]) + " (" + reasons(d) + ")";
            out.println("  " + pad(x.model().label, 14) + pad(x.vpc().label, 40) + pad(x.received() + "/" + x.count(), 9) + drops);
        }
        out.println("  So: " + q3(r.vpc()));
    }

    /** One line per run of steps at the same place: "      pod1: eth0 ip_local_out, eth0 ip_output, ...". */
    static void printPath(PrintStream out, List<Step> path) {
        String where = null;
        StringBuilder line = new StringBuilder();
        for (Step s : path) {
            if (s.func().equals("ipt_do_table") && !isChainEntry(s)) continue;
            String what = s.func().equals("ipt_do_table") ? s.detail() : s.where().equals("(wire)") ? s.dev() + ": " + s.detail() : s.dev() + " " + s.func();
            if (!s.where().equals(where)) {
                if (where != null) out.println(line);
                where = s.where();
                line.setLength(0);
                line.append("      ").append(where).append(": ").append(what);
            } else {
                line.append(", ").append(what);
            }
        }
        if (where != null) out.println(line);
    }

    static String reasons(long[] d) {
        List<String> s = new ArrayList<>();
        if (d[0] > 0) s.add(d[0] + " MAC limit");
        if (d[1] > 0) s.add(d[1] + " source MAC not assigned");
        if (d[2] > 0) s.add(d[2] + " source IP not assigned");
        return String.join(", ", s);
    }

    /** Steps at places whose name starts with {@code where} (all when null). */
    static int count(List<Step> path, String where) {
        int n = 0;
        for (Step s : path) if (where == null || s.where().startsWith(where)) n++;
        return n;
    }

    static String chainWalks(ExplainProbe p) {
        List<String> c = new ArrayList<>();
        for (List<Step> path : List.of(p.requestPath, p.replyPath)) {
            for (Step s : path) if (s.where().equals("node1") && isChainEntry(s)) c.add(s.detail());
        }
        return c.isEmpty() ? "0" : c.size() + " (" + String.join(" ", c) + ")";
    }

    static boolean isChainEntry(Step s) {
        return s.func().equals("ipt_do_table") && s.detail().matches("[a-z]+/[A-Za-z0-9_-]+");
    }

    /** node1's steps of a path as "dev function", chain walks shown by chain, rule lines left out. */
    static List<String> node1Path(List<Step> path) {
        List<String> out = new ArrayList<>();
        for (Step s : path) {
            if (!s.where().equals("node1")) continue;
            if (s.func().equals("ipt_do_table")) {
                if (isChainEntry(s)) out.add(s.detail());
                continue;
            }
            out.add(s.dev() + " " + s.func());
        }
        return out;
    }

    /** The IP-layer and netfilter functions node1 ran for a path (what a node "sees"). */
    static Set<String> node1L3(List<Step> path) {
        Set<String> f = new LinkedHashSet<>();
        for (Step s : path) {
            if (!s.where().equals("node1")) continue;
            String n = s.func();
            if (n.startsWith("ip_") || n.startsWith("nf_") || n.startsWith("ipt_") || n.startsWith("fib_") || n.startsWith("icmp")
                    || n.startsWith("__nf_") || n.startsWith("br_") || n.startsWith("udp") || n.startsWith("vxlan")) f.add(n);
        }
        return f;
    }

    static String tapped(Result x) {
        List<String> s = new ArrayList<>();
        for (var e : x.tapped().entrySet()) s.add(e.getKey() + " " + e.getValue());
        return s.isEmpty() ? "(nothing)" : String.join(", ", s);
    }

    static String devices(Result x) {
        List<String> s = new ArrayList<>();
        for (var e : x.nodeDevices().entrySet()) {
            long[] v = e.getValue();
            if (v[0] != 0 || v[1] != 0) s.add(e.getKey() + " " + v[0] + "/" + v[1]);
        }
        return s.isEmpty() ? "(none)" : String.join(", ", s);
    }

    private static Result find(List<Result> rs, Model m) {
        for (Result r : rs) if (r.model() == m) return r;
        return null;
    }

    static boolean hasUnderlay(List<Result> ok) {
        for (Result x : ok) if (x.model() == Model.MACVLAN || x.model() == Model.IPVLAN_L2 || x.model() == Model.IPVLAN_L3) return true;
        return false;
    }

    static int roundTrip(Result x) { return x.probe().requestPath.size() + x.probe().replyPath.size(); }

    static String q1(List<Result> ok) {
        StringBuilder sb = new StringBuilder();
        for (Result x : ok) {
            ExplainProbe p = x.probe();
            int n1 = count(p.requestPath, "node1") + count(p.replyPath, "node1");
            Set<String> l3 = node1L3(p.requestPath);
            l3.addAll(node1L3(p.replyPath));
            if (!sb.isEmpty()) sb.append("\n      ");
            sb.append(x.model().label).append(": ").append(roundTrip(x)).append(" steps per round trip, ").append(n1).append(" on node1");
            if (x.model() != Model.HOST) {
                sb.append(l3.isEmpty() ? ", all of them device-driver level (no bridge, routing, netfilter or conntrack)"
                        : ", including " + String.join(" ", l3));
            }
        }
        Result h = find(ok, Model.HOST);
        if (h != null) {
            sb.append("\n      Against node1's own ").append(roundTrip(h)).append(" steps:");
            for (Result x : ok) {
                if (x.model() == Model.HOST) continue;
                int d = roundTrip(x) - roundTrip(h);
                sb.append(' ').append(x.model().label).append(d >= 0 ? " +" : " ").append(d).append(';');
            }
            sb.setLength(sb.length() - 1);
            sb.append('.');
            if (hasUnderlay(ok)) {
                sb.append("\n      An underlay pod's packet costs about what the node's own packet costs: the pod's stack does the")
                        .append("\n      work node1's stack would do, and node1 only hands the frame to its NIC driver.");
            } else {
                sb.append("\n      A bridge+NAT pod's packet costs node1 the veth, the bridge, conntrack, a route lookup, forwarding")
                        .append("\n      and NAT on top of what its own packet costs (nsnet explain underlay shows pods that skip them).");
            }
        }
        return sb.toString();
    }

    static String q2(List<Result> ok) {
        StringBuilder sb = new StringBuilder();
        for (Result x : ok) {
            long hooks = x.nodeHooks().values().stream().mapToLong(Long::longValue).sum();
            if (!sb.isEmpty()) sb.append("\n      ");
            sb.append(x.model().label).append(": node1's hooks counted ").append(hooks).append(" packets, ")
                    .append(x.conntrack()).append(" conntrack entr").append(x.conntrack() == 1 ? "y" : "ies");
            if (hooks == 0) sb.append(" - the pod's packets never enter node1's IP stack; only eth0's driver counters move");
            else if (x.model() != Model.HOST && x.model() != Model.BRIDGE) {
                List<String> seen = new ArrayList<>();
                for (String h : HOOKS) if (x.nodeHooks().getOrDefault(h, 0L) > 0) seen.add(h);
                if (x.model() == Model.VXLAN) sb.append(" - at ").append(String.join(", ", seen))
                        .append(": the inner packet is routed by node1, the outer UDP packet is node1's own");
                else sb.append(" - only at ").append(String.join(", ", seen));
                if (x.model() == Model.IPVLAN_L3) sb.append(" (ipvlan l3 routes what the pod sends again in node1's namespace; replies go straight to the pod)");
            }
        }
        if (hasUnderlay(ok)) {
            sb.append("\n      tcpdump on node1 still sees the underlay pods' frames on eth0 (packet taps run before the")
                    .append("\n      macvlan/ipvlan rx handler and on the lower's transmit): what node1 loses is its IP-level view,")
                    .append("\n      iptables, conntrack, routing and its own sockets, not the wire.");
        }
        return sb.toString();
    }

    static String q3(List<Result> vpc) {
        StringBuilder sb = new StringBuilder();
        Set<Model> seen = new LinkedHashSet<>();
        for (Result x : vpc) {
            long[] d = x.portDrops();
            long all = d[0] + d[1] + d[2];
            seen.add(x.model());
            if (!sb.isEmpty()) sb.append("\n      ");
            sb.append(x.model().label).append(", ").append(x.vpc().label).append(": ")
                    .append(x.received() == x.count() ? "works" : x.received() == 0 ? "cut off" : "partly works")
                    .append(all > 0 ? " (" + reasons(d) + ")" : "");
        }
        if (seen.contains(Model.MACVLAN)) {
            sb.append("\n      A macvlan pod brings a MAC of its own: a port that allows one MAC, or only the MAC the platform")
                    .append("\n      assigned, drops its frames whatever IPs are assigned.");
        }
        if (seen.contains(Model.IPVLAN_L2) || seen.contains(Model.IPVLAN_L3)) {
            sb.append("\n      ipvlan reuses node1's MAC: it passes a MAC limit, and a VPC once the platform assigns the pod's IP")
                    .append("\n      to node1's port (a secondary IP).");
        }
        sb.append("\n      bridge+NAT").append(seen.contains(Model.VXLAN) ? " and the vxlan overlay hide" : " hides")
                .append(" pods behind node1's own MAC and IP, which is why they work anywhere.");
        return sb.toString();
    }

    static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) sb.append(' ');
        if (sb.length() == s.length() && !s.isEmpty()) sb.append(' ');
        return sb.toString();
    }
}
