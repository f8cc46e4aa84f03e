package dev.aslunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.report.CoverageCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine targets of issues 9 and 20, each on the real engine with history on. Every benchmark
 * checks its execution succeeded and did the work (its output's count), so a regression to a
 * failing or short run cannot pass for a fast one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmarks {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonNode OK = Workflows.json("{\"ok\": true}");

    private CompiledStateMachine passChain;
    private CompiledStateMachine choiceLoop;
    private CompiledStateMachine distributedMap;
    private CompiledStateMachine retryStorm;
    private JsonNode passInput;
    private JsonNode loopInput;
    private JsonNode tenThousandItems;
    private JsonNode thousandItems;
    private String largeDefinition;
    private PreparedStateMachine distributedMapTests;
    private CoverageCollector coverage;

    @Setup
    public void compile() throws IOException {
        passChain = CompiledStateMachine.compile(DefinitionReader.read(Workflows.passChain(1000)), "PassChain");
        choiceLoop = CompiledStateMachine.compile(DefinitionReader.read(Workflows.json(Workflows.CHOICE_LOOP)), "Loop");
        distributedMap = CompiledStateMachine.compile(
                DefinitionReader.read(Workflows.json(Workflows.map(false, 40, true))), "DistributedMap");
        retryStorm = CompiledStateMachine.compile(
                DefinitionReader.read(Workflows.json(Workflows.map(true, 1, false))), "RetryStorm");
        passInput = Workflows.json("{\"id\": \"order-1\", \"total\": 125.5, \"tags\": [\"a\", \"b\", \"c\"]}");
        loopInput = Workflows.json("{\"counter\": 0, \"limit\": 5000}");
        tenThousandItems = Workflows.items(10_000);
        thousandItems = Workflows.items(1_000);
        largeDefinition = Workflows.large(300);
        Path definition = Files.createTempFile("aslunit-bench-map", ".asl.json");
        Files.writeString(definition, Workflows.map(false, 40, true));
        distributedMapTests = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder().definition(definition).build(),
                null);
        coverage = new CoverageCollector();
    }

    /** Target: at least 1,000,000 Pass transitions a second (score × 1000 transitions per op). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1000)
    public ExecutionRun passTransitions() {
        return check(run(passChain, passInput, null), "/last/step", 999);
    }

    /** Target: under 10 ms for 5,000 iterations (10,000 states, about 20,000 events). */
    @Benchmark
    public ExecutionRun choiceLoop5000() {
        return check(run(choiceLoop, loopInput, null), "/counter", 5000);
    }

    /**
     * Target: under 50 ms for 10,000 items, MaxConcurrency 40, as a JUnit test runs it: a sandbox
     * with a mock, and the coverage collector given each child execution's history as it ends.
     */
    @Benchmark
    public Execution distributedMap10k() {
        StateMachineUnderTest sfn = distributedMapTests.newTest();
        Sandboxes.onChildExecutionEnd(sfn, coverage);
        sfn.mock("Work").returns("{\"ok\": true}");
        Execution execution = sfn.run(tenThousandItems);
        coverage.recordTest(sfn);
        if (execution.status() != Execution.Status.SUCCEEDED
                || execution.output().at("/summary/processed").asInt() != 10_000) {
            throw new IllegalStateException("distributedMap10k: " + execution.status() + " " + execution.output());
        }
        return execution;
    }

    /** The same Map on the engine alone, no child history built: what the histories above cost. */
    @Benchmark
    public ExecutionRun distributedMap10kEngineOnly() {
        return check(run(distributedMap, tenThousandItems, invocation -> Optional.of(TaskOutcome.succeeded(OK))),
                "/summary/processed", 10_000);
    }

    /** Target: under 50 ms: 1,000 items each throttled five times before it succeeds (6,000 calls). */
    @Benchmark
    public ExecutionRun retryStorm1k() {
        return check(run(retryStorm, thousandItems, invocation -> Optional.of(invocation.attempt() < 5
                ? TaskOutcome.failed("Lambda.TooManyRequestsException", "Rate exceeded")
                : TaskOutcome.succeeded(OK))), "/summary/processed", 1000);
    }

    /** Target: under 20 ms to load, validate and compile a 300-state definition. */
    @Benchmark
    public CompiledStateMachine loadValidateCompile300() {
        return CompiledStateMachine.compile(
                DefinitionLoader.fromString(largeDefinition).load().requireValid(), "Large");
    }

    /** The run's output has {@code expected} at {@code pointer}: the work was done, not only ended. */
    private static ExecutionRun check(ExecutionRun run, String pointer, int expected) {
        JsonNode value = run.output().at(pointer);
        if (!value.isNumber() || value.asInt() != expected) {
            throw new IllegalStateException(run.name() + ": expected " + expected + " at " + pointer + ", got "
                    + run.output());
        }
        return run;
    }

    private static ExecutionRun run(CompiledStateMachine machine, JsonNode input, TaskHandler handler) {
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(input).executionName("bench");
        if (handler != null) {
            options.taskHandler(handler);
        }
        ExecutionRun run = machine.start(options.build(), new VirtualScheduler(START)).awaitCompletion();
        if (run.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(machine.name() + " ended " + run.status() + ": " + run.error() + " "
                    + run.cause());
        }
        return run;
    }
}
