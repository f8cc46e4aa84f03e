package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.FactLog;
import dev.aslunit.internal.integration.ServiceRequests;
import dev.aslunit.internal.integration.ServiceResponses;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Task: asks the execution's {@link TaskHandler} for the resource's answer and writes the events AWS
 * writes for its kind of resource (Lambda function, activity, or service integration with its
 * request-response, {@code .sync} or {@code .waitForTaskToken} pattern). The answer's latency,
 * {@code TimeoutSeconds} and {@code HeartbeatSeconds} race on the virtual clock.
 */
final class TaskStep extends Step implements Step.Retrying {

    /** Computes {@code TimeoutSeconds}/{@code HeartbeatSeconds} of one attempt; {@code null} when not set. */
    interface Seconds {
        Integer evaluate(Scope scope);
    }

    /** AWS's payload quota: a task result or state output over 256 KiB fails with {@code States.DataLimitExceeded}. */
    static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

    /**
     * Whether {@code text} is over {@link #PAYLOAD_LIMIT_BYTES} as UTF-8; text too short to be (a char
     * is at most 4 bytes) is not encoded to count.
     */
    static boolean exceedsPayloadLimit(String text) {
        return text.length() > PAYLOAD_LIMIT_BYTES / 4
                && text.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT_BYTES;
    }

    /** AWS's default task timeout when none is set. */
    static final int DEFAULT_TIMEOUT_SECONDS = 99_999_999;

    private final Resource resource;
    private final Flow flow;
    private final Seconds timeout;
    private final Seconds heartbeat;
    private final Flow credentials;
    final Recovery recovery;

    TaskStep(String name, Resource resource, Flow flow, Seconds timeout, Seconds heartbeat, Flow credentials,
            Recovery recovery) {
        super(name, "Task");
        this.resource = resource;
        this.flow = flow;
        this.timeout = timeout;
        this.heartbeat = heartbeat;
        this.credentials = credentials;
        this.recovery = recovery;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        attempt(entered(frame, input));
    }

    private void attempt(StateRun run) {
        Frame frame = run.frame;
        if (frame.run.options.type() == StateMachineType.EXPRESS && !resource.allowedInExpress()) {
            // validation refuses this definition as AWS does; a run started without validation still must not wait
            frame.run.failExecution(frame.lastEventId, Errors.RUNTIME, run.causePrefix() + "Express state machines"
                    + " do not support the resource '" + resource.arn() + "': only request-response calls run in an"
                    + " Express workflow (no .sync, .waitForTaskToken or activities). Use a STANDARD state machine.");
            return;
        }
        if (resource.submits() || resource.waitsForToken()) {
            // $$.Task.Token exists for .sync and .waitForTaskToken tasks; an activity's worker answers with one
            run.taskToken = frame.run.newTaskToken();
        }
        Scope scope = new Scope(run, run.input);
        JsonNode parameters;
        Integer timeoutSeconds;
        Integer heartbeatSeconds;
        JsonNode taskCredentials;
        try {
            parameters = flow.input(scope, run.input);
            timeoutSeconds = timeout == null ? null : timeout.evaluate(scope.at(run.input));
            heartbeatSeconds = heartbeat == null ? null : heartbeat.evaluate(scope.at(run.input));
            taskCredentials = credentials == null ? null : credentials.input(scope, run.input);
        } catch (StateFailure f) {
            fail(run, f.error(), f.cause());
            return;
        }
        if (frame.exceedsPayloadLimit(parameters)) {
            // the developer guide: DataLimitExceeded "when, after Parameters processing, the input of a state is
            // larger than the payload size quota"; AWS's cause for it is not documented
            fail(run, Errors.DATA_LIMIT_EXCEEDED, "The state/task '" + name
                    + "' has an input with a size exceeding the maximum number of bytes service limit.");
            return;
        }
        List<String> problems = resource.problems(parameters);
        if (!problems.isEmpty()) {
            frame.run.failExecution(frame.lastEventId, Errors.RUNTIME,
                    ServiceRequests.cause(name, run.enteredEventId, parameters, problems));
            return;
        }
        TaskInvocation invocation = new TaskInvocation(name, resource.arn(), parameters, run.retryCount,
                frame.run.nextInvocation(name), resource.waitsForToken() ? run.taskToken : null, frame.run.now(),
                frame.run.executionArn());
        Optional<TaskOutcome> answer = null;
        if (resource.isActivity()) {
            // AWS finds out that an activity does not exist before it schedules it: no ActivityScheduled
            answer = ask(frame, invocation);
            if (answer == null) {
                return;
            }
            if (answer.isEmpty()) {
                frame.run.failExecution(frame.lastEventId, Errors.RUNTIME, "The activity " + resource.arn()
                        + " does not exist.");
                return;
            }
        }
        String parametersText = frame.text(parameters);
        frame.emit(resource.scheduledEvent(), () -> resource.scheduledDetails(frame.run, parametersText,
                timeoutSeconds, heartbeatSeconds, taskCredentials));
        FactLog log = frame.facts();
        if (log != null) {
            log.add(new Fact.AttemptStarted(run.visit, frame.run.now(), resource.historyName(), parameters));
        }
        if (answer == null) {
            answer = ask(frame, invocation);
            if (answer == null) {
                return;
            }
        }
        if (answer.isEmpty()) {
            frame.run.failExecution(frame.lastEventId, Errors.RUNTIME, "No answer for Task state '" + name
                    + "' (resource " + resource.arn() + "): nothing mocks or handles it. Mock it in the test"
                    + " (sfn.mock(\"" + name + "\").returns(...)), give the engine a TaskHandler, or, from the command"
                    + " line, answer it with --mock-config MockConfigFile.json --test-case NAME.");
            return;
        }
        TaskOutcome outcome = answer.get();
        // the resource acknowledges after the scheduling: what else starts at this instant schedules first
        frame.run.afterStep(() -> {
            if (frame.isLive()) {
                frame.emit(resource.startedEvent(), resource::startedDetails);
                new Attempt(run, scope, timeoutSeconds, heartbeatSeconds).begin(invocation, outcome);
            }
        });
    }

