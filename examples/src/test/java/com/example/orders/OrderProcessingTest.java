package com.example.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static dev.aslunit.mock.TaskResults.httpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.TaskToken;
import dev.aslunit.assertions.StepFunctionSoftAssertions;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.server.InspectionLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Orders are validated, large orders wait for a manager, a throttled payment is retried with
 * backoff, a hanging payment times out, and the order ships. Compiled once; every test has its own
 * mocks, clock and executions.
 */
@StepFunctionTest(definition = "examples/order-processing/order-processing.asl.json", startTime = "2026-01-05T09:00:00Z")
class OrderProcessingTest {

    static final String SMALL_ORDER = """
        {"orderId": "o-17", "total": 250}""";
    static final String LARGE_ORDER = """
        {"orderId": "o-18", "total": 5000}""";

    @BeforeEach
    void services_that_just_work(StateMachineUnderTest sfn) {
        sfn.mock("ValidateOrder").returns("""
            {"valid": true}""");
        sfn.mock("ShipOrder").returns(httpResponse(201, """
            {"trackingId": "TRK-9"}"""));
    }

    @Test
    void a_throttled_payment_is_retried_with_backoff_and_the_order_ships(StateMachineUnderTest sfn) {
        sfn.mock("ChargePayment")
                .fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                .thenReturns("""
                    {"paymentId": "pay-1"}""");

        Execution execution = sfn.run(SMALL_ORDER);

        assertThat(execution)
                .succeeded()
                .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done")
                .hasOutputAt("$.payment.paymentId", "pay-1")
                .hasOutputAt("$.shipment.trackingId", "TRK-9")
                .tookVirtualTime(Duration.ofSeconds(6));
        assertThat(execution).state("ChargePayment")
                .wasRetried(2)
                .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .hadOutputAt("$.payment.paymentId", "pay-1");
        assertThat(execution).state("ValidateOrder").hadOutputAt("$.validation.valid", true);
    }

