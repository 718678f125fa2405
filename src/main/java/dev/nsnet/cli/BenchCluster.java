package dev.nsnet.cli;

import dev.nsnet.scenario.Session;
import dev.nsnet.scenario.cluster.ClusterBuilder;
import dev.nsnet.scenario.cluster.ClusterPlan;
import dev.nsnet.scenario.cluster.ClusterSpec;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code nsnet bench --only cluster_build}: seconds and heap to build a cluster of N nodes x M pods
 * (bridge + host-gw model, or another with {@code --cni}, one Service with an endpoint on each of the first 10 nodes) from its
 * cluster file, through the same command path {@code nsnet cluster run} uses: every line of
 * {@code nsnet cluster print} parsed and run by the real tools, each node a host of its own.
 * Reports the wall time, the building thread's CPU time, the commands run, the time per command and the heap the cluster holds
 * (used heap after GC, minus the empty session's).
 */
final class BenchCluster {
    private BenchCluster() { }

    static int build(PrintStream out, String cni, int nodes, int podsPerNode) {
        String name = "cluster_build_" + (cni.equals("bridge") ? "" : cni + "_") + nodes + "x" + podsPerNode;
        try {
            // warm the tools and the model on a small cluster first
            run(spec(cni, 20, 10));
            long base = BenchPods.usedAfterGc();
            ClusterSpec spec = spec(cni, nodes, podsPerNode);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long g0 = gcMillis();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Built b = run(spec);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            long g1 = gcMillis();
            if (b.failed != 0) {
                out.println("bench " + name + ": unavailable (" + b.failed + " commands failed)");
                return 1;
            }
            long heap = BenchPods.usedAfterGc() - base;
            double secs = (t1 - t0) / 1e9;
            long pods = (long) nodes * podsPerNode;
            out.printf("bench %s: %.1f s%n", name, secs);
            // on a shared machine the wall figure mostly measures the other processes
            out.printf("bench %s_cpu: %.1f s%n", name, (c1 - c0) / 1e9);
            out.printf("bench %s_gc: %.1f s%n", name, (g1 - g0) / 1e3);
            out.printf("bench %s_commands: %d commands%n", name, b.commands);
            out.printf("bench %s_cpu_per_command: %.2f us/command%n", name, (c1 - c0) / 1e3 / b.commands);
            out.printf("bench %s_heap: %.0f MiB%n", name, heap / 1048576.0);
            out.printf("bench %s_heap_per_pod: %.1f KiB/pod%n", name, heap / 1024.0 / Math.max(1, pods));
            if (b.session.emulation.hosts().size() != nodes + 1) throw new IllegalStateException("hosts missing");
            return 0;
        } catch (RuntimeException | OutOfMemoryError e) {
            out.println("bench " + name + ": unavailable (" + e + ")");
            return 1;
        }
    }

    static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    record Built(Session session, int failed, long commands) { }

    static ClusterSpec spec(String cni, int nodes, int podsPerNode) {
        int len = nodes < 200 ? 24 : 16;
        StringBuilder y = new StringBuilder("cni: " + cni + "\nnodeSubnet: 10.0.0.0/" + len + "\npodCIDR: 10.128.0.0/9\n");
        y.append("generate: {nodes: ").append(nodes).append(", podsPerNode: ").append(podsPerNode).append("}\n");
        if (podsPerNode > 0) {
            y.append("services:\n  - {name: web, clusterIP: 10.96.0.10, port: 80, targetPort: 8000, endpoints: [");
            for (int i = 1; i <= Math.min(10, nodes); i++) y.append(i == 1 ? "" : ", ").append("pod-").append(i).append("-1");
            y.append("]}\n");
        }
        return ClusterSpec.parse("bench", y.toString());
    }

    static Built run(ClusterSpec spec) {
        ClusterPlan plan = new ClusterPlan(spec);
        Session session = new Session(1);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        long commands = plan.world().size();
        for (ClusterSpec.Node n : spec.nodes) commands += plan.steps(n).size();
        int failed = ClusterBuilder.build(plan, session, sink, sink);
        return new Built(session, failed, commands);
    }
}
