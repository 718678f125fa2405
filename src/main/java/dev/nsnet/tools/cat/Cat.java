package dev.nsnet.tools.cat;

import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Sysctl;
import dev.nsnet.kernel.netfilter.conntrack.NfConntrackNet;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.conntrack.ConntrackProc;
import java.util.List;

/**
 * coreutils {@code cat} over the few files nsnet models: /proc/net/nf_conntrack and the
 * /proc/sys tree (the calling process's network namespace, as procfs shows it). Any other path
 * is "No such file or directory", a directory of /proc/sys is "Is a directory", both exit 1
 * after the other operands were printed, as cat does. Options are not supported.
 */
public final class Cat implements Tool {
    @Override
    public String name() { return "cat"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        NetNamespace ns = ctx.netns();
        int status = 0;
        for (String path : args) {
            if (path.startsWith("-") && path.length() > 1) {
                ctx.err().println("cat: options are not supported by nsnet: " + path);
                return 1;
            }
            String norm = path.replaceAll("/+", "/");
            if (norm.equals("/proc/net/nf_conntrack") || norm.equals("/proc/self/net/nf_conntrack")) {
                ctx.out().print(ConntrackProc.show(NfConntrackNet.of(ns)));
                continue;
            }
            if (norm.startsWith("/proc/sys/")) {
                String key = norm.substring("/proc/sys/".length());
                if (key.endsWith("/")) key = key.substring(0, key.length() - 1);
                Sysctl.Entry e = ns.sysctl.get(key);
                if (e != null && e.get() != null) {
                    ctx.out().println(e.get().get());
                    continue;
                }
                if (e != null) {
                    ctx.err().println("cat: " + path + ": Permission denied");
                    status = 1;
                    continue;
                }
                if (ns.sysctl.isDirectory(key)) {
                    ctx.err().println("cat: " + path + ": Is a directory");
                    status = 1;
                    continue;
                }
            }
            ctx.err().println("cat: " + path + ": No such file or directory");
            status = 1;
        }
        return status;
    }
}
