package dev.nsnet.tools.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nsnet.kernel.core.Emulation;
import dev.nsnet.kernel.core.Host;
import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ToolRegistry;
import dev.nsnet.tools.Tools;
import dev.nsnet.world.Words;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The topology file shown in docs/world.md loads and does what the page says. */
class TopologyDocTest {
    @Test
    void docsExampleLoadsAndRoutes() throws Exception {
        ToolRegistry reg = Tools.standard();
        if (reg.get("ip") == null || reg.get("ping") == null || reg.get("sysctl") == null) return;
        String doc = Files.readString(Path.of(System.getenv().getOrDefault("NSNET_HOME", ".")).resolve("docs/world.md"));
        int start = doc.indexOf("```yaml\n") + 8;
        String yaml = doc.substring(start, doc.indexOf("```", start));
        Emulation emu = new Emulation(1);
        Host h = emu.newHost("nsnet");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ToolContext ctx = new ToolContext(h.spawn("sh", h.rootNs), ps, ps, reg, null);
        assertEquals(0, TopologyFile.load("world.md", yaml, ctx), buf.toString(StandardCharsets.UTF_8));
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        emu.scheduler.sleep(1_000_000_000L);
        assertEquals(0, reg.run(ctx, Words.split("ping -c 2 -i 0.2 203.0.113.10")), buf.toString(StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(rtt(out, 1) >= 4.0 && rtt(out, 1) < 4.5, out);
        assertTrue(rtt(out, 2) >= 2.0 && rtt(out, 2) < 2.5, out);
    }

    static double rtt(String out, int seq) {
        Matcher m = Pattern.compile("64 bytes from 203.0.113.10: icmp_seq=" + seq + " ttl=63 time=([0-9.]+) ms").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }
}
