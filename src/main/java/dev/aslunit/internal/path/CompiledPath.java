package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSONPath with its root ({@code $}, {@code $$} or {@code $name}), compiled once. AWS evaluates
 * paths with Jayway JsonPath and quotes Jayway's messages; the common simple forms
 * ({@code $.a.b}, {@code $.a[0]}, {@code $['a b']}) are walked directly, with Jayway's texts, and
 * everything else goes to Jayway. As on AWS, a definite path that selects nothing fails, and an
 * indefinite one (wildcard, slice, filter, scan) never does: it yields the array of its matches,
 * empty when even its definite prefix is missing.
 */
final class CompiledPath {

    enum Root { INPUT, CONTEXT, VARIABLE }

    /**
     * Jayway's settings, built when the first path Jayway must walk is read: its Jackson provider
     * needs an object mapper, which the common simple paths never do.
     */
    private static final class Jayway {
        static final Configuration DEFINITE = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
                .mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .build();
        static final Configuration INDEFINITE = DEFINITE.addOptions(Option.SUPPRESS_EXCEPTIONS);
    }

    private final String text;
    private final Root root;
    private final String variable;
    /** Field names (String) and array indexes (Integer), or {@code null} when Jayway must walk. */
    private final Object[] steps;
    private final JsonPath jayway;

