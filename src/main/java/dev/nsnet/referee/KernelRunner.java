package dev.nsnet.referee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs scenario scripts on the real kernel, each in a fresh sandbox, by handing a temporary copy of
 * the script to {@code scripts/record-golden.sh -o DIR} (the one recorder the golden transcripts come
 * from: unshare'd net+mount namespace, private /run/netns, pinned /etc/hosts, line-by-line bash).
 * Nothing here re-implements the sandbox; this class only finds the recorder, feeds it and reads the
 * raw transcript back.
 */
public final class KernelRunner {
    /** Why the kernel side cannot run (not root, no recorder, recording failed). */
    public static final class KernelRunException extends Exception {
        public KernelRunException(String message) { super(message, null, false, false); }
    }

    private final Path recorder;

    public KernelRunner(Path recorder) { this.recorder = recorder; }

    /** The recorder of this checkout (see {@link #repoRoot()}). */
    public static KernelRunner locate() throws KernelRunException {
        Path root = repoRoot();
        Path rec = root == null ? null : root.resolve("scripts/record-golden.sh");
        if (rec == null || !Files.isRegularFile(rec)) {
            throw new KernelRunException("cannot find scripts/record-golden.sh (set NSNET_HOME to the nsnet checkout)");
        }
        return new KernelRunner(rec);
    }

    /**
     * The nsnet checkout: $NSNET_HOME, else the directory above target/ that holds these classes
     * (target/nsnet.jar or target/classes), else the current directory, whichever holds the recorder.
     */
    public static Path repoRoot() {
        List<Path> tries = new ArrayList<>();
        String env = System.getenv("NSNET_HOME");
        if (env != null && !env.isEmpty()) tries.add(Path.of(env));
        try {
            Path code = Path.of(KernelRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) tries.add(p);
        } catch (Exception ignored) {
            // no code source (unusual class loader): fall back to the working directory
        }
        tries.add(Path.of("").toAbsolutePath());
        for (Path p : tries) if (Files.isRegularFile(p.resolve("scripts/record-golden.sh"))) return p;
        return null;
    }

    /** Whether this process runs as root (the sandbox needs unshare --net --mount). */
    public static boolean isRoot() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:")) return l.split("\\s+")[1].equals("0");
            }
        } catch (IOException ignored) {
            // not Linux: certainly no kernel to referee with
        }
        return false;
    }

    public static final String NEEDS_ROOT = "the real-kernel side runs each script in a private network namespace "
            + "(unshare --net --mount) and needs root: run as root, e.g. sudo ./nsnet ...";

    /** Runs one script text on the real kernel and returns its raw transcript. */
    public String run(String scriptText) throws KernelRunException {
        return runAll(List.of(scriptText)).get(0);
    }

    /** Runs each script in its own fresh sandbox (one recorder call) and returns their raw transcripts. */
    public List<String> runAll(List<String> scriptTexts) throws KernelRunException {
        if (!isRoot()) throw new KernelRunException(NEEDS_ROOT);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nsnet-referee");
            Path out = dir.resolve("out");
            List<String> cmd = new ArrayList<>(List.of("bash", recorder.toString(), "-o", out.toString()));
            for (int i = 0; i < scriptTexts.size(); i++) {
                Path s = dir.resolve("s" + i + ".sh");
                Files.writeString(s, scriptTexts.get(i), StandardCharsets.UTF_8);
                cmd.add(s.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("log").toFile());
            Process p = pb.start();
            // each line is bounded by the recorder (20 s); a version-7 world runs 30-60 s more than a
            // version-5 one (macvlan and vxlan waits), and a few older worlds already spend 80 s in
            // UDP nc lines that the kernel holds to their 20 s limit (fuzz seeds 60, 105)
            if (!p.waitFor(30L + 120L * scriptTexts.size(), TimeUnit.SECONDS)) {
                p.destroy();
                throw new KernelRunException("the kernel recorder did not finish in time");
            }
            List<String> res = new ArrayList<>();
            for (int i = 0; i < scriptTexts.size(); i++) {
                Path t = out.resolve("s" + i + ".out");
                if (!Files.isRegularFile(t)) {
                    String log = Files.readString(dir.resolve("log"), StandardCharsets.UTF_8).strip();
                    throw new KernelRunException("the real kernel could not run the script: " + log);
                }
                res.add(Files.readString(t, StandardCharsets.UTF_8));
            }
            return res;
        } catch (IOException e) {
            throw new KernelRunException("cannot run the kernel recorder: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelRunException("interrupted");
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
