package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.facts.AwsHistoryReader;
import dev.aslunit.internal.facts.ExecutionDriver;
import dev.aslunit.internal.facts.ExecutionRecord;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.Trace;
import dev.aslunit.internal.json.UserJson;
import dev.aslunit.internal.pipeline.Models;
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
 * start and stop times, the AWS-format history, and what the engine recorded as it ran (the
 * path, visits, attempts and backoff, catches, Choice decisions, variables, Map iterations, Parallel
 * branches); for an execution read from a recorded history, the same read from its events. A
 * running execution moves on only through this object or its sandbox's clock; once it has ended it
 * no longer changes.
 */
public final class Execution {

    /** AWS's execution statuses. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }

    /** The trace's length in failure messages unless the system property {@code aslunit.trace.maxLines} says otherwise. */
    public static final int DEFAULT_TRACE_LINES = 40;

    static {
        // the model behind the API's objects, for the internals handed them (reports, assertions, CLI)
        Models.grant(new Models.Grant() {
            @Override
            public StateMachineDefinition definition(PreparedStateMachine machine) {
                return machine.definition();
            }

            @Override
            public StateMachineDefinition definition(StateMachineUnderTest sfn) {
                return sfn.definition();
            }

            @Override
            public StateMachineDefinition definition(Execution execution) {
                return execution.definition();
            }

            @Override
            public State stateDefinition(Execution execution, String stateName) {
                return execution.stateDefinition(stateName);
            }

            @Override
            public State definition(ExecutedState state) {
                return state.definition();
            }

            @Override
            public Execution ended(String name, StateMachineDefinition definition, List<HistoryEvent> history,
                    List<Fact> facts) {
                return new Execution(name, definition, ExecutionDriver.ended(history, facts, Map.of()), List::of);
            }
        });
    }

    private final String name;
    private final StateMachineDefinition definition;
    private final ExecutionDriver driver;
    private final Supplier<List<String>> notes;
    private Map<String, State> statesByName;
    private int viewedFacts = -1;
    private ExecutionView view;

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
    static Execution fromHistory(String name, StateMachineDefinition definition, List<HistoryEvent> history) {
        return fromHistory(name, definition, history, Map.of());
    }

