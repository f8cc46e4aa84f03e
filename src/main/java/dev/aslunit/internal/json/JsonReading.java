package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads JSON text into a tree straight from Jackson's streaming parser: the same tree as
 * {@code ObjectMapper.readTree} gives (ints, longs and big integers by size, every other number a
 * double, the last of repeated keys), without the object mapper's few hundred classes, which cost
 * a command-line run a tenth of a second to load before it has read a byte.
 */
public final class JsonReading {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReading() {
    }

    /**
     * The one JSON value {@code text} holds.
     *
     * @throws JsonProcessingException with the line and column when {@code text} is empty, is not
     *         JSON, or has anything but white space after its value
     */
    public static JsonNode tree(String text) throws JsonProcessingException {
        try (JsonParser p = JsonWriting.factory().createParser(text)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "No content to map due to end-of-input");
            }
            JsonNode node = value(p);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing
                        + ") found after value: a JSON text holds exactly one value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // a String source has no I/O of its own to fail
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with the text, for a person: Jackson's own message without the "[Source:
     * REDACTED ...]" it appends, and where ({@code line 1, column 2: Unexpected character ...}).
     */
    public static String problem(JsonProcessingException e) {
        return (e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": ") + e.getOriginalMessage();
    }

    private static JsonNode value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    p.nextToken();
                    o.set(name, value(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                return a;
            }
            default:
                JsonNode scalar = scalar(p, p.currentToken());
                if (scalar == null) {
                    throw new JsonParseException(p, "Unexpected token " + p.currentToken());
                }
                return scalar;
        }
    }

    /**
     * The node of a scalar token, as {@code readTree} makes it (also for YAML, whose parser reports
     * a decimal too precise for a double as {@code BIG_DECIMAL}); {@code null} for any other token.
     */
    static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
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
                return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return null;
        }
    }
}
