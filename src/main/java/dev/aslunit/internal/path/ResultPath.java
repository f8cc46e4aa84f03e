package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compiled {@code ResultPath}: where a state's result goes in its input. {@code null} discards
 * the result, {@code $} replaces the input with it, {@code $.a.b} sets it there, creating the
 * objects that are missing. The input is never mutated: only the objects on the way to the
 * target are copied, everything else is shared.
 */
public final class ResultPath {

    private final String text;
    /** Field names (String) and array indexes (Integer); {@code null} when the result is discarded. */
    private final Object[] steps;

    private ResultPath(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * @param textOrNull the path as written, {@code null} to discard the result
     * @throws PathSyntaxException when the path is not a reference path into the input
     */
    public static ResultPath compile(String textOrNull) {
        if (textOrNull == null) {
            return new ResultPath(null, null);
        }
        CompiledPath path = CompiledPath.compile(textOrNull);
        Object[] steps = path.steps();
        if (path.root() != CompiledPath.Root.INPUT || steps == null) {
            throw new PathSyntaxException("'" + textOrNull + "' cannot be a ResultPath: it must be a reference "
                    + "path into the state input made of field names and indexes, such as $, $.result or $.a['b'][0]");
        }
        return new ResultPath(textOrNull, steps);
    }

    /**
     * @return the state output before {@code OutputPath}
     * @throws PathEvaluationException {@code States.ResultPathMatchFailure} with AWS's cause
     *         {@code Unable to apply ReferencePath $.a.b to input "..."} when a step of the path
     *         meets a value that is not an object (or an array, for an index)
     */
    public JsonNode apply(JsonNode input, JsonNode result) {
        if (steps == null) {
            return input;
        }
        JsonNode output = set(input, 0, result);
        if (output == null) {
            throw new PathEvaluationException(PathEvaluationException.RESULT_PATH_MATCH_FAILURE,
                    "Unable to apply ReferencePath " + text + " to input " + Nodes.text(input));
        }
        return output;
    }

    /** A copy of {@code node} with {@code value} at steps {@code i..}, or {@code null} if impossible. */
    private JsonNode set(JsonNode node, int i, JsonNode value) {
        if (i == steps.length) {
            return value;
        }
        Object step = steps[i];
        if (step instanceof String) {
            if (!node.isObject()) {
                return null;
            }
            String name = (String) step;
            JsonNode child = node.get(name);
            JsonNode updated = set(child == null ? Nodes.FACTORY.objectNode() : child, i + 1, value);
            if (updated == null) {
                return null;
            }
            ObjectNode copy = Nodes.shallowCopy((ObjectNode) node);
            copy.set(name, updated);
            return copy;
        }
        if (!node.isArray()) {
            return null;
        }
        int index = (Integer) step;
        if (index < 0) {
            index += node.size();
        }
        if (index < 0 || index >= node.size()) {
            return null;
        }
        JsonNode updated = set(node.get(index), i + 1, value);
        if (updated == null) {
            return null;
        }
        ArrayNode copy = Nodes.FACTORY.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(index, updated);
        return copy;
    }

    @Override
    public String toString() {
        return text == null ? "null" : text;
    }
}
