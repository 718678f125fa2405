package dev.nsnet.tools.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.kernel.core.NetDevice;
import dev.nsnet.tools.Tool;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.world.World;
import dev.nsnet.world.WorldException;
import dev.nsnet.world.Words;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NsnetWorldTest {
    Emulation emu;
    Host node;
    ToolRegistry reg;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    /** A stand-in command that prints where it runs (host and namespace). */
    static final class Where implements Tool {
        @Override public String name() { return "where"; }

        @Override public int run(ToolContext ctx, List<String> args) {
            ctx.out().println(ctx.host().hostname + " " + ctx.netns() + " " + String.join(" ", args));
            return args.contains("fail") ? 3 : 0;
        }
    }

    @BeforeEach
    void setUp() {
        emu = new Emulation(1);
        node = emu.newHost("node1");
        reg = new ToolRegistry().register(new NsnetWorld()).register(new Where());
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    ToolContext ctx() {
        return new ToolContext(node.spawn("sh", node.rootNs), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), reg, null);
    }

    int run(String line) { return reg.run(ctx(), Words.split(line)); }

    String out() { String s = out.toString(StandardCharsets.UTF_8); out.reset(); return s; }

    String err() { String s = err.toString(StandardCharsets.UTF_8); err.reset(); return s; }

    @Test
    void buildAndShow() {
        assertEquals(0, run("nsnet-world host add router"));
        assertEquals(0, run("nsnet-world nic add node1 eth0"));
        assertEquals(0, run("nsnet-world nic add router eth0 address 02:00:00:00:00:aa"));
        assertEquals(0, run("nsnet-world switch add sw0"));
        assertEquals(0, run("nsnet-world nic add router eth1"));
        assertEquals(0, run("nsnet-world cable node1:eth0 router:eth0 delay 2ms"));
        assertEquals(0, run("nsnet-world switch port sw0 router:eth1"));
        assertEquals(0, run("nsnet-world show"));
        assertEquals("""
                host node1 (this host)
                  nic eth0 52:54:00:00:00:01 down no-link -> router:eth0
                host router
                  nic eth0 02:00:00:00:00:aa down no-link -> node1:eth0
                  nic eth1 52:54:00:00:00:02 down no-link -> sw0 port 1
                cable node1:eth0 <-> router:eth0 delay 2ms
                cable router:eth1 <-> sw0 port 1
                switch sw0
                  port 1 -> router:eth1 no-link
                """, out());
        assertEquals("", err());
        NetDevice e = World.of(emu).nic("router:eth0");
        assertEquals("noop", e.qdisc);
    }

    @Test
    void execRunsOnTheOtherHostsRootNamespace() {
        run("nsnet-world host add web");
        assertEquals(0, run("nsnet-world exec web where a b"));
        assertEquals("web root a b\n", out());
        assertEquals(3, run("nsnet-world exec web where fail"));
        assertEquals(127, run("nsnet-world exec web nosuch"));
    }

    @Test
    void clearErrorsAndHelp() {
        assertEquals(2, run("nsnet-world"));
        assertTrue(err().startsWith("Usage: nsnet-world COMMAND"));
        assertEquals(2, run("nsnet-world frob"));
        assertEquals("nsnet-world: unknown command \"frob\" (try: nsnet-world --help)\n", err());
        assertEquals(1, run("nsnet-world nic add nohost eth0"));
        assertEquals("nsnet-world nic: no host \"nohost\" (nsnet-world show lists them)\n", err());
        assertEquals(1, run("nsnet-world nic add node1 eth0 address ff:ff:ff:ff:ff:ff"));
        assertEquals("nsnet-world nic: invalid NIC address ff:ff:ff:ff:ff:ff (must be unicast, not zero)\n", err());
        run("nsnet-world nic add node1 eth0");
        assertEquals(1, run("nsnet-world nic add node1 eth0"));
        assertEquals("nsnet-world nic: device \"eth0\" already exists on host node1\n", err());
        assertEquals(1, run("nsnet-world cable node1:eth0 node1:lo"));
        assertEquals("nsnet-world cable: node1:lo is not a physical NIC (only NICs take cables)\n", err());
        assertEquals(1, run("nsnet-world cable node1:eth0 node1:eth0 delay 5parsecs"));
        assertEquals("nsnet-world cable: bad duration \"5parsecs\" (e.g. 0, 100us, 2ms, 1s)\n", err());
        assertEquals(1, run("nsnet-world cable node1:eth0 node1:eth0"));
        assertEquals("nsnet-world cable: cannot cable node1:eth0 to itself\n", err());
        assertEquals(2, run("nsnet-world cable node1:eth0"));
        assertTrue(err().startsWith("Usage: nsnet-world cable"));
        for (String c : List.of("host", "nic", "cable", "unplug", "switch", "exec", "show")) {
            assertEquals(0, run("nsnet-world " + c + " --help"));
            assertTrue(out().startsWith("Usage: nsnet-world " + c), c);
        }
    }

    @Test
    void topologyFile() {
        String yaml = """
                hosts:
                  node1:
                    nics: [eth0]
                  router:
                    nics:
                      - {name: eth0, address: "02:00:00:00:01:01"}
                      - eth1
                    commands:
                      - where one
                      - where "two words" fail
                  a:
                    nics: [eth0]
                  b:
                    nics: [eth0]
                switches:
                  sw0: [router:eth1, a:eth0, b:eth0]
                cables:
                  - [node1:eth0, router:eth0]
                """;
        int failed = TopologyFile.load("t.yaml", yaml, ctx());
        assertEquals(1, failed);
        assertEquals("router root one\nrouter root two words fail\n", out());
        assertEquals("nsnet-world: router: `where \"two words\" fail` exited 3\n", err());
        World w = World.of(emu);
        assertEquals(1, w.cables().stream().filter(c -> c.describe().equals("node1:eth0 <-> router:eth0")).count());
        assertEquals(3, w.switchNamed("sw0").ports().size());
        assertEquals(0x020000000101L, w.nic("router:eth0").mac);

        WorldException e = assertThrows(WorldException.class, () -> TopologyFile.load("bad.yaml", "hosts: [x]", ctx()));
        assertEquals("bad.yaml: hosts: expected a mapping, got a list", e.getMessage());
        e = assertThrows(WorldException.class, () -> TopologyFile.load("bad.yaml", "hostz: {}", ctx()));
        assertEquals("bad.yaml: unknown key \"hostz\" (expected hosts, cables, switches)", e.getMessage());
        // SnakeYAML 2 reads an unquoted MAC as a string (no YAML 1.1 base-60 integers)
        assertEquals(0, TopologyFile.load("ok.yaml", "hosts: {x: {nics: [{name: e0, address: 02:00:00:00:00:01}]}}", ctx()));
        assertEquals(0x020000000001L, w.nic("x:e0").mac);
        e = assertThrows(WorldException.class, () -> TopologyFile.load("bad.yaml", "cables: [[x:e0]]", ctx()));
        assertEquals("bad.yaml: a cable has two ends, got [x:e0]", e.getMessage());
        e = assertThrows(WorldException.class, () -> TopologyFile.load("bad.yaml", "hosts: {x: [", ctx()));
        assertTrue(e.getMessage().startsWith("bad.yaml: not valid YAML: "), e.getMessage());
    }

    /** The "three hosts on a switch" example of docs/world.md, verbatim. */
    @Test
    void docsSwitchExample() {
        Emulation e2 = new Emulation(1);
        node = e2.newHost("nsnet");
        for (String l : List.of("nsnet-world host add a", "nsnet-world host add b", "nsnet-world nic add a eth0",
                "nsnet-world nic add b eth0", "nsnet-world nic add nsnet eth0", "nsnet-world switch add sw0",
                "nsnet-world switch port sw0 a:eth0", "nsnet-world switch port sw0 b:eth0",
                "nsnet-world switch port sw0 nsnet:eth0")) {
            assertEquals(0, run(l), l);
        }
        run("nsnet-world show");
        assertEquals("""
                host nsnet (this host)
                  nic eth0 52:54:00:00:00:03 down no-link -> sw0 port 3
                host a
                  nic eth0 52:54:00:00:00:01 down no-link -> sw0 port 1
                host b
                  nic eth0 52:54:00:00:00:02 down no-link -> sw0 port 2
                cable a:eth0 <-> sw0 port 1
                cable b:eth0 <-> sw0 port 2
                cable nsnet:eth0 <-> sw0 port 3
                switch sw0
                  port 1 -> a:eth0 no-link
                  port 2 -> b:eth0 no-link
                  port 3 -> nsnet:eth0 no-link
                """, out());
        assertEquals(0, run("nsnet-world switch show sw0"));
        assertEquals("""
                switch sw0: 3 ports, forwarded 0, flooded 0, filtered 0
                  port 1 -> a:eth0 no-link rx 0 tx 0 macs 0
                  port 2 -> b:eth0 no-link rx 0 tx 0 macs 0
                  port 3 -> nsnet:eth0 no-link rx 0 tx 0 macs 0
                """, out());
    }

    @Test
    void switchPortSecurityOptionsAndErrors() {
        run("nsnet-world nic add node1 eth0");
        run("nsnet-world host add vm");
        run("nsnet-world nic add vm eth0 address 02:00:00:00:00:0a");
        run("nsnet-world switch add vpc");
        assertEquals(0, run("nsnet-world switch port vpc node1:eth0 max-macs 2"));
        assertEquals(0, run("nsnet-world switch port vpc vm:eth0 allow 02:00:00:00:00:0a,10.0.0.10,10.0.0.11 allow 02:00:00:00:00:0b"));
        // a NIC already in the switch: new options change its port
        assertEquals(0, run("nsnet-world switch port vpc node1:eth0 max-macs 1 allow 52:54:00:00:00:01"));
        assertEquals(0, run("nsnet-world switch show vpc"));
        assertEquals("""
                switch vpc: 2 ports, forwarded 0, flooded 0, filtered 0
                  port 1 -> node1:eth0 no-link rx 0 tx 0 macs 0 max-macs 1 allow 52:54:00:00:00:01 dropped 0 (mac-limit 0, source MAC 0, source IP 0)
                  port 2 -> vm:eth0 no-link rx 0 tx 0 macs 0 allow 02:00:00:00:00:0a,10.0.0.10,10.0.0.11 allow 02:00:00:00:00:0b dropped 0 (mac-limit 0, source MAC 0, source IP 0)
                """, out());
        assertEquals(0, run("nsnet-world switch port vpc node1:eth0 max-macs 0 allow any"));
        run("nsnet-world switch show vpc");
        assertTrue(out().contains("port 1 -> node1:eth0 no-link rx 0 tx 0 macs 0\n"));
        assertEquals(1, run("nsnet-world switch port vpc node1:eth0"));
        assertEquals("nsnet-world switch: node1:eth0 is already in vpc port 1\n", err());
        assertEquals(1, run("nsnet-world switch port vpc vm:eth0 allow ff:ff:ff:ff:ff:ff"));
        assertEquals("nsnet-world switch: bad allow \"ff:ff:ff:ff:ff:ff\": \"ff:ff:ff:ff:ff:ff\" is not a unicast MAC address\n", err());
        assertEquals(1, run("nsnet-world switch port vpc vm:eth0 allow 02:00:00:00:00:0a,10.0.0.300"));
        assertEquals("nsnet-world switch: bad allow \"02:00:00:00:00:0a,10.0.0.300\": \"10.0.0.300\" is not an IPv4 address\n", err());
        assertEquals(1, run("nsnet-world switch port vpc vm:eth0 max-macs lots"));
        assertEquals("nsnet-world switch: bad max-macs \"lots\" (a number; 0 means no limit)\n", err());
        assertEquals(1, run("nsnet-world switch port vpc vm:eth0 colour red"));
        assertEquals("nsnet-world switch: unexpected \"colour\" (expected: delay DURATION, max-macs N, allow MAC[,IP...])\n", err());
        assertEquals(1, run("nsnet-world switch port vpc vm:eth0 max-macs"));
        assertEquals("nsnet-world switch: \"max-macs\" needs a value\n", err());
    }

    @Test
    void routerAndInternetHosts() {
        reg = dev.nsnet.tools.Tools.standard();
        assertEquals(0, run("nsnet-world router add r1"));
        assertEquals(0, run("nsnet-world exec r1 sysctl net.ipv4.ip_forward"));
        assertEquals("net.ipv4.ip_forward = 1\n", out());
        assertEquals(0, run("nsnet-world internet add inet 8.8.8.0/24 1.1.1.1"));
        assertEquals(0, run("nsnet-world exec inet ip route show table local type local"));
        assertTrue(out().startsWith("local 1.1.1.1 dev lo scope host \nlocal 8.8.8.0/24 dev lo scope host \n"));
        assertEquals(0, run("nsnet-world exec inet ping -c 1 8.8.8.77"));
        assertTrue(out().contains("64 bytes from 8.8.8.77: icmp_seq=1 ttl=64"));
        assertEquals(1, run("nsnet-world internet add inet2 8.8.8.0/33"));
        assertEquals("nsnet-world internet: bad prefix \"8.8.8.0/33\" (e.g. 8.8.8.0/24)\n", err());
        assertEquals(null, emu.host("inet2"), "a refused command adds nothing");
        assertEquals(1, run("nsnet-world router add r1"));
        assertEquals("nsnet-world router: host \"r1\" already exists\n", err());
        assertEquals(2, run("nsnet-world router r1"));
    }
}
