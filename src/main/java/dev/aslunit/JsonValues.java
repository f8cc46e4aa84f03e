package dev.aslunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.json.JsonReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON values as tests hand them over and as history events carry them. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * A value of a history event's details: AWS writes {@code input}, {@code output} and the values of
     * {@code assignedVariables} as JSON text; a value that is not JSON text is taken as it is.
     */
    static JsonNode fromHistory(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return JsonReading.tree(value.asText());
            } catch (JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * A test's JSON: text is parsed, a {@link Path} or {@link java.io.File} is read, a {@link JsonNode}
     * is taken as it is, anything else is converted as Jackson serialises it.
     */
    static JsonNode fromTest(Object value, String what) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode) {
            return (JsonNode) value;
        }
        if (value instanceof CharSequence) {
            String text = value.toString();
            if (text.isBlank()) {
                throw new IllegalArgumentException(what + " is empty; give JSON text such as {} or \"text\"");
            }
            try {
                return JsonReading.tree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " is not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage()
                        + "\n  " + abbreviate(text), e);
            }
        }
        if (value instanceof java.io.File) {
            return fromTest(((java.io.File) value).toPath(), what);
        }
        if (value instanceof Path) {
            Path file = (Path) value;
            try {
                return fromTest(Files.readString(file), what + " from " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + what + " from " + file.toAbsolutePath()
                        + ": " + e.getMessage(), e);
            }
        }
        return Json.mapper().valueToTree(value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
