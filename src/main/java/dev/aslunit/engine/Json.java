package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.json.JsonWriting;

/** The engine's JSON helpers: compact text as AWS writes it into history events. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static String text(JsonNode node) {
        return JsonWriting.text(node);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code {"truncated": false}}: AWS's {@code inputDetails}/{@code outputDetails}. */
    static ObjectNode notTruncated() {
        ObjectNode o = NODES.objectNode();
        o.put("truncated", false);
        return o;
    }

    /**
     * AWS's error output: {@code {"Error": ..., "Cause": ...}}; a missing cause is {@code ""} there
     * (a caught {@code States.Timeout} reads {@code "Cause": ""}) while the history omits it.
     */
    static ObjectNode errorOutput(String error, String cause) {
        ObjectNode o = NODES.objectNode();
        if (error != null) {
            o.put("Error", error);
        }
        o.put("Cause", cause == null ? "" : cause);
        return o;
    }
}
