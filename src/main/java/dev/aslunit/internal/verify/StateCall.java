package dev.aslunit.internal.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;

/**
 * One TestState request of the walk (the members of AWS's {@code TestState} API reference this
 * sends) with the answer ASLUnit's engine gave for the same state, input and attempt.
 *
 * @param place        where in the run: {@code ChargePayment}, {@code ChargePayment, attempt 2},
 *                     {@code Ship (Map "Orders", iteration 3)}
 * @param definition   the whole state machine, as the test ran it
 * @param mockResult   a Task's answer, or a Map's or Parallel's results, as JSON text; or {@code null}
 * @param mockError    the error a Task's resource (or a Map's or Parallel's run) raised, or {@code null}
 * @param retrierRetryCount how often the retrier matching this attempt's error retried before, or {@code null}
 * @param errorCausedByState the state inside a Map or Parallel where {@code mockError} arose, or {@code null}
 * @param mapIterationFailureCount how many of a Map's iterations failed within its tolerance, or {@code null}
 * @param context    the context object as the run gave it to the state (JSON text), for a state that reads it; or {@code null}
 */
record StateCall(String execution, String state, String place, String definition, String input, String variables,
        String mockResult, String mockError, String mockCause, Integer retrierRetryCount, String errorCausedByState,
        Integer mapIterationFailureCount, String context, String roleArn, Answer expected) {

    /** Always DEBUG: the endpoint then also says how it got there ({@code inspectionData}), for the report. */
    static final String INSPECTION_LEVEL = "DEBUG";
    /**
     * The mocks are the test's, shaped as the test wrote them: verifying compares the definition's data
     * flow, not whether each mock looks like the real API's answer (TestState's default, {@code STRICT}).
     */
    static final String FIELD_VALIDATION_MODE = "NONE";

    boolean mocked() {
        return mockResult != null || mockError != null;
    }

    boolean configured() {
        return retrierRetryCount != null || errorCausedByState != null || mapIterationFailureCount != null;
    }

    /** The request body as TestState's API reference spells it: what the dry-run lists and the SDK sends. */
    ObjectNode requestJson() {
        ObjectNode body = Json.nodes().objectNode();
        body.put("definition", definition);
        body.put("stateName", state);
        body.put("input", input);
        if (variables != null) {
            body.put("variables", variables);
        }
        if (roleArn != null) {
            body.put("roleArn", roleArn);
        }
        if (context != null) {
            body.put("context", context);
        }
        body.put("inspectionLevel", INSPECTION_LEVEL);
        if (mocked()) {
            ObjectNode mock = body.putObject("mock");
            if (mockResult != null) {
                mock.put("result", mockResult);
            } else {
                ObjectNode error = mock.putObject("errorOutput");
                error.put("error", mockError);
                if (mockCause != null) {
                    error.put("cause", mockCause);
                }
            }
            mock.put("fieldValidationMode", FIELD_VALIDATION_MODE);
        }
        if (configured()) {
            ObjectNode configuration = body.putObject("stateConfiguration");
            if (retrierRetryCount != null) {
                configuration.put("retrierRetryCount", retrierRetryCount);
            }
            if (errorCausedByState != null) {
                configuration.put("errorCausedByState", errorCausedByState);
            }
            if (mapIterationFailureCount != null) {
                configuration.put("mapIterationFailureCount", mapIterationFailureCount);
            }
        }
        return body;
    }
}
