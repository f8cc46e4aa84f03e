package dev.aslunit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aslunit.internal.json.JsonText.json;
import static dev.aslunit.mock.Invocations.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.integration.http.HttpTaskClient;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mocks, the mock files and the HTTP task driving real executions of the engine. */
class MockedExecutionTest {

    static final StateMachineDefinition ORDERS = DefinitionReader.read(json("""
            {"StartAt": "ValidateOrder", "States": {
              "ValidateOrder": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "validate-order", "Payload.$": "$"},
                "ResultSelector": {"valid.$": "$.Payload.valid"}, "ResultPath": "$.validation", "Next": "NeedsApproval"},
              "NeedsApproval": {"Type": "Choice",
                "Choices": [{"Variable": "$.total", "NumericGreaterThan": 1000, "Next": "AwaitApproval"}],
                "Default": "ChargePayment"},
              "AwaitApproval": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/approvals",
                               "MessageBody": {"orderId.$": "$.orderId", "token.$": "$$.Task.Token"}},
                "TimeoutSeconds": 86400, "ResultPath": "$.approval",
                "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "ApprovalExpired"}],
                "Next": "ChargePayment"},
              "ChargePayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "charge-payment", "Payload.$": "$"},
                "ResultSelector": {"paymentId.$": "$.Payload.paymentId"}, "ResultPath": "$.payment",
                "TimeoutSeconds": 30,
                "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "BackoffRate": 2.0,
                           "MaxAttempts": 3}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "NotifyCustomer"}],
                "Next": "ShipOrder"},
              "ShipOrder": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                "Parameters": {"ApiEndpoint": "https://shipping.example.com/shipments", "Method": "POST",
                               "Authentication": {"ConnectionArn": "arn:aws:events:eu-west-1:123456789012:connection/shipping/abc"},
                               "RequestBody": {"orderId.$": "$.orderId"}},
                "ResultSelector": {"trackingId.$": "$.ResponseBody.trackingId"}, "ResultPath": "$.shipment",
                "Retry": [{"ErrorEquals": ["States.Http.StatusCode.503"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                "Next": "Done"},
              "NotifyCustomer": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "notify-customer", "Payload.$": "$"}, "ResultPath": null,
                "Next": "PaymentFailed"},
              "PaymentFailed": {"Type": "Fail", "Error": "PaymentFailed", "Cause": "Payment could not be charged"},
              "ApprovalExpired": {"Type": "Fail", "Error": "ApprovalExpired", "Cause": "No approval within 24 hours"},
              "Done": {"Type": "Succeed"}}}"""));
    static final CompiledStateMachine MACHINE = CompiledStateMachine.compile(ORDERS, "order-processing");
    static final String SMALL_ORDER = "{\"orderId\": \"o-17\", \"total\": 250}";
    static final String LARGE_ORDER = "{\"orderId\": \"o-18\", \"total\": 5000}";

    static ExecutionRun start(CompiledStateMachine machine, TaskHandler handler, String input) {
        return machine.start(ExecutionOptions.builder().input(json(input)).taskHandler(handler).build(),
                new VirtualScheduler(T0)).awaitCompletion();
    }

    static TaskMocks servicesThatJustWork() {
        TaskMocks mocks = new TaskMocks(ORDERS, "order-processing.asl.json");
        mocks.mock("ValidateOrder").returns("{\"valid\": true}");
        mocks.mock("ShipOrder").returns(TaskResults.httpResponse(201, "{\"trackingId\": \"TRK-9\"}"));
        return mocks;
    }