    /** The handler's answer, or {@code null} when it threw and the execution has failed with its reason. */
    private Optional<TaskOutcome> ask(Frame frame, TaskInvocation invocation) {
        try {
            return frame.run.options.taskHandler().answer(invocation);
        } catch (RuntimeException e) {
            // a handler that cannot answer (a mock file run past its last response) ends the run with its reason
            frame.run.failExecution(frame.lastEventId, Errors.RUNTIME, "The answer for Task state '" + name
                    + "' (resource " + resource.arn() + ") failed: " + e.getMessage());
            return null;
        }
    }

    /** One call of the resource, racing its answer against its timers; the first to arrive settles it. */
    private final class Attempt implements TaskCallback {
        private final StateRun run;
        private final Scope scope;
        private final Integer timeoutSeconds;
        private final Integer heartbeatSeconds;
        private boolean settled;
        private long heartbeatGeneration;

        Attempt(StateRun run, Scope scope, Integer timeoutSeconds, Integer heartbeatSeconds) {
            this.run = run;
            this.scope = scope;
            this.timeoutSeconds = timeoutSeconds;
            this.heartbeatSeconds = heartbeatSeconds;
        }

        void begin(TaskInvocation invocation, TaskOutcome outcome) {
            ExecutionRun execution = run.frame.run;
            Instant now = execution.now();
            if (resource.submits()) {
                String response = run.frame.text(ServiceResponses.submitted(invocation));
                run.frame.emit(resource.submittedEvent(), () -> resource.submittedDetails(response));
            }
            if (resource.waitsForToken()) {
                execution.awaitCallback(run.taskToken, this);
            }
            boolean waitsForever = outcome instanceof TaskOutcome.NoAnswer;
            if (timeoutSeconds != null || (waitsForever && !resource.waitsForToken())) {
                int seconds = timeoutSeconds != null ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
                execution.at(now.plusSeconds(seconds), () -> timedOut(Errors.TIMEOUT, this::afterTheInstant));
            }
            armHeartbeat();
            if (outcome instanceof TaskOutcome.Succeeded) {
                TaskOutcome.Succeeded s = (TaskOutcome.Succeeded) outcome;
                execution.at(now.plus(s.latency()), () -> succeed(s.result(), this::afterTheInstant));
            } else if (outcome instanceof TaskOutcome.Failed) {
                TaskOutcome.Failed f = (TaskOutcome.Failed) outcome;
                // AWS omits an empty cause rather than writing "", and so an empty error (SendTaskFailure without one)
                String cause = f.cause() == null || f.cause().isEmpty() ? null : resource.cause(f.cause());
                String error = f.error() == null || f.error().isEmpty() ? null : f.error();
                execution.at(now.plus(f.latency()), () -> fail(error, cause, this::afterTheInstant));
            }
        }

