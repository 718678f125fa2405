package dev.nsnet.cli;

import dev.nsnet.cli.ExplainRun.Model;
import dev.nsnet.cli.ExplainRun.Result;
import dev.nsnet.cli.ExplainRun.Vpc;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nsnet explain underlay|overlay|bridge [--json] [--count N]}: answers the article's three
 * underlay questions (why an underlay pod runs at nearly the node's speed, why the node cannot see
 * its pods' traffic, why underlay is hard to get in a data centre or a cloud VPC) with numbers
 * measured in emulated worlds it builds itself (scripts in resources explain/*.sh), one world per
 * pod networking model and port policy. docs/explain.md.
 */
public final class Explain {
    private Explain() { }

    static final String USAGE = """
            Usage: nsnet explain underlay|overlay|bridge [--json] [--paths] [--count N]
            Builds a world per pod networking model (node1 and node2 on one switch, a pod on node1),
            pings from the pod with a tracer attached, and answers with what was measured:
              Q1 why an underlay pod runs at nearly the node's own speed (kernel steps, netfilter walks)
              Q2 why the node cannot see its pods' traffic (node1's iptables counters, conntrack, devices)
              Q3 why underlay is hard to get in a data centre or a cloud VPC (switch port security)
            Subjects: underlay (bridge+NAT, macvlan, ipvlan l2 and l3), overlay (bridge+NAT, vxlan,
            macvlan), bridge (bridge+NAT only); each beside node1's own traffic as the baseline.
              --json      the measurements as JSON
              --paths     also print every step of one echo request and its reply, per model
              --count N   pings per world (default 5, 2..100)
            """;

    /** The worlds measured for one subject: every model open, then behind each port policy. */
    record Report(String subject, int count, List<Result> open, List<Result> vpc) { }

    public static int run(PrintStream out, PrintStream err, String[] args) {
        String subject = null;
        boolean json = false, paths = false;
        int count = 5;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--json" -> json = true;
                case "--paths" -> paths = true;
                case "--count" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,3}") || Integer.parseInt(args[i + 1]) < 2
                            || Integer.parseInt(args[i + 1]) > 100) {
                        err.println("nsnet explain: --count needs a number from 2 to 100");
                        return 2;
                    }
                    count = Integer.parseInt(args[++i]);
                }
                default -> {
                    if (subject == null && (a.equals("underlay") || a.equals("overlay") || a.equals("bridge"))) {
                        subject = a;
                    } else {
                        err.println("nsnet explain: unknown " + (a.startsWith("-") ? "option" : "subject") + " '" + a + "'");
                        err.print(USAGE);
                        return 2;
                    }
                }
            }
        }
        if (subject == null) {
            err.print(USAGE);
            return 2;
        }
        Report r = measure(subject, count);
        if (json) ExplainJson.write(out, r);
        else ExplainText.write(out, r, paths);
        out.flush();
        return 0;
    }

    static List<Model> models(String subject) {
        return switch (subject) {
            case "underlay" -> List.of(Model.HOST, Model.BRIDGE, Model.MACVLAN, Model.IPVLAN_L2, Model.IPVLAN_L3);
            case "overlay" -> List.of(Model.HOST, Model.BRIDGE, Model.VXLAN, Model.MACVLAN);
            default -> List.of(Model.HOST, Model.BRIDGE);
        };
    }

    /** Measures every model of {@code subject}: open, then behind the VPC port policies that matter for it. */
    static Report measure(String subject, int count) {
        List<Result> open = new ArrayList<>(), vpc = new ArrayList<>();
        for (Model m : models(subject)) {
            Result r = ExplainRun.measure(m, Vpc.OPEN, count);
            open.add(r);
            if (!r.available() || m == Model.HOST) continue;
            vpc.add(ExplainRun.measure(m, Vpc.MAX_MACS, count));
            vpc.add(ExplainRun.measure(m, Vpc.NODE_IP, count));
            if (m != Model.BRIDGE && m != Model.VXLAN) vpc.add(ExplainRun.measure(m, Vpc.NODE_AND_POD_IP, count));
        }
        return new Report(subject, count, open, vpc);
    }
}
