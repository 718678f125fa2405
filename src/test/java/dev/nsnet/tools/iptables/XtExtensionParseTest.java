package dev.nsnet.tools.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The extension framework's option handling against texts taken from the real iptables 1.8.9
 * (nf_tables): libxtables' generic checks, each extension's canonical -S/-L forms, getopt's
 * prefix and ambiguity rules, checkentry per reaching hook; a refused command leaves the rules as
 * they were. The 460-467 goldens cover the rest end to end.
 */
class XtExtensionParseTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final ToolRegistry reg = new ToolRegistry().register(new Iptables());
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private int run(String line) {
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        return reg.run(new ToolContext(host.spawn("sh", host.rootNs), ps, ps, reg, null), ShellWords.split(line));
    }

    private String out() {
        String s = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        return s;
    }

    private static final String V = "iptables v1.8.9 (nf_tables): ";
    private static final String TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

    private void refused(String line, int status, String text) {
        String before = rules();
        assertEquals(status, run(line), line);
        assertEquals(text, out(), line);
        assertEquals(before, rules(), "state unchanged by: " + line);
    }

    private String rules() {
        run("iptables -S");
        return out();
    }

    @Test
    void genericOptionChecksUseTheExtensionName() {
        refused("iptables -A INPUT -m mark", 2, V + "mark: option \"--mark\" must be specified\n\n" + TRY);
        refused("iptables -A INPUT -m mark --mark 1 --mark 2", 2, V + "mark: option \"--mark\" can only be used once.\n\n" + TRY);
        refused("iptables -A INPUT -m limit ! --limit 1/s", 2, V + "limit: option \"--limit\" cannot be inverted.\n\n" + TRY);
        refused("iptables -A INPUT -p tcp -m multiport --dports 1 --sports 2", 2,
                V + "multiport: option \"--source-ports\" cannot be used together with \"--destination-ports\".\n\n" + TRY);
        refused("iptables -A INPUT -m statistic --mode nth --every 5", 2,
                V + "statistic: option \"--every\" also requires \"--packet\".\n\n" + TRY);
    }

    @Test
    void canonicalSaveAndListForms() {
        assertEquals(0, run("iptables -t mangle -A OUTPUT -j MARK --and-mark 0xf0"));
        assertEquals(0, run("iptables -t mangle -A OUTPUT -m limit -m mark --mark 010 -j MARK --set-mark 5/0xf"));
        run("iptables -t mangle -S OUTPUT");
        assertEquals("-P OUTPUT ACCEPT\n-A OUTPUT -j MARK --set-xmark 0x0/0xffffff0f\n"
                + "-A OUTPUT -m limit --limit 3/hour -m mark --mark 0x8 -j MARK --set-xmark 0x5/0xf\n", out());
        run("iptables -t mangle -L OUTPUT -n");
        assertEquals("Chain OUTPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n"
                + "MARK       0    --  0.0.0.0/0            0.0.0.0/0            MARK and 0xf0\n"
                + "MARK       0    --  0.0.0.0/0            0.0.0.0/0            limit: avg 3/hour burst 5 mark match 0x8 MARK xset 0x5/0xf\n",
                out());
    }

    @Test
    void getoptPrefixesOverAllLoadedOptions() {
        assertEquals(0, run("iptables -A INPUT -p tcp -m multiport --dpo 22"), "a unique prefix");
        refused("iptables -A INPUT -p tcp -m multiport --d 22", 2, V + "unknown option \"--d\"\n" + TRY);
        // --dest is a prefix of -d's "destination" and of tcp's "destination-port" once tcp is loaded.
        refused("iptables -A INPUT -p tcp -m tcp --dest 22", 2, V + "unknown option \"--dest\"\n" + TRY);
        assertEquals(0, run("iptables -A INPUT -p udp --dport 53"), "the -p protocol's match loads on its option");
        run("iptables -S INPUT");
        assertEquals("-P INPUT ACCEPT\n-A INPUT -p tcp -m multiport --dports 22\n-A INPUT -p udp -m udp --dport 53\n", out());
    }

    @Test
    void checkentryRunsForEveryHookThatReachesTheChain() {
        assertEquals(0, run("iptables -N c"));
        assertEquals(0, run("iptables -A c -m mac --mac-source 02:00:00:00:00:01"), "no hook reaches c yet");
        refused("iptables -A OUTPUT -j c", 4, V + " RULE_APPEND failed (Invalid argument): rule in chain OUTPUT\n");
        assertEquals(0, run("iptables -A INPUT -j c"));
        refused("iptables -I OUTPUT -m mac --mac-source 02:00:00:00:00:01", 4,
                V + " RULE_INSERT failed (Invalid argument): rule in chain OUTPUT\n");
        refused("iptables -A OUTPUT -m physdev --physdev-out lo", 4, V + " RULE_APPEND failed (Invalid argument): rule in chain OUTPUT\n");
        assertEquals(0, run("iptables -A OUTPUT -m physdev --physdev-out lo --physdev-is-bridged"));
    }

    @Test
    void logOptionsAsLibxtablesParsesThem() {
        refused("iptables -A OUTPUT -j LOG --log-level warn", 2, V + "log level \"warn\" unknown\n\n" + TRY);
        refused("iptables -A OUTPUT -j LOG --log-prefix ''", 2, V + "Argument must have a minimum length of 1 characters\n\n" + TRY);
        assertEquals(0, run("iptables -A OUTPUT -j LOG --log-prefix 0123456789012345678901234567890 --log-level 0x6 --log-uid"));
        run("iptables -S OUTPUT");
        assertEquals("-P OUTPUT ACCEPT\n-A OUTPUT -j LOG --log-prefix 01234567890123456789012345678 --log-level 6 --log-uid\n", out());
    }

    @Test
    void iprangeWarnsAboutAReversedRangeAndAddsIt() {
        assertEquals(0, run("iptables -A INPUT -m iprange --dst-range 10.0.0.9-10.0.0.1"));
        assertEquals("xt_iprange: range 10.0.0.9-10.0.0.1 is reversed and will never match\n", out());
        run("iptables -L INPUT -n");
        assertEquals("Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n"
                + "           0    --  0.0.0.0/0            0.0.0.0/0            destination IP range 10.0.0.9-10.0.0.1\n", out());
    }
}
