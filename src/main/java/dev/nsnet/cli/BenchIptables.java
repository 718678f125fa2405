package dev.nsnet.cli;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Rule-set benchmarks, the shapes of /work/shared/bench-kernel/iptables_restore.sh and
 * dp_redline_rules.sh: N rules "-A FORWARD -s 10.x.y.z/32 -j DROP" (sources never used) loaded by
 * {@code iptables-restore FILE} into a fresh world (wall time of the command, file read, parse,
 * build and the one table swap), one {@code iptables -A FORWARD} on top of 10,000 rules, and the
 * red line forwarding through 10,000 such rules before its ACCEPTs.
 */
final class BenchIptables {
    private BenchIptables() { }

    /** bench-kernel medians on this machine type: iptables-nft-restore of 10k / 50k rules, one -A on 10k. */
    static final double KERNEL_NFT_RESTORE_10K_MS = 57, KERNEL_NFT_RESTORE_50K_MS = 316;

    /** The iptables-restore input of kb_gen_rules FORWARD n. */
    static String rules(String chain, int n) {
        StringBuilder sb = new StringBuilder(n * 40).append("*filter\n");
        for (int i = 0; i < n; i++) {
            sb.append("-A ").append(chain).append(" -s 10.").append(100 + (i >> 16)).append('.').append((i >> 8) & 255)
                    .append('.').append(i & 255).append("/32 -j DROP\n");
        }
        return sb.append("COMMIT\n").toString();
    }

    /** One process on {@code h} running {@code line} (a tool command), its output discarded. */
    static int exec(ToolRegistry reg, Host h, String... argv) {
        PrintStream devnull = new PrintStream(OutputStream.nullOutputStream());
        ToolContext ctx = new ToolContext(h.spawn(argv[0], h.rootNs), devnull, devnull, reg, null);
        return reg.run(ctx, List.of(argv));
    }

    /** median wall time of iptables-restore FILE into a fresh world. */
    static int restore(PrintStream out, String name, int n, int runs, double kernelMs) {
        Path file;
        try {
            file = Files.createTempFile("nsnet-bench-rules", ".rules");
            Files.writeString(file, rules("FORWARD", n));
        } catch (IOException e) {
            out.println("bench " + name + ": unavailable (" + e.getMessage() + ")");
            return 1;
        }
        try {
            ToolRegistry reg = Tools.standard();
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            double[] ms = new double[runs], cpuMs = new double[runs];
            for (int r = -10; r < runs; r++) { // warm-up runs (the JIT needs them: a cold JVM is 3-4x slower)
                Host h = new Emulation(1).newHost("h");
                System.gc(); // each run starts from the same heap, not with the last world's garbage
                long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                int rc = exec(reg, h, "iptables-restore", file.toString());
                long t1 = System.nanoTime();
                long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
                if (r >= 0) cpuMs[r] = (c1 - c0) / 1e6;
                if (rc != 0) {
                    out.println("bench " + name + ": unavailable (iptables-restore exited " + rc + ")");
                    return 1;
                }
                if (r >= 0) ms[r] = (t1 - t0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            out.printf("bench %s: %.1f ms%n", name, ms[runs / 2]);
            out.printf("bench %s_vs_kernel_nft: %.2f x%n", name, kernelMs / ms[runs / 2]);
            // CPU time of the one thread that runs the command (garbage collection excluded): steady
            // on a shared machine, where wall time mostly measures the other processes
            if (cpu) out.printf("bench %s_cpu: %.1f ms%n", name, cpuMs[runs / 2]);
            return 0;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** {@code bench iptables_append_on_10k}: median wall time of one iptables -A FORWARD on 10,000 rules. */
    static int appendOn(PrintStream out, String name, int n, int runs) {
        ToolRegistry reg = Tools.standard();
        Host h = new Emulation(1).newHost("h");
        if (restoreText(reg, h, rules("FORWARD", n), false) != 0) {
            out.println("bench " + name + ": unavailable (restore failed)");
            return 1;
        }
        double[] ms = new double[runs];
        for (int r = -5; r < runs; r++) {
            long t0 = System.nanoTime();
            exec(reg, h, "iptables", "-A", "FORWARD", "-s", "10.255.255.254/32", "-j", "DROP");
            long t1 = System.nanoTime();
            if (r >= 0) ms[r] = (t1 - t0) / 1e6;
        }
        Arrays.sort(ms);
        out.printf("bench %s: %.2f ms%n", name, ms[runs / 2]);
        return 0;
    }

    /** Restores {@code text} through a temporary file (the tool's only input in scripts). */
    static int restoreText(ToolRegistry reg, Host h, String text, boolean noflush) {
        try {
            Path f = Files.createTempFile("nsnet-bench-rules", ".rules");
            try {
                Files.writeString(f, text);
                return noflush ? exec(reg, h, "iptables-restore", "--noflush", f.toString())
                        : exec(reg, h, "iptables-restore", f.toString());
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * The red-line world of {@link Bench#rig} with {@code n} non-matching DROP rules loaded into
     * FORWARD by iptables-restore --noflush, then the forwarding ACCEPTs after them (the reply
     * direction's by conntrack state), so every forwarded frame walks past all n rules
     * (dp_redline_rules.sh).
     */
    static Bench.Rig redlineWithRules(int n) {
        Bench.Rig rig = Bench.rig(Bench.Path.REDLINE);
        ToolRegistry reg = Tools.standard();
        Host node = rig.emu().host("node1");
        if (restoreText(reg, node, rules("FORWARD", n), true) != 0) throw new IllegalStateException("iptables-restore failed");
        if (exec(reg, node, "iptables", "-A", "FORWARD", "-i", "br0", "-o", "eth0", "-j", "ACCEPT") != 0
                || exec(reg, node, "iptables", "-A", "FORWARD", "-i", "eth0", "-o", "br0", "-m", "conntrack", "--ctstate",
                        "RELATED,ESTABLISHED", "-j", "ACCEPT") != 0) {
            throw new IllegalStateException("iptables -A FORWARD failed");
        }
        return rig;
    }
}
