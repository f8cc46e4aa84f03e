package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;

/** JSON helpers shared by the package: the project's mapper and node factory, Jayway values back to nodes. */
final class Nodes {

    static final JsonNodeFactory FACTORY = Json.nodes();

    private Nodes() {
    }

    /** Jayway's Jackson provider unwraps scalar leaves into Java values; this wraps them back. */
    static JsonNode fromJayway(Object value) {
        if (value == null) {
            return FACTORY.nullNode();
        }
        if (value instanceof JsonNode) {
            return (JsonNode) value;
        }
        if (value instanceof String) {
            return FACTORY.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return FACTORY.booleanNode((Boolean) value);
        }
        if (value instanceof Integer) {
            return FACTORY.numberNode((Integer) value);
        }
        if (value instanceof Long) {
            return FACTORY.numberNode((Long) value);
        }
        if (value instanceof Double) {
            return FACTORY.numberNode((Double) value);
        }
        if (value instanceof Float) {
            return FACTORY.numberNode((Float) value);
        }
        if (value instanceof BigDecimal) {
            return FACTORY.numberNode((BigDecimal) value);
        }
        if (value instanceof BigInteger) {
            return FACTORY.numberNode((BigInteger) value);
        }
        return Json.mapper().valueToTree(value);
    }

    /** An integer as the smallest node that holds it, as a JSON parser would make it. */
    static JsonNode integer(long value) {
        return value == (int) value ? FACTORY.numberNode((int) value) : FACTORY.numberNode(value);
    }

    /** A new object holding the same children: the one level a copy-on-write update must copy. */
    static ObjectNode shallowCopy(ObjectNode object) {
        ObjectNode copy = FACTORY.objectNode();
        copy.setAll(object);
        return copy;
    }

    /** Compact JSON text, as AWS quotes documents in its cause texts. */
    static String text(JsonNode node) {
        return node == null ? "null" : Json.write(node);
    }
}
