package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.kernel.core.Process;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ip} command: iproute2 6.1's ip.c. Global options (with {@code matches()} prefix
 * rules, in ip.c's order, so {@code -h} is -human and {@code -b} is -batch), then the object
 * chosen by prefix in the {@code cmds[]} table order ({@code ip a} = address, {@code ip r} =
 * route, {@code ip n} = neighbor, {@code ip l} = link).
 *
 * <p>Exit statuses as iproute2's: an object's negative return -N becomes N (so "Cannot find
 * device" is 1 and "RTNETLINK answers" is 2); {@code exit(-1)} is 255.
 */
public final class Ip implements Tool {
    /** ip.c's cmds[]: prefix matching walks this order. */
    private static final String[] CMDS = {"address", "addrlabel", "maddress", "route", "rule", "neighbor",
            "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap",
            "tap", "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf",
            "vrf", "sr", "nexthop", "mptcp", "ioam", "help", "stats"};

    private final Map<String, IpObject> objects = new HashMap<>();

    public Ip() {
        add(new IpLink());
        add(new IpNetns());
        add(new IpAddress());
        add(new IpNeigh());
        add(new IpRoute());
        add(new IpRule());
        add(new IpMaddr());
        // A new object registers here, one line each; cmds[] names it nsnet lacks answer "not supported".
    }

    /** Registers an object under its cmds[] name ("neighbor" also serves "neighbour"). */
    public Ip add(IpObject o) {
        objects.put(o.name(), o);
        if (o.name().equals("neighbor") || o.name().equals("neighbour")) {
            objects.put("neighbor", o);
            objects.put("neighbour", o);
        }
        return this;
    }

    @Override public String name() { return "ip"; }

    static final String USAGE = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       ip [ -force ] -batch filename\n"
            + "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
            + "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
            + "                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
            + "                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
            + "                   token | tunnel | tuntap | vrf | xfrm }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
            + "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
            + "                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
            + "                    -4 | -6 | -M | -B | -0 |\n"
            + "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
            + "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
            + "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
            + "                    -c[olor]}\n";

    static IpError usage() { return new IpError(USAGE, 255); }

    @Override
    public int run(ToolContext ctx, List<String> argv) {
        Process proc = ctx.process();
        NetNamespace saved = proc.netns;
        boolean exec = false;
        try {
            return runInner(ctx, argv);
        } catch (ToolRegistry.Exec e) {
            exec = true; // the process becomes the exec'd program: it stays where ip put it
            throw e;
        } catch (IpError e) {
            ctx.out().flush();
            ctx.err().print(e.text);
            ctx.err().flush();
            return e.status;
        } catch (KernelException e) {
            ctx.out().flush();
            kernelError(ctx, e);
            return 2;
        } finally {
            if (!exec && proc.netns != saved) {
                NetNamespace left = proc.netns;
                setns(proc, saved);
                // `ip -n X netns del X`: the namespace dies once ip leaves it.
                IpNetns.release(ctx.host(), left);
            }
        }
    }

    /** How iproute2 reports a netlink error: the extack message if any, else strerror. */
    public static void kernelError(ToolContext ctx, KernelException e) {
        if (e.extack != null) ctx.err().print("Error: " + e.extack + ".\n");
        else ctx.err().print("RTNETLINK answers: " + e.errno.message + "\n");
        ctx.err().flush();
    }

    private int runInner(ToolContext ctx, List<String> argv) {
        IpOptions o = new IpOptions();
        String batchFile = null;
        int i = 0, n = argv.size();
        for (; i < n; i++) {
            String opt = argv.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (!opt.startsWith("-")) break;
            if (opt.startsWith("--")) opt = opt.substring(1);
            if (IpUtil.matches(opt, "-loops")) {
                if (++i >= n) throw usage();
            } else if (IpUtil.matches(opt, "-family")) {
                if (++i >= n) throw usage();
                String f = argv.get(i);
                if (f.equals("help")) throw usage();
                o.family = switch (f) {
                    case "inet" -> 2;
                    case "inet6" -> 10;
                    case "link" -> 17;
                    case "mpls" -> 28;
                    case "bridge" -> 7;
                    default -> throw IpError.invarg("invalid protocol family", f);
                };
            } else if (opt.equals("-4")) {
                o.family = 2;
            } else if (opt.equals("-6")) {
                o.family = 10;
            } else if (opt.equals("-0")) {
                o.family = 17;
            } else if (opt.equals("-M")) {
                o.family = 28;
            } else if (opt.equals("-B")) {
                o.family = 7;
            } else if (IpUtil.matches(opt, "-human") || IpUtil.matches(opt, "-human-readable")) {
                o.human++;
            } else if (IpUtil.matches(opt, "-iec")) {
                o.iec++;
            } else if (IpUtil.matches(opt, "-stats") || IpUtil.matches(opt, "-statistics")) {
                o.stats++;
            } else if (IpUtil.matches(opt, "-details")) {
                o.details++;
            } else if (IpUtil.matches(opt, "-resolve")) {
                o.resolveHosts = true;
            } else if (IpUtil.matches(opt, "-oneline")) {
                o.oneline = true;
            } else if (IpUtil.matches(opt, "-timestamp")) {
                o.timestamp = true;
            } else if (IpUtil.matches(opt, "-tshort")) {
                o.timestamp = true;
            } else if (IpUtil.matches(opt, "-Version")) {
                ctx.out().print("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
                ctx.out().flush();
                return 0;
            } else if (IpUtil.matches(opt, "-force")) {
                o.force = true;
            } else if (IpUtil.matches(opt, "-batch")) {
                if (++i >= n) throw usage();
                batchFile = argv.get(i);
            } else if (IpUtil.matches(opt, "-brief")) {
                o.brief = true;
            } else if (IpUtil.matches(opt, "-json")) {
                o.json = true;
            } else if (IpUtil.matches(opt, "-pretty")) {
                o.pretty = true;
            } else if (IpUtil.matches(opt, "-rcvbuf")) {
                if (++i >= n) throw usage();
                if (IpUtil.getUnsigned(argv.get(i)) == null)
                    throw IpError.exit("Invalid rcvbuf size '" + argv.get(i) + "'\n");
            } else if (matchesColor(opt)) {
                int eq = opt.indexOf('=');
                String v = eq < 0 ? "" : opt.substring(eq + 1);
                o.color = v.isEmpty() || v.equals("always") ? IpOptions.COLOR_ALWAYS
                        : v.equals("auto") ? IpOptions.COLOR_AUTO : IpOptions.COLOR_NEVER;
            } else if (IpUtil.matches(opt, "-help")) {
                throw usage();
            } else if (IpUtil.matches(opt, "-netns")) {
                // ip.c's NEXT_ARG() counts argv[0]: a trailing -n reaches netns_switch(NULL).
                String name = ++i < n ? argv.get(i) : "(null)";
                NetNamespace ns = ctx.host().netns(name);
                if (ns == null || name.contains("/"))
                    throw IpError.exit("Cannot open network namespace \"" + name + "\": No such file or directory\n");
                setns(ctx.process(), ns);
                o.netns = name;
            } else if (IpUtil.matches(opt, "-Numeric")) {
                o.numeric = true;
            } else if (IpUtil.matches(opt, "-all")) {
                o.all = true;
            } else if (opt.equals("-echo")) {
                o.echo = true;
            } else {
                throw IpError.exit("Option \"" + opt + "\" is unknown, try \"ip -help\".\n");
            }
        }
        if (batchFile != null) return IpBatch.run(ctx, this, o, batchFile);
        if (i >= n) throw usage();
        return dispatch(ctx, o, argv.subList(i, n));
    }

    /** do_cmd(): the object named by the first word (by prefix, in cmds[] order) runs the rest. */
    int dispatch(ToolContext ctx, IpOptions o, List<String> words) {
        String obj = words.get(0);
        List<String> rest = words.subList(1, words.size());
        for (String c : CMDS) {
            if (!IpUtil.matches(obj, c)) continue;
            if (c.equals("help")) throw usage();
            IpObject h = objects.get(c);
            if (h == null) throw new IpError("nsnet: ip " + c + " is not supported\n", 2);
            return h.run(ctx, o, rest);
        }
        throw new IpError("Object \"" + obj + "\" is unknown, try \"ip help\".\n", 1);
    }

    /** matches_color(): -c[olor][=always|auto|never]. */
    private static boolean matchesColor(String opt) {
        int eq = opt.indexOf('=');
        String word = eq < 0 ? opt : opt.substring(0, eq);
        if (!IpUtil.matches(word, "-color")) return false;
        if (eq < 0) return true;
        String v = opt.substring(eq + 1);
        return v.isEmpty() || v.equals("always") || v.equals("auto") || v.equals("never");
    }

    /** setns(CLONE_NEWNET) of the running process (ip -n NAME). */
    static void setns(Process p, NetNamespace ns) { p.setns(ns); }
}
