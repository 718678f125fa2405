package dev.nsnet.tools.bridge;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpPrint;
import dev.nsnet.tools.ip.IpUtil;
import java.util.List;

/**
 * The {@code bridge} tool of iproute2 6.1 (bridge/bridge.c): global options, then one object —
 * {@code link} ({@link BrLinkCmd}), {@code fdb} ({@link BrFdbCmd}), {@code vlan} ({@link BrVlanCmd})
 * and {@code mdb} ({@link BrMdbCmd}); {@code monitor}, {@code vni} and {@code -batch} are
 * reported as not supported.
 */
public final class Bridge implements Tool {
    static final String USAGE = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       bridge [ -force ] -batch filename\n"
            + "where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
            + "                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
            + "                    -c[ompressvlans] -color -p[retty] -j[son] }\n";

    /** The global options and the namespace the command works in. */
    static final class Opts {
        int stats, details, oneline, timestamp, force;
        boolean json, pretty, compressVlans, color;
        NetNamespace ns;

        /** The printer; colour as check_enable_color(): -color (always) and never in JSON. */
        IpPrint printer(ToolContext ctx) { return new IpPrint(ctx.out(), json, pretty, oneline > 0).color(color && !json); }

        NetDevice dev(String name) { return dev.nsnet.tools.ip.IpUtil.llNameToIndex(ns, name); } // ll_name_to_index()

        /** ll_index_to_name(). */
        String indexToName(int ifindex) {
            NetDevice d = ns.dev(ifindex);
            return d != null ? d.name : "if" + ifindex;
        }
    }

    @Override public String name() { return "bridge"; }

    @Override
    public int run(ToolContext ctx, List<String> args) {
        try {
            return runInner(ctx, args);
        } catch (BridgeError e) {
            ctx.out().flush();
            ctx.err().print(e.text);
            ctx.err().flush();
            return e.status;
        } catch (KernelException e) {
            ctx.out().flush();
            kernelError(ctx, e);
            return 255;
        }
    }

    /** rtnl_talk()'s report of a refused request: the extack message, else strerror. */
    static void kernelError(ToolContext ctx, KernelException e) {
        if (e.extack != null) {
            ctx.err().print("Error: " + e.extack + (e.extack.endsWith(".") ? "" : ".") + "\n");
        } else {
            ctx.err().print("RTNETLINK answers: " + e.errno.message + "\n");
        }
        ctx.err().flush();
    }

    private int runInner(ToolContext ctx, List<String> args) {
        Opts o = new Opts();
        o.ns = ctx.netns();
        int i = 0, n = args.size();
        for (; i < n; i++) {
            String opt = args.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (!opt.startsWith("-")) break;
            if (opt.startsWith("--")) opt = opt.substring(1);
            if (IpUtil.matches(opt, "-help")) {
                throw new BridgeError(USAGE, 255);
            } else if (IpUtil.matches(opt, "-Version")) {
                ctx.out().print("bridge utility, 6.1.0\n");
                ctx.out().flush();
                return 0;
            } else if (IpUtil.matches(opt, "-stats") || IpUtil.matches(opt, "-statistics")) {
                o.stats++;
            } else if (IpUtil.matches(opt, "-details")) {
                o.details++;
            } else if (IpUtil.matches(opt, "-oneline")) {
                o.oneline++;
            } else if (IpUtil.matches(opt, "-timestamp")) {
                o.timestamp++;
            } else if (IpUtil.matches(opt, "-family")) {
                i++;
                if (i >= n) throw new BridgeError(USAGE, 255);
                String f = args.get(i);
                if (f.equals("help")) throw new BridgeError(USAGE, 255);
                if (!f.equals("inet") && !f.equals("inet6")) throw BridgeError.invarg("invalid protocol family", f);
            } else if (opt.equals("-4") || opt.equals("-6")) {
                // preferred_family: only used for fdb dst addresses
            } else if (IpUtil.matches(opt, "-netns")) {
                i++;
                if (i >= n) throw BridgeError.incomplete();
                String name = args.get(i);
                NetNamespace target = ctx.host().netns(name);
                if (target == null) {
                    throw BridgeError.of("Cannot open network namespace \"" + name + "\": No such file or directory");
                }
                o.ns = target;
            } else if (matchesColor(opt)) {
                // bridge.c tries matches_color() before -compressvlans, so -c is colour (iproute2 6.1);
                // -color=auto never colours here: the output is a file or a pipe, never a terminal
                int eq = opt.indexOf('=');
                String v = eq < 0 ? "" : opt.substring(eq + 1);
                o.color = v.isEmpty() || v.equals("always");
            } else if (IpUtil.matches(opt, "-compressvlans")) {
                o.compressVlans = true;
            } else if (IpUtil.matches(opt, "-force")) {
                o.force++;
            } else if (IpUtil.matches(opt, "-json")) {
                o.json = true;
            } else if (IpUtil.matches(opt, "-pretty")) {
                o.pretty = true;
            } else if (IpUtil.matches(opt, "-batch")) {
                i++;
                if (i >= n) throw new BridgeError(USAGE, 255);
                throw new BridgeError("nsnet: bridge -batch is not supported\n", 1);
            } else {
                throw BridgeError.of("Option \"" + opt + "\" is unknown, try \"bridge help\".");
            }
        }
        if (i >= n) throw new BridgeError(USAGE, 255);
        String obj = args.get(i);
        List<String> rest = args.subList(i + 1, n);
        if (IpUtil.matches(obj, "link")) return BrLinkCmd.run(ctx, o, rest);
        if (IpUtil.matches(obj, "fdb")) return BrFdbCmd.run(ctx, o, rest);
        if (IpUtil.matches(obj, "mdb")) return BrMdbCmd.run(ctx, o, rest);
        if (IpUtil.matches(obj, "vlan")) return BrVlanCmd.run(ctx, o, rest);
        if (IpUtil.matches(obj, "vni") || IpUtil.matches(obj, "monitor")) {
            throw new BridgeError("nsnet: bridge " + obj + " is not supported\n", 1);
        }
        if (IpUtil.matches(obj, "help")) throw new BridgeError(USAGE, 255);
        throw BridgeError.of("Object \"" + obj + "\" is unknown, try \"bridge help\".");
    }

    /** matches_color(): "-color" or "-color=WHEN" (any prefix of -color). */
    private static boolean matchesColor(String opt) {
        int eq = opt.indexOf('=');
        String key = eq >= 0 ? opt.substring(0, eq) : opt;
        return IpUtil.matches(key, "-color");
    }
}
