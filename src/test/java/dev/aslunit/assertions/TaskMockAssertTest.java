package dev.aslunit.assertions;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.mock.TaskMock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskMockAssertTest {

    static final PreparedStateMachine ORDERS = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("dev/aslunit/orders.asl.json").startTime(Instant.parse("2026-01-05T09:00:00Z")).build(), null);

    TaskMock charge;
    TaskMock ship;

    @BeforeEach
    void one_throttled_then_shipped_order() {
        StateMachineUnderTest sfn = ORDERS.newTest();
        sfn.mock("ValidateOrder").returns("{\"valid\": true}");
        charge = sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded")
                .thenReturns("{\"paymentId\": \"pay-1\"}");
        ship = sfn.mock("ShipOrder").returns("{\"trackingId\": \"TRK-9\"}");
        sfn.run("{\"orderId\": \"o-17\", \"total\": 250}");
    }

    static final String CHARGE_CALLS = "\ncalls:\n"
            + "  1. 2026-01-05T09:00:00Z input {\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true}}\n"
            + "  2. 2026-01-05T09:00:02Z (retry 1) input {\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true}}";

    @Test
    void should_pass_on_the_calls_received() {
        assertThatCode(() -> {
            assertThat(charge).wasCalled(2).withInputAt("$.orderId", "o-17")
                    .calledWithInputSatisfying(input -> org.assertj.core.api.Assertions.assertThat(input.get("total").asInt())
                            .isEqualTo(250));
            assertThat(ship).wasCalled(1).withInputAt("$.payment.paymentId", "pay-1");
        }).doesNotThrowAnyException();
    }

    @Test
    void should_fail_on_the_call_count_listing_the_calls() {
        assertThatThrownBy(() -> assertThat(charge).wasCalled(3)).hasMessage(
                "Expecting mock(\"ChargePayment\") (TaskMockAssertTest.java:27) to have been called 3 times\n"
                        + "but it was called 2 times" + CHARGE_CALLS);
    }

    @Test
    void should_fail_on_the_input_of_the_last_call() {
        assertThatThrownBy(() -> assertThat(charge).withInputAt("$.orderId", "o-18")).hasMessage(
                "Expecting the last call of mock(\"ChargePayment\") (TaskMockAssertTest.java:27) to have input at"
                        + " \"$.orderId\":\n  \"o-18\"\nbut it had:\n  \"o-17\"" + CHARGE_CALLS);
    }

    @Test
    void should_fail_when_no_call_satisfies_the_requirements() {
        assertThatThrownBy(() -> assertThat(charge).calledWithInputSatisfying(
                input -> org.assertj.core.api.Assertions.assertThat(input.has("coupon")).as("has a coupon").isTrue()))
                .hasMessageStartingWith("Expecting mock(\"ChargePayment\") (TaskMockAssertTest.java:27) to have been"
                        + " called with an input satisfying the requirements\nbut no call's input did" + CHARGE_CALLS
                        + "\nfirst call's failure:\n  ");
    }
}
