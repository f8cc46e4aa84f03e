package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.integration.ServiceResponses;
import dev.aslunit.internal.integration.http.HttpTaskResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Answers in AWS's shapes, for {@link TaskMock#returns(TaskResult)} and {@link TaskAnswer}s, in
 * the style of WireMock's {@code aResponse()} / {@code okJson()}.
 */
public final class TaskResults {

    private TaskResults() {
    }

    /**
     * The part of the result a test cares about; AWS's wrapper is added where AWS wraps it (for
     * {@code lambda:invoke}, this is the function's {@code Payload}).
     */
    public static TaskResult json(String json) {
        return TaskResult.success(Json.parse(json, "TaskResults.json(...)"), false);
    }

    /** As {@link #json(String)}. */
    public static TaskResult json(JsonNode json) {
        return TaskResult.success(json, false);
    }

    /** As {@link #json(String)}, read from a file. */
    public static TaskResult file(Path file) {
        return TaskResult.success(Json.read(file, "TaskResults.file(...)"), false);
    }

    /** AWS's whole response, used as the result exactly as given (no wrapper added). */
    public static TaskResult wholeResponse(String json) {
        return TaskResult.success(Json.parse(json, "TaskResults.wholeResponse(...)"), true);
    }

    /** AWS's whole response, used as the result exactly as given (no wrapper added). */
    public static TaskResult wholeResponse(JsonNode json) {
        return TaskResult.success(json, true);
    }

    /** The task fails with {@code error} (what Retry and Catch match) and {@code cause}. */
    public static TaskResult failure(String error, String cause) {
        return TaskResult.failure(error, cause);
    }

    /**
     * A Lambda function that threw, as Step Functions reports it: the function's {@code errorType}
     * is the error, the cause is the JSON Lambda returns ({@code errorType}, {@code errorMessage},
     * {@code trace}), e.g. {@code lambdaError("ValidationError", "total is negative")}.
     */
    public static TaskResult lambdaError(String errorType, String errorMessage, String... trace) {
        ObjectNode cause = JsonNodeFactory.instance.objectNode();
        cause.put("errorType", errorType);
        cause.put("errorMessage", errorMessage);
        cause.set("trace", JsonNodeFactory.instance.arrayNode().addAll(
                java.util.Arrays.stream(trace).map(JsonNodeFactory.instance::textNode).toList()));
        return TaskResult.failure(errorType, cause.toString());
    }

    /**
     * {@code lambda:invoke}'s whole response around {@code payload} ({@code ExecutedVersion},
     * {@code Payload}, {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode}),
     * for tests that then change part of it; {@code returns(payload)} adds the same wrapper.
     */
    public static ObjectNode lambdaResponse(String payload) {
        JsonNode parsed = Json.parse(payload, "TaskResults.lambdaResponse(...)");
        return ServiceResponses.lambdaInvoke(parsed, "00000000-0000-0000-0000-000000000000", Instant.EPOCH);
    }

    /**
     * The HTTP Task's answer ({@code arn:aws:states:::http:invoke}): a 2xx status returns AWS's
     * result shape ({@code Headers}, {@code ResponseBody}, {@code StatusCode}, {@code StatusText});
     * any other fails with {@code States.Http.StatusCode.NNN}, as AWS does. The body is JSON
     * text, or any other text (kept as a string).
     */
    public static TaskResult httpResponse(int statusCode, String body) {
        return httpResponse(statusCode, body, Map.of("Content-Type", "application/json"));
    }

    /** As {@link #httpResponse(int, String)}, with response headers. */
    public static TaskResult httpResponse(int statusCode, String body, Map<String, String> headers) {
        HttpTaskResults.Outcome outcome = HttpTaskResults.of(statusCode, body, headers);
        return outcome.error() == null
                ? TaskResult.success(outcome.result(), true)
                : TaskResult.failure(outcome.error(), outcome.cause());
    }

    /**
     * {@code arn:aws:states:::apigateway:invoke}'s answer: a 2xx status returns AWS's shape
     * ({@code Headers}, {@code ResponseBody}, {@code StatusCode}, {@code StatusText}); any other
     * fails with {@code ApiGateway.NNN} and the response body as the cause, as AWS does.
     */
    public static TaskResult apiGatewayResponse(int statusCode, String body) {
        HttpTaskResults.Outcome outcome = HttpTaskResults.of(statusCode, body, Map.of("Content-Type", "application/json"));
        return outcome.error() == null
                ? TaskResult.success(outcome.result(), true)
                : TaskResult.failure("ApiGateway." + statusCode, body);
    }
}
