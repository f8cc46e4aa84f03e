package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.FactLog;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.history.HistoryRecorder;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One child execution of a Distributed Map: its own event numbering, and, when the options keep
 * child executions or a listener receives them, its history as AWS writes it for that execution ({@code ExecutionStarted}, the
 * states' events, {@code ExecutionSucceeded}/{@code Failed}/{@code Aborted}). Either way its events
 * stay out of the parent's history. Being an execution of its own, it has its own context object
 * ({@code $$.Execution}, {@code $$.StateMachine}), made only when one of its states asks for it.
 */
final class ChildExecution {

    private final ExecutionRun run;
    /** {@code null} when nothing will read the child's history: then only the numbering runs. */
    private final HistoryRecorder history;
    /** What the engine recorded of the child, kept as its history is. */
    private final FactLog facts;
    private final MapRunNames names;
    private final int index;
    private final JsonNode input;
    private final Instant startTime;
    private String name;
    private ObjectNode executionContext;
    private long lastId;
    private int redriveCount;
    private Instant redriveTime;

    ChildExecution(ExecutionRun run, boolean keep, MapRunNames names, int index, JsonNode input) {
        this.run = run;
        this.history = keep ? new HistoryRecorder() : null;
        this.facts = keep ? new FactLog() : null;
        this.names = names;
        this.index = index;
        this.input = input;
        this.startTime = run.now();
    }

    /** The name its Map Run gives it, made when first asked (a UUID costs more than the rest of a child that never asks). */
    String name() {
        if (name == null) {
            name = names.childName(index);
        }
        return name;
    }

    /**
     * {@code $$.Execution} inside the child: the child's own ARN, name, input and start, with the
     * parent's role (a Map Run's children run with the state machine's role), and once the Map Run
     * redrove it, how often and when.
     */
    ObjectNode executionContext() {
        if (executionContext == null) {
            ObjectNode c = EngineJson.object();
            c.put("Id", names.childArn(name()));
            c.set("Input", input);
            c.put("Name", name());
            c.put("RoleArn", run.options.roleArn());
            c.put("StartTime", ExecutionRun.CONTEXT_TIME.format(startTime));
            c.put("RedriveCount", redriveCount);
            if (redriveTime != null) {
                c.put("RedriveTime", ExecutionRun.CONTEXT_TIME.format(redriveTime));
            }
            executionContext = c;
        }
        return executionContext;
    }

    JsonNode input() {
        return input;
    }

    Instant startTime() {
        return startTime;
    }

    int redriveCount() {
        return redriveCount;
    }

    /**
     * The Map Run redrives this STANDARD child as {@code RedriveExecution} does an execution: its
     * history goes on with {@code ExecutionRedriven}, whose id this returns, and its context object
     * counts the redrive.
     */
    long redriven() {
        redriveCount++;
        redriveTime = run.now();
        executionContext = null;
        if (facts != null) {
            facts.add(new Fact.Redriven(redriveTime));
        }
        return emit(lastId, "ExecutionRedriven", () -> {
            ObjectNode d = EngineJson.object();
            d.put("redriveCount", redriveCount);
            return d;
        });
    }

    /** {@code $$.StateMachine} inside the child: the Map Run's {@code <machine>/<label>}. */
    ObjectNode stateMachineContext() {
        return names.stateMachineContext();
    }

    /**
     * Whether the next event would leave no room for the child's {@code ExecutionFailed}: a child
     * execution has AWS's 25,000-event limit of its own (without it, a child looping through states
     * that take no time would never end).
     */
    boolean atHistoryLimit() {
        return lastId >= ExecutionRun.HISTORY_LIMIT - 1;
    }

    /** Numbers an event; its {@code details} (may be {@code null}) are made only when the history is kept. */
    long emit(long previousEventId, String type, Supplier<ObjectNode> details) {
        lastId++;
        if (history != null) {
            history.append(previousEventId, run.now(), type, details == null ? null : details.get());
        }
        return lastId;
    }

    /**
     * The text of {@code payload} for an event's details, or {@code null} when the history is not
     * kept: then the text is not written, but a payload nested too deep to write fails all the same.
     */
    String text(JsonNode payload) {
        if (history != null) {
            return run.text(payload);
        }
        run.sizeBound(payload);
        return null;
    }

    /** {@code ExecutionStarted} with the iteration's input, as the child's first event. */
    long started() {
        String text = text(input);
        if (facts != null) {
            facts.add(new Fact.Started(startTime, input));
        }
        return emit(0, "ExecutionStarted", () -> {
            ObjectNode d = EngineJson.object();
            d.put("input", text);
            d.set("inputDetails", EngineJson.notTruncated());
            d.put("roleArn", run.options.roleArn());
            return d;
        });
    }

    void succeeded(long previousEventId, JsonNode output) {
        String text = text(output);
        ended(ExecutionStatus.SUCCEEDED, output, null, null);
        emit(previousEventId, "ExecutionSucceeded", () -> {
            ObjectNode d = EngineJson.object();
            d.put("output", text);
            d.set("outputDetails", EngineJson.notTruncated());
            return d;
        });
    }

    void failed(long previousEventId, String error, String cause) {
        ended(ExecutionStatus.FAILED, null, error, cause);
        emit(previousEventId, "ExecutionFailed", () -> errorDetails(error, cause));
    }

    /** The Map Run failed while this child ran: AWS stops it. */
    void aborted() {
        ended(ExecutionStatus.ABORTED, null, null, null);
        emit(lastId, "ExecutionAborted", null);
    }

    private void ended(ExecutionStatus status, JsonNode output, String error, String cause) {
        if (facts != null) {
            facts.add(new Fact.Ended(status, run.now(), output, error, cause));
        }
    }

    /** What the engine recorded of this child, or {@code null} when it is not kept. */
    FactLog facts() {
        return facts;
    }

    static ObjectNode errorDetails(String error, String cause) {
        ObjectNode d = EngineJson.object();
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

    List<Fact> factList() {
        return facts.facts();
    }
}
