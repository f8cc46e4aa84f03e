package dev.aslunit.internal.report;

import dev.aslunit.internal.pipeline.Models;
import dev.aslunit.internal.pipeline.ChildExecutionListener;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.EndedChild;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gathers the coverage of one test run: every execution the JUnit extension, the Cucumber steps or
 * a CLI batch hands over, per definition. Safe to feed from tests running in parallel.
 *
 * <p>The run's collector is owned by whoever runs the tests (the JUnit Platform session listener,
 * or {@code aslunit run --batch --coverage}); it installs it with {@link #activate} so that code with
 * no handle on the run (Cucumber's glue) can find it through {@link #active()}.
 */
public final class CoverageCollector implements ChildExecutionListener {

    private static final AtomicReference<CoverageCollector> ACTIVE = new AtomicReference<>();

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<StateMachineDefinition, String> inlineIds = new ConcurrentHashMap<>();
    private final AtomicInteger inlineCount = new AtomicInteger();

    /**
     * The collector of the run in progress, if one was activated; none for a suite that mutation
     * testing runs, whose executions (of mutants, or again of the original) are not the run's coverage.
     */
    public static Optional<CoverageCollector> active() {
        if (MutantScope.current().isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(ACTIVE.get());
    }

    /** Makes this the run's collector unless another run's already is; returns whether it did. */
    public boolean activate() {
        return ACTIVE.compareAndSet(null, this);
    }

    /** Ends this collector's turn as the run's collector (no effect when it is not). */
    public void deactivate() {
        ACTIVE.compareAndSet(this, null);
    }

    /**
     * Adds an execution, finished or not, to its definition's coverage, with the Distributed Map
     * child executions it keeps ({@link Execution#childExecutions()}).
     */
    public void record(Execution execution) {
        tally(Models.definition(execution)).add(execution);
    }

    /**
     * Adds one child execution of the Distributed Map state {@code mapState} of {@code definition},
     * as the engine ended it (its history and facts), as one iteration of that Map: its states count as those of
     * the item processor. For the children an execution does not keep, handed over one by one
     * ({@link Sandboxes#onChildExecutionEnd}) so that none has to stay in
     * memory; a kept child counts through {@link #record} instead, and must not be given here too.
     * (The CLI, which runs the engine itself, hands them over here.)
     */
    public void recordChildExecution(StateMachineDefinition definition, String mapState, EndedChild child) {
        tally(definition).addChild(mapState, child);
    }

    /**
     * A child execution a sandbox does not keep, as it ends: register the collector with
     * {@link Sandboxes#onChildExecutionEnd} to count them without keeping them.
     */
    @Override
    public void ended(Execution parent, String mapState, Execution child) {
        tally(Models.definition(parent)).addIteration(mapState, child);
    }

    /**
     * A test (or scenario) is over: its executions count, passed or failed, with the Distributed Map
     * children still running in them as far as they got.
     */
    public void recordTest(StateMachineUnderTest sfn) {
        Sandboxes.handOverRunningChildExecutions(sfn);
        sfn.executions().forEach(this::record);
    }

    private Tally tally(StateMachineDefinition definition) {
        String id = idOf(definition);
        return tallies.computeIfAbsent(id, k -> new Tally(id, nameOf(definition, id), new WorkflowGraph(definition)));
    }

    public boolean isEmpty() {
        return tallies.isEmpty();
    }

    /** The coverage so far, definitions sorted by name. */
    public CoverageReport report() {
        List<DefinitionCoverage> definitions = new ArrayList<>();
        for (Tally t : tallies.values()) {
            definitions.add(t.snapshot());
        }
        definitions.sort(java.util.Comparator.comparing(DefinitionCoverage::name).thenComparing(DefinitionCoverage::id));
        return new CoverageReport(definitions);
    }

    /**
     * The same file is the same definition, whoever loaded it (each Cucumber scenario loads its own);
     * a definition given as a string is known by its content.
     */
    private String idOf(StateMachineDefinition definition) {
        SourceLocation at = definition.location();
        if (at != null && at.file() != null) {
            return at.pointer() == null || at.pointer().isEmpty() ? at.file() : at.file() + "#" + at.pointer();
        }
        return inlineIds.computeIfAbsent(definition, d -> "inline-" + inlineCount.incrementAndGet());
    }

    private static String nameOf(StateMachineDefinition definition, String id) {
        SourceLocation at = definition.location();
        if (at == null || at.file() == null) {
            return "inline definition " + id.substring("inline-".length());
        }
        return id;
    }
}
