package dev.aslunit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answered the way AWS answers it: the {@code __type} the SDKs map to their exception
 * classes ({@code StateMachineDoesNotExist} becomes {@code StateMachineDoesNotExistException}),
 * AWS's message text and HTTP status, and the extra members some types carry
 * ({@code resourceName}, {@code reason}).
 */
final class ApiException extends RuntimeException {

    private final String type;
    private final int status;
    private final Map<String, String> members;

    ApiException(String type, String message) {
        this(type, 400, message, Map.of());
    }

    ApiException(String type, int status, String message, Map<String, String> members) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.members = members;
    }

    int status() {
        return status;
    }

    void writeTo(ObjectNode body) {
        body.put("__type", "com.amazonaws.swf.service.v2.model#" + type);
        body.put("message", getMessage());
        members.forEach(body::put);
    }

    static ApiException validation(String message) {
        return new ApiException("ValidationException", 400, message, Map.of());
    }

    /** AWS's wording for a violated constraint, e.g. a missing required member. */
    static ApiException constraint(String member, Object value, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'")
                + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    static ApiException invalidArn(String arn) {
        return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
    }

    static ApiException invalidArn(String arn, String reason) {
        return new ApiException("InvalidArn", "Invalid Arn: '" + reason + ": " + arn + "'");
    }

    static ApiException invalidName(String name) {
        return new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static ApiException invalidToken(String message) {
        return new ApiException("InvalidToken", message);
    }

    static ApiException stateMachineDoesNotExist(String arn) {
        return new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static ApiException executionDoesNotExist(String arn) {
        return new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    static ApiException activityDoesNotExist(String arn) {
        return new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }

    static ApiException resourceNotFound(String arn) {
        return new ApiException("ResourceNotFound", 400, "Resource not found: '" + arn + "'",
                Map.of("resourceName", arn));
    }
}
