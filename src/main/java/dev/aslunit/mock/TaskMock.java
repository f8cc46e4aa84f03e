package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The scripted answers of one Task state (or of every Task with a matching resource), and the
 * handle to verify its calls: it is a builder and a handle in one object.
 *
 * <pre>{@code
 * sfn.mock("ChargePayment")
 *    .fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
 *    .thenReturns("""
 *        {"paymentId": "pay-1"}""");
 * }</pre>
 *
 * <p>Answers are used in order; each answers once per call until its {@link #times(int)} are used
 * up, and the last answer without {@code times} repeats. {@link #when(String)} starts answers for
 * the calls whose input matches; calls no condition matches take the answers given before the first
 * {@code when} (or after {@link #otherwise()}). Counting runs across every call of this mock in a
 * test, retries and Map iterations included.
 *
 * <p>For {@code arn:aws:states:::lambda:invoke}, {@code returns(x)} is the function's
 * {@code Payload}, and AWS's wrapper ({@code ExecutedVersion}, {@code SdkHttpMetadata},
 * {@code StatusCode}, ...) is added; give AWS's whole response with
 * {@link TaskResults#wholeResponse}. For a {@code .waitForTaskToken} task, an answer is the callback
 * the task receives: {@code returns(x).after(d)} is {@link #sendsTaskSuccessAfter}.
 */
public final class TaskMock {

    private final String stateName;
    private final String resourcePattern;
    private final TaskState state;
    private final String declaredAt;
    private final List<Script> scripts = new ArrayList<>();
    private final List<TaskCall> calls = new ArrayList<>();
    private Script current;

    TaskMock(String stateName, String resourcePattern, TaskState state, String declaredAt) {
        this.stateName = stateName;
        this.resourcePattern = resourcePattern;
        this.state = state;
        this.declaredAt = declaredAt;
        this.current = new Script(null, null);
        scripts.add(current);
    }

    // ------------------------------------------------------------------ answers

    /** The task returns this JSON (for {@code lambda:invoke}: the {@code Payload}). */
    public TaskMock returns(String json) {
        return then(new Fixed(TaskResult.success(Json.parse(json, "returns(...) of " + this), false)));
    }

    /** The task returns this JSON (for {@code lambda:invoke}: the {@code Payload}). */
    public TaskMock returns(JsonNode json) {
        return then(new Fixed(TaskResult.success(Objects.requireNonNull(json, "json"), false)));
    }

    /** The task returns the JSON in this file (for {@code lambda:invoke}: the {@code Payload}). */
    public TaskMock returns(Path file) {
        return then(new Fixed(TaskResult.success(Json.read(file, "returns(...) of " + this), false)));
    }

    /** The task answers this result or error, e.g. {@code TaskResults.httpResponse(201, "{...}")}. */
    public TaskMock returns(TaskResult result) {
        return then(new Fixed(Objects.requireNonNull(result, "result")));
    }

    /** The task fails with {@code error} (what Retry and Catch match) and {@code cause}. */
    public TaskMock fails(String error, String cause) {
        return then(new Fixed(TaskResult.failure(Objects.requireNonNull(error, "error"), cause)));
    }

    /** The task's answer is computed from the call (input, attempt, time, ...). */
    public TaskMock answers(TaskAnswer answer) {
        return then(new Computed(Objects.requireNonNull(answer, "answer")));
    }

    /** Then the task returns this JSON; reads as the next answer in a sequence. */
    public TaskMock thenReturns(String json) {
        return returns(json);
    }

    public TaskMock thenReturns(JsonNode json) {
        return returns(json);
    }

    public TaskMock thenReturns(TaskResult result) {
        return returns(result);
    }

    /** Then the task fails; reads as the next answer in a sequence. */
    public TaskMock thenFails(String error, String cause) {
        return fails(error, cause);
    }

    /** Then the answer is computed from the call. */
    public TaskMock thenAnswers(TaskAnswer answer) {
        return answers(answer);
    }

    /**
     * The task never answers: a {@code TimeoutSeconds} or {@code HeartbeatSeconds} fires, or, for a
     * {@code .waitForTaskToken} task, the test sends the callback itself.
     */
    public TaskMock neverAnswers() {
        return then(new Silent());
    }

    /**
     * For a {@code .waitForTaskToken} task: the message is sent, and the task waits for the test to
     * send success, failure or heartbeats with its token.
     */
    public TaskMock waitsForCallback() {
        requireTokenTask("waitsForCallback()");
        return then(new Silent());
    }

    /** For a {@code .waitForTaskToken} task: {@code SendTaskSuccess} with {@code json}, {@code after} the call. */
    public TaskMock sendsTaskSuccessAfter(Duration after, String json) {
        requireTokenTask("sendsTaskSuccessAfter(...)");
        return returns(TaskResults.wholeResponse(Json.parse(json, "sendsTaskSuccessAfter(...) of " + this))).after(after);
    }

    /** For a {@code .waitForTaskToken} task: {@code SendTaskFailure} with {@code error}, {@code cause}, {@code after} the call. */
    public TaskMock sendsTaskFailureAfter(Duration after, String error, String cause) {
        requireTokenTask("sendsTaskFailureAfter(...)");
        return fails(error, cause).after(after);
    }

    // ------------------------------------------------------------------ modifiers of the last answer

    /** The last answer is given for {@code n} calls, then the next answer takes over. */
    public TaskMock times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(" + n + ") on " + this + ": the count must be 1 or more.");
        }
        last("times(" + n + ")").times = n;
        return this;
    }

    /** The last answer arrives {@code latency} of virtual time after the call (timeouts run against it). */
    public TaskMock after(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("after(" + latency + ") on " + this + ": the latency must be zero or more.");
        }
        Step step = last("after(" + latency + ")");
        if (step.reply instanceof Silent) {
            throw new IllegalStateException("after(...) on " + this + " follows an answer that never comes;"
                    + " give a result or an error to delay.");
        }
        step.latency = latency;
        return this;
    }

    // ------------------------------------------------------------------ conditions

    /**
     * The answers that follow are for calls whose input has a match for {@code jsonPath} that is
     * not {@code null} or {@code false}, e.g. {@code when("$.order[?(@.total > 1000)]")} or
     * {@code when("$.express")}.
     */
    public TaskMock when(String jsonPath) {
        JsonPath path = compile(jsonPath);
        return startScript(call -> Conditions.matches(path, call.input()), jsonPath);
    }

    /** The answers that follow are for calls whose input has {@code expected} at {@code jsonPath}. */
    public TaskMock when(String jsonPath, Object expected) {
        JsonPath path = compile(jsonPath);
        JsonNode value = Json.mapper().valueToTree(expected);
        return startScript(call -> Conditions.equalsAt(path, call.input(), value), jsonPath + " = " + value);
    }

    /** The answers that follow are for calls the predicate accepts. */
    public TaskMock when(Predicate<TaskCall> predicate) {
        return startScript(Objects.requireNonNull(predicate, "predicate"), "a Java predicate");
    }

    /** The answers that follow are for calls no {@code when} matches. */
    public TaskMock otherwise() {
        current = scripts.get(0);
        return this;
    }

    // ------------------------------------------------------------------ verification

    /** Every call of this mock, in order. */
    public synchronized List<TaskCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized int callCount() {
        return calls.size();
    }

    /** The state this mock answers, or {@code null} for a resource mock. */
    public String stateName() {
        return stateName;
    }

    /** The resource (ARN or glob) this mock answers, or {@code null} for a state mock. */
    public String resourcePattern() {
        return resourcePattern;
    }

    /** Where the test declared this mock, e.g. {@code OrderTest.java:41}, or {@code null}. */
    public String declaredAt() {
        return declaredAt;
    }

    /** {@code mock("Pay")}, or {@code mockResource("arn:...")}. */
    @Override
    public String toString() {
        return stateName != null ? "mock(\"" + stateName + "\")" : "mockResource(\"" + resourcePattern + "\")";
    }

    /** The script in words, e.g. {@code fails with X ×2, then returns {...}}. */
    public synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        for (Script script : scripts) {
            if (script.steps.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            if (script.condition != null) {
                sb.append("when ").append(script.conditionText).append(": ");
            }
            for (int i = 0; i < script.steps.size(); i++) {
                sb.append(i == 0 ? "" : ", then ").append(script.steps.get(i));
            }
        }
        return sb.length() == 0 ? "no answers" : sb.toString();
    }

    // ------------------------------------------------------------------ engine side

    /** The reply for a call, or {@code null} when this mock has none (exhausted, no condition matched). */
    synchronized Reply replyFor(TaskCall call) {
        calls.add(call);
        Script script = scripts.get(0);
        for (int i = 1; i < scripts.size(); i++) {
            if (scripts.get(i).condition.test(call)) {
                script = scripts.get(i);
                break;
            }
        }
        return script.next();
    }

    /** Why {@link #replyFor} gave nothing for its last call, in words for the near-miss message. */
    synchronized String whyNoReply(TaskCall call) {
        Script script = scripts.get(0);
        for (int i = 1; i < scripts.size(); i++) {
            if (scripts.get(i).condition.test(call)) {
                script = scripts.get(i);
                break;
            }
        }
        if (scripts.stream().allMatch(each -> each.steps.isEmpty())) {
            return "it was declared without an answer.";
        }
        if (script.steps.isEmpty()) {
            return "its answers are all for conditions, and the input matches none of them ("
                    + describe() + ").\n  input  " + TaskResult.abbreviate(call.input().toString());
        }
        return "it scripts " + script.capacity() + " answer" + (script.capacity() == 1 ? "" : "s")
                + (script.condition == null ? "" : " when " + script.conditionText)
                + " and this is call " + script.served + " (" + describe() + ").";
    }

    boolean isUsed() {
        return callCount() > 0;
    }

    boolean isTokenTask() {
        return state != null && ResourceArn.tryParse(state.resource())
                .map(r -> r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN).orElse(false);
    }

    // ------------------------------------------------------------------ internals

    private TaskMock then(Reply reply) {
        current.steps.add(new Step(reply));
        return this;
    }

    private Step last(String what) {
        if (current.steps.isEmpty()) {
            throw new IllegalStateException(what + " on " + this + " needs an answer before it, e.g. "
                    + this + ".fails(\"Lambda.TooManyRequestsException\", \"Rate exceeded\")." + what);
        }
        return current.steps.get(current.steps.size() - 1);
    }

    private TaskMock startScript(Predicate<TaskCall> condition, String text) {
        current = new Script(condition, text);
        scripts.add(current);
        return this;
    }

    private JsonPath compile(String jsonPath) {
        try {
            return JsonPath.compile(jsonPath);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("when(\"" + jsonPath + "\") on " + this + ": not a JsonPath ("
                    + e.getMessage() + "). Examples: \"$.express\", \"$.order[?(@.total > 1000)]\".", e);
        }
    }

    private void requireTokenTask(String what) {
        if (state != null && !isTokenTask()) {
            throw new IllegalStateException(what + " on " + this + ": task \"" + stateName + "\" uses "
                    + state.resource() + ", not a .waitForTaskToken resource, so no callback is awaited."
                    + "\nUse returns(...).after(...) for a slow answer, or neverAnswers() to let its timeout fire.");
        }
    }

    /** One answer of a script, with its count and latency. */
    static final class Step {
        final Reply reply;
        Integer times;
        Duration latency = Duration.ZERO;

        Step(Reply reply) {
            this.reply = reply;
        }

        @Override
        public String toString() {
            return reply + (times == null ? "" : " ×" + times)
                    + (latency.isZero() ? "" : " after " + latency.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Answers in order for the calls that meet a condition (or any call, for the first script). */
    static final class Script {
        final Predicate<TaskCall> condition;
        final String conditionText;
        final List<Step> steps = new ArrayList<>();
        int served;

        Script(Predicate<TaskCall> condition, String conditionText) {
            this.condition = condition;
            this.conditionText = conditionText;
        }

        Reply next() {
            int index = served++;
            for (Step step : steps) {
                if (step.times == null && step == steps.get(steps.size() - 1)) {
                    return step.reply.withLatency(step.latency);
                }
                int count = step.times == null ? 1 : step.times;
                if (index < count) {
                    return step.reply.withLatency(step.latency);
                }
                index -= count;
            }
            return null;
        }

        int capacity() {
            int total = 0;
            for (Step step : steps) {
                total += step.times == null ? 1 : step.times;
            }
            return total;
        }
    }

    /** What a step does, with the latency it was scripted with. */
    sealed interface Reply permits Fixed, Computed, Silent, Delayed {
        default Reply withLatency(Duration latency) {
            return latency.isZero() ? this : new Delayed(this, latency);
        }
    }

    record Fixed(TaskResult result) implements Reply {
        @Override
        public String toString() {
            return result.toString();
        }
    }

    record Computed(TaskAnswer answer) implements Reply {
        @Override
        public String toString() {
            return "answers from a Java function";
        }
    }

    record Silent() implements Reply {
        @Override
        public String toString() {
            return "never answers";
        }
    }

    record Delayed(Reply reply, Duration latency) implements Reply {
    }
}
