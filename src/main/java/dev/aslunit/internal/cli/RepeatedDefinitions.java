package dev.aslunit.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonReading;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads batch request lines, each definition text read once: a batch repeats a few definitions over
 * hundreds of lines (the benchmark suite: 6 in 326 lines, 5 of its 5.7 MB), and building each line's
 * definition tree again was a fifth of a suite run's CPU, comparing it with the compiled machines'
 * keys a tenth more. A line whose definition object is, char for char, one an earlier line had is
 * read with that object left out and the earlier tree put in its place: the same tree as reading the
 * whole line, and the same tree object, which the machine cache finds at once.
 */
final class RepeatedDefinitions {

    private static final int KEPT = 32;
    private static final String FIELD = "definition";

    private final Map<String, JsonNode> known = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > KEPT;
        }
    };

    /** The known definition whose text {@link #definitionSpan} found in the line, if any. */
    private JsonNode matched;

    /** The request {@code line} holds, as {@link JsonReading#tree} reads it (and with its errors). */
    JsonNode read(String line) throws JsonProcessingException {
        matched = null;
        int[] span = definitionSpan(line);
        if (span != null && matched != null) {
            JsonNode request = withDefinition(line, span, matched);
            if (request != null) {
                return request;
            }
        }
        JsonNode request = JsonReading.tree(line);
        if (span != null && matched == null && request.path(FIELD).isObject()) {
            known.put(line.substring(span[0], span[1]), request.get(FIELD));
        }
        return request;
    }

    private static JsonNode withDefinition(String line, int[] span, JsonNode definition) {
        JsonNode request;
        try {
            request = JsonReading.tree(line.substring(0, span[0]) + "0" + line.substring(span[1]));
        } catch (JsonProcessingException e) {
            return null;
        }
        JsonNode placeholder = request.get(FIELD);
        if (placeholder == null || !placeholder.isInt() || placeholder.intValue() != 0) {
            return null;
        }
        ((ObjectNode) request).set(FIELD, definition);
        return request;
    }

    /**
     * Where the value of the one top-level {@code "definition"} field of {@code line} starts and
     * ends, when it is an object; {@code null} when the line is not a plain object of fields (an
     * escaped or repeated field name included), which then is read whole.
     */
    private int[] definitionSpan(String line) {
        int i = space(line, 0);
        if (i >= line.length() || line.charAt(i) != '{') {
            return null;
        }
        int[] span = null;
        i = space(line, i + 1);
        if (i < line.length() && line.charAt(i) == '}') {
            return null;
        }
        while (i < line.length()) {
            if (line.charAt(i) != '"') {
                return null;
            }
            int nameEnd = stringEnd(line, i);
            if (nameEnd < 0 || line.substring(i, nameEnd).indexOf('\\') >= 0) {
                return null;
            }
            boolean definition = nameEnd - i == FIELD.length() + 2 && line.startsWith(FIELD, i + 1);
            i = space(line, nameEnd);
            if (i >= line.length() || line.charAt(i) != ':') {
                return null;
            }
            int start = space(line, i + 1);
            int end = definition ? definitionEnd(line, start) : valueEnd(line, start);
            if (end < 0) {
                return null;
            }
            if (definition) {
                if (span != null || line.charAt(start) != '{') {
                    return null;
                }
                span = new int[] {start, end};
            }
            i = space(line, end);
            if (i >= line.length()) {
                return null;
            }
            if (line.charAt(i) == '}') {
                return space(line, i + 1) == line.length() ? span : null;
            }
            if (line.charAt(i) != ',') {
                return null;
            }
            i = space(line, i + 1);
        }
        return null;
    }

    /** The end of the definition at {@code start}: a known one's end when the text there is one. */
    private int definitionEnd(String line, int start) {
        for (Map.Entry<String, JsonNode> known : this.known.entrySet()) {
            if (line.startsWith(known.getKey(), start)) {
                matched = known.getValue();
                return start + known.getKey().length();
            }
        }
        return valueEnd(line, start);
    }

    /** The end of the value at {@code start} as JSON delimits it; {@code -1} when it has no end. */
    private static int valueEnd(String line, int start) {
        if (start >= line.length()) {
            return -1;
        }
        char c = line.charAt(start);
        if (c == '"') {
            return stringEnd(line, start);
        }
        if (c != '{' && c != '[') {
            int i = start;
            while (i < line.length() && ",}] \t\r\n".indexOf(line.charAt(i)) < 0) {
                i++;
            }
            return i == start ? -1 : i;
        }
        int depth = 0;
        for (int i = start; i < line.length(); i++) {
            c = line.charAt(i);
            if (c == '"') {
                i = stringEnd(line, i);
                if (i < 0) {
                    return -1;
                }
                i--;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The end (after the closing quote) of the string whose opening quote is at {@code start}. */
    private static int stringEnd(String line, int start) {
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int space(String line, int i) {
        while (i < line.length() && " \t\r\n".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
