package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small AWS-format histories by hand for tests, in the shapes AWS records them: details
 * under AWS's field names, {@code input}/{@code output} as JSON text, events chained by
 * {@code previousEventId} (the previous event unless {@link #after(long)} says otherwise).
 */
public final class HistoryBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<HistoryEvent> events = new ArrayList<>();
    private final Instant start;
    private Instant now;
    private Long nextPrevious;

    private HistoryBuilder(Instant start) {
        this.start = start;
        this.now = start;
    }

    public static HistoryBuilder startingAt(String instant, String inputJson) {
        HistoryBuilder b = new HistoryBuilder(Instant.parse(instant));
        b.event("ExecutionStarted", "executionStartedEventDetails",
                "{\"input\": " + quote(inputJson) + ", \"inputDetails\": {\"truncated\": false},"
                        + " \"roleArn\": \"arn:aws:iam::123456789012:role/test\"}");
        return b;
    }

    public static StateMachineDefinition definition(String json) {
        try {
            return DefinitionReader.read(MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Moves the virtual clock on. */
    public HistoryBuilder at(Duration sinceStart) {
        now = start.plus(sinceStart);
        return this;
    }

    /** The next event's previousEventId. */
    public HistoryBuilder after(long eventId) {
        nextPrevious = eventId;
        return this;
    }

    public long lastId() {
        return events.size();
    }

    public HistoryBuilder entered(String type, String name, String inputJson) {
        return event(type + "StateEntered", "stateEnteredEventDetails",
                "{\"name\": " + quote(name) + ", \"input\": " + quote(inputJson) + ", \"inputDetails\": {\"truncated\": false}}");
    }

    public HistoryBuilder exited(String type, String name, String outputJson) {
        return event(type + "StateExited", "stateExitedEventDetails",
                "{\"name\": " + quote(name) + ", \"output\": " + quote(outputJson) + ", \"outputDetails\": {\"truncated\": false}}");
    }

    /** An exit that assigned variables, given as {@code {"name": value, ...}}. */
    public HistoryBuilder exitedAssigning(String type, String name, String outputJson, String variablesJson) {
        ObjectNode vars = MAPPER.createObjectNode();
        read(variablesJson).fields().forEachRemaining(f -> vars.put(f.getKey(), f.getValue().toString()));
        return event(type + "StateExited", "stateExitedEventDetails",
                "{\"name\": " + quote(name) + ", \"output\": " + quote(outputJson)
                        + ", \"outputDetails\": {\"truncated\": false}, \"assignedVariables\": " + vars
                        + ", \"assignedVariablesDetails\": {\"truncated\": false}}");
    }

    public HistoryBuilder taskScheduled(String resourceType, String resource, String parametersJson) {
        return event("TaskScheduled", "taskScheduledEventDetails",
                "{\"resourceType\": " + quote(resourceType) + ", \"resource\": " + quote(resource)
                        + ", \"region\": \"us-east-1\", \"parameters\": " + quote(parametersJson) + "}");
    }

    public HistoryBuilder taskStarted(String resourceType, String resource) {
        return event("TaskStarted", "taskStartedEventDetails",
                "{\"resourceType\": " + quote(resourceType) + ", \"resource\": " + quote(resource) + "}");
    }

    public HistoryBuilder taskSucceeded(String resourceType, String resource, String outputJson) {
        return event("TaskSucceeded", "taskSucceededEventDetails",
                "{\"resourceType\": " + quote(resourceType) + ", \"resource\": " + quote(resource)
                        + ", \"output\": " + quote(outputJson) + ", \"outputDetails\": {\"truncated\": false}}");
    }

    public HistoryBuilder taskFailed(String resourceType, String resource, String error, String cause) {
        return event("TaskFailed", "taskFailedEventDetails",
                "{\"resourceType\": " + quote(resourceType) + ", \"resource\": " + quote(resource)
                        + ", \"error\": " + quote(error) + ", \"cause\": " + quote(cause) + "}");
    }

    public HistoryBuilder taskTimedOut(String resourceType, String resource) {
        return event("TaskTimedOut", "taskTimedOutEventDetails",
                "{\"resourceType\": " + quote(resourceType) + ", \"resource\": " + quote(resource)
                        + ", \"error\": \"States.Timeout\"}");
    }

    /** A Lambda task's call: scheduled, started, and succeeded with the Lambda integration's result. */
    public HistoryBuilder lambdaSucceeds(String payloadJson) {
        taskScheduled("lambda", "invoke", "{}");
        taskStarted("lambda", "invoke");
        return taskSucceeded("lambda", "invoke", "{\"StatusCode\": 200, \"Payload\": " + payloadJson + "}");
    }

    public HistoryBuilder lambdaFails(String error, String cause) {
        taskScheduled("lambda", "invoke", "{}");
        taskStarted("lambda", "invoke");
        return taskFailed("lambda", "invoke", error, cause);
    }

    public HistoryBuilder succeeded(String outputJson) {
        return event("ExecutionSucceeded", "executionSucceededEventDetails",
                "{\"output\": " + quote(outputJson) + ", \"outputDetails\": {\"truncated\": false}}");
    }

    public HistoryBuilder failed(String error, String cause) {
        return event("ExecutionFailed", "executionFailedEventDetails",
                "{\"error\": " + quote(error) + ", \"cause\": " + quote(cause) + "}");
    }

    public HistoryBuilder timedOut(String error, String cause) {
        return event("ExecutionTimedOut", "executionTimedOutEventDetails",
                "{\"error\": " + quote(error) + ", \"cause\": " + quote(cause) + "}");
    }

    public HistoryBuilder aborted() {
        return event("ExecutionAborted", "executionAbortedEventDetails", "{}");
    }

    /** Any event, its details as JSON ({@code null} for none). */
    public HistoryBuilder event(String type, String detailsField, String detailsJson) {
        long id = events.size() + 1;
        long previous = nextPrevious != null ? nextPrevious : (id == 1 ? 0 : id - 1);
        nextPrevious = null;
        ObjectNode details = detailsJson == null ? null : (ObjectNode) read(detailsJson);
        events.add(new HistoryEvent(id, previous, now, type, detailsJson == null ? null : detailsField, details));
        return this;
    }

    public List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public Execution execution(String name, StateMachineDefinition definition) {
        return Execution.fromHistory(name, definition, events);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        try {
            return MAPPER.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