    /** Kills the mutants of ShipOrder's Retry (MaxAttempts 1 or 3, BackoffRate 1.0): see docs/mutation-testing.md. */
    @Test
    void a_carrier_that_stays_unavailable_is_retried_twice_with_backoff_and_the_order_fails(StateMachineUnderTest sfn) {
        sfn.mock("ChargePayment").returns("""
            {"paymentId": "pay-5"}""");
        sfn.mock("ShipOrder").fails("States.Http.StatusCode.503", "Service Unavailable");

        Execution execution = sfn.run(SMALL_ORDER);

        assertThat(execution).failedWith("States.Http.StatusCode.503");
        assertThat(execution).state("ShipOrder")
                .wasRetried(2)
                .retriedAfter(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a_payment_throttled_four_times_is_caught_and_the_customer_is_told(StateMachineUnderTest sfn) {
        sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded");
        TaskMock notify = sfn.mock("NotifyCustomer").returns("{}");

        Execution execution = sfn.run(SMALL_ORDER);

        assertThat(execution)
                .failedWith("PaymentFailed")
                .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "NotifyCustomer", "PaymentFailed")
                .tookVirtualTime(Duration.ofSeconds(14));
        assertThat(execution).state("ChargePayment")
                .wasRetried(3).withErrors("Lambda.TooManyRequestsException")
                .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8))
                .wasCaughtBy("NotifyCustomer");
        assertThat(notify).wasCalled(1).withInputAt("$.error.Error", "Lambda.TooManyRequestsException");
    }

    @Test
    void a_payment_that_hangs_past_its_timeout_is_caught_and_the_customer_is_told(StateMachineUnderTest sfn) {
        sfn.mock("ChargePayment").returns("""
            {"paymentId": "too-late"}""").after(Duration.ofSeconds(45));   // TimeoutSeconds is 30
        TaskMock notify = sfn.mock("NotifyCustomer").returns("{}");

        Execution execution = sfn.run(SMALL_ORDER);

        assertThat(execution)
                .failedWith("PaymentFailed").withCause("Payment could not be charged")
                .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "NotifyCustomer", "PaymentFailed")
                .neverEntered("ShipOrder");
        assertThat(execution).state("ChargePayment")
                .timedOut()
                .wasNotRetried()
                .wasCaughtBy("NotifyCustomer").withError("States.Timeout");
        assertThat(notify).wasCalled(1).withInputAt("$.error.Error", "States.Timeout");
    }

    @Test
    void a_large_order_waits_for_a_manager_and_continues_when_approved(StateMachineUnderTest sfn) {
        sfn.mock("AwaitApproval").waitsForCallback();
        sfn.mock("ChargePayment").returns("""
            {"paymentId": "pay-2"}""");

        Execution execution = sfn.start(LARGE_ORDER);
        assertThat(execution).isWaitingForTaskTokenAt("AwaitApproval");

        TaskToken approval = execution.taskToken("AwaitApproval");
        sfn.clock().advanceBy(Duration.ofHours(3));
        approval.sendSuccess("""
            {"approvedBy": "maria"}""");
        execution.awaitCompletion();

        assertThat(execution)
                .succeeded()
                .passedThrough("NeedsApproval", "AwaitApproval", "ChargePayment")
                .hasOutputAt("$.approval.approvedBy", "maria");
        assertThat(execution).state("AwaitApproval").tookVirtualTime(Duration.ofHours(3));
        assertThat(execution).state("NeedsApproval").choseBranch("AwaitApproval");
    }

    @Test
    void nobody_approves_within_a_day_so_the_order_expires(StateMachineUnderTest sfn) {
        sfn.mock("AwaitApproval").waitsForCallback();
        Execution execution = sfn.start(LARGE_ORDER);

        sfn.clock().advanceBy(Duration.ofHours(25));               // fires the 24 h TimeoutSeconds

        assertThat(execution)
                .failedWith("ApprovalExpired")
                .neverEntered("ChargePayment");
        assertThat(execution).state("AwaitApproval")
                .wasCaughtBy("ApprovalExpired").withError("States.Timeout");
    }

    @Test
    void the_manager_can_be_scripted_instead_of_driven(StateMachineUnderTest sfn) {
        sfn.mock("AwaitApproval").sendsTaskSuccessAfter(Duration.ofHours(1), """
            {"approvedBy": "auto"}""");
        sfn.mock("ChargePayment").returns("""
            {"paymentId": "pay-3"}""");

        StepFunctionSoftAssertions.assertSoftly(softly -> {
            Execution execution = sfn.run(LARGE_ORDER);
            softly.assertThat(execution).succeeded();
            softly.assertThat(execution).hasOutputAt("$.approval.approvedBy", "auto");
            softly.assertThat(execution).tookVirtualTime(Duration.ofHours(1));
        });
    }

    @Nested
    class OnlyOrdersAboveOneThousandWaitForAManager {

        @BeforeEach
        void payments_and_approvals_work(StateMachineUnderTest sfn) {
            sfn.mock("ChargePayment").returns("""
                {"paymentId": "pay-4"}""");
            sfn.mock("AwaitApproval").sendsTaskSuccessAfter(Duration.ofHours(1), """
                {"approvedBy": "auto"}""");
        }

        @ParameterizedTest(name = "an order of {0} waits for a manager: {1}")
        @CsvSource({"999, false", "1000, false", "1001, true", "25000, true"})
        void only_orders_above_1000_wait_for_a_manager(int total, boolean waits, StateMachineUnderTest sfn) {
            Execution execution = sfn.run(Map.of("orderId", "o-" + total, "total", total));

            assertThat(execution).succeeded().entered("AwaitApproval", waits ? 1 : 0);
            assertThat(execution).state("NeedsApproval").choseBranch(waits ? "AwaitApproval" : "ChargePayment");
        }

        @Test
        void soft_assertions_report_everything_at_the_end(StateMachineUnderTest sfn, StepFunctionSoftAssertions softly) {
            Execution execution = sfn.run("""
                {"orderId": "o-21", "total": 1001}""");

            softly.assertThat(execution).succeeded().entered("AwaitApproval", 1);
            softly.assertThat(execution).state("NeedsApproval").choseBranch("AwaitApproval");
            softly.assertThat(execution).state("AwaitApproval").tookVirtualTime(Duration.ofHours(1));
        }
    }

    @Nested
    @WireMockTest
    class ShippingOverRealHttp {

        @Test
        void a_503_from_the_carrier_is_retried_and_the_second_call_ships(
                StateMachineUnderTest sfn, WireMockRuntimeInfo wm) {
            sfn.unmock("ShipOrder");                               // this test wants the real HTTP task
            sfn.http().route("https://shipping.example.com", wm.getHttpBaseUrl());
            sfn.mock("ChargePayment").returns("""
                {"paymentId": "pay-4"}""");
            WireMock carrier = wm.getWireMock();                   // instance DSL: safe in parallel
            carrier.register(post(urlEqualTo("/shipments")).inScenario("carrier")
                    .whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                    .willReturn(aResponse().withStatus(503)));
            carrier.register(post(urlEqualTo("/shipments")).inScenario("carrier")
                    .whenScenarioStateIs("recovered")
                    .willReturn(okJson("""
                        {"trackingId": "TRK-42"}""")));

            Execution execution = sfn.run(SMALL_ORDER);

            assertThat(execution).succeeded().hasOutputAt("$.shipment.trackingId", "TRK-42");
            assertThat(execution).state("ShipOrder")
                    .wasRetried(1).withErrors("States.Http.StatusCode.503")
                    .retriedAfter(Duration.ofSeconds(1));
            carrier.verifyThat(2, postRequestedFor(urlEqualTo("/shipments"))
                    .withRequestBody(matchingJsonPath("$.orderId", equalTo("o-17"))));
        }
    }

    /** One state on its own, as AWS's TestState API runs it: a mock, a retry count, no whole execution. */
    @Nested
    class ChargePaymentAlone {

        @Test
        void a_throttled_charge_is_retried_while_attempts_remain_then_caught(StateMachineUnderTest sfn) {
            assertThat(sfn.testState("ChargePayment").input(SMALL_ORDER)
                    .mockError("Lambda.TooManyRequestsException", "Rate exceeded").inspectionLevel(InspectionLevel.DEBUG)
                    .retrierRetryCount(1).run())
                    .isRetriable().hasInspectionData("errorDetails", "{\"retryIndex\": 0, \"retryBackoffIntervalSeconds\": 4}");

            assertThat(sfn.testState("ChargePayment").input(SMALL_ORDER)
                    .mockError("Lambda.TooManyRequestsException", "Rate exceeded").retrierRetryCount(3).run())
                    .caughtError().goesTo("NotifyCustomer").hasOutput("""
                        {"orderId": "o-17", "total": 250,
                         "error": {"Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded"}}""");
        }

        @Test
        void a_charge_keeps_only_the_payment_id(StateMachineUnderTest sfn) {
            assertThat(sfn.testState("ChargePayment").input(SMALL_ORDER)
                    .mockResult("{\"Payload\": {\"paymentId\": \"pay-1\", \"fee\": 3}, \"StatusCode\": 200}").run())
                    .succeeded().goesTo("ShipOrder")
                    .hasOutput("{\"orderId\": \"o-17\", \"total\": 250, \"payment\": {\"paymentId\": \"pay-1\"}}");
        }
    }
}
