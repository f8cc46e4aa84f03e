package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.testkit.TestKitOnly;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Test classes that {@link CoverageSessionListenerTest} runs in an in-process launcher session. */
final class CoverageFixtures {

    private CoverageFixtures() {
    }

    /** Validation, payment and shipping that just work. */
    static StateMachineUnderTest smallOrderServices(StateMachineUnderTest sfn) {
        sfn.mock("ValidateOrder").returns("{\"valid\": true}");
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"pay-1\"}");
        sfn.mock("ShipOrder").returns("{\"trackingId\": \"TRK-9\"}");
        return sfn;
    }

    /** Only small orders that pay at once: the approval and payment-failure paths stay unexercised. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/orders.asl.json")
    static class OnlySmallOrders {

        @Test
        void a_small_order_ships(StateMachineUnderTest sfn) {
            smallOrderServices(sfn).run("{\"orderId\": \"o-1\", \"total\": 250}");
        }
    }

    /** Twenty tests at once, each with its own execution, on JUnit's parallel executor. */
    @TestKitOnly
    @Execution(ExecutionMode.CONCURRENT)
    @StepFunctionTest(definition = "/dev/aslunit/orders.asl.json")
    static class ManyInParallel {

        @RepeatedTest(20)
        void an_order(StateMachineUnderTest sfn) {
            smallOrderServices(sfn).run("{\"orderId\": \"o-1\", \"total\": 250}");
        }
    }

    /** A test whose plain AssertJ assertion fails: its message should name the execution's picture. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/orders.asl.json")
    static class FailingAssertion {

        @Test
        void expects_the_wrong_path(StateMachineUnderTest sfn) {
            assertThat(smallOrderServices(sfn).run("small-order", "{\"orderId\": \"o-1\", \"total\": 250}").path())
                    .containsExactly("ValidateOrder", "NeedsApproval", "AwaitApproval");
        }
    }

    /** One at a time: throttled then charged, charged, declined (a FAILED child). */
    static dev.aslunit.Execution threeCharges(StateMachineUnderTest sfn) {
        sfn.mock("Charge").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(1)
                .thenReturns("{\"paid\": true}").times(2).thenFails("Declined", "card 3");
        return sfn.run("{\"invoices\": [1, 2, 3]}");
    }

    /** A Distributed Map under the default configuration: its child executions are counted, not kept. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/internal/report/distributed-charges.asl.json")
    static class DistributedChildrenNotKept {

        @Test
        void the_children_are_not_kept(StateMachineUnderTest sfn) {
            assertThat(threeCharges(sfn).childExecutions()).isEmpty();
        }
    }

    /** The same Map in a test that asks for its child executions. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/internal/report/distributed-charges.asl.json", keepChildExecutions = true)
    static class DistributedChildrenKept {

        @Test
        void the_children_are_kept(StateMachineUnderTest sfn) {
            assertThat(threeCharges(sfn).childExecutions().get("Charges")).hasSize(3);
        }
    }

    /** A test that ends while the Map's first child waits for an answer that never comes. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/internal/report/distributed-approvals.asl.json")
    static class DistributedChildStillRunning {

        @Test
        void the_approver_never_answers(StateMachineUnderTest sfn) {
            sfn.mock("AskApprover").neverAnswers();
            assertThat(sfn.start("{\"requests\": [1, 2, 3]}").isRunning()).isTrue();
        }
    }
}
