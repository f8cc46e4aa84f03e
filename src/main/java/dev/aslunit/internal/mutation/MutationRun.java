package dev.aslunit.internal.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.Mutant;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.mutation.Mutator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs suites against every mutant of the definitions they use, whatever the front end (JUnit
 * classes, Cucumber scenarios, test files): the mutants of each definition, in parallel, each inside
 * its own {@link MutantScope} on a thread of its own, with a timeout per mutant and a time budget
 * for the whole run.
 *
 * <p>A mutant's run ends cleanly when its time is up: the scope is stopped (every sandbox in it stops
 * at its clock's next action, so a workflow still running ends there) and its thread interrupted
 * (a test blocked on I/O wakes); then the thread finishes the suite's bookkeeping and ends.
 */
public final class MutationRun {

    /** How long a stopped mutant's thread is given to end before it is left behind (a suite that ignores both signals). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * @param mutantTimeout a mutant's run longer than this counts as killed; {@code null}: 10 times the unmutated run, at least 5 s
     * @param timeBudget    no mutant starts after this wall time, and one still running then is stopped and not counted
     */
    public record Options(int threads, Duration timeBudget, Duration mutantTimeout) {

        /** The processors, at most 4: more mutants at once than cores only makes each slower. */
        public static int defaultThreads() {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            Objects.requireNonNull(timeBudget, "timeBudget");
        }
    }

    /** The first test that failed in a run and its failure's first line; both {@code null} when all passed. */
    public record Outcome(String failedTest, String failure) {
        public static final Outcome PASSED = new Outcome(null, null);

        public boolean passed() {
            return failedTest == null;
        }
    }

    /**
     * A suite run against a mutant's text, on the calling thread, which is inside {@code scope}. It
     * should {@linkplain MutantScope#stop stop} the scope at its first failure: the mutant is killed,
     * and the tests left then end at their first action.
     */
    @FunctionalInterface
    public interface Suite {
        Outcome run(String mutant, MutantScope scope);
    }

    /**
     * A definition and the tests to run against its mutants.
     *
     * @param definition its name in the report (as the tests name it, with {@code #logicalId} in a template)
     * @param identity   its {@link MutantScope#identity}, which the scope replaces, or {@code null} when
     *                   the suite hands the mutant to its tests itself
     * @param tests      what the suite runs, for the report
     * @param json       the original definition (as {@code PreparedStateMachine.json()} gives it)
     */
    public record Target(String definition, String identity, List<String> tests, JsonNode json, StateMachineType type,
            Suite suite) {

        public Target {
            tests = List.copyOf(tests);
        }

        /** The same definition tested by both: this target's suite, then (when it passed) the other's. */
        Target and(Target other) {
            List<String> both = new ArrayList<>(tests);
            other.tests.stream().filter(t -> !both.contains(t)).forEach(both::add);
            Suite first = suite;
            Suite second = other.suite;
            return new Target(definition, identity != null ? identity : other.identity, both, json, type,
                    (mutant, scope) -> {
                        Outcome o = first.run(mutant, scope);
                        return o.passed() ? second.run(mutant, scope) : o;
                    });
        }
    }

    private final Options options;

    private MutationRun(Options options) {
        this.options = options;
    }

    /**
     * @param baseline runs every suite once unmutated and returns the definitions to mutate (targets
     *                 of the same definition, by identity, are merged: a mutant is killed when any of
     *                 their tests fails)
     * @throws IllegalStateException from {@code baseline} when a suite fails without any mutant
     */
    public static MutationReport run(Options options, Supplier<List<Target>> baseline) {
        return new MutationRun(options).run(baseline);
    }

