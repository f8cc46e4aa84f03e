package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A field value of a JSONata state as written in ASL, compiled once: a {@code "{% expr %}"} string,
 * or an object or array holding such strings at any depth, or a plain literal. A string is an
 * expression only when it starts with {@code {%} and ends with {@code %}} exactly (AWS evaluates
 * {@code " {% x %} "} as the literal text it is); everything else is returned as written, and parts
 * of the value that hold no expression are returned as the very nodes of the definition, uncopied.
 *
 * <p>Use for every JSONata field: {@code Arguments}, {@code Output}, each value of {@code Assign},
 * {@code Condition}, {@code Items}, {@code ItemSelector}, {@code Seconds}, {@code Timestamp},
 * {@code TimeoutSeconds}, {@code HeartbeatSeconds}, {@code MaxConcurrency},
 * {@code ToleratedFailurePercentage}/{@code Count}, Fail's {@code Error}/{@code Cause}, a Catch's
 * {@code Output}, the {@code Arguments} of {@code ItemReader}/{@code ResultWriter}, and
 * {@code ItemBatcher} fields. The engine checks the JSON type a field needs after evaluating it,
 * reporting a wrong one with {@link #unexpectedType(String, JsonNode)}.
 *
 * <p>Failures follow AWS ("Transforming data with JSONata in Step Functions",
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): an expression that
 * evaluates to nothing, or to a function, fails the state with {@code States.QueryEvaluationError},
 * as does an error JSONata raises; see {@link QueryEvaluationException}.
 */
public final class JsonataTemplate {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode source;
    private final Part root;
    private final String location;

    private JsonataTemplate(JsonNode source, Part root, String location) {
        this.source = source;
        this.root = root;
        this.location = location;
    }

    /**
     * Compiles a field value; every expression in it is parsed now.
     *
     * @param fieldValue the value as written (a {@code null} reference is the JSON {@code null})
     * @param location the field relative to its state as AWS names it in errors, e.g. {@code Output},
     *     {@code Assign/total}, {@code Choices[1]/Condition}, {@code Catch[0]/Output}; nested parts get
     *     {@code /key} and {@code [index]} appended
     * @throws JsonataSyntaxException for the first expression that does not parse
     */
    public static JsonataTemplate compile(JsonNode fieldValue, String location) {
        JsonNode value = fieldValue == null ? NODES.nullNode() : fieldValue;
        return new JsonataTemplate(value, part(value, location), location);
    }

    /** {@link #compile(JsonNode, String)} for a value that is not a field of a state (tests, tools). */
    public static JsonataTemplate compile(JsonNode fieldValue) {
        return compile(fieldValue, "");
    }

    /** Whether {@code text} is a JSONata expression in ASL: it starts with {@code {%} and ends with {@code %}}. */
    public static boolean isExpression(String text) {
        return text != null && text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /**
     * Evaluates the value. Literal parts come back as the definition's own nodes; treat the result
     * as read-only.
     *
     * @throws QueryEvaluationException when an expression fails, evaluates to nothing, or to a function
     */
    public JsonNode evaluate(JsonataScope scope) {
        return root.evaluate(scope);
    }

    /** Whether the value holds no expression: {@link #evaluate} then returns the value as written. */
    public boolean isConstant() {
        return root instanceof Literal;
    }

    /** The field this template was compiled for, as given to {@link #compile(JsonNode, String)}. */
    public String location() {
        return location;
    }

    /**
     * The expression's text (trimmed, without the delimiters) when the whole value is one
     * {@code {% %}} string, else {@code null}.
     */
    public String expressionText() {
        return root instanceof Single ? ((Single) root).expression.text : null;
    }

    /**
     * The failure for a result of the wrong JSON type, in AWS's words, e.g. for {@code Items}:
     * {@code template.unexpectedType("array", value)}. When the value is not a single expression the
     * message quotes the value as written.
     */
    public QueryEvaluationException unexpectedType(String expected, JsonNode actual) {
        String text = expressionText();
        if (text == null) {
            text = source.isTextual() ? source.textValue() : source.toString();
        }
        return QueryEvaluationException.unexpectedType(text, location, expected, actual);
    }

    private static Part part(JsonNode value, String location) {
        if (value.isTextual() && isExpression(value.textValue())) {
            String text = value.textValue();
            return new Single(Expression.compile(text.substring(2, text.length() - 2).trim(), location));
        }
        if (value.isObject() && value.size() > 0) {
            List<String> keys = new ArrayList<>(value.size());
            List<Part> parts = new ArrayList<>(value.size());
            boolean dynamic = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Part p = part(e.getValue(), location.isEmpty() ? e.getKey() : location + "/" + e.getKey());
                keys.add(e.getKey());
                parts.add(p);
                dynamic |= !(p instanceof Literal);
            }
            return dynamic ? new ObjectPart(keys.toArray(new String[0]), parts.toArray(new Part[0]))
                    : new Literal(value);
        }
        if (value.isArray() && value.size() > 0) {
            Part[] parts = new Part[value.size()];
            boolean dynamic = false;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = part(value.get(i), location + "[" + i + "]");
                dynamic |= !(parts[i] instanceof Literal);
            }
            return dynamic ? new ArrayPart(parts) : new Literal(value);
        }
        return new Literal(value);
    }

    private interface Part {
        JsonNode evaluate(JsonataScope scope);
    }

    private record Literal(JsonNode value) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            return value;
        }
    }

    private record Single(Expression expression) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            return expression.evaluate(scope);
        }
    }

    private record ObjectPart(String[] keys, Part[] values) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            ObjectNode out = NODES.objectNode();
            for (int i = 0; i < keys.length; i++) {
                out.set(keys[i], values[i].evaluate(scope));
            }
            return out;
        }
    }

    private record ArrayPart(Part[] elements) implements Part {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            ArrayNode out = NODES.arrayNode(elements.length);
            for (Part p : elements) {
                out.add(p.evaluate(scope));
            }
            return out;
        }
    }
}
