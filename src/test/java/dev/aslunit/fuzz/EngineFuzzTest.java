package dev.aslunit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.history.HistoryEvent;
import dev.aslunit.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated workflows, inputs and task answers never throw out of the loader, the validator or the
 * engine, never hang, and run the same twice. CI runs a fixed seed with {@code jqwik.tries.default}
 * tries (see pom.xml); {@code -Daslunit.fuzz.tries=100000} makes a long local run.
 */
class EngineFuzzTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property(seed = "20261124")
    void a_generated_workflow_ends_as_aws_would_and_runs_the_same_twice(@ForAll long seed) {
        RandomWorkflows generator = new RandomWorkflows(seed);
        JsonNode definition = generator.definition();
        JsonNode input = generator.input();

        LoadedDefinition loaded = DefinitionLoader.fromString(Json.write(definition)).named("fuzz-" + seed).load();
        Statistics.label("definition").collect(loaded.isValid() ? "valid" : "refused with diagnostics");
        if (!loaded.isValid()) {
            Statistics.label("why refused").collect(loaded.errors().get(0).code());
            assertThat(loaded.errors()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
            return;
        }
        CompiledStateMachine machine = CompiledStateMachine.compile(loaded.definition(), "Fuzz");
        Statistics.label("maps").collect(definition.toString().contains("DISTRIBUTED") ? "with a Distributed Map"
                : definition.toString().contains("\"Map\"") ? "inline Maps only" : "no Map");

        ExecutionRun first = run(machine, input, seed, false);
        ExecutionRun second = run(machine, input, seed, false);
        // a Distributed Map's children build their events only when kept: the parent must not notice
        ExecutionRun keepingChildren = run(machine, input, seed, true);

        Statistics.label("outcome").collect(first.status());
        assertThat(first.isDone() || first.status() == ExecutionStatus.RUNNING).isTrue();
        assertThat(first.history().size()).isLessThanOrEqualTo(ExecutionRun.HISTORY_LIMIT + 1);
        assertThat(render(second.history())).isEqualTo(render(first.history()));
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(render(keepingChildren.history())).isEqualTo(render(first.history()));
    }

    private static ExecutionRun run(CompiledStateMachine machine, JsonNode input, long seed, boolean keepChildren) {
        ExecutionOptions options = ExecutionOptions.builder().input(input).executionName("fuzz").seed(seed)
                .keepChildExecutions(keepChildren)
                .taskHandler(invocation -> Optional.of(answer(invocation, seed))).build();
        return machine.start(options, new VirtualScheduler(START)).awaitCompletion();
    }

    /** A task answer chosen from the call alone, so both runs see the same answers. */
    private static TaskOutcome answer(TaskInvocation call, long seed) {
        int pick = Math.floorMod(call.stateName().hashCode() * 31 + call.invocation() * 7 + (int) seed, 6);
        switch (pick) {
            case 0:
                return TaskOutcome.failed("Lambda.TooManyRequestsException", "Rate exceeded");
            case 1:
                return TaskOutcome.failed("Custom.Error", "{\"errorMessage\": \"boom\"}");
            case 2:
                return new TaskOutcome.Succeeded(Json.nodes().objectNode().put("late", true), Duration.ofSeconds(120));
            case 3:
                return new TaskOutcome.NoAnswer();
            default:
                return TaskOutcome.succeeded(Json.nodes().objectNode().put("ok", call.attempt()));
        }
    }

    private static String render(List<HistoryEvent> history) {
        return history.stream()
                .map(e -> e.id() + " " + e.previousEventId() + " " + e.timestamp() + " " + e.type() + " " + e.details())
                .collect(Collectors.joining("\n"));
    }
}
