package dev.nsnet.tools;

import dev.nsnet.tools.bridge.Bridge;
import dev.nsnet.tools.echo.Echo;
import dev.nsnet.tools.echo.Exit;
import dev.nsnet.tools.echo.ExitStatus;
import dev.nsnet.tools.echo.Sleep;
import dev.nsnet.tools.ip.Ip;
import dev.nsnet.tools.ping.Ping;
import dev.nsnet.tools.sysctl.SysctlTool;
import dev.nsnet.tools.world.NsnetWorld;

/**
 * The standard command set a scenario line, the shell and the Java API can run.
 *
 * <p>Registered: {@code ip}, {@code bridge}, {@code sysctl}, {@code ping}; the shell's and
 * coreutils' {@code echo}, {@code true}, {@code false}, {@code exit}, {@code sleep}; and the
 * nsnet-only {@code nsnet-world}. To come as their front-ends land (add each here, one line):
 * {@code iptables}, {@code iptables-save}, {@code iptables-restore}, {@code conntrack}.
 * A name that is not registered is "command not found" (exit 127), as for a command a shell
 * cannot find.
 */
public final class Tools {
    private Tools() { }

    public static ToolRegistry standard() {
        ToolRegistry r = new ToolRegistry();
        r.register(new Echo());
        r.register(ExitStatus.trueCommand());
        r.register(ExitStatus.falseCommand());
        r.register(new Exit());
        r.register(new Sleep());
        r.register(new Ip());
        r.register(new Bridge());
        r.register(new SysctlTool());
        r.register(new Ping());
        r.register(new dev.nsnet.tools.iptables.Iptables());
        r.register(new dev.nsnet.tools.iptables.IptablesSave());
        r.register(new dev.nsnet.tools.iptables.IptablesRestore());
        r.register(new dev.nsnet.tools.nc.Nc());
        r.register(new dev.nsnet.tools.ss.Ss());
        // bash builtins for background jobs (docs/processes.md)
        r.register(new dev.nsnet.tools.jobs.Wait());
        r.register(new dev.nsnet.tools.jobs.Kill());
        r.register(new dev.nsnet.tools.jobs.Jobs());
        r.register(new dev.nsnet.tools.traceroute.Traceroute());
        r.register(new dev.nsnet.tools.curl.Curl());
        r.register(new dev.nsnet.tools.python3.Python3());
        r.register(new dev.nsnet.tools.dmesg.Dmesg());
        r.register(new dev.nsnet.tools.conntrack.Conntrack());
        r.register(new dev.nsnet.tools.cat.Cat());
        r.register(new dev.nsnet.tools.tcpdump.Tcpdump());
        // nsnet-only (not a Linux command): builds the physical network between hosts, docs/world.md
        r.register(new NsnetWorld());
        return r;
    }
}