    @Test
    void a_throttled_payment_is_retried_with_backoff_and_the_order_ships() {
        TaskMocks mocks = servicesThatJustWork();
        TaskMock charge = mocks.mock("ChargePayment")
                .fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                .thenReturns("{\"paymentId\": \"pay-1\"}");

        ExecutionRun run = start(MACHINE, mocks::answer, SMALL_ORDER);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().at("/validation/valid").booleanValue()).isTrue();
        assertThat(run.output().at("/payment/paymentId").textValue()).isEqualTo("pay-1");
        assertThat(run.output().at("/shipment/trackingId").textValue()).isEqualTo("TRK-9");
        assertThat(Duration.between(run.startTime(), run.stopTime())).isEqualTo(Duration.ofSeconds(6));
        assertThat(charge.calls()).extracting(TaskCall::attempt).containsExactly(0, 1, 2);
        assertThat(charge.calls()).extracting(TaskCall::time).containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(6));
        assertThat(charge.calls().get(0).input())
                .isEqualTo(json("{\"orderId\": \"o-17\", \"total\": 250, \"validation\": {\"valid\": true}}"));
    }

    @Test
    void a_payment_that_hangs_past_its_timeout_is_caught_and_the_customer_is_told() {
        TaskMocks mocks = servicesThatJustWork();
        mocks.mock("ChargePayment").returns("{\"paymentId\": \"too-late\"}").after(Duration.ofSeconds(45));
        TaskMock notify = mocks.mock("NotifyCustomer").returns("{}");

        ExecutionRun run = start(MACHINE, mocks::answer, SMALL_ORDER);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("PaymentFailed");
        assertThat(notify.calls()).singleElement()
                .satisfies(call -> assertThat(call.input().at("/error/Error").textValue()).isEqualTo("States.Timeout"))
                .satisfies(call -> assertThat(call.time()).isEqualTo(T0.plusSeconds(30)));
        assertThat(mocks.unusedMocks()).extracting(TaskMock::stateName).containsExactly("ShipOrder");
    }

    @Test
    void a_large_order_waits_for_a_manager_and_continues_when_approved() {
        TaskMocks mocks = servicesThatJustWork();
        mocks.mock("AwaitApproval").waitsForCallback();
        mocks.mock("ChargePayment").returns("{\"paymentId\": \"pay-2\"}");
        VirtualScheduler scheduler = new VirtualScheduler(T0);
        ExecutionRun run = MACHINE.start(ExecutionOptions.builder().input(json(LARGE_ORDER)).taskHandler(mocks::answer).build(),
                scheduler);
        while (run.pendingTaskTokens().isEmpty() && scheduler.runNext()) {
            // runs what happens without the test: up to the message that carries the token
        }
        assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
        scheduler.advanceBy(Duration.ofHours(3));
        String token = run.pendingTaskTokens().keySet().iterator().next();
        assertThat(mocks.mocks().get(2).calls().get(0).parameters().at("/MessageBody/token").textValue()).isEqualTo(token);

        run.sendTaskSuccess(token, json("{\"approvedBy\": \"maria\"}"));
        run.awaitCompletion();

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().at("/approval")).isEqualTo(json("{\"approvedBy\": \"maria\"}"));
        assertThat(run.stopTime()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void the_manager_can_be_scripted_instead_of_driven() {
        TaskMocks mocks = servicesThatJustWork();
        mocks.mock("AwaitApproval").sendsTaskSuccessAfter(Duration.ofHours(1), "{\"approvedBy\": \"auto\"}");
        mocks.mock("ChargePayment").returns("{\"paymentId\": \"pay-3\"}");

        ExecutionRun run = start(MACHINE, mocks::answer, LARGE_ORDER);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().at("/approval/approvedBy").textValue()).isEqualTo("auto");
        assertThat(Duration.between(run.startTime(), run.stopTime())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nobody_approves_within_a_day_so_the_order_expires() {
        TaskMocks mocks = servicesThatJustWork();
        mocks.mock("AwaitApproval").neverAnswers();

        ExecutionRun run = start(MACHINE, mocks::answer, LARGE_ORDER);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("ApprovalExpired");
        assertThat(run.stopTime()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void an_unmocked_task_fails_the_execution_and_the_registry_explains_why() {
        TaskMocks mocks = new TaskMocks(ORDERS, "order-processing.asl.json");
        mocks.mock("ValidateOrder").returns("{\"valid\": true}");

        ExecutionRun run = start(MACHINE, mocks::answer, SMALL_ORDER);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(mocks.calls()).extracting(TaskCall::stateName).containsExactly("ValidateOrder", "ChargePayment");
    }

    @Test
    void a_lenient_registry_lets_unmocked_tasks_pass_their_input_on() {
        TaskMocks mocks = new TaskMocks(ORDERS, "order-processing.asl.json").lenient(true);
        mocks.mock("ValidateOrder").returns("{\"valid\": true}");
        mocks.mock("ShipOrder").returns(TaskResults.httpResponse(200, "{\"trackingId\": \"T\"}"));

        ExecutionRun run = start(MACHINE, mocks::answer, "{\"orderId\": \"o-17\", \"total\": 250, \"paymentId\": \"echo\"}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().at("/payment/paymentId").textValue()).isEqualTo("echo");
    }

    @Test
    void a_step_functions_local_file_counts_calls_per_state_across_map_iterations_and_retries() {
        StateMachineDefinition definition = DefinitionReader.read(json("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "ItemsPath": "$.items",
                  "ItemProcessor": {"StartAt": "Lookup", "States": {"Lookup": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:lookup",
                    "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1}], "End": true}}},
                  "End": true}}}"""));
        MockConfigFile file = MockConfigFile.parse("""
                {"StateMachines": {"Lookups": {"TestCases": {"Flaky": {"Lookup": "Seq"}}}},
                 "MockedResponses": {"Seq": {"0": {"Throw": {"Error": "Boom", "Cause": "attempt0"}},
                                             "1": {"Return": "idx1"}, "2": {"Return": "idx2"}}}}""", "inline");

        ExecutionRun run = start(CompiledStateMachine.compile(definition, "Lookups"),
                file.handlerFor("Lookups", "Flaky", definition), "{\"items\": [1, 2]}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[\"idx1\", \"idx2\"]"));
    }

    @Nested
    @WireMockTest
    class OverRealHttp {

        @Test
        void the_real_http_task_runs_against_a_stub_server_and_a_503_is_retried(WireMockRuntimeInfo wm) {
            TaskMocks mocks = servicesThatJustWork();
            mocks.unmock("ShipOrder");
            mocks.mock("ChargePayment").returns("{\"paymentId\": \"pay-4\"}");
            HttpTaskClient http = new HttpTaskClient().route("https://shipping.example.com", wm.getHttpBaseUrl());
            var carrier = wm.getWireMock();
            carrier.register(post(urlEqualTo("/shipments")).inScenario("carrier").whenScenarioStateIs(STARTED)
                    .willSetStateTo("recovered").willReturn(aResponse().withStatus(503)));
            carrier.register(post(urlEqualTo("/shipments")).inScenario("carrier").whenScenarioStateIs("recovered")
                    .willReturn(okJson("{\"trackingId\": \"TRK-42\"}")));

            ExecutionRun run = start(MACHINE, invocation -> mocks.answer(invocation).or(() -> http.answer(invocation)), SMALL_ORDER);

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(run.output().at("/shipment/trackingId").textValue()).isEqualTo("TRK-42");
            assertThat(run.stopTime()).isEqualTo(Instant.from(T0).plusSeconds(1));
            carrier.verifyThat(2, postRequestedFor(urlEqualTo("/shipments")));
        }
    }
}