    private CompiledPath(String text, Root root, String variable, Object[] steps, JsonPath jayway) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.steps = steps;
        this.jayway = jayway;
    }

    /**
     * Paths already compiled, by text: a definition says {@code $.detail} or {@code $.Payload} in
     * many states, and the validator compiles each path before the compiler does. Compiled paths
     * are immutable, so one serves every definition and thread; the cache stops growing at its
     * bound rather than evicting, since a suite's distinct paths number in the thousands at most.
     */
    private static final Map<String, CompiledPath> COMPILED = new ConcurrentHashMap<>();
    private static final int COMPILED_KEPT = 8192;

    static CompiledPath compile(String text) {
        CompiledPath known = text == null ? null : COMPILED.get(text);
        if (known != null) {
            return known;
        }
        CompiledPath path = parse(text);
        if (COMPILED.size() < COMPILED_KEPT) {
            COMPILED.putIfAbsent(text, path);
        }
        return path;
    }

    private static CompiledPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new PathSyntaxException("'" + text + "' is not a JSONPath: a path starts with '$'");
        }
        Root root;
        String variable = null;
        String relative;
        if (text.startsWith("$$")) {
            root = Root.CONTEXT;
            relative = text.substring(1);
        } else if (text.length() > 1 && isVariableChar(text.charAt(1))) {
            int end = 1;
            while (end < text.length() && isVariableChar(text.charAt(end))) {
                end++;
            }
            root = Root.VARIABLE;
            variable = text.substring(1, end);
            relative = "$" + text.substring(end);
        } else {
            root = Root.INPUT;
            relative = text;
        }
        if (!bracketsBalance(text)) {
            throw new PathSyntaxException("'" + text + "' is not a valid JSONPath: its brackets do not balance");
        }
        JsonPath jayway;
        try {
            jayway = JsonPath.compile(relative);
        } catch (RuntimeException e) {
            throw new PathSyntaxException("'" + text + "' is not a valid JSONPath: " + e.getMessage());
        }
        return new CompiledPath(text, root, variable, simpleSteps(relative), jayway);
    }

    /** Jayway silently ignores a dangling {@code [}; AWS rejects such a path. */
    private static boolean bracketsBalance(String text) {
        return end(text, 0, false) == text.length();
    }

    /**
     * Where the path that starts at {@code from} ends, skipping brackets, parentheses and quoted
     * names: the end of {@code text}, or with {@code inArguments} the first {@code ,} or {@code )}
     * outside them (an intrinsic function's argument list). {@code -1} when they do not balance.
     */
    static int end(String text, int from, boolean inArguments) {
        int depth = 0;
        char quote = 0;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (inArguments && depth == 0 && (c == ',' || c == ')')) {
                return i;
            } else if ((c == ']' || c == ')') && --depth < 0) {
                return -1;
            }
        }
        return depth == 0 && quote == 0 ? i : -1;
    }

    private static boolean isVariableChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** The steps of a path made only of names and indexes, or {@code null} for anything else. */
    private static Object[] simpleSteps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && isPlainNameChar(path.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                steps.add(path.substring(start, i));
            } else if (c == '[' && i + 1 < n && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
                char quote = path.charAt(i + 1);
                StringBuilder name = new StringBuilder();
                i += 2;
                while (i < n && path.charAt(i) != quote) {
                    // AWS keeps a backslash that escapes neither the quote nor a backslash: ['a\"b'] names a\"b.
                    char d = path.charAt(i++);
                    if (d == '\\' && i < n && (path.charAt(i) == quote || path.charAt(i) == '\\')) {
                        d = path.charAt(i++);
                    }
                    name.append(d);
                }
                if (i + 1 >= n || path.charAt(i + 1) != ']') {
                    return null;
                }
                steps.add(name.toString());
                i += 2;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                Integer index = close < 0 ? null : index(path.substring(i + 1, close));
                if (index == null) {
                    return null;
                }
                steps.add(index);
                i = close + 1;
            } else {
                return null;
            }
        }
        return steps.toArray();
    }

    private static boolean isPlainNameChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '(' && c != ')' && c != '*' && c != '?'
                && c != '@' && c != '\'' && c != '"' && c != ',' && c != '\\' && !Character.isWhitespace(c);
    }

    private static Integer index(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() - start > 9) {
            return null;
        }
        for (int k = start; k < text.length(); k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return null;
            }
        }
        return Integer.valueOf(text);
    }

    String text() {
        return text;
    }

    /** The field names (String) and indexes (Integer) of a simple path, else {@code null}. */
    Object[] steps() {
        return steps == null ? null : steps.clone();
    }

    Root root() {
        return root;
    }

    /** The document the path starts from, {@code null} for an unassigned variable. */
    JsonNode document(PathScope scope) {
        switch (root) {
            case CONTEXT:
                return scope.context();
            case VARIABLE:
                return scope.variable(variable);
            default:
                return scope.input();
        }
    }

    /** The value selected in the scope, or {@code null} when the path selects nothing. */
    JsonNode find(PathScope scope) {
        JsonNode document = document(scope);
        return document == null ? null : find(document);
    }

    /**
     * The value selected in {@code document}: the single value of a definite path, the array of
     * all matches (possibly empty) of an indefinite one; {@code null} when a definite path
     * selects nothing or Jayway cannot evaluate the path on this document.
     */
    JsonNode find(JsonNode document) {
        if (steps != null) {
            return walk(document);
        }
        // Jayway also throws plain runtime exceptions (a function applied where it does not fit, say):
        // to the state machine every one of them means the path selects nothing.
        try {
            if (!jayway.isDefinite()) {
                Object matches = jayway.read(document, Jayway.INDEFINITE);
                return matches == null ? Nodes.FACTORY.arrayNode() : Nodes.fromJayway(matches);
            }
            return Nodes.fromJayway(jayway.read(document, Jayway.DEFINITE));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The value selected in the scope.
     *
     * @throws PathEvaluationException {@code States.Runtime}, {@code Invalid path '$.x' : No results for path: $['x']}
     */
    JsonNode read(PathScope scope) {
        JsonNode value = find(scope);
        if (value == null) {
            throw new PathEvaluationException(PathEvaluationException.RUNTIME,
                    "Invalid path '" + text + "' : " + failure(scope));
        }
        return value;
    }

    /**
     * The value selected in the scope for the field {@code field} (a payload template's
     * {@code x.$}, {@code ErrorPath}, ...).
     *
     * @throws PathEvaluationException {@code States.Runtime},
     *         {@code The JSONPath '$.x' specified for the field 'x.$' could not be found in the input '{...}'}
     */
    JsonNode readField(String field, PathScope scope) {
        JsonNode value = find(scope);
        if (value == null) {
            throw new PathEvaluationException(PathEvaluationException.RUNTIME,
                    "The JSONPath '" + text + "' specified for the field '" + field
                            + "' could not be found in the input '" + Nodes.text(scope.input()) + "'");
        }
        return value;
    }

    /** Why the path selects nothing in the scope, in Jayway's words as AWS quotes them. */
    private String failure(PathScope scope) {
        JsonNode document = document(scope);
        if (document == null) {
            return root == Root.VARIABLE ? "The variable '" + variable + "' is not assigned"
                    : "No results for path: " + jayway.getPath();
        }
        if (steps != null) {
            String missing = missingStep(document);
            if (missing != null) {
                return missing;
            }
        }
        try {
            jayway.read(document, Jayway.DEFINITE);
            return "No results for path: " + jayway.getPath();
        } catch (JsonPathException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /**
     * Jayway's text for a simple path whose field or index is missing, or {@code null} when a step
     * meets a value of the wrong type (Jayway's own message says that best).
     */
    private String missingStep(JsonNode node) {
        StringBuilder evaluated = new StringBuilder("$");
        for (int i = 0; i < steps.length; i++) {
            JsonNode next;
            if (steps[i] instanceof String) {
                evaluated.append("['").append(steps[i]).append("']");
                next = node.isObject() ? node.get((String) steps[i]) : null;
                if (next == null && node.isObject() && i < steps.length - 1) {
                    return "Missing property in path " + evaluated;
                }
            } else {
                next = node.isArray() ? at(node, (Integer) steps[i]) : null;
            }
            if (next == null) {
                return node.isObject() || node.isArray() ? "No results for path: " + jayway.getPath() : null;
            }
            node = next;
        }
        return null;
    }

    private static JsonNode at(JsonNode array, int index) {
        return array.get(index < 0 ? array.size() + index : index);
    }

    private JsonNode walk(JsonNode node) {
        for (Object step : steps) {
            if (step instanceof String) {
                if (!node.isObject()) {
                    return null;
                }
                node = node.get((String) step);
            } else {
                if (!node.isArray()) {
                    return null;
                }
                node = at(node, (Integer) step);
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
