package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** JSON written in a test, parsed with the project's one mapper. */
public final class JsonText {

    private JsonText() {
    }

    /** @throws IllegalArgumentException naming the text when a test wrote invalid JSON */
    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
