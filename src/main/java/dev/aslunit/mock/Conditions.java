package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import dev.aslunit.internal.json.JsonPaths;

/** JsonPath conditions on a call's input, evaluated on Jackson trees (no conversion, no global config). */
final class Conditions {

    private Conditions() {
    }

    static boolean matches(JsonPath path, JsonNode input) {
        JsonNode found = read(path, input);
        if (found == null || found.isNull() || found.isMissingNode()) {
            return false;
        }
        if (found.isBoolean()) {
            return found.booleanValue();
        }
        return !(found.isArray() && !path.isDefinite() && found.isEmpty());
    }

    static boolean equalsAt(JsonPath path, JsonNode input, JsonNode expected) {
        JsonNode found = read(path, input);
        if (found == null) {
            return false;
        }
        if (!path.isDefinite() && found.isArray()) {
            for (JsonNode each : found) {
                if (sameValue(each, expected)) {
                    return true;
                }
            }
            return false;
        }
        return sameValue(found, expected);
    }

    /** JSON equality where 1 and 1.0 are the same number, as a test author means them. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (java.util.Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!b.has(name) || !sameValue(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static JsonNode read(JsonPath path, JsonNode input) {
        if (input == null) {
            return null;
        }
        Object value = path.read(input, JsonPaths.lenient());
        return value instanceof JsonNode node ? node : Json.mapper().valueToTree(value);
    }
}
