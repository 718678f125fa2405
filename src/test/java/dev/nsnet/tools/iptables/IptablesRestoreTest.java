package dev.nsnet.tools.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.netfilter.NetfilterNet;
import dev.nsnet.kernel.netfilter.XtRule;
import dev.nsnet.kernel.netfilter.XtTable;
import dev.nsnet.kernel.netfilter.XtTarget;
import dev.nsnet.scenario.ShellWords;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iptables-restore's parser and transaction against what iptables 1.8.9 (nf_tables) does in the
 * sandbox; the golden scenarios 480-490 cover the tool end to end.
 */
class IptablesRestoreTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final ToolRegistry reg = new ToolRegistry().register(new Iptables()).register(new IptablesSave())
            .register(new IptablesRestore());
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    private int run(String line) {
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        host.workingDirectory = dir;
        return reg.run(new ToolContext(host.spawn("sh", host.rootNs), ps, ps, reg, null), ShellWords.split(line));
    }

    private String out() {
        String s = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        return s;
    }

    private int restore(String opts, String text) throws IOException {
        Files.writeString(dir.resolve("r.rules"), text);
        return run("iptables-restore " + opts + " r.rules");
    }

    private String save() {
        run("iptables-save");
        return out().replaceAll("(?m)^#.*\n", "");
    }

    @Test
    void tokenizerGroupsDoubleQuotesOnlyAndUnescapes() {
        List<String> argv = new ArrayList<>();
        RestoreTransaction.tokenize("-A INPUT -m comment --comment \"a \\\"b\\\" c\"  'x y'\t-j ACCEPT", 1, argv);
        assertEquals(List.of("-A", "INPUT", "-m", "comment", "--comment", "a \"b\" c", "'x", "y'", "-j", "ACCEPT"), argv);
    }

    @Test
    void tokenizerRefusesATableOptionInARuleLine() {
        assertThrows(RuntimeException.class, () -> RestoreTransaction.tokenize("-A INPUT -t nat", 3, new ArrayList<>()));
        List<String> argv = new ArrayList<>();
        RestoreTransaction.tokenize("-A INPUT --tcp-flags SYN SYN", 3, argv); // a long option may hold a 't'
        assertEquals(5, argv.size());
    }

    @Test
    void restoreReplacesTheTableAndJumpsPointIntoTheNewChains() throws IOException {
        run("iptables -N OLD");
        run("iptables -A INPUT -s 10.9.9.9 -j OLD");
        assertEquals(0, restore("", "*filter\n:FORWARD DROP [0:0]\n:NEW - [0:0]\n-A INPUT -j NEW\n-A NEW -j RETURN\nCOMMIT\n"));
        XtTable t = NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER);
        assertNull(t.chain("OLD"));
        XtRule r = t.chain("INPUT").rules().get(0);
        assertSame(t.chain("NEW"), ((XtTarget.Jump) r.target).chain());
        assertEquals(1, t.references(t.chain("NEW")));
        assertEquals(1, t.chain("INPUT").size());
    }

    @Test
    void aFailingTableChangesNothingButEarlierCommitsStay() throws IOException {
        run("iptables -A INPUT -s 10.9.9.9 -j DROP");
        String before = save();
        assertEquals(1, restore("", "*filter\n-A INPUT -s 10.0.0.1 -j ACCEPT\n-A NOPE -j ACCEPT\nCOMMIT\n"));
        assertEquals("iptables-restore: line 3 failed: No chain/target/match by that name.\n", out());
        assertEquals(before, save());
        assertEquals(2, restore("", "*raw\n-A OUTPUT -j ACCEPT\nCOMMIT\n*filter\n-A INPUT --nope\nCOMMIT\n"));
        assertTrue(out().startsWith("iptables-restore v1.8.9 (nf_tables): unknown option \"--nope\"\nError occurred at line: 5\n"));
        assertTrue(save().contains("*raw\n"));
        assertTrue(save().contains("-A INPUT -s 10.9.9.9/32 -j DROP\n"));
    }

    @Test
    void testModeCommitsNothingAndSeesNoKernelRefusal() throws IOException {
        String before = save();
        assertEquals(0, restore("--test", "*filter\n:INPUT FOO [0:0]\n-A NOPE -j ACCEPT\n-A INPUT -j ACCEPT\nCOMMIT\n"));
        assertEquals("", out());
        assertEquals(before, save());
    }

    @Test
    void noflushKeepsRulesAndFlushesADeclaredUserChain() throws IOException {
        run("iptables -N U");
        run("iptables -A U -j ACCEPT");
        run("iptables -A INPUT -j U");
        assertEquals(0, restore("-n", "*filter\n:U - [0:0]\n-A INPUT -s 1.2.3.4 -j DROP\nCOMMIT\n"));
        XtTable t = NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER);
        assertEquals(0, t.chain("U").size());
        assertEquals(2, t.chain("INPUT").size());
        assertSame(t.chain("U"), ((XtTarget.Jump) t.chain("INPUT").rules().get(0).target).chain());
    }

    @Test
    void countersAreSetOnlyWithDashC() throws IOException {
        String file = "*filter\n:INPUT DROP [5:300]\n[3:180] -A INPUT -j ACCEPT\nCOMMIT\n";
        assertEquals(0, restore("", file));
        XtTable t = NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER);
        assertEquals(0, t.chain("INPUT").rules().get(0).pcnt);
        assertEquals(0, restore("-c", file));
        assertEquals(3, t.chain("INPUT").rules().get(0).pcnt);
        assertEquals(180, t.chain("INPUT").rules().get(0).bcnt);
        assertEquals(5, t.chain("INPUT").policyPcnt);
    }

    @Test
    void anEmptyTableBlockDeletesTheTable() throws IOException {
        run("iptables -P FORWARD DROP");
        assertEquals(0, restore("", "*filter\nCOMMIT\n"));
        assertNull(NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER));
    }

    @Test
    void missingFileAndExtraArguments() {
        assertEquals(1, run("iptables-restore nope.rules"));
        assertEquals("Can't open nope.rules: No such file or directory\n", out());
        assertEquals(1, run("iptables-restore a b"));
        assertEquals("Unknown arguments found on commandline\n", out());
    }

    @Test
    void aLargeRestoreIsLinearAndTheIndexServesTheNewRules() throws IOException {
        StringBuilder sb = new StringBuilder("*filter\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("-A FORWARD -s 10.").append(100 + (i >> 16)).append('.').append((i >> 8) & 255).append('.')
                    .append(i & 255).append("/32 -j DROP\n");
        }
        sb.append("COMMIT\n");
        assertEquals(0, restore("", sb.toString()));
        assertEquals(50_000, NetfilterNet.table(host.rootNs, XtTable.Kind.FILTER).chain("FORWARD").size());
    }
}
