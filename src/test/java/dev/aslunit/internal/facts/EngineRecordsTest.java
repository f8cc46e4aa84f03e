package dev.aslunit.internal.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.json.JsonReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the engine records as it runs, and the AWS-history adapter's reading of the history the same
 * run wrote: the two must give the same visits, attempts, scopes and variables, and the reader must
 * infer the retrier, catcher and Choice rule the engine knew.
 */
class EngineRecordsTest {

    private static final String DEFINITION = """
        {"StartAt": "Route", "States": {
          "Route": {"Type": "Choice", "Choices": [
              {"Variable": "$.kind", "StringEquals": "none", "Next": "Done"},
              {"Variable": "$.kind", "StringEquals": "all", "Next": "Fan"}],
            "Default": "Done"},
          "Fan": {"Type": "Parallel", "Next": "Each", "ResultPath": null, "Branches": [
              {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "Assign": {"left": 1}, "End": true}}},
              {"StartAt": "Right", "States": {"Right": {"Type": "Pass", "End": true}}}]},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ResultPath": null, "Next": "Charge",
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Item",
              "States": {"Item": {"Type": "Pass", "Assign": {"seen": true}, "End": true}}}},
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "charge"},
            "Retry": [{"ErrorEquals": ["Other"], "MaxAttempts": 1},
                      {"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["Other"], "Next": "Done"},
                      {"ErrorEquals": ["States.ALL"], "Next": "Recover"}],
            "Next": "Done"},
          "Recover": {"Type": "Pass", "Next": "Done"},
          "Done": {"Type": "Succeed"}
        }}""";

    @Test
    void the_engine_records_which_rule_retrier_and_catcher_acted() {
        ExecutionRun run = run();
        ExecutionRecord record = ExecutionRecord.of(run.facts());

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.top().path()).containsExactly("Route", "Fan", "Each", "Charge", "Recover", "Done");
        assertThat(record.visitsOf("Route").get(0).choiceRule()).isEqualTo(1);
        VisitRecord charge = record.visitsOf("Charge").get(0);
        assertThat(charge.attempts()).extracting(AttemptRecord::retrier).containsExactly(1, 1, 1);
        assertThat(charge.attempts()).extracting(AttemptRecord::retriesExhausted).containsExactly(false, false, true);
        assertThat(charge.attempts()).extracting(AttemptRecord::delayBefore)
                .containsExactly(null, Duration.ofSeconds(2), Duration.ofSeconds(4)); // BackoffRate defaults to 2.0
        assertThat(charge.catcher()).isEqualTo(1);
        assertThat(charge.caughtBy()).isEqualTo("Recover");
        assertThat(record.visitsOf("Each").get(0).children()).extracting(ScopeRecord::outcome)
                .containsOnly(ExecutionStatus.SUCCEEDED).hasSize(3);
        assertThat(record.visitsOf("Item")).extracting(v -> v.scope().label()).containsExactly("Each[0]", "Each[1]", "Each[2]");
        assertThat(record.visitsOf("Left").get(0).variablesAfter()).containsKey("left");
        assertThat(record.visitsOf("Right").get(0).variablesAfter()).doesNotContainKey("left");
    }

    @Test
    void a_recorded_history_reads_as_the_same_records() {
        ExecutionRun run = run();
        StateMachineDefinition definition = definition();

        ExecutionRecord live = ExecutionRecord.of(run.facts());
        ExecutionRecord read = ExecutionRecord.of(AwsHistoryFacts.read(definition, run.history()));

        assertThat(dump(read)).isEqualTo(dump(live));
    }

    private static StateMachineDefinition definition() {
        try {
            return DefinitionReader.read(JsonReading.tree(DEFINITION));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutionRun run() {
        int[] calls = {0};
        ExecutionOptions options = ExecutionOptions.builder()
                .input(JsonNodeFactory.instance.objectNode().put("kind", "all")
                        .set("items", JsonNodeFactory.instance.arrayNode().add(1).add(2).add(3)))
                .taskHandler(invocation -> Optional.of(++calls[0] < 4
                        ? new TaskOutcome.Failed("Lambda.TooManyRequestsException", "Rate exceeded", Duration.ZERO)
                        : new TaskOutcome.Succeeded(TextNode.valueOf("never"), Duration.ZERO)))
                .build();
        return CompiledStateMachine.compile(definition(), "Machine")
                .start(options, new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"))).awaitCompletion();
    }

    /** Everything both sources know, one visit a line. */
    private static String dump(ExecutionRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append(List.of(r.status(), String.valueOf(r.input()), String.valueOf(r.output()), r.duration())).append('\n');
        for (VisitRecord v : r.visits()) {
            sb.append(List.of(v.state(), v.type(), v.scope().label(), v.enteredAt(), String.valueOf(v.input()),
                    String.valueOf(v.exitedAt()), String.valueOf(v.output()), v.exited(), v.aborted(),
                    String.valueOf(v.error()), String.valueOf(v.next()), v.maxConcurrencyObserved(), v.choiceRule(), v.catcher(),
                    Map.copyOf(v.variablesAfter()))).append('\n');
            for (AttemptRecord a : v.attempts()) {
                sb.append("  ").append(List.of(a.number(), a.startedAt(), String.valueOf(a.endedAt()),
                        String.valueOf(a.resource()), String.valueOf(a.delayBefore()), a.outcome(),
                        String.valueOf(a.error()), String.valueOf(a.cause()), a.retrier(), a.retried())).append('\n');
            }
            for (ScopeRecord s : v.children()) {
                sb.append("  ").append(List.of(s.index(), s.outcome(), s.path())).append('\n');
            }
        }
        return sb.toString();
    }
}
