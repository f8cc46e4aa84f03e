package dev.aslunit.assertions;

import static dev.aslunit.assertions.ExecutionAssertTest.failsWith;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aslunit.Execution;
import dev.aslunit.SampleExecutions;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StateAssertTest {

    static final Execution SHIPPED = SampleExecutions.throttledThenShipped();
    static final Execution EXHAUSTED = SampleExecutions.retriesExhausted();
    static final Execution TIMED_OUT = SampleExecutions.paymentTimedOut();
    static final Execution WAITING = SampleExecutions.waitingForApproval();
    static final Execution BATCH = SampleExecutions.batch();

    static final String THROTTLED_ATTEMPTS =
            "  attempt 1 at +0s failed: Lambda.TooManyRequestsException \"Rate exceeded\"\n"
            + "  attempt 2 at +2s failed: Lambda.TooManyRequestsException \"Rate exceeded\" (after 2s)\n"
            + "  attempt 3 at +6s succeeded (after 4s)";

    @Nested
    class Navigation {
        @Test
        void should_fail_on_a_state_the_definition_lacks() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePaymnt").wasRetried(2), SHIPPED, """
                The state machine of execution "o-17" has no state named "ChargePaymnt"; did you mean "ChargePayment"?
                States: ValidateOrder, NeedsApproval, AwaitApproval, ChargePayment, ShipOrder, NotifyCustomer, \
                PaymentFailed, ApprovalExpired, Done""");
        }

        @Test
        void should_fail_on_a_state_that_was_never_entered() {
            failsWith(() -> assertThat(SHIPPED).state("AwaitApproval").wasNotRetried(), SHIPPED, """
                Expecting state "AwaitApproval" of execution "o-17" not to have been retried
                but it was never entered; the path was:
                  ["ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"]""");
        }

        @Test
        void should_return_to_the_execution() {
            assertThatCode(() -> assertThat(SHIPPED).state("ChargePayment").wasRetried(2)
                    .returnToExecution().succeeded()).doesNotThrowAnyException();
        }

        @Test
        void should_keep_the_description() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> assertThat(SHIPPED).as("throttling").state("ChargePayment").wasRetried(1))
                    .hasMessageStartingWith("[throttling] Expecting state \"ChargePayment\"");
        }
    }

    @Nested
    class Retries {
        @Test
        void should_pass_on_the_retry_count_errors_and_backoff() {
            assertThatCode(() -> assertThat(SHIPPED).state("ChargePayment").wasRetried(2)
                    .withErrors("Lambda.TooManyRequestsException")
                    .withErrors("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException")
                    .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(4))).doesNotThrowAnyException();
            assertThatCode(() -> assertThat(SHIPPED).state("ShipOrder").wasNotRetried().retriedAfter())
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_with_the_attempt_timeline() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").wasRetried(3), SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" to have been retried 3 times
                but it was retried 2 times:
                """ + THROTTLED_ATTEMPTS);
        }

        @Test
        void should_fail_when_retried_but_expected_not() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").wasNotRetried(), SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" not to have been retried
                but it was retried 2 times:
                """ + THROTTLED_ATTEMPTS);
        }

        @Test
        void should_fail_on_other_errors() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").withErrors("Lambda.ServiceException"), SHIPPED, """
                Expecting the retries of state "ChargePayment" of execution "o-17" to have followed the errors:
                  ["Lambda.ServiceException"]
                but they followed:
                  ["Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException"]
                attempts:
                """ + THROTTLED_ATTEMPTS);
        }

        @Test
        void should_fail_on_other_backoff() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment")
                    .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(2)), SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" to have been retried after:
                  [2s, 2s]
                but it was retried after:
                  [2s, 4s]
                attempts:
                """ + THROTTLED_ATTEMPTS);
        }
    }

    @Nested
    class Catches {
        @Test
        void should_pass_on_the_catcher_and_the_error() {
            assertThatCode(() -> assertThat(EXHAUSTED).state("ChargePayment").wasCaughtBy("NotifyCustomer")
                    .withError("Lambda.TooManyRequestsException").withCause("Rate exceeded"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> assertThat(TIMED_OUT).state("ChargePayment").timedOut().wasNotRetried()
                    .wasCaughtBy("NotifyCustomer").withError("States.Timeout")).doesNotThrowAnyException();
        }

        @Test
        void should_fail_when_the_state_did_not_fail() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").wasCaughtBy("NotifyCustomer"), SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" to have been caught by "NotifyCustomer"
                but it did not fail; it went on to "ShipOrder\"""");
        }

        @Test
        void should_fail_when_another_state_caught_it() {
            failsWith(() -> assertThat(EXHAUSTED).state("ChargePayment").wasCaughtBy("PaymentFailed"), EXHAUSTED, """
                Expecting state "ChargePayment" of execution "o-17" to have been caught by "PaymentFailed"
                but it was caught by "NotifyCustomer" (error Lambda.TooManyRequestsException)""");
        }

        @Test
        void should_fail_on_another_error() {
            failsWith(() -> assertThat(TIMED_OUT).state("ChargePayment").withError("States.TaskFailed"), TIMED_OUT, """
                Expecting state "ChargePayment" of execution "o-17" to have failed with error:
                  "States.TaskFailed"
                but it failed with:
                  error: States.Timeout""");
        }

        @Test
        void should_fail_on_another_cause() {
            failsWith(() -> assertThat(EXHAUSTED).state("ChargePayment").withCause("Too slow"), EXHAUSTED, """
                Expecting state "ChargePayment" of execution "o-17" to have failed with cause:
                  "Too slow"
                but it failed with:
                  error: Lambda.TooManyRequestsException
                  cause: "Rate exceeded\"""");
        }

        @Test
        void should_fail_a_timeout_check_when_the_last_attempt_succeeded() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").timedOut(), SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" to have timed out
                but its last attempt did not time out:
                """ + THROTTLED_ATTEMPTS);
        }
    }

    @Nested
    class InputAndOutput {
        @Test
        void should_pass_on_input_and_output() {
            assertThatCode(() -> assertThat(SHIPPED).state("ShipOrder")
                    .receivedInput("""
                        {"orderId":"o-17","total":250,"validation":{"valid":true},"payment":{"paymentId":"pay-1"}}""")
                    .hadOutput(SampleExecutions.SHIPPED)
                    .hadOutputAt("$.shipment.trackingId", "TRK-9")).doesNotThrowAnyException();
        }

        @Test
        void should_pass_on_a_value_of_the_input_at_a_path() {
            assertThatCode(() -> assertThat(SHIPPED).state("ShipOrder").receivedInputAt("$.payment.paymentId", "pay-1")
                    .receivedInputAt("$.total", 250)).doesNotThrowAnyException();
        }

        @Test
        void should_fail_on_another_value_of_the_input_at_a_path() {
            failsWith(() -> assertThat(SHIPPED).state("ValidateOrder").receivedInputAt("$.orderId", "o-18"),
                    SHIPPED, """
                Expecting state "ValidateOrder" of execution "o-17" to have received input with "$.orderId":
                  "o-18"
                but it received:
                  "o-17\"""");
            failsWith(() -> assertThat(SHIPPED).state("ValidateOrder").receivedInputAt("$.customer", "c-1"),
                    SHIPPED, """
                Expecting state "ValidateOrder" of execution "o-17" to have received input with "$.customer":
                  "c-1"
                but its input has nothing at "$.customer":
                  {"orderId":"o-17","total":250}""");
        }

        @Test
        void should_fail_on_other_input() {
            failsWith(() -> assertThat(SHIPPED).state("ValidateOrder").receivedInput("{\"orderId\":\"o-18\",\"total\":250}"),
                    SHIPPED, """
                Expecting state "ValidateOrder" of execution "o-17" to have received input:
                  {"orderId":"o-18","total":250}
                but it received:
                  {"orderId":"o-17","total":250}
                differences:
                  - $.orderId: expected "o-18" but was "o-17\"""");
        }

        @Test
        void should_fail_on_other_output() {
            failsWith(() -> assertThat(SHIPPED).state("ValidateOrder").hadOutput("{\"orderId\":\"o-17\",\"total\":250}"),
                    SHIPPED, """
                Expecting state "ValidateOrder" of execution "o-17" to have had output:
                  {"orderId":"o-17","total":250}
                but it had:
                  {"orderId":"o-17","total":250,"validation":{"valid":true}}
                differences:
                  - $.validation: unexpected {"valid":true}""");
        }

        @Test
        void should_fail_on_output_of_a_state_that_never_exited() {
            failsWith(() -> assertThat(WAITING).state("AwaitApproval").hadOutputAt("$.approval", "x"), WAITING, """
                Expecting state "AwaitApproval" of execution "o-18" to have had output at "$.approval":
                  "x"
                but it never exited""");
        }

        @Test
        void should_fail_on_another_value_at_a_path() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").hadOutputAt("$.payment.paymentId", "pay-9"),
                    SHIPPED, """
                Expecting state "ChargePayment" of execution "o-17" to have had output at "$.payment.paymentId":
                  "pay-9"
                but it had:
                  "pay-1\"""");
        }
    }

    @Nested
    class ChoicesAndTime {
        @Test
        void should_pass_on_the_branch_chosen_and_the_time_taken() {
            assertThatCode(() -> {
                assertThat(SHIPPED).state("NeedsApproval").choseBranch("ChargePayment");
                assertThat(SHIPPED).state("ChargePayment").tookVirtualTime(Duration.ofSeconds(6));
            }).doesNotThrowAnyException();
        }

        @Test
        void should_fail_on_another_branch() {
            failsWith(() -> assertThat(SHIPPED).state("NeedsApproval").choseBranch("AwaitApproval"), SHIPPED, """
                Expecting Choice state "NeedsApproval" of execution "o-17" to have chosen "AwaitApproval"
                but it chose "ChargePayment\"""");
        }

        @Test
        void should_fail_a_branch_check_on_a_state_that_is_not_a_choice() {
            failsWith(() -> assertThat(SHIPPED).state("ChargePayment").choseBranch("ShipOrder"), SHIPPED, """
                Expecting a Choice state but "ChargePayment" is a Task state (execution "o-17")""");
        }

        @Test
        void should_fail_on_another_duration() {
            failsWith(() -> assertThat(EXHAUSTED).state("ChargePayment").tookVirtualTime(Duration.ofSeconds(6)),
                    EXHAUSTED, """
                Expecting state "ChargePayment" of execution "o-17" to have taken 6s of virtual time
                but it took 14s (entered at +0s, exited at +14s)""");
        }

        @Test
        void should_fail_on_a_state_still_running() {
            failsWith(() -> assertThat(WAITING).state("AwaitApproval").tookVirtualTime(Duration.ofHours(3)), WAITING, """
                Expecting state "AwaitApproval" of execution "o-18" to have taken 3h of virtual time
                but it has not exited (entered at +0s)""");
        }
    }

    @Nested
    class MapParallelAndVariables {
        @Test
        void should_pass_on_iterations_branches_and_variables() {
            assertThatCode(() -> {
                assertThat(BATCH).state("ChargeAll").hadIterations(3).iterationTookPath(1, "Charge", "Declined")
                        .hasMaxConcurrencyObserved(2);
                assertThat(BATCH).state("Report").branchTookPath(1, "Audit", "Archive");
                assertThat(BATCH).state("Prepare").hasVariable("batchId", "b-1");
                assertThat(BATCH).entered("Charge", 3);
            }).doesNotThrowAnyException();
        }

        static final String ITERATIONS =
                "  [0] SUCCEEDED [\"Charge\", \"Charged\"]\n"
                + "  [1] FAILED [\"Charge\", \"Declined\"]\n"
                + "  [2] SUCCEEDED [\"Charge\", \"Charged\"]";

        @Test
        void should_pass_on_a_state_in_one_iteration() {
            assertThatCode(() -> assertThat(BATCH).state("Charge").inIteration(1)
                    .wasCaughtBy("Declined").withError("Card.Declined").withCause("insufficient funds"))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_naming_the_iteration() {
            failsWith(() -> assertThat(BATCH).state("Charge").inIteration(0).wasCaughtBy("Declined"), BATCH, """
                Expecting state "Charge" in iteration 0 of execution "batch-1" to have been caught by "Declined"
                but it did not fail; it went on to "Charged\"""");
            failsWith(() -> assertThat(BATCH).state("Charge").inIteration(7).wasNotRetried(), BATCH, """
                Expecting state "Charge" in iteration 7 of execution "batch-1" not to have been retried
                but it was never entered; the path was:
                  ["Prepare", "ChargeAll", "Report"]""");
        }

        @Test
        void should_fail_on_the_iteration_count() {
            failsWith(() -> assertThat(BATCH).state("ChargeAll").hadIterations(2), BATCH, """
                Expecting Map state "ChargeAll" of execution "batch-1" to have run 2 iterations
                but it ran 3:
                """ + ITERATIONS);
        }

        @Test
        void should_fail_on_a_missing_iteration() {
            failsWith(() -> assertThat(BATCH).state("ChargeAll").iterationTookPath(5, "Charge"), BATCH, """
                Expecting Map state "ChargeAll" of execution "batch-1" to have run an iteration with index 5
                but it ran 3 iterations:
                """ + ITERATIONS);
        }

        @Test
        void should_fail_on_an_iteration_path() {
            failsWith(() -> assertThat(BATCH).state("ChargeAll").iterationTookPath(1, "Charge", "Charged"), BATCH, """
                Expecting iteration 1 of Map state "ChargeAll" of execution "batch-1" to have taken exactly the path:
                  ["Charge", "Charged"]
                but it took:
                  ["Charge", "Declined"]""");
        }

        @Test
        void should_fail_on_the_concurrency() {
            failsWith(() -> assertThat(BATCH).state("ChargeAll").hasMaxConcurrencyObserved(3), BATCH, """
                Expecting Map state "ChargeAll" of execution "batch-1" to have run at most 3 iterations at the same \
                time, and that many at some point
                but at most 2 ran at the same time""");
        }

        @Test
        void should_fail_on_a_branch_path_and_a_missing_branch() {
            failsWith(() -> assertThat(BATCH).state("Report").branchTookPath(0, "Audit"), BATCH, """
                Expecting branch 0 of Parallel state "Report" of execution "batch-1" to have taken exactly the path:
                  ["Audit"]
                but it took:
                  ["Email"]""");
            failsWith(() -> assertThat(BATCH).state("Report").branchTookPath(2, "Audit"), BATCH, """
                Expecting Parallel state "Report" of execution "batch-1" to have a branch 2
                but it has 2 (numbered from 0)""");
        }

        @Test
        void should_fail_on_a_variable() {
            failsWith(() -> assertThat(BATCH).state("Prepare").hasVariable("batchId", "b-2"), BATCH, """
                Expecting variable "batchId" after state "Prepare" of execution "batch-1" to be:
                  "b-2"
                but it was:
                  "b-1\"""");
            failsWith(() -> assertThat(BATCH).state("Prepare").hasVariable("total", 3), BATCH, """
                Expecting variable "total" after state "Prepare" of execution "batch-1" to be:
                  3
                but no variable "total" was set; variables after it:
                  {"batchId":"b-1"}""");
        }
    }
}
