package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a world: the seed and packet tracing. */
final class WorldOptions {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the emulation's random source (default: ${DEFAULT-VALUE}). "
                    + "The same script with the same seed prints the same bytes.")
    long seed;

    @Option(names = "--trace", description = "Print each packet's path through the kernel model on stderr.")
    boolean trace;

    @Option(names = "--kernel", paramLabel = "reference|full", defaultValue = "reference",
            converter = KernelConverter.class,
            description = "Which drivers the hosts' kernels have (default: ${DEFAULT-VALUE}, the kernel the "
                    + "golden scenarios are recorded on: no ipvlan, no 802.1q vlan; full: both, as a "
                    + "distribution kernel has them). docs/world.md.")
    dev.nsnet.kernel.core.KernelConfig kernel;

    static final class KernelConverter implements picocli.CommandLine.ITypeConverter<dev.nsnet.kernel.core.KernelConfig> {
        @Override
        public dev.nsnet.kernel.core.KernelConfig convert(String v) {
            dev.nsnet.kernel.core.KernelConfig k = dev.nsnet.kernel.core.KernelConfig.byName(v);
            if (k == null) throw new picocli.CommandLine.TypeConversionException("expected reference or full, not '" + v + "'");
            return k;
        }
    }

    /** Gives the session's emulation (and its host) the --kernel configuration. */
    void applyKernel(dev.nsnet.scenario.Session session) {
        session.withKernel(kernel);
    }

    @Option(names = "--topology", paramLabel = "FILE",
            description = "Load a topology file (YAML: hosts, NICs, switches, cables, routers, internet; "
                    + "docs/world.md) into the world before the first command.")
    java.nio.file.Path topology;

    @Option(names = "--cluster", paramLabel = "FILE",
            description = "Build the cluster a cluster file describes (YAML: nodes, pods, CNI model, Services; "
                    + "docs/clusters.md) before the first command; before --topology when both are given.")
    String cluster;

    /**
     * Builds --cluster into the session's world. Returns false (after one line on err) when the
     * file cannot be read or is malformed; failing commands are reported and building goes on.
     */
    boolean loadCluster(dev.nsnet.scenario.Session session, PrintStream out, PrintStream err) {
        if (cluster == null) return true;
        dev.nsnet.scenario.cluster.ClusterPlan plan = ClusterCommand.plan(cluster, err);
        if (plan == null) return false;
        dev.nsnet.scenario.cluster.ClusterBuilder.build(plan, session, out, err);
        return true;
    }

    /**
     * Loads --topology into the session's world. Returns false (after one line on err) when the
     * file cannot be read or is malformed; failing host commands are reported and loading goes on.
     */
    boolean loadTopology(dev.nsnet.scenario.Session session, PrintStream out, PrintStream err) {
        if (topology == null) return true;
        try {
            dev.nsnet.tools.world.TopologyFile.load(topology, session.host, session.registry, out, err);
            return true;
        } catch (dev.nsnet.world.WorldException e) {
            err.println("nsnet: " + e.getMessage());
            return false;
        }
    }

    /** Attaches the text tracer, writing to {@code err}, when --trace was given. */
    void attachTrace(Emulation emu, PrintStream err) {
        if (trace) TraceSupport.attach(emu, err);
    }
}
