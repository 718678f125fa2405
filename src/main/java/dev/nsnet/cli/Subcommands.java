package dev.nsnet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet demo} and {@code nsnet bench}: {@link dev.nsnet.cli.Demo} and {@link Bench} parse
 * their own arguments (including --help), so these commands hand every argument over unchanged.
 */
final class Subcommands {
    private Subcommands() { }

    @Command(name = "demo", description = "Build the article's node (two pods on a bridge, a NIC, a router, a remote "
            + "host) with the commands a CNI plugin runs, and trace three pings and a web request hop by hop. "
            + "Options: --no-trace, --help.")
    static final class DemoCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return Demo.run(WriterStream.printStream(spec.commandLine().getOut()),
                    WriterStream.printStream(spec.commandLine().getErr()), args.toArray(String[]::new));
        }
    }

    @Command(name = "bench", description = "Measure nsnet itself: packet rate on the veth, bridge and red-line "
            + "paths, heap and time per pod. Options: --quick, --only NAME, --help.")
    static final class BenchCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return Bench.run(WriterStream.printStream(spec.commandLine().getOut()),
                    WriterStream.printStream(spec.commandLine().getErr()), args.toArray(String[]::new));
        }
    }

    @Command(name = "explain", description = "Answer the article's underlay questions with measurements: build a world per "
            + "pod networking model (bridge+NAT, macvlan, ipvlan, vxlan), ping from a pod with a tracer attached, and show "
            + "kernel steps, the node's iptables counters and VPC port-security drops. Subjects: underlay, overlay, bridge; "
            + "options: --json, --count N, --help.")
    static final class ExplainCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return Explain.run(WriterStream.printStream(spec.commandLine().getOut()),
                    WriterStream.printStream(spec.commandLine().getErr()), args.toArray(String[]::new));
        }
    }
}
