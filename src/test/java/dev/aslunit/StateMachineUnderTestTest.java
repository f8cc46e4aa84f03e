package dev.aslunit;

import dev.aslunit.internal.pipeline.Sandboxes;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.MapState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateMachineUnderTestTest {

    static final PreparedStateMachine ORDERS = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("orders.asl.json").startTime(Instant.parse("2026-01-05T09:00:00Z")).build(),
            StateMachineUnderTestTest.class);
    static final String SMALL_ORDER = "{\"orderId\": \"o-17\", \"total\": 250}";
    static final String LARGE_ORDER = "{\"orderId\": \"o-18\", \"total\": 5000}";

    StateMachineUnderTest sfn;

    @BeforeEach
    void services_that_just_work() {
        sfn = ORDERS.newTest();
        sfn.mock("ValidateOrder").returns("{\"valid\": true}");
        sfn.mock("ShipOrder").returns("{\"trackingId\": \"TRK-9\"}");
    }

    @Test
    void a_throttled_payment_is_retried_with_backoff_and_the_order_ships() {
        sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                .thenReturns("{\"paymentId\": \"pay-1\"}");

        Execution execution = sfn.run("o-17", SMALL_ORDER);

        assertThat(execution).succeeded()
                .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done")
                .hasOutputAt("$.payment.paymentId", "pay-1")
                .hasOutputAt("$.shipment.trackingId", "TRK-9")
                .tookVirtualTime(Duration.ofSeconds(6));
        assertThat(execution).state("ChargePayment").wasRetried(2)
                .withErrors("Lambda.TooManyRequestsException")
                .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void a_payment_that_hangs_past_its_timeout_is_caught() {
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"too-late\"}").after(Duration.ofSeconds(45));
        sfn.mock("NotifyCustomer").returns("{}");

        Execution execution = sfn.run(Map.of("orderId", "o-17", "total", 250));

        assertThat(execution).failedWith("PaymentFailed").withCause("Payment could not be charged")
                .neverEntered("ShipOrder");
        assertThat(execution).state("ChargePayment").timedOut().wasNotRetried()
                .wasCaughtBy("NotifyCustomer").withError("States.Timeout");
    }

    @Test
    void a_large_order_waits_for_a_manager_and_continues_when_approved() {
        sfn.mock("AwaitApproval").waitsForCallback();
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"pay-2\"}");

        Execution execution = sfn.start(LARGE_ORDER);
        assertThat(execution).isWaitingForTaskTokenAt("AwaitApproval");

        TaskToken approval = execution.taskToken("AwaitApproval");
        sfn.clock().advanceBy(Duration.ofHours(3));
        approval.sendSuccess("{\"approvedBy\": \"maria\"}");
        execution.awaitCompletion();

        assertThat(execution).succeeded()
                .passedThrough("NeedsApproval", "AwaitApproval", "ChargePayment")
                .hasOutputAt("$.approval.approvedBy", "maria");
        assertThat(execution).state("AwaitApproval").tookVirtualTime(Duration.ofHours(3));
    }

    @Test
    void asking_for_the_token_of_a_state_that_does_not_wait_names_the_one_that_does() {
        sfn.mock("AwaitApproval").waitsForCallback();
        Execution execution = sfn.start("o-18", LARGE_ORDER);

        assertThatThrownBy(() -> execution.taskToken("ChargePayment"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Execution \"o-18\" has no task token pending for state \"ChargePayment\"; states waiting"
                        + " for a token: \"AwaitApproval\".");
    }

    @Test
    void nobody_approves_within_a_day_so_the_order_expires() {
        sfn.mock("AwaitApproval").waitsForCallback();
        Execution execution = sfn.start(LARGE_ORDER);

        sfn.clock().advanceBy(Duration.ofHours(25));

        assertThat(execution).failedWith("ApprovalExpired").neverEntered("ChargePayment");
        assertThat(execution).state("AwaitApproval").wasCaughtBy("ApprovalExpired").withError("States.Timeout");
    }

    @Test
    void the_clock_moves_to_an_instant_and_fires_what_is_due_on_the_way() {
        sfn.mock("AwaitApproval").waitsForCallback();
        Execution execution = sfn.start(LARGE_ORDER);

        sfn.clock().advanceTo(Instant.parse("2026-01-06T08:59:59Z"));
        assertThat(execution).isWaitingForTaskTokenAt("AwaitApproval");
        sfn.clock().advanceTo(Instant.parse("2026-01-06T09:00:00Z"));

        assertThat(execution).failedWith("ApprovalExpired").tookVirtualTime(Duration.ofDays(1));
        Assertions.assertThat(sfn.clock().now()).isEqualTo(Instant.parse("2026-01-06T09:00:00Z"));
    }

    @Test
    void the_manager_can_be_scripted() {
        sfn.mock("AwaitApproval").sendsTaskSuccessAfter(Duration.ofHours(1), "{\"approvedBy\": \"auto\"}");
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"pay-3\"}");

        Execution execution = sfn.run(LARGE_ORDER);

        assertThat(execution).succeeded().hasOutputAt("$.approval.approvedBy", "auto")
                .tookVirtualTime(Duration.ofHours(1));
    }

    @Test
    void a_retried_map_counts_one_attempt_per_run_of_its_iterations() {
        StateMachineUnderTest maps = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("map-retry.asl.json").build(), StateMachineUnderTestTest.class).newTest();
        maps.mock("Charge").fails("Card.Declined", "no funds");

        Execution execution = maps.run("[{\"id\": 1}, {\"id\": 2}]");

        assertThat(execution).failedWith("GaveUp").tookVirtualTime(Duration.ofSeconds(10));
        assertThat(execution).state("ChargeAll")
                .wasRetried(2).withErrors("Card.Declined").retriedAfter(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .wasCaughtBy("GiveUp").withError("Card.Declined")
                .hadIterations(2);
    }

    @Test
    void parallel_branches_inside_concurrent_map_iterations_are_told_apart() {
        StateMachineUnderTest nested = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("nested.asl.json").build(), StateMachineUnderTestTest.class).newTest();
        nested.mock("Reserve").returns("{\"reserved\": true}").after(Duration.ofSeconds(3));
        nested.mock("Bill").returns("{\"billed\": true}").after(Duration.ofSeconds(1));

        Execution execution = nested.run("{\"orders\": [{\"id\": 1}, {\"id\": 3}]}");

        assertThat(execution).succeeded().tookVirtualTime(Duration.ofSeconds(3));
        assertThat(execution).state("EachOrder").hadIterations(2).hasMaxConcurrencyObserved(2)
                .iterationTookPath(0, "FanOut").iterationTookPath(1, "FanOut");
        assertThat(execution).state("FanOut").branchTookPath(0, "Reserve").branchTookPath(1, "Bill", "Receipt");
        assertThat(execution).entered("Receipt", 2).entered("Reserve", 2);
        Assertions.assertThat(execution.state("Receipt").visits())
                .extracting(StateVisit::where)
                .containsExactlyInAnyOrder("EachOrder[0] > FanOut branch 1", "EachOrder[1] > FanOut branch 1");
    }

    record Order(String orderId, int total) {
    }

    @Test
    void input_is_json_text_a_file_a_map_or_any_object_jackson_serialises(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"pay-1\"}");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("order.json"), SMALL_ORDER);

        for (Object input : java.util.List.of(SMALL_ORDER, file, file.toFile(), Map.of("orderId", "o-17", "total", 250),
                new Order("o-17", 250))) {
            assertThat(sfn.run(input)).succeeded().hasOutputAt("$.orderId", "o-17").hasOutputAt("$.total", 250);
        }
    }

    @Test
    void input_that_is_not_json_says_where_it_breaks() {
        assertThatThrownBy(() -> sfn.run("{\"orderId\": o-17}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The execution input is not valid JSON at line 1, column 13: Unrecognized token 'o': was"
                        + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n"
                        + "  {\"orderId\": o-17}");
    }

    @Test
    void input_over_aws_256_kib_quota_is_refused_as_start_execution_refuses_it() {
        // the quota counts the UTF-8 bytes of the input's text: {"orderId":"o-17","total":250,"note":"..."}
        String fits = "x".repeat(256 * 1024 - "{\"orderId\":\"o-17\",\"total\":250,\"note\":\"\"}".length());
        // accepted: the execution starts (its first Task then passes the input on, within its own quota check)
        org.assertj.core.api.Assertions.assertThatCode(() -> sfn.run(Map.of("orderId", "o-17", "total", 250, "note", fits)))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> sfn.run(Map.of("orderId", "o-17", "total", 250, "note", fits + "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The execution input is 262145 bytes: AWS's StartExecution refuses input over 262144 bytes");
    }

    @Test
    void a_task_nobody_mocked_fails_the_test_with_the_near_miss_report() {
        assertThatThrownBy(() -> sfn.run(SMALL_ORDER))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Task state \"ChargePayment\" has no mock.")
                .hasMessageContaining("sfn.mock(\"ChargePayment\")")
                .hasMessageContaining("Execution trace (virtual time from 2026-01-05T09:00:00Z):");
    }

    @Test
    void an_execution_that_can_never_end_fails_at_once() {
        StateMachineUnderTest approval = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("approval.asl.json").startTime(Instant.parse("2026-01-05T09:00:00Z")).build(),
                StateMachineUnderTestTest.class).newTest();
        approval.mock("AwaitApproval").waitsForCallback();

        assertThatThrownBy(() -> approval.run("o-18", LARGE_ORDER))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Execution \"o-18\" can never end: it waits for a task token at"
                        + " \"AwaitApproval\" that nobody sends, and nothing else is scheduled"
                        + " (virtual time 2026-01-05T09:00:00Z).\n"
                        + "Send the callback from the test:\n"
                        + "  Execution execution = sfn.start(input);\n"
                        + "  execution.taskToken(\"AwaitApproval\").sendSuccess(\"{...}\");\n"
                        + "or script it:\n"
                        + "  sfn.mock(\"AwaitApproval\").sendsTaskSuccessAfter(Duration.ofMinutes(5), \"{...}\");");
    }

    @Test
    void a_callback_that_fails_after_an_hour_shows_how_long_it_took_in_the_trace() {
        StateMachineUnderTest approval = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("approval.asl.json").startTime(Instant.parse("2026-01-05T09:00:00Z")).build(),
                StateMachineUnderTestTest.class).newTest();
        approval.mock("AwaitApproval").sendsTaskFailureAfter(Duration.ofHours(1), "Rejected", "too expensive");

        Execution execution = approval.run("o-19", LARGE_ORDER);

        Assertions.assertThat(execution.trace()).containsPattern(
                "AwaitApproval +Task +attempt 1 failed: Rejected \"too expensive\" \\(took 1h\\)");
    }

    @Test
    void the_trace_lists_each_mock_with_its_script() {
        sfn.mock("ChargePayment").returns("{\"paymentId\": \"pay-1\"}");

        Execution execution = sfn.run(SMALL_ORDER);

        Assertions.assertThat(execution.trace())
                .contains("mock(\"ChargePayment\") (StateMachineUnderTestTest.java:");
    }

    @Test
    void a_definition_that_cannot_be_found_lists_where_it_looked() {
        assertThatThrownBy(() -> PreparedStateMachine.prepare(
                StepFunctionsConfig.newBuilder().definition("nowhere.asl.json").build(), StateMachineUnderTestTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot find the state machine definition \"nowhere.asl.json\". Looked in:\n"
                        + "  classpath:nowhere.asl.json\n"
                        + "  classpath:dev/aslunit/nowhere.asl.json (the package of StateMachineUnderTestTest)\n");
    }

    @Test
    void a_distributed_maps_iterations_are_counted_from_its_kept_child_executions() {
        Execution kept = threeCharges(true).run("{\"invoices\": [1, 2, 3]}");
        org.assertj.core.api.Assertions.assertThatCode(() -> dev.aslunit.assertions.StepFunctionAssertions.assertThat(kept)
                .state("Charges").hadIterations(3)).doesNotThrowAnyException();

        Execution notKept = threeCharges(false).run("{\"invoices\": [1, 2, 3]}");
        assertThatThrownBy(() -> dev.aslunit.assertions.StepFunctionAssertions.assertThat(notKept)
                .state("Charges").hadIterations(3))
                .hasMessageStartingWith("Expecting Map state \"Charges\" of execution \"" + notKept.name()
                        + "\" to have run 3 iterations\nbut a Distributed Map's iterations are child executions, and this"
                        + " test does not keep them.\nKeep them with @StepFunctionTest(keepChildExecutions = true)");
    }

    static StateMachineUnderTest threeCharges(boolean keepChildExecutions) {
        StateMachineUnderTest charges = StateMachineUnderTest.of(StepFunctionsConfig.newBuilder()
                .definition("/dev/aslunit/internal/report/distributed-charges.asl.json")
                .keepChildExecutions(keepChildExecutions).build());
        charges.mock("Charge").returns("{\"paid\": true}").times(2).thenFails("Declined", "card 3");
        return charges;
    }

    record Ended(Execution parent, String mapState, Execution child) {
    }

    @Test
    void a_distributed_maps_children_reach_the_listeners_one_by_one_as_they_end_and_are_not_kept() {
        StateMachineUnderTest charges = threeCharges(false);
        List<Ended> ended = new ArrayList<>();
        Sandboxes.onChildExecutionEnd(charges, (parent, mapState, child) -> {
            Assertions.assertThat(parent.isRunning()).as("its parent still runs").isTrue();
            ended.add(new Ended(parent, mapState, child));
        });

        Execution execution = charges.run("bill", "{\"invoices\": [1, 2, 3]}");

        assertThat(execution).succeeded();
        Assertions.assertThat(execution.childExecutions()).isEmpty();
        Assertions.assertThat(ended).hasSize(3).allSatisfy(e -> {
            Assertions.assertThat(e.parent()).isSameAs(execution);
            Assertions.assertThat(e.mapState()).isEqualTo("Charges");
            Assertions.assertThat(e.child().definition())
                    .isSameAs(((MapState) execution.stateDefinition("Charges")).itemProcessor());
        });
        Assertions.assertThat(ended).extracting(e -> e.child().name())
                .containsExactly("bill/Charges/0", "bill/Charges/1", "bill/Charges/2");
        assertThat(ended.get(0).child()).succeeded().tookPath("Charge").hasOutputAt("$.Payload.paid", true);
        assertThat(ended.get(2).child()).failedWith("Declined").withCause("The card was declined")
                .tookPath("Charge", "Declined");
    }

    @Test
    void kept_children_are_not_handed_to_the_listeners() {
        StateMachineUnderTest charges = threeCharges(true);
        List<Ended> ended = new ArrayList<>();
        Sandboxes.onChildExecutionEnd(charges, (parent, mapState, child) -> ended.add(new Ended(parent, mapState, child)));

        Execution execution = charges.run("{\"invoices\": [1, 2, 3]}");

        Assertions.assertThat(execution.childExecutions().get("Charges")).hasSize(3);
        Assertions.assertThat(ended).isEmpty();
    }

    @Test
    void children_still_running_when_the_test_is_over_are_handed_over_as_far_as_they_got() {
        StateMachineUnderTest approvals = StateMachineUnderTest.of(StepFunctionsConfig.newBuilder()
                .definition("/dev/aslunit/internal/report/distributed-approvals.asl.json").build());
        approvals.mock("AskApprover").neverAnswers();
        List<Ended> ended = new ArrayList<>();
        Sandboxes.onChildExecutionEnd(approvals, (parent, mapState, child) -> ended.add(new Ended(parent, mapState, child)));
        Execution execution = approvals.start("{\"requests\": [1, 2, 3]}");
        Assertions.assertThat(execution.isRunning()).isTrue();
        Assertions.assertThat(ended).isEmpty();

        Sandboxes.handOverRunningChildExecutions(approvals);
        Sandboxes.handOverRunningChildExecutions(approvals);

        Assertions.assertThat(ended).singleElement().satisfies(e -> {
            Assertions.assertThat(e.child().isRunning()).isTrue();
            Assertions.assertThat(e.child().enteredStates()).containsExactly("AskApprover");
        });
    }
}
