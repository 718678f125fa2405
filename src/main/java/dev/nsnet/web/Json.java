package dev.nsnet.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The web API's JSON, written and read with jackson-core's streaming API. */
final class Json {
    private Json() { }

    static final JsonFactory FACTORY = new JsonFactory();

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String of(Body b) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            b.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String error(String message) {
        return of(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    /** Thrown for a request body that is not what the endpoint takes; its message is for the client. */
    static final class BadRequest extends Exception {
        BadRequest(String m) { super(m); }
    }

    /**
     * The string field {@code name} of a JSON object body; other fields are refused, so a typo
     * ({@code "command"}) is an error, not a silently empty command.
     */
    static String stringField(String body, String name) throws BadRequest {
        String value = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadRequest("the body must be a JSON object like {\"" + name + "\": \"...\"}");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (!f.equals(name)) throw new BadRequest("unknown field \"" + f + "\" (the body takes \"" + name + "\" only)");
                if (v != JsonToken.VALUE_STRING) throw new BadRequest("\"" + name + "\" must be a string");
                value = p.getText();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) throw new BadRequest("the body is not one JSON object");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("the body is not valid JSON");
        }
        if (value == null) throw new BadRequest("missing field \"" + name + "\"");
        return value;
    }

    static void strings(JsonGenerator g, String field, List<String> l) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : l) g.writeString(s);
        g.writeEndArray();
    }
}
