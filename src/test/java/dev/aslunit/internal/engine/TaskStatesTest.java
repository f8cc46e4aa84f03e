package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Task states: events per resource kind, timeouts, heartbeats, callbacks, Retry and Catch. */
class TaskStatesTest {

    private static final String INVOKE = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
             "Parameters":{"FunctionName":"f","Payload.$":"$"},%s"End":true}}}""";

    private static TaskHandler answers(TaskOutcome... outcomes) {
        int[] n = {0};
        return inv -> Optional.of(outcomes[Math.min(n[0]++, outcomes.length - 1)]);
    }

    @Test
    void a_service_task_writes_scheduled_started_succeeded_and_applies_the_result() {
        List<TaskInvocation> calls = new ArrayList<>();
        ExecutionRun r = run(INVOKE.formatted("\"ResultSelector\":{\"p.$\":\"$.Payload\"},\"ResultPath\":\"$.r\","),
                with("{\"a\":1}", inv -> {
                    calls.add(inv);
                    return Optional.of(TaskOutcome.succeeded(json("{\"Payload\":7}")));
                }).build());
        assertThat(r.output()).isEqualTo(json("{\"a\":1,\"r\":{\"p\":7}}"));
        assertThat(types(r)).containsExactly("ExecutionStarted", "TaskStateEntered:T", "TaskScheduled",
                "TaskStarted", "TaskSucceeded", "TaskStateExited:T", "ExecutionSucceeded");
        JsonNode scheduled = r.history().get(2).details();
        assertThat(scheduled.get("resourceType").asText()).isEqualTo("lambda");
        assertThat(scheduled.get("resource").asText()).isEqualTo("invoke");
        assertThat(scheduled.get("parameters").asText()).isEqualTo("{\"FunctionName\":\"f\",\"Payload\":{\"a\":1}}");
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.stateName()).isEqualTo("T");
            assertThat(c.attempt()).isZero();
            assertThat(c.taskToken()).isNull();
        });
    }

    @Test
    void credentials_and_timeouts_from_paths_are_scheduled_as_aws_writes_them() {
        ExecutionRun r = run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
                 "Credentials":{"RoleArn.$":"$.role"},"TimeoutSecondsPath":"$.t","HeartbeatSecondsPath":"$.h",
                 "Parameters":{"StateMachineArn":"arn:x","Input":{"token.$":"$$.Task.Token"}},"End":true}}}""",
                with("{\"role\":\"arn:aws:iam::1:role/r\",\"t\":60,\"h\":10}",
                        answers(new TaskOutcome.Succeeded(json("{\"Status\":\"SUCCEEDED\"}"), Duration.ofSeconds(5))))
                        .build());
        JsonNode scheduled = r.history().get(2).details();
        assertThat(scheduled.get("taskCredentials").get("roleArn").asText()).isEqualTo("arn:aws:iam::1:role/r");
        assertThat(scheduled.get("timeoutInSeconds").intValue()).isEqualTo(60);
        assertThat(scheduled.get("heartbeatInSeconds").intValue()).isEqualTo(10);
        assertThat(json(scheduled.get("parameters").asText()).get("Input").get("token").asText()).isNotEmpty();
        assertThat(types(r)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void a_lambda_function_arn_writes_the_lambda_function_family() {
        ExecutionRun r = run("""
                {"StartAt":"L","States":{"L":{"Type":"Task",
                 "Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true}}}""",
                with("{}", answers(TaskOutcome.succeeded(json("1")))).build());
        assertThat(types(r)).containsSubsequence("LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded");
    }

    @Test
    void a_task_nobody_answers_fails_the_execution_naming_state_and_resource() {
        ExecutionRun r = run(INVOKE.formatted("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"T\"}],"),
                ExecutionOptions.builder().build());
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.cause()).contains("'T'", "arn:aws:states:::lambda:invoke");
    }

    @Test
    void a_slow_answer_trips_timeout_seconds() {
        ExecutionRun r = run(INVOKE.formatted("\"TimeoutSeconds\":30,"),
                with("{}", answers(new TaskOutcome.Succeeded(json("1"), Duration.ofSeconds(31)))).build());
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(r.cause()).isNull();
        assertThat(Duration.between(r.startTime(), r.stopTime())).isEqualTo(Duration.ofSeconds(30));
        assertThat(types(r)).contains("TaskTimedOut");
        assertThat(r.history().get(2).details().get("timeoutInSeconds").intValue()).isEqualTo(30);
    }

    @Test
    void a_missing_heartbeat_is_a_heartbeat_timeout() {
        ExecutionRun r = run(INVOKE.formatted("\"HeartbeatSeconds\":5,"),
                with("{}", answers(new TaskOutcome.NoAnswer())).build());
        assertThat(r.error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(5));
    }

    @Test
    void a_token_task_waits_for_its_callback() {
        CompiledStateMachine m = Runs.compile("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""");
        List<String> tokens = new ArrayList<>();
        VirtualScheduler clock = new VirtualScheduler(Runs.T0);
        ExecutionRun r = m.start(with("{}", inv -> {
            tokens.add(inv.parameters().get("MessageBody").get("token").asText());
            assertThat(inv.taskToken()).isEqualTo(tokens.get(0));
            return Optional.of(new TaskOutcome.NoAnswer());
        }).build(), clock).awaitCompletion();
        assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(r.pendingTaskTokens()).containsEntry(tokens.get(0), "T");
        clock.advanceBy(Duration.ofHours(2));
        r.sendTaskSuccess(tokens.get(0), json("{\"ok\":true}"));
        r.awaitCompletion();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("{\"ok\":true}"));
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plus(Duration.ofHours(2)));
        assertThat(types(r)).containsSubsequence("TaskStarted", "TaskSubmitted", "TaskSucceeded");
    }

    @Test
    void retry_backs_off_exponentially_capped_by_max_delay() {
        List<Instant> times = new ArrayList<>();
        TaskOutcome throttled = TaskOutcome.failed("Lambda.TooManyRequestsException", "slow down");
        ExecutionRun r = run(INVOKE.formatted("""
                "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,
                 "BackoffRate":3,"MaxAttempts":3,"MaxDelaySeconds":10}],"""),
                with("{}", inv -> {
                    times.add(inv.now());
                    return Optional.of(inv.attempt() < 3 ? throttled : TaskOutcome.succeeded(json("\"done\"")));
                }).build());
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(times).containsExactly(Runs.T0, Runs.T0.plusSeconds(2), Runs.T0.plusSeconds(8),
                Runs.T0.plusSeconds(18));
        assertThat(dev.aslunit.internal.history.ExecutionTrace.format(r.history()))
                .contains("(attempt 2, retried after 2s)", "(attempt 3, retried after 6s)", "(attempt 4, retried after 10s)");
    }

    @Test
    void max_attempts_zero_never_retries_and_the_catcher_gets_the_error_output() {
        ExecutionRun r = run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
                 "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":0}],
                 "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.err","Next":"H"}],"End":true},
                 "H":{"Type":"Pass","End":true}}}""",
                with("{\"a\":1}", answers(TaskOutcome.failed("SNS.NotFound", "no topic"))).build());
        assertThat(r.output()).isEqualTo(json("{\"a\":1,\"err\":{\"Error\":\"SNS.NotFound\",\"Cause\":\"no topic\"}}"));
        assertThat(types(r)).containsSubsequence("TaskFailed", "TaskStateExited:T", "PassStateEntered:H");
    }

    @Test
    void task_failed_does_not_catch_a_timeout() {
        ExecutionRun r = run(INVOKE.formatted("""
                "TimeoutSeconds":1,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"T"}],"""),
                with("{}", answers(new TaskOutcome.NoAnswer())).build());
        assertThat(r.error()).isEqualTo("States.Timeout");
    }

    @Test
    void a_result_over_256_kib_fails_with_data_limit_exceeded() {
        String big = "\"" + "x".repeat(256 * 1024) + "\"";
        ExecutionRun r = run(INVOKE.formatted("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"H\"}],")
                .replace("\"End\":true}}}", "\"End\":true},\"H\":{\"Type\":\"Pass\",\"End\":true}}}"),
                with("{}", answers(TaskOutcome.succeeded(json(big)))).build());
        assertThat(r.output().get("Error").asText()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.output().get("Cause").asText()).isEqualTo("The state/task 'lambda' returned a result with a size "
                + "exceeding the maximum number of bytes service limit.");
        assertThat(types(r)).containsSubsequence("TaskStarted", "TaskFailed", "TaskStateExited:T");
    }

    @Test
    void full_jitter_is_drawn_from_the_seed() {
        String def = INVOKE.formatted("""
                "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":100,"MaxAttempts":1,"JitterStrategy":"FULL"}],""");
        TaskHandler h = inv -> Optional.of(inv.attempt() == 0 ? TaskOutcome.failed("E", "x")
                : TaskOutcome.succeeded(json("1")));
        Instant a = run(def, with("{}", h).seed(1).build()).stopTime();
        assertThat(run(def, with("{}", h).seed(1).build()).stopTime()).isEqualTo(a);
        assertThat(a).isBetween(Runs.T0, Runs.T0.plusSeconds(100));
    }
}
