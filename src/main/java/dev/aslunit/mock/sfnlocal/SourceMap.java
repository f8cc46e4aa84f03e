package dev.aslunit.mock.sfnlocal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.definition.SourceLocation;
import dev.aslunit.definition.SourceLocator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON document with the line and column of every member, because {@link JsonNode} keeps
 * none and mock-file errors must point into the file.
 */
record SourceMap(JsonNode root, SourceLocator locator) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @throws MockConfigException when {@code text} is not JSON, naming the line and column */
    static SourceMap parse(String text, String file) {
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // A member is located at its name, so a bad key and a bad value point to the same line.
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME || !positions.containsKey(pointer)) {
                    JsonLocation at = parser.currentTokenLocation();
                    positions.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
            JsonNode root = MAPPER.readTree(text);
            return new SourceMap(root, pointer -> {
                int[] at = positions.get(pointer);
                return at == null
                        ? new SourceLocation(file, pointer, 0, 0)
                        : new SourceLocation(file, pointer, at[0], at[1]);
            });
        } catch (IOException e) {
            String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                    ? jpe.getOriginalMessage() : e.getMessage();
            String where = file;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                where = file + ":" + jpe.getLocation().getLineNr() + ":" + jpe.getLocation().getColumnNr();
            }
            throw new MockConfigException("Mock config " + where + " is not valid JSON: " + detail
                    + "\nFix: correct the JSON syntax at that place (a JSON linter shows the same position).");
        }
    }

    /** For a document given as a tree: pointers only. */
    static SourceMap of(JsonNode root, String file) {
        return new SourceMap(root, pointer -> new SourceLocation(file, pointer, 0, 0));
    }
}
