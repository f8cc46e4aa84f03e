package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One execution of a state machine, as a test sees it: status, output, error and cause, virtual
 * start and stop times, the AWS-format history, and facts derived from that history alone (the
 * path, visits, attempts and backoff, catches, Choice decisions, variables, Map iterations, Parallel
 * branches). A running execution moves on only through this object or its sandbox's clock; once it
 * has ended it no longer changes.
 */
public final class Execution {

    /** AWS's execution statuses. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }

    /** The trace's length in failure messages unless the system property {@code aslunit.trace.maxLines} says otherwise. */
    public static final int DEFAULT_TRACE_LINES = 40;

    private final String name;
    private final StateMachineDefinition definition;
    private final ExecutionDriver driver;
    private final Supplier<List<String>> notes;
    private List<HistoryEvent> analysedHistory;
    private HistoryAnalysis analysis;

    Execution(String name, StateMachineDefinition definition, ExecutionDriver driver, Supplier<List<String>> notes) {
        this.name = Objects.requireNonNull(name, "name");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.driver = driver;
        this.notes = notes;
    }

    /**
     * An execution read from a history recorded elsewhere (by ASLUnit, or AWS's
     * {@code GetExecutionHistory} converted to {@link HistoryEvent}s), for assertions and traces.
     */
    public static Execution fromHistory(String name, StateMachineDefinition definition, List<HistoryEvent> history) {
        return fromHistory(name, definition, history, Map.of());
    }

