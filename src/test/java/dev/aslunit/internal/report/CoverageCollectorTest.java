package dev.aslunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageCollectorTest {

    static final PreparedStateMachine ORDERS = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("/dev/aslunit/orders.asl.json").build(), CoverageCollectorTest.class);
    static final ObjectMapper JSON = new ObjectMapper();

    static Execution throttledThenShipped() {
        StateMachineUnderTest sfn = ORDERS.newTest();
        sfn.mock("ValidateOrder").returns("{\"valid\": true}");
        sfn.mock("ShipOrder").returns("{\"trackingId\": \"TRK-9\"}");
        sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                .thenReturns("{\"paymentId\": \"pay-1\"}");
        return sfn.run("{\"orderId\": \"o-17\", \"total\": 250}");
    }

    static Execution throttledForever() {
        StateMachineUnderTest sfn = ORDERS.newTest();
        sfn.mock("ValidateOrder").returns("{\"valid\": true}");
        sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded");
        sfn.mock("NotifyCustomer").returns("{}");
        return sfn.run("{\"orderId\": \"o-18\", \"total\": 250}");
    }

    @Test
    void counts_states_transitions_and_retries_of_one_definition_over_several_executions() {
        CoverageCollector collector = new CoverageCollector();
        collector.record(throttledThenShipped());
        collector.record(throttledForever());

        DefinitionCoverage orders = collector.report().definitions().get(0);

        assertThat(orders.executions()).isEqualTo(2);
        assertThat(orders.statuses()).containsEntry("SUCCEEDED", 1).containsEntry("FAILED", 1);
        assertThat(orders.states()).filteredOn(s -> s.name().equals("ChargePayment"))
                .singleElement().satisfies(s -> {
                    assertThat(s.entered()).isEqualTo(2);
                    assertThat(s.pointer()).isEqualTo("/States/ChargePayment");
                    assertThat(s.position()).matches(".*orders\\.asl\\.json:\\d+:\\d+");
                });
        assertThat(orders.statesNeverEntered()).extracting(DefinitionCoverage.StateCoverage::name)
                .containsExactly("AwaitApproval", "ApprovalExpired");
        assertThat(orders.choiceRulesNeverTrue()).singleElement()
                .satisfies(t -> assertThat(t.describe()).isEqualTo("NeedsApproval --rule 1--> AwaitApproval"));
        assertThat(orders.transitions()).filteredOn(t -> t.kind().equals("catch") && t.from().equals("ChargePayment"))
                .singleElement().satisfies(t -> assertThat(t.taken()).isEqualTo(1));
        assertThat(orders.transitions()).filteredOn(t -> t.kind().equals("default"))
                .singleElement().satisfies(t -> assertThat(t.taken()).isEqualTo(2));
        assertThat(orders.retries()).filteredOn(r -> r.state().equals("ChargePayment")).singleElement()
                .satisfies(r -> {
                    assertThat(r.retries()).as("2 retries, then 3 that ran out").isEqualTo(5);
                    assertThat(r.exhausted()).isEqualTo(1);
                });
        assertThat(orders.missed()).anySatisfy(line -> assertThat(line)
                .startsWith("state AwaitApproval never entered, /States/AwaitApproval (")
                .contains("orders.asl.json:"));
    }

    static Execution threeCharges(boolean keepChildExecutions) {
        return threeCharges(keepChildExecutions, null);
    }

    /** With {@code streamTo}, the children the sandbox does not keep go to that collector as they end. */
    static Execution threeCharges(boolean keepChildExecutions, CoverageCollector streamTo) {
        StateMachineUnderTest sfn = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("/dev/aslunit/internal/report/distributed-charges.asl.json")
                .keepChildExecutions(keepChildExecutions).build(), CoverageCollectorTest.class).newTest();
        if (streamTo != null) {
            sfn.onChildExecutionEnd(streamTo);
        }
        // one at a time: throttled then charged, charged, declined
        sfn.mock("Charge").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(1)
                .thenReturns("{\"paid\": true}").times(2).thenFails("Declined", "card 3");
        return sfn.run("{\"invoices\": [1, 2, 3]}");
    }

    @Test
    void counts_the_states_inside_a_distributed_map_from_its_child_executions() {
        CoverageCollector collector = new CoverageCollector();
        Execution execution = threeCharges(true);
        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.childExecutions().get("Charges")).extracting(Execution::status)
                .containsExactly(Execution.Status.SUCCEEDED, Execution.Status.SUCCEEDED, Execution.Status.FAILED);
        collector.record(execution);

        DefinitionCoverage charges = collector.report().definitions().get(0);

        assertThat(charges.executions()).isEqualTo(1);
        assertThat(charges.statesNeverEntered()).isEmpty();
        assertThat(charges.states()).filteredOn(s -> s.name().equals("Charge")).singleElement()
                .satisfies(s -> assertThat(s.entered()).isEqualTo(3));
        assertThat(charges.transitions()).filteredOn(t -> t.kind().equals("catch")).singleElement()
                .satisfies(t -> assertThat(t.taken()).isEqualTo(1));
        assertThat(charges.retries()).singleElement().satisfies(r -> {
            assertThat(r.retries()).isEqualTo(1);
            assertThat(r.exhausted()).isZero();
        });
        assertThat(charges.containers()).singleElement().satisfies(c -> {
            assertThat(c.runs()).isEqualTo(1);
            assertThat(c.iterations()).isEqualTo(3);
            assertThat(c.failedIterations()).isEqualTo(1);
        });
    }

    /** Everything a definition's coverage counts but the graph it was drawn on. */
    static List<Object> counts(DefinitionCoverage d) {
        return List.of(d.executions(), d.statuses(), d.states(), d.transitions(), d.retries(), d.containers());
    }

    @Test
    void child_executions_handed_over_as_they_end_count_as_the_kept_ones_do() {
        CoverageCollector kept = new CoverageCollector();
        kept.record(threeCharges(true));
        CoverageCollector streamed = new CoverageCollector();
        Execution execution = threeCharges(false, streamed);
        assertThat(execution.childExecutions()).isEmpty();
        assertThat(streamed.report().definitions().get(0).containers().get(0).iterations())
                .as("counted while the test runs").isEqualTo(3);
        streamed.record(execution);

        DefinitionCoverage charges = streamed.report().definitions().get(0);
        assertThat(counts(charges)).isEqualTo(counts(kept.report().definitions().get(0)));
        assertThat(charges.states()).filteredOn(s -> s.name().equals("Charge")).singleElement()
                .satisfies(s -> assertThat(s.entered()).isEqualTo(3));
        assertThat(charges.containers()).singleElement().satisfies(c -> {
            assertThat(c.iterations()).isEqualTo(3);
            assertThat(c.failedIterations()).isEqualTo(1);
        });
    }

    @Test
    void kept_child_executions_are_not_handed_over_too_so_none_counts_twice() {
        CoverageCollector collector = new CoverageCollector();
        Execution execution = threeCharges(true, collector);
        assertThat(collector.isEmpty()).as("nothing handed over while the test runs").isTrue();
        collector.record(execution);

        DefinitionCoverage charges = collector.report().definitions().get(0);
        assertThat(charges.containers()).singleElement().satisfies(c -> {
            assertThat(c.iterations()).isEqualTo(3);
            assertThat(c.failedIterations()).isEqualTo(1);
        });
        assertThat(charges.states()).filteredOn(s -> s.name().equals("Charge")).singleElement()
                .satisfies(s -> assertThat(s.entered()).isEqualTo(3));
    }

    @Test
    void without_child_executions_the_states_inside_a_distributed_map_stay_unseen() {
        CoverageCollector collector = new CoverageCollector();
        collector.record(threeCharges(false));

        DefinitionCoverage charges = collector.report().definitions().get(0);

        assertThat(charges.statesNeverEntered()).extracting(DefinitionCoverage.StateCoverage::name)
                .containsExactly("Charge", "Declined");
        assertThat(charges.containers()).singleElement().satisfies(c -> assertThat(c.iterations()).isZero());
    }

    @Test
    void executions_recorded_from_many_threads_all_count() throws Exception {
        CoverageCollector collector = new CoverageCollector();
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            executions.add(i % 2 == 0 ? throttledThenShipped() : throttledForever());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Execution e : executions) {
                done.add(pool.submit(() -> collector.record(e)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        DefinitionCoverage orders = collector.report().definitions().get(0);
        assertThat(orders.executions()).isEqualTo(8);
        assertThat(orders.states()).filteredOn(s -> s.name().equals("ValidateOrder")).singleElement()
                .satisfies(s -> assertThat(s.entered()).isEqualTo(8));
    }

    @Test
    void a_choice_rule_is_told_from_another_with_the_same_target_by_evaluating_it_again(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("route.asl.json"), """
            {"StartAt": "Route", "States": {
              "Route": {"Type": "Choice", "Choices": [
                  {"Variable": "$.vip", "BooleanEquals": true, "Next": "Express"},
                  {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Express"}],
                "Default": "Express"},
              "Express": {"Type": "Succeed"}}}""");
        PreparedStateMachine route = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder().definition(file).build(),
                null);
        CoverageCollector collector = new CoverageCollector();
        collector.record(route.newTest().run("{\"vip\": false, \"total\": 250}"));
        collector.record(route.newTest().run("{\"vip\": false, \"total\": 5}"));

        assertThat(collector.report().definitions().get(0).transitions())
                .extracting(DefinitionCoverage.TransitionCoverage::label, DefinitionCoverage.TransitionCoverage::taken)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rule 1", 0),
                        org.assertj.core.groups.Tuple.tuple("rule 2", 1),
                        org.assertj.core.groups.Tuple.tuple("Default", 1));
    }

    @Test
    void coverage_json_has_the_documented_schema(@TempDir Path dir) throws Exception {
        CoverageCollector collector = new CoverageCollector();
        collector.record(throttledThenShipped());

        ReportWriter.write(collector.report(), dir);

        JsonNode json = JSON.readTree(Files.readString(dir.resolve("coverage.json")));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(CoverageReport.SCHEMA_VERSION);
        assertThat(json.at("/totals/definitions").asInt()).isEqualTo(1);
        JsonNode orders = json.at("/definitions/0");
        assertThat(orders.get("executions").asInt()).isEqualTo(1);
        assertThat(orders.at("/summary/states/total").asInt()).isEqualTo(9);
        assertThat(orders.at("/summary/states/covered").asInt()).isEqualTo(5);
        assertThat(orders.at("/summary/states/ratio").asDouble()).isEqualTo(0.5556);
        assertThat(orders.at("/summary/retryRules/fired").asInt()).isEqualTo(1);
        assertThat(orders.at("/statesNeverEntered").toString())
                .isEqualTo("[\"AwaitApproval\",\"NotifyCustomer\",\"PaymentFailed\",\"ApprovalExpired\"]");
        assertThat(orders.at("/choiceRulesNeverTrue/0/pointer").asText()).isEqualTo("/States/NeedsApproval/Choices/0");
        assertThat(orders.at("/choiceRulesNeverTrue/0/location").asText()).matches(".*orders\\.asl\\.json:\\d+:\\d+");
        assertThat(Files.readString(dir.resolve("coverage.md")))
                .contains("| 55.6% (5/9) |", "```mermaid", "stateDiagram-v2", "classDef uncovered");
    }

}
