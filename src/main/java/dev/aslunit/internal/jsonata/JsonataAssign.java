package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Assign} field of a JSONata state, of one of its Choice rules or of one of its Catch
 * clauses, compiled: each key names a variable, each value is a template (a literal, or
 * {@code {% %}} expressions at any depth) compiled for the location {@code <field>/<name>}.
 *
 * <p>{@link #evaluate(JsonataScope)} evaluates every value against the same scope, the variables as
 * they were before the state, and returns a new map; the engine then stores it with
 * {@link VariableScope#assignAll(Map)} once the state (and its {@code Output}) is done, so no
 * expression of the state ever sees a value the same state assigns. That is AWS's rule: "all
 * expressions in a state see the values of variables before the state was entered"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).
 */
public final class JsonataAssign {

    private final String[] names;
    private final JsonataTemplate[] values;

    private JsonataAssign(String[] names, JsonataTemplate[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * @param assign the {@code Assign} object as written
     * @param location the field relative to the state: {@code Assign}, {@code Choices[0]/Assign},
     *     {@code Catch[1]/Assign}
     * @throws JsonataSyntaxException for a value whose expression does not parse
     * @throws IllegalArgumentException when {@code assign} is not an object (the validator reports it)
     */
    public static JsonataAssign compile(JsonNode assign, String location) {
        if (assign == null || !assign.isObject()) {
            throw new IllegalArgumentException("Assign must be an object at " + location);
        }
        List<String> names = new ArrayList<>();
        List<JsonataTemplate> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = assign.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey());
            values.add(JsonataTemplate.compile(e.getValue(), location + "/" + e.getKey()));
        }
        return new JsonataAssign(names.toArray(new String[0]), values.toArray(new JsonataTemplate[0]));
    }

    /**
     * Evaluates every value against {@code scope} (which must read the variables from before the
     * state), in the order written.
     *
     * @return a new map of variable name to value
     * @throws QueryEvaluationException for the first value that fails
     */
    public Map<String, JsonNode> evaluate(JsonataScope scope) {
        Map<String, JsonNode> out = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i].evaluate(scope));
        }
        return out;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }
}
