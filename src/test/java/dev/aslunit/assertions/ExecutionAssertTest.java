package dev.aslunit.assertions;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.Execution;
import dev.aslunit.SampleExecutions;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExecutionAssertTest {

    static final Execution SHIPPED = SampleExecutions.throttledThenShipped();
    static final Execution EXHAUSTED = SampleExecutions.retriesExhausted();
    static final Execution WAITING = SampleExecutions.waitingForApproval();

    /**
     * The documented message: the expectation, then the evidence every execution message ends with
     * (a blank line, the trace, the picture's file), pinned in ExecutionTest and the report tests.
     */
    static void failsWith(ThrowingCallable assertion, Execution execution, String message) {
        assertThatThrownBy(assertion).isInstanceOf(AssertionError.class)
                .hasMessage(message + "\n\n" + execution.trace());
    }

    @Nested
    class Succeeded {
        @Test
        void should_pass_when_the_execution_succeeded() {
            assertThatCode(() -> assertThat(SHIPPED).succeeded()).doesNotThrowAnyException();
        }

        @Test
        void should_fail_with_the_error_and_cause_when_it_failed() {
            failsWith(() -> assertThat(EXHAUSTED).succeeded(), EXHAUSTED, """
                Expecting execution "o-17" to have succeeded
                but it failed with:
                  error: PaymentFailed
                  cause: "Payment could not be charged\"""");
        }

        @Test
        void should_fail_naming_the_token_it_waits_for_when_it_still_runs() {
            failsWith(() -> assertThat(WAITING).succeeded(), WAITING, """
                Expecting execution "o-18" to have succeeded
                but it is still running, waiting for a task token at "AwaitApproval\"""");
        }

        @Test
        void should_keep_the_description() {
            assertThatThrownBy(() -> assertThat(EXHAUSTED).as("small order").succeeded())
                    .hasMessageStartingWith("[small order] Expecting execution \"o-17\" to have succeeded");
        }
    }

    @Nested
    class Failed {
        @Test
        void should_pass_when_the_execution_failed() {
            assertThatCode(() -> assertThat(EXHAUSTED).failed().failedWith("PaymentFailed")
                    .withCause("Payment could not be charged")).doesNotThrowAnyException();
        }

        @Test
        void should_fail_with_the_output_when_it_succeeded() {
            failsWith(() -> assertThat(SHIPPED).failed(), SHIPPED, """
                Expecting execution "o-17" to have failed
                but it succeeded with output:
                  %s""".formatted(SampleExecutions.SHIPPED));
        }

        @Test
        void should_fail_when_the_error_differs() {
            failsWith(() -> assertThat(EXHAUSTED).failedWith("States.TaskFailed"), EXHAUSTED, """
                Expecting execution "o-17" to have failed with error:
                  "States.TaskFailed"
                but it failed with:
                  error: PaymentFailed
                  cause: "Payment could not be charged\"""");
        }

        @Test
        void should_fail_when_the_cause_differs() {
            failsWith(() -> assertThat(EXHAUSTED).withCause("Card declined"), EXHAUSTED, """
                Expecting execution "o-17" to have ended with cause:
                  "Card declined"
                but the cause was:
                  "Payment could not be charged\"""");
        }

        @Test
        void should_fail_a_cause_check_when_it_succeeded() {
            failsWith(() -> assertThat(SHIPPED).withCause("x"), SHIPPED, """
                Expecting execution "o-17" to have ended with cause:
                  "x"
                but it succeeded with output:
                  %s""".formatted(SampleExecutions.SHIPPED));
        }
    }

    @Nested
    class TimedOutAndAborted {
        final Execution timedOut = dev.aslunit.HistoryBuilder.startingAt(SampleExecutions.START, "{}")
                .at(Duration.ofMinutes(5)).timedOut("States.Timeout", "The execution timed out")
                .execution("slow", SampleExecutions.ORDER_PROCESSING);
        final Execution aborted = dev.aslunit.HistoryBuilder.startingAt(SampleExecutions.START, "{}")
                .aborted().execution("stopped", SampleExecutions.ORDER_PROCESSING);

        @Test
        void should_pass_on_the_matching_status() {
            assertThatCode(() -> {
                assertThat(timedOut).timedOut().withCause("The execution timed out");
                assertThat(aborted).aborted();
            }).doesNotThrowAnyException();
        }

        @Test
        void should_fail_a_timeout_check_on_an_aborted_execution() {
            failsWith(() -> assertThat(aborted).timedOut(), aborted, """
                Expecting execution "stopped" to have timed out
                but it was aborted""");
        }

        @Test
        void should_fail_an_abort_check_on_a_timed_out_execution() {
            failsWith(() -> assertThat(timedOut).aborted(), timedOut, """
                Expecting execution "slow" to have been aborted
                but it timed out with:
                  error: States.Timeout
                  cause: "The execution timed out\"""");
        }
    }

    @Nested
    class HasOutput {
        @Test
        void should_pass_on_equal_json_whatever_the_field_order_and_number_form() {
            assertThatCode(() -> assertThat(SHIPPED).hasOutput("""
                {"total": 250.0, "orderId": "o-17", "validation": {"valid": true},
                 "payment": {"paymentId": "pay-1"}, "shipment": {"trackingId": "TRK-9"}}"""))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_listing_every_difference() {
            failsWith(() -> assertThat(SHIPPED).hasOutput("""
                {"orderId": "o-17", "total": 300, "validation": {"valid": true},
                 "payment": {"paymentId": "pay-2"}}"""), SHIPPED, """
                Expecting execution "o-17" to have output:
                  {"orderId":"o-17","total":300,"validation":{"valid":true},"payment":{"paymentId":"pay-2"}}
                but it had:
                  %s
                differences:
                  - $.total: expected 300 but was 250
                  - $.payment.paymentId: expected "pay-2" but was "pay-1"
                  - $.shipment: unexpected {"trackingId":"TRK-9"}""".formatted(SampleExecutions.SHIPPED));
        }

        @Test
        void should_read_the_expected_output_from_a_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
                throws java.io.IOException {
            java.nio.file.Path expected = java.nio.file.Files.writeString(dir.resolve("shipped.json"), SampleExecutions.SHIPPED);
            assertThatCode(() -> assertThat(SHIPPED).hasOutput(expected)).doesNotThrowAnyException();
        }

        @Test
        void should_pass_leniently_on_a_subset() {
            assertThatCode(() -> assertThat(SHIPPED).hasOutputContaining(Map.of("shipment", Map.of("trackingId", "TRK-9"))))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_leniently_on_a_missing_field() {
            failsWith(() -> assertThat(SHIPPED).hasOutputContaining("{\"refund\": 1}"), SHIPPED, """
                Expecting execution "o-17" to have output (lenient: more fields and any array order allowed):
                  {"refund":1}
                but it had:
                  %s
                differences:
                  - $.refund: missing, expected 1""".formatted(SampleExecutions.SHIPPED));
        }

        @Test
        void should_fail_when_there_is_no_output() {
            failsWith(() -> assertThat(EXHAUSTED).hasOutput("{}"), EXHAUSTED, """
                Expecting execution "o-17" to have output:
                  {}
                but it failed with:
                  error: PaymentFailed
                  cause: "Payment could not be charged\"""");
        }
    }

    @Nested
    class HasOutputAt {
        @Test
        void should_pass_on_the_value_at_the_path() {
            assertThatCode(() -> assertThat(SHIPPED).hasOutputAt("$.shipment.trackingId", "TRK-9")
                    .hasOutputAt("$.total", 250).hasOutputAt("$.validation", Map.of("valid", true)))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_with_the_actual_value() {
            failsWith(() -> assertThat(SHIPPED).hasOutputAt("$.shipment.trackingId", "TRK-1"), SHIPPED, """
                Expecting execution "o-17" to have output at "$.shipment.trackingId":
                  "TRK-1"
                but it had:
                  "TRK-9\"""");
        }

        @Test
        void should_fail_when_nothing_is_at_the_path() {
            failsWith(() -> assertThat(SHIPPED).hasOutputAt("$.refund.id", "r-1"), SHIPPED, """
                Expecting execution "o-17" to have output at "$.refund.id":
                  "r-1"
                but the output has nothing at "$.refund.id":
                  %s""".formatted(SampleExecutions.SHIPPED));
        }
    }

    @Nested
    class TookVirtualTime {
        @Test
        void should_pass_on_the_virtual_duration() {
            assertThatCode(() -> assertThat(SHIPPED).tookVirtualTime(Duration.ofSeconds(6))).doesNotThrowAnyException();
        }

        @Test
        void should_fail_with_the_actual_duration_and_instants() {
            failsWith(() -> assertThat(EXHAUSTED).tookVirtualTime(Duration.ofSeconds(6)), EXHAUSTED, """
                Expecting execution "o-17" to have taken 6s of virtual time
                but it took 14s (2026-01-05T09:00:00Z to 2026-01-05T09:00:14Z)""");
        }

        @Test
        void should_fail_on_a_running_execution() {
            failsWith(() -> assertThat(WAITING).tookVirtualTime(Duration.ZERO), WAITING, """
                Expecting execution "o-18" to have taken 0s of virtual time
                but it is still running after 0s""");
        }
    }

    @Nested
    class TookPath {
        @Test
        void should_pass_on_the_exact_top_level_path() {
            assertThatCode(() -> assertThat(SHIPPED)
                    .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_at_the_first_difference() {
            failsWith(() -> assertThat(EXHAUSTED)
                    .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"), EXHAUSTED, """
                Expecting execution "o-17" to have taken exactly the path:
                  ["ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"]
                but it took:
                  ["ValidateOrder", "NeedsApproval", "ChargePayment", "NotifyCustomer", "PaymentFailed"]
                first difference at step 4: expected "ShipOrder" but was "NotifyCustomer\"""");
        }

        @Test
        void should_fail_when_the_path_is_shorter() {
            failsWith(() -> assertThat(WAITING)
                    .tookPath("ValidateOrder", "NeedsApproval", "AwaitApproval", "ChargePayment"), WAITING, """
                Expecting execution "o-18" to have taken exactly the path:
                  ["ValidateOrder", "NeedsApproval", "AwaitApproval", "ChargePayment"]
                but it took:
                  ["ValidateOrder", "NeedsApproval", "AwaitApproval"]
                the path ended after step 3; expected "ChargePayment" at step 4""");
        }

        @Test
        void should_fail_when_the_path_is_longer() {
            failsWith(() -> assertThat(WAITING).tookPath("ValidateOrder", "NeedsApproval"), WAITING, """
                Expecting execution "o-18" to have taken exactly the path:
                  ["ValidateOrder", "NeedsApproval"]
                but it took:
                  ["ValidateOrder", "NeedsApproval", "AwaitApproval"]
                step 3 "AwaitApproval" was not expected""");
        }

        @Test
        void should_fail_on_a_state_name_the_definition_lacks() {
            failsWith(() -> assertThat(SHIPPED).tookPath("ValidateOrder", "ShipOrdr"), SHIPPED, """
                The state machine of execution "o-17" has no state named "ShipOrdr"; did you mean "ShipOrder"?
                States: ValidateOrder, NeedsApproval, AwaitApproval, ChargePayment, ShipOrder, NotifyCustomer, \
                PaymentFailed, ApprovalExpired, Done""");
        }
    }

    @Nested
    class PassedThrough {
        @Test
        void should_pass_on_states_in_order_with_gaps() {
            assertThatCode(() -> assertThat(SHIPPED).passedThrough("ValidateOrder", "ShipOrder")
                    .passedThrough("ChargePayment")).doesNotThrowAnyException();
        }

        @Test
        void should_fail_when_a_state_was_never_entered() {
            failsWith(() -> assertThat(EXHAUSTED).passedThrough("ChargePayment", "ShipOrder"), EXHAUSTED, """
                Expecting execution "o-17" to have passed through, in this order:
                  ["ChargePayment", "ShipOrder"]
                but "ShipOrder" was never entered; states entered:
                  ["ValidateOrder", "NeedsApproval", "ChargePayment", "NotifyCustomer", "PaymentFailed"]""");
        }

        @Test
        void should_fail_when_the_order_differs() {
            failsWith(() -> assertThat(SHIPPED).passedThrough("ShipOrder", "ChargePayment"), SHIPPED, """
                Expecting execution "o-17" to have passed through, in this order:
                  ["ShipOrder", "ChargePayment"]
                but "ChargePayment" was not entered after "ShipOrder"; states entered:
                  ["ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"]""");
        }
    }

    @Nested
    class NeverEnteredAndEntered {
        @Test
        void should_pass_when_the_states_were_not_entered_and_counts_match() {
            assertThatCode(() -> assertThat(SHIPPED).neverEntered("NotifyCustomer", "AwaitApproval")
                    .entered("ChargePayment", 1).entered("AwaitApproval", 0)).doesNotThrowAnyException();
        }

        @Test
        void should_fail_naming_what_was_entered() {
            failsWith(() -> assertThat(EXHAUSTED).neverEntered("ShipOrder", "NotifyCustomer"), EXHAUSTED, """
                Expecting execution "o-17" never to have entered:
                  ["ShipOrder", "NotifyCustomer"]
                but it entered:
                  "NotifyCustomer" 1 time""");
        }

        @Test
        void should_fail_on_the_wrong_count() {
            failsWith(() -> assertThat(SHIPPED).entered("ChargePayment", 3), SHIPPED, """
                Expecting execution "o-17" to have entered "ChargePayment" 3 times
                but it entered it 1 time""");
        }
    }

    @Nested
    class IsWaitingForTaskTokenAt {
        @Test
        void should_pass_while_the_state_waits() {
            assertThatCode(() -> assertThat(WAITING).isWaitingForTaskTokenAt("AwaitApproval")).doesNotThrowAnyException();
        }

        @Test
        void should_fail_when_the_execution_ended() {
            failsWith(() -> assertThat(EXHAUSTED).isWaitingForTaskTokenAt("AwaitApproval"), EXHAUSTED, """
                Expecting execution "o-17" to be waiting for a task token at "AwaitApproval"
                but it failed with:
                  error: PaymentFailed
                  cause: "Payment could not be charged\"""");
        }

        @Test
        void should_fail_naming_the_state_that_waits() {
            failsWith(() -> assertThat(WAITING).isWaitingForTaskTokenAt("ChargePayment"), WAITING, """
                Expecting execution "o-18" to be waiting for a task token at "ChargePayment"
                but it is waiting for a task token at "AwaitApproval\"""");
        }
    }

    @Nested
    class RecordedEvents {
        @Test
        void should_pass_on_event_types_in_order() {
            assertThatCode(() -> assertThat(SampleExecutions.paymentTimedOut())
                    .recordedEvents("TaskScheduled", "TaskTimedOut", "TaskStateExited", "ExecutionFailed"))
                    .doesNotThrowAnyException();
        }

        @Test
        void should_fail_when_the_first_event_type_is_absent() {
            assertThatThrownBy(() -> assertThat(SHIPPED).recordedEvents("TaskTimedOut"))
                    .hasMessageStartingWith("Expecting the history of execution \"o-17\" to have recorded, in this order:\n"
                            + "  TaskTimedOut\nbut there is no TaskTimedOut event; events:\n  1 ExecutionStarted\n");
        }

        @Test
        void should_fail_listing_the_events() {
            Execution e = SampleExecutions.waitingForApproval();
            failsWith(() -> assertThat(e).recordedEvents("TaskSubmitted", "TaskSucceeded"), e, """
                Expecting the history of execution "o-18" to have recorded, in this order:
                  TaskSubmitted, TaskSucceeded
                but no TaskSucceeded event came after TaskSubmitted; events:
                  1 ExecutionStarted
                  2 TaskStateEntered "ValidateOrder"
                  3 TaskScheduled
                  4 TaskStarted
                  5 TaskSucceeded
                  6 TaskStateExited "ValidateOrder"
                  7 ChoiceStateEntered "NeedsApproval"
                  8 ChoiceStateExited "NeedsApproval"
                  9 TaskStateEntered "AwaitApproval"
                  10 TaskScheduled
                  11 TaskStarted
                  12 TaskSubmitted""");
        }
    }

    @Test
    void every_assertion_rejects_a_null_execution() {
        assertThatThrownBy(() -> assertThat((Execution) null).succeeded())
                .hasMessageContaining("Expecting actual not to be null");
    }
}
