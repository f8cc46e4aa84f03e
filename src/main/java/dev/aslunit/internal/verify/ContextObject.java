package dev.aslunit.internal.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.Execution;
import dev.aslunit.internal.facts.VisitRecord;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.json.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * TestState's {@code context}: the context object ({@code $$}) a state saw in the run, from what the
 * run recorded, in the members TestState accepts ({@code Execution}, {@code StateMachine},
 * {@code State}). {@code Task} and {@code Map} are left out: the run keeps no spent task token, and
 * TestState takes no {@code Map} (the walk does not verify the states that read them).
 */
final class ContextObject {

    /** AWS's times in the context object: UTC, milliseconds. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ContextObject() {
    }

    /** @param retryCount {@code $$.State.RetryCount}: the retries before this attempt */
    static String of(Execution execution, VisitRecord visit, int retryCount) {
        ObjectNode context = Json.nodes().objectNode();
        ObjectNode run = context.putObject("Execution");
        run.put("Id", execution.executionArn());
        run.set("Input", execution.input());
        run.put("Name", execution.name());
        String roleArn = roleArn(execution);
        if (roleArn != null) {
            run.put("RoleArn", roleArn);
        }
        run.put("StartTime", TIME.format(execution.startTime()));
        run.put("RedriveCount", 0);
        // arn:aws:states:<region>:<account>:execution:<machine>:<name> (express: a run id follows)
        String[] arn = execution.executionArn().split(":");
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4], "stateMachine", arn[6]));
        machine.put("Name", arn[6]);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", TIME.format(visit.enteredAt()));
        state.put("Name", visit.state());
        state.put("RetryCount", retryCount);
        return Json.write(context);
    }

    /** Whether the execution was redriven: then its context object changed during the run. */
    static boolean redriven(Execution execution) {
        return execution.history().stream().anyMatch(e -> "ExecutionRedriven".equals(e.type()));
    }

    private static String roleArn(Execution execution) {
        for (HistoryEvent e : execution.history()) {
            if ("ExecutionStarted".equals(e.type()) && e.details() != null && e.details().hasNonNull("roleArn")) {
                return e.details().get("roleArn").asText();
            }
        }
        return null;
    }
}
