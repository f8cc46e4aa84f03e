package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a mocked Task answers: a result or an error. A result is either the part a test cares
 * about (for {@code lambda:invoke}, the function's {@code Payload}; AWS's wrapper is added) or,
 * made with {@link TaskResults#wholeResponse}, AWS's whole response as given. Made by
 * {@link TaskResults}.
 */
public final class TaskResult {

    private final JsonNode result;
    private final boolean wholeResponse;
    private final String error;
    private final String cause;

    private TaskResult(JsonNode result, boolean wholeResponse, String error, String cause) {
        this.result = result;
        this.wholeResponse = wholeResponse;
        this.error = error;
        this.cause = cause;
    }

    static TaskResult success(JsonNode result, boolean wholeResponse) {
        return new TaskResult(Objects.requireNonNull(result, "result"), wholeResponse, null, null);
    }

    static TaskResult failure(String error, String cause) {
        return new TaskResult(null, false, Objects.requireNonNull(error, "error"), cause);
    }

    public boolean isFailure() {
        return error != null;
    }

    /** The result ({@code null} for a failure). */
    public JsonNode result() {
        return result;
    }

    /** Whether {@link #result()} is AWS's whole response, to be used without any wrapper. */
    public boolean isWholeResponse() {
        return wholeResponse;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskResult other && wholeResponse == other.wholeResponse
                && Objects.equals(result, other.result) && Objects.equals(error, other.error)
                && Objects.equals(cause, other.cause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(result, wholeResponse, error, cause);
    }

    @Override
    public String toString() {
        if (isFailure()) {
            return "fails with " + error + (cause == null ? "" : " \"" + abbreviate(cause) + "\"");
        }
        return "returns " + (wholeResponse ? "the whole response " : "") + abbreviate(result.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
