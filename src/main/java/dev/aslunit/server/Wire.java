package dev.aslunit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Values in AWS JSON 1.0's wire forms. */
final class Wire {

    /** The project's one mapper ({@link Json#mapper()}): a request with trailing tokens is refused here as in tests. */
    static final ObjectMapper MAPPER = Json.mapper();

    private Wire() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Timestamps travel as epoch seconds with a millisecond fraction, e.g. {@code 1700000000.123}. */
    static ObjectNode time(ObjectNode o, String member, Instant instant) {
        if (instant != null) {
            o.put(member, BigDecimal.valueOf(instant.toEpochMilli(), 3));
        }
        return o;
    }

    static ArrayNode tags(Map<String, String> tags) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }
}
