package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.history.HistoryEvent;
import dev.aslunit.history.HistoryRecorder;
import java.util.List;

/**
 * One child execution of a Distributed Map: its own event numbering, and, when the options keep
 * child executions, its history as AWS writes it for that execution ({@code ExecutionStarted}, the
 * states' events, {@code ExecutionSucceeded}/{@code Failed}/{@code Aborted}). Either way its events
 * stay out of the parent's history.
 */
final class ChildExecution {

    private final ExecutionRun run;
    /** {@code null} when the options do not keep child executions: then only the numbering runs. */
    private final HistoryRecorder history;
    private long lastId;

    ChildExecution(ExecutionRun run, boolean keep) {
        this.run = run;
        this.history = keep ? new HistoryRecorder() : null;
    }

    long emit(long previousEventId, String type, ObjectNode details) {
        lastId++;
        if (history != null) {
            history.append(previousEventId, run.now(), type, details);
        }
        return lastId;
    }

    /** {@code ExecutionStarted} with the iteration's input, as the child's first event. */
    long started(JsonNode input) {
        ObjectNode d = Json.object();
        d.put("input", run.text(input));
        d.set("inputDetails", Json.notTruncated());
        d.put("roleArn", run.options.roleArn());
        return emit(0, "ExecutionStarted", d);
    }

    void succeeded(long previousEventId, JsonNode output) {
        ObjectNode d = Json.object();
        d.put("output", run.text(output));
        d.set("outputDetails", Json.notTruncated());
        emit(previousEventId, "ExecutionSucceeded", d);
    }

    void failed(long previousEventId, String error, String cause) {
        emit(previousEventId, "ExecutionFailed", errorDetails(error, cause));
    }

    /** The Map Run failed while this child ran: AWS stops it. */
    void aborted() {
        emit(lastId, "ExecutionAborted", null);
    }

    static ObjectNode errorDetails(String error, String cause) {
        ObjectNode d = Json.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }

    List<HistoryEvent> events() {
        return history.events();
    }
}
