package dev.nsnet.cli;

import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.cluster.ClusterBuilder;
import dev.nsnet.scenario.cluster.ClusterException;
import dev.nsnet.scenario.cluster.ClusterPlan;
import dev.nsnet.scenario.cluster.ClusterSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nsnet cluster print FILE} shows the commands a cluster file expands into (per node);
 * {@code nsnet cluster run FILE [SCRIPT]} builds it and runs a script in it. See docs/clusters.md.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Clusters from a YAML file: nodes, pods, a CNI model (bridge, flannel, macvlan, ipvlan-l2, "
                + "ipvlan-l3) and kube-proxy Services, expanded into the commands each node runs.",
        subcommands = {ClusterCommand.Print.class, ClusterCommand.Run.class})
final class ClusterCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Reads and expands a cluster file; on a mistake says why on {@code err} and returns null. */
    static ClusterPlan plan(String file, PrintStream err) {
        try {
            return new ClusterPlan(ClusterSpec.parse(file, Files.readString(Path.of(file))));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("nsnet cluster: " + file + ": cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "No such file or directory" : e.getMessage()));
        } catch (ClusterException e) {
            err.println("nsnet cluster: " + e.getMessage());
        }
        err.flush();
        return null;
    }

    static String plural(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }

    @Command(name = "print", mixinStandardHelpOptions = true,
            description = "Print the commands the cluster expands into: the physical network (nsnet-world), then each node's Linux commands.")
    static final class Print implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The cluster file (YAML).")
        String file;

        @Option(names = "--node", paramLabel = "NAME", description = "Print only this node's commands.")
        String node;

        @Override
        public Integer call() {
            PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
            PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
            ClusterPlan plan = plan(file, err);
            if (plan == null) return 1;
            if (node != null) {
                ClusterSpec.Node n = plan.spec.nodes.stream().filter(x -> x.name().equals(node)).findFirst().orElse(null);
                if (n == null) {
                    err.println("nsnet cluster: " + file + ": no node \"" + node + "\"");
                    err.flush();
                    return 1;
                }
                plan.printNode(out, n);
                out.flush();
                return 0;
            }
            plan.print(out, file);
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Build the cluster, then run SCRIPT in it (as `nsnet run --cluster FILE SCRIPT`). Nodes are hosts: "
                    + "reach them with `nsnet-world exec NODE CMD...`; the scenario's own host is the gateway.",
                    "Without SCRIPT, prints what was built."})
    static final class Run implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--transcript", description = "Print the script's transcript (the format golden/*.out files use).")
        boolean transcript;

        @Mixin WorldOptions world;

        @Parameters(index = "0", paramLabel = "FILE", description = "The cluster file (YAML).")
        String file;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SCRIPT", description = "The scenario script; - reads it from standard input.")
        String script;

        @Override
        public Integer call() {
            PrintStream out = WriterStream.printStream(spec.commandLine().getOut());
            PrintStream err = WriterStream.printStream(spec.commandLine().getErr());
            ClusterPlan plan = plan(file, err);
            if (plan == null) return 1;
            ScriptFiles.Loaded loaded = null;
            if (script != null) {
                loaded = ScriptFiles.load(script, err);
                if (loaded.script() == null) return loaded.status();
            }
            Session session = new Session(world.seed);
            if (script != null && !script.equals("-")) session.host.workingDirectory = Path.of(script).toAbsolutePath().getParent();
            world.attachTrace(session.emulation, err);
            int failed = ClusterBuilder.build(plan, session, transcript ? err : out, err);
            if (!world.loadTopology(session, transcript ? err : out, err)) return 1;
            if (loaded == null) {
                int pods = plan.spec.nodes.stream().mapToInt(n -> n.pods().size()).sum();
                out.println("cluster " + file + ": cni " + plan.spec.cni.word + ", " + plural(plan.spec.nodes.size(), "node") + ", "
                        + plural(pods, "pod") + ", " + plural(plan.spec.services.size(), "service") + " built"
                        + (failed == 0 ? "" : "; " + plural(failed, "command") + " failed"));
                out.flush();
                return failed == 0 ? 0 : 1;
            }
            return RunCommand.execute(session, loaded.script(), transcript, out, err);
        }
    }
}
