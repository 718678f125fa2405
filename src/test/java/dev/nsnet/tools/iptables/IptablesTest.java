package dev.nsnet.tools.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.netfilter.NetfilterNet;
import dev.nsnet.kernel.netfilter.XtMatch;
import dev.nsnet.kernel.netfilter.XtRule;
import dev.nsnet.kernel.netfilter.XtTable;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The iptables front-end against outputs taken from the real iptables v1.8.9 (nf_tables) in the
 * sandbox (scripts/sandbox.sh); the golden 40x/41x scenarios cover the rest end to end.
 */
class IptablesTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final ToolRegistry reg = new ToolRegistry().register(new Iptables()).register(new IptablesSave());
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

    @Test
    void appendCompilesTheRuleIntoTheKernelTable() {
        assertEquals(0, run("iptables -A FORWARD -s 10.0.0.0/8 -p tcp --dport 80:90 -j DROP"));
        XtTable t = NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER);
        XtRule r = t.chain("FORWARD").rules().get(0);
        assertEquals(0x0a000000, r.src);
        assertEquals(0xff000000, r.smsk);
        assertEquals(6, r.proto);
        assertEquals(new dev.nsnet.kernel.netfilter.xt.XtTcpUdp(6, 0, 0xffff, false, 80, 90, false), r.matches[0]);
        assertEquals(XtTarget.Verdict.DROP, r.target);
        assertEquals("-s 10.0.0.0/8 -p tcp -m tcp --dport 80:90 -j DROP", r.text);
    }

    @Test
    void saveFormsAreCanonical() {
        run("iptables -A INPUT -p icmp ! --icmp-type 3/1 -j REJECT --reject-with host-prohib");
        run("iptables -A INPUT -i eth+ ! -s 1.2.3.4 -m comment --comment \"a b\" -j LOG --log-level debug");
        run("iptables -S INPUT");
        assertEquals("-P INPUT ACCEPT\n"
                + "-A INPUT -p icmp -m icmp ! --icmp-type 3/1 -j REJECT --reject-with icmp-host-prohibited\n"
                + "-A INPUT ! -s 1.2.3.4/32 -i eth+ -m comment --comment \"a b\" -j LOG --log-level 7\n", out());
    }

    @Test
    void listTableFormWithCounters() {
        run("iptables -A FORWARD -p udp --sport 53 ! --dport 1:1023 -j DROP");
        XtTable.setCounters(NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER).chain("FORWARD").rules().get(0),
                123456, 98765432);
        run("iptables -L FORWARD -v -n");
        assertEquals("Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n"
                + " pkts bytes target     prot opt in     out     source               destination         \n"
                + " 123K   99M DROP       17   --  *      *       0.0.0.0/0            0.0.0.0/0            udp spt:53 dpts:!1:1023\n",
                out());
        run("iptables -L FORWARD");
        assertEquals("Chain FORWARD (policy ACCEPT)\n"
                + "target     prot opt source               destination         \n"
                + "DROP       udp  --  anywhere             anywhere             udp spt:domain dpts:!1:1023\n", out());
    }

    @Test
    void tcpFlagsForms() {
        run("iptables -A INPUT -p tcp --dport 22 ! --syn");
        run("iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP");
        run("iptables -S INPUT");
        assertEquals("-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 ! --tcp-flags FIN,SYN,RST,ACK SYN\n"
                + "-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,PSH,ACK,URG NONE -j DROP\n", out());
        run("iptables -L INPUT -n");
        assertTrue(out().contains("tcp dpt:22 flags:!0x17/0x02\n"));
        assertEquals(2, run("iptables -A INPUT -p tcp --tcp-flags SYN"));
        assertEquals("iptables v1.8.9 (nf_tables): --tcp-flags requires two args.\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n", out());
    }

    @Test
    void errorsAsTheRealTool() {
        assertEquals(1, run("iptables -D INPUT -s 1.2.3.4 -j DROP"));
        assertEquals("iptables: Bad rule (does a matching rule exist in that chain?).\n", out());
        assertEquals(2, run("iptables -A INPUT -j FOO"));
        assertEquals("iptables v1.8.9 (nf_tables): Chain 'FOO' does not exist\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n", out());
        assertEquals(2, run("iptables -A INPUT -m nosuch -j DROP"));
        assertEquals("iptables v1.8.9 (nf_tables): Couldn't load match `nosuch':No such file or directory\n\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n", out());
        assertEquals(3, run("iptables -t bogus -L"));
        assertEquals("iptables v1.8.9 (nf_tables): table 'bogus' does not exist\n"
                + "Perhaps iptables or your kernel needs to be upgraded.\n", out());
    }

    @Test
    void failedCommandsDoNotCreateTheTable() {
        run("iptables -A INPUT -j FOO");
        run("iptables -I INPUT 3 -j DROP");
        assertEquals(null, NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER));
        out();
        assertEquals(0, run("iptables-save"));
        assertEquals("", out());
    }

    @Test
    void iptablesSaveWithCounters() {
        run("iptables -N foo");
        run("iptables -A OUTPUT -g foo");
        run("iptables-save -c");
        String s = out();
        assertTrue(s.startsWith("# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 1970\n*filter\n"), s);
        assertTrue(s.contains(":OUTPUT ACCEPT [0:0]\n:foo - [0:0]\n[0:0] -A OUTPUT -g foo\nCOMMIT\n# Completed on "), s);
    }
}
