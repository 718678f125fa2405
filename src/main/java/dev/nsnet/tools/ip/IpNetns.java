package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.NetnsIds;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ip netns}: ipnetns.c. Names live in {@link Host#namedNetns()} (/run/netns, listed in
 * tmpfs readdir order: newest first). A namespace dies when its last name and last process are
 * gone ({@link #release}). {@code exec} does what ip does without -batch: setns() in the same
 * process, then exec of the command (so it keeps ip's pid).
 */
public final class IpNetns implements IpObject {
    @Override public String name() { return "netns"; }

    static final String USAGE = "Usage:\tip netns list\n"
            + "\tip netns add NAME\n"
            + "\tip netns attach NAME PID\n"
            + "\tip netns set NAME NETNSID\n"
            + "\tip [-all] netns delete [NAME]\n"
            + "\tip netns identify [PID]\n"
            + "\tip netns pids NAME\n"
            + "\tip [-all] netns exec [NAME] cmd ...\n"
            + "\tip netns monitor\n"
            + "\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n"
            + "NETNSID := auto | POSITIVE-INT\n";

    @Override
    public int run(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty()) return list(ctx, o);
        if (!o.all && args.size() > 1 && invalidName(args.get(1)))
            throw IpError.exit("Invalid netns name \"" + args.get(1) + "\"\n");
        String a = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (IpUtil.matches(a, "list") || IpUtil.matches(a, "show") || IpUtil.matches(a, "lst")) return list(ctx, o);
        if (IpUtil.matches(a, "list-id")) return listId(ctx, o, rest);
        if (IpUtil.matches(a, "help")) throw IpError.exit(USAGE);
        if (IpUtil.matches(a, "add")) return add(ctx, rest, true);
        if (IpUtil.matches(a, "set")) return set(ctx, rest);
        if (IpUtil.matches(a, "delete")) return delete(ctx, o, rest);
        if (IpUtil.matches(a, "identify")) return identify(ctx, rest);
        if (IpUtil.matches(a, "pids")) return pids(ctx, rest);
        if (IpUtil.matches(a, "exec")) return exec(ctx, o, rest);
        if (IpUtil.matches(a, "monitor")) throw new IpError("nsnet: ip netns monitor is not supported\n", 2);
        if (IpUtil.matches(a, "attach")) return add(ctx, rest, false);
        throw IpError.exit("Command \"" + a + "\" is unknown, try \"ip netns help\".\n");
    }

    static boolean invalidName(String n) {
        return n.isEmpty() || n.length() > 255 || n.indexOf('/') >= 0 || n.equals(".") || n.equals("..");
    }

    /** /run/netns in readdir order (tmpfs lists the newest entry first). */
    static List<Map.Entry<String, NetNamespace>> names(Host h) {
        List<Map.Entry<String, NetNamespace>> l = new ArrayList<>(h.namedNetns().entrySet());
        Collections.reverse(l);
        return l;
    }

    int list(ToolContext ctx, IpOptions o) {
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        NetNamespace cur = ctx.netns();
        for (var e : names(ctx.host())) {
            p.openObject(null);
            p.string(IpPrint.ANY, "name", "%s", e.getKey());
            int id = cur.nsidOf(e.getValue());
            if (id >= 0) p.integer(IpPrint.ANY, "id", " (id: %d)", id);
            p.string(IpPrint.FP, null, "\n", null);
            p.closeObject();
        }
        p.deleteJsonObj();
        return 0;
    }

    /** netns_list_id(): the current namespace's nsids in id order (rtnl_net_dumpid). */
    int listId(ToolContext ctx, IpOptions o, List<String> args) {
        int nsidFilter = -1;
        Integer targetNsid = null;
        NetNamespace cur = ctx.netns();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("target-nsid")) {
                if (targetNsid != null) throw IpError.duparg("target-nsid", a);
                String v = IpLinkParse.next(args, ++i);
                Integer t = IpUtil.getInteger(v);
                if (t == null) throw IpError.invarg("\"target-nsid\" value is invalid", v);
                // netns_list_id() names argv[1], the word after the value
                if (t < 0) throw IpError.invarg("\"target-nsid\" value should be >= 0",
                        i + 1 < args.size() ? args.get(i + 1) : "(null)");
                targetNsid = t;
            } else if (a.equals("nsid")) {
                if (nsidFilter >= 0) throw IpError.duparg("nsid", a);
                String v = IpLinkParse.next(args, ++i);
                Integer t = IpUtil.getInteger(v);
                if (t == null) throw IpError.invarg("\"nsid\" value is invalid", v);
                if (t < 0) throw IpError.invarg("\"nsid\" value should be >= 0",
                        i + 1 < args.size() ? args.get(i + 1) : "(null)");
                nsidFilter = t;
            } else {
                throw IpError.exit(USAGE);
            }
        }
        TreeMap<Integer, NetNamespace> ids = new TreeMap<>();
        if (nsidFilter >= 0) {
            // get_netnsid_from_netnsid(): RTM_GETNSID resolves the peer by its nsid in the caller's
            // namespace, then reports the id it has in the target's
            NetNamespace peer = cur.nsidLookup(nsidFilter);
            if (peer == null) throw new KernelException(Errno.EINVAL, "Peer netns reference is invalid");
            if (targetNsid != null) {
                cur = cur.nsidLookup(targetNsid);
                if (cur == null) throw new KernelException(Errno.EINVAL, "Target netns reference is invalid");
            }
            ids.put(cur.nsidOf(peer), peer);
        } else {
            if (targetNsid != null) {
                NetNamespace target = cur.nsidLookup(targetNsid);
                if (target == null) {
                    // rtnl_net_dumpid() fails: the error, the (empty) JSON array, "Dump terminated"
                    ctx.err().print("Error: Invalid target network namespace id.\n");
                    ctx.err().flush();
                    IpPrint p = IpPrint.of(ctx.out(), o);
                    p.newJsonObj();
                    p.deleteJsonObj();
                    ctx.out().flush();
                    throw new IpError("Dump terminated\n", 1);
                }
                cur = target;
            }
            for (var e : cur.nsids().entrySet()) ids.put(e.getValue(), e.getKey());
        }
        IpPrint p = IpPrint.of(ctx.out(), o);
        p.newJsonObj();
        List<String> used = new ArrayList<>();
        for (var e : ids.entrySet()) {
            p.openObject(null);
            if (e.getKey() < 0) p.string(IpPrint.FP, null, "nsid unassigned ", null);
            else p.integer(IpPrint.ANY, "nsid", "nsid %d ", e.getKey());
            // with a target, NETNSA_CURRENT_NSID: the peer's id in the caller's namespace, which
            // is also what names it
            int key = e.getKey();
            if (targetNsid != null) {
                key = ctx.netns().nsidOf(e.getValue());
                if (key < 0) p.string(IpPrint.FP, null, "current-nsid unassigned ", null);
                else p.integer(IpPrint.ANY, "current-nsid", "current-nsid %d ", key);
            }
            String name = null;
            for (var n : names(ctx.host())) {
                if (key >= 0 && ctx.netns().nsidOf(n.getValue()) == key && !used.contains(n.getKey())) {
                    name = n.getKey();
                    break;
                }
            }
            if (name != null) {
                used.add(name);
                p.string(IpPrint.ANY, "name", "(iproute2 netns name: %s)", name);
            }
            p.string(IpPrint.FP, null, "\n", null);
            p.closeObject();
            p.flushRecord();
        }
        p.deleteJsonObj();
        return 0;
    }

    int add(ToolContext ctx, List<String> args, boolean create) {
        Host h = ctx.host();
        if (create) {
            if (args.isEmpty()) throw new IpError("No netns name specified\n", 1);
        } else if (args.size() < 2) {
            throw new IpError("No netns name and PID specified\n", 1);
        }
        String name = args.get(0);
        Process attach = null;
        if (!create) {
            Integer pid = IpUtil.getInteger(args.get(1));
            if (pid == null || pid == 0) throw new IpError("Invalid PID: " + args.get(1) + "\n", 1);
            attach = h.process(pid);
        }
        if (h.netns(name) != null)
            throw new IpError("Cannot create namespace file \"/run/netns/" + name + "\": File exists\n", 1);
        if (!create && attach == null) {
            throw new IpError("Bind /proc/" + args.get(1) + "/ns/net -> /run/netns/" + name
                    + " failed: No such file or directory\n", 1);
        }
        NetNamespace ns = create ? h.createNetns() : attach.netns;
        h.nameNetns(name, ns);
        return 0;
    }

    int set(ToolContext ctx, List<String> args) {
        if (args.isEmpty()) throw new IpError("No netns name specified\n", 1);
        if (args.size() < 2) throw new IpError("No nsid specified\n", 1);
        String name = args.get(0), v = args.get(1);
        int nsid;
        if (v.equals("auto")) {
            nsid = -1;
        } else {
            Integer n = IpUtil.getInteger(v);
            if (n == null) throw IpError.invarg("Invalid \"netnsid\" value", v);
            if (n < 0) throw IpError.invarg("\"netnsid\" value should be >= 0", v);
            nsid = n;
        }
        NetNamespace peer = ctx.host().netns(name);
        if (peer == null)
            throw new IpError("Cannot open network namespace \"" + name + "\": No such file or directory\n", 1);
        NetnsIds.newId(ctx.netns(), peer, nsid);
        return 0;
    }

    int delete(ToolContext ctx, IpOptions o, List<String> args) {
        Host h = ctx.host();
        if (args.isEmpty() && !o.all) throw new IpError("No netns name specified\n", 1);
        if (o.all) {
            int rc = 0;
            for (var e : names(h)) rc |= del(ctx, e.getKey()) ? 0 : 1;
            return rc;
        }
        return del(ctx, args.get(0)) ? 0 : 1;
    }

    private boolean del(ToolContext ctx, String name) {
        Host h = ctx.host();
        NetNamespace ns = h.netns(name);
        if (ns == null) {
            ctx.err().print("Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory\n");
            ctx.err().flush();
            return false;
        }
        h.unnameNetns(name);
        release(h, ns);
        return true;
    }

    /** put_net(): the namespace goes when no name and no process hold it any more. */
    public static void release(Host h, NetNamespace ns) { h.releaseNetns(ns); }

    int identify(ToolContext ctx, List<String> args) {
        Process p;
        if (args.isEmpty()) {
            p = ctx.process();
        } else if (args.size() > 1) {
            throw new IpError("extra arguments specified\n", 1);
        } else {
            String s = args.get(0);
            if (s.isEmpty() || !s.chars().allMatch(Character::isDigit))
                throw new IpError("Specified string '" + s + "' is not a pid\n", 1);
            Integer pid = IpUtil.getInteger(s);
            p = pid == null ? null : ctx.host().process(pid);
            if (p == null) throw new IpError("Cannot open network namespace: No such file or directory\n", 1);
        }
        String found = "";
        for (var e : names(ctx.host())) if (e.getValue() == p.netns) found = e.getKey();
        ctx.out().print(found + "\n");
        ctx.out().flush();
        return 0;
    }

    int pids(ToolContext ctx, List<String> args) {
        if (args.isEmpty()) throw new IpError("No netns name specified\n", 1);
        if (args.size() > 1) throw new IpError("extra arguments specified\n", 1);
        NetNamespace ns = ctx.host().netns(args.get(0));
        if (ns == null) throw new IpError("Cannot open network namespace: No such file or directory\n", 1);
        TreeMap<Integer, Process> sorted = new TreeMap<>();
        for (Process p : ctx.host().processes()) if (p.netns == ns && !p.exited) sorted.put(p.pid, p);
        StringBuilder sb = new StringBuilder();
        for (int pid : sorted.keySet()) sb.append(pid).append('\n');
        ctx.out().print(sb);
        ctx.out().flush();
        return 0;
    }

    int exec(ToolContext ctx, IpOptions o, List<String> args) {
        if (args.isEmpty() && !o.all) throw new IpError("No netns name specified\n", 1);
        if ((args.size() < 2 && !o.all) || (args.isEmpty() && o.all)) throw new IpError("No command specified\n", 1);
        if (o.all) {
            // netns_foreach(on_netns_exec): each command's status is ignored, ip exits 0
            for (var e : names(ctx.host())) {
                ctx.out().print("\nnetns: " + e.getKey() + "\n");
                ctx.out().flush();
                execIn(ctx, e.getValue(), args);
            }
            return 0;
        }
        String name = args.get(0);
        NetNamespace ns = ctx.host().netns(name);
        if (ns == null)
            throw IpError.exit("Cannot open network namespace \"" + name + "\": No such file or directory\n");
        return execReplacing(ctx, ns, args.subList(1, args.size()));
    }

    /** do_switch() (setns into {@code ns}) then execvp(): the command runs as this same process. */
    private int execIn(ToolContext ctx, NetNamespace ns, List<String> argv) {
        ctx.out().flush();
        if (ctx.registry().get(argv.get(0)) == null) {
            ctx.err().print("exec of \"" + argv.get(0) + "\" failed: No such file or directory\n");
            ctx.err().flush();
            return 1;
        }
        Process proc = ctx.process();
        NetNamespace before = proc.netns;
        Ip.setns(proc, ns);
        try {
            return ctx.registry().run(ctx, new ArrayList<>(argv));
        } finally {
            if (proc.netns != before) Ip.setns(proc, before);
            release(ctx.host(), ns);
        }
    }

    /** The same as {@link #execIn} for the one-namespace form: execvp() replaces ip (no nesting). */
    private int execReplacing(ToolContext ctx, NetNamespace ns, List<String> argv) {
        ctx.out().flush();
        if (ctx.registry().get(argv.get(0)) == null) {
            ctx.err().print("exec of \"" + argv.get(0) + "\" failed: No such file or directory\n");
            ctx.err().flush();
            return 1;
        }
        Ip.setns(ctx.process(), ns);
        throw new ToolRegistry.Exec(new ArrayList<>(argv));
    }
}
