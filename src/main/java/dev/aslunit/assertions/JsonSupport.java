package dev.aslunit.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.json.JsonPaths;
import dev.aslunit.internal.json.JsonReading;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON for assertions: expected values as tests write them, JSONPath lookups, comparison with differences. */
final class JsonSupport {

    private static final int DIFFERENCES_SHOWN = 20;

    private JsonSupport() {
    }

    /** A whole JSON document given by a test: JSON text, a JSON file, or a value Jackson serialises. */
    static JsonNode document(Object value) {
        if (value instanceof java.io.File) {
            return document(((java.io.File) value).toPath());
        }
        if (value instanceof java.nio.file.Path) {
            try {
                return document(java.nio.file.Files.readString((java.nio.file.Path) value));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("Cannot read the expected JSON from "
                        + ((java.nio.file.Path) value).toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        if (value instanceof CharSequence) {
            try {
                return JsonReading.tree(value.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The expected JSON is not valid JSON at " + JsonReading.problem(e)
                        + "\n  " + value, e);
            }
        }
        return value(value);
    }

    /** A single expected value: a String is a JSON string, a number a number, a JsonNode itself, anything else as Jackson serialises it. */
    static JsonNode value(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode) {
            return (JsonNode) value;
        }
        return Json.mapper().valueToTree(value);
    }

    /** The value at a definite JSONPath, or {@code null} when there is none. */
    static JsonNode at(JsonNode document, String path) {
        if (document == null) {
            return null;
        }
        try {
            Object found = JsonPath.using(JsonPaths.strict()).parse(document).read(path);
            return found instanceof JsonNode ? (JsonNode) found : Json.mapper().valueToTree(found);
        } catch (PathNotFoundException e) {
            return null;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + path + "\" is not a valid JSONPath: " + e.getMessage(), e);
        }
    }

    static String compact(JsonNode node) {
        return node == null ? "(none)" : node.toString();
    }

    static String pretty(JsonNode node) {
        if (node == null) {
            return "(none)";
        }
        return Json.pretty(node);
    }

    /**
     * The differences between two documents, one line each with its JSONPath. Strict: equal values,
     * objects with the same fields, arrays in the same order. Lenient: objects may have more fields,
     * arrays may be in any order. Numbers compare by value ({@code 1} equals {@code 1.0}).
     */
    static List<String> differences(JsonNode expected, JsonNode actual, boolean lenient) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, lenient, out);
        if (out.size() > DIFFERENCES_SHOWN) {
            int more = out.size() - DIFFERENCES_SHOWN;
            out = new ArrayList<>(out.subList(0, DIFFERENCES_SHOWN));
            out.add("… " + more + " more");
        }
        return out;
    }

    static boolean matches(JsonNode expected, JsonNode actual, boolean lenient) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, lenient, out);
        return out.isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, boolean lenient, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing, expected " + compact(expected));
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + compact(expected) + " but was " + compact(actual));
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                compare(child(path, f.getKey()), f.getValue(), actual.get(f.getKey()), lenient, out);
            }
            if (!lenient) {
                for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!expected.has(name)) {
                        out.add(child(path, name) + ": unexpected " + compact(actual.get(name)));
                    }
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": expected " + expected.size() + " elements but was " + actual.size()
                        + ": " + compact(actual));
            } else if (lenient) {
                boolean[] used = new boolean[actual.size()];
                for (int i = 0; i < expected.size(); i++) {
                    boolean found = false;
                    for (int j = 0; j < actual.size() && !found; j++) {
                        if (!used[j] && matches(expected.get(i), actual.get(j), true)) {
                            used[j] = true;
                            found = true;
                        }
                    }
                    if (!found) {
                        out.add(path + ": no element matches " + compact(expected.get(i)));
                    }
                }
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    compare(path + "[" + i + "]", expected.get(i), actual.get(i), false, out);
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + compact(expected) + " but was " + compact(actual));
        }
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }
}