    private MutationReport run(Supplier<List<Target>> baseline) {
        long started = System.nanoTime();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Target t : baseline.get()) {
            targets.merge(t.identity() != null ? t.identity() : t.definition(), t, Target::and);
        }
        Duration timeout = options.mutantTimeout() != null ? options.mutantTimeout()
                : Duration.ofNanos(Math.max(Duration.ofSeconds(5).toNanos(), 10 * (System.nanoTime() - started)));
        long deadline = started + options.timeBudget().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "aslunit-mutation");
            t.setDaemon(true);
            return t;
        });
        try {
            // every definition's mutants queued at once, so that no thread idles at the end of a definition
            List<Target> all = List.copyOf(targets.values());
            List<Mutator.Mutants> mutants = new ArrayList<>();
            List<List<Future<MutantResult>>> futures = new ArrayList<>();
            for (Target target : all) {
                Mutator.Mutants of = Mutator.mutate(target.json(), target.type(), target.definition());
                mutants.add(of);
                futures.add(of.mutants().stream()
                        .map(mutant -> pool.submit(() -> run(target, mutant, timeout, deadline))).toList());
            }
            List<DefinitionMutations> definitions = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                List<MutantResult> results = new ArrayList<>();
                for (Future<MutantResult> f : futures.get(i)) {
                    results.add(get(f));
                }
                definitions.add(new DefinitionMutations(all.get(i).definition(), all.get(i).tests(), results,
                        mutants.get(i).invalid()));
            }
            return new MutationReport(definitions, System.nanoTime() - started, options.threads());
        } finally {
            pool.shutdownNow();
        }
    }

    private static MutantResult run(Target target, Mutant mutant, Duration timeout, long deadline) {
        if (mutant.isEquivalent()) {
            return new MutantResult(mutant, MutantResult.Status.EQUIVALENT, null, null, 0);
        }
        long start = System.nanoTime();
        long left = deadline - start;
        if (left <= 0) {
            return new MutantResult(mutant, MutantResult.Status.NOT_RUN, null, null, 0);
        }
        MutantScope scope = MutantScope.replacing(target.identity(), mutant.definition());
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        // a thread of its own, so that a run past its time can be stopped while this one reports it
        Thread runner = new Thread(() -> {
            try {
                outcome.set(scope.run(() -> target.suite().run(mutant.definition(), scope)));
            } catch (RuntimeException | Error e) {
                crash.set(e);
            }
        }, "aslunit-mutant");
        runner.setDaemon(true);
        runner.start();
        boolean byBudget = left < timeout.toNanos();
        join(runner, Duration.ofNanos(Math.min(left, timeout.toNanos())));
        long nanos = System.nanoTime() - start;
        if (runner.isAlive()) {
            scope.stop();
            runner.interrupt();
            join(runner, STOP_GRACE);
            return byBudget ? new MutantResult(mutant, MutantResult.Status.NOT_RUN, null, null, nanos)
                    : new MutantResult(mutant, MutantResult.Status.TIMED_OUT, "timeout after " + timeout.toMillis()
                            + " ms", null, nanos);
        }
        if (crash.get() != null) {
            throw new IllegalStateException("Mutation testing failed on " + mutant.id() + ": " + crash.get(), crash.get());
        }
        Outcome o = outcome.get();
        return o.passed() ? new MutantResult(mutant, MutantResult.Status.SURVIVED, null, null, nanos)
                : new MutantResult(mutant, MutantResult.Status.KILLED, o.failedTest(), o.failure(), nanos);
    }

    private static void join(Thread thread, Duration atMost) {
        try {
            thread.join(Math.max(1, atMost.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MutantResult get(Future<MutantResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Mutation testing was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Mutation testing failed: " + e.getCause(), e.getCause());
        }
    }

    /** A definition as the tests name it: the file, and the logical id or construct path in a template or CDK app. */
    public static String name(StepFunctionsConfig config) {
        return config.definition() + (config.logicalId() == null ? "" : "#" + config.logicalId());
    }

    /** The first line of a failure's message, for the report. */
    public static String firstLine(String message, String otherwise) {
        return message == null || message.isBlank() ? otherwise : message.strip().lines().findFirst().orElse(otherwise);
    }
}
