package dev.aslunit.internal.engine;

import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonWriting;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's JSON helpers: compact text as AWS writes it into history events, failing the state
 * as AWS does on a payload nested too deep, and the nodes of events and error outputs. Built on
 * {@link dev.aslunit.internal.json.Json}, the one JSON toolbox.
 */
final class EngineJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EngineJson() {
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
                throw nestedTooDeep();
            }
            throw e;
        }
    }

    private static StateFailure nestedTooDeep() {
        return new StateFailure(Errors.DATA_LIMIT_EXCEEDED, "The payload is nested more than "
                + StreamWriteConstraints.DEFAULT_MAX_DEPTH + " levels deep.");
    }

    /**
     * At least the UTF-8 size of {@link #text}, found without writing the text, for a payload whose
     * events nobody keeps; it fails as {@link #text} does on a payload nested too deep, so that such
     * a payload fails where writing it would have.
     */
    static long sizeBound(JsonNode node) {
        return sizeBound(node, 0);
    }

    private static final int MAX_DEPTH = JsonWriting.factory().streamWriteConstraints().getMaxNestingDepth();

    private static long sizeBound(JsonNode node, int depth) {
        if (node == null) {
            return 4;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                long size = opened(depth);
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    // the name, its colon and the comma after the value
                    size += stringBound(f.getKey()) + 2 + sizeBound(f.getValue(), depth + 1);
                }
                return size;
            }
            case ARRAY: {
                long size = opened(depth);
                for (int i = 0, n = node.size(); i < n; i++) {
                    size += 1 + sizeBound(node.get(i), depth + 1);
                }
                return size;
            }
            case STRING:
                return stringBound(node.textValue());
            case NUMBER:
                return numberBound(node);
            case BOOLEAN:
                return 5;
            case NULL:
            case MISSING:
                return 4;
            default:
                return 3L * node.toString().length();
        }
    }

    /** The brackets of an object or array {@code depth} levels down, which Jackson refuses past its nesting limit. */
    private static long opened(int depth) {
        if (depth >= MAX_DEPTH) {
            throw nestedTooDeep();
        }
        return 2;
    }

    /**
     * The quotes, and at most six bytes a character: a control character's escape is six characters,
     * a character's UTF-8 at most three bytes (a surrogate pair's four).
     */
    private static long stringBound(String s) {
        return 2 + 6L * s.length();
    }

    private static long numberBound(JsonNode node) {
        switch (node.numberType()) {
            case INT:
                return 11;
            case LONG:
                return 20;
            case BIG_INTEGER:
                // a sign and fewer digits than a third of the bits, plus one
                return 2 + node.bigIntegerValue().bitLength() / 3;
            case FLOAT:
            case DOUBLE:
                // the longest is 24: -2.2250738585072014E-308
                return 25;
            default:
                // BigDecimal keeps the text it makes, which Jackson writes
                return node.decimalValue().toString().length();
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
     * ({@link dev.aslunit.HistoryEvent}); a node each was a quarter of a Choice loop's garbage.
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
