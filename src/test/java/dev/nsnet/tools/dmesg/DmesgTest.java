package dev.nsnet.tools.dmesg;

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

/** dmesg (util-linux 2.38.1) over the host's printk ring: formats, -t, -c, -C, option errors. */
class DmesgTest {
    private final Emulation emu = new Emulation(1);
    private final Host host = emu.newHost("h");
    private final ToolRegistry reg = new ToolRegistry().register(new Dmesg());
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
    void printsReadClearsAndClears() {
        emu.scheduler.runUntil(1_234_567_890L);
        host.printk.log(4, "in: IN=lo OUT= ");
        emu.scheduler.runUntil(12_000_001_000L);
        host.printk.log(6, "second");
        assertEquals(0, run("dmesg"));
        assertEquals("[    1.234567] in: IN=lo OUT= \n[   12.000001] second\n", out());
        assertEquals(0, run("dmesg -tc"));
        assertEquals("in: IN=lo OUT= \nsecond\n", out());
        assertEquals(0, run("dmesg"));
        assertEquals("", out());
        host.printk.log(4, "x");
        assertEquals(0, run("dmesg --clear"));
        assertEquals("", out());
        assertEquals(0, run("dmesg -t"));
        assertEquals("", out());
    }

    @Test
    void refusesWhatUtilLinuxRefuses() {
        assertEquals(1, run("dmesg -z"));
        assertEquals("dmesg: invalid option -- 'z'\nTry 'dmesg --help' for more information.\n", out());
        assertEquals(1, run("dmesg --bogus"));
        assertEquals("dmesg: unrecognized option '--bogus'\nTry 'dmesg --help' for more information.\n", out());
        host.printk.log(4, "kept");
        assertEquals(1, run("dmesg -c -C"));
        assertEquals("dmesg: mutually exclusive arguments: --clear --console-off --console-on --read-clear --console-level --raw\n", out());
        assertEquals(0, run("dmesg -t"));
        assertEquals("kept\n", out(), "a refused command clears nothing");
        assertEquals(0, run("dmesg -V"));
        assertEquals("dmesg from util-linux 2.38.1\n", out());
    }
}
