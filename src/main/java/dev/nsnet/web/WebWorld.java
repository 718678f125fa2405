package dev.nsnet.web;

import dev.nsnet.cli.Demo;
import dev.nsnet.cli.ShellSession;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.scenario.Script;
import dev.nsnet.scenario.Session;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.Tools;
import dev.nsnet.trace.TextTrace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world behind {@code nsnet serve}: one session (as {@code nsnet shell} has), its console
 * (cli.ShellSession: the same commands, the same {@code ip netns exec NS bash} / {@code exit}),
 * the packet traces of the commands run, and the drawing's layout, recomputed after each command.
 * All methods are synchronized: the HTTP server's threads take turns on the one emulation.
 */
public final class WebWorld {
    /** What one console command did. */
    public record Exec(int seq, String cmd, String stdout, String stderr, int status, String prompt, Trace trace) { }

    /** A command's packet trace: structured steps and the text tracer's lines. */
    public record Trace(int id, String cmd, List<TraceRecorder.Step> steps, boolean truncated, String text) { }

    /** What a device view shows: what ip prints for it in its namespace. */
    public record DeviceView(String id, String host, String netns, String dev, String link, String addr) { }

    /** The most traces kept (older ones are forgotten, oldest first). */
    static final int MAX_TRACES = 64;
    /** The console's history kept for a page that (re)loads. */
    static final int MAX_HISTORY = 200;

    final Session session;
    private final ShellSession shell;
    private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream(), errBuf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
    private final Map<Integer, Trace> traces = new LinkedHashMap<>();
    private final List<Exec> history = new ArrayList<>();
    private int nextTrace = 1, nextSeq = 1;
    private Topology topology;
    private Layout layout;

    private WebWorld(Session session) {
        this.session = session;
        // the page's console is the user's terminal, as nsnet shell's is (tcpdump line-buffers there)
        session.terminal = true;
        this.shell = new ShellSession(session, out, err);
    }

    /** The demo's world (cli.Demo: node1 with two pods on cni0, a switch, a router, a web host). */
    public static WebWorld demo(long seed) { return demo(demoSession(seed)); }

    /** A session for the demo's world: its first host is the demo's node. */
    public static Session demoSession(long seed) { return new Session(seed, Tools.standard(), Demo.NODE_NAME); }

    /** The demo's world built in {@code session} (from {@link #demoSession}, configured). */
    public static WebWorld demo(Session session) {
        WebWorld w = new WebWorld(session);
        w.setup("# nsnet serve: the demo's world (nsnet demo builds the same)", Demo.setupScript());
        return w;
    }

    /** A fresh world (host nsnet), after running {@code script}'s lines as nsnet run would. */
    public static WebWorld of(Script script, java.nio.file.Path dir, long seed) {
        Session s = new Session(seed);
        if (dir != null) s.host.workingDirectory = dir;
        return over(s, "# nsnet serve " + script.name(), "", "", lines(script));
    }

    /** The lines of a script, as nsnet run runs them. */
    public static List<String> lines(Script script) {
        List<String> lines = new ArrayList<>();
        for (Script.Line l : script.lines()) lines.add(l.text());
        return lines;
    }

    /**
     * The world of {@code session} (built already, e.g. from a cluster or topology file, which
     * printed {@code out} and {@code err}), after running {@code lines} in it; the console's first
     * entry, titled {@code title}, shows all that output.
     */
    public static WebWorld over(Session session, String title, String out, String err, List<String> lines) {
        WebWorld w = new WebWorld(session);
        w.out.print(out);
        w.err.print(err);
        w.setup(title, lines);
        return w;
    }

    /** A fresh, empty world (tests). */
    public static WebWorld fresh(long seed) { return new WebWorld(new Session(seed)); }

    private void setup(String title, List<String> lines) {
        int status = 0;
        for (String l : lines) {
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            status = session.execute(l, out, err);
        }
        history.add(new Exec(0, title, take(outBuf), take(errBuf), status, shell.prompt(), null));
        relayout();
    }

    private static String take(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        b.reset();
        return s;
    }

    /** Runs one console line (as typed at nsnet shell's prompt), tracing every packet it moves. */
    public synchronized Exec exec(String cmd) {
        TraceRecorder rec = new TraceRecorder(session.emulation);
        ByteArrayOutputStream textBuf = new ByteArrayOutputStream();
        TextTrace text = new TextTrace(session.emulation, new PrintStream(textBuf, true, StandardCharsets.UTF_8));
        rec.attach();
        session.emulation.trace.attach(text);
        dev.nsnet.world.World.of(session.emulation).addObserver(text);
        try {
            shell.accept(cmd);
        } finally {
            text.detach();
            rec.detach();
        }
        if (shell.done()) {
            shell.resume();
            err.println("nsnet serve: the web console stays open (stop the server with Ctrl-C where it runs)");
        }
        Trace t = null;
        if (!rec.steps.isEmpty()) {
            t = new Trace(nextTrace++, cmd, List.copyOf(rec.steps), rec.truncated, textBuf.toString(StandardCharsets.UTF_8));
            traces.put(t.id(), t);
            if (traces.size() > MAX_TRACES) traces.remove(traces.keySet().iterator().next());
        }
        Exec x = new Exec(nextSeq++, cmd, take(outBuf), take(errBuf), shell.lastStatus(), shell.prompt(), t);
        history.add(x);
        if (history.size() > MAX_HISTORY) history.remove(1);
        relayout();
        return x;
    }

    private void relayout() {
        topology = Topology.of(session.emulation);
        layout = Layout.of(topology);
    }

    public synchronized Topology topology() { return topology; }

    public synchronized Layout layout() { return layout; }

    public synchronized Trace trace(int id) { return traces.get(id); }

    public synchronized List<Integer> traceIds() { return List.copyOf(traces.keySet()); }

    public synchronized List<Exec> history() { return List.copyOf(history); }

    public synchronized String prompt() { return shell.prompt(); }

    public synchronized long nowNanos() { return session.emulation.now(); }

    /** The emulation (for the --trace text tracer of nsnet serve). */
    public dev.nsnet.kernel.core.Emulation emulation() { return session.emulation; }

    /**
     * What {@code ip -d -s link show DEV} and {@code ip addr show DEV} print in the device's
     * namespace, or null when no such device is drawn. Runs ip as nsnet shell would, but without
     * letting virtual time pass (looking does not change the world).
     */
    public synchronized DeviceView device(String host, String netns, String dev) {
        String id = "d:" + host + "/" + netns + "/" + dev;
        NetDevice d = topology.devices.get(id);
        if (d == null || d.ns == null || d.ns.dead) return null;
        return new DeviceView(id, host, netns, dev, ip(d.ns, "ip", "-d", "-s", "link", "show", "dev", dev),
                ip(d.ns, "ip", "addr", "show", "dev", dev));
    }

    private String ip(NetNamespace ns, String... argv) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(b, true, StandardCharsets.UTF_8);
        Process p = ns.host.spawn(argv[0], ns);
        try {
            session.registry.run(new ToolContext(p, ps, ps, session.registry, null), List.of(argv));
        } finally {
            if (!p.exited) ns.host.exit(p, 0);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The drawing with the first {@code step} steps of trace {@code id} in red (no trace: none). */
    public synchronized Drawing.Highlight highlight(Trace t, int step) {
        if (t == null) return Drawing.Highlight.NONE;
        return TraceRecorder.highlight(t.steps(), step, topology);
    }
}
