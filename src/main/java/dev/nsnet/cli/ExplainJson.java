package dev.nsnet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.nsnet.cli.ExplainProbe.Step;
import dev.nsnet.cli.ExplainRun.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** {@code nsnet explain --json}: every measurement of the text report, as one JSON document. */
final class ExplainJson {
    private ExplainJson() { }

    static void write(PrintStream out, Explain.Report r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("subject", r.subject());
            g.writeNumberField("count", r.count());
            g.writeArrayFieldStart("models");
            for (Result x : r.open()) model(g, x, true);
            g.writeEndArray();
            g.writeArrayFieldStart("vpc");
            for (Result x : r.vpc()) model(g, x, false);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(w);
    }

    private static void model(JsonGenerator g, Result x, boolean full) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", x.model().label);
        g.writeStringField("world", x.model().what);
        g.writeStringField("port_policy", x.vpc().label);
        g.writeBooleanField("available", x.available());
        if (!x.available()) {
            g.writeStringField("unavailable", x.unavailable());
            g.writeEndObject();
            return;
        }
        g.writeStringField("target", x.model().target);
        g.writeNumberField("sent", x.count());
        g.writeNumberField("received", x.received());
        long[] d = x.portDrops();
        g.writeObjectFieldStart("port_drops");
        g.writeNumberField("mac_limit", d[0]);
        g.writeNumberField("source_mac", d[1]);
        g.writeNumberField("source_ip", d[2]);
        g.writeEndObject();
        if (full) {
            ExplainProbe p = x.probe();
            g.writeObjectFieldStart("steps_all_pings");
            for (var k : p.stepsByWhere.entrySet()) counts(g, k.getKey(), k.getValue());
            g.writeEndObject();
            g.writeObjectFieldStart("chain_walks_all_pings");
            for (var k : p.chainsByWhere.entrySet()) counts(g, k.getKey(), k.getValue());
            g.writeEndObject();
            path(g, "request_path", p.requestPath);
            path(g, "reply_path", p.replyPath);
            g.writeObjectFieldStart("node1_hook_packets");
            for (var e : x.nodeHooks().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeNumberField("node1_conntrack_entries", x.conntrack());
            g.writeObjectFieldStart("node1_devices");
            for (var e : x.nodeDevices().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("rx_packets", e.getValue()[0]);
                g.writeNumberField("tx_packets", e.getValue()[1]);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("node1_tap_ipv4_frames");
            for (var e : x.tapped().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeStringField("node2_neigh", x.node2Neigh());
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Integer> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : m.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private static void path(JsonGenerator g, String name, List<Step> steps) throws IOException {
        g.writeArrayFieldStart(name);
        for (Step s : steps) {
            g.writeStartObject();
            g.writeStringField("where", s.where());
            g.writeStringField("dev", s.dev());
            g.writeStringField("func", s.func());
            if (!s.detail().isEmpty()) g.writeStringField("detail", s.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