    /**
     * As {@link #fromHistory(String, StateMachineDefinition, List)}, with the histories of its Distributed
     * Maps' child executions per Map state name (as {@code ExecutionRun.childExecutions()} gives them).
     */
    public static Execution fromHistory(String name, StateMachineDefinition definition, List<HistoryEvent> history,
            Map<String, List<List<HistoryEvent>>> childExecutions) {
        return new Execution(name, definition, ExecutionDriver.recorded(null, history,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(childExecutions))), List::of);
    }

    /**
     * An execution read from AWS's {@code GetExecutionHistory} output, e.g. saved with
     * {@code aws stepfunctions get-execution-history --execution-arn ... > history.json}: JSON text,
     * a {@link java.nio.file.Path} or {@link java.io.File}, or a {@link JsonNode}; {@code {"events": [...]}}
     * or the bare array. The same assertions then apply to what really ran on AWS.
     */
    public static Execution fromAwsHistory(String name, StateMachineDefinition definition, Object history) {
        return fromHistory(name, definition, AwsHistoryReader.read(JsonValues.fromTest(history, "The execution history")));
    }

    public String name() {
        return name;
    }

    /** The execution's ARN, or {@code null} for one read from a recorded history. */
    public String executionArn() {
        return driver.executionArn();
    }

    public StateMachineDefinition definition() {
        return definition;
    }

    /** The history so far, in AWS's format and order. */
    public List<HistoryEvent> history() {
        return driver.history();
    }

    public Status status() {
        HistoryEvent last = terminalEvent();
        if (last == null) {
            return Status.RUNNING;
        }
        switch (last.type()) {
            case "ExecutionSucceeded":
                return Status.SUCCEEDED;
            case "ExecutionFailed":
                return Status.FAILED;
            case "ExecutionTimedOut":
                return Status.TIMED_OUT;
            default:
                return Status.ABORTED;
        }
    }

    public boolean isRunning() {
        return status() == Status.RUNNING;
    }

    /** The execution's input, from {@code ExecutionStarted}. */
    public JsonNode input() {
        List<HistoryEvent> h = history();
        return h.isEmpty() || h.get(0).details() == null ? null : JsonValues.fromHistory(h.get(0).details().get("input"));
    }

    /** The output of a succeeded execution, else {@code null}. */
    public JsonNode output() {
        HistoryEvent last = terminalEvent();
        return last != null && last.type().equals("ExecutionSucceeded") && last.details() != null
                ? JsonValues.fromHistory(last.details().get("output")) : null;
    }

    /** The error of a failed, timed-out or aborted execution (as {@code DescribeExecution} has it), else {@code null}. */
    public String error() {
        HistoryEvent last = terminalEvent();
        return last == null || last.type().equals("ExecutionSucceeded") ? null : HistoryAnalysis.text(last.details(), "error");
    }

    public String cause() {
        HistoryEvent last = terminalEvent();
        if (last == null || last.type().equals("ExecutionSucceeded") || last.details() == null
                || !last.details().hasNonNull("cause")) {
            return null;
        }
        JsonNode cause = last.details().get("cause");
        return cause.isTextual() ? cause.asText() : cause.toString();
    }

    /** Virtual time of {@code ExecutionStarted}. */
    public Instant startTime() {
        List<HistoryEvent> h = history();
        return h.isEmpty() ? null : h.get(0).timestamp();
    }

    /** Virtual time the execution ended, or {@code null} while it runs. */
    public Instant stopTime() {
        HistoryEvent last = terminalEvent();
        return last == null ? null : last.timestamp();
    }

    /** Virtual time from start to stop; for a running execution, to its latest event. */
    public Duration duration() {
        List<HistoryEvent> h = history();
        return h.isEmpty() ? Duration.ZERO : Duration.between(h.get(0).timestamp(), h.get(h.size() - 1).timestamp());
    }

    /** The states entered at the top level, in order. */
    public List<String> path() {
        return analysis().top.path();
    }

    /** Every state entered, at any depth (Map iterations, Parallel branches), in history order. */
    public List<String> enteredStates() {
        return List.copyOf(analysis().entered);
    }

    /** Every visit of every state, in history order. */
    public List<StateVisit> visits() {
        return List.copyOf(analysis().visits);
    }

    /**
     * The child executions of the Distributed Map states, per Map state name (at any depth), each a
     * run of that Map's item processor in item order; empty unless the sandbox keeps them
     * ({@link StepFunctionsConfig.Builder#keepChildExecutions(boolean)}); else a
     * {@link ChildExecutionListener} may receive them one by one as they end.
     */
    public Map<String, List<Execution>> childExecutions() {
        Map<String, List<Execution>> out = new LinkedHashMap<>();
        driver.childExecutions().forEach((mapState, histories) -> {
            StateMachineDefinition processor = itemProcessorOf(mapState);
            List<Execution> children = new ArrayList<>();
            for (List<HistoryEvent> h : histories) {
                children.add(child(processor, mapState, children.size(), h));
            }
            out.put(mapState, List.copyOf(children));
        });
        return out;
    }

    StateMachineDefinition itemProcessorOf(String mapState) {
        return ((MapState) stateDefinition(mapState)).itemProcessor();
    }

    /** The {@code index}th child execution of the Distributed Map state {@code mapState}. */
    Execution child(StateMachineDefinition processor, String mapState, int index, List<HistoryEvent> history) {
        return fromHistory(name + "/" + mapState + "/" + index, processor, history);
    }

    /** The named state as this execution saw it; for a name the definition lacks, {@link ExecutedState#exists()} is false. */
    public ExecutedState state(String stateName) {
        HistoryAnalysis a = analysis();
        return new ExecutedState(this, stateName, a.statesByName.get(stateName),
                a.visitsByState.getOrDefault(stateName, List.of()));
    }

    /** Every state name of the definition, at any depth, in definition order. */
    public List<String> stateNames() {
        return List.copyOf(analysis().statesByName.keySet());
    }

    /** The definition of a state at any depth, or {@code null}. */
    public State stateDefinition(String stateName) {
        return analysis().statesByName.get(stateName);
    }

    /** The names of the states waiting for a task token, in the order they started waiting. */
    public List<String> statesWaitingForTaskToken() {
        List<String> states = new ArrayList<>();
        for (String s : driver.pendingTaskTokens().values()) {
            if (!states.contains(s)) {
                states.add(s);
            }
        }
        if (states.isEmpty() && isRunning()) {
            // a recorded history has no live tokens: a token task whose attempt never ended is waiting
            for (StateVisit v : analysis().visits) {
                TaskAttempt a = v.lastAttempt();
                if (!v.exited() && a != null && a.outcome() == TaskAttempt.Outcome.RUNNING && a.resource() != null
                        && a.resource().endsWith(".waitForTaskToken") && !states.contains(v.stateName())) {
                    states.add(v.stateName());
                }
            }
        }
        return states;
    }

    /**
     * The task token a state is waiting for (the first, for a state waiting in several Map iterations).
     *
     * @throws IllegalStateException when no token is pending for that state, naming those that are
     */
    public TaskToken taskToken(String stateName) {
        List<TaskToken> tokens = taskTokens(stateName);
        if (tokens.isEmpty() && !driver.isLive()) {
            throw new IllegalStateException("Execution \"" + name + "\" was read from a recorded history: nothing runs"
                    + " it, so it has no task tokens to send.");
        }
        if (tokens.isEmpty()) {
            List<String> waiting = statesWaitingForTaskToken();
            throw new IllegalStateException("Execution \"" + name + "\" has no task token pending for state \""
                    + stateName + "\"; " + (waiting.isEmpty()
                    ? "no state is waiting for a token (status " + status() + ")."
                    : "states waiting for a token: " + quoted(waiting) + ".")
                    + (stateDefinition(stateName) == null ? "\nThe definition has no state named \"" + stateName + "\"." : ""));
        }
        return tokens.get(0);
    }

    /** Every task token pending for a state (several when it waits in several Map iterations or branches). */
    public List<TaskToken> taskTokens(String stateName) {
        List<TaskToken> tokens = new ArrayList<>();
        for (Map.Entry<String, String> e : driver.pendingTaskTokens().entrySet()) {
            if (e.getValue().equals(stateName)) {
                tokens.add(new TaskToken(this, e.getKey(), stateName));
            }
        }
        return tokens;
    }

    /**
     * Runs the execution until it ends or only a callback from the test can move it on (then it
     * stays {@link Status#RUNNING}); virtual time advances as far as needed. Returns this execution.
     */
    public Execution awaitCompletion() {
        driver.awaitCompletion();
        return this;
    }

    /** A readable, virtual-time account of the execution, at most {@code maxLines} lines. */
    public String trace(int maxLines) {
        return StateTrace.render(this, maxLines);
    }

    /** The trace at the length configured by {@code -Daslunit.trace.maxLines} (default {@value #DEFAULT_TRACE_LINES}). */
    public String trace() {
        return trace(Integer.getInteger("aslunit.trace.maxLines", DEFAULT_TRACE_LINES));
    }

    /** Lines the sandbox adds under the trace, such as how each mock was scripted. */
    List<String> notes() {
        return notes.get();
    }

    ExecutionDriver driver() {
        return driver;
    }

    @Override
    public String toString() {
        return "Execution \"" + name + "\" (" + status() + ")";
    }

    private HistoryEvent terminalEvent() {
        List<HistoryEvent> h = history();
        if (h.isEmpty()) {
            return null;
        }
        HistoryEvent last = h.get(h.size() - 1);
        String t = last.type();
        return t.equals("ExecutionSucceeded") || t.equals("ExecutionFailed") || t.equals("ExecutionTimedOut")
                || t.equals("ExecutionAborted") ? last : null;
    }

    private synchronized HistoryAnalysis analysis() {
        List<HistoryEvent> h = history();
        if (analysis == null || analysedHistory == null || analysedHistory.size() != h.size()) {
            analysedHistory = List.copyOf(h);
            analysis = new HistoryAnalysis(definition, analysedHistory);
        }
        return analysis;
    }

    static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
        }
        return sb.toString();
    }
}
