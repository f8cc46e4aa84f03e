package dev.aslunit.definition.load.cdk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.definition.DefinitionReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read with Jackson's streaming parser so that every value keeps the character
 * offset where it starts ({@code JsonNode} keeps none). Numbers become the nodes Jackson's
 * {@code ObjectMapper.readTree} makes, so trees compare equal to ones read the usual way.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<String, Integer> offsets;

    private LocatedJson(JsonNode root, Map<String, Integer> offsets) {
        this.root = root;
        this.offsets = offsets;
    }

    /** @throws IOException Jackson's, with the character offset of the problem in its location */
    static LocatedJson parse(String text) throws IOException {
        Map<String, Integer> offsets = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "No JSON value (the text is empty)");
            }
            JsonNode root = value(p, "", offsets);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected text after the JSON value");
            }
            return new LocatedJson(root, offsets);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The offset where the value at {@code pointer} starts, or -1. */
    int offset(String pointer) {
        Integer o = offsets.get(pointer);
        return o == null ? -1 : o;
    }

    /** The offset of the value at {@code pointer}, or of its closest located ancestor. */
    int nearestOffset(String pointer) {
        String p = pointer;
        while (true) {
            Integer o = offsets.get(p);
            if (o != null) {
                return o;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, Integer> offsets) throws IOException {
        offsets.put(pointer, (int) p.currentTokenLocation().getCharOffset());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p, pointer + "/" + DefinitionReader.escape(name), offsets));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, pointer + "/" + a.size(), offsets));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
        }
    }
}