        /**
         * The state's reaction to an end that fell due on the clock (an answer after its latency, a
         * timeout), once everything else due at this instant has run: AWS wrote the {@code TaskTimedOut}
         * of four Map iterations that timed out together before the first of them failed the Map.
         */
        private void afterTheInstant(Runnable reaction) {
            ExecutionRun execution = run.frame.run;
            execution.at(execution.now(), () -> {
                if (run.frame.isLive()) {
                    reaction.run();
                }
            });
        }

        private void armHeartbeat() {
            if (heartbeatSeconds == null) {
                return;
            }
            long generation = ++heartbeatGeneration;
            ExecutionRun execution = run.frame.run;
            execution.at(execution.now().plusSeconds(heartbeatSeconds), () -> {
                if (generation == heartbeatGeneration) {
                    timedOut(Errors.HEARTBEAT_TIMEOUT, this::afterTheInstant);
                }
            });
        }

        private boolean settle() {
            if (settled || !run.frame.isLive()) {
                return false;
            }
            settled = true;
            if (run.taskToken != null) {
                run.frame.run.forgetCallback(run.taskToken);
            }
            return true;
        }

        @Override
        public String stateName() {
            return name;
        }

        /** A callback from outside: the state reacts at once. */
        @Override
        public void succeed(JsonNode result) {
            succeed(result, Runnable::run);
        }

        /** Writes the task's success; {@code then} runs the state's reaction to it. */
        private void succeed(JsonNode result, Consumer<Runnable> then) {
            boolean overLimit = run.frame.exceedsPayloadLimit(result);
            if (!settled && run.frame.isLive() && overLimit) {
                fail(Errors.DATA_LIMIT_EXCEEDED, "The state/task '" + resource.limitName()
                        + "' returned a result with a size exceeding the maximum number of bytes service limit.", then);
                return;
            }
            if (!settle()) {
                return;
            }
            String text = run.frame.text(result);
            run.frame.emit(resource.succeededEvent(), () -> resource.succeededDetails(text));
            ended(ExecutionStatus.SUCCEEDED, null, null, result);
            then.accept(() -> complete(run, flow, scope, result, f -> TaskStep.this.fail(run, f.error(), f.cause())));
        }

        @Override
        public void fail(String error, String cause) {
            fail(error, cause, Runnable::run);
        }

        private void fail(String error, String cause, Consumer<Runnable> then) {
            if (Errors.TIMEOUT.equals(error) || Errors.HEARTBEAT_TIMEOUT.equals(error)) {
                // an answer that is a timeout (a mock's Throw of States.Timeout) is written as one
                if (settle()) {
                    run.frame.emit(resource.timedOutEvent(), () -> resource.failedDetails(error, cause));
                    ended(ExecutionStatus.TIMED_OUT, error, cause);
                    then.accept(() -> TaskStep.this.fail(run, error, cause));
                }
            } else if (settle()) {
                run.frame.emit(resource.failedEvent(), () -> resource.failedDetails(error, cause));
                ended(ExecutionStatus.FAILED, error, cause);
                then.accept(() -> TaskStep.this.fail(run, error, cause));
            }
        }

        @Override
        public void heartbeat() {
            if (!settled) {
                armHeartbeat();
            }
        }

        private void ended(ExecutionStatus outcome, String error, String cause) {
            ended(outcome, error, cause, null);
        }

        private void ended(ExecutionStatus outcome, String error, String cause, JsonNode result) {
            FactLog log = run.frame.facts();
            if (log != null) {
                log.add(new Fact.AttemptEnded(run.visit, run.frame.run.now(), outcome, error, cause, result));
            }
        }

        private void timedOut(String error, Consumer<Runnable> then) {
            if (settle()) {
                run.frame.emit(resource.timedOutEvent(), () -> resource.timedOutDetails(error));
                ended(ExecutionStatus.TIMED_OUT, error, null);
                then.accept(() -> TaskStep.this.fail(run, error, null));
            }
        }
    }

    private void fail(StateRun run, String error, String cause) {
        recovery.handle(this, run, error, cause, () -> attempt(run), null);
    }
}
