package dev.aslunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.Execution;
import dev.aslunit.SampleExecutions;
import dev.aslunit.testkit.TestKitOnly;
import java.time.Duration;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.MultipleFailuresError;

class StepFunctionSoftAssertionsTest {

    static final Execution SHIPPED = SampleExecutions.throttledThenShipped();

    @Test
    void collects_failures_of_the_execution_and_after_navigating_to_a_state() {
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.assertThat(SHIPPED).failed();
        softly.assertThat(SHIPPED).state("ChargePayment").wasRetried(5).retriedAfter(Duration.ofSeconds(1));
        softly.assertThat(SHIPPED).state("ChargePayment").returnToExecution().tookVirtualTime(Duration.ZERO);
        softly.assertThat(SHIPPED).state("NoSuchState").wasNotRetried();
        softly.assertThat(SHIPPED).succeeded().tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done");

        assertThat(softly.errorsCollected()).hasSize(5);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith("Expecting execution \"o-17\" to have failed");
        assertThat(softly.errorsCollected().get(1))
                .hasMessageStartingWith("Expecting state \"ChargePayment\" of execution \"o-17\" to have been retried 5 times");
        assertThat(softly.errorsCollected().get(2))
                .hasMessageStartingWith("Expecting state \"ChargePayment\" of execution \"o-17\" to have been retried after");
        assertThat(softly.errorsCollected().get(3))
                .hasMessageStartingWith("Expecting execution \"o-17\" to have taken 0s of virtual time");
        assertThat(softly.errorsCollected().get(4))
                .hasMessageStartingWith("The state machine of execution \"o-17\" has no state named \"NoSuchState\"");
    }

    @Test
    void assert_softly_reports_every_failure_at_the_end() {
        assertThatThrownBy(() -> StepFunctionSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(SHIPPED).failed();
            softly.assertThat(SHIPPED).hasOutputAt("$.shipment.trackingId", "TRK-1");
        })).isInstanceOf(MultipleFailuresError.class)
                .hasMessageContaining("to have failed")
                .hasMessageContaining("to have output at \"$.shipment.trackingId\"");
    }

    @Test
    void check_collects_a_hard_assertion() {
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.check(() -> StepFunctionAssertions.assertThat(SHIPPED).state("ChargePayment").wasNotRetried());

        assertThat(softly.errorsCollected()).singleElement()
                .satisfies(e -> assertThat(e).hasMessageStartingWith("Expecting state \"ChargePayment\""));
    }

    @Test
    void passing_soft_assertions_collect_nothing() {
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.assertThat(SHIPPED).succeeded().state("ChargePayment").wasRetried(2).returnToExecution()
                .hasOutputAt("$.payment.paymentId", "pay-1");

        assertThat(softly.errorsCollected()).isEmpty();
    }

    @Test
    void collects_after_narrowing_to_an_iteration() {
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.assertThat(SampleExecutions.batch()).state("Charge").inIteration(0).wasCaughtBy("Declined").wasRetried(1);

        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith("Expecting state \"Charge\" in iteration 0");
    }

    @Test
    void collects_mock_failures_too() {
        dev.aslunit.StateMachineUnderTest sfn = TaskMockAssertTest.ORDERS.newTest();
        dev.aslunit.mock.TaskMock validate = sfn.mock("ValidateOrder").returns("{\"valid\": false}");
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.assertThat(validate).wasCalled(2).withInputAt("$.orderId", "o-1");

        assertThat(softly.errorsCollected()).hasSize(2);
    }

    /** Run by {@link StepFunctionSoftAssertionsExtensionTest} through the Platform Test Kit: it must fail with both errors. */
    @TestKitOnly
    @ExtendWith(SoftAssertionsExtension.class)
    static class InjectedByAssertJ {

        @InjectSoftAssertions
        StepFunctionSoftAssertions softly;

        @Test
        void two_soft_failures() {
            softly.assertThat(SHIPPED).failed();
            softly.assertThat(SHIPPED).state("ChargePayment").wasRetried(1);
        }
    }
}
