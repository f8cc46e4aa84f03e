package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON as a test hands it over: text, a file, a Jackson tree or any object Jackson serialises. */
public final class UserJson {

    private UserJson() {
    }

    /**
     * A test's JSON: text is parsed, a {@link Path} or {@link java.io.File} is read, a {@link JsonNode}
     * is taken as it is, anything else is converted as Jackson serialises it.
     */
    public static JsonNode read(Object value, String what) {
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
                throw new IllegalArgumentException(what + " is not valid JSON at " + JsonReading.problem(e)
                        + "\n  " + abbreviate(text), e);
            }
        }
        if (value instanceof java.io.File) {
            return read(((java.io.File) value).toPath(), what);
        }
        if (value instanceof Path) {
            Path file = (Path) value;
            try {
                return read(Files.readString(file), what + " from " + file);
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
