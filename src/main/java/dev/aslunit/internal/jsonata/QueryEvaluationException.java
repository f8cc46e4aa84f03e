package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSONata evaluation that failed at run time: AWS fails the state with
 * {@code States.QueryEvaluationError} and records an {@code EvaluationFailed} event before the
 * state's failure events. The state's {@code Retry} and {@code Catch} see the error as usual.
 *
 * <p>{@link #cause()} is AWS's text without the prefix naming the state, for example
 * {@code The JSONata expression '$x' specified for the field 'Output/a' returned nothing (undefined).}
 * The engine knows the state and the id of its {@code *StateEntered} event, and gets the full cause,
 * as {@code DescribeExecution} and the failure events show it, from {@link #cause(String, long)}
 * and the event details from {@link #evaluationFailedEventDetails(String, long)}.
 */
public final class QueryEvaluationException extends RuntimeException {

    /** The error AWS raises for every JSONata evaluation failure. */
    public static final String ERROR = "States.QueryEvaluationError";

    private final String location;
    private final String cause;

    /**
     * For failures the engine detects itself on a JSONata field, e.g. a {@code Timestamp} that is not
     * ISO-8601: {@code new QueryEvaluationException("Timestamp", "The Timestamp field cannot be parsed
     * as an ISO-8601 extended offset date-time format string: " + text)}.
     *
     * @param location the field relative to the state, as in {@link #location()}
     * @param cause AWS's cause text without the state prefix
     */
    public QueryEvaluationException(String location, String cause) {
        super(cause);
        this.location = location;
        this.cause = cause;
    }

    /** Always {@value #ERROR}. */
    public String error() {
        return ERROR;
    }

    /** AWS's cause without the state prefix. */
    public String cause() {
        return cause;
    }

    /**
     * The field relative to the state: {@code Output}, {@code Assign/total}, {@code Arguments/Items[0]};
     * {@code null} for a failure of the state's input rather than of a field.
     */
    public String location() {
        return location;
    }

    /**
     * The cause as AWS reports it for the execution:
     * {@code An error occurred while executing the state 'S' (entered at the event id #2). <cause>}.
     */
    public String cause(String stateName, long enteredEventId) {
        return "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
                + enteredEventId + "). " + cause;
    }

    /**
     * AWS's {@code evaluationFailedEventDetails}: {@code cause} (with the state prefix), {@code error},
     * {@code location} (when there is one) and {@code state}, in that order.
     */
    public ObjectNode evaluationFailedEventDetails(String stateName, long enteredEventId) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("cause", cause(stateName, enteredEventId));
        details.put("error", ERROR);
        if (location != null) {
            details.put("location", location);
        }
        details.put("state", stateName);
        return details;
    }

    /**
     * The failure for a field whose result has the wrong JSON type, e.g. {@code Items} not an array:
     * {@code ... returned an unexpected result type. Expected 'array', but was 'object' for value: {"a":1}}.
     *
     * @param expression the expression as written between {@code {%} and {@code %}}, trimmed
     * @param expected AWS's name of the expected type: {@code array}, {@code number}, {@code string}...
     */
    public static QueryEvaluationException unexpectedType(String expression, String location, String expected,
            JsonNode actual) {
        return new QueryEvaluationException(location, sentence(expression, location)
                + " returned an unexpected result type. Expected '" + expected + "', but was '" + typeName(actual)
                + "' for value: " + actual.toString());
    }

    /**
     * A Map state without {@code Items} whose input is not an array. AWS's words are not in its
     * documentation; LocalStack models them, for this very case checked against AWS, as
     * {@code Map state input must be an array but was: <type>} with no {@code location}, noting that the
     * type is named as JSONata names it.
     */
    public static QueryEvaluationException mapInputNotArray(JsonNode input) {
        return new QueryEvaluationException(null, mapInputNotArrayCause(input));
    }

    /** The cause of {@link #mapInputNotArray(JsonNode)}, without the state prefix. */
    public static String mapInputNotArrayCause(JsonNode input) {
        return "Map state input must be an array but was: " + typeName(input);
    }

    static QueryEvaluationException undefined(String expression, String location) {
        return new QueryEvaluationException(location, sentence(expression, location) + " returned nothing (undefined).");
    }

    static QueryEvaluationException unsupportedType(String expression, String location) {
        return new QueryEvaluationException(location, sentence(expression, location)
                + " returned an unsupported result type.");
    }

    /** {@code message} is JSONata's {@code CODE: text}, or an uncoded text such as the depth bound's. */
    static QueryEvaluationException threw(String expression, String location, String message, boolean coded) {
        return new QueryEvaluationException(location, sentence(expression, location)
                + " threw an error during evaluation" + (coded ? ". " : ": ") + message);
    }

    private static String sentence(String expression, String location) {
        return "The JSONata expression '" + expression + "' specified for the field '" + location + "'";
    }

    /** JSONata's {@code $type} names, which are AWS's in these messages. */
    static String typeName(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }
}
