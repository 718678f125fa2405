package dev.nsnet.tools.ip;

import dev.nsnet.kernel.core.Errno;
import dev.nsnet.kernel.core.KernelException;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.kernel.core.NetNamespace;
import dev.nsnet.tools.ToolContext;
import java.io.PrintStream;
import java.util.List;

/**
 * One device type of {@code ip link add ... type KIND}: iproute2's {@code struct link_util}
 * (ip/iplink_*.c: parse_opt, print_opt, print_help) together with the kernel's
 * {@code rtnl_link_ops->newlink/changelink} for that kind.
 *
 * <p>How to add a kind (e.g. the bridge):
 * <pre>
 *   public final class BridgeLinkKind implements LinkKind {
 *       public String kind() { return "bridge"; }
 *       public NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List&lt;String&gt; args) {
 *           // 1. parse args exactly like iplink_bridge.c (throw IpError.invarg(...) etc. for usage errors)
 *           // 2. NetDevice dev = new NetDevice(req.name != null ? req.name : "bridge%d", Bridge.OPS);
 *           //    dev.mac = LinkRequest.randomMac(ctx.emulation().random()); ... driver setup ...
 *           // 3. req.register(ns, dev);   // = prepare (mtu/mac/...), Dev.register, configure (up, master)
 *           //    (throw KernelException for kernel refusals: printed "RTNETLINK answers: ..." / "Error: ...")
 *           return dev;
 *       }
 *       public void printDetails(IpPrint p, IpOptions o, NetDevice dev) { p.string(IpPrint.ANY, "...", ...); }
 *   }
 * </pre>
 * and register it once in {@link LinkKinds}' static block ({@code register(new BridgeLinkKind())});
 * the bridge engineer may add that one line. The port side ({@code bridge_slave}: its
 * {@code -d} details and {@code ip link set DEV type bridge_slave ...}) is a second LinkKind
 * whose {@link #kind()} is "bridge_slave": {@code ip -d link} calls the master's kind
 * {@link #printSlaveDetails}.
 *
 * <p>Order of work, as in iproute2 + the kernel: {@link #parse} (optional: the kind's words only,
 * so usage errors come before "File exists"), then the generic kernel checks, then
 * {@link #newLink}. A kind without print_opt in iproute2 (veth) returns false from
 * {@link #hasPrintOpt} so {@code ip -d -j} shows no "info_data".
 *
 * <p>Errors: usage mistakes are {@link IpError}s with iproute2's text and status (255 for
 * {@code exit(-1)}); kernel refusals are {@link KernelException}s (status 2).
 */
public interface LinkKind {
    /** IFLA_INFO_KIND ("veth", "bridge", "bridge_slave"). */
    String kind();

    /**
     * {@code ip link add [common] type KIND args...}: parse {@code args} like iproute2 would (all
     * parsing before any kernel change), then create and register the device(s).
     *
     * @param ctx the caller (its netns is the source namespace, e.g. the veth peer's default)
     * @param ns  the namespace the new device goes to ({@code netns NS} or the caller's)
     * @param req the generic attributes, already parsed; apply them with {@link LinkRequest#register}
     * @param args the words after {@code type KIND}
     * @return the new device
     */
    NetDevice newLink(ToolContext ctx, NetNamespace ns, LinkRequest req, List<String> args);

    /**
     * Optional: iproute2's parse_opt alone, run before the kernel's generic checks of
     * {@code ip link add} (an existing name answers EEXIST only after the arguments parsed). A
     * kind that implements it may keep its result in {@link LinkRequest#kindData} for
     * {@link #newLink}. The default parses nothing (newLink then parses).
     */
    default void parse(ToolContext ctx, LinkRequest req, List<String> args) { }

    /**
     * The kernel's {@code rtnl_link_ops->validate} of what {@link #parse} left in the request: runs
     * only when the host's kernel has this kind ({@code KernelConfig}), before the generic checks.
     */
    default void validate(ToolContext ctx, LinkRequest req) { }

    /**
     * {@code ip link set DEV type KIND args...} (changelink, run before the generic changes).
     * Default: the kernel's answer for a kind without changelink.
     */
    default void changeLink(ToolContext ctx, NetDevice dev, List<String> args) {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    /**
     * {@code ip -d link}: the kind's attributes printed after the "KIND " word (print_opt). Text
     * mode items each end with a space, as iproute2's do.
     */
    default void printDetails(IpPrint p, IpOptions o, NetDevice dev) { }

    /**
     * Whether iproute2 has a print_opt for this kind: only then does {@code ip -d -j} open an
     * "info_data" object (veth has none).
     */
    default boolean hasPrintOpt() { return true; }

    /** {@code ip -d link} of a port whose master is of this kind (IFLA_INFO_SLAVE_DATA). */
    default void printSlaveDetails(IpPrint p, IpOptions o, NetDevice port) { }

    /** The kind-name word shown by {@code ip -d link} for a port of this kind's master, or null. */
    default String slaveKind() { return null; }

    /** {@code ip link add type KIND help}: print_help to {@code out}. */
    default void printHelp(PrintStream out) { }
}