    /**
     * As {@link #fromHistory(String, StateMachineDefinition, List)}, with the histories of its Distributed
     * Maps' child executions per Map state name (as {@code ExecutionRun.childExecutions()} gives them).
     */
    static Execution fromHistory(String name, StateMachineDefinition definition, List<HistoryEvent> history,
            Map<String, List<List<HistoryEvent>>> childExecutions) {
        return new Execution(name, definition, ExecutionDriver.recorded(definition, history,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(childExecutions))), List::of);
    }

    /**
     * An execution read from AWS's {@code GetExecutionHistory} output, e.g. saved with
     * {@code aws stepfunctions get-execution-history --execution-arn ... > history.json}: JSON text,
     * a {@link java.nio.file.Path} or {@link java.io.File}, or a {@link JsonNode}; {@code {"events": [...]}}
     * or the bare array. The same assertions then apply to what really ran on AWS.
     */
    public static Execution fromAwsHistory(String name, PreparedStateMachine definition, Object history) {
        return fromAwsHistory(name, definition.definition(), history);
    }

    /** As {@link #fromAwsHistory(String, PreparedStateMachine, Object)}, for the definition of a test's {@code sfn}. */
    public static Execution fromAwsHistory(String name, StateMachineUnderTest definition, Object history) {
        return fromAwsHistory(name, definition.definition(), history);
    }

    static Execution fromAwsHistory(String name, StateMachineDefinition definition, Object history) {
        return fromHistory(name, definition, AwsHistoryReader.read(UserJson.read(history, "The execution history")));
    }

    public String name() {
        return name;
    }

    /** The execution's ARN, or {@code null} for one read from a recorded history. */
    public String executionArn() {
        return driver.executionArn();
    }

    StateMachineDefinition definition() {
        return definition;
    }

    /** The history so far, in AWS's format and order. */
    public List<HistoryEvent> history() {
        return driver.history();
    }

    public Status status() {
        return Status.valueOf(record().status().name());
    }

    public boolean isRunning() {
        return status() == Status.RUNNING;
    }

    /** The execution's input. */
    public JsonNode input() {
        return record().input();
    }

    /** The output of a succeeded execution, else {@code null}. */
    public JsonNode output() {
        return record().output();
    }

    /** The error of a failed, timed-out or aborted execution (as {@code DescribeExecution} has it), else {@code null}. */
    public String error() {
        return record().error();
    }

    public String cause() {
        return record().cause();
    }

    /** Virtual time the execution started. */
    public Instant startTime() {
        return record().startedAt();
    }

    /** Virtual time the execution ended, or {@code null} while it runs. */
    public Instant stopTime() {
        return record().stoppedAt();
    }

    /** Virtual time from start to stop; for a running execution, to the latest thing that happened. */
    public Duration duration() {
        return record().duration();
    }

    /** The states entered at the top level, in order. */
    public List<String> path() {
        return record().top().path();
    }

    /** Every state entered, at any depth (Map iterations, Parallel branches), in history order. */
    public List<String> enteredStates() {
        return view().entered;
    }

    /** Every visit of every state, in history order. */
    public List<StateVisit> visits() {
        return view().inOrder;
    }

    /**
     * The child executions of the Distributed Map states, per Map state name (at any depth), each a
     * run of that Map's item processor in item order; empty unless the sandbox keeps them
     * ({@link StepFunctionsConfig.Builder#keepChildExecutions(boolean)}); else a
     * {@link dev.aslunit.internal.pipeline.ChildExecutionListener} may receive them one by one as they end.
     */
    public Map<String, List<Execution>> childExecutions() {
        Map<String, List<Execution>> out = new LinkedHashMap<>();
        Map<String, List<List<Fact>>> facts = driver.childFacts();
        driver.childExecutions().forEach((mapState, histories) -> {
            StateMachineDefinition processor = itemProcessorOf(mapState);
            List<List<Fact>> recorded = facts.get(mapState);
            List<Execution> children = new ArrayList<>();
            for (List<HistoryEvent> h : histories) {
                children.add(child(processor, mapState, children.size(), h,
                        recorded == null ? null : recorded.get(children.size())));
            }
            out.put(mapState, List.copyOf(children));
        });
        return out;
    }

    StateMachineDefinition itemProcessorOf(String mapState) {
        return ((MapState) stateDefinition(mapState)).itemProcessor();
    }

    /**
     * The {@code index}th child execution of the Distributed Map state {@code mapState}, from what the
     * engine recorded of it, or, for {@code facts} {@code null}, from its history.
     */
    Execution child(StateMachineDefinition processor, String mapState, int index, List<HistoryEvent> history,
            List<Fact> facts) {
        String childName = name + "/" + mapState + "/" + index;
        return facts == null ? fromHistory(childName, processor, history)
                : new Execution(childName, processor, ExecutionDriver.ended(history, facts, Map.of()), List::of);
    }

    /** The named state as this execution saw it; for a name the definition lacks, {@link ExecutedState#exists()} is false. */
    public ExecutedState state(String stateName) {
        return new ExecutedState(this, stateName, statesByName().get(stateName),
                view().byState.getOrDefault(stateName, List.of()));
    }

    /** Every state name of the definition, at any depth, in definition order. */
    public List<String> stateNames() {
        return List.copyOf(statesByName().keySet());
    }

    /** The definition of a state at any depth, or {@code null}. */
    State stateDefinition(String stateName) {
        return statesByName().get(stateName);
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
            for (StateVisit v : view().inOrder) {
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
        return Trace.render(record(), this::stateDefinition, statesWaitingForTaskToken(), notes(), maxLines);
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

    /** The record of what happened so far, folded again only when something new happened. */
    synchronized ExecutionRecord record() {
        return view().record;
    }

    private synchronized ExecutionView view() {
        List<Fact> facts = driver.facts();
        if (view == null || viewedFacts != facts.size()) {
            viewedFacts = facts.size();
            view = new ExecutionView(ExecutionRecord.of(facts));
        }
        return view;
    }

    private synchronized Map<String, State> statesByName() {
        if (statesByName == null) {
            Map<String, State> byName = new LinkedHashMap<>();
            index(definition, byName);
            statesByName = java.util.Collections.unmodifiableMap(byName);
        }
        return statesByName;
    }

    private static void index(StateMachineDefinition machine, Map<String, State> byName) {
        for (State state : machine.states().values()) {
            byName.putIfAbsent(state.name(), state);
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(b -> index(b, byName));
            } else if (state instanceof MapState map && map.itemProcessor() != null) {
                index(map.itemProcessor(), byName);
            }
        }
    }

    static String quoted(List<String> names) {
        return Trace.quoted(names);
    }
}
