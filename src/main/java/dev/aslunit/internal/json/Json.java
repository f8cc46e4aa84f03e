package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;

/**
 * The project's one Jackson configuration. The mapper is configured once and never changed, so it
 * is safe to share between threads and tests.
 */
public final class Json {

    private Json() {
    }

    /**
     * The mapper, for converting Java objects to trees and back. It is built on first use: reading
     * and writing JSON text go through {@link JsonReading} and {@link JsonWriting}, so a command-line
     * run never pays for it.
     */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }

    /** @throws JsonProcessingException with Jackson's line and column when {@code text} is not one JSON value */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return JsonReading.tree(text);
    }

    /** Compact JSON text, as AWS writes {@code input} and {@code output} in history events. */
    public static String write(JsonNode node) {
        return JsonWriting.text(node);
    }

    /** Indented JSON text for people. */
    public static String pretty(JsonNode node) {
        try {
            return Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a value is, for a message that says what was expected and what was found:
     * {@code an object}, {@code an empty array}, {@code the string "X"}, {@code the number 7},
     * {@code null}, {@code true}; long values are cut at 60 characters.
     */
    public static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return v.isEmpty() ? "an empty array" : "an array";
        }
        if (v.isNull()) {
            return "null";
        }
        String text = v.toString();
        return (v.isTextual() ? "the string " : v.isNumber() ? "the number " : "") + (text.length() > 60
                ? text.substring(0, 57) + "..." : text);
    }

    /** Holds the mapper so that it is built when first asked for, not when the class loads. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
