package dev.aslunit.engine;

import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.json.JsonWriting;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/** The engine's JSON helpers: compact text as AWS writes it into history events. */
final class Json {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * A payload nested deeper than JSON text can be written (Jackson's limit, 1,000 levels: a loop
     * that wraps its input once per turn gets there well inside AWS's 256 KiB) fails the state
     * with the payload limit's error, where an uncaught Java exception would end the test.
     */
    static String text(JsonNode node) {
        try {
            return JsonWriting.text(node);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw new StateFailure(Errors.DATA_LIMIT_EXCEEDED, "The payload is nested more than "
                        + StreamWriteConstraints.DEFAULT_MAX_DEPTH + " levels deep.");
            }
            throw e;
        }
    }

    /**
     * An empty object sized for the few fields an event's details or a state's payload usually
     * have: Jackson's default map starts with sixteen slots, and every event makes one or two.
     */
    static ObjectNode object() {
        return new ObjectNode(NODES, new LinkedHashMap<>(8));
    }

    /**
     * {@code {"truncated": false}}: AWS's {@code inputDetails}/{@code outputDetails}. Every event
     * shares the one node, as nothing changes an event's details once it is written
     * ({@link dev.aslunit.history.HistoryEvent}); a node each was a quarter of a Choice loop's garbage.
     */
    static ObjectNode notTruncated() {
        return NOT_TRUNCATED;
    }

    private static final ObjectNode NOT_TRUNCATED = NODES.objectNode().put("truncated", false);

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
