package dev.nsnet.tools.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * IpPrint against lib/json_writer.c's layout: the expected texts are the shapes iproute2 6.1
 * prints (e.g. `ip -j -p link show lo` in the sandbox: "[ {", 8-space members, "[ \"A\",\"B\" ]").
 */
class IpPrintTest {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private IpPrint printer(boolean json, boolean pretty, boolean oneline) {
        return new IpPrint(new PrintStream(buf, true, StandardCharsets.UTF_8), json, pretty, oneline);
    }

    private String out() { return buf.toString(StandardCharsets.UTF_8); }

    private static void record(IpPrint p) {
        p.openObject(null);
        p.uint(IpPrint.ANY, "ifindex", "%u: ", 1);
        p.string(IpPrint.ANY, "ifname", "%s: ", "lo");
        p.openArray(IpPrint.ANY, p.isJson() ? "flags" : "<");
        p.string(IpPrint.ANY, null, "%s,", "LOOPBACK");
        p.string(IpPrint.ANY, null, "%s", "UP");
        p.closeArray(IpPrint.ANY, "> ");
        p.openObject("stats64");
        p.openObject("rx");
        p.u64(IpPrint.JSON, "bytes", null, 0);
        p.closeObject();
        p.closeObject();
        p.string(IpPrint.FP, null, "%s", "\n");
        p.closeObject();
    }

    @Test
    void compactJson() {
        IpPrint p = printer(true, false, false);
        p.newJsonObj();
        record(p);
        p.deleteJsonObj();
        assertEquals("[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],\"stats64\":{\"rx\":{\"bytes\":0}}}]\n", out());
    }

    @Test
    void prettyJson() {
        IpPrint p = printer(true, true, false);
        p.newJsonObj();
        record(p);
        p.deleteJsonObj();
        assertEquals("[ {\n"
                + "        \"ifindex\": 1,\n"
                + "        \"ifname\": \"lo\",\n"
                + "        \"flags\": [ \"LOOPBACK\",\"UP\" ],\n"
                + "        \"stats64\": {\n"
                + "            \"rx\": {\n"
                + "                \"bytes\": 0\n"
                + "            }\n"
                + "        }\n"
                + "    } ]\n", out());
    }

    @Test
    void emptyDumpsAndEmptyObjects() {
        IpPrint p = printer(true, true, false);
        p.newJsonObj();
        p.deleteJsonObj();
        IpPrint c = printer(true, false, false);
        c.newJsonObj();
        c.openObject(null);
        c.closeObject();
        c.openObject(null);
        c.closeObject();
        c.deleteJsonObj();
        // `ip -j -p route show` with no routes, and `ip -j link show up` with two links filtered out
        assertEquals("[ ]\n[{},{}]\n", out());
    }

    @Test
    void textModeAndOneline() {
        IpPrint p = printer(false, false, true);
        p.newJsonObj();
        record(p);
        p.nl();
        p.deleteJsonObj();
        assertEquals("1: lo: <LOOPBACK,UP> \n\\", out());
    }

    @Test
    void stringsAreEscapedLikeJsonwPuts() {
        IpPrint p = printer(true, false, false);
        p.newJsonObjPlain();
        p.openObject(null);
        p.string(IpPrint.ANY, "ifalias", "%s", "a \"b\"\\\t");
        p.closeObject();
        p.deleteJsonObjPlain();
        assertEquals("{\"ifalias\":\"a \\\"b\\\"\\\\\\t\"}\n", out());
    }

    @Test
    void cPrintfSubset() {
        assertEquals("lo               |UP             |", IpPrint.cformat("%-16s |%-14s |", "lo", "UP"));
        assertEquals("   42|0042|2a|0x2a", IpPrint.cformat("%5u|%04d|%x|%#x", 42, 42, 42, 42));
        assertEquals("100%", IpPrint.cformat("%d%%", 100));
    }

    @Test
    void colourOnlyInTextModeWithColourOn() {
        IpPrint p = printer(false, false, false).color(true);
        p.colorString(IpPrint.ANY, IpPrint.COLOR_IFNAME, "ifname", "%s: ", "lo");
        p.colorString(IpPrint.ANY, IpPrint.COLOR_NONE, "operstate", "%s ", "UNKNOWN");
        p.flush();
        assertEquals("\u001b[36mlo: \u001b[0mUNKNOWN ", out());
    }
}
