package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import static dev.aslunit.internal.engine.Runs.fieldNames;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.last;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the engine writes from AWS's service contracts: the service's response in
 * {@code TaskSubmitted}, AWS's parameter checks before {@code TaskScheduled}, timeouts answered by
 * a mock, and Express workflows refusing the patterns they cannot run. Expectations are the
 * histories recorded on AWS (the conformance cases named in each test).
 */
class ServiceIntegrationEventsTest {

    private static final String ONE_TASK = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","Parameters":%s,"End":true}}}""";

    private static JsonNode submittedOutput(ExecutionRun r) {
        return json(last(r, "TaskSubmitted").details().get("output").asText());
    }

    /** callback/test_callback::test_sqs_failure_in_wait_for_task_token: SQS's SendMessage response. */
    @Test
    void a_token_task_submits_with_the_response_of_its_service_call() {
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "{\"QueueUrl\":\"q\",\"MessageBody\":{\"Message\":\"m\",\"TaskToken.$\":\"$$.Task.Token\"}}"),
                with("{}", inv -> Optional.of(TaskOutcome.failed("Failure error", "Failure cause"))).build());

        JsonNode output = submittedOutput(r);
        assertThat(fieldNames(output)).containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        JsonNode http = output.get("SdkHttpMetadata");
        assertThat(fieldNames(http.get("HttpHeaders"))).containsExactlyInAnyOrder("connection", "Content-Length",
                "Content-Type", "Date", "x-amzn-RequestId");
        assertThat(http.get("HttpHeaders").get("Content-Type").asText()).isEqualTo("application/x-amz-json-1.0");
        assertThat(http.get("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(output.get("SdkResponseMetadata").get("RequestId").asText())
                .isEqualTo(http.get("HttpHeaders").get("x-amzn-RequestId").asText());
        assertThat(types(r)).containsSubsequence("TaskStarted", "TaskSubmitted", "TaskFailed");
    }

    /** callback/test_callback::test_sns_publish_wait_for_task_token: SNS answers 294 bytes of XML. */
    @Test
    void sns_publish_submits_its_message_id_with_the_length_of_snss_xml_answer() {
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::sns:publish.waitForTaskToken",
                "{\"TopicArn\":\"t\",\"Message\":{\"TaskToken.$\":\"$$.Task.Token\"}}"),
                with("{}", inv -> Optional.of(TaskOutcome.succeeded(json("{}")))).build());

        JsonNode output = submittedOutput(r);
        assertThat(fieldNames(output)).containsExactly("MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(output.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").asText()).isEqualTo("294");
        assertThat(output.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Type").asText()).isEqualTo("text/xml");
    }

    /** callback/test_callback::test_start_execution_sync: StartExecution's ExecutionArn and StartDate. */
    @Test
    void a_sync_child_execution_submits_its_execution_arn() {
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::states:startExecution.sync",
                "{\"StateMachineArn\":\"arn:aws:states:us-east-1:111111111111:stateMachine:Child\",\"Name\":\"TestStartTarget\"}"),
                with("{}", inv -> Optional.of(TaskOutcome.succeeded(json("{}")))).build());

        JsonNode output = submittedOutput(r);
        assertThat(fieldNames(output)).containsExactlyInAnyOrder("ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata",
                "StartDate");
        assertThat(output.get("ExecutionArn").asText())
                .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Child:TestStartTarget");
        assertThat(output.get("StartDate").asLong()).isEqualTo(Runs.T0.toEpochMilli());
    }

    /**
     * services/test_apigetway_task_service::test_invoke_with_headers[singleStringHeader]: AWS checks
     * the headers before it schedules the call, and the execution fails right after the state entered.
     */
    @Test
    void api_gateway_headers_that_are_not_lists_fail_the_execution_before_the_task_is_scheduled() {
        List<TaskInvocation> calls = new ArrayList<>();
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::apigateway:invoke",
                "{\"ApiEndpoint\":\"e\",\"Method\":\"POST\",\"Headers.$\":\"$.Headers\"}"),
                with("{\"Headers\":{\"custom_header\":\"singleStringHeader\"}}", inv -> {
                    calls.add(inv);
                    return Optional.of(TaskOutcome.succeeded(json("{}")));
                }).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'T' (entered at the event id #2)."
                + " The Parameters '{\"ApiEndpoint\":\"e\",\"Method\":\"POST\",\"Headers\":{\"custom_header\":"
                + "\"singleStringHeader\"}}' could not be used to start the Task: [The value of the field 'Headers' has"
                + " an invalid format]");
        assertThat(types(r)).containsExactly("ExecutionStarted", "TaskStateEntered:T", "ExecutionFailed");
        assertThat(last(r, "ExecutionFailed").previousEventId()).isEqualTo(2);
        assertThat(calls).isEmpty();
    }

    @Test
    void api_gateway_headers_as_lists_of_strings_are_scheduled() {
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::apigateway:invoke",
                "{\"ApiEndpoint\":\"e\",\"Method\":\"GET\",\"Headers\":{\"custom_header\":[\"a\",\"b\"]}}"),
                with("{}", inv -> Optional.of(TaskOutcome.succeeded(json("{}")))).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(types(r)).contains("TaskScheduled", "TaskSucceeded");
    }

    /**
     * A mock's {@code Throw} of {@code States.Timeout} is written as a timeout, as AWS writes one
     * (timeouts/test_timeouts, activities/test_activities::test_activity_task_start_timeout).
     */
    @ParameterizedTest
    @CsvSource({
        "arn:aws:lambda:us-east-1:111111111111:function:f, LambdaFunctionScheduled, LambdaFunctionTimedOut",
        "arn:aws:states:::lambda:invoke, TaskScheduled, TaskTimedOut",
        "arn:aws:states:us-east-1:111111111111:activity:a, ActivityScheduled, ActivityTimedOut"
    })
    void a_mocked_timeout_is_written_as_the_timed_out_event_of_its_resource(String resource, String scheduled,
            String timedOut) {
        ExecutionRun r = run(ONE_TASK.formatted(resource, "{\"FunctionName\":\"f\"}"),
                with("{}", inv -> Optional.of(TaskOutcome.failed("States.Timeout", ""))).build());

        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(types(r)).containsSubsequence(scheduled, timedOut, "ExecutionFailed");
        assertThat(types(r)).noneMatch(t -> t.endsWith("Failed") && !t.equals("ExecutionFailed"));
        assertThat(last(r, timedOut).details().get("error").asText()).isEqualTo("States.Timeout");
        assertThat(last(r, timedOut).details().has("cause")).isFalse();
    }

    /**
     * AWS refuses {@code .sync} and {@code .waitForTaskToken} in Express workflows when the machine
     * is created (validation reports it, see ValidationChecksTest); a run started without validation
     * fails instead of waiting for a job or a callback Express never has.
     */
    @ParameterizedTest
    @CsvSource({
        "arn:aws:states:::states:startExecution.sync",
        "arn:aws:states:::states:startExecution.sync:2",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "arn:aws:states:us-east-1:111111111111:activity:a"
    })
    void express_runs_refuse_sync_callback_and_activity_tasks(String resource) {
        List<TaskInvocation> calls = new ArrayList<>();
        ExecutionRun r = run(ONE_TASK.formatted(resource, "{}"), with("{}", inv -> {
            calls.add(inv);
            return Optional.of(TaskOutcome.succeeded(json("{}")));
        }).type(StateMachineType.EXPRESS).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).startsWith("An error occurred while executing the state 'T' (entered at the event id #2). "
                + "Express state machines do not support the resource '" + resource + "'");
        assertThat(types(r)).containsExactly("ExecutionStarted", "TaskStateEntered:T", "ExecutionFailed");
        assertThat(calls).isEmpty();
    }

    @Test
    void express_runs_request_response_tasks() {
        ExecutionRun r = run(ONE_TASK.formatted("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\":\"q\"}"),
                with("{}", inv -> Optional.of(TaskOutcome.succeeded(json("{\"MessageId\":\"m\"}"))))
                        .type(StateMachineType.EXPRESS).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(types(r)).doesNotContain("TaskSubmitted");
    }
}
