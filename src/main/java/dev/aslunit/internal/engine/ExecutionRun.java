package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.FactLog;
import dev.aslunit.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.clock.SeededRandom;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.history.HistoryRecorder;
import dev.aslunit.internal.jsonata.VariableScope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution of a {@link CompiledStateMachine} on a {@link VirtualScheduler}: its status, result
 * and AWS-format history, and the callbacks a test sends to its waiting tasks. Nothing runs until
 * the scheduler runs ({@link #awaitCompletion()} does that).
 */
public final class ExecutionRun {

    /** AWS's hard limit of events in one execution's history. */
    public static final int HISTORY_LIMIT = 25_000;
    /** How long an EXPRESS execution may run. */
    static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);
    /** AWS redrives executions that ended at most this long ago, at most {@link #MAX_REDRIVES} times. */
    static final Duration REDRIVE_PERIOD = Duration.ofDays(14);
    static final int MAX_REDRIVES = 1000;
    /** AWS's longest open time of an execution, over all its redrives. */
    static final Duration MAX_OPEN_TIME = Duration.ofDays(365);
    /** AWS's times in the context object and the Map Run's result files: UTC, milliseconds. */
    static final DateTimeFormatter CONTEXT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A start time and its {@link #CONTEXT_TIME} text; immutable, so threads can share the last one. */
    private record FormattedTime(Instant time, String text) {
    }

    private static volatile FormattedTime lastStart;

    /**
     * {@link #CONTEXT_TIME}'s text of {@code time}, kept for the next execution: most executions of a
     * batch or a test class start at the same virtual instant, and formatting it each time, in code
     * that a few hundred calls leave uncompiled, was 2% of the suite run's main thread.
     */
    private static String startTimeText(Instant time) {
        FormattedTime last = lastStart;
        if (last == null || !last.time().equals(time)) {
            last = new FormattedTime(time, CONTEXT_TIME.format(time));
            lastStart = last;
        }
        return last.text();
    }

    final CompiledStateMachine machine;
    final ExecutionOptions options;
    final VirtualScheduler scheduler;
    final SeededRandom random;
    private final HistoryRecorder history = new HistoryRecorder();
    final FactLog facts = new FactLog();
    private final String name;
    private final String executionArn;
    private final Instant startTime;
    private final ObjectNode executionContext;
    private final ObjectNode stateMachineContext;
    private final Map<String, TaskCallback> callbacks = new LinkedHashMap<>();
    /** What the action under way left for when it has done everything it does at once: see {@link #afterStep}. */
    private final ArrayDeque<Runnable> afterStep = new ArrayDeque<>();
    private final Map<String, Integer> invocations = new HashMap<>();
    /** Per Distributed Map state, its child executions in the order they started, when the options keep them. */
    private final Map<String, List<ChildExecution>> children = new LinkedHashMap<>();
    /** The child executions running now that the listener will receive, each with its Map state's name. */
    private final Map<ChildExecution, String> streamed = new LinkedHashMap<>();

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private JsonNode output;
    private String error;
    private String cause;
    private Instant stopTime;
    private Frame top;
    private int redriveCount;
    private Instant redriveTime;
    /** Bumped by a redrive: actions scheduled before it belong to the attempt that ended. */
    private int attempt;
    /** Whether the end of AWS's one-year maximum duration is scheduled (only once something waits past it). */
    private boolean maxDurationArmed;
    private JsonNode lastTextNode;
    private String lastText;
    private JsonNode lastBoundNode;
    private long lastBound;
    private Instant lastEnteredTime;
    private String lastEnteredText;

    ExecutionRun(CompiledStateMachine machine, ExecutionOptions options, VirtualScheduler scheduler) {
        this.machine = machine;
        this.options = options;
        this.scheduler = scheduler;
        this.random = new SeededRandom(options.seed());
        this.name = options.executionName() != null ? options.executionName() : random.uuid().toString();
        String smArn = machine.arn(options);
        // an EXPRESS execution's ARN carries a run id after its name
        this.executionArn = "arn:aws:states:" + options.region() + ":" + options.accountId() + ":"
                + (options.type() == StateMachineType.EXPRESS
                        ? "express:" + machine.name() + ":" + name + ":" + random.uuid()
                        : "execution:" + machine.name() + ":" + name);
        this.startTime = scheduler.now();
        this.executionContext = EngineJson.object();
        executionContext.put("Id", executionArn);
        executionContext.set("Input", options.input());
        executionContext.put("Name", name);
        executionContext.put("RoleArn", options.roleArn());
        executionContext.put("StartTime", startTimeText(startTime));
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = EngineJson.object();
        stateMachineContext.put("Id", smArn);
        stateMachineContext.put("Name", machine.name());
    }

    void begin() {
        String input = text(options.input());
        // StartExecution refuses such input before an execution exists, so no history: AWS's
        // ValidationException on the member's length, told as the caller's mistake.
        if (TaskStep.exceedsPayloadLimit(input)) {
            throw new ExecutionInputException("The execution input is "
                    + input.getBytes(StandardCharsets.UTF_8).length + " bytes: AWS's StartExecution refuses input over "
                    + TaskStep.PAYLOAD_LIMIT_BYTES + " bytes (256 KiB) with a ValidationException. Pass a smaller input, "
                    + "or a reference to the data (an S3 key) as AWS's quotas page advises.");
        }
        ObjectNode d = EngineJson.object();
        d.put("input", input);
        d.set("inputDetails", EngineJson.notTruncated());
        d.put("roleArn", options.roleArn());
        emit(0, "ExecutionStarted", d);
        facts.add(new Fact.Started(startTime, options.input()));
        armTimeout();
        top = new Frame(this, null, machine.top(), VariableScope.root(), new Frame.Listener() {
            @Override
            public void succeeded(Frame frame, JsonNode out) {
                ObjectNode details = EngineJson.object();
                details.put("output", text(out));
                details.set("outputDetails", EngineJson.notTruncated());
                finish(ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", details, out, frame.lastEventId);
            }

            @Override
            public void failed(Frame frame, String err, String cse) {
                failExecution(frame.lastEventId, err, cse);
            }
        }, null, null, 0);
        at(startTime, () -> top.start(options.input()));
    }

    /** The machine's {@code TimeoutSeconds} (at most 5 minutes for EXPRESS), counted from now. */
    private void armTimeout() {
        Integer timeout = machine.timeoutSeconds();
        Duration limit = timeout == null ? null : Duration.ofSeconds(timeout);
        if (options.type() == StateMachineType.EXPRESS && (limit == null || limit.compareTo(EXPRESS_LIMIT) > 0)) {
            limit = EXPRESS_LIMIT;
        }
        if (limit != null) {
            at(scheduler.now().plus(limit), () -> finish(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", null, null,
                    lastEventId()));
        }
    }

    // ------------------------------------------------------------------ public API

    public ExecutionStatus status() {
        return status;
    }

    public boolean isDone() {
        return status != ExecutionStatus.RUNNING;
    }

    /** The execution's output: {@code null} unless it succeeded. */
    public JsonNode output() {
        return output;
    }

    /** The error name as {@code DescribeExecution} has it, or {@code null}. */
    public String error() {
        return error;
    }

    /** The cause as {@code DescribeExecution} has it, or {@code null}. */
    public String cause() {
        return cause;
    }

    /** What the engine recorded so far, oldest first; a live, read-only view. */
    public List<Fact> facts() {
        return facts.facts();
    }

    /** The history so far, oldest first; a live, read-only view. */
    public List<HistoryEvent> history() {
        return history.events();
    }

    public Instant startTime() {
        return startTime;
    }

    /** When the execution ended, or {@code null} while it runs. */
    public Instant stopTime() {
        return stopTime;
    }

    public String executionArn() {
        return executionArn;
    }

    public String name() {
        return name;
    }

    public ExecutionOptions options() {
        return options;
    }

    /**
     * The histories of the child executions the Distributed Map states started, per Map state name,
     * each Map state's in the order its iterations started (item order; a retried Map state's
     * children follow the earlier attempt's); empty unless {@link ExecutionOptions#keepChildExecutions()}
     * (else their {@link ExecutionOptions#childExecutionListener()} received them).
     */
    public Map<String, List<List<HistoryEvent>>> childExecutions() {
        Map<String, List<List<HistoryEvent>>> out = new LinkedHashMap<>();
        children.forEach((state, list) -> out.put(state, list.stream().map(ChildExecution::events).toList()));
        return Collections.unmodifiableMap(out);
    }

    /** What the engine recorded of the same child executions, in the same order as {@link #childExecutions()}. */
    public Map<String, List<List<Fact>>> childFacts() {
        Map<String, List<List<Fact>>> out = new LinkedHashMap<>();
        children.forEach((state, list) -> out.put(state, list.stream().map(ChildExecution::factList).toList()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Hands the child executions still running to the {@link ExecutionOptions#childExecutionListener()}
     * now, as far as they got, as the end of the execution does: for a caller that is done with an
     * execution that waits for a callback. A child handed over is not handed over again when it ends.
     */
    public void handOverRunningChildExecutions() {
        for (ChildExecution child : List.copyOf(streamed.keySet())) {
            childEnded(child);
        }
    }

    /** Tokens of the tasks waiting for a callback, each with its state's name, oldest first. */
    public Map<String, String> pendingTaskTokens() {
        Map<String, String> out = new LinkedHashMap<>();
        callbacks.forEach((token, cb) -> out.put(token, cb.stateName()));
        return Collections.unmodifiableMap(out);
    }

    /** {@code SendTaskSuccess}: the waiting task succeeds with {@code result} at the current virtual time. */
    public void sendTaskSuccess(String token, JsonNode result) {
        callback(token).succeed(result);
        runAfterStep();
    }

    /** {@code SendTaskFailure}. */
    public void sendTaskFailure(String token, String error, String cause) {
        callback(token).fail(error, cause);
        runAfterStep();
    }

    /** {@code SendTaskHeartbeat}: restarts the task's {@code HeartbeatSeconds} timer. */
    public void sendTaskHeartbeat(String token) {
        callback(token).heartbeat();
    }

    /** {@code StopExecution}: the execution ends ABORTED with {@code error} and {@code cause} (both optional). */
    public void stop(String error, String cause) {
        if (isDone()) {
            throw new IllegalStateException("Execution " + name + " has already ended with status " + status);
        }
        ObjectNode d = EngineJson.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        finish(ExecutionStatus.ABORTED, "ExecutionAborted", d, null, lastEventId());
        this.error = error;
        this.cause = cause;
    }

    /** How often the execution has been redriven ({@code $$.Execution.RedriveCount}). */
    public int redriveCount() {
        return redriveCount;
    }

    /** When the execution was last redriven, or {@code null}. */
    public Instant redriveTime() {
        return redriveTime;
    }

    /**
     * Why {@link #redrive()} would refuse, in AWS's words ({@code redriveStatusReason}), or
     * {@code null} when the execution may be redriven: a STANDARD execution that ended FAILED,
     * TIMED_OUT or ABORTED at most 14 days ago and started less than a year ago, with room left in its
     * history, redriven fewer than 1,000 times.
     */
    public String notRedrivableReason() {
        if (options.type() == StateMachineType.EXPRESS) {
            return "Execution is of type EXPRESS and cannot be redriven";
        }
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED) {
            return "Execution is " + status + " and cannot be redriven";
        }
        if (history.size() >= HISTORY_LIMIT - 1) {
            return "Execution history event limit exceeded";
        }
        if (Duration.between(startTime, scheduler.now()).compareTo(MAX_OPEN_TIME) >= 0) {
            return "Execution has exceeded the max execution time";
        }
        if (Duration.between(stopTime, scheduler.now()).compareTo(REDRIVE_PERIOD) > 0) {
            return "Execution redrivable period exceeded";
        }
        if (redriveCount >= MAX_REDRIVES) {
            return "Execution has been redriven " + MAX_REDRIVES + " times, the maximum";
        }
        if (top == null || !top.canRedrive()) {
            return "Execution ended before it entered a state";
        }
        return null;
    }

    /**
     * {@code RedriveExecution}: the execution runs again from the top-level state it stopped in, with
     * that state's original input, continuing the same history after an {@code ExecutionRedriven}
     * event; the states that succeeded before keep their results. A Map or Parallel state it stopped
     * in runs again as a whole.
     *
     * @throws IllegalStateException when {@link #notRedrivableReason()} says why not
     */
    public void redrive() {
        String reason = notRedrivableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        attempt++;
        redriveCount++;
        redriveTime = scheduler.now();
        executionContext.put("RedriveCount", redriveCount);
        executionContext.put("RedriveTime", CONTEXT_TIME.format(redriveTime));
        status = ExecutionStatus.RUNNING;
        output = null;
        error = null;
        cause = null;
        stopTime = null;
        ObjectNode d = EngineJson.object();
        d.put("redriveCount", redriveCount);
        long redriven = emit(lastEventId(), "ExecutionRedriven", d);
        facts.add(new Fact.Redriven(redriveTime));
        armTimeout();
        at(scheduler.now(), () -> top.redrive(redriven));
    }

    /**
     * Runs the scheduler until this execution has ended, or until nothing but a callback from outside
     * could move it: then it returns with status {@link ExecutionStatus#RUNNING} and
     * {@link #pendingTaskTokens()} says who waits.
     */
    public ExecutionRun awaitCompletion() {
        while (!isDone() && scheduler.runNext()) {
            // each step runs one scheduled action
        }
        return this;
    }

    // ------------------------------------------------------------------ engine internals

    /**
     * Runs {@code action} at {@code at} unless the execution has ended by then. Nothing runs past the
     * quota "Maximum execution time: 1 year" (a Wait, a backoff, a task's latency or its default
     * timeout): the execution times out then, as AWS ends it with {@code States.Timeout}. Armed only
     * when something is due later, so a task waiting for a callback that never comes still leaves the
     * execution RUNNING once the clock has nothing left to do.
     */
    void at(Instant at, Runnable action) {
        Instant deadline = startTime.plus(MAX_OPEN_TIME);
        if (at.isAfter(deadline)) {
            if (!maxDurationArmed) {
                maxDurationArmed = true;
                // the quotas page: past the 1-year maximum an execution "will fail with a States.Timeout error"
                scheduler.schedule(deadline, () -> {
                    error = Errors.TIMEOUT;
                    finish(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", ChildExecution.errorDetails(Errors.TIMEOUT, null),
                            null, lastEventId());
                });
            }
            return;
        }
        int scheduledIn = attempt;
        scheduler.schedule(at, () -> {
            if (!isDone() && scheduledIn == attempt) {
                action.run();
                runAfterStep();
            }
        });
    }

    /**
     * Runs {@code action} at this instant once the action under way (a scheduled one or a callback)
     * has done everything it does at once, so that what it made runnable meanwhile comes first: the
     * other iterations of a Map and branches of a Parallel reach their {@code TaskScheduled} before
     * any {@code TaskStarted}, as AWS's histories show. Nothing goes on the clock for it, so whoever
     * runs the scheduler until a task token is pending sees the whole instant.
     */
    void afterStep(Runnable action) {
        afterStep.add(action);
    }

    private void runAfterStep() {
        for (Runnable action = afterStep.poll(); action != null; action = afterStep.poll()) {
            if (isDone()) {
                afterStep.clear();
                return;
            }
            action.run();
        }
    }

    Instant now() {
        return scheduler.now();
    }

    /**
     * The JSON text of a payload for an event. A state's output is usually the next state's input,
     * the very same node: the text written for one is reused for the other.
     */
    String text(JsonNode node) {
        if (node != lastTextNode) {
            lastText = EngineJson.text(node);
            lastTextNode = node;
        }
        return lastText;
    }

    /** {@link EngineJson#sizeBound}, like {@link #text} kept for the node that is a state's output and the next one's input. */
    long sizeBound(JsonNode node) {
        if (node != lastBoundNode) {
            lastBound = EngineJson.sizeBound(node);
            lastBoundNode = node;
        }
        return lastBound;
    }

    long emit(long previousEventId, String type, ObjectNode details) {
        if (isDone()) {
            return previousEventId;
        }
        if (history.size() >= HISTORY_LIMIT - 1) {
            failExecution(previousEventId, Errors.RUNTIME, historyLimitCause(type));
            return history.size();
        }
        return history.append(previousEventId, scheduler.now(), type, details);
    }

    /** Why an execution (or a Distributed Map's child execution) failed at the event limit. */
    static String historyLimitCause(String type) {
        return "The execution reached AWS's limit of " + HISTORY_LIMIT + " history events, while writing " + type + ".";
    }

    void failExecution(long previousEventId, String err, String cse) {
        ObjectNode d = ChildExecution.errorDetails(err, cse);
        finish(ExecutionStatus.FAILED, "ExecutionFailed", d, null, previousEventId);
        this.error = err;
        this.cause = cse;
    }

    private void finish(ExecutionStatus end, String type, ObjectNode details, JsonNode out, long previousEventId) {
        if (isDone()) {
            return;
        }
        history.append(previousEventId, scheduler.now(), type, details);
        facts.add(new Fact.Ended(end, scheduler.now(), out, text(details, "error"), text(details, "cause")));
        status = end;
        output = out;
        stopTime = scheduler.now();
        callbacks.clear();
        // the children still running stop with the execution
        handOverRunningChildExecutions();
    }

    private static String text(ObjectNode details, String field) {
        return details != null && details.hasNonNull(field) ? details.get(field).asText() : null;
    }

    private long lastEventId() {
        return history.size();
    }

    /**
     * The context object ({@code $$}) as {@code state} sees it: inside a Distributed Map's child
     * execution, that child's {@code Execution} and {@code StateMachine}.
     */
    ObjectNode contextObject(StateRun state, ObjectNode mapItem) {
        ChildExecution child = state.frame.child;
        ObjectNode ctx = EngineJson.object();
        ctx.set("Execution", child != null ? child.executionContext() : executionContext);
        ObjectNode s = ctx.putObject("State");
        s.put("EnteredTime", enteredTime(state.enteredTime));
        s.put("Name", state.name);
        if (state.countsRetries) {
            s.put("RetryCount", state.retryCount);
        }
        ctx.set("StateMachine", child != null ? child.stateMachineContext() : stateMachineContext);
        if (state.taskToken != null) {
            ctx.putObject("Task").put("Token", state.taskToken);
        }
        ObjectNode item = mapItem != null ? mapItem : state.frame.mapItem();
        if (item != null) {
            ctx.putObject("Map").set("Item", item);
        }
        return options.contextObject() == null ? ctx : options.contextObject().apply(ctx);
    }

    /**
     * {@code $$.State.EnteredTime}: formatting a time costs more than the rest of a context object,
     * and a Map's items (all entered at the Map's time) or a loop on a still clock ask for the same one.
     */
    private String enteredTime(Instant time) {
        if (!time.equals(lastEnteredTime)) {
            lastEnteredText = CONTEXT_TIME.format(time);
            lastEnteredTime = time;
        }
        return lastEnteredText;
    }

    /**
     * A new child execution of the Distributed Map state {@code mapState}, for the item at {@code index}
     * with {@code input}: kept if the options say so,
     * else handed to their listener, if any, when it ends; it records its history for either.
     */
    ChildExecution childExecution(String mapState, MapRunNames names, int index, JsonNode input) {
        boolean keep = options.keepChildExecutions();
        boolean stream = streamsChildren();
        ChildExecution child = new ChildExecution(this, keep || stream, names, index, input);
        if (keep) {
            children.computeIfAbsent(mapState, k -> new java.util.ArrayList<>()).add(child);
        } else if (stream) {
            streamed.put(child, mapState);
        }
        return child;
    }

    /** A redriven {@code child} writes again: the listener gets its whole history once it ends again. */
    void childRedriven(ChildExecution child, String mapState) {
        if (streamsChildren()) {
            streamed.put(child, mapState);
        }
    }

    /** Whether children are handed to the listener as they end: only those the run does not keep. */
    private boolean streamsChildren() {
        return !options.keepChildExecutions() && options.childExecutionListener() != null;
    }

    /** {@code child} wrote its last event: the listener gets it, and the run forgets it. */
    void childEnded(ChildExecution child) {
        String mapState = streamed.remove(child);
        if (mapState != null) {
            options.childExecutionListener().accept(mapState, new EndedChild(child.events(), child.factList()));
        }
    }

    /** 0-based count of earlier invocations of {@code stateName}'s resource (Step Functions Local's counter). */
    int nextInvocation(String stateName) {
        return invocations.merge(stateName, 1, Integer::sum) - 1;
    }

    String newTaskToken() {
        return random.uuid().toString().replace("-", "") + random.uuid().toString().replace("-", "");
    }

    void awaitCallback(String token, TaskCallback callback) {
        callbacks.put(token, callback);
    }

    void forgetCallback(String token) {
        callbacks.remove(token);
    }

    private TaskCallback callback(String token) {
        TaskCallback cb = callbacks.get(token);
        if (cb == null) {
            throw new IllegalArgumentException("No task of execution " + name + " waits for token " + token
                    + (callbacks.isEmpty() ? " (none waits)" : "; waiting: " + pendingTaskTokens()));
        }
        return cb;
    }
}
