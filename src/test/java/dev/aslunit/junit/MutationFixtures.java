package dev.aslunit.junit;

import dev.aslunit.internal.pipeline.Models;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.testkit.TestKitOnly;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Test classes that {@link MutationTestingTest} runs against mutants of their definition. */
final class MutationFixtures {

    private MutationFixtures() {
    }

    /** Only the path of a small order: the large-order branch and the payment's Retry and Catch go untested. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/orders.asl.json")
    static class SmallOrderPathOnly {

        @Test
        void a_small_order_ships(StateMachineUnderTest sfn) {
            CoverageFixtures.smallOrderServices(sfn);
            assertThat(sfn.run("{\"orderId\": \"o-1\", \"total\": 250}")).succeeded()
                    .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done");
        }
    }

    /** A suite that fails without any mutant. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/orders.asl.json")
    static class AlreadyFailing {

        @Test
        void expects_the_wrong_path(StateMachineUnderTest sfn) {
            CoverageFixtures.smallOrderServices(sfn);
            assertThat(sfn.run("{\"orderId\": \"o-1\", \"total\": 250}")).tookPath("ValidateOrder");
        }
    }

    /** Never ends when it runs against a mutant (until interrupted): a mutant that makes the tests hang. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/approval.asl.json")
    static class HangsOnMutants {

        @Test
        void waits_forever_for_a_mutant(StateMachineUnderTest sfn) throws InterruptedException {
            if (Models.definition(sfn).location().file().endsWith(".mutant")) {
                new CountDownLatch(1).await();
            }
        }
    }

    /** Runs executions one after the other for as long as it is let, on a mutant: busy, never blocked. */
    @TestKitOnly
    @StepFunctionTest(definition = "/dev/aslunit/approval.asl.json")
    static class RunsUntilStopped {

        @Test
        void runs_a_mutant_again_and_again(StateMachineUnderTest sfn) {
            sfn.mock("AwaitApproval").sendsTaskSuccessAfter(Duration.ofHours(1), "{}");
            boolean mutant = dev.aslunit.internal.pipeline.Models.definition(sfn).location().file().endsWith(".mutant");
            do {
                sfn.run("{}");
            } while (mutant);
        }
    }
}
