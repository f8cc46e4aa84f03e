package dev.aslunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.StateMachineDefinition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionTest {

    @Test
    void status_output_and_times_come_from_the_history() {
        Execution e = SampleExecutions.throttledThenShipped();

        assertThat(e.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(e.output().at("/shipment/trackingId").asText()).isEqualTo("TRK-9");
        assertThat(e.input().get("orderId").asText()).isEqualTo("o-17");
        assertThat(e.error()).isNull();
        assertThat(e.startTime()).isEqualTo(Instant.parse(SampleExecutions.START));
        assertThat(e.duration()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void the_path_lists_the_top_level_states_entered() {
        assertThat(SampleExecutions.throttledThenShipped().path())
                .containsExactly("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done");
    }

    @Test
    void attempts_carry_their_errors_and_the_backoff_between_them() {
        StateVisit pay = SampleExecutions.throttledThenShipped().state("ChargePayment").lastVisit();

        assertThat(pay.retries()).isEqualTo(2);
        assertThat(pay.retryDelays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(pay.retriedErrors()).containsExactly("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException");
        assertThat(pay.failed()).isFalse();
        assertThat(pay.caughtBy()).isNull();
    }

    @Test
    void a_failure_followed_by_the_catchers_target_is_a_catch() {
        Execution e = SampleExecutions.retriesExhausted();
        StateVisit pay = e.state("ChargePayment").lastVisit();

        assertThat(e.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(e.error()).isEqualTo("PaymentFailed");
        assertThat(e.cause()).isEqualTo("Payment could not be charged");
        assertThat(pay.caughtBy()).isEqualTo("NotifyCustomer");
        assertThat(pay.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(pay.retryDelays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void a_timeout_is_the_last_attempts_outcome() {
        StateVisit pay = SampleExecutions.paymentTimedOut().state("ChargePayment").lastVisit();

        assertThat(pay.timedOut()).isTrue();
        assertThat(pay.error()).isEqualTo("States.Timeout");
        assertThat(pay.caughtBy()).isEqualTo("NotifyCustomer");
    }

    @Test
    void a_choice_decision_is_the_next_state_entered() {
        assertThat(SampleExecutions.throttledThenShipped().state("NeedsApproval").lastVisit().next())
                .isEqualTo("ChargePayment");
    }

    @Test
    void map_iterations_are_told_apart_by_the_event_chain() {
        Execution e = SampleExecutions.batch();
        StateVisit map = e.state("ChargeAll").lastVisit();

        assertThat(e.path()).containsExactly("Prepare", "ChargeAll", "Report");
        assertThat(map.iterations()).extracting(MapIteration::index).containsExactly(0, 1, 2);
        assertThat(map.iterations().get(0).path()).containsExactly("Charge", "Charged");
        assertThat(map.iterations().get(1).path()).containsExactly("Charge", "Declined");
        assertThat(map.iterations().get(1).outcome()).isEqualTo(TaskAttempt.Outcome.FAILED);
        assertThat(map.maxConcurrencyObserved()).isEqualTo(2);
        assertThat(e.state("Charge").visits()).hasSize(3);
        assertThat(e.state("Charge").visits().get(1).caughtBy()).isEqualTo("Declined");
    }

    @Test
    void parallel_branches_follow_the_definition() {
        StateVisit report = SampleExecutions.batch().state("Report").lastVisit();

        assertThat(report.branches()).hasSize(2);
        assertThat(report.branches().get(0).path()).containsExactly("Email");
        assertThat(report.branches().get(1).path()).containsExactly("Audit", "Archive");
    }

    @Test
    void assigned_variables_are_parsed_and_accumulate_in_their_scope() {
        StateVisit prepare = SampleExecutions.batch().state("Prepare").lastVisit();

        assertThat(prepare.assignedVariables().get("batchId").asText()).isEqualTo("b-1");
        assertThat(prepare.variablesAfter()).containsOnlyKeys("batchId");
    }

    @Test
    void a_recorded_history_takes_no_callbacks() {
        Execution e = SampleExecutions.waitingForApproval();

        assertThat(e.status()).isEqualTo(Execution.Status.RUNNING);
        assertThatThrownBy(() -> e.taskToken("AwaitApproval"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Execution \"o-18\" was read from a recorded history: nothing runs it, so it has no"
                        + " task tokens to send.");
        assertThat(e.statesWaitingForTaskToken()).containsExactly("AwaitApproval");
    }

    @Test
    void the_trace_shows_attempts_backoff_and_the_catch() {
        assertThat(SampleExecutions.retriesExhausted().trace(40)).isEqualTo("""
            Execution trace (virtual time from 2026-01-05T09:00:00Z):
              +0s   ValidateOrder   Task    succeeded
              +0s   NeedsApproval   Choice  → ChargePayment
              +0s   ChargePayment   Task    attempt 1 failed: Lambda.TooManyRequestsException "Rate exceeded"
              +2s   ChargePayment   Task    attempt 2 failed: Lambda.TooManyRequestsException "Rate exceeded"   (retry 1 after 2s)
              +6s   ChargePayment   Task    attempt 3 failed: Lambda.TooManyRequestsException "Rate exceeded"   (retry 2 after 4s)
              +14s  ChargePayment   Task    attempt 4 failed: Lambda.TooManyRequestsException "Rate exceeded"   (retry 3 after 8s)
                                            retries exhausted (Retry[0], MaxAttempts 3); caught Lambda.TooManyRequestsException by Catch[0] ["States.ALL"] → NotifyCustomer
              +14s  NotifyCustomer  Task    succeeded
              +14s  PaymentFailed   Fail    PaymentFailed "Payment could not be charged"
            Execution failed after 14s: PaymentFailed "Payment could not be charged\"""");
    }

    @Test
    void the_trace_indents_map_iterations_and_parallel_branches_and_is_bounded() {
        assertThat(SampleExecutions.batch().trace(6)).isEqualTo("""
            Execution trace (virtual time from 2026-01-05T09:00:00Z):
              +0s  Prepare         Pass      succeeded
              +0s  ChargeAll       Map       3 iterations: 2 succeeded, 1 failed (took 1s)
              +0s    [0] Charge    Task      succeeded
              +0s    [1] Charge    Task      attempt 1 failed: Card.Declined "insufficient funds"
                                             caught Card.Declined by Catch[0] ["Card.Declined"] → Declined
              +0s    [0] Charged   Succeed   succeeded
              … 7 more lines (-Daslunit.trace.maxLines=13 shows them all)
            Execution succeeded after 1s""");
    }

    @Test
    void legacy_lambda_events_are_attempts_and_a_catch_is_read_from_the_next_state() {
        // the shape of AWS's history for a Lambda function ARN whose exception a Catch handles
        Execution e = HistoryBuilder.startingAt(SampleExecutions.START, "{}")
                .entered("Task", "Start", "{}")
                .event("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
                        "{\"resource\": \"arn:aws:lambda:us-east-1:111111111111:function:f\", \"input\": \"{}\"}")
                .event("LambdaFunctionStarted", null, null)
                .event("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails",
                        "{\"error\": \"Exception\", \"cause\": {\"errorMessage\": \"Some exception was raised.\"}}")
                .exited("Task", "Start", "{\"Error\": \"Exception\"}")
                .entered("Pass", "EndWithStateTaskFailedHandler", "{\"Error\": \"Exception\"}")
                .exited("Pass", "EndWithStateTaskFailedHandler", "{\"Error\": \"Exception\"}")
                .succeeded("{\"Error\": \"Exception\"}")
                .execution("catch", HistoryBuilder.definition("""
                    {"StartAt": "Start", "States": {
                      "Start": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f",
                        "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "EndWithStateTaskFailedHandler"}],
                        "Next": "EndWithFinal"},
                      "EndWithStateTaskFailedHandler": {"Type": "Pass", "End": true},
                      "EndWithFinal": {"Type": "Pass", "End": true}}}"""));
        StateVisit start = e.state("Start").lastVisit();

        assertThat(start.attempts()).hasSize(1);
        assertThat(start.error()).isEqualTo("Exception");
        assertThat(start.cause()).isEqualTo("{\"errorMessage\":\"Some exception was raised.\"}");
        assertThat(start.caughtBy()).isEqualTo("EndWithStateTaskFailedHandler");
    }

    @Test
    void a_retried_map_has_one_attempt_per_map_state_started_even_when_events_point_into_an_iteration() {
        // AWS's history of a Map retried twice: MapStateStarted's previousEventId points into the failed iteration
        StateMachineDefinition definition = HistoryBuilder.definition("""
            {"StartAt": "MapState", "States": {
              "MapState": {"Type": "Map", "End": true,
                "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 1}],
                "ItemProcessor": {"StartAt": "HandleItemFail", "States": {
                  "HandleItemFail": {"Type": "Fail", "Error": "HandleItemFailError", "Cause": "HandleItemFailCause"}}}}}}""");
        HistoryBuilder h = HistoryBuilder.startingAt(SampleExecutions.START, "[1]")
                .entered("Map", "MapState", "[1]");
        for (int attempt = 0; attempt < 3; attempt++) {
            h.at(Duration.ofSeconds(attempt))
                    .event("MapStateStarted", "mapStateStartedEventDetails", "{\"length\": 1}")
                    .event("MapIterationStarted", "mapIterationStartedEventDetails", "{\"index\": 0, \"name\": \"MapState\"}")
                    .entered("Fail", "HandleItemFail", "1");
            long fail = h.lastId();
            h.event("MapIterationFailed", "mapIterationFailedEventDetails", "{\"index\": 0, \"name\": \"MapState\"}")
                    .after(fail);
        }
        Execution e = h.event("MapStateFailed", null, null)
                .failed("HandleItemFailError", "HandleItemFailCause")
                .execution("map-retry", definition);
        StateVisit map = e.state("MapState").lastVisit();

        assertThat(map.retries()).isEqualTo(2);
        assertThat(map.retryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(map.retriedErrors()).containsExactly("HandleItemFailError", "HandleItemFailError");
        assertThat(map.error()).isEqualTo("HandleItemFailError");
        assertThat(map.iterations()).singleElement().satisfies(it -> {
            assertThat(it.path()).containsExactly("HandleItemFail");
            assertThat(it.outcome()).isEqualTo(TaskAttempt.Outcome.FAILED);
        });
        assertThat(e.path()).containsExactly("MapState");
    }

    @Test
    void a_schedule_failure_is_a_failed_attempt() {
        Execution e = HistoryBuilder.startingAt(SampleExecutions.START, "{}")
                .entered("Task", "ValidateOrder", "{}")
                .event("LambdaFunctionScheduleFailed", "lambdaFunctionScheduleFailedEventDetails",
                        "{\"error\": \"Lambda.ServiceException\", \"cause\": \"unavailable\"}")
                .failed("Lambda.ServiceException", "unavailable")
                .execution("o-1", SampleExecutions.ORDER_PROCESSING);
        StateVisit validate = e.state("ValidateOrder").lastVisit();

        assertThat(validate.attempts()).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(TaskAttempt.Outcome.FAILED));
        assertThat(validate.error()).isEqualTo("Lambda.ServiceException");
        assertThat(validate.caughtBy()).isNull();
    }
}
