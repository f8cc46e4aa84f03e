package dev.aslunit.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks AWS makes on a Task's effective parameters before it schedules the call. When one
 * fails, the execution fails with {@code States.Runtime} before {@code TaskScheduled}, with the cause
 * {@link #cause}.
 */
public final class ServiceRequests {

    private ServiceRequests() {
    }

    /** AWS's sentences for what is wrong with the parameters, empty when the call can start. */
    public static List<String> problems(String resource, JsonNode parameters) {
        return ResourceArn.tryParse(resource).map(arn -> problems(arn, parameters)).orElseGet(List::of);
    }

    /** As {@link #problems(String, JsonNode)}, for a resource parsed once. */
    public static List<String> problems(ResourceArn arn, JsonNode parameters) {
        // the engine asks on every Task call: answer the common case without allocating
        if (arn.kind() != ResourceArn.Kind.SERVICE || parameters == null
                || !arn.service().equals("apigateway") || !arn.action().equals("invoke")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        JsonNode headers = parameters.get("Headers");
        if (headers != null && !isMultiValueMap(headers)) {
            problems.add("The value of the field 'Headers' has an invalid format");
        }
        return problems;
    }

    /**
     * The failure's cause, as AWS words it: {@code An error occurred while executing the state 'S'
     * (entered at the event id #2). The Parameters '{...}' could not be used to start the Task: [...]}.
     */
    public static String cause(String stateName, long enteredEventId, JsonNode parameters, List<String> problems) {
        return "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
                + enteredEventId + "). The Parameters '" + parameters + "' could not be used to start the Task: ["
                + String.join(", ", problems) + "]";
    }

    /** API Gateway's headers: each name maps to a list of strings. */
    private static boolean isMultiValueMap(JsonNode headers) {
        if (!headers.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            JsonNode values = header.getValue();
            if (!values.isArray()) {
                return false;
            }
            for (JsonNode value : values) {
                if (!value.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }
}
