package dev.aslunit.internal.passthrough;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code states:startExecution} passed through to WireMock standing in for Step Functions: the
 * exact StartExecution and DescribeExecution requests the SDK sent, and the results and errors as
 * Step Functions shapes them for request-response, {@code .sync}, {@code .sync:2} and
 * {@code .waitForTaskToken}.
 */
class NestedExecutionPassThroughTest {

    private static WireMockServer SFN;
    private static final String CHILD = "arn:aws:states:us-east-1:123456789012:execution:Child:child-1";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";

    @BeforeAll
    static void start() {
        SFN = AwsStandIn.started();
    }

    @AfterAll
    static void stop() {
        SFN.stop();
    }

    @BeforeEach
    void reset() {
        SFN.resetAll();
    }

    private static StateMachineUnderTest sfn(String definition) {
        return StateMachineUnderTest.of(StepFunctionsConfig.newBuilder()
                .definition("passthrough/" + definition + ".asl.json")
                .awsEndpoint(URI.create(SFN.baseUrl())).awsRegion("us-east-1").build());
    }

    private static void started() {
        answer("StartExecution", 200, "{\"executionArn\":\"" + CHILD + "\",\"startDate\":1767225600.0}");
    }

    private static void answer(String operation, int status, String body) {
        SFN.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation))
                .willReturn(aResponse().withStatus(status).withBody(body).withHeader("Content-Type", JSON_1_0)
                        .withHeader("x-amzn-RequestId", "req-1")));
    }

    /** DescribeExecution answers RUNNING once, then {@code status} with these members. */
    private static void describedAs(String status, String members) {
        SFN.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.DescribeExecution"))
                .inScenario("child").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ended")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0)
                        .withBody(description("RUNNING", ""))));
        SFN.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.DescribeExecution"))
                .inScenario("child").whenScenarioStateIs("ended")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0)
                        .withBody(description(status, members))));
    }

    private static String description(String status, String members) {
        return "{\"executionArn\":\"" + CHILD + "\",\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:"
                + "stateMachine:Child\",\"name\":\"child-1\",\"status\":\"" + status + "\",\"startDate\":1767225600.0,"
                + "\"input\":\"{\\\"orderId\\\":\\\"o-1\\\"}\",\"inputDetails\":{\"included\":true},\"redriveCount\":0"
                + members + "}";
    }

    private static List<LoggedRequest> requests() {
        return SFN.findAll(anyRequestedFor(anyUrl()));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void start_execution_sends_the_input_as_json_text_and_returns_what_a_mock_returns() throws Exception {
        started();

        Execution real = sfn("nested-start").passThrough("Call").run(Map.of("orderId", "o-1"));
        StateMachineUnderTest mocked = sfn("nested-start");
        mocked.mock("Call").returns("{\"ExecutionArn\":\"" + CHILD + "\",\"StartDate\":1767225600000}");
        Execution mock = mocked.run(Map.of("orderId", "o-1"));

        LoggedRequest request = requests().get(0);
        assertThat(requests()).hasSize(1);
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("AWSStepFunctions.StartExecution");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"stateMachineArn\":\"arn:aws:states:us-east-1:"
                + "123456789012:stateMachine:Child\",\"name\":\"child-1\",\"input\":\"{\\\"orderId\\\":\\\"o-1\\\"}\"}"));
        assertThat(real.output().path("ExecutionArn").asText()).isEqualTo(CHILD);
        assertThat(real.output().path("StartDate").asLong()).isEqualTo(1767225600000L);
        assertThat(real.output().path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(real.output()).isEqualTo(mock.output());
    }

    @Test
    void sync_polls_describe_execution_until_the_child_ends_and_returns_its_output_as_json_text() throws Exception {
        started();
        describedAs("SUCCEEDED", ",\"stopDate\":1767225603.5,\"output\":\"{\\\"total\\\":12}\","
                + "\"outputDetails\":{\"included\":true}");

        Execution execution = sfn("nested-sync").passThrough("Call").run(Map.of("orderId", "o-1"));

        List<LoggedRequest> requests = requests();
        assertThat(requests).extracting(r -> r.getHeader("X-Amz-Target")).containsExactly(
                "AWSStepFunctions.StartExecution", "AWSStepFunctions.DescribeExecution",
                "AWSStepFunctions.DescribeExecution");
        assertThat(json(requests.get(1).getBodyAsString())).isEqualTo(json("{\"executionArn\":\"" + CHILD + "\"}"));
        // in AWS's order: the members sorted
        assertThat(Json.write(execution.output())).isEqualTo(Json.write(json("{\"ExecutionArn\":\"" + CHILD + "\","
                + "\"Input\":\"{\\\"orderId\\\":\\\"o-1\\\"}\",\"InputDetails\":{\"Included\":true},\"Name\":\"child-1\","
                + "\"Output\":\"{\\\"total\\\":12}\",\"OutputDetails\":{\"Included\":true},\"RedriveCount\":0,"
                + "\"StartDate\":1767225600000,\"StateMachineArn\":\"arn:aws:states:us-east-1:123456789012:"
                + "stateMachine:Child\",\"Status\":\"SUCCEEDED\",\"StopDate\":1767225603500}")));
        // the polls took real time, none of it virtual
        assertThat(execution.duration()).isZero();
    }

    @Test
    void sync_2_returns_the_childs_input_and_output_as_json() throws Exception {
        started();
        describedAs("SUCCEEDED", ",\"stopDate\":1767225603.5,\"output\":\"{\\\"total\\\":12}\"");

        Execution execution = sfn("nested-sync-2").passThrough("Call").run(Map.of("orderId", "o-1"));

        assertThat(execution.output().path("Output")).isEqualTo(json("{\"total\":12}"));
        assertThat(execution.output().path("Input")).isEqualTo(json("{\"orderId\":\"o-1\"}"));
        assertThat(execution.output().path("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_child_that_fails_fails_the_task_with_states_task_failed_and_its_description_as_cause() throws Exception {
        started();
        describedAs("FAILED", ",\"stopDate\":1767225603.5,\"error\":\"CardDeclined\",\"cause\":\"insufficient funds\"");

        Execution execution = sfn("nested-sync").passThrough("Call").run(Map.of("orderId", "o-1"));

        assertThat(execution.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = json(execution.cause());
        assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.path("Error").asText()).isEqualTo("CardDeclined");
        assertThat(cause.path("Cause").asText()).isEqualTo("insufficient funds");
        assertThat(cause.path("ExecutionArn").asText()).isEqualTo(CHILD);
        assertThat(cause.path("StopDate").asLong()).isEqualTo(1767225603500L);
    }

    @Test
    void a_state_machine_that_does_not_exist_is_step_functions_state_machine_does_not_exist() {
        answer("StartExecution", 400, "{\"__type\":\"com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist\","
                + "\"message\":\"State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child'\"}");

        Execution execution = sfn("nested-sync").passThrough("Call").run(Map.of("orderId", "o-1"));

        assertThat(execution.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
        assertThat(execution.cause()).isEqualTo("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:"
                + "stateMachine:Child' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist;"
                + " Request ID: req-1; Proxy: null)");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void wait_for_task_token_starts_the_child_with_the_token_and_waits_for_the_callback() throws Exception {
        started();
        StateMachineUnderTest sfn = sfn("nested-callback").passThrough("Call");

        Execution execution = sfn.start(Map.of("orderId", "o-1"));
        String token = execution.taskToken("Call").token();

        assertThat(requests()).hasSize(1);
        JsonNode body = json(requests().get(0).getBodyAsString());
        assertThat(json(body.path("input").asText())).isEqualTo(json("{\"token\":\"" + token + "\",\"orderId\":\"o-1\"}"));
        assertThat(execution.isRunning()).isTrue();
        execution.taskToken("Call").sendSuccess("{\"approved\":true}");
        assertThat(execution.awaitCompletion().output()).isEqualTo(json("{\"approved\":true}"));
    }

    @Test
    void a_child_still_running_when_polling_gives_up_fails_with_what_to_do() throws Exception {
        started();
        answer("DescribeExecution", 200, description("RUNNING", ""));
        PassThrough passThrough = new PassThrough(new AwsSettings(URI.create(SFN.baseUrl()), "us-east-1", false),
                PassThrough.class.getClassLoader(),
                new NestedExecutions.Polling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(60)));
        String resource = "arn:aws:states:::states:startExecution.sync";
        passThrough.passState("Call", resource);
        TaskInvocation call = new TaskInvocation("Call", resource, Json.nodes().objectNode()
                .put("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:Child"), 0, 0, null,
                Instant.parse("2026-01-01T00:00:00Z"), "arn:aws:states:us-east-1:123456789012:execution:Parent:p-1");

        assertThatThrownBy(() -> passThrough.answer(call)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The child execution " + CHILD + " that Task state 'Call' started ("
                        + resource + ") was still RUNNING after ")
                .hasMessageEndingWith("Stop it on the endpoint (aws stepfunctions stop-execution --execution-arn "
                        + CHILD + "), or mock the Task.");
        assertThat(requests().size()).isGreaterThan(2);
        assertThat(json(requests().get(0).getBodyAsString()).path("input").asText()).isEqualTo("{}");
    }
}
