package dev.aslunit.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.json.JsonReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON given by a test, parsed at the line that gave it, with messages that say where it went wrong. */
final class Json {

    private Json() {
    }

    /** For Java values a test gives in place of JSON (maps, lists, records); built on first use. */
    static ObjectMapper mapper() {
        return dev.aslunit.internal.json.Json.mapper();
    }

    static JsonNode parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " needs JSON text, got null; for a JSON null write \"null\".");
        }
        try {
            return JsonReading.tree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + ": " + e.getOriginalMessage()
                    + "\n  " + TaskResult.abbreviate(text.strip())
                    + (text.strip().matches("[A-Za-z].*") ? "\nA JSON string needs quotes: \"\\\"text\\\"\"." : ""), e);
        }
    }

    static JsonNode read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read " + file.toAbsolutePath() + " (" + e + ")", e);
        }
        return parse(text, what + " from " + file);
    }
}
