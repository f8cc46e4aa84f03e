package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled field that takes "a path or an intrinsic function call": {@code ErrorPath},
 * {@code CausePath}, and the like.
 */
public final class ValueExpression {

    private final Expression expression;

    private ValueExpression(Expression expression) {
        this.expression = expression;
    }

    /** @throws PathSyntaxException naming {@code text} when it is neither a path nor a valid call */
    public static ValueExpression compile(String text) {
        return new ValueExpression(Expression.compile(text));
    }

    /**
     * @throws PathEvaluationException {@code States.Runtime}, {@code Invalid path '$.x' : ...}
     *         when a path selects nothing, or the failure of an intrinsic function
     */
    public JsonNode evaluate(PathScope scope) {
        return expression.evaluate(scope);
    }

    /**
     * Evaluates the value of the field {@code field}, failing as AWS does for it when a path
     * selects nothing: {@code States.Runtime},
     * {@code The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{...}'}.
     */
    public JsonNode evaluate(PathScope scope, String field) {
        return expression.evaluateField(field, scope);
    }
}
